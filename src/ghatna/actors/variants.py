"""Names of several words spelled otherwise than the dictionary spells them.

The phonetic key (text/keys.py) already folds nukta, vowel length in ि/ी and ु/ू, anusvara and
a half nasal; news transliterates foreign names in more ways than that (मोहम्मद बिन जायेद / ज़ायद,
दिनेश गुनावर्द्धना / गुणवर्धने, Mohammed / Mohamed). Where the dictionary found nothing, a run of
two to four words whose skeletons (``keys.skeleton``: consonants only) equal those of one
person's name of as many words is that person. A skeleton is too loose for one word, so single
words are never matched this way, nor names whose skeletons are short, nor a skeleton two
persons share.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

import ahocorasick

from ghatna.gazetteer.load import Gazetteer
from ghatna.gazetteer.matcher import phrase_key
from ghatna.model import Token
from ghatna.text.keys import skeleton
from ghatna.text.segment import BOUNDARY_KEY

MIN_WORDS, MAX_WORDS = 2, 4
MIN_CONSONANTS = 6  # a skeleton of fewer letters matches too much
MIN_SURNAME_SKELETON = 4  # a surname named in full before may be spelled otherwise if this long


def _skeletons(name: str) -> tuple[str, ...]:
    return tuple(skeleton(k) for k in (phrase_key(w) for w in name.split()) if k and k != BOUNDARY_KEY)


class VariantNames:
    """Persons by the skeletons of their names of several words, found with one Aho-Corasick
    scan of a document's word skeletons."""

    def __init__(self, g: Gazetteer) -> None:
        owners: dict[tuple[str, ...], set[str]] = {}
        for p in g.persons.values():
            for name in {p.name, p.name_hi or "", *p.aliases_en, *p.aliases_hi}:
                sk = _skeletons(name)
                if MIN_WORDS <= len(sk) <= MAX_WORDS and sum(map(len, sk)) >= MIN_CONSONANTS:
                    owners.setdefault(sk, set()).add(p.id)
        self.index = {sk: next(iter(ids)) for sk, ids in owners.items() if len(ids) == 1}
        self._automaton = ahocorasick.Automaton()
        for sk, pid in self.index.items():
            pattern = f" {' '.join(sk)} "
            self._automaton.add_word(pattern, (len(sk), pid, len(pattern)))
        self._automaton.make_automaton()
        self._cache: dict[str, str] = {}  # phonetic key → skeleton, for the words of every document

    def skeleton_of(self, k: str) -> str:
        sk = self._cache.get(k)
        if sk is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            sk = self._cache[k] = skeleton(k)
        return sk

    def find(self, toks: list[Token], covered: set[int]) -> list[tuple[int, int, str]]:
        """(first token, token after the last, person id) of each name found among the words no
        other match covers."""
        words = [j for j, t in enumerate(toks) if t.key]  # transparent marks ("-", ".") join words
        if not words or not self.index:
            return []
        cache, of = self._cache, self.skeleton_of
        sks = [cache.get(k) or of(k) for k in (toks[j].key for j in words)]
        text = f" {' '.join(sks)} "
        before = list(accumulate(map(len, sks), initial=0))  # letters before each word

        def begins(i: int) -> int:  # where word i begins in the text (one space before each word)
            return before[i] + i + 1

        hits = []
        for end, (n, pid, length) in self._automaton.iter(text):
            i = bisect_left(range(len(sks)), end - length + 2, key=begins)  # the first word's place
            span = words[i : i + n]
            if covered.isdisjoint(span) and toks[span[0]].sentence == toks[span[-1]].sentence:
                hits.append((n, i, pid))
        hits.sort(key=lambda h: (-h[0], h[1]))  # the longest name first, then the leftmost
        taken: set[int] = set()
        out: list[tuple[int, int, str]] = []
        for n, i, pid in hits:
            if taken.isdisjoint(range(i, i + n)):
                taken.update(range(i, i + n))
                out.append((words[i], words[i + n - 1] + 1, pid))
        return sorted(out)
