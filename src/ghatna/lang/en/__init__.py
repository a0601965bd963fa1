"""English: roles by position and preposition, verb group before the trigger."""

from __future__ import annotations

from typing import Any

from ghatna.lang.registry import Language, package_data


def _actors(res: Any, code: str) -> Any:
    from ghatna.lang.en.actors import EnglishActorTagger

    return EnglishActorTagger(res, code)


def _reader(gram: Any) -> Any:
    from ghatna.lang.en.reader import EnglishReader

    return EnglishReader(gram)


LANGUAGE = Language("en", "English", package_data("en"), _actors, _reader)
