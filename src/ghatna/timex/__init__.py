"""Time expressions in Hindi and English news: find them, and date them from the publication day.

    >>> from datetime import date
    >>> tagger = TimeTagger.load("hi")
    >>> [(e.text, e.value) for e in tagger.find("17 मार्च को मंत्री ने कहा", published=date(2025, 3, 28))]
    [('17 मार्च', '2025-03-17')]

The language's words and rule shapes live in data/lang/<lang>/time.yaml; this package holds the
mechanism: lexicon.py reads the data, template.py and grammar.py compile its rules, resolve.py
and datemath.py turn a match into dates, tense.py reads the verb's tense.
"""

from ghatna.timex.model import TimeExpression
from ghatna.timex.tagger import TimeTagger
from ghatna.timex.tense import infer_tense

__all__ = ["TimeExpression", "TimeTagger", "infer_tense"]
