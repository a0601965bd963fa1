"""Offices resolve by date against the shipped dictionary."""

from datetime import date

import pytest


@pytest.mark.parametrize(
    "office,country,day,expected",
    [
        ("president", "USA", date(2020, 1, 15), "Donald Trump"),
        ("president", "USA", date(2022, 6, 1), "Joe Biden"),
        ("prime_minister", "IND", date(2020, 1, 15), "Narendra Modi"),
        ("prime_minister", "IND", date(2012, 1, 15), "Manmohan Singh"),
        ("president", "RUS", date(2025, 3, 1), "Vladimir Putin"),
        ("president", "IND", date(2025, 1, 26), "Droupadi Murmu"),
        ("president", "IND", date(2020, 1, 1), "Ram Nath Kovind"),
    ],
)
def test_holder_on_date(resources, office, country, day, expected):
    p = resources.gazetteer.holder(office, country, day)
    assert p is not None and p.name == expected


def test_entity_takes_the_role_active_on_the_date(resources):
    g = resources.gazetteer
    modi = next(p for p in g.persons.values() if p.name == "Narendra Modi")
    assert modi.entity(date(2020, 1, 1)).office == "prime_minister"
    assert modi.entity(date(2020, 1, 1)).country == "IND"


def test_a_national_office_is_not_a_states(resources):
    # Bihar's opposition leader is no leader of India's opposition, nor a chief minister India's
    g = resources.gazetteer
    day = date(2024, 3, 1)
    national = g.holder("opposition_leader", "IND", day)
    assert national is not None and all(r.region is None for r in national.roles if r.office == "opposition_leader")
    assert g.holder("chief_minister", "IND", day) is None
    assert g.holder("chief_minister", "IND", day, region="Bihar") is not None
