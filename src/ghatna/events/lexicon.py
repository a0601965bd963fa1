"""A language's trigger lexicon (data/lang/<lang>/triggers.yaml): verb classes and their words.

Each class is one kind of act ("attack", "condemn", "invite") with its PLOVER type and mode, the
case frame that says where its actor and recipient stand (frames.yaml), and its words: `nouns`
and `verbs` are lemmas, matched in every inflected form the language's rules give; `fixed` are
matched as written. A phrase may hold "…" where a few words may stand ("vowed … revenge" matches
"vowed severe revenge"). Conditions narrow where a class applies: `context`/`not_context` (a
phrase that must / must not be in the clause), `tail`/`not_tail` (a phrase that must / must not
follow the trigger).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any

from ghatna.gazetteer.load import DataError, read_yaml
from ghatna.gazetteer.matcher import Entry, KeyIndex, Match, PhraseMatcher, phrase_key
from ghatna.lang.grammar import SequenceTable, token_keys
from ghatna.lang.inflect import Inflector
from ghatna.model import Document, Token

PLOVER_TYPES = frozenset(
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]
)
GAP = "…"
GAP_WORDS = 2  # words that may stand where a phrase has "…"


def _phrases(xs: list[Any] | None) -> list[tuple[str, ...]]:
    return [k for k in (token_keys(str(x)) for x in xs or []) if k]


@dataclass(slots=True)
class TriggerClass:
    id: str
    type: str
    mode: str | None
    frame: str
    nouns: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    roles: dict[str, str | None] = field(default_factory=dict)  # overrides of the frame
    modality: str | None = None
    context: list[tuple[str, ...]] = field(default_factory=list)
    # mention kinds that also satisfy ``context`` as the act's object ("freed six Americans")
    context_kinds: frozenset[str] = frozenset()
    not_context: list[tuple[str, ...]] = field(default_factory=list)
    tail: SequenceTable | None = None
    not_tail: SequenceTable | None = None
    mode_cues: list[tuple[str, list[tuple[str, ...]]]] = field(default_factory=list)
    that_clause: str | None = None  # role of the subject of a following "कि"/"that" clause
    implicit_actor: str | None = None  # agent id standing in for an unnamed actor at the event's place
    implicit_recipient: str | None = None  # agent id of the actor's own country aimed at when none is named
    speaker_is_actor: bool = False  # in a that-clause without a subject, the speaker acts
    needs_recipient: bool = False  # no event without a recipient
    takes_complement: bool = False  # a speech act whose content is another act ("threatened to attack")
    directive: bool = False  # a verb of saying that requests only when what is said is a directive
    by_civilians: tuple[str, str | None] | None = None  # (type, mode) when civil society does it
    # with --unattributed, an act no doer is named for is still coded: "always", or only in an
    # article that speaks of attacks ("cue": an explosion is an attack only there); None: never
    unattributed: str | None = None
    # the type when the doers are of one country only ("ईरान ने युद्धाभ्यास किया": a show of force)
    # or of two or more ("Russia and China held a naval drill": military exchange)
    alone_type: str | None = None
    joint_type: str | None = None


@dataclass(slots=True)
class TriggerMatch:
    tok_start: int
    tok_end: int  # exclusive; for a gapped phrase, after its last part
    classes: tuple[str, ...]


class GappedMatcher:
    """Phrases with "…" gaps: the first part is found by the phrase matcher, the rest within
    GAP_WORDS words of each other, in the same sentence."""

    def __init__(self) -> None:
        self.rest: dict[str, list[tuple[tuple[tuple[str, ...], ...], str]]] = {}

    def add(self, first_key: str, rest: tuple[tuple[str, ...], ...], cls: str) -> None:
        self.rest.setdefault(first_key, []).append((rest, cls))

    def complete(self, tokens: Sequence[Token], end: int, parts: tuple[tuple[str, ...], ...]) -> int | None:
        sentence = tokens[end - 1].sentence
        pos = end
        for part in parts:
            found = None
            skipped = 0
            j = pos
            while j < len(tokens) and tokens[j].sentence == sentence and skipped <= GAP_WORDS:
                if tokens[j].key and _keys_at(tokens, j, part):
                    found = j
                    break
                if tokens[j].key == "|":
                    return None
                # the "s" of a possessive ("Somalia's") is no word of its own, nor the second half of a
                # hyphenated compound ("a 36-hour ceasefire")
                skipped += bool(tokens[j].key) and not (j > 0 and not tokens[j - 1].key and (
                    tokens[j].key == "s" or (tokens[j - 1].text == "-" and tokens[j - 1].end == tokens[j].start
                                             and tokens[j - 1].start == tokens[j - 2].end)))
                j += 1
            if found is None:
                return None
            pos = _after(tokens, found, len(part))
        return pos


def _keys_at(tokens: Sequence[Token], j: int, part: tuple[str, ...]) -> bool:
    k = j
    for want in part:
        while k < len(tokens) and not tokens[k].key:
            k += 1
        if k >= len(tokens) or tokens[k].key != want:
            return False
        k += 1
    return True


def _after(tokens: Sequence[Token], j: int, n: int) -> int:
    k, seen = j, 0
    while k < len(tokens) and seen < n:
        if tokens[k].key:
            seen += 1
        k += 1
    return k


@dataclass(slots=True)
class TriggerLexicon:
    lang: str
    classes: dict[str, TriggerClass]
    matcher: PhraseMatcher
    gapped: GappedMatcher
    words: frozenset[str] = frozenset()  # every trigger form, as phrase keys joined by spaces

    @classmethod
    def load(cls, lang: str, folder: Traversable, inflector: Inflector) -> TriggerLexicon:
        node = folder / "triggers.yaml"
        return cls.from_dict(lang, read_yaml(node) or {}, inflector, str(node))

    @classmethod
    def from_dict(cls, lang: str, d: dict[str, Any], inflector: Inflector, where: str = "triggers") -> TriggerLexicon:
        classes: dict[str, TriggerClass] = {}
        entries: list[Entry] = []
        gapped = GappedMatcher()
        for c in d.get("classes") or []:
            tc = _trigger_class(c, where)
            if tc.id in classes:
                raise DataError(f"{where}: class id repeated: {tc.id!r}")
            classes[tc.id] = tc
            words = inflector.expand(tc.nouns, "noun") + inflector.expand(tc.verbs, "verb") + tc.fixed
            if not words:
                raise DataError(f"{where}: class {tc.id}: no words")
            for w in dict.fromkeys(words):
                if GAP in w:
                    parts = [p.strip() for p in w.split(GAP)]
                    if not all(parts):
                        raise DataError(f"{where}: class {tc.id}: empty part in {w!r}")
                    entries.append(Entry("gap", tc.id, parts[0]))
                    gapped.add(phrase_key(parts[0]), tuple(token_keys(p) for p in parts[1:]), tc.id)
                else:
                    entries.append(Entry("trigger", tc.id, w))
        words = frozenset(" ".join(token_keys(e.surface)) for e in entries if e.kind == "trigger")
        return cls(lang, classes, PhraseMatcher(entries), gapped, words)

    def single_words(self) -> frozenset[str]:
        """Keys of the one-word triggers (never part of a name)."""
        return frozenset(k for k in self.words if " " not in k)

    def find(self, doc: Document) -> dict[int, list[TriggerMatch]]:
        """Trigger matches of the document in one scan, grouped by sentence."""
        index = doc.key_index if doc.key_index is not None else KeyIndex.build(doc.tokens)
        out: dict[int, list[TriggerMatch]] = {}
        for m in self.matcher.find(doc.tokens, index=index):
            for tm in self._resolve(doc.tokens, m):
                out.setdefault(doc.tokens[tm.tok_start].sentence, []).append(tm)
        for si, found in out.items():
            if len(found) > 1:  # a word inside a gapped phrase is part of it ("extended an … invitation")
                out[si] = [tm for tm in found if not any(
                    o is not tm and o.tok_start <= tm.tok_start and tm.tok_end <= o.tok_end
                    and o.tok_end - o.tok_start > tm.tok_end - tm.tok_start for o in found)]
        return out

    def _resolve(self, tokens: Sequence[Token], m: Match) -> list[TriggerMatch]:
        plain = tuple(dict.fromkeys(e.ref for e in m.entries if e.kind == "trigger"))
        out: list[TriggerMatch] = []
        first = "".join(tokens[j].key for j in range(m.tok_start, m.tok_end))
        for e in m.entries:
            if e.kind != "gap":
                continue
            for rest, cid in self.gapped.rest.get(first, ()):
                if cid != e.ref:
                    continue
                end = self.gapped.complete(tokens, m.tok_end, rest)
                if end is not None:
                    out.append(TriggerMatch(m.tok_start, end, (cid,)))
        if not out and plain:  # a whole gapped phrase wins over its first word alone
            out.append(TriggerMatch(m.tok_start, m.tok_end, plain))
        return out


def _trigger_class(c: dict[str, Any], where: str) -> TriggerClass:
    cid = c.get("id")
    if not cid:
        raise DataError(f"{where}: a class without id")
    if c.get("type") not in PLOVER_TYPES:
        raise DataError(f"{where}: class {cid}: unknown PLOVER type {c.get('type')!r}")
    if not c.get("frame"):
        raise DataError(f"{where}: class {cid}: no frame")
    if c.get("unattributed") not in (None, "always", "cue"):
        raise DataError(f"{where}: class {cid}: unattributed must be 'always' or 'cue'")
    return TriggerClass(
        id=cid,
        type=c["type"],
        mode=c.get("mode"),
        frame=str(c["frame"]),
        nouns=[str(x) for x in c.get("nouns") or []],
        verbs=[str(x) for x in c.get("verbs") or []],
        fixed=[str(x) for x in c.get("fixed") or []],
        roles=dict(c.get("roles") or {}),
        modality=c.get("modality"),
        context=_phrases(c.get("context")),
        context_kinds=frozenset(str(k) for k in c.get("context_kinds") or []),
        not_context=_phrases(c.get("not_context")),
        tail=SequenceTable.build((str(x), "tail") for x in c["tail"]) if c.get("tail") else None,
        not_tail=SequenceTable.build((str(x), "no") for x in c["not_tail"]) if c.get("not_tail") else None,
        mode_cues=[(m, _phrases(v)) for m, v in (c.get("mode_cues") or {}).items()],
        that_clause=c.get("that_clause"),
        implicit_actor=c.get("implicit_actor"),
        implicit_recipient=c.get("implicit_recipient"),
        speaker_is_actor=bool(c.get("speaker_is_actor", False)),
        needs_recipient=bool(c.get("needs_recipient", False)),
        takes_complement=bool(c.get("takes_complement", False)),
        directive=bool(c.get("directive", False)),
        by_civilians=(str(c["by_civilians"]["type"]), c["by_civilians"].get("mode")) if c.get("by_civilians") else None,
        unattributed=c.get("unattributed"),
        alone_type=c.get("alone_type"),
        joint_type=c.get("joint_type"),
    )
