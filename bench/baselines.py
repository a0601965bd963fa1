"""What a user would assemble instead of ghatna, over the same texts.

- spaCy: a blank('hi')/blank('en') tokenizer and an EntityRuler loaded with ghatna's own actor
  phrases (case-insensitive, as a user matching names in news would configure it);
- Aho-Corasick: one pyahocorasick automaton of the same phrases scanned over the raw texts, no
  tokenising and no word boundaries: the speed limit of dictionary matching;
- dateparser ``search_dates`` against ghatna's time tagger on a sample of sentences.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from corpus import Corpus, load_corpus, pin_to_one_core

from ghatna.gazetteer.matcher import Entry
from ghatna.model import Article


def actor_phrases() -> list[Entry]:
    """ghatna's actor dictionary, as its actor matcher is built from it."""
    from ghatna.gazetteer.load import Gazetteer
    from ghatna.resources import actor_entries

    return list(actor_entries(Gazetteer.load()))


class SpacyEngine:
    """spacy.blank(lang) + EntityRuler(phrase_matcher_attr=LOWER); found = entities."""

    def __init__(self) -> None:
        self.phrases = actor_phrases()
        self.nlp: dict[str, Any] = {}

    def setup(self, lang: str) -> None:
        import spacy

        nlp = spacy.blank(lang)
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns([{"label": e.kind.upper(), "pattern": e.surface, "id": e.ref} for e in self.phrases])
        self.nlp[lang] = nlp

    def run(self, lang: str, articles: Sequence[Article]) -> tuple[int, int, str]:
        texts = (a.text for a in articles)
        return sum(len(doc.ents) for doc in self.nlp[lang].pipe(texts, batch_size=256)), 0, ""


class AhoEngine:
    """The same phrases in one automaton, scanned over the raw text; found = raw hits."""

    def __init__(self) -> None:
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for e in actor_phrases():
            self.automaton.add_word(e.surface, (e.kind, e.ref))
        self.automaton.make_automaton()

    def setup(self, lang: str) -> None:
        return None

    def run(self, lang: str, articles: Sequence[Article]) -> tuple[int, int, str]:
        scan = self.automaton.iter
        return sum(sum(1 for _ in scan(a.text)) for a in articles), 0, ""


ENGINES: dict[str, Callable[[], Any]] = {"spacy": SpacyEngine, "aho": AhoEngine}


# -- dates ---------------------------------------------------------------------------------------
GRANULARITIES = ("day", "week", "month", "year", "decade")
DATEPARSER_PERIOD = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class Found:
    """One date found in a sentence: a representative day and how precise it is."""

    day: date
    granularity: str


@dataclass(slots=True)
class DateAgreement:
    lang: str
    sentences: int = 0
    ghatna_seconds: float = 0.0
    dateparser_seconds: float = 0.0
    ghatna_found: int = 0  # sentences where it finds at least one date
    dateparser_found: int = 0
    both_found: int = 0
    agree: int = 0
    examples: list[str] = field(default_factory=list)  # disagreements, for the report

    @property
    def agreement(self) -> float:
        return self.agree / self.both_found if self.both_found else 0.0


def coarse(d: date, granularity: str) -> tuple[int, ...]:
    if granularity == "day":
        return (d.year, d.month, d.day)
    if granularity == "week":
        return d.isocalendar()[:2]
    if granularity == "month":
        return (d.year, d.month)
    if granularity == "year":
        return (d.year,)
    return (d.year // 10,)


def dates_agree(a: Found, b: Found) -> bool:
    g = max(a.granularity, b.granularity, key=GRANULARITIES.index)
    return coarse(a.day, g) == coarse(b.day, g)


def ghatna_dates(found: Sequence[Any]) -> list[Found]:
    """Dates (not durations or recurrences) that ghatna could place in the calendar."""
    return [Found(e.begin, e.granularity) for e in found
            if e.kind == "date" and e.begin is not None and e.granularity in GRANULARITIES]


def dateparser_dates(found: Sequence[tuple[str, datetime]] | None, parser: Any) -> list[Found]:
    """search_dates gives no precision; it is read back from DateDataParser on each substring."""
    out = []
    for text, when in found or ():
        period = getattr(parser.get_date_data(text), "period", None) or "day"
        out.append(Found(when.date(), DATEPARSER_PERIOD.get(period, "day")))
    return out


def sample_sentences(corpus: Corpus, lang: str, n: int, seed: int) -> list[tuple[str, date]]:
    """n sentences of the language's dated articles (relative dates need a publication day),
    segmented by ghatna's own segmenter."""
    from ghatna.text.normalize import normalize
    from ghatna.text.segment import segment

    pool: list[tuple[str, date]] = []
    for source in corpus.sources(lang):
        for a in corpus.articles[source.name]:
            if a.published is None:
                continue
            norm, mapping = normalize(a.text)
            pool.extend((s.text, a.published) for s in segment(a.text, norm, mapping)[0])
    rng = random.Random(seed)
    return rng.sample(pool, min(n, len(pool)))


def _best_of(runs: int, fn: Callable[[], list[Any]]) -> tuple[float, list[Any]]:
    best, out = float("inf"), []
    for _ in range(runs):
        started = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - started)
    return best, out


def compare_dates(lang: str, sentences: list[tuple[str, date]], runs: int) -> DateAgreement:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    from ghatna.timex import TimeTagger

    tagger = TimeTagger.load(lang)
    parser = DateDataParser(languages=[lang])

    def dp_one(text: str, day: date) -> Any:
        base = datetime.combine(day, datetime.min.time())
        return search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base})

    res = DateAgreement(lang, len(sentences))
    if not sentences:
        return res
    dp_one(*sentences[0])  # loads dateparser's language data outside the timing
    res.ghatna_seconds, ours = _best_of(runs, lambda: [tagger.find(t, published=d) for t, d in sentences])
    res.dateparser_seconds, theirs = _best_of(runs, lambda: [dp_one(t, d) for t, d in sentences])
    for (text, _), g_raw, d_raw in zip(sentences, ours, theirs, strict=True):
        _score(res, text, ghatna_dates(g_raw), dateparser_dates(d_raw, parser), d_raw)
    return res


def _score(res: DateAgreement, text: str, g: list[Found], d: list[Found], d_raw: Any) -> None:
    res.ghatna_found += bool(g)
    res.dateparser_found += bool(d)
    if not (g and d):
        return
    res.both_found += 1
    if any(dates_agree(a, b) for a in g for b in d):
        res.agree += 1
    elif len(res.examples) < 5:
        ours = ", ".join(f"{f.day}/{f.granularity}" for f in g)
        theirs = ", ".join(f"{s!r}→{w.date()}" for s, w in d_raw)
        res.examples.append(f"{text[:90]!r}: ghatna {ours}; dateparser {theirs}")


def dates_job(corpus_dir: Path, sample: int, seed: int, langs: Sequence[str]) -> list[DateAgreement]:
    pin_to_one_core()
    corpus = load_corpus(corpus_dir, 1)
    return [compare_dates(lang, sample_sentences(corpus, lang, sample, seed), runs=3) for lang in langs]
