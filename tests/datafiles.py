"""Reading the package's data files in tests: a YAML file, its JSON schema, every string in it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("ghatna") / "data"


def load(*parts: str) -> Any:
    """The YAML file at data/<parts…>."""
    return yaml.safe_load(DATA.joinpath(*parts).read_text(encoding="utf-8"))


def schema(name: str) -> Any:
    return json.loads((DATA / "schema" / name).read_text(encoding="utf-8"))


def strings(x: Any) -> Iterator[str]:
    """Every string in a YAML value: keys and values, at any depth."""
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
