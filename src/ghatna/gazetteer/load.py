"""Load the actor dictionary and place gazetteer from the package's data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from ghatna.gazetteer.records import (
    Agent,
    Country,
    Office,
    Organization,
    Person,
    Place,
    Role,
    parse_bound,
)
from ghatna.model import Entity

try:  # the C loader is ~10x faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class DataError(ValueError):
    """A data file is malformed: says which file and entry."""


def data_root() -> Traversable:
    return resources.files("ghatna") / "data"


def read_yaml(node: Traversable) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DataError(f"{node}: not valid YAML: {exc}") from exc


def _yaml_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def _entries(node: Traversable) -> list[dict[str, Any]]:
    data = read_yaml(node) or []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise DataError(f"{node}: expected a list of mappings")
    return data


def _text(d: dict[str, Any], k: str) -> list[str]:
    return [str(x) for x in d.get(k) or [] if x]


def _names(d: dict[str, Any], k: str) -> dict[str, str]:
    """A mapping of names to a word class (``ambiguous``: name → what else the word is)."""
    return {str(name): str(cls) for name, cls in (d.get(k) or {}).items()}


@dataclass(slots=True)
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    by_office: dict[str, list[tuple[Person, Role]]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Gazetteer:
        root = data_root()
        actors = root / "actors"
        g = cls()
        for e in _entries(actors / "countries.yaml"):
            c = Country(
                e["iso3"], e["name"], e.get("name_hi"), _text(e, "aliases_en"), _text(e, "aliases_hi"),
                _text(e, "adjectives_en"), _text(e, "adjectives_hi"), e.get("capital"), _names(e, "ambiguous"),
            )
            g.countries[c.iso3] = c
        for f in _yaml_files(actors / "persons"):
            for e in _entries(f):
                p = _person(e, f)
                if p.id in g.persons:
                    raise DataError(f"{f}: person id {p.id!r} defined twice")
                g.persons[p.id] = p
        for e in _entries(actors / "organizations.yaml") if (actors / "organizations.yaml").is_file() else []:
            o = Organization(
                e["id"], e["name"], e.get("name_hi"), e.get("kind", "organization"), e.get("sector"),
                e.get("country"), _text(e, "aliases_en"), _text(e, "aliases_hi"), _names(e, "ambiguous"),
            )
            g.organizations[o.id] = o
        for e in _entries(actors / "agents.yaml") if (actors / "agents.yaml").is_file() else []:
            a = Agent(e["id"], e["name"], e.get("kind", "organization"), e.get("sector"), _text(e, "hi"),
                      _text(e, "en"))
            g.agents[a.id] = a
        for e in _entries(actors / "offices.yaml"):
            o = Office(e["office"], e.get("sector"), _text(e, "hi"), _text(e, "en"), _names(e, "ambiguous"))
            g.offices[o.office] = o
        places = root / "places"
        for f in _yaml_files(places):
            for e in _entries(f):
                p = Place(
                    e["id"], e["name"], e.get("name_hi"), e.get("kind", "city"), e.get("country"),
                    e.get("lat"), e.get("lon"), bool(e.get("capital")), e.get("region"),
                    _text(e, "aliases_en"), _text(e, "aliases_hi"), _names(e, "ambiguous"),
                )
                g.places[p.id] = p
        for person in g.persons.values():
            for role in person.roles:
                g.by_office.setdefault(role.office, []).append((person, role))
        return g

    def capitals(self) -> dict[str, str]:
        """Capital's name → its country (ISO3), for reading a capital as its government."""
        return {p.name: p.country for p in self.places.values() if p.capital and p.country}

    def government(self, iso3: str) -> Entity | None:
        """The government of a country, as the generic agent names it ("बीजिंग ने …": China's)."""
        agent = self.agents.get("government")
        c = self.countries.get(iso3)
        return agent.entity(c.iso3, c.name) if agent is not None and c is not None else None

    def holder(
        self, office: str, country: str | None, on: date | None, *, region: str | None = None,
        org: str | None = None,
    ) -> Person | None:
        """The person holding ``office`` of ``country`` (or of ``org``/``region``) on that date.

        When several records qualify (an open-ended term not yet closed in the data and its
        successor's), the latest start wins."""
        best: tuple[date, Person] | None = None
        for p, r in self.by_office.get(office, ()):
            if not r.active(on):
                continue
            if org is not None:
                if r.org != org:
                    continue
            elif r.country != country or r.org is not None:
                continue
            if (region or "").lower() != (r.region or "").lower():
                continue  # a national office is not a state's (Bihar's opposition leader is not India's)
            start = r.start or date.min
            if best is None or start > best[0]:
                best = (start, p)
        return best[1] if best else None


def _person(e: dict[str, Any], f: Traversable) -> Person:
    roles = []
    for r in e.get("roles") or []:
        try:
            roles.append(Role(
                r["office"], r.get("country"), parse_bound(r.get("start"), end=False),
                parse_bound(r.get("end"), end=True), r.get("org"), r.get("region"), r.get("sector"),
            ))
        except (KeyError, ValueError) as exc:
            raise DataError(f"{f}: person {e.get('id')!r}: bad role {r!r}: {exc}") from exc
    return Person(
        e["id"], e["name"], e.get("name_hi"), e.get("country"), e.get("sector"),
        _text(e, "aliases_en"), _text(e, "aliases_hi"), roles, _names(e, "ambiguous"),
    )
