"""TimeTagger: find time expressions in a sentence and place them in the calendar."""

from __future__ import annotations

from datetime import date, datetime

from ghatna.timex.grammar import Grammar
from ghatna.timex.lexicon import Lexicon
from ghatna.timex.model import Tense, TimeExpression
from ghatna.timex.resolve import Context, Resolver
from ghatna.timex.tense import TenseModel


class TimeTagger:
    """The time-expression tagger of one language. Build it once with ``load``; ``find`` is then
    safe to call from any number of threads (the tagger holds only immutable compiled data)."""

    __slots__ = ("lang", "_grammar", "_resolver", "_tense")

    def __init__(self, lexicon: Lexicon) -> None:
        self.lang = lexicon.lang
        self._grammar = Grammar.compile(lexicon)
        self._resolver = Resolver(lexicon)
        self._tense = TenseModel.from_lexicon(lexicon)

    @classmethod
    def load(cls, lang: str) -> TimeTagger:
        """Read data/lang/<lang>/time.yaml from the package and compile it."""
        return cls(Lexicon.load(lang))

    def find(self, text: str, published: date | None = None) -> list[TimeExpression]:
        """Time expressions of ``text`` in text order, none overlapping. Expressions counted from
        the publication date get ``value=None`` when ``published`` is None."""
        if isinstance(published, datetime):
            published = published.date()
        ctx = Context(text, published, self._tense)
        found = []
        for m in self._grammar.finditer(text):
            expr = self._resolver.resolve(m, self._grammar.rule_of(m), ctx)
            if expr is not None:
                found.append(expr)
        return found

    def infer_tense(self, text: str) -> Tense | None:
        """The tense of the first tense cue in ``text`` (see ``ghatna.timex.infer_tense``)."""
        return self._tense.infer(text)

    def __repr__(self) -> str:
        return f"TimeTagger.load({self.lang!r})"
