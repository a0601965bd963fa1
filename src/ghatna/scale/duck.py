"""``ghatna events --parquet DIR``: query the Parquet output in place with DuckDB.

The filters are the store's (``ghatna.store.query.EventFilter``: actor, dyad, type, mode, since,
until, text, limit, offset) with the same meaning, applied to event *reports*: the Parquet holds
each event as one article reports it, not yet merged across articles (load it into a store for
that), so every record has ``num_articles`` = 1 and its ``id`` is ``ARTICLE_ID/SEQ``. As in the
store, an article id given again counts in its last version only (views ``articles``, ``events``,
…; ``all_events`` etc. keep every version). ``LIKE`` is ``ILIKE`` here, as SQLite's ``LIKE``
ignores ASCII case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ghatna.scale.cluster import INSTALL_HINT, ScaleUnavailable
from ghatna.scale.schema import TABLES
from ghatna.store.query import EventFilter, actor_predicate, date_bound, like_pattern, type_mode_conditions

_SAME_EVENT = "{a}.doc_id = e.doc_id AND {a}.seq = e.seq"


def connect(out_dir: str | Path) -> Any:
    """An in-memory DuckDB connection with one view per table of ``out_dir``."""
    try:
        import duckdb
    except ImportError as exc:
        raise ScaleUnavailable(f"querying Parquet needs duckdb: {INSTALL_HINT}") from exc
    root = Path(out_dir)
    if not list((root / "events").glob("part-*.parquet")):
        raise FileNotFoundError(f"{out_dir}: no ghatna Parquet output here (no events/part-*.parquet)")
    con = duckdb.connect()
    for table in TABLES:
        pattern = str(root / table / "part-*.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW all_{table} AS SELECT * FROM read_parquet('{pattern}')")
    # an article given again replaces its earlier version, as in the store (doc_id sorts in input order)
    con.execute("CREATE VIEW latest AS SELECT max(doc_id) AS doc_id FROM all_articles GROUP BY article_id")
    for table in TABLES:
        keep = " WHERE doc_id IN (SELECT doc_id FROM latest)" if table != "errors" else ""
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM all_{table}{keep}")
    return con


def _actor(alias: str, who: str) -> tuple[str, list[Any]]:
    sql, params = actor_predicate(alias, who)
    return sql.replace(" LIKE ", " ILIKE "), params


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The store's filter over the ``events`` view (alias ``e``) and its companion tables."""
    conds: list[str] = []
    params: list[Any] = []
    if f.actor:
        pred, ps = _actor("p", f.actor)
        conds.append(f"EXISTS (SELECT 1 FROM participants p WHERE {_SAME_EVENT.format(a='p')} AND {pred})")
        params += ps
    if f.dyad:
        p1, ps1 = _actor("p1", f.dyad[0])
        p2, ps2 = _actor("p2", f.dyad[1])
        conds.append(
            "EXISTS (SELECT 1 FROM participants p1 JOIN participants p2 ON p2.doc_id = p1.doc_id AND p2.seq = p1.seq "
            f"WHERE {_SAME_EVENT.format(a='p1')} AND {p1} AND {p2} AND (p1.role != p2.role OR "
            "(p1.role = 'actor' AND p2.role = 'actor' AND p1.position != p2.position AND NOT EXISTS "
            "(SELECT 1 FROM participants p3 WHERE p3.doc_id = e.doc_id AND p3.seq = e.seq "
            "AND p3.role = 'recipient'))))")
        params += ps1 + ps2
    type_mode_conditions(f, conds, params)
    if f.since:
        conds.append("e.day_hi >= CAST(? AS DATE)")
        params.append(date_bound(f.since, end=False))
    if f.until:
        conds.append("e.day <= CAST(? AS DATE)")
        params.append(date_bound(f.until, end=True))
    for word in (f.text or "").split():
        conds.append(f"EXISTS (SELECT 1 FROM evidence v WHERE {_SAME_EVENT.format(a='v')} "
                     "AND v.text ILIKE ? ESCAPE '\\')")
        params.append(like_pattern(word))
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def query_events(out_dir: str | Path, **filters: Any) -> list[dict[str, Any]]:
    """Event reports matching the filters, in date order (undated last), as the store's records."""
    if isinstance(filters.get("dyad"), list):
        filters["dyad"] = tuple(filters["dyad"])
    f = EventFilter(**filters)
    con = connect(out_dir)
    try:
        where, params = where_clause(f)
        sql = (f"CREATE TEMP TABLE sel AS SELECT row_number() OVER () AS n, * FROM (SELECT e.* FROM events e{where} "
               "ORDER BY e.day IS NULL, e.day, e.doc_id, e.seq")
        if f.limit is not None:
            sql += f" LIMIT {int(f.limit)}"
        if f.offset:
            sql += f" OFFSET {int(f.offset)}"
        con.execute(sql + ")", params)
        return _records(con)
    finally:
        con.close()


