"""A document's tokens and mentions indexed for attributing quotes.

Every lookup is a dictionary access or a bisection, so attributing all the quotes of an article
stays linear in its length however many quotes and mentions it has.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ghatna.model import Document, Mention, Token

SPEAKER_KINDS = frozenset({"person", "pronoun", "organization", "group", "country", "agent"})
COUNTRY_KINDS = ("country", "adjective", "place", "person")  # what makes a country the article's


class DocView:
    def __init__(self, doc: Document, quoted: list[tuple[int, int]]) -> None:
        """``quoted``: the working-copy spans inside the article's quotes, in order."""
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self.nstarts = [t.nstart for t in doc.tokens]
        self.q_starts = [self.token_at(s) for s, _ in quoted]
        self.q_ends = [self.token_at(e) for _, e in quoted]
        self.mentions = [m for m in doc.mentions if not self.in_quote(m.tok_start)]
        self.starts = [m.tok_start for m in self.mentions]
        self.ending: dict[int, Mention] = {}  # token index after a mention -> the longest mention ending there
        self.beginning: dict[int, Mention] = {}
        self.places_ending: dict[int, Mention] = {}  # token index after a place -> the place
        self.places_beginning: dict[int, Mention] = {}
        self.seen: dict[str, list[int]] = {}  # entity id -> where it is named (not by a pronoun)
        self.covered: set[int] = set()  # tokens inside a mention
        for m in self.mentions:
            self.covered.update(range(m.tok_start, m.tok_end))
            if m.kind == "place":
                self.places_ending[m.tok_end] = m
                self.places_beginning[m.tok_start] = m
            if m.kind in SPEAKER_KINDS and m.entities:
                old = self.ending.get(m.tok_end)
                if old is None or m.tok_start < old.tok_start:
                    self.ending[m.tok_end] = m
                old = self.beginning.get(m.tok_start)
                if old is None or m.tok_end > old.tok_end:
                    self.beginning[m.tok_start] = m
            if m.kind != "pronoun":
                for e in m.entities:
                    self.seen.setdefault(e.id, []).append(m.tok_start)
        self._main: tuple[str | None] | None = None

    def token_at(self, n: int) -> int:
        """The index of the first token starting at or after working-copy offset n."""
        return bisect_left(self.nstarts, n)

    def in_quote(self, j: int) -> bool:
        k = bisect_right(self.q_starts, j) - 1
        return k >= 0 and j < self.q_ends[k]

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions (outside quotes) starting in tokens lo..hi-1, in order."""
        return self.mentions[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def last_named(self, entity_id: str, before: int) -> int:
        """The token where the entity was last named (not by a pronoun) before token ``before``; -1 if never."""
        found = self.seen.get(entity_id)
        if not found:
            return -1
        k = bisect_left(found, before)
        return found[k - 1] if k else -1

    def main_country(self) -> str | None:
        """The country the article names most (computed once)."""
        if self._main is None:
            counts: dict[str, int] = {}
            for m in self.doc.mentions:
                if m.kind in COUNTRY_KINDS:
                    for e in m.entities:
                        if e.country:
                            counts[e.country] = counts.get(e.country, 0) + 1
            self._main = (max(counts, key=lambda c: counts[c]) if counts else None,)
        return self._main[0]

    def is_punct(self, j: int) -> bool:
        k = self.tokens[j].key
        return not k or k == "|"
