"""Where a quote says who said it: the verb of saying or according-phrase it is attributed by.

Before the quote, the cue stands right at the opening mark, with only punctuation and bridge
words between ("X ने कहा था कि, '…'", "X said: '…'", "X के मुताबिक, '…'"); English may put
the addressee and the occasion between ("X told reporters on Monday: '…'", "according to X,
'…'"). After the quote, the cue follows in the same sentence ("'…', X ने कहा", "'…,' said X");
a verb of calling right after a short quote makes it what the clause's subject called something
("X ने इसे '…' बताया"). A quote that opens its own sentence may take the verb of saying of the
sentence before ("X ने यह भी कहा कि … . '…'").
"""

from __future__ import annotations

from dataclasses import dataclass

from ghatna.lang.grammar import Grammar
from ghatna.quotes.view import DocView
from ghatna.quotes.words import QuoteWords, phrase_ending_at, phrase_starting_at

MAX_SKIPPED = 6  # punctuation and bridge words between a cue and the opening mark
MAX_TAIL = 8  # words between an English verb of saying (or according-phrase) and the quote
MAX_AFTER = 12  # words from the closing mark to the verb of saying after it
SENTENCE_ENDS = frozenset(".।?!")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # before | after | calls | according | according_after | reported | earlier
    at: int  # the verb, or the first word of the according-phrase
    end: int  # the token after it
    marking: str | None = None  # how the verb marks its speaker: ne | nom | gen
    noun: bool = False  # a noun of saying with a light verb ("टिप्पणियां कर रहे हैं"): its object stands between


def single_forms(gram: Grammar, label: str) -> frozenset[str]:
    """The one-word postpositions of a class ("ne": ने, नें)."""
    return frozenset(first for first, lst in gram.postpositions.by_first.items()
                     for keys, lab in lst if lab == label and len(keys) == 1)


