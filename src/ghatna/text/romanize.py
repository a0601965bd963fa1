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


def _word(w: str) -> str:
    chars = [PRECOMPOSED.get(c, c) for c in w if c not in "\u200c\u200d"]
    out: list[str] = []
    i = 0
    while i < len(chars):
        c = chars[i]
        if i + 1 < len(chars) and chars[i + 1] == NUKTA and c in NUKTA_FORMS:
            c = NUKTA_FORMS[c]
            i += 1
        if c in CONSONANTS:
            out.append(CONSONANTS[c])
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if nxt in SIGNS:
                out.append(SIGNS[nxt])
                i += 1
            elif nxt == HALANT:
                i += 1
            elif nxt and (nxt in CONSONANTS or nxt in PRECOMPOSED or nxt in NASAL):
                out.append("a")
            # word-final inherent vowel dropped
        elif c in VOWELS:
            out.append(VOWELS[c])
        elif c in NASAL:
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            out.append("m" if nxt in ("प", "फ", "ब", "भ", "म") else "n")
        elif c == "ः":
            out.append("h")
        elif c.isascii() and c.isalnum():
            out.append(c)
        i += 1
    return "".join(out)


def romanize(text: str) -> str:
    words = [_word(w) for w in text.replace("-", " ").split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)
