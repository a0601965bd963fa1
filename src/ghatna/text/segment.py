"""Split the working copy into paragraphs, sentences and tokens, all with offsets.

Sentences end at । ॥ | ? ! and at "." before a new sentence (not after an abbreviation or a
single initial, not inside a number); a closing quotation mark right after the end belongs to the
sentence. Every line is its own paragraph, so headlines and lines without a danda are sentences.

No sentence is longer than ``MAX_SENTENCE_CHARS``: a longer one (a page without a full stop, a
list run together) is cut at the last clause mark (; : — –) of each stretch of that length, else
at its last comma, else at its last space, else anywhere but inside a letter's combining marks.
Its pieces are marked ``cut`` (the quality stage flags them). Every later stage works sentence by
sentence, so this bound is what keeps their work linear in the length of the text. Real news
sentences stay well below it (the longest of 20,000 in the development corpora has 1,612
characters, one in a thousand more than 770).
"""

from __future__ import annotations

import unicodedata

import regex

from ghatna.model import Sentence, Token
from ghatna.text.keys import key
from ghatna.text.normalize import raw_span

TERMINATORS = "।॥|?!"
CLOSERS = "\"'”’»)"
TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\s]")
ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "gen", "col", "lt", "sgt", "prof", "rev", "gov",
        "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "dept", "est", "etc", "e.g", "i.e", "a.m", "p.m",
        # Hindi: titles (डॉ. = Dr., प्रो. = Prof., ले. = Lt.) and the initials of names written as
        # the letter's name ("के. चंद्रशेखर राव", "एम. वेंकैया नायडु"); a Hindi sentence ends in a
        # verb or a noun, never in one of these
        "डॉ", "डा", "प्रो", "ले", "मो", "जन", "कं", "सं", "श्री",
        "ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम", "एन", "ओ", "पी",
        "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "एक्स", "वाई", "जेड",
    ]
)
# punctuation that is transparent inside a name ("U.S.", "अल-मुहंदिस"); other marks block matches
TRANSPARENT = frozenset(".-‐‑–'’")
BOUNDARY_KEY = "|"
ENDS = regex.compile("[" + regex.escape(TERMINATORS) + ".]")  # a sentence may end only at one of these
MAX_SENTENCE_CHARS = 2000
CLAUSE_MARKS = ";:—–"
COMMAS = ",،"


def _is_deva(c: str) -> bool:
    return "\u0900" <= c <= "\u097f"


def _word_before(norm: str, i: int) -> str:
    """The word (letters, marks and inner dots) that ends at position i, lower-cased."""
    w = i
    while w > 0 and (norm[w - 1].isalpha() or unicodedata.category(norm[w - 1]).startswith("M") or norm[w - 1] == "."):
        w -= 1
    return norm[w:i].lower()


def _initials(word: str) -> bool:
    """"आई.आर.जी.सी", "u.s": letters' names or single letters joined by dots, one abbreviation."""
    parts = word.split(".")
    return len(parts) > 1 and all(p in ABBREVIATIONS or (len(p) == 1 and p.isalpha()) for p in parts)


def _dot_ends_sentence(norm: str, i: int, line_end: int) -> bool:
    j = i + 1
    while j < line_end and norm[j] in CLOSERS:
        j += 1
    if j >= line_end:
        return True
    if not norm[j].isspace():
        # Hindi web text often has no space after a full stop: "…कर रही है.चाइना …"
        word = _word_before(norm, i)
        return _is_deva(norm[j]) and i > 0 and (_is_deva(norm[i - 1]) or norm[i - 1] in CLOSERS) \
            and word not in ABBREVIATIONS and word.rsplit(".", 1)[-1] not in ABBREVIATIONS
    k = j
    while k < line_end and norm[k].isspace():
        k += 1
    if k >= line_end:
        return True
    nxt = norm[k]
    if nxt.isascii() and nxt.isalpha() and not nxt.isupper():
        return False
    word = _word_before(norm, i)
    if word in ABBREVIATIONS or (len(word) == 1 and word.isascii()) or _initials(word):
        return False
    return not (word.isascii() and "." in word)


