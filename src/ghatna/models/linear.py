"""A logistic-regression model over named binary features, shipped as a JSON file.

The file holds the weights by feature name, the bias, a decision threshold, optionally a
calibration of the score (fitted on cross-validated scores, so that a probability of 0.7 means
seven right in ten on text the model did not see), and the model's card (what it was trained on,
with which command, how accurate it is). Inference is a sum of the weights of the features
present: no numerical library is needed at run time.

Two calibrations are understood, both monotone in the score:

- ``"calibration": {"a": …, "b": …}``: Platt scaling, sigmoid(a·score + b);
- ``"calibration": {"method": "bins", "by": "lang", "tables": {"hi": {"edges": [z1, z2],
  "values": [p0, p1, p2]}, …, "*": {…}}}``: histogram binning (``edges`` ascending, one value
  more than edges, values non-decreasing); the probability is the bins' values joined by straight
  lines between their centres (``BinTable``) at the score, the table chosen by the feature
  ``by=<key>`` among the features (``"*"`` when none matches).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
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
    bins: BinnedCalibration | None = None  # or histogram binning of the score

    @classmethod
    def load(cls, name: str) -> LinearModel:
        """models/<name>.json from the package."""
        node = resources.files("ghatna") / "models" / f"{name}.json"
        d = json.loads(node.read_text(encoding="utf-8"))
        cal = d.get("calibration")
        platt: tuple[float, float] | None = None
        bins: BinnedCalibration | None = None
        if cal and cal.get("method") == "bins":
            bins = BinnedCalibration.from_dict(cal)
        elif cal:
            platt = (float(cal["a"]), float(cal["b"]))
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]), float(d["threshold"]),
                   {k: v for k, v in d.items() if k not in ("weights", "bias", "threshold", "calibration")},
                   platt, bins)

    @staticmethod
    def available(name: str) -> bool:
        return (resources.files("ghatna") / "models" / f"{name}.json").is_file()

    def score(self, features: list[str]) -> float:
        """The linear score: the bias plus the weights of the features present."""
        return self.bias + sum(self.weights.get(f, 0.0) for f in features)

    def probability(self, features: list[str]) -> float:
        z = self.score(features)
        if self.bins is not None:
            return self.bins.probability(z, features)
        if self.calibration is not None:
            a, b = self.calibration
            z = a * z + b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# how far past the outer bins' values a score beyond their centres may reach: the outer bins'
# events are themselves a mix, the most extreme of them rarer or likelier still
OUTER_REACH = 0.1


@dataclass(frozen=True, slots=True)
class BinTable:
    edges: tuple[float, ...]  # ascending score edges between bins
    values: tuple[float, ...]  # probability of each bin: one more than edges, non-decreasing

    def __post_init__(self) -> None:
        if len(self.values) != len(self.edges) + 1:
            raise ValueError(f"{len(self.edges)} edges need {len(self.edges) + 1} values, not {len(self.values)}")
        if any(b < a for a, b in zip(self.edges, self.edges[1:], strict=False)):
            raise ValueError("bin edges must ascend")
        if any(b < a for a, b in zip(self.values, self.values[1:], strict=False)):
            raise ValueError("bin values must not decrease (the calibration must be monotone)")
        if any(not 0.0 <= v <= 1.0 for v in self.values):
            raise ValueError("bin values must be probabilities")

    def centres(self) -> tuple[float, ...]:
        """A score for each bin: the middle of an inner bin; half a neighbour's width beyond the
        outer edges (one unit when there is a single edge)."""
        e = self.edges
        if not e:
            return (0.0,)
        width = (e[-1] - e[0]) / (len(e) - 1) if len(e) > 1 else 2.0
        inner = tuple((a + b) / 2 for a, b in zip(e, e[1:], strict=False))
        return (e[0] - width / 2, *inner, e[-1] + width / 2)

    def __call__(self, z: float) -> float:
        """The bins' probabilities joined by straight lines between their centres and continued
        beyond the outer ones along the outer segment's slope, at most ``OUTER_REACH`` past the
        outer bin's value: monotone in the score, and a lower score never reads as the same value
        merely for falling in the same bin."""
        c, v = self.centres(), self.values
        if len(v) == 1:
            return v[0]
        if z <= c[0]:
            slope = (v[1] - v[0]) / (c[1] - c[0])
            return max(0.0, v[0] - min(OUTER_REACH, slope * (c[0] - z)))
        if z >= c[-1]:
            slope = (v[-1] - v[-2]) / (c[-1] - c[-2])
            return min(1.0, v[-1] + min(OUTER_REACH, slope * (z - c[-1])))
        k = bisect_right(c, z) - 1
        return v[k] + (v[k + 1] - v[k]) * (z - c[k]) / (c[k + 1] - c[k])


@dataclass(frozen=True, slots=True)
class BinnedCalibration:
    """Histogram binning of the score, one table per value of a feature (the language)."""

    by: str
    tables: dict[str, BinTable]  # key → table; "*" for any other key

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> BinnedCalibration:
        return cls(str(d["by"]), {str(k): BinTable(tuple(float(e) for e in t["edges"]),
                                                   tuple(float(v) for v in t["values"]))
                                  for k, t in d["tables"].items()})

    def to_dict(self) -> dict[str, Any]:
        return {"method": "bins", "by": self.by,
                "tables": {k: {"edges": list(t.edges), "values": list(t.values)} for k, t in self.tables.items()}}

    def table(self, features: list[str]) -> BinTable:
        prefix = f"{self.by}="
        for f in features:
            if f.startswith(prefix) and f[len(prefix):] in self.tables:
                return self.tables[f[len(prefix):]]
        return self.tables["*"]

    def probability(self, z: float, features: list[str]) -> float:
        return self.table(features)(z)
