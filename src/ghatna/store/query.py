"""Queries over merged events: filters, PLOVER-style records, most active actors, dyad summaries."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ghatna.store.dates import day_span

COUNTRY_CODE = re.compile(r"[A-Za-z]{3}")
EVENTS_COLUMN = re.compile(r"\be\.")  # a condition on the events table (alias e)
COOPERATION, CONFLICT = (1, 2), (3, 4)  # QuadClass: verbal/material cooperation, verbal/material conflict


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every field narrows the result; None means "any". Dates may be YYYY, YYYY-MM or YYYY-MM-DD:
    an event is kept when its date interval overlaps [since, until] (undated events are dropped)."""

    actor: str | None = None  # actor id, name (or part of it, English or Hindi) or ISO3 country code
    recipient: str | None = None  # the same, as a recipient of the event
    dyad: tuple[str, str] | None = None  # two actors on opposite sides (or both sides of a reciprocal event)
    type: str | None = None  # PLOVER type
    mode: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    text: str | None = None  # words that must all occur in the event's evidence
    min_confidence: float | None = None  # events at least this probably right (type and sides)
    limit: int | None = None
    offset: int = 0


def like_pattern(s: str) -> str:
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def actor_predicate(alias: str, who: str) -> tuple[str, list[Any]]:
    """SQL matching a participant row ``alias`` to an actor id, name or country code."""
    who = who.strip()
    if COUNTRY_CODE.fullmatch(who):
        return f"({alias}.country = ? OR {alias}.actor_id = ?)", [who.upper(), who]
    return (f"({alias}.actor_id = ? OR lower({alias}.name) LIKE ? ESCAPE '\\' "
            f"OR {alias}.name_hi LIKE ? ESCAPE '\\')", [who, like_pattern(who.lower()), like_pattern(who)])


def date_bound(value: date | str, end: bool) -> str:
    if isinstance(value, date):
        return value.isoformat()
    span = day_span(str(value).strip(), None)
    if span is None:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return (span.hi if end else span.lo).isoformat()


def type_mode_conditions(f: EventFilter, conds: list[str], params: list[Any]) -> None:
    """The PLOVER type, mode and confidence filters over an events table aliased ``e`` (store and
    Parquet)."""
    if f.type:
        conds.append("e.type = ?")
        params.append(f.type.strip().upper())
    if f.mode:
        conds.append("lower(e.mode) = ?")
        params.append(f.mode.strip().lower())
    if f.min_confidence is not None:
        if not 0.0 <= f.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {f.min_confidence}")
        conds.append("e.confidence >= ?")
        params.append(float(f.min_confidence))


