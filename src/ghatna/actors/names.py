"""Names the dictionary does not know, found by the title or honorific in front of them.

"राज्य खेल परिषद के अध्यक्ष रमेश कुलकर्णी ने", "मेजर जनरल थापा ने": up to three
unknown Devanagari words after a title or honorific, followed by a case marker, a comma or a
conjunction, are a person's name. The person gets a romanised English name and the country of the
title ("ब्रिटेन के विदेश मंत्री …"), of a country named just before, or of the article.
"""

from __future__ import annotations

from ghatna.lang.grammar import Grammar
from ghatna.model import Entity, Token
from ghatna.text.keys import key
from ghatna.text.romanize import romanize

MAX_NAME_WORDS = 4
NAME_CASES = frozenset({"ne", "ko", "se", "gen", "by", "with", "against", "towards"})


def _is_devanagari_word(t: Token) -> bool:
    return bool(t.norm) and all("\u0900" <= c <= "\u097f" for c in t.norm)


def loose_key(k: str) -> str:
    """A key that also forgets i-vowel signs: व्लादिमर and व्लादिमीर meet."""
    return k.replace("ि", "")


class NameFinder:
    def __init__(self, gram: Grammar) -> None:
        self.gram = gram
        self.stop = gram.function_words()

    def name_end(self, toks: list[Token], j: int, end: int, covered: set[int]) -> int | None:
        """The end of a name starting at token j, or None when what follows is not a name."""
        k = j
        while k < end and k - j < MAX_NAME_WORDS:
            t = toks[k]
            if k in covered or not _is_devanagari_word(t) or t.form in self.stop:
                break
            k += 1
        if k == j or k >= end:
            return None
        nxt = toks[k]
        if nxt.norm == "," or nxt.form in self.gram.coordinators:
            return k
        case = self.gram.postpositions.match(toks, k, end)
        # a name is an argument: "आम तौर पर" (usually) is not "X पर"
        return k if case is not None and case[0] in NAME_CASES else None

    @staticmethod
    def same_name(known: list[str], toks: list[Token]) -> bool:
        """Does the last word of the found name equal a word of one of the known spellings?"""
        last = loose_key(toks[-1].key)
        return any(loose_key(key(w)) == last for name in known for w in name.split())

    @staticmethod
    def entity(toks: list[Token], country: str | None, office: str | None, sector: str | None) -> Entity:
        raw = " ".join(t.text for t in toks)
        ident = "name:" + "".join(t.key for t in toks)
        return Entity(ident, romanize(raw) or raw, "person", country, sector, office, raw)

    @staticmethod
    def organization(toks: list[Token], country: str | None) -> Entity:
        """A body the dictionary does not know, by its name as written."""
        raw = " ".join(t.text for t in toks)
        ident = "name:" + "".join(t.key for t in toks)
        return Entity(ident, romanize(raw) or raw, "organization", country, None, None, raw)
