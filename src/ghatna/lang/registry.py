"""Languages ghatna codes: each is a package under ``ghatna.lang`` defining ``LANGUAGE``.

A language brings its data folder (grammar.yaml, triggers.yaml, frames.yaml, time.yaml), the
stage that finds its actors and the reader that gives the event layer its syntax. Adding a
language is a new package plus its data; nothing in the pipeline names a language.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any

from ghatna.gazetteer.load import data_root

if TYPE_CHECKING:
    from ghatna.events.reading import SentenceReader
    from ghatna.lang.grammar import Grammar
    from ghatna.model import Document
    from ghatna.resources import Resources

    StageFn = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1
    name: str
    data: Traversable  # folder of the language's data files
    actors: Callable[[Resources, str], Any]  # (resources, code) → the actor stage
    reader: Callable[[Grammar], SentenceReader]  # grammar → the event layer's sentence reader


def package_data(code: str) -> Traversable:
    """The data folder a built-in language keeps in the package: data/lang/<code>."""
    return data_root() / "lang" / code


def builtin_languages() -> dict[str, Language]:
    """Every package under ghatna.lang that defines LANGUAGE, by language code."""
    import ghatna.lang as pkg

    out: dict[str, Language] = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        lang = getattr(module, "LANGUAGE", None)
        if isinstance(lang, Language):
            out[lang.code] = lang
    return out