def _dyad_exact(f: EventFilter) -> tuple[str, list[Any]]:
    """The two actors on opposite sides of one report (or both actors of a reciprocal one)."""
    assert f.dyad is not None
    p1, ps1 = actor_predicate("p1", f.dyad[0])
    p2, ps2 = actor_predicate("p2", f.dyad[1])
    return (
        "EXISTS (SELECT 1 FROM event_reports r JOIN participants p1 ON p1.report_id = r.id "
        "JOIN participants p2 ON p2.report_id = r.id "
        f"WHERE r.event_id = e.id AND {p1} AND {p2} AND (p1.role != p2.role OR "
        "(p1.role = 'actor' AND p2.role = 'actor' AND p1.position != p2.position AND NOT EXISTS "
        "(SELECT 1 FROM participants p3 WHERE p3.report_id = r.id AND p3.role = 'recipient'))))", ps1 + ps2)


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The filter as one WHERE clause over ``events e`` and the participants of its reports (no
    index needed: what the Parquet queries and the filter checks use; the store plans its own
    queries with ``plan``). Raises ValueError on a bad date."""
    conds: list[str] = []
    params: list[Any] = []
    for who, role in ((f.actor, None), (f.recipient, "recipient")):
        if who:
            pred, ps = actor_predicate("p", who)
            if role:
                pred = f"{pred} AND p.role = '{role}'"
            conds.append("EXISTS (SELECT 1 FROM event_reports r JOIN participants p ON p.report_id = r.id "
                         f"WHERE r.event_id = e.id AND {pred})")
            params += ps
    if f.dyad:
        cond, ps = _dyad_exact(f)
        conds.append(cond)
        params += ps
    type_mode_conditions(f, conds, params)
    if f.since:
        conds.append("e.day_hi >= ?")
        params.append(date_bound(f.since, end=False))
    if f.until:
        conds.append("e.day_lo <= ?")
        params.append(date_bound(f.until, end=True))
    _text_conditions(f, conds, params)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _text_conditions(f: EventFilter, conds: list[str], params: list[Any]) -> None:
    for word in (f.text or "").split():
        conds.append("EXISTS (SELECT 1 FROM event_reports r JOIN evidence v ON v.report_id = r.id "
                     "WHERE r.event_id = e.id AND v.text LIKE ? ESCAPE '\\')")
        params.append(like_pattern(word))


def actor_keys(conn: sqlite3.Connection, who: str) -> list[str]:
    """The event_keys an actor filter stands for: an ISO3 code (and the id spelled as given), else
    the id as given and the keys of every actor whose name (English or Hindi) contains ``who``."""
    who = who.strip()
    if COUNTRY_CODE.fullmatch(who):
        keys = {who.upper(), who}
    else:
        rows = conn.execute("SELECT DISTINCT key FROM actor_names WHERE key = ? OR lower(name) LIKE ? ESCAPE '\\' "
                            "OR name_hi LIKE ? ESCAPE '\\'", (who, like_pattern(who.lower()), like_pattern(who)))
        keys = {who} | {r[0] for r in rows}
    if len(keys) > 1:  # only the keys events are filed under (one key: the fast, ordered path)
        marks = ",".join("?" for _ in keys)
        filed = {r[0] for r in conn.execute(f"SELECT key FROM key_counts WHERE events > 0 AND key IN ({marks})",
                                            sorted(keys))}
        keys = filed or {min(keys)}
    return sorted(keys)


@dataclass(frozen=True, slots=True)
class Plan:
    """A filter as SQL over the store's indexes: FROM … WHERE … and the listing order, and whether
    a count needs the events table at all (not when only event_keys is filtered)."""

    source: str
    where: str
    params: list[Any]
    order: str
    count_source: str


def plan(conn: sqlite3.Connection, f: EventFilter) -> Plan:
    """The query for ``f`` that the indexes serve. With actor filters, the event_keys of the
    rarest single-key one drive it (walked in listing order, so a page stops early) and the other
    single keys join by their primary key; else the events' (type, day_sort) or (day_sort) index.
    A dyad is two keys on opposite sides (every report of a merged event has the same actors and
    recipients), or both actors of an event without recipients, checked report by report."""
    wanted = [(who, role) for who, role in ((f.actor, 0), (f.recipient, 2)) if who]
    if f.dyad:
        wanted += [(f.dyad[0], 0), (f.dyad[1], 0)]
    resolved = [(actor_keys(conn, who), role) for who, role in wanted]
    single = [i for i, (keys, _) in enumerate(resolved) if len(keys) == 1]
    driver = min(single, key=lambda i: key_count(conn, resolved[i][0][0])) if single else None
    joins: list[str] = []
    join_params: list[Any] = []
    conds: list[str] = []
    params: list[Any] = []
    roles_of: dict[int, str] = {}
    for i, (keys, role) in enumerate(resolved):
        alias = f"k{i}"
        only = f" AND {alias}.roles & {role}" if role else ""
        if i == driver:
            conds.append(f"{alias}.key = ?{only}")
            params.append(keys[0])
            roles_of[i] = f"{alias}.roles"
        elif driver is not None and len(keys) == 1:
            joins.append(f"JOIN event_keys {alias} ON {alias}.key = ? AND {alias}.event_id = k{driver}.event_id{only}")
            join_params.append(keys[0])
            roles_of[i] = f"{alias}.roles"
        else:
            marks = ",".join("?" for _ in keys)
            only = f" AND x.roles & {role}" if role else ""
            conds.append(f"e.id IN (SELECT x.event_id FROM event_keys x WHERE x.key IN ({marks}){only})")
            params += keys
    if driver is None:
        source = "events e"
        order, day, event = "e.day_sort, e.id", "e.day_sort", "e.id"
    else:
        d = f"k{driver}"
        source = " ".join([f"event_keys {d}", *joins])
        order, day, event = f"{d}.day_sort, {d}.event_id", f"{d}.day_sort", f"{d}.event_id"
    if f.dyad:
        a, b = len(resolved) - 2, len(resolved) - 1
        cond, ps = _dyad_condition(f, resolved[a][0], resolved[b][0], roles_of.get(a), roles_of.get(b), event)
        conds.append(cond)
        params += ps
    if driver is not None and f.type:  # the keys know the type: the driver's (key, type, day_sort) index
        conds.append(f"k{driver}.type = ?")
        params.append(f.type.strip().upper())
        type_mode_conditions(EventFilter(mode=f.mode, min_confidence=f.min_confidence), conds, params)
    else:
        type_mode_conditions(f, conds, params)
    if f.since:
        since = date_bound(f.since, end=False)
        span = conn.execute("SELECT value FROM store_stats WHERE name = 'max_span_days'").fetchone()
        conds.append(f"e.day_hi >= ? AND {day} >= ?")  # no event starts more than the widest span before it ends
        params += [since, (date.fromisoformat(since) - timedelta(days=int(span[0] if span else 0) + 1)).isoformat()]
    if f.until:
        conds.append(f"{day} <= ?")
        params.append(date_bound(f.until, end=True))
    _text_conditions(f, conds, params)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    if driver is None:
        return Plan(source, where, params, order, source)
    with_events = f"{source} CROSS JOIN events e ON e.id = {event}"  # CROSS JOIN: the keys drive the query
    needs_events = any(EVENTS_COLUMN.search(c) for c in conds)
    return Plan(with_events, where, join_params + params, order, with_events if needs_events else source)


def key_count(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT events FROM key_counts WHERE key = ?", (key,)).fetchone()
    return row[0] if row else 0


def _dyad_condition(f: EventFilter, first: list[str], second: list[str], ra: str | None, rb: str | None,
                    event: str) -> tuple[str, list[Any]]:
    """Opposite sides (one an actor, the other a recipient), else both actors of an event without
    recipients (a reciprocal one), checked on the reports. ``ra``/``rb``: the roles column of each
    side's joined event_keys row, or None to look them up."""
    def lookup(keys: list[str], alias: str) -> str:
        return (f"(SELECT max({alias}.roles & 1) | max({alias}.roles & 2) FROM event_keys {alias} "
                f"WHERE {alias}.event_id = {event} AND {alias}.key IN ({','.join('?' for _ in keys)}))")

    a = ra or lookup(first, "ya")
    b = rb or lookup(second, "yb")
    one_round = ([] if ra else list(first)) + ([] if rb else list(second))  # a, then b, as they appear
    exact, ps = _dyad_exact(f)
    sql = (f"(({a} & 1 AND {b} & 2) OR ({a} & 2 AND {b} & 1) OR ({a} & 1 AND {b} & 1 AND NOT EXISTS "
           f"(SELECT 1 FROM event_keys w WHERE w.event_id = {event} AND w.roles & 2) AND "
           f"{exact.replace('e.id', event)}))")
    return sql, one_round * 3 + ps


