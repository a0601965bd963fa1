"""English sentence structure without a parser: clauses, subjects and objects by position.

A clause runs between clause words (that, which, after, but …), speech verbs ("X said Y …"),
semicolons and colons. A relative clause set off by commas (", who … ,") is cut out of the
clause around it. The subject of a verb is the noun phrase right before it (only auxiliaries and
adverbs between: "Lula will soon visit", "invited Lula to visit"), else the clause's first
unmarked noun phrase ("X thanked Y and condemned Z"); coordinated and appositive noun phrases
("X and Y", "X, the foreign minister,") join it.
"""

from __future__ import annotations

from ghatna.events.reading import SentenceView
from ghatna.lang.en.syntax import EnglishSyntax, is_possessive, possessive_end
from ghatna.lang.grammar import Grammar
from ghatna.model import Document, Mention, TimeMention, Token
from ghatna.text.segment import BOUNDARY_KEY

SUBJECT_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun"})
RELATIVE = frozenset({"who", "which", "whom", "whose"})
POSSESSIVE_PRONOUNS = frozenset({"his", "their", "its", "our", "my", "your"})
AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "shall", "should", "could", "can", "may", "might",
                         "must", "did", "does", "do", "to", "t", "not", "never", "also", "ll", "reportedly"})
# verbs of saying that also take a plain object ("announced aid", "warned Iran"): no clause break
NOT_BREAKING = frozenset({"according", "announced", "declared", "warned", "asked", "insisted", "claimed", "posted",
                          "continued", "concluded"})
INLINE_MARKS = frozenset("\"“”‘’«»„'()[]{}/&")


