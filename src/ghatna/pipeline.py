"""The pipeline: a checked sequence of Document → Document stages.

Each stage declares what it requires and provides; building a pipeline fails when a stage comes
before what it needs. Stages are made per language on first use and kept by the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ghatna.lang.registry import Language
from ghatna.model import Article, Document, Flag, Options
from ghatna.resources import Resources

StageFn = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    factory: Callable[[Resources, str], StageFn]


def _normalize(res: Resources, lang: str) -> StageFn:
    from ghatna.text.normalize import normalize

    def run(doc: Document) -> Document:
        doc.norm, doc.norm_map = normalize(doc.text)
        return doc

    return run


def _segment(res: Resources, lang: str) -> StageFn:
    from ghatna.text.segment import segment

    keys: dict[str, str] = {}  # this stage's word → key cache, bounded

    def run(doc: Document) -> Document:
        if len(keys) > 500_000:
            keys.clear()
        doc.sentences, doc.tokens = segment(doc.text, doc.norm, doc.norm_map, keys)
        return doc

    return run


def _time(res: Resources, lang: str) -> StageFn:
    from ghatna.stages.time import TimeStage

    return TimeStage(res, lang)


def _actors(res: Resources, lang: str) -> StageFn:
    return res.language(lang).actors(res, lang)  # type: ignore[no-any-return]


def _events(res: Resources, lang: str) -> StageFn:
    from ghatna.events.tagger import EventTagger
    from ghatna.events.unattributed import StandIn

    reader = res.language(lang).reader(res.grammar(lang))
    words = res.attack_words(lang)  # read only for documents extracted with Options(unattributed=True)
    stand_in = StandIn(words.cues if words is not None else frozenset())
    return EventTagger(res.lexicon(lang), res.frames(lang), reader, res.gazetteer, res.model("roles"),
                       stand_in=stand_in)


def _casualties(res: Resources, lang: str) -> StageFn:
    from ghatna.events.casualties import CasualtyStage

    return CasualtyStage(res.casualty_words(lang))


def _quotes(res: Resources, lang: str) -> StageFn:
    from ghatna.stages.quotes import QuoteTagger

    return QuoteTagger(res, lang)


def _holders(res: Resources, lang: str) -> StageFn:
    from ghatna.actors.holders import HolderStage

    return HolderStage(res, lang)


def _quality(res: Resources, lang: str) -> StageFn:
    from ghatna.stages.quality import QualityFlagger

    return QualityFlagger(lang)


def _merge(res: Resources, lang: str) -> StageFn:
    from ghatna.stages.merge import EventMerger

    return EventMerger(res, lang)


def _confidence(res: Resources, lang: str) -> StageFn:
    from ghatna.events.confidence import ConfidenceStage

    return ConfidenceStage(res.model("events"))


def _code(res: Resources, lang: str) -> StageFn:
    from ghatna.stages.coding import Coder

    return Coder(res)


def default_stages() -> tuple[StageSpec, ...]:
    return (
        StageSpec("normalize", (), ("norm",), _normalize),
        StageSpec("segment", ("norm",), ("sentences", "tokens"), _segment),
        StageSpec("time", ("sentences",), ("times",), _time),
        StageSpec("actors", ("tokens",), ("mentions", "key_index"), _actors),
        StageSpec("events", ("mentions", "times", "key_index"), ("events",), _events),
        StageSpec("casualties", ("events",), ("casualties",), _casualties),
        StageSpec("quotes", ("mentions",), ("quotes",), _quotes),
        StageSpec("holders", ("events", "quotes"), ("holders",), _holders),
        StageSpec("quality", ("tokens", "quotes"), ("flags",), _quality),
        StageSpec("merge", ("events", "casualties", "holders"), ("merged",), _merge),
        StageSpec("code", ("events", "flags"), ("coded",), _code),
        StageSpec("confidence", ("coded", "merged"), ("confident",), _confidence),
    )


def check_order(stages: Sequence[StageSpec]) -> None:
    have: set[str] = set()
    for s in stages:
        missing = [r for r in s.requires if r not in have]
        if missing:
            raise ValueError(f"stage {s.name!r} requires {missing} which no earlier stage provides")
        have.update(s.provides)


class Pipeline:
    """Runs the stages over articles. Reuse one pipeline: dictionaries load once, on first use."""

    def __init__(self, stages: Iterable[StageSpec] | None = None, resources: Resources | None = None,
                 languages: Iterable[Language] | None = None, *, unattributed: bool = False) -> None:
        """``languages`` adds languages to the built-in ones (or replaces one of the same code);
        ``unattributed`` codes attacks and riots no one is named for (``Options``; a run may
        say otherwise)."""
        self.options = Options(unattributed=unattributed)
        self.specs = tuple(stages) if stages is not None else default_stages()
        check_order(self.specs)
        self.res = resources or Resources(languages)
        self._built: dict[str, list[tuple[str, StageFn]]] = {}

    def stages_for(self, lang: str) -> list[tuple[str, StageFn]]:
        if lang not in self._built:
            self._built[lang] = [(s.name, s.factory(self.res, lang)) for s in self.specs]
        return self._built[lang]

    def detect_language(self, text: str) -> str:
        return self.res.language_detector.detect(text)

    def run(self, article: Article, *, unattributed: bool | None = None) -> Document:
        """Extract one article; ``unattributed`` overrides the pipeline's option for this run."""
        doc = Document(article)
        if unattributed is not None and unattributed != self.options.unattributed:
            doc.options = Options(unattributed=unattributed)
        else:
            doc.options = self.options
        lang = article.lang or (self.detect_language(article.text) if article.text.strip() else None)
        doc.lang = lang
        if lang not in self.res.languages:
            doc.flags.append(Flag("unsupported_language", 0, len(article.text), f"language {lang!r} is not coded"))
            return doc
        for name, fn in self.stages_for(lang):
            doc = fn(doc)
            doc.done.add(name)
        return doc

    def extract(self, text: str, *, published: date | None = None, lang: str | None = None,
                article_id: str = "", title: str | None = None, unattributed: bool | None = None) -> Document:
        return self.run(Article(text, article_id, title, published, lang), unattributed=unattributed)
