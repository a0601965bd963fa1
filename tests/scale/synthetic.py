"""A synthetic corpus for the scale-out tests and benchmark: short Hindi and English articles,
written for them, with varied actors, events and dates (and, on request, a few bad lines)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

HI_ACTORS = ("भारत", "पाकिस्तान", "रूस", "अमरीका", "ईरान", "चीन", "नेपाल", "प्रधानमंत्री नरेंद्र मोदी",
             "राष्ट्रपति व्लादिमीर पुतिन", "राष्ट्रपति डोनाल्ड ट्रंप")
HI_EVENTS = ("{a} ने {b} की निंदा की।", "{a} ने {when} {b} का दौरा किया।", "{a} ने {b} पर नए प्रतिबंध लगाए।",
             "{a} ने {b} को सहायता भेजी।", "{a} ने {when} {b} से बातचीत की।", "{a} ने {b} को धमकी दी।")
EN_ACTORS = ("India", "Pakistan", "Russia", "the United States", "Iran", "China", "Nepal",
             "Prime Minister Narendra Modi", "President Vladimir Putin", "President Donald Trump")
EN_EVENTS = ("{a} condemned {b}.", "{a} visited {b} {when}.", "{a} imposed new sanctions on {b}.",
             "{a} sent aid to {b}.", "{a} held talks with {b} {when}.", "{a} threatened {b}.")
HI_MONTHS = ("जनवरी", "फरवरी", "मार्च")
EN_MONTHS = ("January", "February", "March")
BAD_LINES = ('{"id": "bad-json", "text": ', '["not", "an", "object"]', '{"id": "empty", "text": "  "}',
             '{"id": "no-text", "title": "x"}')


def _pair(rng: random.Random, actors: tuple[str, ...]) -> tuple[str, str]:
    a, b = rng.sample(actors, 2)
    return a, b


def records(n: int, seed: int = 7) -> list[dict]:
    """``n`` article records (JSON Lines objects), half Hindi, half English."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(80))
        hindi = i % 2 == 0
        sentences = []
        for _ in range(rng.randint(1, 3)):
            day = rng.randint(1, 28)
            month = rng.randrange(3)
            if hindi:
                a, b = _pair(rng, HI_ACTORS)
                when = rng.choice(("", f"{day} {HI_MONTHS[month]} को", "कल"))
                sentences.append(rng.choice(HI_EVENTS).format(a=a, b=b, when=when).replace("  ", " "))
            else:
                a, b = _pair(rng, EN_ACTORS)
                when = rng.choice(("", f"on {EN_MONTHS[month]} {day}", "yesterday"))
                s = rng.choice(EN_EVENTS).format(a=a, b=b, when=when).replace(" .", ".")
                sentences.append(s[0].upper() + s[1:])
        out.append({"id": f"syn-{'hi' if hindi else 'en'}-{i}", "text": " ".join(sentences),
                    "date": published.isoformat(), "lang": "hi" if hindi else "en",
                    "source": rng.choice(("wire-a", "wire-b", "wire-c")), "url": f"https://example.org/{i}"})
    return out


def write_jsonl(path: Path, recs: list[dict], bad_lines: bool = False) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    if bad_lines:
        for k, bad in enumerate(BAD_LINES):
            lines.insert(min(len(lines), 5 + 37 * k), bad)
        lines.insert(3, "")  # blank lines are skipped, but count for line numbers
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
