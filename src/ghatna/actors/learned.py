"""A learned name tagger: persons, organisations and places the dictionary does not know.

A greedy left-to-right tagger (ghatna.models.sequence) reads the words the dictionary left
uncovered, with what the dictionary found around them as features: "… के अध्यक्ष <?> <?> ने"
(an office before, a case marker after). It is cheap because it looks at few words: words the
dictionary matched keep the dictionary's reading (a person is B-PER, I-PER …, a country or place
LOC, anything else O), words of other scripts are outside any name, and so are the model's
*plain* words — words that were outside every name in its training data. Only the rest is
scored, left to right, each word with the tag of the word before it.

In the pipeline it reads even less: only the words right before the case markers its card trusts
(``accepted_before``: "ने" for Hindi), found in the document's key string, and only when the last
of them may end a name (``shape``). Whole sentences are decoded for the IL-NER evaluation
(bench/names_bench.py). The same code makes the training examples (scripts/train_names.py), so
training and run time see the same features.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ghatna.gazetteer.matcher import KeyIndex
from ghatna.lang.grammar import Grammar
from ghatna.model import Token
from ghatna.models.sequence import OUTSIDE, SequenceModel
from ghatna.text.keys import key

# the type a dictionary match gives its words; other kinds (offices, agents, adjectives) are O
DICTIONARY_TYPES = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
# a word inside names of a type less often than this is no head of such a name
RARELY_INSIDE = 0.2
# the longest name read before a case marker
MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class Span:
    tok_start: int
    tok_end: int
    type: str  # PER | ORG | LOC
    learned: bool  # found by the model (False: a dictionary match)
    margin: float = 0.0  # the least lead of a word's tag over O (a dictionary match: 0)


def is_devanagari(form: str) -> bool:
    return bool(form) and "\u0900" <= form[0] <= "\u097f"


def dictionary_words(matches: Sequence[tuple[str, int, int]]) -> dict[int, tuple[str, bool]]:
    """(kind, first word of the match?) per token a dictionary match covers, from
    (kind, tok_start, tok_end) triples."""
    out: dict[int, tuple[str, bool]] = {}
    for kind, ts, te in matches:
        for j in range(ts, te):
            out[j] = (kind, j == ts)
    return out


class NameTagger:
    """The model with the grammar whose words it reads (honorifics and case markers)."""

    def __init__(self, model: SequenceModel, gram: Grammar) -> None:
        self.model = model
        self.tags = model.tags
        self.index = {t: i for i, t in enumerate(model.tags)}
        self.honorifics = gram.honorifics
        self.postpositions = gram.postpositions
        self.lexicon = model.lexicon
        # the case markers before which a found name is trusted (the model's card says which),
        # by the phonetic key of their first word
        self.cases = frozenset(model.card.get("accepted_before") or ())
        keys = sorted({key(first) for first, entries in gram.postpositions.by_first.items()
                       if any(label in self.cases for _, label in entries)}, key=lambda k: (-len(k), k))
        self.case_pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    # -- features ---------------------------------------------------------------------------

    def _describe(self, t: Token, known: dict[int, tuple[str, bool]], j: int) -> str:
        k = known.get(j)
        if k is not None:
            return k[0]
        f = t.form
        if f in self.honorifics:
            return "hon"
        if f in self.model.plain:
            return "plain"
        return "new" if is_devanagari(f) else "other"

    def features(self, toks: Sequence[Token], i: int, prev: int, prev2: int,
                 known: dict[int, tuple[str, bool]]) -> list[str]:
        """The features of token i, the tags of the two words before it being ``prev`` and
        ``prev2`` (indices into the model's tags)."""
        t = toks[i]
        w, sent = t.form, t.sentence
        tp = self.tags[prev]
        lex = self.lexicon
        f = ["b", "w=" + w, "k=" + t.key, "s2=" + w[-2:], "s3=" + w[-3:], "p2=" + w[:2],
             "l=" + str(min(len(t.key), 8)), "t1=" + tp, "t2=" + self.tags[prev2] + tp, "t1s3=" + tp + w[-3:],
             "x=" + lex.get(w, "-"), "p3=" + w[:3], "s4=" + w[-4:]]
        for d in (1, 2):
            j = i - d
            if j >= 0 and toks[j].sentence == sent:
                u = toks[j]
                f.append(f"w-{d}=" + u.form)
                if d == 1:
                    f.append("d-1=" + self._describe(u, known, j))
                    f.append("s3-1=" + u.form[-3:])
                    f.append("ww=" + u.form + "|" + w)
            else:
                f.append(f"w-{d}=<s>")
                break
        n = len(toks)
        for d in (1, 2):
            j = i + d
            if j < n and toks[j].sentence == sent:
                u = toks[j]
                f.append(f"w+{d}=" + u.form)
                if d == 1:
                    f.append("d+1=" + self._describe(u, known, j))
                    f.append("x+1=" + lex.get(u.form, "-"))
                    f.append("s3+1=" + u.form[-3:])
                    case = self.postpositions.match(toks, j)
                    f.append("c+1=" + (case[0] if case else "-"))
            else:
                f.append(f"w+{d}=</s>")
                break
        return f

    # -- what a found name may be -----------------------------------------------------------

    def _rarely(self, form: str, typ: str) -> bool:
        share = self.model.share(form, typ)
        return share is not None and share < RARELY_INSIDE

    def shape(self, toks: Sequence[Token], span: Span) -> Span | None:
        """The span as a name: words before it that are rarely inside names of its type are left
        out (titles, descriptions: "प्रोफेसर", "राज्य"); a span whose last word is rarely inside
        one is none, since in Hindi the last word is the head the case marker follows ("केसरगढ़
        विश्वविद्यालय ने" is a university, not a person); an organisation of one word is one the
        training data never saw (an acronym, a foreign name), not a common noun ("परिषद")."""
        ts, te, typ = span.tok_start, span.tok_end, span.type
        while ts < te and (toks[ts].form in self.honorifics or self._rarely(toks[ts].form, typ)):
            ts += 1
        if ts == te or self._rarely(toks[te - 1].form, typ):
            return None
        if typ == "ORG" and te - ts == 1 and self.model.share(toks[ts].form, typ) is not None:
            return None
        return span if ts == span.tok_start else Span(ts, te, typ, span.learned, span.margin)

    # -- decoding ---------------------------------------------------------------------------

    def candidates(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]],
                   start: int = 0, end: int | None = None) -> list[int]:
        """The tokens the model scores: Devanagari words neither plain nor matched."""
        plain = self.model.plain
        end = len(toks) if end is None else end
        return [i for i in range(start, end)
                if toks[i].form not in plain and i not in known and is_devanagari(toks[i].form)]

    def known_tag(self, known: dict[int, tuple[str, bool]], j: int) -> int:
        k = known.get(j)
        if k is None:
            return OUTSIDE
        typ = DICTIONARY_TYPES.get(k[0])
        return self.index[("B-" if k[1] else "I-") + typ] if typ else OUTSIDE

    def decode(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]],
               start: int = 0, end: int | None = None) -> dict[int, tuple[int, float]]:
        """(tag, its lead over O) of each candidate token the model puts in a name."""
        out: dict[int, tuple[int, float]] = {}
        best = self.model.best
        for i in self.candidates(toks, known, start, end):
            sent = toks[i].sentence
            prev = self.tag_before(toks, known, out, i - 1, sent)
            prev2 = self.tag_before(toks, known, out, i - 2, sent) if prev else OUTSIDE
            tag, margin = best(self.features(toks, i, prev, prev2, known), prev)
            if tag != OUTSIDE:
                out[i] = (tag, margin)
        return out

    def tag_before(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]],
                   out: dict[int, tuple[int, float]], j: int, sent: int) -> int:
        """The tag of token j as the word before a word of sentence ``sent``: what the model
        found (``out``), else the dictionary's reading, else O."""
        if j < 0 or toks[j].sentence != sent:
            return OUTSIDE
        found = out.get(j)
        return found[0] if found is not None else self.known_tag(known, j)

    def spans(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]],
              start: int = 0, end: int | None = None) -> list[Span]:
        """Every name of tokens[start:end], the dictionary's and the model's, in order. A name
        the model continues from a dictionary match is the dictionary's."""
        end = len(toks) if end is None else end
        learned = self.decode(toks, known, start, end)
        out: list[Span] = []
        cur: Span | None = None  # the open span
        for i in sorted({*learned, *(j for j in range(start, end) if j in known)}):
            found = learned.get(i)
            if found is not None:
                tag, margin = found
            else:
                tag, margin = self.known_tag(known, i), 0.0
                if tag == OUTSIDE:
                    continue
            name = self.tags[tag]
            if name.startswith("I-") and cur is not None and cur.tok_end == i and cur.type == name[2:] \
                    and toks[i].sentence == toks[cur.tok_start].sentence:
                cur = Span(cur.tok_start, i + 1, cur.type, cur.learned and found is not None, min(cur.margin, margin))
                continue
            if cur is not None:
                out.append(cur)
            cur = Span(i, i + 1, name[2:], found is not None, margin)
        if cur is not None:
            out.append(cur)
        return out

    # -- names where they are trusted -----------------------------------------------------------

    def case_ends(self, toks: Sequence[Token], index: KeyIndex,
                  stop: set[int] | frozenset[int] = frozenset()) -> list[int]:
        """The tokens where a case marker the names are trusted before begins, found in the
        document's key string (no pass over the tokens), each with a word the model may score
        right before it (not one of the tokens ``stop``)."""
        if self.case_pattern is None:
            return []
        plain = self.model.plain
        starts, ends = index.starts, index.ends
        out = []
        for m in self.case_pattern.finditer(index.text):
            i = starts.get(m.start())
            if i is None or not i or ends.get(m.end()) != i + 1 or i - 1 in stop:
                continue
            before = toks[i - 1].form
            if before in plain or not is_devanagari(before) or toks[i - 1].sentence != toks[i].sentence:
                continue
            found = self.postpositions.match(toks, i)
            if found is not None and found[0] in self.cases:
                out.append(i)
        return out

    def names_before(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]], ends: Sequence[int],
                     types: Sequence[str], stop: set[int] | frozenset[int] = frozenset(),
                     one_word: Callable[[int], bool] | None = None) -> Iterator[Span]:
        """The names of the given types the model finds right before each token of ``ends``, one
        end at a time. Only the words it would score there are read (up to MAX_NAME_WORDS), left
        to right as in a whole sentence, where a name starts after a word it does not score (nor
        after the tokens ``stop``: names found otherwise); and only when the last of them may end
        a name of those types, and, for a single word, when ``one_word`` says it may be one."""
        plain = self.model.plain
        for k in ends:
            sent = toks[k].sentence
            j = k
            while j > 0 and k - j < MAX_NAME_WORDS:
                t = toks[j - 1]
                if t.sentence != sent or t.form in plain or j - 1 in known or j - 1 in stop \
                        or not is_devanagari(t.form):
                    break
                j -= 1
            if j == k or all(self._rarely(toks[k - 1].form, typ) for typ in types):
                continue
            if k - j == 1 and one_word is not None and not one_word(j):
                continue
            span = self._name_ending(toks, known, j, k)
            if span is not None and span.type in types:
                yield span

    def _name_ending(self, toks: Sequence[Token], known: dict[int, tuple[str, bool]], j: int,
                     k: int) -> Span | None:
        """The name the model finds ending at token k - 1, tokens[j:k] all being words it scores."""
        sent = toks[j].sentence
        prev = self.tag_before(toks, known, {}, j - 1, sent)
        prev2 = self.tag_before(toks, known, {}, j - 2, sent) if prev else OUTSIDE
        best = self.model.best
        tags: list[tuple[int, float]] = []
        for i in range(j, k):
            tag, margin = best(self.features(toks, i, prev, prev2, known), prev)
            tags.append((tag, margin))
            prev2, prev = prev, tag
        if tags[-1][0] == OUTSIDE:
            return None
        name = self.tags[tags[-1][0]]
        start, margin = k - 1, tags[-1][1]
        while name.startswith("I-") and start > j:
            start -= 1
            margin = min(margin, tags[start - j][1])
            name = self.tags[tags[start - j][0]]
        # a name that began before j continues the dictionary's name there: it is the dictionary's
        learned = not name.startswith("I-")
        return Span(start, k, name[2:], learned, margin)
