from datetime import date

from ghatna.model import NO_DATE, Article, Document, Entity, Event, EventDate, Evidence, Flag
from ghatna.stages.coding import DATE_AFTER_PUBLICATION, Coder, FlagIndex, dated_after


def _event(start: int, end: int, *, day: str | None = None, modality: str = "actual") -> Event:
    when = EventDate(day, "day", "explicit", day, day) if day else NO_DATE
    return Event("ACCUSE", None, modality, [Entity("IND", "India", "country")], [],
                 [Evidence(start, end, "x" * (end - start), start, start + 1, 0)], when)


def test_flag_index_finds_exactly_the_overlapping_codes():
    flags = [Flag("repeated_ngram", 10, 20), Flag("repeated_ngram", 15, 30), Flag("mixed_script", 50, 60),
             Flag("unbalanced_quotes", 70, 71), Flag("unsupported_language", 0, 100)]
    index = FlagIndex(flags)
    assert index.codes_over(0, 10) == set()
    assert index.codes_over(25, 40) == {"repeated_ngram"}
    assert index.codes_over(29, 55) == {"repeated_ngram", "mixed_script"}
    assert index.codes_over(60, 70) == set()
    assert index.codes_over(65, 75) == {"unbalanced_quotes"}


def test_flag_index_agrees_with_a_scan_of_every_flag():
    import random

    rng = random.Random(3)
    flags = [Flag(rng.choice("abc"), s, s + rng.randint(1, 30)) for s in (rng.randrange(500) for _ in range(60))]
    index = FlagIndex(flags)
    for _ in range(300):
        s = rng.randrange(520)
        e = s + rng.randint(1, 40)
        assert index.codes_over(s, e) == {f.code for f in flags if f.start < e and s < f.end}


def test_dated_after_publication_unless_future():
    published = date(2020, 1, 3)
    assert dated_after(_event(0, 5, day="2020-01-20"), published)
    assert not dated_after(_event(0, 5, day="2020-01-04"), published)  # the next day: a late report
    assert not dated_after(_event(0, 5, day="2020-01-20", modality="future"), published)
    assert not dated_after(_event(0, 5), published)


def _coded(resources, published: date | None, *events: Event) -> list[Event]:
    doc = Document(Article("x" * 100, "a", None, published, "hi"))
    doc.events = list(events)
    return Coder(resources)(doc).events


def test_events_after_the_publication_date_are_flagged_and_less_trusted(resources):
    late, ontime, future = _coded(resources, date(2020, 1, 3), _event(0, 5, day="2020-01-20"),
                                  _event(10, 15, day="2020-01-02"), _event(20, 25, day="2020-01-20", modality="future"))
    assert late.flags == [DATE_AFTER_PUBLICATION]
    assert ontime.flags == [] and future.flags == []
    assert late.confidence < ontime.confidence


def test_events_after_today_are_flagged_without_a_publication_date(resources):
    (ev,) = _coded(resources, None, _event(0, 5, day="2099-01-20"))
    assert ev.flags == [DATE_AFTER_PUBLICATION]
    (ev,) = _coded(resources, date(2099, 1, 1), _event(0, 5, day="2099-01-20"))  # a publication date in the future
    assert ev.flags == [DATE_AFTER_PUBLICATION]
