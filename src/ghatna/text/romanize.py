"""A plain Latin spelling of a Devanagari name ("वसीम रिज़वी" → "Vasim Rizvi").

Used to give names that are not in the dictionary an English-looking name: it keeps long and
short vowels apart only where English spelling does, drops the inherent vowel at the end of a word,
and keeps nukta sounds (ज़ → z, फ़ → f, क़ → q).
"""

from __future__ import annotations

CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh",
    "ष": "sh", "स": "s", "ह": "h", "ळ": "l",
    "क़": "q", "ख़": "kh", "ग़": "gh", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}
NUKTA_FORMS = {"क": "क़", "ख": "ख़", "ग": "ग़", "ज": "ज़", "ड": "ड़", "ढ": "ढ़", "फ": "फ़", "य": "य़"}
PRECOMPOSED = {"\u0958": "क़", "\u0959": "ख़", "\u095a": "ग़", "\u095b": "ज़", "\u095c": "ड़", "\u095d": "ढ़",
               "\u095e": "फ़", "\u095f": "य़"}
VOWELS = {"अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au",
          "ऋ": "ri", "ऑ": "o", "ॲ": "e"}
SIGNS = {"ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o",
         "ृ": "ri", "ॅ": "e"}
NASAL = {"ं": "n", "ँ": "n"}
HALANT, NUKTA = "्", "़"


def _units(w: str) -> list[tuple[str, str | None, bool]]:
    """(consonant or independent vowel, vowel sign, after a halant) per letter; the vowel is None
    for the inherent vowel and "" after a halant."""
    chars = [PRECOMPOSED.get(c, c) for c in w if c not in "\u200c\u200d"]
    units: list[tuple[str, str | None, bool]] = []
    joined = False
    i = 0
    while i < len(chars):
        c = chars[i]
        if i + 1 < len(chars) and chars[i + 1] == NUKTA and c in NUKTA_FORMS:
            c = NUKTA_FORMS[c]
            i += 1
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if c in CONSONANTS:
            if nxt in SIGNS:
                units.append((CONSONANTS[c], SIGNS[nxt], joined))
                i += 1
                joined = False
            elif nxt == HALANT:
                units.append((CONSONANTS[c], "", joined))
                i += 1
                joined = True
            else:
                units.append((CONSONANTS[c], None, joined))
                joined = False
        elif c in VOWELS:
            units.append(("", VOWELS[c], False))
        elif c in NASAL:  # सिंह → Singh, कंबोज → Kamboj
            units.append(("m" if nxt in ("प", "फ", "ब", "भ", "म") else "ng" if nxt == "ह" else "n", "", False))
        elif c == "ः":
            units.append(("h", "", False))
        elif c.isascii() and c.isalnum():
            units.append((c, "", False))
        i += 1
    return units


def _word(w: str) -> str:
    units = _units(w)
    n = len(units)
    vowels: list[str] = [v if v is not None else "a" for _, v, _ in units]
    # schwa deletion, right to left: the last inherent vowel is silent (unless after a cluster
    # ending in r/y/v, नरेंद्र), and one between a vowel and a consonant that keeps its vowel (रिज़वी, अहमद)
    for k in range(n - 1, -1, -1):
        cons, v, joined = units[k]
        if v is not None or not cons:
            continue
        if k == n - 1:
            if not (joined and cons in ("r", "y", "v")):  # नरेंद्र, मित्र keep it; मार्क does not
                vowels[k] = ""
            continue
        nxt_cons, _, _ = units[k + 1]
        prev_has_vowel = k > 0 and bool(vowels[k - 1])
        if prev_has_vowel and nxt_cons and vowels[k + 1] and not units[k + 1][2]:
            vowels[k] = ""
    return "".join(c + v for (c, _, _), v in zip(units, vowels, strict=True))


def romanize(text: str) -> str:
    words = [_word(w) for w in text.replace("-", " ").split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)
