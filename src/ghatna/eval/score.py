"""Score extracted events and quotes against gold articles (format: the gold GUIDELINE).

Matching rules (the same as the project's reference scorer, so numbers agree):
- an actor's key is its ISO3 country, or for actors without one its normalised name, with the
  common spellings of international organisations folded to one key (data/eval/igo_keys.yaml);
- two events can match when their types are equal and their participants agree: both actor sides
  share a key and both recipient sides share a key; when either event has no recipients, the
  union of participants must share min(2, sizes) keys;
- a "role" match needs each side in its place and no participant the gold lacks: where the gold
  names recipients, the system's actors share a key with the gold actors and its recipients with
  the gold recipients; where it names none, the system's participants cover min(2, gold actors)
  gold actor keys and it names no recipient outside them;
- pairs are chosen one-to-one, greedily, by how many details agree (mode, modality, date, date
  at either precision, location country, gold person names), for each kind of match apart;
- "strict" counts a role pair only when mode, modality, lenient date and person names all agree.
Quotes match when texts agree (equal after dropping non-word characters, or one contains the
other and their lengths differ by at most 20 %) and speaker keys are equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ghatna.gazetteer.load import data_root, read_yaml

STRICT_DETAILS = ("mode", "modality", "date_lenient", "person_names")
DETAIL_NAMES = ("mode", "modality", "date", "date_lenient", "location_country", "person_names")
_NON_NAME = re.compile(r"[^a-z0-9\u0900-\u097f ]+")
_NON_WORD = re.compile(r"\W+")


def name_tokens(name: str | None) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_NAME.sub(" ", plain).split()


@lru_cache(maxsize=1)
def igo_keys() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, key) pairs folding the spellings of an international organisation."""
    rows = read_yaml(data_root() / "eval" / "igo_keys.yaml") or []
    return tuple((re.compile(r["pattern"]), str(r["key"])) for r in rows)


def actor_key(actor: Any) -> str | None:
    if not isinstance(actor, dict):
        return None
    if actor.get("country"):
        return str(actor["country"]).upper()
    toks = name_tokens(actor.get("name"))
    if not toks:
        return None
    name = " ".join(toks)
    for pattern, key in igo_keys():
        if pattern.search(name):
            return "~" + key
    return "~" + name


def keys_of(actors: Iterable[Any] | None) -> set[str]:
    return {k for k in (actor_key(a) for a in actors or []) if k}


def participants_agree(g: dict, s: dict) -> bool:
    g_act, g_rec = keys_of(g.get("actors")), keys_of(g.get("recipients"))
    s_act, s_rec = keys_of(s.get("actors")), keys_of(s.get("recipients"))
    if g_rec and s_rec:
        return bool(g_act & s_act) and bool(g_rec & s_rec)
    g_all, s_all = g_act | g_rec, s_act | s_rec
    need = min(2, len(g_all), len(s_all))
    return need > 0 and len(g_all & s_all) >= need


def roles_agree(g: dict, s: dict) -> bool:
    """Each side in its place, and no participant the gold does not have."""
    g_act, g_rec = keys_of(g.get("actors")), keys_of(g.get("recipients"))
    s_act, s_rec = keys_of(s.get("actors")), keys_of(s.get("recipients"))
    if (s_act | s_rec) - (g_act | g_rec):
        return False
    if g_rec:
        return bool(g_act & s_act) and bool(g_rec & s_rec)
    need = min(2, len(g_act))
    return need > 0 and len(g_act & (s_act | s_rec)) >= need and not (s_rec - g_act)


def _date(e: dict) -> Any:
    d = e.get("date")
    return d.get("value") if isinstance(d, dict) else d


def _person_names(actors: Iterable[Any] | None) -> list[list[str]]:
    return [name_tokens(a.get("name")) for a in actors or [] if isinstance(a, dict) and a.get("kind") == "person"]