class CueFinder:
    def __init__(self, gram: Grammar, words: QuoteWords) -> None:
        self.gram = gram
        self.words = words
        self.breaks = frozenset(gram.clause_breaks.by_first)

    def before(self, view: DocView, a: int, lo: int) -> Cue | None:
        """The cue the quote opening at token a follows (looking no further back than token lo)."""
        toks, w = view.tokens, self.words
        j, skipped = a - 1, 0
        while j >= lo and skipped < MAX_SKIPPED and (view.is_punct(j) or toks[j].form in w.bridge):
            j -= 1
            skipped += 1
        if j < lo or view.in_quote(j):
            return None
        cue = self.verb_ending_at(view, j, lo, "before")
        if cue is not None:
            return cue
        k = phrase_ending_at(toks, j, w.according, lo)
        if k is not None:
            return Cue("according", k, j + 1)
        return self._distant(view, j, lo)

    def verb_ending_at(self, view: DocView, j: int, lo: int, kind: str) -> Cue | None:
        """A verb of saying ending at token j: a verb, or a noun of saying and its light verb."""
        toks, w = view.tokens, self.words
        marking = w.verbs.get(toks[j].form)
        if marking is not None:
            return Cue(kind, j, j + 1, marking)
        marking = w.light_verbs.get(toks[j].form)
        if marking is None:
            return None
        k = j - 1
        while k >= lo and j - k <= 2 and toks[k].form in w.light_fillers:
            k -= 1
        if k >= lo and toks[k].form in w.speech_nouns:
            return Cue(kind, k, j + 1, marking, noun=True)
        return None

    def verb_starting_at(self, view: DocView, k: int, hi: int, kind: str) -> Cue | None:
        """A verb of saying starting at token k: a verb, or a noun of saying and its light verb."""
        toks, w = view.tokens, self.words
        marking = w.verbs.get(toks[k].form)
        if marking is not None:
            return Cue(kind, k, k + 1, marking)
        if toks[k].form not in w.speech_nouns:
            return None
        j = k + 1
        while j < hi and j - k <= 2 and toks[j].form in w.light_fillers:
            j += 1
        if j < hi and toks[j].form in w.light_verbs:
            return Cue(kind, k, j + 1, w.light_verbs[toks[j].form], noun=True)
        return None

    def _distant(self, view: DocView, j: int, lo: int) -> Cue | None:
        """"according to a senior official, '…'"; "told Prime Minister Modi on Monday: '…'"."""
        toks, w = view.tokens, self.words
        floor = max(lo, j - MAX_TAIL)
        if w.according_after:
            for k in range(j, floor - 1, -1):
                if toks[k].key == "|":  # not "." inside a name ("S. Jaishankar")
                    break
                start = phrase_ending_at(toks, k, w.according_after, lo)
                if start is not None and k < j:
                    return Cue("according_after", start, k + 1)
        if w.verb_tail:
            k = j
            while k >= floor and toks[k].key != "|" and (
                    k in view.covered or toks[k].form in w.verb_tail or toks[k].text[:1].isupper()):
                if toks[k].form in w.verbs:
                    break
                k -= 1
            if k >= floor and k < j and toks[k].form in w.verbs:
                return Cue("before", k, k + 1, w.verbs[toks[k].form])
        return None

    def after(self, view: DocView, b: int, hi: int) -> Cue | None:
        """The cue following the quote that closes before token b (looking up to token hi)."""
        toks, w = view.tokens, self.words
        j, skipped = b, 0
        while j < hi and skipped < MAX_SKIPPED and view.is_punct(j):
            j += 1
            skipped += 1
        if j >= hi:
            return None
        called = phrase_starting_at(toks, j, w.calls, hi)
        if called is not None:
            return Cue("calls", j, called)
        for k in range(j, min(hi, j + MAX_AFTER)):
            t = toks[k]
            if t.key == "|" or t.form in self.breaks or view.in_quote(k):
                return None
            cue = self.verb_starting_at(view, k, hi, "after")
            if cue is not None:
                # "'…' उन्होंने कहा कि …": what the verb says is its own clause, not the quote
                n = cue.end
                while n < len(toks) and n - cue.end < MAX_SKIPPED and (view.is_punct(n) or toks[n].form in w.bridge):
                    if toks[n].form in w.reported:
                        return None
                    n += 1
                return cue
        return None

    def reported(self, view: DocView, a: int, lo: int, within: bool = True) -> Cue | None:
        """"X ने कहा कि … '…' …": the verb of saying whose reported speech holds the quote opening
        at token a (looking back to token lo). ``within=False``: the last verb of saying with
        reported speech before token a, whatever stands between."""
        toks, w = view.tokens, self.words
        for k in range(a - 1, lo - 1, -1):
            if within and toks[k].norm in SENTENCE_ENDS:
                return None
            if view.in_quote(k):
                continue
            if w.reported_bare and k + 1 < a and not view.is_punct(k + 1) and toks[k + 1].form not in w.reported:
                cue = self.verb_ending_at(view, k, lo, "reported")  # "X said the plan was '…'"
                if cue is not None:
                    return cue
            if toks[k].form not in w.reported:
                continue
            v = k - 1
            while v >= lo and k - v <= MAX_SKIPPED and (view.is_punct(v) or toks[v].form in w.bridge):
                v -= 1
            cue = self.verb_ending_at(view, v, lo, "reported") if v >= lo else None
            if cue is not None:
                return Cue(cue.kind, cue.at, k + 1, cue.marking, cue.noun)
        return None

    def earlier(self, view: DocView, si: int) -> Cue | None:
        """The last verb of saying of sentence si (outside quotes)."""
        sent = view.doc.sentences[si]
        for k in range(sent.tok_end - 1, sent.tok_start - 1, -1):
            cue = self.verb_ending_at(view, k, sent.tok_start, "earlier")
            if cue is not None and not view.in_quote(k):
                return cue
        return None
