"""Every entry of the actor dictionary and place gazetteer, checked one by one.

Each YAML file under data/actors/ and data/places/ is validated against its JSON Schema in
data/schema/, then cross-checked: ids unique across files, country codes and office slugs that
exist, capitals and regions that point at real places, Devanagari in NFC without zero-width
joiners, no empty or repeated aliases. Tests are parametrised by entry, so a failure names the
file and the entry (``countries.yaml:USA``, ``persons/india.yaml:narendra-modi``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jsonschema
import pytest
import yaml

DATA = resources.files("ghatna") / "data"

# file (relative to data/) -> schema name; persons/*.yaml all use "persons".
SCHEMA_OF = {
    "actors/countries.yaml": "countries",
    "actors/organizations.yaml": "organizations",
    "actors/offices.yaml": "offices",
    "actors/agents.yaml": "agents",
    "places/cities.yaml": "cities",
}
KEY_OF = {"countries": "iso3", "offices": "office"}  # every other kind is keyed by "id"
# Name fields per kind: the strings a matcher looks up. The first group is Hindi, the second English.
HI_FIELDS = {
    "countries": ("name_hi", "aliases_hi", "adjectives_hi"),
    "persons": ("name_hi", "aliases_hi"),
    "organizations": ("name_hi", "aliases_hi"),
    "cities": ("name_hi", "aliases_hi"),
    "offices": ("hi",),
    "agents": ("hi",),
}
EN_FIELDS = {
    "countries": ("name", "aliases_en", "adjectives_en"),
    "persons": ("name", "aliases_en"),
    "organizations": ("name", "aliases_en"),
    "cities": ("name", "aliases_en"),
    "offices": ("en",),
    "agents": ("en",),
}
# Ids share one namespace across these kinds (docs/data-formats.md).
ID_KINDS = ("persons", "organizations", "agents", "cities")
# Kinds whose aliases must not repeat across entries of the same kind: one surface string naming
# two countries (or two organisations) would make matching ambiguous. Persons and offices may
# legitimately share titles or short names, so they are not checked.
UNIQUE_ALIAS_KINDS = ("countries", "organizations", "agents", "cities")

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
ZERO_WIDTH = {"\u200c", "\u200d"}
EXTRA_ISO3 = {"XKX"}  # Kosovo: user-assigned code, listed in countries.yaml but not in ISO 3166-1


@dataclass(frozen=True)
class Record:
    file: str  # relative to data/, e.g. "actors/persons/india.yaml"
    kind: str  # schema name
    index: int
    entry: Any

    @property
    def key(self) -> str:
        if isinstance(self.entry, dict):
            return str(self.entry.get(KEY_OF.get(self.kind, "id"), f"#{self.index}"))
        return f"#{self.index}"

    @property
    def label(self) -> str:
        return f"{self.file.split('/', 1)[1]}:{self.key}"


def _yaml_files(node, rel: str) -> Iterator[tuple[str, Any]]:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        path = f"{rel}/{child.name}"
        if child.is_dir():
            yield from _yaml_files(child, path)
        elif child.name.endswith((".yaml", ".yml")):
            yield path, child


def _kind_of(path: str) -> str | None:
    if path.startswith("actors/persons/"):
        return "persons"
    return SCHEMA_OF.get(path)


def _load() -> tuple[list[str], list[Record], dict[str, str]]:
    files, records, problems = [], [], {}
    for top in ("actors", "places"):
        for path, node in _yaml_files(DATA / top, top):
            files.append(path)
            try:
                data = yaml.safe_load(node.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                problems[path] = f"not valid YAML: {exc}"
                continue
            if not isinstance(data, list):
                problems[path] = "top level must be a list of entries"
                continue
            kind = _kind_of(path)
            if kind is None:
                continue
            records.extend(Record(path, kind, i, e) for i, e in enumerate(data))
    return files, records, problems


FILES, RECORDS, PROBLEMS = _load()
BY_KIND: dict[str, list[Record]] = defaultdict(list)
for _r in RECORDS:
    BY_KIND[_r.kind].append(_r)


def _entries(kind: str) -> list[dict]:
    return [r.entry for r in BY_KIND[kind] if isinstance(r.entry, dict)]


SCHEMAS = {
    name: json.loads((DATA / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    for name in ("countries", "persons", "organizations", "offices", "agents", "cities")
}
ISO3 = {e["iso3"] for e in _entries("countries") if isinstance(e.get("iso3"), str)} | EXTRA_ISO3
OFFICES = {e.get("office") for e in _entries("offices")}
ORG_IDS = {e.get("id") for e in _entries("organizations")}
PLACES = {e["id"]: e for e in _entries("cities") if isinstance(e.get("id"), str)}


def _params(kinds: tuple[str, ...] | None = None) -> list:
    return [pytest.param(r, id=r.label) for r in RECORDS if kinds is None or r.kind in kinds]


def _strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{where}.{k}" if where else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{where}[{i}]")


def _dates(value: Any, where: str = "") -> Iterator[str]:
    if isinstance(value, dt.date):
        yield where
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _dates(v, f"{where}.{k}" if where else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _dates(v, f"{where}[{i}]")


def _names(entry: dict, kind: str) -> list[tuple[str, str]]:
    """(field, string) for every name, alias and adjective of an entry."""
    out = []
    for fld in (*HI_FIELDS[kind], *EN_FIELDS[kind]):
        value = entry.get(fld)
        for s in value if isinstance(value, list) else [value]:
            if s is not None:
                out.append((fld, s))
    return out


def _fold(s: str) -> str:
    """Comparison key: short all-caps acronyms are case-sensitive (US vs us), other Latin is not."""
    s = unicodedata.normalize("NFC", s).strip()
    return s if (s.isupper() and len(s) <= 4) else s.casefold()


def _date_le(a: str, b: str) -> bool:
    """a <= b for ISO dates of possibly different precision, compared at the common precision."""
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


# ---------------------------------------------------------------------------------------------
# files


def test_data_files_found() -> None:
    for path in SCHEMA_OF:
        assert path in FILES, f"missing data file {path}"
    assert BY_KIND["countries"] and BY_KIND["cities"] and BY_KIND["organizations"]


@pytest.mark.parametrize("path", FILES)
def test_file_is_a_list_with_a_schema(path: str) -> None:
    assert path not in PROBLEMS, f"{path}: {PROBLEMS.get(path)}"
    assert _kind_of(path) is not None, f"{path}: no schema for this file (add it to SCHEMA_OF)"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[name])


# ---------------------------------------------------------------------------------------------
# every entry


@pytest.mark.parametrize("rec", _params())
def test_entry_matches_schema(rec: Record) -> None:
    unquoted = list(_dates(rec.entry))
    assert not unquoted, f'{rec.label}: dates must be quoted strings in YAML ("2014-05-26"): {unquoted}'
    validator = jsonschema.Draft202012Validator(SCHEMAS[rec.kind]["items"])
    errors = sorted(validator.iter_errors(rec.entry), key=lambda e: list(e.absolute_path))
    assert not errors, f"{rec.label}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path)) or '<entry>'}: {e.message}" for e in errors
    )


@pytest.mark.parametrize("rec", _params())
def test_strings_are_clean(rec: Record) -> None:
    for where, s in _strings(rec.entry):
        assert s == s.strip() and s, f"{rec.label}: {where}: empty or padded string {s!r}"
        assert not ZERO_WIDTH & set(s), f"{rec.label}: {where}: zero-width joiner in {s!r}"
        if DEVANAGARI.search(s):
            assert unicodedata.is_normalized("NFC", s), f"{rec.label}: {where}: not NFC: {s!r}"


@pytest.mark.parametrize("rec", _params(tuple(HI_FIELDS)))
def test_names_are_distinct_and_in_the_right_script(rec: Record) -> None:
    if not isinstance(rec.entry, dict):
        pytest.fail(f"{rec.label}: entry is not a mapping")
    seen: dict[str, str] = {}
    for fld, s in _names(rec.entry, rec.kind):
        assert isinstance(s, str) and s.strip(), f"{rec.label}: {fld}: empty alias {s!r}"
        k = unicodedata.normalize("NFC", s)
        assert k not in seen, f"{rec.label}: {s!r} listed twice ({seen[k]} and {fld})"
        seen[k] = fld
        if fld in HI_FIELDS[rec.kind]:
            assert DEVANAGARI.search(s), f"{rec.label}: {fld}: no Devanagari in {s!r}"
        else:
            assert not DEVANAGARI.search(s), f"{rec.label}: {fld}: Devanagari in English field {s!r}"


@pytest.mark.parametrize("rec", _params(tuple(HI_FIELDS)))
def test_ambiguous_names_are_the_entrys_own(rec: Record) -> None:
    """`ambiguous` lists names of the entry itself that are also common words (actors/ambiguous.py)."""
    listed = rec.entry.get("ambiguous") or [] if isinstance(rec.entry, dict) else []
    own = {unicodedata.normalize("NFC", s) for _, s in _names(rec.entry, rec.kind) if isinstance(s, str)}
    for s in listed:
        assert unicodedata.normalize("NFC", s) in own, f"{rec.label}: ambiguous {s!r} is not one of its names"


@pytest.mark.parametrize("rec", _params(("countries", "persons", "organizations", "cities")))
def test_country_codes_exist(rec: Record) -> None:
    e = rec.entry
    codes = [("iso3", e.get("iso3"))] if rec.kind == "countries" else [("country", e.get("country"))]
    for i, role in enumerate(e.get("roles") or []):
        if isinstance(role, dict):
            codes.append((f"roles[{i}].country", role.get("country")))
    for where, code in codes:
        if code is not None:
            assert code in ISO3, f"{rec.label}: {where}: {code!r} is not a country in countries.yaml"


@pytest.mark.parametrize("rec", _params(("persons",)))
def test_person_roles(rec: Record) -> None:
    for i, role in enumerate(rec.entry.get("roles") or []):
        where = f"{rec.label}: roles[{i}]"
        assert role.get("office") in OFFICES, f"{where}: office {role.get('office')!r} not in offices.yaml"
        org = role.get("org")
        assert org is None or org in ORG_IDS, f"{where}: org {org!r} not in organizations.yaml"
        start, end = role.get("start"), role.get("end")
        if isinstance(start, str) and isinstance(end, str):
            assert _date_le(start, end), f"{where}: start {start} is after end {end}"


@pytest.mark.parametrize("rec", _params(("countries",)))
def test_country_capital_exists(rec: Record) -> None:
    cap = rec.entry.get("capital")
    if cap is None:
        return
    place = PLACES.get(cap)
    assert place is not None, f"{rec.label}: capital {cap!r} is not an id in places/"
    assert place.get("capital") is True, f"{rec.label}: capital {cap!r} lacks `capital: true`"
    assert place.get("country") == rec.entry["iso3"], (
        f"{rec.label}: capital {cap!r} is in {place.get('country')}, not {rec.entry['iso3']}"
    )


@pytest.mark.parametrize("rec", _params(("cities",)))
def test_place_coordinates_and_region(rec: Record) -> None:
    e = rec.entry
    lat, lon = e.get("lat"), e.get("lon")
    assert isinstance(lat, int | float) and -90 <= lat <= 90, f"{rec.label}: bad lat {lat!r}"
    assert isinstance(lon, int | float) and -180 <= lon <= 180, f"{rec.label}: bad lon {lon!r}"
    region = e.get("region")
    if region is not None:
        parent = PLACES.get(region)
        assert parent is not None, f"{rec.label}: region {region!r} is not an id in places/"
        assert parent.get("kind") == "region", f"{rec.label}: region {region!r} is not kind: region"
        assert parent.get("country") == e.get("country"), f"{rec.label}: region {region!r} is abroad"
        assert region != e.get("id"), f"{rec.label}: a place cannot be its own region"


@pytest.mark.parametrize("rec", _params(("organizations",)))
def test_organization_parent_exists(rec: Record) -> None:
    parent = rec.entry.get("parent")
    if parent is not None:
        assert parent in ORG_IDS, f"{rec.label}: parent {parent!r} not in organizations.yaml"
        assert parent != rec.entry.get("id"), f"{rec.label}: an organisation cannot be its own parent"


# ---------------------------------------------------------------------------------------------
# across entries


def test_ids_unique_across_files() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for kind in ID_KINDS:
        for r in BY_KIND[kind]:
            where[r.key].append(r.label)
    for r in BY_KIND["countries"]:
        where[r.key].append(r.label)
    for r in BY_KIND["offices"]:
        where["office:" + r.key].append(r.label)
    dupes = {k: v for k, v in where.items() if len(v) > 1}
    assert not dupes, f"ids defined more than once: {dupes}"


@pytest.mark.parametrize("kind", UNIQUE_ALIAS_KINDS)
def test_aliases_unique_within_kind(kind: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for r in BY_KIND[kind]:
        if isinstance(r.entry, dict):
            for _, s in _names(r.entry, kind):
                if isinstance(s, str):
                    owners[_fold(s)].add(r.label)
    clashes = {s: sorted(v) for s, v in owners.items() if len(v) > 1}
    assert not clashes, f"{kind}: the same name is listed for several entries: {clashes}"


def test_every_iso_country_listed() -> None:
    codes = [r.key for r in BY_KIND["countries"]]
    assert len(codes) == len(set(codes)), "a country is listed twice"
    assert len(ISO3) >= 249, f"only {len(ISO3)} countries: countries.yaml should hold all ISO 3166-1 codes"