def _rows(con: Any, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _casualties(e: dict[str, Any]) -> dict[str, Any] | None:
    """An event report's casualties as the store's records give them (None in schema version 1 files)."""
    if e.get("casualties_start") is None:
        return None
    return {"killed": e["killed"], "injured": e["injured"], "abducted": e["abducted"], "arrested": e["arrested"],
            "start": e["casualties_start"], "end": e["casualties_end"], "text": e["casualties_text"],
            "article_id": e["article_id"]}


def _records(con: Any) -> list[dict[str, Any]]:
    people: dict[tuple, dict[str, list]] = {}
    for p in _rows(con, "SELECT p.* FROM participants p JOIN sel e ON " + _SAME_EVENT.format(a="p")
                   + " ORDER BY p.doc_id, p.seq, p.role, p.position"):
        entity = {"id": p["actor_id"] or None, **{k: p[k] for k in ("name", "name_hi", "kind", "country", "sector",
                                                                     "office")}}
        people.setdefault((p["doc_id"], p["seq"]), {"actor": [], "recipient": []})[p["role"]].append(entity)
    spans: dict[tuple, list] = {}
    for v in _rows(con, "SELECT v.* FROM evidence v JOIN sel e ON " + _SAME_EVENT.format(a="v")
                   + " ORDER BY v.doc_id, v.seq, v.position"):
        spans.setdefault((v["doc_id"], v["seq"]), []).append({
            "article_id": v["article_id"], **{k: v[k] for k in ("start", "end", "text", "trigger_start",
                                                                 "trigger_end", "sentence")}})
    out = []
    for e in _rows(con, "SELECT e.*, a.title FROM sel e JOIN articles a ON a.doc_id = e.doc_id ORDER BY e.n"):
        key = (e["doc_id"], e["seq"])
        who = people.get(key, {"actor": [], "recipient": []})
        loc = None
        if e["location_name"] or e["location_country"]:
            loc = {"name": e["location_name"], "country": e["location_country"], "lat": e["lat"], "lon": e["lon"]}
        published = e["published"].isoformat() if e["published"] else None
        out.append({
            "id": f"{e['article_id']}/{e['seq']}", "type": e["type"], "mode": e["mode"], "modality": e["modality"],
            "actors": who["actor"], "recipients": who["recipient"],
            "date": {"value": e["date"], "granularity": e["date_granularity"], "basis": e["date_basis"],
                     "start": e["date_start"], "end": e["date_end"]},
            "recurrence": e["recurrence"], "location": loc, "cameo": e["cameo"], "quad_class": e["quad_class"],
            "goldstein": e["goldstein"], "confidence": round(e["confidence"], 3), "flags": list(e["flags"]),
            "casualties": _casualties(e),
            "trigger": e["trigger"], "num_articles": 1, "num_sources": 1, "num_mentions": 1,
            "first_published": published,
            "articles": [{"article_id": e["article_id"], "published": published, "source": e["source"],
                          "url": e["url"], "title": e["title"]}],
            "evidence": spans.get(key, []),
        })
    return out
