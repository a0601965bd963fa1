"""News-like text of any length, written for the tests and benchmarks: Hindi and English sentences
with actors, events, dates, places and quotes drawn from small vocabularies, with or without
sentence ends. Every stage of the pipeline finds work in it (mentions, times, events, quotes)."""

from __future__ import annotations

import random

HI_ACTORS = ("भारत", "पाकिस्तान", "रूस", "चीन", "ईरान", "नेपाल", "अमरीका", "प्रधानमंत्री नरेंद्र मोदी",
             "राष्ट्रपति व्लादिमीर पुतिन", "विदेश मंत्री एस जयशंकर", "सेना", "उन्होंने")
HI_WHEN = ("मंगलवार को", "कल", "जुलाई 2024 में", "पिछले साल", "12 मार्च को", "हर साल", "")
HI_PLACES = ("मॉस्को में", "दिल्ली में", "बीजिंग में", "")
HI_EVENTS = (
    "{a} ने {when} {b} की कड़ी निंदा की",
    "{a} ने {when} {where} {b} से बातचीत की",
    "{a} ने {when} {b} का दौरा किया",
    "{a} ने {b} पर नए प्रतिबंध लगाए",
    "{a} ने {b} से संयम बरतने की अपील की",
    "{a} ने कहा, “{b} के साथ हमारी साझेदारी विशेष है”",
    "{a} और {b} की सेनाएं {when} संयुक्त अभ्यास करती हैं",
    "{a} ने {b} को {where} आने का निमंत्रण दिया, जिसे {b} ने स्वीकार कर लिया",
    "इस बीच {where} बाजार में सामान्य कारोबार हुआ और मौसम साफ रहा",
)
EN_ACTORS = ("India", "Pakistan", "Russia", "China", "Iran", "Nepal", "the United States",
             "Prime Minister Narendra Modi", "President Vladimir Putin", "External Affairs Minister S. Jaishankar",
             "the army", "he")
EN_WHEN = ("on Tuesday", "yesterday", "in July 2024", "last year", "on 12 March", "every year", "")
EN_PLACES = ("in Moscow", "in New Delhi", "in Beijing", "")
EN_EVENTS = (
    "{a} strongly condemned {b} {when}",
    "{a} held talks with {b} {where} {when}",
    "{a} visited {b} {when}",
    "{a} imposed new sanctions on {b}",
    "{a} urged {b} to show restraint",
    "\u201cOur partnership with {b} is special,\u201d {a} said",
    "{a} and {b} hold joint military exercises {when}",
    "{a} invited {b} to visit {where}, and {b} accepted the invitation",
    "Meanwhile markets traded normally {where} and the weather stayed clear",
)


def sentences(lang: str, rng: random.Random) -> str:
    """One sentence without its final mark."""
    actors, when, places, events = (HI_ACTORS, HI_WHEN, HI_PLACES, HI_EVENTS) if lang == "hi" else (
        EN_ACTORS, EN_WHEN, EN_PLACES, EN_EVENTS)
    a, b = rng.sample(actors, 2)
    s = rng.choice(events).format(a=a, b=b, when=rng.choice(when), where=rng.choice(places))
    s = " ".join(s.split())
    return s[0].upper() + s[1:] if lang == "en" else s


def news_text(lang: str, chars: int, *, sentence_ends: bool = True, seed: int = 14) -> str:
    """About ``chars`` characters of text (cut at a word boundary): sentences ended by "।" or "."
    in paragraphs of five, or, without sentence ends, one line of clauses run together."""
    rng = random.Random(seed)
    end = "।" if lang == "hi" else "."
    parts: list[str] = []
    size = 0
    while size < chars:
        s = sentences(lang, rng)
        if sentence_ends:
            s += end + ("\n" if len(parts) % 5 == 4 else " ")
        else:
            s += " "
        parts.append(s)
        size += len(s)
    text = "".join(parts)[:chars]
    return text[: text.rfind(" ")] if " " in text else text
