"""English references: prepositions before names, pronouns, pair words, capitals as governments.

English marks a noun phrase's role with the preposition before it, so ``Mention.case`` holds that
preposition's class (grammar.yaml), shared along a coordination ("with X and Y", "between X, Y and
Z") but not across a comma that starts a new clause. he/she prefer the subject of the sentence
(or of the one before), him/her anyone else, they/their a plural subject or the last two persons,
it/its the last country or body; "the two leaders" the last two persons. A capital in subject
position ("Beijing said", "Moscow and Kyiv agreed") stands for that country's government.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from datetime import date

from ghatna.actors.tagger import last_distinct
from ghatna.gazetteer.load import Gazetteer
from ghatna.lang.en.syntax import EnglishSyntax, is_possessive
from ghatna.lang.grammar import Grammar
from ghatna.model import Document, Entity, Mention, Token
from ghatna.stages.quotes import pair_quotes

POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
ACTOR_LIKE = frozenset({"person", "country", "organization", "group", "agent", "pronoun"})


class EnglishReferences:
    """Mixed into the English actor tagger (which provides the dictionary and ``_mention``)."""

    g: Gazetteer
    gram: Grammar
    syn: EnglishSyntax
    prep_words: frozenset[str]
    capitals: dict[str, str]
    trigger_words: frozenset[str]
    _title: list[Entity]
    identity: Callable[[date | None], Callable[[Entity], str]]

    def _pointers(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """he/she → the last person; they/them/their → the last two persons when both were named in
        this or the previous sentence, else the last actor; it/its → the last non-person; "the two
        leaders" → the last two persons."""
        toks = doc.tokens
        covered = {j for m in mentions for j in range(m.tok_start, m.tok_end)}
        quoted: list[tuple[int, int]] = []
        for a, b in sorted(self._quoted(doc)):  # merged, so that nested quotations are one span
            if quoted and a < quoted[-1][1]:
                quoted[-1] = (quoted[-1][0], max(b, quoted[-1][1]))
            else:
                quoted.append((a, b))
        quote_starts = [a for a, _ in quoted]
        firsts = self.gram.pair_words.by_first.keys() | self.gram.pronouns.by_first.keys()
        ordered = list(mentions)  # sorted; pointers found join it, so "they" can point to "the two leaders"
        self._by_sentence: dict[int, list[Mention]] = {}
        for m in ordered:
            self._by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        j = 0
        while j < len(toks):
            if j in covered or toks[j].form not in firsts or _inside(quoted, quote_starts, toks[j].start):
                j += 1
                continue
            pair = self.gram.pair_words.match(toks, j)
            if pair:
                label, n = pair
                kinds = ("person",) if label == "person" else ("country",)
                ents = last_distinct(ordered, j, kinds, 2, self.identity(doc.article.published), _upto(ordered, j))
                if len(ents) == 2:
                    out.append(self._mention(doc, j, j + n, "pronoun", ents))
                    out[-1].case = self._preposition_before(toks, out[-1], None)
                    self._add(ordered, out[-1])
                j += n
                continue
            pron = self.gram.pronouns.match(toks, j)
            # not a letter after an apostrophe ("it's"); a pronoun after a closing quotation mark is one
            if pron and (j == 0 or toks[j - 1].norm not in ("'", "’") or toks[j - 1].end < toks[j].start):
                label, n = pron
                ents = self._antecedents(doc, ordered, j, toks[j].form, label)
                if ents:
                    out.append(self._mention(doc, j, j + n, "pronoun", ents))
                    out[-1].case = self._preposition_before(toks, out[-1], None)
                    self._add(ordered, out[-1])
                j += n
                continue
            j += 1
        return out

    def _add(self, ordered: list[Mention], m: Mention) -> None:
        insort(ordered, m, key=lambda x: x.tok_start)
        insort(self._by_sentence.setdefault(m.sentence, []), m, key=lambda x: x.tok_start)

    def _subject_of(self, doc: Document, si: int, before: int) -> Mention | None:
        """The subject of sentence si before token ``before``: its first unmarked actor, not a
        possessive ("the United States' concern" is not the subject, "concern" is)."""
        toks = doc.tokens
        opening = self._opening_phrase_end(doc, si, before)
        return next((m for m in self._by_sentence.get(si, ()) if opening <= m.tok_start < before
                     and m.kind in ACTOR_LIKE and m.case is None and not is_possessive(toks, m.tok_end)), None)

    def _opening_phrase_end(self, doc: Document, si: int, before: int) -> int:
        """Where the main clause of sentence si begins: after an introductory phrase that opens
        the sentence with no actor and ends at a comma ("Criticising X, he said …", "After
        talks with X, she …": X is no subject). Else the sentence's first token."""
        toks = doc.tokens
        start, end = doc.sentences[si].tok_start, min(before, doc.sentences[si].tok_end, len(toks))
        first = next((k for k in range(start, end) if toks[k].key
                      and toks[k].form not in self.syn.determiners), None)
        if first is None or any(m.tok_start <= first < m.tok_end for m in self._by_sentence.get(si, ())):
            return start  # "US President Joe Biden, …": the sentence opens with its subject
        comma = next((k for k in range(first, end) if toks[k].norm == ","), None)
        return comma + 1 if comma is not None else start

    def _antecedents(self, doc: Document, ordered: list[Mention], j: int, form: str, label: str) -> list[Entity]:
        case, ref = label.split(":")
        if ref == "authors":  # "We reaffirm …" in a joint statement: the parties its title names
            parties = [e for e in self._title if e.kind != "person"]
            return parties if len(parties) >= 2 else []
        if ref == "person" and case == "obj":  # "X spoke to Y and thanked him": not X
            sent = doc.tokens[j].sentence
            first = next((m for m in ordered if m.sentence == sent and m.tok_start < j and m.kind in ACTOR_LIKE
                          and m.case is None), None)
            own = {e.id for e in first.entities} if first is not None else set()
            return [e for e in last_distinct(ordered, j, ("person",), 3, upto=_upto(ordered, j)) if e.id not in own][:1]
        if ref == "person":
            return self._subject_person(doc, j) or last_distinct(ordered, j, ("person",), 1, upto=_upto(ordered, j))
        if form in ("it", "its"):
            bodies = ("country", "organization", "group", "agent")
            first = doc.sentences[doc.tokens[j].sentence].tok_start
            opens = form == "it" and not any(x.key for x in doc.tokens[first:j])  # "It" opens its sentence
            return (self._subject_body(doc, j) if opens else []) or last_distinct(ordered, j, bodies, 1,
                                                                                   upto=_upto(ordered, j))
        sent = doc.tokens[j].sentence
        for si in (sent, sent - 1):  # a plural subject: "The leaders met. They discussed …"
            first = next((m for m in self._by_sentence.get(si, ()) if m.tok_start < j
                          and m.kind in ACTOR_LIKE and m.case is None), None)
            if first is not None and (len(first.entities) >= 2 or first.kind in ("group", "agent")):
                return list(first.entities)
            if si == sent and first is not None:
                break
        # (looking back from j only: the mentions after it are never scanned)
        upto = _upto(ordered, j)
        recent = [m for m in (*self._by_sentence.get(sent - 1, ()), *self._by_sentence.get(sent, ()))
                  if m.tok_start < j]
        persons = last_distinct(recent, j, ("person",), 2)
        last = next((ordered[i] for i in range(upto - 1, -1, -1) if ordered[i].kind in ACTOR_LIKE), None)
        if last is not None and last.kind == "pronoun" and len(last.entities) >= 2:
            return list(last.entities)
        if len(persons) == 2 and last is not None and last.kind not in ("group", "agent"):
            return persons
        return list(last.entities) if last is not None else []

    def _subject_body(self, doc: Document, j: int) -> list[Entity]:
        """"It" opening a sentence is the subject of the one before, when that is a country or a
        body ("China accused Japan. It said …": China)."""
        first = self._subject_of(doc, doc.tokens[j].sentence - 1, j)
        if first is not None and first.kind in ("country", "organization", "group", "agent") and first.entities:
            return first.entities[:1]
        return []

    def _subject_person(self, doc: Document, j: int) -> list[Entity]:
        """he/she/his prefer the subject: a person opening this sentence before the pronoun, else
        the person opening the previous sentence ("Biden spoke with Merkel. He expressed …")."""
        sent = doc.tokens[j].sentence
        for si in (sent, sent - 1):
            first = self._subject_of(doc, si, j)
            if first is not None and first.kind == "person":
                return first.entities[:1]
            if first is not None and first.kind == "pronoun" and len(first.entities) == 1 \
                    and first.entities[0].kind == "person":
                return first.entities[:1]
            if si == sent and first is not None:
                return []
        return []

    @staticmethod
    def _quoted(doc: Document) -> list[tuple[int, int]]:
        """Raw spans inside quotation marks: there "they"/"it" speak for the speaker's side."""
        spans, _ = pair_quotes(doc.norm)
        return [(doc.norm_map[s], doc.norm_map[e]) for s, e in spans]

    def _owned_agents(self, mentions: list[Mention]) -> None:
        """"his administration", "their governments": the agent belongs to the owner's country."""
        for prev, m in zip(mentions, mentions[1:], strict=False):
            if m.kind != "agent" or prev.kind != "pronoun" or prev.tok_end != m.tok_start \
                    or prev.text.lower() not in ("his", "her", "their", "its"):
                continue
            countries = {e.country for e in prev.entities if e.country}
            agent = self.g.agents.get(m.entities[0].id.split(":")[-1]) if m.entities else None
            if agent is not None and len(countries) == 1:
                iso = countries.pop()
                cname = self.g.countries[iso].name if iso in self.g.countries else None
                m.entities = [agent.entity(iso, cname)]

    def _prepositions(self, doc: Document, mentions: list[Mention]) -> None:
        """Mention.case = the class of the preposition before the mention (skipping determiners),
        or the case of the mention it is coordinated with ("with X and Y")."""
        toks = doc.tokens
        inherited: set[int] = set()
        for k, m in enumerate(mentions):
            prev_np = next((mentions[i] for i in range(k - 1, -1, -1)
                            if mentions[i].text.lower() not in POSSESSIVE_PRONOUNS), None)
            m.case, m.case_end = self._preposition_before(toks, m, prev_np), m.tok_end  # "with his counterpart"
            if m.case is not None or k == 0:
                continue
            prev = mentions[k - 1]
            if prev.case is None or prev.sentence != m.sentence:
                continue
            gap = [t for t in toks[prev.tok_end:m.tok_start] if t.key]
            gap = gap[1:] if gap and gap[0].form == "s" else gap  # "X's and Y's"
            if not gap or len(gap) > 3:
                continue
            if m.kind == "person" and prev.kind in ("adjective", "agent", "country") and len(gap) <= 2 \
                    and all(t.text.isalpha() and t.text.islower() and t.form not in self.prep_words for t in gap):
                m.case = prev.case  # "for Syrian army chief Ali Hassan": a title before a name
                inherited.add(id(m))
                continue
            if not all(t.form in self.gram.coordinators or t.norm == "," or t.form in self.syn.determiners
                       or t.text.istitle() for t in gap):  # "with G20 Chair President Lula"
                continue
            if any(t.norm == "," for t in gap) and not self._in_list(toks, m, gap, id(prev) in inherited):
                continue  # "with X, and Y said", "visit to X, the leaders reviewed": Y starts a clause
            m.case = prev.case
            inherited.add(id(m))

    def _preposition_before(self, toks: list[Token], m: Mention, prev: Mention | None) -> str | None:
        j = m.tok_start - 1
        floor = prev.tok_end if prev is not None else 0
        skipped = 0
        while j >= floor and skipped < 4 and (not toks[j].key or toks[j].form in self.syn.determiners
                                               or toks[j].text.isdigit()):
            if toks[j].form == "s" and j > 0 and toks[j - 1].norm in ("'", "’"):
                return None  # "Russia's Lavrov": a possessive, not a preposition
            skipped += bool(toks[j].key)
            j -= 1
        if j < floor or toks[j].form not in self.prep_words and not self._ends_phrase(toks, j):
            return None
        if toks[j].form == "of" and j > 0 and toks[j - 1].form in self.syn.determiners:
            return None  # "thousands of Georgians", "some of the protesters": the phrase's head
        for start in range(max(floor, j - 5), j + 1):
            found = self.gram.postpositions.match(toks, start, j + 1)
            if found and start + found[1] == j + 1:
                return found[0]
        return None

    def _in_list(self, toks: list[Token], m: Mention, gap: list[Token], prev_listed: bool) -> bool:
        """Is m a member of a list "X, Y, and Z" (and not the subject of a new clause)?"""
        if any(t.form in self.gram.coordinators for t in gap):
            return prev_listed  # ", and Z" ends a list only when one was going on
        j = m.tok_end
        while j < len(toks) and not toks[j].key:
            j += 1
        return j < len(toks) and (toks[j].norm == "," or toks[j].form in self.gram.coordinators)

    def _ends_phrase(self, toks: list[Token], j: int) -> bool:
        return toks[j].form in ("of", "to", "with", "behalf")

    def _verb_follows(self, toks: list[Token], m: Mention, timed: frozenset[int] = frozenset()) -> bool:
        """Does a verb follow the mention, past a time phrase ("Beijing on Monday urged")?"""
        j = m.tok_end
        while j < len(toks) and (not toks[j].key or j in timed or (j + 1 in timed and toks[j].form in ("on", "in"))):
            j += 1
        if j >= len(toks) or toks[j].sentence != m.sentence:
            return False
        t = toks[j]
        return t.text.isalpha() and t.text.islower() and t.form not in self.prep_words \
            and t.form not in self.gram.coordinators

    def _opens_clause(self, toks: list[Token], m: Mention) -> bool:
        """Is m where a subject stands: first in its sentence, or after punctuation, a
        conjunction or a clause word?"""
        j = m.tok_start - 1
        while j >= 0 and not toks[j].key:
            j -= 1
        if j < 0 or toks[j].sentence != m.sentence or toks[j].key == "|":
            return True
        f = toks[j].form
        return f in self.gram.coordinators or f in self.gram.speech_verbs or f in ("that", "while", "but", "as")

    def _modifier_agents(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"military communications", "government spokesman": a bare agent word before a noun
        describes that noun; it names no actor (before a trigger noun the events stage decides)."""
        toks = doc.tokens
        starts = {m.tok_start for m in mentions}
        out = []
        for m in mentions:
            j = m.tok_end
            if m.kind == "agent" and m.tok_end - m.tok_start == 1 and toks[m.tok_start].text.islower() \
                    and j < len(toks) and j not in starts and toks[j].sentence == m.sentence:
                t = toks[j]
                if t.text.isalpha() and t.text.islower() and t.form not in self.prep_words \
                        and t.form not in self.gram.coordinators and t.key not in self.trigger_words \
                        and not self.syn.is_verb_form(t.form) and t.form not in self.syn.adverbs \
                        and t.form not in self.syn.auxiliaries and t.form not in self.syn.be_forms \
                        and t.form not in self.syn.light_verbs and t.form not in self.gram.speech_verbs:
                    continue
            out.append(m)
        return out

    def _national_groups(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"Indian fishermen", "the Indian envoy": a country adjective before a noun the dictionary
        lacks names people of that country (not before a trigger noun: "Russian strikes" is an
        attack)."""
        toks = doc.tokens
        starts = {m.tok_start for m in mentions}
        out: list[Mention] = []
        for m in mentions:
            j = m.tok_end
            if m.kind != "adjective" or j >= len(toks) or j in starts or toks[j].sentence != m.sentence:
                continue
            t = toks[j]
            noun = t.text.isalpha() and t.text.islower() and len(t.form) > 3 and t.form not in self.syn.determiners
            if not noun or t.form in self.prep_words or t.key in self.trigger_words or self.syn.is_verb_form(t.form):
                continue
            if any(x.tok_start == j + 1 and x.kind == "person" for x in mentions):
                continue  # "Russian counterpart Sergey Lavrov": a title before a name
            c = m.entities[0]
            ent = Entity(f"{c.country}:{t.form}", f"{c.name} {t.form}", "group", c.country, None, None, None)
            out.append(self._mention(doc, m.tok_start, j + 1, "group", [ent]))
            m.entities = []  # the adjective is now part of the group
        return out

    def _after_participle(self, toks: list[Token], m: Mention) -> bool:
        """Is the "by" before m that of a passive: a past participle right before it?"""
        words = [j for j in range(max(0, m.tok_start - 4), m.tok_start) if toks[j].key]
        return len(words) >= 2 and toks[words[-1]].form == "by" and (
            toks[words[-2]].form.endswith(("ed", "en")) or toks[words[-2]].form in self.syn.past_forms)

    def _metonyms(self, doc: Document, mentions: list[Mention]) -> None:
        """A capital as a subject ("Beijing said", "Moscow and Kyiv agreed", "Washington's
        sanctions") stands for that country's government."""
        toks = doc.tokens
        timed = frozenset(j for t in doc.times for j in range(t.tok_start, t.tok_end))
        for k, m in enumerate(mentions):
            if m.kind != "place" or m.place is None or m.case not in (None, "by"):
                continue
            iso = self.capitals.get(m.place.name)
            gov = self.g.government(iso) if iso is not None else None
            if gov is None:
                continue
            if m.case == "by":  # the agent of a passive ("were released by Beijing") acts
                if self._after_participle(toks, m):
                    m.kind = "organization"
                    m.entities = [gov]
                continue
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if not self._opens_clause(toks, m):
                continue  # "visited Moscow yesterday": a place
            if is_possessive(toks, m.tok_end) or self._verb_follows(toks, m, timed) or (
                    nxt is not None and nxt.kind in ("place", "country", "person", "organization")
                    and [t.form for t in toks[m.tok_end:nxt.tok_start] if t.key] == ["and"]
                    and self._verb_follows(toks, nxt)):
                m.kind = "organization"
                m.entities = [gov]


def _upto(ordered: list[Mention], j: int) -> int:
    """How many of the ordered mentions start before token j (where to look back from)."""
    return bisect_left(ordered, j, key=lambda m: m.tok_start)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Is character pos inside one of the sorted, non-overlapping spans?"""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
