"""A synthetic event store of any size, for the query benchmark: articles with events between
countries, leaders and generic actors, dated over ten years, written through the real ingest path
(``write_document``: one transaction per article, cross-article merge included).

    python bench/synthetic_store.py OUT.db --articles 20000

India takes part in about four events in ten, as in Indian news; the rest spread over 60 countries
and their leaders (a long tail, as in any news corpus).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from ghatna.model import Article, Document, Entity, Event, EventDate, Evidence

TYPES = (("CONSULT", "visit", "042", 1, 1.9), ("CONSULT", "phone", "043", 1, 1.0), ("AGREE", None, "030", 1, 4.0),
         ("SUPPORT", None, "051", 1, 3.4), ("COOPERATE", None, "060", 2, 6.0), ("AID", None, "070", 2, 7.0),
         ("REQUEST", None, "020", 1, 3.0), ("ACCUSE", "disapprove", "111", 3, -2.0), ("REJECT", None, "120", 3, -4.0),
         ("THREATEN", None, "130", 3, -4.4), ("PROTEST", None, "140", 3, -6.5), ("SANCTION", None, "163", 4, -8.0),
         ("MOBILIZE", None, "150", 4, -7.2), ("COERCE", None, "170", 4, -7.0), ("ASSAULT", None, "190", 4, -10.0),
         ("RETREAT", None, "080", 2, 5.0))
COUNTRIES = ("IND", "PAK", "CHN", "RUS", "USA", "GBR", "FRA", "DEU", "JPN", "AUS", "BGD", "NPL", "LKA", "AFG", "IRN",
             "IRQ", "ISR", "PSE", "SAU", "ARE", "TUR", "EGY", "ZAF", "NGA", "KEN", "BRA", "ARG", "MEX", "CAN", "KOR",
             "PRK", "IDN", "MYS", "SGP", "THA", "VNM", "PHL", "MMR", "BTN", "MDV", "UKR", "POL", "ITA", "ESP", "NLD",
             "SWE", "NOR", "CHE", "AUT", "GRC", "QAT", "KWT", "OMN", "JOR", "SYR", "LBN", "ETH", "SDN", "DZA", "MAR")
SECTORS = ("GOV", "MIL", "LEG", "JUD", "OPP", "CVL", "BUS")
START = date(2015, 1, 1)
DAYS = 3650


def _actors(rng: random.Random) -> tuple[list[Entity], list[Entity]]:
    """Countries, a leader of each, and generic sector actors (no id of their own)."""
    countries = [Entity(c, f"Country {c}", "country", c, name_hi=f"देश {c}") for c in COUNTRIES]
    leaders = [Entity(f"leader-{c.lower()}-{k}", f"Leader {k} of {c}", "person", c, "GOV", "head",
                      f"नेता {k} {c}") for c in COUNTRIES for k in range(5)]
    return countries, leaders


def pick(rng: random.Random, countries: list[Entity], leaders: list[Entity], exclude: str | None) -> Entity:
    while True:
        c = "IND" if rng.random() < 0.25 else countries[min(int(rng.paretovariate(1.2)) - 1, len(countries) - 1)].id
        if c == exclude:
            continue
        roll = rng.random()
        country = next(x for x in countries if x.id == c)
        if roll < 0.5:
            return country
        if roll < 0.85:
            return rng.choice([x for x in leaders if x.country == c])
        sector = rng.choice(SECTORS)
        return Entity(f"{c}-{sector}", f"{country.name} {sector.lower()}", "group", c, sector)


def documents(n: int, seed: int = 14):
    rng = random.Random(seed)
    countries, leaders = _actors(rng)
    for i in range(n):
        published = START + timedelta(days=rng.randrange(DAYS))
        events = []
        parts = []
        pos = 0
        for k in range(rng.randint(1, 8)):
            type_, mode, cameo, quad, gold = rng.choice(TYPES)
            a = pick(rng, countries, leaders, None)
            b = pick(rng, countries, leaders, a.country) if rng.random() < 0.7 else None
            sentence = f"{a.name} {type_.lower()} {b.name if b else ''} वाक्य {k}।"
            start = pos
            parts.append(sentence)
            pos += len(sentence) + 1
            roll = rng.random()
            if roll < 0.5:
                day = published - timedelta(days=rng.randrange(3))
                when = EventDate(day.isoformat(), "day", "relative", day.isoformat(), day.isoformat())
            elif roll < 0.8:
                when = EventDate(published.isoformat(), "day", "publication", published.isoformat(),
                                 published.isoformat())
            else:
                when = EventDate(published.strftime("%Y-%m"), "month", "explicit")
            ev = Event(type_, mode, "actual", [a], [b] if b else [],
                       [Evidence(start, start + len(sentence), sentence, start, start + 1, k)], when,
                       cameo=cameo, quad_class=quad, goldstein=gold, confidence=0.7)
            events.append(ev)
        text = " ".join(parts)
        yield Document(Article(text, f"syn-{i:07d}", f"title {i}", published, "hi", f"source{i % 40}",
                               f"https://news{i % 40}.example/{i}"), events=events, lang="hi")


def build(path: Path, n: int, seed: int = 14, progress: bool = True) -> float:
    """Write ``n`` synthetic articles into a new store at ``path``; returns the seconds taken."""
    from ghatna.store import Store
    from ghatna.store.ingest import write_document

    started = time.perf_counter()
    with Store(path) as st:
        for i, d in enumerate(documents(n, seed)):
            write_document(st.conn, d)
            if progress and i and i % 10_000 == 0:
                print(f"  {i:,} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        st.conn.execute("PRAGMA optimize")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=20_000)
    args = ap.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists", file=sys.stderr)
        return 2
    seconds = build(args.out, args.articles)
    print(f"{args.articles:,} articles in {seconds:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
