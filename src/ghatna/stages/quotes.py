"""Quotes stage: direct quotations and who said them.

Quotation marks are paired within a paragraph (“…” ‘…’ and straight "…"); a mark left without
its partner is flagged, never fatal. The speaker is the subject of the verb of saying nearest the
quote (कहा, बताया; said, told) in the sentence where it opens or closes, else the ने-marked actor
of that sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ghatna.model import Document, Entity, Flag, Mention, Quote, Token
from ghatna.resources import Resources

QUOTE_CHARS = re.compile("[\"“”‘’«»„]")
OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", "„": "“"}
# languages where the speaker may follow the verb of saying: “…,” said X; according to X, “…”
SPEAKER_AFTER_VERB = frozenset({"en"})
CLOSERS = {v: k for k, v in OPEN_CLOSE.items() if k != "„"}
SPEAKER_KINDS = frozenset({"person", "pronoun", "organization", "group", "country", "agent"})


def _is_word(c: str) -> bool:
    return c.isalnum() or "\u0900" <= c <= "\u097f"


def _innermost(stack: list[tuple[str, int]], at_depth: dict[str, list[int]], opener: str) -> int | None:
    """The stack position of the innermost open ``opener``, in amortised constant time however
    many unclosed marks of other kinds lie above it (entries cut off by an outer closer are
    dropped as they are met)."""
    depths = at_depth.get(opener)
    while depths and (depths[-1] >= len(stack) or stack[depths[-1]][0] != opener):
        depths.pop()
    return depths[-1] if depths else None


def pair_quotes(norm: str) -> tuple[list[tuple[int, int]], list[int]]:
    """(inner spans, positions of unpaired marks) over the working copy, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    unpaired: list[int] = []
    pos = 0
    for line in norm.split("\n"):
        stack: list[tuple[str, int]] = []
        at_depth: dict[str, list[int]] = {}  # where each kind of opener was pushed on the stack
        for qm in QUOTE_CHARS.finditer(line):
            i = qm.start()
            c = qm.group()
            at = pos + i
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if c == '"':
                if stack and stack[-1][0] == '"':
                    spans.append((stack.pop()[1] + 1, at))
                else:
                    stack.append((c, at))
                    at_depth.setdefault(c, []).append(len(stack) - 1)
            elif c == "‘" and _is_word(prev):
                continue  # a mid-word mark (transliteration), not a quote
            elif c in OPEN_CLOSE and not (c == "“" and stack and stack[-1][0] == "„"):
                stack.append((c, at))
                at_depth.setdefault(c, []).append(len(stack) - 1)
            elif c in CLOSERS or (c == "“" and stack and stack[-1][0] == "„"):
                if c == "’" and _is_word(prev) and _is_word(nxt):
                    continue  # an apostrophe: Brazil’s, don’t
                opener = CLOSERS.get(c, "„")
                idx = _innermost(stack, at_depth, opener)
                if idx is None:
                    if c != "’":
                        unpaired.append(at)
                    continue
                spans.append((stack[idx][1] + 1, at))
                del stack[idx:]
        unpaired.extend(p for ch, p in stack if ch != "‘")
        pos += len(line) + 1
    spans.sort()
    return spans, unpaired


