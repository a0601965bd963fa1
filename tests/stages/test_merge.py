from datetime import date


def test_repeated_mentions_merge_into_one_event(pipeline):
    text = ("मोदी ने पुतिन को भारत आने के लिए आमंत्रित किया\n"
            "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को रूस के राष्ट्रपति व्लादिमीर पुतिन को भारत आने के लिए आमंत्रित किया।")
    doc = pipeline.extract(text, published=date(2025, 3, 28), lang="hi")
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert len(agree) == 1
    assert len(agree[0].evidence) == 2
    assert agree[0].date.value == "2025-03-25"  # the dated mention wins over the headline


def test_different_recipients_stay_apart(pipeline):
    text = "अमरीका ने ईरान पर प्रतिबंध लगाए। अमरीका ने रूस पर प्रतिबंध लगाए।"
    doc = pipeline.extract(text, published=date(2022, 3, 1), lang="hi")
    assert len([e for e in doc.events if e.type == "SANCTION"]) == 2


def _merge_by_scanning(events, headlines):
    """The merge rule written the plain way: each event against every event kept before it."""
    from ghatna.stages.merge import absorb, same_event

    while True:
        out = []
        for ev in events:
            for kept in out:
                if same_event(kept, ev, headlines):
                    absorb(kept, ev)
                    break
            else:
                out.append(ev)
        if len(out) == len(events):
            return out
        events = out


def _random_events(rng, n):
    from ghatna.model import Entity, Event, EventDate, Evidence

    people = [Entity(c, c, "country") for c in ("IND", "PAK", "CHN", "RUS")]
    dates = [EventDate(None, None, None), EventDate("2020-01-03", "day", "publication", "2020-01-03", "2020-01-03"),
             EventDate("2020-01", "month", "explicit"), EventDate("2020-01-02", "day", "explicit"),
             EventDate("2020-01-05", "day", "relative"), EventDate("2019", "year", "explicit")]
    out = []
    for i in range(n):
        a, b = rng.sample(people, 2)
        recipients = rng.choice([[], [b], [b], [a, b][1:]])
        out.append(Event(rng.choice(["CONSULT", "ACCUSE"]), rng.choice([None, "visit"]), "actual", [a], recipients,
                         [Evidence(i * 10, i * 10 + 5, "xxxxx", i * 10, i * 10 + 1, i % 7)], rng.choice(dates)))
    return out


def test_merge_agrees_with_comparing_every_pair():
    import copy
    import random

    from ghatna.model import Article, Document, Sentence
    from ghatna.stages.merge import merge_events

    rng = random.Random(14)
    for _ in range(60):
        events = _random_events(rng, rng.randint(0, 40))
        doc = Document(Article("x", "a"))
        doc.sentences = [Sentence(0, 1, "x", 0, 1, is_headline=(i == 0)) for i in range(7)]
        doc.events = copy.deepcopy(events)
        got = merge_events(doc).events
        want = _merge_by_scanning(copy.deepcopy(events), frozenset({0}))
        for ev in want:
            ev.evidence.sort(key=lambda e: e.start)
        assert got == want
