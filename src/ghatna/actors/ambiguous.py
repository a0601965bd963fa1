"""Names that are also common words become actors only with evidence of the political reading.

चीनी is China's adjective and "sugar", माली is Mali and "gardener", दोहा is Doha and "couplet",
योगी is Yogi Adityanath and any yogi, अमीर is an emir and "rich". The dictionary marks such
names (``ambiguous`` in data/actors); a match on one is kept only when the text reads it as a
state, a place, a person or a title:

- **a title or government word after it**: "चीनी राष्ट्रपति", "माली सरकार", "योगी सरकार" (a country
  or adjective before an office or agent has already been joined to it: that is the evidence);
- **a title or honorific before a person**: "मुख्यमंत्री आतिशी", "श्री योगी";
- **another country beside it**, joined by a hyphen, a comma or a conjunction: "भारत-पाक",
  "माली, नाइजर और बुर्किना फासो";
- **the same actor named plainly in the article**: "पाकिस्तान … पाक ने", a place's country;
- for a word that is also a thing or another place, **another country named plainly in the
  sentence**: "नेपाल ने चीनी जहाज को …", "अर्जेंटीना के राष्ट्रपति की चिली यात्रा" (but not as
  that country's own place: "अमेरिका के जॉर्जिया में" is the US state);
- **a case marker only the political reading takes** (languages whose markers follow the noun),
  by what else the word is (the data says: adjective, verb, person, thing, place): any marker
  after an adjective or a verb form ("पाक में", "सोची में", "आतिशी ने"), the agent's ने after a
  thing ("चीनी ने"), a place's में after a word for a person ("माली में", but "माली ने" is the
  gardener); never after a genitive ("कबीर के दोहा में" is a couplet);
- for a **title**: the country before it must have had such an office holder ("कतर के अमीर",
  not "भारतीय अमीर", rich Indians).

Without evidence the match falls back to a plain reading of the same words, if the dictionary
has one, or is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ghatna.gazetteer.load import Gazetteer
from ghatna.lang.grammar import Grammar
from ghatna.model import Token

if TYPE_CHECKING:
    from ghatna.actors.tagger import Item

COUNTRY_KINDS = frozenset({"country", "adjective"})
TITLE_KINDS = frozenset({"office", "agent", "organization"})  # what a country or person may head
NEIGHBOUR_KINDS = frozenset({"country", "adjective", "people", "place"})


@dataclass(frozen=True, slots=True)
class Seen:
    """What one document names plainly: (group, ref) of its actors, the sentences that name a
    country or place, and the token ends of its dictionary names."""

    plain: set[tuple[str, str]]
    states: frozenset[int]
    ends: frozenset[int]


class Ambiguity:
    """Keeps the ambiguous items of one document that the text reads politically."""

    def __init__(self, g: Gazetteer, gram: Grammar, *, markers_after: bool) -> None:
        self.g = g
        self.gram = gram
        self.markers_after = markers_after  # postpositions (Hindi) rather than prepositions
        self.held = frozenset((r.office, r.country) for p in g.persons.values() for r in p.roles if r.country)

    def __call__(self, toks: list[Token], items: list[Item]) -> list[Item]:
        if not any(it.ambiguous for it in items):
            return items
        seen = Seen(
            self._named_plainly(items),
            # sentences that name a country plainly: there a marked thing-word is more likely a state
            frozenset(toks[it.ts].sentence for it in items
                      if not it.ambiguous and (it.kind in NEIGHBOUR_KINDS or it.country)),
            frozenset(it.te for it in items),
        )
        out: list[Item] = []
        for i, it in enumerate(items):
            if not it.ambiguous or self._evident(toks, items, i, seen):
                out.append(it)
            elif it.plain is not None:
                out.append(it.plain)
        return out

    def _named_plainly(self, items: list[Item]) -> set[tuple[str, str]]:
        """(group, ref) of every actor an unambiguous name gives: countries (also through their
        places), persons, organisations, places."""
        out: set[tuple[str, str]] = set()
        for it in items:
            if it.ambiguous:
                continue
            if it.kind in COUNTRY_KINDS or it.kind == "people":
                out.add(("country", it.ref))
            elif it.kind == "place" and it.ref in self.g.places:
                out.add(("place", it.ref))
                if self.g.places[it.ref].country:
                    out.add(("country", self.g.places[it.ref].country))  # type: ignore[arg-type]
            else:
                out.add((it.kind, it.ref))
            if it.country:
                out.add(("country", it.country))
        return out

    def _evident(self, toks: list[Token], items: list[Item], i: int, seen: Seen) -> bool:
        it, plain = items[i], seen.plain
        if it.kind == "office":  # "कतर के अमीर": a country that has had one
            return bool(it.country) and (it.ref, it.country) in self.held or self._person_after(toks, items, i)
        if it.kind in COUNTRY_KINDS and ("country", it.ref) in plain:
            return True
        if it.kind == "place":
            country = self.g.places[it.ref].country if it.ref in self.g.places else None
            if ("place", it.ref) in plain or (country and ("country", country) in plain):
                return True
        if it.kind in ("person", "organization") and (it.kind, it.ref) in plain:
            return True
        if self._within(toks, items, i):
            return self._heads_title(toks, items, i)  # "अमेरिका के जॉर्जिया में": a place of another country
        if it.ambiguous in ("thing", "place") and it.kind != "person" and toks[it.ts].sentence in seen.states:
            return True  # "नेपाल ने चीनी जहाज को …": beside a country named plainly
        return (self._heads_title(toks, items, i) or self._beside_country(toks, items, i)
                or self._titled(toks, items, i) or self._marked(toks, it, seen))

    # -- evidence around the words ----------------------------------------------------------

    def _gap(self, toks: list[Token], a: int, b: int) -> list[Token]:
        return [t for t in toks[a:b] if t.key]

    def _heads_title(self, toks: list[Token], items: list[Item], i: int) -> bool:
        """"योगी सरकार", "पाक सेना": a title, government word or body right after it."""
        nxt = items[i + 1] if i + 1 < len(items) else None
        return nxt is not None and nxt.kind in TITLE_KINDS and toks[nxt.ts].sentence == toks[items[i].ts].sentence \
            and not self._gap(toks, items[i].te, nxt.ts)

    def _beside_country(self, toks: list[Token], items: list[Item], i: int) -> bool:
        """"भारत-पाक", "भारत और पाक", "माली, नाइजर": another country or place beside it."""
        it = items[i]
        for j in (i - 1, i + 1):
            if not 0 <= j < len(items):
                continue
            other = items[j]
            if other.kind not in NEIGHBOUR_KINDS or other.ref == it.ref or other.ambiguous:
                continue
            if toks[other.ts].sentence != toks[it.ts].sentence:
                continue
            a, b = (other.te, it.ts) if j < i else (it.te, other.ts)
            gap = self._gap(toks, a, b)
            words = [t for t in gap if t.norm != ","]
            joined = len(words) <= 1 and all(t.form in self.gram.coordinators for t in words)
            hyphen = not gap and any(t.norm in "-‐‑–" for t in toks[a:b])
            if joined and (gap or hyphen or other.kind in COUNTRY_KINDS):
                return True
        return False

    def _within(self, toks: list[Token], items: list[Item], i: int) -> bool:
        """"अमेरिका के जॉर्जिया": the genitive of another country or place right before it."""
        prev = items[i - 1] if i > 0 else None
        if prev is None or prev.kind not in NEIGHBOUR_KINDS or prev.ref == items[i].ref:
            return False
        gap = self._gap(toks, prev.te, items[i].ts)
        return len(gap) == 1 and self.gram.postpositions.match(toks, prev.te, items[i].ts) == ("gen", 1)

    def _titled(self, toks: list[Token], items: list[Item], i: int) -> bool:
        """"मुख्यमंत्री आतिशी", "श्री योगी": a person after a title or an honorific."""
        it = items[i]
        if it.kind != "person":
            return False
        prev = items[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "office" and not self._gap(toks, prev.te, it.ts):
            return True
        j = it.ts - 1
        while j >= 0 and not toks[j].key:
            j -= 1
        return j >= 0 and toks[j].form in self.gram.honorifics and toks[j].sentence == toks[it.ts].sentence

    def _person_after(self, toks: list[Token], items: list[Item], i: int) -> bool:
        nxt = items[i + 1] if i + 1 < len(items) else None
        return nxt is not None and nxt.kind == "person" and len(self._gap(toks, items[i].te, nxt.ts)) <= 1

    def _marked(self, toks: list[Token], it: Item, seen: Seen) -> bool:
        """A case marker right after the name that its common reading would hardly take: any
        after an adjective or a verb form ("पाक में", "सोची में", "आतिशी ने"); after a thing, the
        agent's ने ("चीनी ने"); after a word for a person, a place's में ("माली में", but "माली
        ने" is the gardener). Never after a genitive ("कबीर के दोहा में"), nor for another place
        of the name."""
        if not self.markers_after:
            return False
        found = self.gram.postpositions.match(toks, it.te)
        if found is None:
            return False
        if self._possessed(toks, it, seen.ends):
            return False
        common = it.ambiguous
        if common in ("adjective", "verb"):
            return True
        if common == "thing":
            return found[0] == "ne"
        return common == "person" and found[0] == "in" and it.kind in ("country", "place")

    def _possessed(self, toks: list[Token], it: Item, ends: frozenset[int]) -> bool:
        """"कबीर के दोहा": a genitive of something no actor before it (after "अर्जेंटीना के
        राष्ट्रपति की" the genitive belongs to the phrase that follows)."""
        j = it.ts - 1
        while j >= 0 and not toks[j].key:
            j -= 1
        if j < 0 or self.gram.postpositions.match(toks, j) != ("gen", 1):
            return False
        return j not in ends  # no dictionary name ends right before the marker
