"""One holder at a time: the roles of a single-holder office never overlap between two persons.

An office title without a name resolves to whoever held the office on the event's date
(``Gazetteer.holder``), so two persons holding the same single-holder office (``SINGLE_HOLDER_OFFICES``
in actors/holders.py) of the same country, organisation and region at once is a data error, or a
genuine exception listed below with its reason.

Rules of the comparison:

- an open end (``end: null``) counts as "until today"; an open start as "since ever";
- the handover day may be shared: the data's convention is that a term ends on the day the
  successor takes office, so an overlap of one day is allowed, more is not;
- a bound written as a month or a year ("2024-08", "2016") only says the change fell in that
  period, so two holders whose handover is dated to the same month do not contradict each other:
  such a start is read as the last day of its period and such an end as the first day, i.e. only
  the overlap the data assert for certain is an error. Exact days are taken as written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import pytest

from ghatna.actors.holders import SINGLE_HOLDER_OFFICES
from ghatna.gazetteer.load import data_root, read_yaml
from ghatna.gazetteer.records import parse_bound

TODAY = date.today()

# (office, country, {person, person}) → why both hold the office at once. Keep this small and
# explicit: every entry must still be an overlap in the data (test_allowed_overlaps_are_real).
ALLOWED: dict[tuple[str, str, frozenset[str]], str] = {
    ("president", "KOR", frozenset({"park-geun-hye", "hwang-kyo-ahn"})):
        "acting president (the prime minister) while Park's powers were suspended by impeachment, 2016-12-09 to 2017-03-10",
    ("president", "KOR", frozenset({"yoon-suk-yeol", "han-duck-soo"})):
        "acting president while Yoon's powers were suspended by impeachment (2024-12-14 to 27, 2025-03-24 to 04-04)",
    ("president", "KOR", frozenset({"yoon-suk-yeol", "choi-sang-mok"})):
        "acting president while Yoon's powers were suspended by impeachment, 2024-12-27 to 2025-03-24",
    ("prime_minister", "CIV", frozenset({"hamed-bakayoko", "patrick-achi"})):
        "Achi acting prime minister from 2021-03-08 while Bakayoko, ill abroad, held the office until his death on 03-10",
    ("prime_minister", "MLI", frozenset({"choguel-kokalla-maiga", "abdoulaye-maiga"})):
        "Abdoulaye Maïga interim prime minister while Choguel Maïga was on sick leave, 2022-08 to 2022-12",
    ("prime_minister", "LBY", frozenset({"abdullah-al-thinni", "fayez-al-sarraj"})):
        "rival governments: al-Thinni in the east (House of Representatives), al-Sarraj in Tripoli (GNA)",
    ("prime_minister", "LBY", frozenset({"abdul-hamid-dbeibah", "fathi-bashagha"})):
        "rival governments: Dbeibah in Tripoli (GNU), Bashagha appointed by the House of Representatives",
    ("prime_minister", "LBY", frozenset({"abdul-hamid-dbeibah", "osama-hammad"})):
        "rival governments: Dbeibah in Tripoli (GNU), Hammad in the east (House of Representatives)",
    ("opposition_leader", "IND", frozenset({"sushma-swaraj", "arun-jaitley"})):
        "one Leader of the Opposition per house: Swaraj in the Lok Sabha, Jaitley in the Rajya Sabha",
    ("opposition_leader", "IND", frozenset({"rahul-gandhi", "mallikarjun-kharge"})):
        "one Leader of the Opposition per house: Gandhi in the Lok Sabha, Kharge in the Rajya Sabha",
    ("vice_president", "ARE", frozenset({"mohammed-bin-rashid-al-maktoum", "mansour-bin-zayed"})):
        "the UAE has had two vice presidents since 2023-03-29 (Mansour bin Zayed beside Mohammed bin Rashid)",
    ("deputy_prime_minister", "ARE", frozenset({"hamdan-bin-mohammed-al-maktoum", "mansour-bin-zayed"})):
        "the UAE has several deputy prime ministers at once (Hamdan bin Mohammed added 2024-07-14)",
}


@dataclass(frozen=True)
class Term:
    person: str
    file: str
    office: str
    country: str | None
    org: str | None
    region: str | None
    start_text: str | None
    end_text: str | None

    @property
    def first(self) -> date:
        """The first day the term certainly covers (a month or year start: its last day)."""
        return parse_bound(self.start_text, end=True) or date.min

    @property
    def last(self) -> date:
        """The last day the term certainly covers (a month or year end: its first day)."""
        return parse_bound(self.end_text, end=False) or TODAY

    def span(self) -> str:
        return f"{self.person} ({self.start_text or '…'} – {self.end_text or 'open'}, {self.file})"


def _bound(v: object) -> str | None:
    return None if v is None or v == "" else str(v)


def load_terms() -> list[Term]:
    terms = []
    folder = data_root() / "actors" / "persons"
    for f in sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name):
        for e in read_yaml(f) or []:
            for r in e.get("roles") or []:
                if r["office"] in SINGLE_HOLDER_OFFICES:
                    terms.append(Term(
                        e["id"], f"persons/{f.name}", r["office"], r.get("country"), r.get("org"),
                        r.get("region"), _bound(r.get("start")), _bound(r.get("end")),
                    ))
    return terms


def overlap_days(a: Term, b: Term) -> int:
    """Days both terms certainly cover (0 when they do not meet)."""
    return max(0, (min(a.last, b.last) - max(a.first, b.first)).days + 1)


def overlaps(terms: list[Term]) -> list[tuple[Term, Term, int]]:
    """Pairs of different persons' terms of one office (same country, org and region) that share
    more than one day."""
    groups: dict[tuple[str, str | None, str | None, str | None], list[Term]] = defaultdict(list)
    for t in terms:
        groups[(t.office, t.country, t.org, t.region)].append(t)
    found = []
    for group in groups.values():
        for a, b in combinations(group, 2):
            if a.person != b.person and (days := overlap_days(a, b)) > 1:
                found.append((a, b, days))
    return found


def allowed(a: Term, b: Term) -> bool:
    return (a.office, a.country or "", frozenset({a.person, b.person})) in ALLOWED


TERMS = load_terms()
OVERLAPS = overlaps(TERMS)


def describe(a: Term, b: Term, days: int) -> str:
    where = a.country or ""
    if a.org:
        where += f" org={a.org}"
    if a.region:
        where += f" region={a.region}"
    return f"{a.office} of {where}: {a.span()} and {b.span()} overlap by {days} days"


@pytest.mark.parametrize("office", sorted(SINGLE_HOLDER_OFFICES))
def test_single_holder_offices_do_not_overlap(office: str) -> None:
    bad = [describe(a, b, d) for a, b, d in OVERLAPS if a.office == office and not allowed(a, b)]
    assert not bad, "two holders of a single-holder office at once:\n  " + "\n  ".join(bad)


def test_allowed_overlaps_are_real() -> None:
    """Every exception still names an overlap in the data (a fixed entry drops its exception)."""
    seen = {(a.office, a.country or "", frozenset({a.person, b.person})) for a, b, _ in OVERLAPS}
    stale = [f"{office} {country} {sorted(pair)}" for office, country, pair in ALLOWED
             if (office, country, pair) not in seen]
    assert not stale, "allow-listed overlaps no longer in the data; remove them: " + "; ".join(stale)


def test_the_check_finds_an_overlap() -> None:
    def term(person: str, start: str | None, end: str | None, office: str = "home_minister") -> Term:
        return Term(person, "test", office, "GBR", None, None, start, end)

    handover = [term("a", "2019-07-24", "2022-09-06"), term("b", "2022-09-06", None)]
    assert overlaps(handover) == []  # the handover day is shared
    same_month = [term("a", "2020-01-01", "2022-09"), term("b", "2022-09", None)]
    assert overlaps(same_month) == []  # both changes only dated to September
    clash = [term("a", "2019-07-24", "2022-09-06"), term("b", "2022-09-01", None)]
    assert [(a.person, b.person, d) for a, b, d in overlaps(clash)] == [("a", "b", 6)]
    open_end = [term("a", "2019-07-24", None), term("b", "2022-09-06", None)]
    assert overlaps(open_end)[0][2] == (TODAY - date(2022, 9, 6)).days + 1
    other_office = [term("a", "2019-07-24", None), term("b", "2020", None, office="finance_minister")]
    assert overlaps(other_office) == []
