"""Phonetic keys: fold the spelling variants of one Devanagari or Latin word to one key.

Hindi news spells a name many ways: ट्रम्प/ट्रंप (nasal consonant + halant vs anusvara),
व्लादिवोस्टोक/व्लादिवोस्तोक (retroflex vs dental),
मुर्मू/मुरमू (halant, long/short u), व्लादिमीर/व्लादिमिर (long/short i), मॉस्को/मास्को (ॉ/ा),
चाँद/चांद (chandrabindu/anusvara). The key keeps what distinguishes words and drops what varies.
Nukta is already gone from the working copy (see ``normalize``). Latin text is case-folded with
dots and apostrophes dropped, so "U.S." and "US" meet.
"""

from __future__ import annotations

import re

HALANT = "\u094d"
ANUSVARA = "\u0902"
NASALS = frozenset("ङञणनम")
VOWEL_FOLD = {
    "\u0940": "\u093f",  # ी → ि
    "\u0942": "\u0941",  # ू → ु
    "\u0949": "\u093e",  # ॉ → ा
    "\u0945": "\u0947",  # ॅ → े
    "\u0901": ANUSVARA,  # ँ → ं
    "\u0908": "\u0907",  # ई → इ
    "\u090a": "\u0909",  # ऊ → उ
    "\u0911": "\u0906",  # ऑ → आ
    "\u0944": "\u0943",  # ॄ → ृ
    # retroflex and dental stops both render English t/d: व्लादिवोस्टोक/व्लादिवोस्तोक
    "ट": "त",
    "ठ": "थ",
    "ड": "द",
    "ढ": "ध",
    "ण": "न",
    "ष": "श",
}
LATIN_DROP = frozenset(".'’`")


def is_consonant(c: str) -> bool:
    return "\u0915" <= c <= "\u0939" or "\u0958" <= c <= "\u095f"


def key(word: str) -> str:
    """Phonetic key of one token of the working copy."""
    if word.isascii():
        return "".join(c for c in word.lower() if c not in LATIN_DROP)
    out: list[str] = []
    n = len(word)
    for i, c in enumerate(word):
        if c == HALANT:
            continue
        if c in NASALS and i + 2 < n and word[i + 1] == HALANT and is_consonant(word[i + 2]):
            out.append(ANUSVARA)
            continue
        c = VOWEL_FOLD.get(c, c)
        if c in LATIN_DROP:
            continue
        out.append(c.lower())
    return "".join(out)


# for skeleton(): what spellings of one transliterated name disagree on
_VOWEL_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0943\u0944\u0945\u0946\u0947\u0948\u0949\u094a\u094b\u094c"
_SKELETON = str.maketrans({
    **dict.fromkeys(_VOWEL_SIGNS + "\u0901\u0902\u0903\u093c"),  # vowel signs, nasals, visarga, nukta
    **dict.fromkeys("अआइईउऊऋएऐओऔऑऍ", "अ"),  # an initial vowel, whichever
    **{a: b for a, b in zip("खघछझठढथधफभ", "कगचजटडतदपब", strict=True)},  # aspiration
})
_LATIN_INNER_VOWELS = re.compile(r"(?<=[a-z])[aeiouy]+")
_DOUBLED = re.compile(r"([^ ])\1+")


def skeleton(keys: str) -> str:
    """A looser key for names, made from a phonetic key (or from keys joined by spaces, each
    word apart): consonants only (a Latin word keeps its first letter), unaspirated, a doubled
    one once. Spellings that differ in vowel length or quality, nasalisation, aspiration or a
    doubled consonant meet: गुणवर्धना/गुनावर्द्धने, मोहम्मद/मुहम्मद, जायेद/ज़ायद, Mohammed/Mohamed.
    Too loose for single common words; actors/variants.py uses it for names of several words."""
    s = _LATIN_INNER_VOWELS.sub("", keys.translate(_SKELETON))
    return _DOUBLED.sub(r"\1", s)
