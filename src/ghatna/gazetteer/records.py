"""Records of the actor dictionary and gazetteer, as read from the data files."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from ghatna.model import Entity


def parse_bound(value: object, *, end: bool) -> date | None:
    """A data-file date ("2014", "2014-05", "2014-05-26") as the earliest (start) or latest (end)
    day it can mean."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, calendar.monthrange(y, m)[1]) if end else date(y, m, 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


@dataclass(frozen=True, slots=True)
class Role:
    office: str
    country: str | None
    start: date | None
    end: date | None
    org: str | None = None
    region: str | None = None
    sector: str | None = None

    def active(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(slots=True)
class Person:
    id: str
    name: str
    name_hi: str | None
    country: str | None
    sector: str | None
    aliases_en: list[str]
    aliases_hi: list[str]
    roles: list[Role]
    ambiguous: dict[str, str] = field(default_factory=dict)  # name → what else it is (data: `ambiguous`)

    def role_on(self, on: date | None, office: str | None = None) -> Role | None:
        """The role held on that date: of ``office`` when the person then held it, else the most
        senior-looking active one (the latest started)."""
        active = [r for r in self.roles if r.active(on)]
        if not active:
            return None
        if office is not None:
            active = [r for r in active if r.office == office] or active
        return max(active, key=lambda r: r.start or date.min)

    def entity(self, on: date | None, office: str | None = None) -> Entity:
        """The person as they act on that date (as the holder of ``office`` when given)."""
        role = self.role_on(on, office)
        if role is None:
            return Entity(self.id, self.name, "person", self.country, self.sector, None, self.name_hi)
        country = role.country if (role.country or role.org) else self.country
        sector = role.sector or self.sector
        if role.org and not role.country:
            sector = role.sector or "IGO"
        return Entity(self.id, self.name, "person", country, sector, role.office, self.name_hi)


@dataclass(slots=True)
class Country:
    iso3: str
    name: str
    name_hi: str | None
    aliases_en: list[str]
    aliases_hi: list[str]
    adjectives_en: list[str]
    adjectives_hi: list[str]
    capital: str | None = None
    ambiguous: dict[str, str] = field(default_factory=dict)

    def entity(self) -> Entity:
        return Entity(self.iso3, self.name, "country", self.iso3, None, None, self.name_hi)


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    name_hi: str | None
    kind: str
    sector: str | None
    country: str | None
    aliases_en: list[str]
    aliases_hi: list[str]
    ambiguous: dict[str, str] = field(default_factory=dict)

    def entity(self) -> Entity:
        return Entity(self.id, self.name, self.kind, self.country, self.sector, None, self.name_hi)


@dataclass(slots=True)
class Agent:
    """A generic agent (army, police, protesters) that takes its country from context."""

    id: str
    name: str
    kind: str
    sector: str | None
    hi: list[str]
    en: list[str]

    def entity(self, country: str | None, country_name: str | None) -> Entity:
        label = f"{country_name} {self.name}" if country_name else self.name
        ident = f"{country}:{self.id}" if country else self.id
        return Entity(ident, label, self.kind, country, self.sector, None, None)


@dataclass(slots=True)
class Office:
    office: str
    sector: str | None
    hi: list[str]
    en: list[str]
    ambiguous: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Place:
    id: str
    name: str
    name_hi: str | None
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    capital: bool = False
    region: str | None = None
    aliases_en: list[str] = field(default_factory=list)
    aliases_hi: list[str] = field(default_factory=list)
    ambiguous: dict[str, str] = field(default_factory=dict)
