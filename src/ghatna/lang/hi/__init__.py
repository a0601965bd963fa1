"""Hindi: postpositional case marking, verb group after the trigger, Devanagari names."""

from __future__ import annotations

from typing import Any

from ghatna.lang.registry import Language, package_data


def _actors(res: Any, code: str) -> Any:
    from ghatna.actors.tagger import ActorTagger

    return ActorTagger(res, code)


def _reader(gram: Any) -> Any:
    from ghatna.lang.hi.reader import HindiReader

    return HindiReader(gram)


LANGUAGE = Language("hi", "Hindi", package_data("hi"), _actors, _reader)
