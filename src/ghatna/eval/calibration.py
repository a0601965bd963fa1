"""How well a confidence matches how often it is right: reliability bins, the expected
calibration error (ECE), and the ECE a perfectly calibrated model would show on as few events
(the noise floor against which a measured ECE must be read)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True, slots=True)
class Bin:
    lo: float
    hi: float
    n: int
    confidence: float  # mean confidence of the events in the bin (0 when empty)
    accuracy: float  # share of them that are right (0 when empty)


def _bin_of(p: float, bins: int) -> int:
    return min(bins - 1, max(0, int(p * bins)))


def reliability(probs: list[float], labels: list[int], bins: int = 10) -> list[Bin]:
    """Equal-width bins over [0, 1]: how many events, their mean confidence, their accuracy."""
    if len(probs) != len(labels):
        raise ValueError(f"{len(probs)} confidences but {len(labels)} labels")
    if bins < 1:
        raise ValueError("bins must be at least 1")
    sums = [[0, 0.0, 0] for _ in range(bins)]
    for p, y in zip(probs, labels, strict=True):
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"confidence {p} outside [0, 1]")
        s = sums[_bin_of(p, bins)]
        s[0] += 1
        s[1] += p
        s[2] += y
    return [Bin(b / bins, (b + 1) / bins, int(n), c / n if n else 0.0, k / n if n else 0.0)
            for b, (n, c, k) in enumerate(sums)]


def ece(probs: list[float], labels: list[int], bins: int = 10) -> float:
    """Expected calibration error: the gap between confidence and accuracy in each equal-width
    bin, weighted by the bin's share of the events."""
    if not probs:
        return 0.0
    return sum(b.n * abs(b.confidence - b.accuracy) for b in reliability(probs, labels, bins)) / len(probs)


def noise_floor(probs: list[float], bins: int = 10, trials: int = 2000, seed: int = 0) -> tuple[float, float]:
    """(median, 90th percentile) of the ECE of a perfectly calibrated model with these very
    confidences: each event right with exactly its confidence. A measured ECE below the 90th
    percentile is no evidence of miscalibration at this sample size."""
    if not probs:
        return 0.0, 0.0
    rng = random.Random(seed)
    draws = sorted(ece(probs, [int(rng.random() < p) for p in probs], bins) for _ in range(trials))
    return median(draws), draws[min(len(draws) - 1, int(0.9 * len(draws)))]
