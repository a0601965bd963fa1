"""Dictionary matching over phonetic keys with Aho-Corasick, respecting word boundaries.

A phrase and a text are both tokenised the same way and each token reduced to its phonetic key;
keys are joined without separators, so "प्रधानमंत्री" and "प्रधान मंत्री" meet. A match counts
only when it starts at a token start and ends at a token end: रूस does not match inside रूसी.
Latin aliases of up to four capitals ("US", "UN") must match case exactly, and capitalised Latin
aliases must meet a capitalised word ("Turkey", not "turkey").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from ghatna.model import Token
from ghatna.text.keys import key
from ghatna.text.normalize import normalize
from ghatna.text.segment import BOUNDARY_KEY, TOKEN_RE, TRANSPARENT


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    ref: str
    surface: str
    ambiguous: str | None = None  # also a common word of this class: an actor only with evidence (actors/ambiguous.py)


@dataclass(frozen=True, slots=True)
class Match:
    tok_start: int
    tok_end: int  # exclusive
    entries: tuple[Entry, ...]


def phrase_key(phrase: str) -> str:
    """The key of a dictionary phrase, made exactly as a text's: normalised (nukta, zero-width
    joiners, digits), tokenised, each token keyed."""
    parts = []
    for m in TOKEN_RE.finditer(normalize(phrase)[0]):
        w = m.group()
        if len(w) == 1 and not w.isalnum():
            parts.append("" if w in TRANSPARENT else BOUNDARY_KEY)
        else:
            parts.append(key(w))
    return "".join(parts)


def _is_latin(surface: str) -> bool:
    return any(c.isalpha() and c.isascii() for c in surface)


def _case_ok(surface: str, raw: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters or not all(c.isascii() for c in letters):
        return True
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return [c for c in raw if c.isalpha()] == letters
    if letters[0].isupper():
        first = next((c for c in raw if c.isalpha()), "")
        return first.isupper()
    return True


class PhraseMatcher:
    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        for e in entries:
            k = phrase_key(e.surface)
            if not k.strip(BOUNDARY_KEY):
                continue
            bucket = grouped.setdefault(k, [])
            if e not in bucket:
                bucket.append(e)
        self._automaton = ahocorasick.Automaton()
        for k, lst in grouped.items():
            needs_case = any(_is_latin(e.surface) for e in lst)
            self._automaton.add_word(k, (len(k), tuple(lst), needs_case))
        self._automaton.make_automaton()
        self.size = len(grouped)

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None,
             index: KeyIndex | None = None) -> list[Match]:
        """Longest non-overlapping matches among tokens[start:end], left to right. Pass the
        document's ``KeyIndex`` to share its key string between matchers."""
        end = len(tokens) if end is None else end
        if index is None or (start, end) != (0, len(tokens)):
            index = KeyIndex.build(tokens, start, end)
        if not index.text or self.size == 0:
            return []
        starts, ends = index.starts, index.ends
        cands: list[tuple[int, int, tuple[Entry, ...]]] = []
        for end_pos, (length, entries, needs_case) in self._automaton.iter(index.text):
            s, e = end_pos - length + 1, end_pos + 1
            ts = starts.get(s)
            te = ends.get(e)
            if ts is None or te is None:
                continue
            if needs_case:
                raw = " ".join(tokens[j].text for j in range(ts, te))
                entries = tuple(x for x in entries if _case_ok(x.surface, raw))
            if entries:
                cands.append((ts, te, entries))
        # longest first, then leftmost; a token belongs to at most one match
        cands.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: set[int] = set()
        out: list[Match] = []
        for ts, te, ents in cands:
            span = range(ts, te)
            if any(j in taken for j in span):
                continue
            taken.update(span)
            out.append(Match(ts, te, ents))
        out.sort(key=lambda m: m.tok_start)
        return out


@dataclass(frozen=True, slots=True)
class KeyIndex:
    """The tokens' phonetic keys joined into one string (sentences apart), with the string
    positions where tokens start and end: what every matcher of a document scans."""

    text: str
    starts: dict[int, int]  # string position -> first token starting there
    ends: dict[int, int]  # string position -> index after the token ending there

    @classmethod
    def build(cls, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> KeyIndex:
        end = len(tokens) if end is None else end
        parts: list[str] = []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 0
        prev_sentence = None
        for i in range(start, end):
            t = tokens[i]
            if prev_sentence is not None and t.sentence != prev_sentence:
                parts.append(BOUNDARY_KEY)
                pos += 1
            prev_sentence = t.sentence
            k = t.key
            if k:
                if pos not in starts:
                    starts[pos] = i
                parts.append(k)
                pos += len(k)
                ends[pos] = i + 1
        return cls("".join(parts), starts, ends)