def select_events(conn: sqlite3.Connection, f: EventFilter) -> list[sqlite3.Row]:
    p = plan(conn, f)
    sql = f"SELECT e.* FROM {p.source}{p.where} ORDER BY {p.order}"
    params = list(p.params)
    if f.limit is not None or f.offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if f.limit is None else f.limit, f.offset]
    return conn.execute(sql, params).fetchall()


def count_events(conn: sqlite3.Connection, f: EventFilter, cap: int | None = None) -> int:
    """How many events match; with ``cap``, counting stops there (a page needs "more than N" only,
    and a count of a frequent actor's events costs time in proportion to it)."""
    p = plan(conn, f)
    if cap is None:
        return conn.execute(f"SELECT count(*) FROM {p.count_source}{p.where}", p.params).fetchone()[0]
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {p.count_source}{p.where} LIMIT ?)"
    return conn.execute(sql, [*p.params, cap]).fetchone()[0]


def _entity(p: sqlite3.Row) -> dict[str, Any]:
    return {"id": p["actor_id"], "name": p["name"], "name_hi": p["name_hi"], "kind": p["kind"],
            "country": p["country"], "sector": p["sector"], "office": p["office"]}


def _in(ids: Sequence[int]) -> str:
    return ",".join("?" for _ in ids)


