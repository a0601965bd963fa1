"""Hindi typed in a legacy 8-bit font (KrutiDev, Chanakya, DevLys and kin): the bytes are Latin
letters and punctuation that the font draws as Devanagari ("Hkkjr us dgk" is भारत ने कहा). Such
text is Hindi to a reader and soup to everything else, so it is recognised before language
detection (which would call it Indonesian) and flagged; ghatna does not convert it.
"""

from __future__ import annotations

import re

DEVANAGARI = re.compile("[\u0900-\u097f]")
# KrutiDev draws matras, conjuncts and nukta forms with these; English prose rarely uses them
LEGACY_MARKS = frozenset(";[]{}^~`\\|")
# frequent KrutiDev words: ds (के), dh (की), vkSj (और), gS (है), us (ने), dks (को), esa (में), ls (से)
LEGACY_WORDS = frozenset({"ds", "dh", "vkSj", "gS", "us", "dks", "esa", "ls", "fd", ";g", "Fkk", "dj", "fy,"})
ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "with", "said", "that"})


def looks_legacy(text: str) -> bool:
    """Whether ``text`` reads like Hindi in a legacy font: hardly any Unicode Devanagari, many of
    the font's marks, or many of its most frequent words."""
    if len(DEVANAGARI.findall(text, 0, 400)) > 40:  # plainly Unicode Devanagari: the usual case
        return False
    head = text[:3000]
    sample = "".join(head.split())
    if len(sample) < 40:
        return False
    if len(DEVANAGARI.findall(sample)) / len(sample) >= 0.05:
        return False
    marks = sum(sample.count(c) for c in LEGACY_MARKS) / len(sample)
    words = head.split()
    common = sum(w in LEGACY_WORDS for w in words) / max(1, len(words))
    english = sum(w.lower() in ENGLISH_WORDS for w in words) / max(1, len(words))
    return english < 0.08 and (marks > 0.02 or common > 0.12)
