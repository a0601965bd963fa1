"""Normalise a raw article into a working copy, keeping a map back to raw offsets.

The working copy is what every matcher reads; the raw text is never changed. Each character of
the working copy comes from exactly one raw character, so a span of the copy maps back to a raw
span by ``norm_map``. What it folds:

- zero-width characters (ZWJ/ZWNJ/ZWSP/BOM/soft hyphen), which real AIR text has inside conjuncts;
- nukta: precomposed letters (क़ → क) and the combining sign (dropped), since news spells the same
  name with and without it;
- Devanagari digits to ASCII, NBSP and other spaces to a plain space.
Quotation marks and the danda stay as they are: segmentation and quote pairing need them.
"""

from __future__ import annotations

import re

DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u093c")
NUKTA_BASE = {
    "\u0958": "\u0915",  # क़
    "\u0959": "\u0916",  # ख़
    "\u095a": "\u0917",  # ग़
    "\u095b": "\u091c",  # ज़
    "\u095c": "\u0921",  # ड़
    "\u095d": "\u0922",  # ढ़
    "\u095e": "\u092b",  # फ़
    "\u095f": "\u092f",  # य़
    "\u0929": "\u0928",  # ऩ
    "\u0931": "\u0930",  # ऱ
    "\u0934": "\u0933",  # ऴ
}
SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t")


def _fold_char(c: str) -> str:
    if c in DROP:
        return ""
    if c in NUKTA_BASE:
        return NUKTA_BASE[c]
    if "\u0966" <= c <= "\u096f":
        return chr(ord(c) - 0x0966 + ord("0"))
    if c in SPACES:
        return " "
    return c


def _special_chars() -> str:
    chars = set(DROP) | set(NUKTA_BASE) | set(SPACES) | {chr(c) for c in range(0x0966, 0x0970)}
    return "".join(sorted(chars))


SPECIAL = re.compile("[" + re.escape(_special_chars()) + "]")


def normalize(raw: str) -> tuple[str, list[int]]:
    """Return the working copy and, for each of its characters (plus one past the end), the raw
    offset it came from. Only the characters that change are visited; the rest are copied by
    slices."""
    out: list[str] = []
    mapping: list[int] = []
    pos = 0
    for m in SPECIAL.finditer(raw):
        i = m.start()
        if i > pos:
            out.append(raw[pos:i])
            mapping.extend(range(pos, i))
        folded = _fold_char(raw[i])
        if folded:
            out.append(folded)
            mapping.append(i)
        pos = i + 1
    out.append(raw[pos:])
    mapping.extend(range(pos, len(raw)))
    mapping.append(len(raw))
    return "".join(out), mapping


def raw_span(mapping: list[int], start: int, end: int) -> tuple[int, int]:
    """Raw offsets of the working-copy span [start, end): dropped characters at its edges are
    left out, those inside it kept."""
    if end <= start:
        r = mapping[start]
        return r, r
    return mapping[start], mapping[end - 1] + 1