def records(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[dict[str, Any]]:
    """PLOVER-style records (ghatna's event JSON plus id, counts, articles and all evidence)."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    reps = [r["rep_report_id"] for r in rows if r["rep_report_id"] is not None]
    people: dict[int, dict[str, list]] = defaultdict(lambda: {"actor": [], "recipient": []})
    triggers: dict[int, str | None] = {}
    if reps:
        for p in conn.execute(f"SELECT * FROM participants WHERE report_id IN ({_in(reps)}) "
                              "ORDER BY report_id, role, position", reps):
            people[p["report_id"]][p["role"]].append(_entity(p))
        for r in conn.execute(f"SELECT id, trigger FROM event_reports WHERE id IN ({_in(reps)})", reps):
            triggers[r["id"]] = r["trigger"]
    evidence: dict[int, list] = defaultdict(list)
    articles: dict[int, dict[str, dict]] = defaultdict(dict)
    for v in conn.execute(
            'SELECT r.event_id, v.sentence, v.start, v."end", v.text, v.trigger_start, v.trigger_end, '
            "a.article_id, a.published, a.source, a.url, a.title, a.ingested_at "
            "FROM evidence v JOIN event_reports r ON r.id = v.report_id "
            f"JOIN articles a ON a.pk = v.article_pk WHERE r.event_id IN ({_in(ids)}) "
            "ORDER BY r.event_id, a.published, a.article_id, r.seq, v.position", ids):
        evidence[v["event_id"]].append({"article_id": v["article_id"], "start": v["start"], "end": v["end"],
                                        "text": v["text"], "trigger_start": v["trigger_start"],
                                        "trigger_end": v["trigger_end"],
                                        "sentence": v["sentence"]})
        articles[v["event_id"]].setdefault(v["article_id"], {
            "article_id": v["article_id"], "published": v["published"], "source": v["source"], "url": v["url"],
            "title": v["title"], "ingested_at": v["ingested_at"]})
    out = []
    for e in rows:
        who = people[e["rep_report_id"]]
        loc = None
        if e["location_name"] or e["location_country"]:
            loc = {"name": e["location_name"], "country": e["location_country"], "lat": e["lat"], "lon": e["lon"]}
        out.append({
            "id": e["id"], "type": e["type"], "mode": e["mode"], "modality": e["modality"],
            "actors": who["actor"], "recipients": who["recipient"],
            "date": {"value": e["date_value"], "granularity": e["date_granularity"], "basis": e["date_basis"],
                     "start": e["date_start"], "end": e["date_end"]},
            "recurrence": e["recurrence"], "location": loc, "cameo": e["cameo"], "quad_class": e["quad_class"],
            "goldstein": e["goldstein"], "confidence": e["confidence"], "flags": json.loads(e["flags"]),
            "casualties": json.loads(e["casualties"]) if e["casualties"] else None,
            "trigger": triggers.get(e["rep_report_id"]),
            "num_articles": e["num_articles"], "num_sources": e["num_sources"], "num_mentions": e["num_mentions"],
            "first_published": e["first_published"],
            "articles": list(articles[e["id"]].values()), "evidence": evidence[e["id"]],
        })
    return out


def iter_events(conn: sqlite3.Connection, f: EventFilter, batch: int = 500) -> Iterator[dict[str, Any]]:
    rows = select_events(conn, f)
    for i in range(0, len(rows), batch):
        yield from records(conn, rows[i:i + batch])


def actor_counts(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Actors by the number of (merged) events they take part in, as actor or as recipient.
    A generic actor (an army, a ministry) counts separately for each country it acts for."""
    sql = """
        SELECT COALESCE(p.actor_id, p.name) AS id, p.country AS country,
               COALESCE(a.name, max(p.name)) AS name, COALESCE(a.name_hi, max(p.name_hi)) AS name_hi,
               COALESCE(a.kind, max(p.kind)) AS kind, COALESCE(a.sector, max(p.sector)) AS sector,
               count(DISTINCT r.event_id) AS events,
               count(DISTINCT CASE WHEN p.role = 'actor' THEN r.event_id END) AS as_actor,
               count(DISTINCT CASE WHEN p.role = 'recipient' THEN r.event_id END) AS as_recipient
        FROM participants p JOIN event_reports r ON r.id = p.report_id LEFT JOIN actors a ON a.id = p.actor_id
        GROUP BY COALESCE(p.actor_id, p.name), p.country
        ORDER BY events DESC, id LIMIT ?"""
    return [dict(r) for r in conn.execute(sql, (-1 if limit is None else limit,))]


def _balance(coop: int, conflict: int) -> float | None:
    return round((coop - conflict) / (coop + conflict), 3) if coop + conflict else None


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 3) if xs else None


