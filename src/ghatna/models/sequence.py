"""A greedy left-to-right sequence tagger (averaged perceptron), shipped as a JSON file.

The file holds the tag set (BIO: ``O``, ``B-PER``, ``I-PER`` …), the weights of each named
feature for the tags it votes on, the words the tagger never needs to look at (``plain``: words
that were always outside a name in the training data), the words that mostly were inside one
with the type they named (``lexicon``), how often each frequent word was inside a name of each
type (``shares``), and the model's card (data and licence, command, accuracy). Decoding is a sum
of weights per tag and the best tag that may follow the previous one: no numerical library is
needed at run time. The features are the caller's (see ghatna.actors.learned); the model only
scores them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

OUTSIDE = 0  # index of the "O" tag in every model
FILE_FIELDS = ("tags", "weights", "plain", "lexicon", "shares")


def types_of(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The name types of a BIO tag set, in order of first appearance."""
    return tuple(dict.fromkeys(t[2:] for t in tags if t != "O"))


def allowed_after(tags: tuple[str, ...]) -> tuple[tuple[bool, ...], ...]:
    """allowed[prev][tag]: an I- tag only continues a name of its own type (BIO)."""
    return tuple(tuple(not t.startswith("I-") or (p != "O" and p[2:] == t[2:]) for t in tags) for p in tags)


@dataclass(frozen=True, slots=True)
class SequenceModel:
    tags: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature → one weight per tag
    plain: frozenset[str] = frozenset()
    lexicon: dict[str, str] = field(default_factory=dict)  # word → the type it mostly names
    shares: dict[str, tuple[float, ...]] = field(default_factory=dict)  # word → share inside each type
    card: dict[str, Any] = field(default_factory=dict)
    allowed: tuple[tuple[bool, ...], ...] = ()
    types: tuple[str, ...] = ()  # PER, ORG, … in the order of ``shares``

    @classmethod
    def build(cls, tags: Iterable[str], weights: Mapping[str, Mapping[int, float]], plain: Iterable[str] = (),
              lexicon: dict[str, str] | None = None, shares: dict[str, tuple[float, ...]] | None = None,
              card: dict[str, Any] | None = None) -> SequenceModel:
        """A model from sparse weights (feature → {tag index: weight})."""
        t = tuple(tags)
        if not t or t[OUTSIDE] != "O":
            raise ValueError("the first tag of a sequence model must be 'O'")
        zero = (0.0,) * len(t)
        dense = {}
        for f, ws in weights.items():
            row = list(zero)
            for c, v in ws.items():
                row[c] = v
            dense[f] = tuple(row)
        return cls(t, dense, frozenset(plain), dict(lexicon or {}), dict(shares or {}), dict(card or {}),
                   allowed_after(t), types_of(t))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SequenceModel:
        tags = tuple(d["tags"])
        if not tags or tags[OUTSIDE] != "O":
            raise ValueError("the first tag of a sequence model must be 'O'")
        zero = [0.0] * len(tags)
        weights = {}
        for f, flat in d["weights"].items():
            row = zero.copy()
            for i in range(0, len(flat), 2):
                row[flat[i]] = float(flat[i + 1])
            weights[f] = tuple(row)
        card = {k: v for k, v in d.items() if k not in FILE_FIELDS}
        shares = {w: tuple(map(float, v)) for w, v in (d.get("shares") or {}).items()}
        return cls(tags, weights, frozenset(d.get("plain") or ()), dict(d.get("lexicon") or {}), shares, card,
                   allowed_after(tags), types_of(tags))

    def to_dict(self) -> dict[str, Any]:
        """The file form: the card, then the tags, the word lists, and each feature's weights as
        a flat list [tag, weight, tag, weight …] of its non-zero weights."""
        weights = {f: [x for c, w in enumerate(ws) if w for x in (c, w)] for f, ws in sorted(self.weights.items())}
        return {**self.card, "tags": list(self.tags), "plain": sorted(self.plain),
                "lexicon": dict(sorted(self.lexicon.items())),
                "shares": {w: list(v) for w, v in sorted(self.shares.items())}, "weights": weights}

    @classmethod
    def load(cls, name: str) -> SequenceModel:
        """models/<name>.json from the package, through ghatna's disk cache (a pickle loads several
        times faster than the JSON is read), keyed by the file's and this module's size and time."""
        node = resources.files("ghatna") / "models" / f"{name}.json"

        def read() -> SequenceModel:
            return cls.from_dict(json.loads(node.read_text(encoding="utf-8")))

        try:
            stamps = [os.stat(str(p)) for p in (node, __file__)]
        except OSError:  # not a plain file (a zipped package): no cache
            return read()
        from ghatna.cache import load_or_build

        key = "-".join(f"{st.st_size}.{st.st_mtime_ns}" for st in stamps)
        return load_or_build(f"model-{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}", read)

    @staticmethod
    def available(name: str) -> bool:
        return (resources.files("ghatna") / "models" / f"{name}.json").is_file()

    def share(self, word: str, typ: str) -> float | None:
        """How often the word was inside a name of the type in the training data (0.0 for a
        plain word), or None when it was too rare to say."""
        if word in self.plain:
            return 0.0
        v = self.shares.get(word)
        return None if v is None else v[self.types.index(typ)]

    def scores(self, features: Iterable[str]) -> list[float]:
        rows = [r for r in map(self.weights.get, features) if r is not None]
        if not rows:
            return [0.0] * len(self.tags)
        return list(map(sum, zip(*rows, strict=True)))

    def best(self, features: Iterable[str], prev: int) -> tuple[int, float]:
        """The best tag that may follow tag ``prev`` (an index into ``tags``), with its lead over
        the score of O (0.0 when the best is O)."""
        s = self.scores(features)
        ok = self.allowed[prev]
        best, top = OUTSIDE, s[OUTSIDE]
        for c in range(1, len(s)):
            if ok[c] and s[c] > top:
                best, top = c, s[c]
        return best, top - s[OUTSIDE]
