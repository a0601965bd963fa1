"""Casualties: how many an attack, a riot or a crackdown killed, injured, abducted or arrested.

Counts are read from the sentence of a conflict event (ASSAULT, PROTEST/riot, COERCE) and, when
the next sentence reports no conflict event of its own, from that one too ("… हमले में 15 लोगों
की मौत हो गई। वहीं 21 लोग घायल हो गए।"). A count is a number (digits, number words, a number
word with a multiplier) within a few words of a casualty phrase of one kind, on the side the
language puts it (data/lang/<lang>/casualties.yaml), not across a clause break and not when a
unit follows the number ("25 वर्षीय", "2 बजे"). A casualty phrase in a sentence with several
conflict events counts for the event whose trigger is nearest.

The event's ``casualties`` holds the counts and one evidence span, from the first counted
number to the end of the last casualty phrase: ``text[start:end]`` states every number given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.events.unattributed import is_conflict
from ghatna.gazetteer.load import DataError, read_yaml
from ghatna.lang.grammar import token_forms, token_keys
from ghatna.model import Casualties, Document, Event, Token

KINDS = ("killed", "injured", "abducted", "arrested")
REACH = 5  # words between a count and its casualty phrase
DIGITS = re.compile(r"\d+")
YEARS = range(1900, 2100)  # a bare year is no count of people
BREAK_KEY = "|"  # the key of a clause mark (comma, danda, semicolon)


def counts_casualties(ev: Event) -> bool:
    """Attacks, riots and coercion (arrests, abductions by the state) are counted."""
    return is_conflict(ev.type, ev.mode) or ev.type == "COERCE"


@dataclass(slots=True)
class _Phrases:
    """Phrases of one or more tokens → label, matched at a token position on phonetic keys (or
    on exact forms), longest first."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    on_forms: bool = False

    def add(self, phrase: str, label: str) -> None:
        keys = token_forms(phrase) if self.on_forms else token_keys(phrase)
        if keys:
            lst = self.by_first.setdefault(keys[0], [])
            lst.append((keys, label))
            lst.sort(key=lambda x: -len(x[0]))

    def match(self, tokens: Sequence[Token], j: int, end: int) -> tuple[str, int] | None:
        """(label, index after the phrase) of the longest phrase at word token ``j``."""
        cands = self.by_first.get(tokens[j].form if self.on_forms else tokens[j].key)
        if not cands:
            return None
        for keys, label in cands:
            pos = j + 1
            for want in keys[1:]:
                while pos < end and not tokens[pos].key:
                    pos += 1
                if pos >= end or (tokens[pos].form if self.on_forms else tokens[pos].key) != want:
                    break
                pos += 1
            else:
                return label, pos
        return None


@dataclass(slots=True)
class CasualtyWords:
    """One language's casualty data (casualties.yaml), ready to match."""

    numbers: dict[str, float]
    multipliers: dict[str, int]
    units: _Phrases
    breaks: _Phrases
    before: _Phrases  # the count comes before the phrase
    after: _Phrases  # the count comes after it

    @classmethod
    def load(cls, folder: Traversable) -> CasualtyWords | None:
        node = folder / "casualties.yaml"
        return cls.from_dict(read_yaml(node) or {}, str(node)) if node.is_file() else None

    @classmethod
    def from_dict(cls, d: dict[str, Any], where: str = "casualties") -> CasualtyWords:
        kinds = d.get("kinds") or {}
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise DataError(f"{where}: unknown casualty kinds {sorted(unknown)}")
        units, breaks = _Phrases(on_forms=True), _Phrases(on_forms=True)
        before, after = _Phrases(), _Phrases()
        for w in d.get("units") or []:
            units.add(str(w), "unit")
        for w in d.get("breaks") or []:
            breaks.add(str(w), "break")
        for kind, sides in kinds.items():
            for w in sides.get("before") or []:
                before.add(str(w), kind)
            for w in sides.get("after") or []:
                after.add(str(w), kind)
        numbers = {token_forms(str(k))[0]: float(v) for k, v in (d.get("numbers") or {}).items()}
        mults = {token_forms(str(k))[0]: int(v) for k, v in (d.get("multipliers") or {}).items()}
        return cls(numbers, mults, units, breaks, before, after)


