"""A logistic-regression model over named binary features, shipped as a JSON file.

The file holds the weights by feature name, the bias, a decision threshold, optionally a Platt
calibration of the score (fitted on cross-validated scores, so that a probability of 0.7 means
seven right in ten on text the model did not see), and the model's card (what it was trained on,
with which command, how accurate it is). Inference is a sum of the
weights of the features present: no numerical library is needed at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    card: dict[str, Any] = field(default_factory=dict)
    calibration: tuple[float, float] | None = None  # Platt scaling (a, b) of the score: sigmoid(a·z + b)

    @classmethod
    def load(cls, name: str) -> LinearModel:
        """models/<name>.json from the package."""
        node = resources.files("ghatna") / "models" / f"{name}.json"
        d = json.loads(node.read_text(encoding="utf-8"))
        cal = d.get("calibration")
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]), float(d["threshold"]),
                   {k: v for k, v in d.items() if k not in ("weights", "bias", "threshold", "calibration")},
                   (float(cal["a"]), float(cal["b"])) if cal else None)

    @staticmethod
    def available(name: str) -> bool:
        return (resources.files("ghatna") / "models" / f"{name}.json").is_file()

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if self.calibration is not None:
            a, b = self.calibration
            z = a * z + b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
