"""The rule-template language of time.yaml.

A template is regex syntax plus three conveniences: ``{slot}`` is a captured piece built from
the lexicon (day, month, weekday, number, ...), ``<list>`` is any word of a named list, and a
plain space stands for one or more spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import regex

SLOT = r"\{([a-z][a-z_0-9]*)\}"
LIST = r"(?<!\(\?)(?<!\(\?P)<([a-z_]+)>"  # not the "(?<name>" of a named group
# What ``leading`` and the tagger's pre-filter call a word: a run of letters and marks, or digits.
TOKEN = r"[\p{L}\p{M}]+|[0-9]+"


class GrammarError(ValueError):
    """A time.yaml rule names a slot or list that does not exist, or is not valid regex."""


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first, inner spaces matching any run of spaces."""
    unique = sorted({" ".join(w.split()) for w in words}, key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in w.split(" ")) for w in unique) + ")"


def expand(template: str, slots: Mapping[str, str], lists: Mapping[str, tuple[str, ...]]) -> str:
    """Replace ``{slot}``, ``<list>`` and plain spaces in a rule template."""

    def slot(m: regex.Match[str]) -> str:
        try:
            return slots[m.group(1)]
        except KeyError:
            raise GrammarError(f"unknown slot {{{m.group(1)}}} in {template!r}") from None

    def word_list(m: regex.Match[str]) -> str:
        try:
            return words_pattern(lists[m.group(1)])
        except KeyError:
            raise GrammarError(f"unknown list <{m.group(1)}> in {template!r}") from None

    spaced = template.replace(" ", r"\s+")
    return regex.sub(SLOT, slot, regex.sub(LIST, word_list, spaced))


def leading(template: str) -> list[str] | None:
    """What a match of the template can begin with: ``{slot}``, ``<list>`` or literal words.

    Follows optional groups ``(?:...)?`` and alternatives; returns None where the template begins
    in a way not followed here (a character class, an escape, an empty alternative), meaning
    "it could begin anywhere"."""
    out: list[str] = []
    pos = 0
    while pos < len(template):
        piece = regex.compile(f"{SLOT}|{LIST}").match(template, pos)
        if piece:
            return [*out, piece.group()]
        if template.startswith(("(?=", "(?!"), pos):
            pos = _closing(template, pos) + 1
            continue
        if template.startswith("(?:", pos):
            end = _closing(template, pos)
            for alternative in _alternatives(template[pos + 3 : end]):
                first = leading(alternative)
                if first is None:
                    return None
                out += first
            if template[end + 1 : end + 2] not in ("?", "*"):
                return out
            pos = end + 2
            continue
        word = regex.compile(r"[\p{L}\p{M}]+").match(template, pos)
        if word and template[word.end() : word.end() + 1] not in ("?", "*", "{"):
            return [*out, word.group()]
        return None
    return None


def _structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for every character of a regex outside escapes
    and character classes."""
    depth, in_class, i = 0, False, start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def _closing(template: str, pos: int) -> int:
    """Index of the parenthesis closing the group that opens at ``pos``."""
    for i, c, depth in _structure(template, pos):
        if c == ")" and depth == 0:
            return i
    raise GrammarError(f"unbalanced parentheses in {template!r}")


def _alternatives(inner: str) -> list[str]:
    """The top-level ``|``-separated alternatives of a group's inside."""
    parts, start = [], 0
    for i, c, depth in _structure(inner):
        if c == "|" and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    return parts