def sentence_bounds(norm: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int, int, bool, bool]]:
    """(start, end, paragraph, ends_with_terminator, cut) in working-copy offsets."""
    out: list[tuple[int, int, int, bool, bool]] = []
    pos = 0
    para = 0
    for line in norm.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        start = line_start
        i = line_start
        while (found := ENDS.search(norm, i, line_end)) is not None:  # only the marks that may end one
            i = found.start()
            c = norm[i]
            if c in TERMINATORS or (c == "." and _dot_ends_sentence(norm, i, line_end)):
                j = i + 1
                while j < line_end and (norm[j] in TERMINATORS or norm[j] in CLOSERS):
                    j += 1
                _append(out, norm, start, j, para, True, max_chars)
                start = i = j
                continue
            i += 1
        _append(out, norm, start, line_end, para, False, max_chars)
        para += 1
    return out


def _append(out: list, norm: str, start: int, end: int, para: int, terminated: bool, max_chars: int) -> None:
    start, end = _strip(norm, start, end)
    if end <= start:
        return
    if end - start <= max_chars:
        out.append((start, end, para, terminated, False))
        return
    for s, e in cut_points(norm, start, end, max_chars):
        s, e = _strip(norm, s, e)
        if e > s:
            out.append((s, e, para, terminated, True))


def _strip(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def cut_points(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` of at most ``max_chars`` characters, each cut after the last
    clause mark of its stretch, else the last comma, else the last space, else before a base
    letter. A cut is looked for in the second half of the stretch only, so every piece but the
    last is longer than ``max_chars // 2`` and the whole takes time linear in ``end - start``."""
    pieces = []
    while end - start > max_chars:
        lo, hi = start + max_chars // 2, start + max_chars
        cut = _last_of(text, CLAUSE_MARKS, lo, hi) or _last_of(text, COMMAS, lo, hi) or _last_space(text, lo, hi)
        if not cut:
            cut = hi
            while cut > lo and _is_mark(text[cut]):  # never strand a vowel sign or virama
                cut -= 1
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _last_of(text: str, chars: str, lo: int, hi: int) -> int:
    """The offset just after the last of ``chars`` in text[lo:hi] (0 when there is none)."""
    return max(text.rfind(c, lo, hi) for c in chars) + 1


def _last_space(text: str, lo: int, hi: int) -> int:
    found = _SPACE_BEFORE.search(text, lo, hi)
    return found.end() if found else 0


_SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)  # searches from the end: the stretch's last whitespace


def _is_mark(c: str) -> bool:
    return unicodedata.category(c).startswith("M") or c in "\u200c\u200d"


def segment(raw: str, norm: str, norm_map: list[int],
            keys: dict[str, str] | None = None) -> tuple[list[Sentence], list[Token]]:
    """Sentences and tokens. ``keys`` is a word → phonetic-key cache a caller may keep across
    documents (words repeat; the key is a pure function of the word)."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    keys = {} if keys is None else keys
    for si, (ns, ne, para, terminated, cut) in enumerate(sentence_bounds(norm)):
        rs, re_ = raw_span(norm_map, ns, ne)
        first = len(tokens)
        for m in TOKEN_RE.finditer(norm, ns, ne):
            ms, me = m.span()
            ts, te = norm_map[ms], norm_map[me - 1] + 1
            w = m.group()
            if len(w) == 1 and not w.isalnum():
                k = "" if w in TRANSPARENT else BOUNDARY_KEY
            else:
                k = keys.get(w)
                if k is None:
                    k = keys[w] = key(w)
            tokens.append(Token(ts, te, raw[ts:te], w, k, si, ms, me, w.lower()))
        n_words = sum(1 for t in tokens[first:] if t.key and t.key != BOUNDARY_KEY)
        headline = not terminated and not cut and n_words <= 25
        sentences.append(Sentence(rs, re_, raw[rs:re_], ns, ne, para, headline, first, len(tokens), cut))
    return sentences, tokens