def _same_person(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and (a == b or a[-1] == b[-1])


def details(g: dict, s: dict) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if g.get("mode"):
        out["mode"] = g.get("mode") == s.get("mode")
    if g.get("modality"):
        out["modality"] = g.get("modality") == (s.get("modality") or "actual")
    gv, sv = _date(g), _date(s)
    if gv:
        out["date"] = gv == sv
        out["date_lenient"] = bool(sv) and (str(gv).startswith(str(sv)) or str(sv).startswith(str(gv)))
    g_loc = (g.get("location") or {}).get("country")
    if g_loc:
        out["location_country"] = g_loc == (s.get("location") or {}).get("country")
    g_people = _person_names(g.get("actors")) + _person_names(g.get("recipients"))
    if g_people:
        s_people = _person_names(s.get("actors")) + _person_names(s.get("recipients"))
        out["person_names"] = all(any(_same_person(p, q) for q in s_people) for p in g_people)
    return out


def pair_events(gold: list[dict], system: list[dict],
                agree: Callable[[dict, dict], bool] = participants_agree) -> list[tuple[int, int, dict[str, bool]]]:
    """One-to-one pairs of events of one type whose participants ``agree``."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if g.get("type") == s.get("type") and agree(g, s):
                d = details(g, s)
                candidates.append((sum(d.values()), gi, si, d))
    candidates.sort(key=lambda c: -c[0])  # stable: ties keep gold-then-system order
    taken_g: set[int] = set()
    taken_s: set[int] = set()
    pairs = []
    for _, gi, si, d in candidates:
        if gi in taken_g or si in taken_s:
            continue
        taken_g.add(gi)
        taken_s.add(si)
        pairs.append((gi, si, d))
    return pairs


def quotes_agree(g: dict, s: dict) -> bool:
    gt, st = _NON_WORD.sub("", g.get("text") or ""), _NON_WORD.sub("", s.get("text") or "")
    if not gt or not st:
        return False
    same = gt == st or (min(len(gt), len(st)) / max(len(gt), len(st)) >= 0.8 and (gt in st or st in gt))
    gk = actor_key(g.get("speaker"))
    return same and gk is not None and gk == actor_key(s.get("speaker"))


def _prf(tp: float, n_sys: float, n_gold: float) -> tuple[float, float, float]:
    if not n_sys and not n_gold:
        return 1.0, 1.0, 1.0
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class ArticleScore:
    article_id: str
    gold: int
    system: int
    matched: int
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    role_matched: int = 0
    wrong_roles: list[tuple[dict, dict]] = field(default_factory=list)  # (gold, system): sides not in place


def score(gold_articles: list[dict], system_articles: Iterable[dict]) -> tuple[dict[str, dict], list[ArticleScore]]:
    """Scores per language bucket and "all", and per-article matches with misses and extras."""
    by_id = {a.get("article_id"): a for a in system_articles}
    tot: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    per_article = []
    for art in gold_articles:
        out = by_id.get(art["article_id"], {})
        ge, se = art.get("events") or [], out.get("events") or []
        pairs = pair_events(ge, se)
        role_pairs = pair_events(ge, se, roles_agree)
        gq, sq = art.get("quotes") or [], out.get("quotes") or []
        used: set[int] = set()
        q_tp = 0
        for g in gq:
            for j, s in enumerate(sq):
                if j not in used and quotes_agree(g, s):
                    used.add(j)
                    q_tp += 1
                    break
        for bucket in (art.get("lang", "?"), "all"):
            t = tot[bucket]
            t["tp"] += len(pairs)
            t["role_tp"] += len(role_pairs)
            t["strict_tp"] += sum(all(d.get(k, True) for k in STRICT_DETAILS) for _, _, d in role_pairs)
            t["sys"] += len(se)
            t["gold"] += len(ge)
            for _, _, d in pairs:
                for k, v in d.items():
                    t[k + "_n"] += 1
                    t[k + "_ok"] += v
            t["q_tp"] += q_tp
            t["q_sys"] += len(sq)
            t["q_gold"] += len(gq)
            t["articles"] += 1
        matched_g = {gi for gi, _, _ in pairs}
        matched_s = {si for _, si, _ in pairs}
        role_g = {gi for gi, _, _ in role_pairs}
        per_article.append(ArticleScore(
            art["article_id"], len(ge), len(se), len(pairs),
            [g for i, g in enumerate(ge) if i not in matched_g], [s for i, s in enumerate(se) if i not in matched_s],
            len(role_pairs), [(ge[gi], se[si]) for gi, si, _ in pairs if gi not in role_g],
        ))
    report: dict[str, dict] = {}
    for bucket, t in sorted(tot.items()):
        p, r, f = _prf(t["tp"], t["sys"], t["gold"])
        qp, qr, qf = _prf(t["q_tp"], t["q_sys"], t["q_gold"])
        _, _, sf = _prf(t["strict_tp"], t["sys"], t["gold"])
        rp, rr, rf = _prf(t["role_tp"], t["sys"], t["gold"])
        row: dict[str, Any] = {
            "articles": int(t["articles"]), "gold_events": int(t["gold"]), "system_events": int(t["sys"]),
            "event_precision": round(p, 3), "event_recall": round(r, 3), "event_f1": round(f, 3),
            "role_precision": round(rp, 3), "role_recall": round(rr, 3), "role_f1": round(rf, 3),
            "strict_f1": round(sf, 3),
            "quote_precision": round(qp, 3), "quote_recall": round(qr, 3), "quote_f1": round(qf, 3),
        }
        for k in DETAIL_NAMES:
            if t[k + "_n"]:
                row[k + "_accuracy"] = round(t[k + "_ok"] / t[k + "_n"], 3)
        report[bucket] = row
    return report, per_article