@dataclass(frozen=True, slots=True)
class Count:
    kind: str
    value: int
    first: int  # token range from the number to the end of the phrase (either order)
    last: int  # exclusive
    anchor: int  # the phrase's first token (what the nearest trigger is measured from)


class _SentenceCounts:
    """The numbers and casualty phrases of a stretch of tokens, and the counts they make."""

    def __init__(self, words: CasualtyWords, tokens: Sequence[Token], a: int, b: int) -> None:
        self.w, self.toks, self.a, self.b = words, tokens, a, b
        self.idx = [j for j in range(a, b) if tokens[j].key]  # word tokens
        self.numbers: dict[int, tuple[int, int]] = {}  # position in idx → (value, positions used)
        self.inner: dict[int, int] = {}  # a position inside a number of several words → where it starts
        self.phrases: list[tuple[int, int, str, str]] = []  # (idx pos, idx pos after, kind, side)
        self.stops: set[int] = set()  # idx positions of breaks
        self._scan()

    def _scan(self) -> None:
        toks, idx = self.toks, self.idx
        p = 0
        while p < len(idx):
            j = idx[p]
            if toks[j].key == BREAK_KEY or self.w.breaks.match(toks, j, self.b):
                self.stops.add(p)
            num = self._number(p)
            if num is not None and p not in self.inner:
                self.numbers[p] = num
                self.inner.update({q: p for q in range(p + 1, p + num[1])})
            hit_b = self.w.before.match(toks, j, self.b)
            hit_a = self.w.after.match(toks, j, self.b)
            hits = [(h, side) for h, side in ((hit_b, "before"), (hit_a, "after")) if h is not None]
            if hits:
                longest = max(h[1] for h, _ in hits)
                end = next((q for q in range(p + 1, len(idx)) if idx[q] >= longest), len(idx))
                for (kind, stop), side in hits:
                    if stop == longest:
                        self.phrases.append((p, end, kind, side))
                p = max(end, p + 1)
                continue
            p += 1

    def _number(self, p: int) -> tuple[int, int] | None:
        """(value, word positions it takes) of a count starting at word position ``p``."""
        toks, idx = self.toks, self.idx
        t = toks[idx[p]]
        used = 1
        if DIGITS.fullmatch(t.norm):
            text = t.norm
            # "1,200": digits, a comma, three digits, written without spaces
            while p + used + 1 < len(idx) and toks[idx[p + used]].norm == "," \
                    and toks[idx[p + used]].start == toks[idx[p + used] - 1].end \
                    and DIGITS.fullmatch(toks[idx[p + used + 1]].norm) and len(toks[idx[p + used + 1]].norm) == 3:
                text += toks[idx[p + used + 1]].norm
                used += 2
            value: float = int(text)
            if len(text) == 4 and int(text) in YEARS:
                return None
        elif t.form in self.w.numbers:
            value = self.w.numbers[t.form]
        else:
            return None
        if p + used < len(idx) and toks[idx[p + used]].form in self.w.multipliers:
            value *= self.w.multipliers[toks[idx[p + used]].form]
            used += 1
        if value != int(value) or value <= 0:
            return None
        if p + used < len(idx) and self.w.units.match(toks, idx[p + used], self.b):
            return None  # an age, an hour, a distance, a sum
        return int(value), used

    def counts(self) -> list[Count]:
        out: list[Count] = []
        taken: set[int] = set()
        phrase_at = {q for p0, p1, _, _ in self.phrases for q in range(p0, p1)}
        # "after" first where a phrase may take either side: a count that follows an active verb is
        # its object ("killed 15"), the one before it its subject
        for p0, p1, kind, side in sorted(self.phrases, key=lambda x: (x[3] != "after", x[0])):
            if any(c.anchor == self.idx[p0] for c in out):
                continue
            if side == "after":
                found = self._look(range(p1, min(len(self.idx), p1 + REACH)), taken, phrase_at)
            else:
                found = self._look(range(p0 - 1, max(-1, p0 - 1 - REACH), -1), taken, phrase_at)
            if found is None:
                continue
            q, (value, used) = found
            taken.update(range(q, q + used))
            first, last = (p0, q + used) if side == "after" else (q, p1)
            out.append(Count(kind, value, self.idx[first], self.idx[last - 1] + 1, self.idx[p0]))
        return out

    def _look(self, positions: range, taken: set[int], phrase_at: set[int]) -> tuple[int, tuple[int, int]] | None:
        for q in positions:
            q = self.inner.get(q, q)  # "डेढ़ दर्जन", "दो सौ", "1,200" are read from their first word
            if q in self.numbers and q not in taken:
                return q, self.numbers[q]
            if q in self.stops or q in phrase_at:
                return None
        return None