def dyad_summary(conn: sqlite3.Connection, a: str, b: str, *, since: date | str | None = None,
                 until: date | str | None = None) -> dict[str, Any]:
    """Events between ``a`` and ``b`` by type and month, and their cooperation/conflict balance
    (QuadClass 1-2 vs 3-4; balance = (coop - conflict) / (coop + conflict)) and mean Goldstein."""
    rows = select_events(conn, EventFilter(dyad=(a, b), since=since, until=until))
    by_type: Counter[str] = Counter()
    by_quad: Counter[int] = Counter()
    months: dict[str, dict[str, Any]] = {}
    goldstein: list[float] = []
    month_goldstein: dict[str, list[float]] = defaultdict(list)
    undated = 0
    for e in rows:
        by_type[e["type"]] += 1
        if e["quad_class"] is not None:
            by_quad[e["quad_class"]] += 1
        if e["goldstein"] is not None:
            goldstein.append(e["goldstein"])
        if e["day_lo"] is None:
            undated += 1
            continue
        key = e["day_lo"][:7]
        m = months.setdefault(key, {"month": key, "events": 0, "cooperation": 0, "conflict": 0,
                                    "by_type": Counter()})
        m["events"] += 1
        m["by_type"][e["type"]] += 1
        m["cooperation"] += e["quad_class"] in COOPERATION
        m["conflict"] += e["quad_class"] in CONFLICT
        if e["goldstein"] is not None:
            month_goldstein[key].append(e["goldstein"])
    timeline = []
    for key in sorted(months):
        m = months[key]
        timeline.append({**m, "by_type": dict(m["by_type"].most_common()),
                         "balance": _balance(m["cooperation"], m["conflict"]),
                         "goldstein_mean": _mean(month_goldstein[key])})
    coop = sum(by_quad[q] for q in COOPERATION)
    conflict = sum(by_quad[q] for q in CONFLICT)
    return {
        "a": a, "b": b, "events": len(rows), "mentions": sum(e["num_mentions"] for e in rows),
        "by_type": dict(by_type.most_common()), "by_quad_class": {q: by_quad[q] for q in sorted(by_quad)},
        "cooperation": coop, "conflict": conflict, "balance": _balance(coop, conflict),
        "goldstein_mean": _mean(goldstein), "goldstein_total": round(sum(goldstein), 3),
        "undated": undated, "months": timeline,
    }
