"""Quotes stage: direct quotations and who said them.

Quotation marks of every style are paired within a paragraph (quotes/marks.py); a mark left
without its partner is flagged, never fatal. A quote is kept when the text says who said it
(quotes/cues.py), tried in this order: a verb of saying or an according-phrase right before it; a
verb of saying after it in its sentence, or a verb of calling right after it; nothing but the last
quote's own attribution between it and the last quote (it continues that quote); reported speech
that holds it ("X ने कहा कि … '…'"); a verb of saying in the sentence before one it opens; in wire
copy, the last speaker for a paragraph that is one quote. The speaker is what the words at the
verb's subject name (quotes/speaker.py), as the actors stage resolved them. Titles and scare
quotes nobody is said to say are left out; quotes inside a quote are part of it. The work is
linear in the text: each quote looks only at the tokens between it and its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

from ghatna.model import Document, Flag, Quote, TextSpan
from ghatna.quotes.cues import Cue, CueFinder, single_forms
from ghatna.quotes.marks import QuotePair, default_marks, find_pairs, pair_quotes
from ghatna.quotes.speaker import Context, Speaker, SpeakerFinder
from ghatna.quotes.view import SPEAKER_KINDS, DocView
from ghatna.quotes.words import CLAUSE, QuoteWords
from ghatna.resources import Resources

__all__ = ["QuoteTagger", "pair_quotes"]

MIN_FOLLOWING_WORDS = 3  # a quote opening its sentence takes the last sentence's speaker only if this long
MIN_UNCLOSED_WORDS = 8  # a mark never closed in its paragraph opens a quote only before this many words


@dataclass(slots=True)
class _Said:
    """A quote attributed, with the tokens its attribution took (to see what merely continues it)."""

    speaker: Speaker
    lo: int  # the first and last tokens of its cue and speaker
    hi: int
    how: str  # the kind of cue (cues.Cue.kind), or "continued"
    b_end: int = 0  # the token after its closing mark


def _said(sp: Speaker | None, cue: Cue) -> _Said | None:
    return _Said(sp, min(sp.tok_start, cue.at), max(sp.tok_end, cue.end), cue.kind) if sp is not None else None


class QuoteTagger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.gram = res.grammar(lang)
        self.marks = default_marks()
        words = QuoteWords.load(res.language(lang).data)
        self.words = words
        self.cues = CueFinder(self.gram, words) if words is not None else None
        self.speakers = SpeakerFinder(self.gram, words, res.gazetteer) if words is not None else None
        self.ne = single_forms(self.gram, "ne")
        self.gen = single_forms(self.gram, "gen")
        self.inside = single_forms(self.gram, "in")
        # pronouns that carry the ergative marker themselves (उन्होंने)
        self.ne_pronouns = frozenset(first for first, lst in self.gram.pronouns.by_first.items()
                                     for keys, label in lst if label.startswith("ne:") and len(keys) == 1)

    def __call__(self, doc: Document) -> Document:
        found = find_pairs(doc.norm, self.marks)
        for at in found.unpaired:
            r = doc.norm_map[at]
            doc.flags.append(Flag("unbalanced_quotes", r, r + 1, "quotation mark without its partner"))
        top = [p for p in found.pairs if p.depth == 0]
        if not top or self.cues is None or not doc.tokens:
            return doc
        view = DocView(doc, [(p.start, p.end) for p in top])
        ctx = Context()
        prev_end = 0  # the token after the last quote: no attribution reaches back past it
        said: _Said | None = None
        for n, p in enumerate(top):
            a, b_end = view.token_at(p.open_at), view.token_at(p.close_end)
            nxt = view.token_at(top[n + 1].open_at) if n + 1 < len(top) else len(doc.tokens)
            quote = self._quote(doc, view, p, a)
            if quote is not None:
                self._track_reported(view, a, prev_end, ctx)
                got = self._attribute(view, p, a, b_end, prev_end, nxt, said, ctx)
                if got is not None:
                    speaker = got.speaker
                    quote.speaker = speaker.entity
                    s, e = doc.tokens[speaker.tok_start].start, doc.tokens[speaker.tok_end - 1].end
                    quote.speaker_span = TextSpan(s, e, doc.text[s:e])
                    doc.quotes.append(quote)
                    got.b_end = b_end
                    said = got
                    ctx.last = speaker
            prev_end = b_end
        return doc

    def _quote(self, doc: Document, view: DocView, p: QuotePair, a: int) -> Quote | None:
        """The quote's text (trimmed), unless it is too short or a title."""
        ns, ne = p.start, p.end
        while ns < ne and doc.norm[ns].isspace():
            ns += 1
        while ne > ns and doc.norm[ne - 1].isspace():
            ne -= 1
        if ne - ns < 2 or not any(c.isalnum() for c in doc.norm[ns:ne]):
            return None
        if not p.closed and len(doc.norm[ns:ne].split()) < MIN_UNCLOSED_WORDS:
            return None
        if p.closed and self._is_title(view, view.token_at(p.close_end)):
            return None
        rs, re_ = doc.norm_map[ns], doc.norm_map[ne - 1] + 1
        flags = [] if p.closed else ["unclosed"]
        return Quote(rs, re_, doc.text[rs:re_], None, doc.tokens[min(a, len(doc.tokens) - 1)].sentence, flags)

    def _is_title(self, view: DocView, b_end: int) -> bool:
        """"“Russia and India: …” नामक सम्मेलन": the name of something, not a quotation."""
        j = b_end
        while j < len(view.tokens) and view.is_punct(j):
            j += 1
        return j < len(view.tokens) and self.gram.title_markers.match(view.tokens, j) is not None

    def _attribute(self, view: DocView, p: QuotePair, a: int, b_end: int, prev_end: int, nxt: int,
                   said: _Said | None, ctx: Context) -> _Said | None:
        assert self.cues is not None
        toks = view.tokens
        cue = self.cues.before(view, a, prev_end)
        if cue is not None:
            lo = max(prev_end, view.doc.sentences[toks[cue.at].sentence].tok_start)
            got = _said(self._speaker(view, cue, lo, a, b_end, nxt, ctx), cue)
            if got is not None:
                return got
        if not p.closed:
            return None
        hi = nxt
        if b_end < len(toks):
            hi = min(hi, view.doc.sentences[toks[b_end].sentence].tok_end)
        cue = self.cues.after(view, b_end, hi)
        if cue is not None:
            lo = max(prev_end, view.doc.sentences[toks[a].sentence].tok_start)
            got = _said(self._speaker(view, cue, lo, a, b_end, hi, ctx), cue)
            if got is not None:
                return got
        if said is not None and self._continues(view, said, a):
            return _Said(said.speaker, said.lo, said.hi, "continued")
        lo = max(prev_end, view.doc.sentences[toks[a].sentence].tok_start)
        cue = self.cues.reported(view, a, lo)
        if cue is not None:
            got = _said(self._speaker(view, cue, lo, a, b_end, hi, ctx), cue)
            if got is not None:
                return got
        return self._follows(view, p, a, b_end, prev_end, ctx)

    def _track_reported(self, view: DocView, a: int, prev_end: int, ctx: Context) -> None:
        """Whoever reported speech names since the last quote ("X का मानना है कि …", "X ने
        बताया कि …") is the last speaker a pronoun before this quote may mean."""
        assert self.cues is not None
        cue = self.cues.reported(view, a, prev_end, within=False)
        if cue is None or (ctx.last is not None and ctx.last.tok_start >= cue.at):
            return
        lo = max(prev_end, view.doc.sentences[view.tokens[cue.at].sentence].tok_start)
        sp = self._speaker(view, cue, lo, cue.at, cue.at, cue.at, ctx)
        if sp is not None:
            ctx.last = sp

    def _continues(self, view: DocView, said: _Said, a: int) -> bool:
        """In the same paragraph, between the last quote and this one, nothing but punctuation
        and that quote's own attribution when it came after it ("'…,' X said. '…'")."""
        toks, sents = view.tokens, view.doc.sentences
        if a >= len(toks) or said.b_end >= len(toks) or \
                sents[toks[a].sentence].paragraph != sents[toks[said.b_end - 1].sentence].paragraph:
            return False
        after = said.how == "after"
        return all(view.is_punct(j) or (after and said.lo <= j < said.hi) for j in range(said.b_end, a))

    def _follows(self, view: DocView, p: QuotePair, a: int, b_end: int, prev_end: int,
                 ctx: Context) -> _Said | None:
        """A quote opening its sentence, after a sentence with a verb of saying; in wire copy, a
        quote standing as its own paragraph, after a paragraph that named who speaks."""
        assert self.cues is not None and self.words is not None
        toks, sents = view.tokens, view.doc.sentences
        if a >= len(toks):
            return None
        si = toks[a].sentence
        sent = sents[si]
        words = sum(1 for j in range(a, view.token_at(p.end)) if not view.is_punct(j))
        if si == 0 or words < MIN_FOLLOWING_WORDS or not all(view.is_punct(j) for j in range(sent.tok_start, a)):
            return None
        before = sents[si - 1]
        if before.tok_start >= prev_end:
            cue = self.cues.earlier(view, si - 1)
            got = _said(self._speaker(view, cue, before.tok_start, a, a, a, ctx), cue) if cue is not None else None
            if got is not None:
                return got
        last = ctx.last
        if not self.words.paragraph_quotes or last is None or before.paragraph == sent.paragraph:
            return None
        rest = range(b_end, len(toks))
        alone = all(view.is_punct(j) for j in rest if sents[toks[j].sentence].paragraph == sent.paragraph)
        spoke = sents[toks[last.tok_start].sentence].paragraph
        if alone and sent.paragraph - spoke <= 1:  # the paragraph right after the speaker's
            return _Said(last, last.tok_start, last.tok_end, "paragraph")
        return None

    def _speaker(self, view: DocView, cue: Cue, lo: int, a: int, b_end: int, hi: int,
                 ctx: Context) -> Speaker | None:
        """Who the cue's subject names. ``lo``..``a`` is the clause before the quote, ``b_end``..
        ``hi`` the words after it."""
        assert self.speakers is not None
        find = self.speakers
        toks = view.tokens
        if cue.kind == "according":
            return find.before(view, cue.at, lo, ctx)
        if cue.kind == "according_after":
            return find.after(view, cue.end, a, ctx)
        if cue.kind == "calls":
            return self._subject(view, lo, a, ctx)
        start = b_end if cue.kind == "after" else lo
        if cue.marking == "ne":
            e = self._ne_subject_end(view, start, cue.at)
            if e is None:
                return self._passive_source(view, cue, start, ctx)
            return find.before(view, e, start, ctx)
        if cue.marking == "gen":
            if cue.at - 1 >= start and toks[cue.at - 1].form in self.gen:
                return find.before(view, cue.at - 1, start, ctx)
            return find.before(view, cue.at, start, ctx)
        if cue.noun or cue.marking == CLAUSE:  # "लोग … टिप्पणियां कर रहे हैं", "X …, saying '…'"
            return self._clause_subject(view, start, cue.at, ctx)
        e = cue.at
        while e > start and toks[e - 1].form in self.words.before_verb:  # type: ignore[union-attr]
            e -= 1
        sp = find.before(view, e, start, ctx)
        if sp is None and cue.kind == "after" and all(view.is_punct(j) for j in range(b_end, cue.at)):
            return find.after(view, cue.end, hi, ctx)  # "'…,' said X"
        if sp is None and cue.kind != "after" and self.words.capitalized_names:  # type: ignore[union-attr]
            return self._clause_subject(view, start, cue.at, ctx)  # "X, a …, met Y and said '…'"
        return sp

    def _ne_subject_end(self, view: DocView, lo: int, hi: int) -> int | None:
        """Where the subject marked by the last ergative in tokens lo..hi-1 ends: before ने, or
        after a pronoun that carries it (उन्होंने)."""
        for k in range(hi - 1, lo - 1, -1):
            form = view.tokens[k].form
            if view.in_quote(k):
                continue
            if form in self.ne:
                return k
            if form in self.ne_pronouns:
                return k + 1
        return None

    def _subject(self, view: DocView, lo: int, a: int, ctx: Context) -> Speaker | None:
        """The subject of the clause a quote stands in ("X ने इसे '…' बताया", "वह इसे '…' बता कर")."""
        assert self.speakers is not None
        e = self._ne_subject_end(view, lo, a)
        if e is not None:
            return self.speakers.before(view, e, lo, ctx)
        return self._clause_subject(view, lo, a, ctx)

    def _clause_subject(self, view: DocView, lo: int, hi: int, ctx: Context) -> Speaker | None:
        """The first unmarked speaker named in tokens lo..hi-1; in a language that capitalises
        names, also a name the dictionary lacks that opens the clause."""
        assert self.speakers is not None and self.words is not None
        opening = self.speakers.after(view, lo, hi, ctx) if self.words.capitalized_names else None
        if opening is not None and opening.tok_end < hi and view.tokens[opening.tok_end].norm == ",":
            return opening  # "Cathy Lee, an expert on …, said": a name in apposition opens the clause
        for m in view.between(lo, hi):
            if m.kind in SPEAKER_KINDS and m.case in (None, "nom") and m.entities:
                return self.speakers.of_mention(view, m, ctx)
        return opening

    def _passive_source(self, view: DocView, cue: Cue, lo: int, ctx: Context) -> Speaker | None:
        """"X के बयान में कहा गया है कि '…'": a passive verb of saying is said by the owner of the
        statement it is said in."""
        assert self.speakers is not None and self.words is not None
        toks = view.tokens
        if cue.end >= len(toks) or toks[cue.end].form not in self.words.passive:
            return None
        for k in range(cue.at - 1, lo + 1, -1):
            if toks[k].form in self.inside and toks[k - 1].form in self.words.source_nouns:
                return self.speakers.before(view, k, lo, ctx)  # the owner of the statement
        return None