def sentence_counts(words: CasualtyWords, tokens: Sequence[Token], a: int, b: int) -> list[Count]:
    """The casualty counts of tokens [a, b), in text order."""
    return sorted(_SentenceCounts(words, tokens, a, b).counts(), key=lambda c: c.first)


def casualties_of(doc: Document, counts: list[Count]) -> Casualties | None:
    """One event's counts as its ``Casualties`` (the largest count of each kind; the span from the
    first number to the last phrase)."""
    if not counts:
        return None
    by_kind: dict[str, int] = {}
    for c in counts:
        by_kind[c.kind] = max(by_kind.get(c.kind, 0), c.value)
    start = doc.tokens[min(c.first for c in counts)].start
    end = doc.tokens[max(c.last for c in counts) - 1].end
    return Casualties(by_kind.get("killed"), by_kind.get("injured"), by_kind.get("abducted"),
                      by_kind.get("arrested"), start, end, doc.text[start:end])


def _counts(c: Casualties) -> dict[str, int]:
    return {k: v for k, v in (("killed", c.killed), ("injured", c.injured), ("abducted", c.abducted),
                              ("arrested", c.arrested)) if v is not None}


def better(first: Casualties | None, later: Casualties | None) -> Casualties | None:
    """Of two reports of one event's casualties, the first the text gives, unless the later one
    says all it says and more ("40 की मौत" in a headline, "40 लोग मारे गए, 30 घायल" below). The two
    are not mixed, so the span states every number kept; a later, larger figure is often a
    tally of other attacks, not a new toll of this one."""
    if first is None or later is None:
        return first or later
    a, b = _counts(first), _counts(later)
    return later if len(b) > len(a) and all(b.get(k) == v for k, v in a.items()) else first


class CasualtyStage:
    """Document → Document: ``casualties`` on the conflict events whose text counts them."""

    def __init__(self, words: CasualtyWords | None) -> None:
        self.words = words

    def __call__(self, doc: Document) -> Document:
        if self.words is None:
            return doc
        by_sentence: dict[int, list[Event]] = {}
        for ev in doc.events:
            if counts_casualties(ev):
                by_sentence.setdefault(ev.evidence[0].sentence, []).append(ev)
        if not by_sentence:
            return doc
        counted: dict[int, list[Count]] = {}
        for si, evs in by_sentence.items():
            s = doc.sentences[si]
            here = sentence_counts(self.words, doc.tokens, s.tok_start, s.tok_end)
            nxt = si + 1
            if nxt < len(doc.sentences) and nxt not in by_sentence and not doc.sentences[nxt].is_headline \
                    and not doc.sentences[si].is_headline:
                n = doc.sentences[nxt]
                later = sentence_counts(self.words, doc.tokens, n.tok_start, n.tok_end)
            else:
                later = []
            for c in here:
                ev = _nearest(doc, evs, c) if len(evs) > 1 else evs[0]
                counted.setdefault(id(ev), []).append(c)
            if later:
                counted.setdefault(id(evs[-1]), []).extend(later)
        for ev in doc.events:
            got = counted.get(id(ev))
            if got:
                ev.casualties = casualties_of(doc, got)
        return doc


def _nearest(doc: Document, evs: list[Event], c: Count) -> Event:
    """The event whose trigger is nearest the count's phrase (by characters)."""
    at = doc.tokens[c.anchor].start
    return min(evs, key=lambda ev: abs(ev.evidence[0].trigger_start - at))
