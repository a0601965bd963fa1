"""GDELT 2.0 event table layout: 61 TAB-separated columns, no header, one line per merged event.

Filled: ids, dates, actor codes/names/countries/types, CAMEO codes, QuadClass, Goldstein, counts,
action geography (type, name, FIPS 10-4 country code, lat/long), DATEADDED and SOURCEURL. Left
empty: what ghatna does not know (known-group, ethnic and religion codes, AvgTone, actor geography,
ADM and feature codes). Actor country codes are CAMEO's three letters (ISO 3166-1 alpha-3, as
GDELT's ActorNCountryCode); place country codes are FIPS 10-4 (as GDELT's ActionGeo_CountryCode),
from the table in ``data/gdelt/iso3_fips.tsv`` (which names its source and the codes it leaves out).
Actor1/Actor2 are the first actor and the first recipient (the second actor of a reciprocal event).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from ghatna.store.dates import day_span

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4


def _clean(v: Any) -> str:
    if v is None:
        return ""
    return " ".join(str(v).split())  # no TABs or newlines inside a field


def actor_fields(e: dict | None) -> dict[str, str]:
    if not e:
        return {}
    country = e.get("country") or ""
    sector = e.get("sector") or ""
    code = country + sector if e.get("kind") != "country" else country
    return {"Code": code, "Name": (e.get("name") or "").upper(), "CountryCode": country, "Type1Code": sector}


def _event_day(rec: dict) -> date | None:
    d = rec["date"]
    span = day_span(d["value"], d["basis"], d["start"], d["end"])
    if span is not None:
        return span.lo
    pub = rec.get("first_published")
    return date.fromisoformat(pub[:10]) if pub else None


def _date_added(rec: dict) -> str:
    stamps = [a["ingested_at"] for a in rec["articles"] if a.get("ingested_at")]
    if not stamps:
        return ""
    s = min(stamps)
    return s[:19].replace("-", "").replace(":", "").replace("T", "")


def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4, from the package data (read on each call: an export reads
    it once)."""
    from importlib import resources

    text = resources.files("ghatna").joinpath("data", "gdelt", "iso3_fips.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith(("#", "iso3\t")))
    return {iso.strip(): fips.strip() for iso, fips in pairs}


def row(rec: dict, fips: dict[str, str] | None = None) -> list[str]:
    """One GDELT line for a stored event record; ``fips`` maps place countries to FIPS codes."""
    out: dict[str, Any] = {c: "" for c in COLUMNS}
    day = _event_day(rec)
    if day is not None:
        out.update(Day=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=f"{day.year + (day.month * 30 + day.day) / 365:.4f}")
    first = rec["actors"][0] if rec["actors"] else None
    second = rec["recipients"][0] if rec["recipients"] else (rec["actors"][1] if len(rec["actors"]) > 1 else None)
    for prefix, ent in (("Actor1", first), ("Actor2", second)):
        for k, v in actor_fields(ent).items():
            out[prefix + k] = v
    cameo = rec.get("cameo") or ""
    out.update(
        GlobalEventID=rec["id"], EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
        IsRootEvent=int(any(e.get("sentence") == 0 for e in rec["evidence"])),
        QuadClass=rec.get("quad_class"), GoldsteinScale=rec.get("goldstein"), NumMentions=rec["num_mentions"],
        NumSources=rec["num_sources"], NumArticles=rec["num_articles"], DATEADDED=_date_added(rec),
        SOURCEURL=next((a["url"] for a in rec["articles"] if a.get("url")),
                       rec["articles"][0]["article_id"] if rec["articles"] else ""),
    )
    loc = rec.get("location")
    if loc:
        city = loc.get("lat") is not None and loc.get("lon") is not None
        geo_type = (GEO_US_CITY if loc.get("country") == "USA" else GEO_WORLD_CITY) if city else GEO_COUNTRY
        out.update(ActionGeo_Type=geo_type, ActionGeo_FullName=loc.get("name"), ActionGeo_Lat=loc.get("lat"),
                   ActionGeo_Long=loc.get("lon"),
                   ActionGeo_CountryCode=(fips or {}).get(loc.get("country") or "", ""))
    return [_clean(out[c]) for c in COLUMNS]


def write_gdelt(records: Iterable[dict], out: IO[str]) -> int:
    fips = fips_codes()
    n = 0
    for rec in records:
        out.write("\t".join(row(rec, fips)) + "\n")
        n += 1
    return n