class QuoteTagger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.gram = res.grammar(lang)
        self.speaker_after = lang in SPEAKER_AFTER_VERB

    def __call__(self, doc: Document) -> Document:
        spans, unpaired = pair_quotes(doc.norm)
        for at in unpaired:
            r = doc.norm_map[at]
            doc.flags.append(Flag("unbalanced_quotes", r, r + 1, "quotation mark without its partner"))
        if not spans:
            return doc
        nstarts = [s.nstart for s in doc.sentences]
        index = _Index(doc)
        for ns, ne in spans:
            while ns < ne and doc.norm[ns].isspace():
                ns += 1
            while ne > ns and doc.norm[ne - 1].isspace():
                ne -= 1
            if ne - ns < 2:
                continue
            rs, re_ = doc.norm_map[ns], doc.norm_map[ne - 1] + 1
            if self._is_title(doc, index, re_):
                continue
            si = self._sentence_of(nstarts, ns)
            se = self._sentence_of(nstarts, ne - 1)
            speaker = self._speaker(doc, index, si, se, rs, re_)
            if speaker is None:  # titles and scare quotes: nobody says them
                continue
            doc.quotes.append(Quote(rs, re_, doc.text[rs:re_], speaker, si))
        return doc

    def _is_title(self, doc: Document, index: _Index, quote_end: int) -> bool:
        """"“Russia and India: …” नामक सम्मेलन": the name of something, not a quotation."""
        after = next((i for i in range(bisect_right(index.token_starts, quote_end), len(doc.tokens))
                      if doc.tokens[i].key and doc.tokens[i].key != "|"), None)
        return after is not None and self.gram.title_markers.match(doc.tokens, after) is not None

    @staticmethod
    def _sentence_of(nstarts: list[int], n: int) -> int:
        return max(0, bisect_right(nstarts, n) - 1)

    def _speaker(self, doc: Document, index: _Index, si: int, se: int, qs: int, qe: int) -> Entity | None:
        outside = [m for m in index.mentions_of(si, se)
                   if m.kind in SPEAKER_KINDS and (m.end <= qs or m.start >= qe)]
        if not outside:
            return None
        verbs = [t for t in index.tokens_of(si, se)
                 if t.form in self.gram.speech_verbs and (t.end <= qs or t.start >= qe)]
        # the subject of the verb of saying nearest the quote
        verbs.sort(key=lambda t: min(abs(t.start - qe), abs(t.start - qs)))
        cited = [m for m in outside if m.case == "according"]  # "X के मुताबिक", "X के अनुसार"
        if cited:
            return _first_entity(cited[0])
        for v in verbs:
            # "X ने कहा"; "X का कहना है" (the saying is X's)
            cases = ("ne", None, "by", "gen") if v.form in self.gram.speech_nouns else ("ne", None, "by")
            subj = [m for m in outside if m.end <= v.start and (m.end <= qs) == (v.start <= qs)
                    and m.case in cases]
            if subj:
                return _first_entity(subj[-1])
            if self.speaker_after:
                after = [m for m in outside if v.end <= m.start <= v.end + 20 and (m.end <= qs) == (v.start <= qs)
                         and not any(c in doc.text[v.end:m.start] for c in "\"“”‘’.,;:")]
                if after:
                    return _first_entity(after[0])
        marked = [m for m in outside if m.case == "ne"]
        if marked:
            return _first_entity(marked[0])
        return None


class _Index:
    """A document's tokens and mentions by sentence, so that each quote looks only at the
    sentences it opens and closes in (the work stays linear in the length of the text)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.token_starts = [t.start for t in doc.tokens]
        self.mentions: dict[int, list[int]] = {}
        for i, m in enumerate(doc.mentions):
            self.mentions.setdefault(m.sentence, []).append(i)

    def mentions_of(self, si: int, se: int) -> list[Mention]:
        """The mentions of sentences ``si`` and ``se``, in the document's order."""
        found = self.mentions.get(si, [])
        if se != si:
            found = sorted(found + self.mentions.get(se, []))
        return [self.doc.mentions[i] for i in found]

    def tokens_of(self, si: int, se: int) -> list[Token]:
        """The tokens of sentences ``si`` and ``se``, in order."""
        sents = self.doc.sentences
        if not sents:
            return []
        out = self.doc.tokens[sents[si].tok_start:sents[si].tok_end]
        if se != si:
            out = out + self.doc.tokens[sents[se].tok_start:sents[se].tok_end]
        return out


def _first_entity(m: Mention) -> Entity | None:
    return m.entities[0] if m.entities else None
