"""Quotation marks paired into quotes, paragraph by paragraph (data/quotes/marks.yaml).

Each mark opens or closes a kind (curly, straight, low, guillemets); marks of one kind are
interchangeable, so a quote typed “…’’ or "…'' still pairs. A closing mark closes the innermost
open mark of its kind, dropping marks opened inside it that never closed; a mark that may both
open one kind and close another (“ after „, » after «) closes only the mark on top. Marks that
double as apostrophes are none inside a word and open nothing right after a letter. A quote
that is still open at the end of its paragraph is reported as such (wire copy runs a quote over
paragraphs and closes only the last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable

from ghatna.gazetteer.load import DataError, data_root, read_yaml


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """The marks of every kind, compiled once: what each mark opens and closes."""

    pattern: re.Pattern[str]  # every mark, longest first
    opens: dict[str, str]  # mark -> the kind it opens
    closes: dict[str, frozenset[str]]  # mark -> the kinds it closes
    apostrophes: frozenset[str]  # marks that are also apostrophes
    silent: frozenset[str]  # marks not reported when left unpaired

    @classmethod
    def from_data(cls, d: dict) -> QuoteMarks:
        opens: dict[str, str] = {}
        closes: dict[str, set[str]] = {}
        apostrophes: set[str] = set()
        for k in d.get("kinds") or []:
            kind = k["id"]
            openers = k["marks"] if k.get("symmetric") else k["open"]
            closers = k["marks"] if k.get("symmetric") else k["close"]
            for m in openers:
                if m in opens:
                    raise DataError(f"quotation mark {m!r} opens two kinds ({opens[m]}, {kind})")
                opens[m] = kind
            for m in closers:
                closes.setdefault(m, set()).add(kind)
            if k.get("apostrophe"):
                apostrophes.update(openers)
                apostrophes.update(closers)
        marks = sorted(opens.keys() | closes.keys(), key=lambda m: (-len(m), m))
        if not marks:
            raise DataError("no quotation marks")
        pattern = re.compile("|".join(re.escape(m) for m in marks))
        silent = frozenset(m for m in marks if m in apostrophes)
        return cls(pattern, opens, {m: frozenset(v) for m, v in closes.items()}, frozenset(apostrophes), silent)

    @classmethod
    def load(cls, node: Traversable | None = None) -> QuoteMarks:
        return cls.from_data(read_yaml(node if node is not None else data_root() / "quotes" / "marks.yaml") or {})


@lru_cache(maxsize=1)
def default_marks() -> QuoteMarks:
    """The package's marks, read on first use."""
    return QuoteMarks.load()


@dataclass(frozen=True, slots=True)
class QuotePair:
    """One quote in working-copy offsets: ``start:end`` is the text inside the marks."""

    open_at: int  # the opening mark
    start: int
    end: int
    close_end: int  # just after the closing mark (the paragraph's end when unclosed)
    depth: int  # 0 for a quote that no other quote holds
    closed: bool = True


@dataclass(slots=True)
class Pairing:
    pairs: list[QuotePair]  # in order of their opening marks
    unpaired: list[int]  # offsets of marks without a partner (apostrophe-like marks left out)


def is_word_char(c: str) -> bool:
    return c.isalnum() or "\u0900" <= c <= "\u097f"


def _innermost(stack: list[tuple[str, int]], at_depth: dict[str, list[int]], kinds: frozenset[str]) -> int | None:
    """The stack position of the innermost open mark of one of ``kinds``, in amortised constant
    time however many unclosed marks of other kinds lie above it (entries cut off by an outer
    closer are dropped as they are met)."""
    best = None
    for kind in kinds:
        depths = at_depth.get(kind)
        while depths and (depths[-1] >= len(stack) or stack[depths[-1]][0] != kind):
            depths.pop()
        if depths and (best is None or depths[-1] > best):
            best = depths[-1]
    return best


def find_pairs(norm: str, marks: QuoteMarks | None = None) -> Pairing:
    """Every quote of the working copy and every mark left without its partner."""
    qm = marks if marks is not None else default_marks()
    pairs: list[QuotePair] = []
    unpaired: list[int] = []
    pos = 0
    for line in norm.split("\n"):
        stack: list[tuple[str, int]] = []  # (kind, offset of the opening mark)
        opened: list[str] = []  # the opening marks of the stack
        at_depth: dict[str, list[int]] = {}  # where each kind was pushed on the stack
        for found in qm.pattern.finditer(line):
            i, mark = found.start(), found.group()
            at = pos + i
            prev_word = i > 0 and is_word_char(line[i - 1])
            next_word = found.end() < len(line) and is_word_char(line[found.end()])
            kinds = qm.closes.get(mark)
            opens = qm.opens.get(mark)
            if mark in qm.apostrophes and prev_word and next_word:
                # an apostrophe in a Latin word (India's, Brazil’s); between Devanagari letters
                # (ओ'ब्रायन) only a mark that closes an open quote: Hindi web text often has no
                # space after it ("…नहीं'उन्होंने")
                if line[i - 1].isascii() or line[found.end()].isascii():
                    continue
                opens = None
            if kinds:
                idx = _innermost(stack, at_depth, kinds)
                ambiguous = opens is not None and opens not in kinds
                if idx is not None and (not ambiguous or idx == len(stack) - 1):
                    pairs.append(QuotePair(stack[idx][1], stack[idx][1] + len(opened[idx]), at, at + len(mark), idx))
                    del stack[idx:]
                    del opened[idx:]
                    continue
            if opens is not None and not (mark in qm.apostrophes and prev_word):
                stack.append((opens, at))
                opened.append(mark)
                at_depth.setdefault(opens, []).append(len(stack) - 1)
            elif mark not in qm.silent:
                unpaired.append(at)
        end = pos + len(line)
        for d, ((_, at), mark) in enumerate(zip(stack, opened, strict=True)):
            if mark not in qm.silent:
                unpaired.append(at)
                pairs.append(QuotePair(at, at + len(mark), end, end, d, closed=False))
        pos = end + 1
    pairs.sort(key=lambda p: (p.open_at, p.depth))
    unpaired.sort()
    return Pairing(pairs, unpaired)


def pair_quotes(norm: str, marks: QuoteMarks | None = None) -> tuple[list[tuple[int, int]], list[int]]:
    """(inner spans of the closed quotes, offsets of unpaired marks) over the working copy."""
    found = find_pairs(norm, marks)
    return sorted((p.start, p.end) for p in found.pairs if p.closed), found.unpaired