class EnglishSentence(SentenceView):
    """One sentence's tokens, clauses and mentions."""

    def __init__(self, doc: Document, si: int, gram: Grammar, syn: EnglishSyntax,
                 mentions: list[Mention] | None = None, times: list[TimeMention] | None = None,
                 trigger_starts: dict[int, int] | None = None) -> None:
        s = doc.sentences[si]
        super().__init__(
            doc, si, s.tok_start, s.tok_end,
            mentions if mentions is not None else [m for m in doc.mentions if m.sentence == si],
            times if times is not None else [t for t in doc.times if t.sentence == si],
            trigger_starts or {},
        )
        self.gram, self.syn = gram, syn
        self.breaks: list[int] = []
        self.embedded: list[tuple[int, int]] = []  # ", who … ," spans (token range of the clause)
        self.conditional: list[tuple[int, int]] = []
        self._scan()

    # -- structure --------------------------------------------------------------------------

    def _scan(self) -> None:
        toks, gram = self.toks, self.gram
        named = {k for m in self.mentions if m.kind != "pronoun" for k in range(m.tok_start, m.tok_end)}
        j = self.a
        while j < self.b:
            t = toks[j]
            if j in named:  # "United States", "WHO": words of a name are not clause words
                j += 1
                continue
            if t.key == BOUNDARY_KEY:
                if t.norm in (";", ":"):
                    self.breaks.append(j)
                elif t.norm == "," and self._new_clause_after(j):
                    self.breaks.append(j + 1)
                elif t.norm == "," and j + 1 < self.b and gram.nonfinite_tail.match(self.toks, j + 1, self.b):
                    self.breaks.append(j)  # ", underscoring …": a participle clause
                j += 1
                continue
            if not t.key:
                j += 1
                continue
            if t.form == "as" and self._prev_word(j) == "," and any(m.tok_start == j + 1 and m.case is None
                                                                  for m in self.mentions):
                self.breaks.append(j)  # ", as Iran vowed …": a clause of its own with its subject
                j += 1
                continue
            if t.form in gram.conditional_cues:
                self.conditional.append((j, self._next_comma(j + 1)))
            hit = gram.clause_breaks.match(toks, j, self.b)
            if hit:
                if t.form in RELATIVE and self._prev_word(j) == ",":
                    self.embedded.append((j + 1, self._next_comma(j + 1)))
                self.breaks.append(j)
                j += hit[1]
                continue
            if t.form in gram.speech_verbs and t.form not in NOT_BREAKING and self._clause_follows(j + 1):
                self.breaks.append(j)
            j += 1

    def _clause_follows(self, k: int) -> bool:
        """After a verb of saying: a reported clause ("said that …", "said, …", "said Russia
        attacked …"), not an object ("emphasized his commitment", "noted the progress")."""
        while k < self.b and not self.toks[k].key:
            k += 1
        if k >= self.b:
            return True
        t = self.toks[k]
        return t.key == BOUNDARY_KEY or t.form == "that" or any(m.tok_start == k for m in self.mentions)

    def _new_clause_after(self, comma: int) -> bool:
        """", and …" starts a clause unless it continues a list of names ("with X, Y, and Z to …")."""
        k = comma + 1
        if k >= self.b or self.toks[k].form not in ("and", "but", "or"):
            return False
        m = next((m for m in self.mentions if m.tok_start == k + 1), None)
        if m is None:
            return True
        after = self.words(m.tok_end, min(self.b, m.tok_end + 1))
        return bool(after) and after[0].text.isalpha() and after[0].text.islower() \
            and after[0].form not in PREP_FORMS and after[0].form not in self.gram.coordinators

    def _next_comma(self, j: int) -> int:
        while j < self.b and self.toks[j].norm not in (",", ";", ":"):
            j += 1
        return j

    def _prev_word(self, j: int) -> str:
        k = j - 1
        while k >= self.a and not self.toks[k].key:
            k -= 1
        return self.toks[k].norm if k >= self.a else ""

    def region_of(self, t0: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.embedded if s <= t0 < e), None)

    def clause(self, t0: int, t1: int) -> tuple[int, int]:
        region = self.region_of(t0)
        if region is not None:
            left = max([j + 1 for j in self.breaks if region[0] <= j < t0], default=region[0])
            right = min([j for j in self.breaks if t1 <= j < region[1]], default=region[1])
            return left, right
        opening = {s - 1 for s, _ in self.embedded}  # the "who" of ", who … ," belongs to the inner clause
        breaks = [j for j in self.breaks if self.region_of(j) is None and j not in opening]
        left = max([j + 1 for j in breaks if j < t0], default=self.a)
        right = min([j for j in breaks if j >= t1], default=self.b)
        return left, right

    def in_clause(self, m: Mention, left: int, right: int, t0: int) -> bool:
        if not (left <= m.tok_start and m.tok_end <= right):
            return False
        own = self.region_of(t0)
        return self.region_of(m.tok_start) == own

    def is_conditional(self, t0: int) -> bool:
        return any(s <= t0 < e for s, e in self.conditional)

    def words(self, a: int, b: int) -> list[Token]:
        return [t for t in self.toks[a:b] if t.key]

    # -- noun phrases around a verb ---------------------------------------------------------

    def is_possessive(self, m: Mention) -> bool:
        if m.kind == "pronoun" and m.text.lower() in POSSESSIVE_PRONOUNS:
            return True
        if m.kind == "pronoun" and m.text.lower() == "her":
            nxt = self.words(m.tok_end, min(self.b, m.tok_end + 2))
            return bool(nxt) and nxt[0].key != BOUNDARY_KEY and nxt[0].form not in self.gram.coordinators \
                and nxt[0].form not in ("to", "that", "for", "on", "in", "with", "as")
        return is_possessive(self.toks, m.tok_end)

    def implicit_agent(self, m: Mention) -> bool:
        """A bare agent word ("terrorist attack", "military aid"): its country is only the
        article's guess, and before a noun it describes rather than names an actor."""
        return m.kind == "agent" and m.tok_end - m.tok_start == 1 and self.toks[m.tok_start].text.islower()

    def unmarked(self, m: Mention) -> bool:
        """A bare noun phrase: no preposition before it, not a possessive modifier."""
        return m.case is None and m.kind in SUBJECT_KINDS and not self.is_possessive(m)

    def subject(self, left: int, t0: int, t1: int) -> list[Mention]:
        """The subject group of the verb at t0 within [left, t0)."""
        cands = [m for m in self.mentions if self.in_clause(m, left, t0, t0) and self.unmarked(m)]
        if not cands:
            return self._antecedent(left, t0)
        last = cands[-1]
        gap = self.words(possessive_end(self.toks, last.tok_end), t0)
        if len(gap) <= 4 and all(self._aux_like(t) for t in gap):
            head = last
        else:
            head = cands[0]
        return self.group(head, cands)

    def _aux_like(self, t: Token) -> bool:
        """May stand between a subject and its verb: auxiliaries, adverbs, "to" ("agreed to")."""
        f = t.form
        if t.key == BOUNDARY_KEY or f in self.gram.coordinators or (f in PREP_FORMS and f != "to"):
            return False
        if f in AUXILIARIES or f in self.syn.adverbs or f in self.syn.be_forms or f in self.gram.negation:
            return True
        return f not in self.syn.determiners and t.text.isalpha() and t.text.islower()

    def group(self, head: Mention, cands: list[Mention]) -> list[Mention]:
        """The head with the noun phrases coordinated or in apposition with it."""
        k = cands.index(head)
        out = [head]
        for step in (-1, 1):
            i = k
            while 0 <= i + step < len(cands):
                a, b = (cands[i + step], cands[i]) if step < 0 else (cands[i], cands[i + step])
                if not self._linked(a, b):
                    break
                i += step
                out.append(cands[i])
        return sorted(out, key=lambda m: m.tok_start)

    def _linked(self, a: Mention, b: Mention) -> bool:
        gap = self.words(a.tok_end, b.tok_start)
        # "X and his counterpart": a possessive determiner opens the second conjunct
        return len(gap) <= 3 and all(t.norm == "," or t.form in self.gram.coordinators
                                     or t.form in ("the", "a", "an", "his", "her", "their", "its") for t in gap)

    def _antecedent(self, left: int, t0: int) -> list[Mention]:
        """No subject of its own: a relative clause's antecedent ("X, who visited …"; "X who met
        …"), else the subject of the clause before ("X spoke with Y, and discussed …")."""
        region = self.region_of(t0)
        start = region[0] - 1 if region is not None else left - 1
        if start > self.a and self.toks[start].form in RELATIVE:
            prev = [m for m in self.mentions if m.tok_end <= start and self.unmarked(m)]
            if prev and len(self.words(prev[-1].tok_end, start)) <= 1:
                return [prev[-1]]
            return []
        if region is not None or left <= self.a:
            return []
        brk = self.toks[left - 1]
        if brk.form == "that" and (noun := self._relative_that(left - 1)) is not None:
            return [noun]  # "a drone strike that killed X": "that" stands for the noun before it
        if brk.form in self.gram.speech_verbs or brk.form in ("that", "because", "which"):
            return []
        pl, _ = self.clause(left - 1, left - 1)
        cands = [m for m in self.mentions if self.in_clause(m, pl, left - 1, pl) and self.unmarked(m)]
        return self.group(cands[0], cands) if cands else []  # that clause's subject, not its object

    def _relative_that(self, that: int) -> Mention | None:
        """The actor a relative "that" stands for: a name right before it, or one word before the
        head noun ("an American drone strike that …"); not after a verb ("said that …")."""
        after = self.words(that + 1, min(self.b, that + 3))
        if len(after) == 2 and (after[0].form in self.syn.be_forms or after[0].form in ("had", "has", "have")) \
                and (after[1].form.endswith(("ed", "en", "wn")) or after[1].form in self.syn.past_forms):
            return None  # "a ship that was seized": the noun suffered the act
        before = self.words(max(self.a, that - 3), that)
        if not before or before[-1].form in self.gram.speech_verbs or before[-1].key == BOUNDARY_KEY \
                or before[-1].form.endswith("ed") or before[-1].form in ("so", "such", "now", "is", "was"):
            return None
        # not a place or a phrase's object ("an airstrike in Baghdad that killed …": not Baghdad)
        prev = [m for m in self.mentions if m.tok_end <= that and m.kind not in ("pronoun", "place")]
        if not prev:
            return None
        m = prev[-1]
        if m.case is not None:
            return None
        gap = self.words(m.tok_end, that)
        if len(gap) > 1 or any(t.key == BOUNDARY_KEY or t.form in PREP_FORMS for t in gap):
            return None
        return m

    def following_subject(self, t1: int, right: int) -> list[Mention]:
        """After a non-finite trigger ("After meeting X, Y said …") the subject after the comma."""
        comma = next((j for j in range(t1, right) if self.toks[j].norm == ","), None)
        if comma is None:
            return []
        cands = [m for m in self.mentions if comma < m.tok_start and m.tok_end <= right and self.unmarked(m)]
        return self.group(cands[0], cands) if cands else []

    def objects(self, t1: int, limit: int) -> list[Mention]:
        """The direct object right after a verb (determiners and modifiers allowed before it)."""
        cands = [m for m in self.mentions if t1 <= m.tok_start and m.tok_end <= limit and m.case is None]
        if not cands:
            return []
        first = cands[0]
        gap = self.words(t1, first.tok_start)
        if len(gap) > 4 or any(t.key == BOUNDARY_KEY or t.form in PREP_FORMS for t in gap):
            return []
        if first.kind == "adjective" and first.tok_end != limit:
            nxt = cands[1] if len(cands) > 1 else None
            if nxt is None or self.words(first.tok_end, nxt.tok_start):
                return []
            first = nxt  # "killed Iranian General X": the demonym qualifies the named person
        if self.implicit_agent(first) and first.tok_end == limit:
            return []  # "condemned the terrorist attack": the attack is the object
        return [m for m in self.group(first, cands) if m.kind != "adjective" or m is first]


PREP_FORMS = frozenset({"with", "between", "by", "to", "on", "upon", "against", "toward", "towards", "for", "about",
                        "regarding", "over", "from", "in", "at", "of", "into", "during", "after", "before", "amid",
                        "including", "under", "through", "via", "as", "like", "among"})
