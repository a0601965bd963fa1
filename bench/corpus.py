"""The benchmark corpus: every Hindi and English article of shared/corpus, cycled in whole passes.

Whole passes keep every article at the same weight, so per-source figures are not biased by where
the cycling stops. The language of each source is given to the engines (never detected).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ghatna.model import Article
from ghatna.reader import iter_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS_DIR = SHARED / "corpus"


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # file stem in shared/corpus
    lang: str
    label: str


SOURCES = (
    Source("air_hindi_2020_01", "hi", "AIR Hindi"),
    Source("bbc_hindi_international", "hi", "BBC Hindi"),
    Source("air_english_2020_01", "en", "AIR English"),
    Source("whitehouse_readouts", "en", "White House"),
)
LANGS = ("hi", "en")
AIR_HINDI = SOURCES[0].name


@dataclass(slots=True)
class Corpus:
    """One pass of every source's articles, and how many passes make the benchmark run."""

    articles: dict[str, list[Article]]
    passes: int = 1

    def sources(self, lang: str | None = None) -> list[Source]:
        return [s for s in SOURCES if s.name in self.articles and (lang is None or s.lang == lang)]

    def cycled(self, source: Source) -> list[Article]:
        return self.articles[source.name] * self.passes

    def unique(self) -> int:
        return sum(len(v) for v in self.articles.values())

    def total(self) -> int:
        return self.unique() * self.passes

    def bytes_of(self, source: Source) -> int:
        return sum(len(a.text.encode("utf-8")) for a in self.articles[source.name]) * self.passes


def corpus_missing(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    return [p for p in (corpus_dir / f"{s.name}.jsonl" for s in SOURCES) if not p.is_file()]


def read_source(corpus_dir: Path, source: Source) -> list[Article]:
    """The source's articles with the language set; unreadable records are left out."""
    items = iter_articles(corpus_dir / f"{source.name}.jsonl", lang=source.lang)
    return [replace(a, lang=source.lang) for a in items if isinstance(a, Article)]


def load_corpus(corpus_dir: Path, min_articles: int) -> Corpus:
    articles = {s.name: read_source(corpus_dir, s) for s in SOURCES}
    unique = sum(len(v) for v in articles.values())
    return Corpus(articles, max(1, math.ceil(min_articles / max(unique, 1))))


def with_unique_ids(corpus: Corpus) -> Iterator[Article]:
    """Every cycled article with an id of its own (the store skips an id it already holds)."""
    for k in range(corpus.passes):
        for source in corpus.sources():
            for a in corpus.articles[source.name]:
                yield replace(a, article_id=f"{a.article_id}#{k}")


def pin_to_one_core() -> None:
    """Run on one core (the first this process may use), as the issue asks."""
    allowed = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {allowed[0]})
