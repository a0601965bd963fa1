"""English sentences as the event layer reads them: subject and object by position, the rest by
preposition, the verb group before the trigger.

For a verb trigger the subject before it is the actor side, the noun phrase right after it the
object, and a phrase after a preposition takes that preposition's class (grammar.yaml); a passive
("was invited by X") swaps subject and by-phrase. A noun trigger ("Russia's attack on Ukraine",
"U.S. sanctions", "his visit to India") takes its actor from the possessive, adjective or name
before it, unless a light verb governs it ("held talks with", "expressed support for"): then the
verb's subject acts. Modality comes from the verb group before the trigger (will, to, not, had),
habitual cues in the clause, and a date after publication; "if"/"unless" clauses yield nothing.
"""

from __future__ import annotations

from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import ACTOR_KINDS, Argument, Predicate, SentenceView
from ghatna.lang.en.clauses import PREP_FORMS, EnglishSentence
from ghatna.lang.en.syntax import english_syntax, possessive_end
from ghatna.lang.grammar import Grammar
from ghatna.model import NO_DATE, Document, Entity, EventDate, Mention, TimeMention, date_of, publication_date

TAIL_WORDS = 5
VERB_GROUP = 6
GOVERNOR_GAP = 6  # words between a speech act and the infinitive or gerund it governs
# acts done by saying: a noun alone ("the pledge", "threats") reports one, it does not perform it
SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})
ADJECTIVE_RECURRENCES = frozenset({"annual", "biannual", "biennial", "yearly", "monthly", "weekly", "regular"})
SUBJECT_PRONOUNS = frozenset({"we", "they", "he", "she", "it", "i", "you"})
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# a speech act governs what follows "to" (an infinitive) or "of"/"against"/"from" (a gerund)
COMPLEMENT_WORDS = frozenset({"to", "of", "against", "from"})


class EnglishReader:
    """The English syntax the event layer needs (see events/reading.py)."""

    tail_reach = TAIL_WORDS

    def __init__(self, gram: Grammar) -> None:
        self.gram = gram
        self.syn = english_syntax()

    def view(self, doc: Document, si: int, mentions: list[Mention], times: list[TimeMention],
             trigger_starts: dict[int, int]) -> EnglishSentence:
        return EnglishSentence(doc, si, self.gram, self.syn, mentions, times, trigger_starts)

    # -- the trigger and its verb group -------------------------------------------------------

    def predicate(self, sv: SentenceView, t0: int, t1: int) -> Predicate:
        assert isinstance(sv, EnglishSentence)
        toks = sv.toks
        left, right = sv.clause(t0, t1)
        tail = [j for j in range(t1, right) if toks[j].key][:TAIL_WORDS]
        light = self._light_verb(sv, t0, left)
        nominal = light is None and self._nominal(sv, t0, t1, left)
        p = Predicate(t0, t1, left, right, nominal=nominal, tail=tail, light=light)
        p.passive = not nominal and self._passive(sv, t0, left)
        p.own = self._own_mention(sv, t0, t1)
        nxt = min((s for s in sv.trigger_starts if s >= t1), default=sv.b)
        p.stop = nxt if nxt < sv.b and toks[nxt - 1].form == "to" else right
        p.governor = self._governor(sv, t0, t1)
        if p.governor is None and nominal:
            p.governor = self._object_governor(sv, t0)
            p.object_of = p.governor is not None
        return p

    @staticmethod
    def _own_mention(sv: SentenceView, t0: int, t1: int) -> Mention | None:
        """The agent a trigger is part of ("demonstrators" is both)."""
        for m in sv.mentions:
            if m.kind in ("agent", "group") and m.tok_start <= t0 and t1 <= m.tok_end:
                return m
        return None

    def _governor(self, sv: SentenceView, t0: int, t1: int) -> int | None:
        """"threatened to impose sanctions", "urged Iran to hold talks", "accused X of attacking",
        "demanded that Y withdraw": the trigger before that governs this one as its content."""
        toks = sv.toks
        prev = [s for s, e in sv.trigger_starts.items() if e <= t0]
        if not prev:
            return None
        g = max(prev)
        gap = sv.word_indices(sv.trigger_starts[g], t0)
        if not gap or len(gap) > GOVERNOR_GAP or any(toks[j].key == "|" and toks[j].norm not in (",",)
                                                     for j in range(sv.trigger_starts[g], t0)):
            return None
        last = toks[gap[-1]].form
        if last == "to" or (last in COMPLEMENT_WORDS and toks[t0].form.endswith("ing")):
            return g
        if any(toks[j].form == "that" for j in gap):
            return g
        return None

    def _object_governor(self, sv: EnglishSentence, t0: int) -> int | None:
        """"demanded an apology", "called for a ceasefire", "rejected talks": a noun trigger right
        after another trigger (a determiner or "for" between) is that one's object."""
        prev = [s for s, e in sv.trigger_starts.items() if e <= t0]
        if not prev:
            return None
        g = max(prev)
        gap = sv.word_indices(sv.trigger_starts[g], t0)
        if len(gap) > 2 or any(sv.toks[j].form not in self.syn.determiners and sv.toks[j].form != "for"
                               for j in gap):
            return None
        return g

    def directive(self, sv: SentenceView, p: Predicate) -> bool:
        """"told X to …", "said X should …": an infinitive or a modal of obligation follows."""
        words = [sv.toks[j].form for j in sv.word_indices(p.t1, min(sv.b, p.t1 + 8))]
        return "to" in words or any(w in ("should", "must") for w in words)

    def blocked(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> bool:
        assert isinstance(sv, EnglishSentence)
        if sv.is_conditional(p.t0):
            return True
        if p.nominal and cls.type in SPEECH_ACTS and p.own is None:
            return True  # "threats posed by militias", "its earlier pledge": a mention, not the act
        before = [sv.toks[j].form for j in sv.word_indices(max(p.left, p.t0 - 2), p.t0)]
        if before[-2:] in (["not", "to"], ["never", "to"]):
            return True  # "warned X not to threaten": a demand, not an event
        return self._bare_participle(sv, p.t0, p.t1)  # "others killed in the strike": no actor named

    # -- arguments ------------------------------------------------------------------------------

    def arguments(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Argument]:
        assert isinstance(sv, EnglishSentence)
        toks = sv.toks
        t0, t1, left, right = p.t0, p.t1, p.left, p.right
        nxt = min((s for s in sv.trigger_starts if s >= t1), default=sv.b)
        limit = min(right, nxt)
        classes: list[tuple[str, Mention]] = []
        passive = p.passive
        if p.own is not None:
            classes.append(("subj", p.own))
        if p.nominal:
            classes.extend(self._modifiers(sv, t0, left))
            # only those who take part in a meeting, a call or a visit did what the framed clause
            # says; "police fired … during a rally" did not rally
            if not classes and cls.type == "CONSULT" and (prep := self._framing_preposition(sv, t0, left)) is not None:
                classes.extend(self._host_clause(sv, p, prep))
        elif (patient := self._reduced_relative(sv, t0, t1)) is not None:
            passive = True
            classes.append(("subj", patient))
        else:
            head = p.light if p.light is not None else t0
            subj = self._participle_subject(sv, t0) or self._infinitive_subject(sv, t0) or sv.subject(left, head, t1)
            if not subj and toks[t1 - 1].form.endswith("ing") and p.light is None:
                subj = sv.following_subject(t1, right)
            classes.extend(("subj", m) for m in subj)
            if not subj and (owner := self._subject_owner(sv, left, head)) is not None:
                classes.append(("by", owner))  # "China's actions were unacceptable": the owner's doing
            if p.light is not None:
                classes.extend(c for c in self._modifiers(sv, t0, p.light + 1) if c[0] == "by")
            if not passive:
                classes.extend(("obj", m) for m in sv.objects(t1, limit))
        for m in sv.mentions:
            if m.case is None or not sv.in_clause(m, left, right, t0) or (t0 <= m.tok_start < t1) \
                    or (sv.is_possessive(m) and not self._owns_unnamed(sv, m)):
                continue  # "with his counterpart": "his" is not the partner
            if m.tok_start >= t1 and m.tok_end <= limit:
                if m.case == "by" and not (passive or p.nominal):
                    continue  # "stressed transparency about activities by the PRC military"
                classes.append((m.case, m))
            elif m.tok_end <= t0 and m.case in ("in", "at"):
                classes.append((m.case, m))
        for m in sv.mentions:  # "condemned Russia's attack", "appreciation for Italy's support"
            # (inside a gapped phrase too: "wrote off Somalia's … debt")
            after = min(t1, m.tok_start)
            if sv.is_possessive(m) and t0 < m.tok_start < limit and m.kind in ACTOR_KINDS and m.kind != "pronoun" \
                    and len(sv.word_indices(after, m.tok_start)) <= 2 \
                    and not any(after <= x.tok_start < m.tok_start for x in sv.mentions):
                classes.append(("owner", m))
        for m in sv.mentions:
            if m.kind in ACTOR_KINDS and self.gram.victim_markers.match(toks, m.tok_end, sv.b):
                classes.append(("victim", m))
        p.passive = passive
        out = []
        for marker, m in classes:
            if m.kind == "adjective" and marker not in ("adj", "obj", "victim") and any(
                    x.tok_start >= m.tok_end and len(sv.word_indices(m.tok_end, x.tok_start)) <= 3
                    for x in sv.mentions if x is not m):
                continue  # "with his Russian counterpart Sergey Lavrov": the name is the partner
            if passive and marker in ("subj", "by"):
                marker = "obj" if marker == "subj" else "subj"
            out.append(Argument(marker, m))
        return out

    def _framing_preposition(self, sv: EnglishSentence, t0: int, left: int) -> int | None:
        """The preposition of a phrase around a noun trigger that frames a clause ("In a meeting
        with …, X said", "X … during a telephone call"), over determiners and modifiers."""
        toks = sv.toks
        for j in reversed(sv.word_indices(max(sv.a, t0 - 4), t0)):
            f = toks[j].form
            if f in self.gram.framing_prepositions:
                return j
            if toks[j].key == "|" or f in PREP_FORMS or any(m.tok_start <= j < m.tok_end for m in sv.mentions) \
                    or not (f in self.syn.determiners or toks[j].text.islower()) or self.syn.is_verb_form(f):
                return None
        return None

    def _host_clause(self, sv: EnglishSentence, p: Predicate, prep: int) -> list[tuple[str, Mention]]:
        """The framed clause's subject (subj) and the people its verb is addressed to (with)."""
        if not sv.word_indices(p.left, prep):  # fronted: "In a meeting with X, the President said"
            return [("subj", m) for m in sv.following_subject(p.t1, sv.b)]
        subj = sv.subject(p.left, prep, prep + 1)
        if not subj or any(m.tok_start >= prep for m in subj):
            return []
        after = max(m.tok_end for m in subj)
        others = [m for m in sv.mentions if after <= m.tok_start and m.tok_end <= prep and m.kind in ACTOR_KINDS
                  and m.kind != "adjective" and m.case in (None, "to") and not sv.is_possessive(m)]
        return [("subj", m) for m in subj] + [("with", m) for m in others]

    def subject_elsewhere(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Entity]:
        return []  # the English subject search already looks beyond the clause (sv.subject)

    def speaker(self, sv: SentenceView, p: Predicate) -> list[Entity]:
        """"X said (that) …": the subject of the verb of saying that opens the trigger's clause."""
        assert isinstance(sv, EnglishSentence)
        toks = sv.toks
        j = p.left - 1
        while j >= sv.a and (not toks[j].key or toks[j].form == "that"):
            j -= 1
        if j < sv.a or toks[j].form not in self.gram.speech_verbs:
            return []
        pl, _ = sv.clause(j, j + 1)
        cands = [m for m in sv.mentions if pl <= m.tok_start and m.tok_end <= j and sv.unmarked(m)]
        return list(cands[-1].entities) if cands else []

    reported_by = speaker

    def that_clause_subject(self, sv: SentenceView, p: Predicate) -> list[Entity]:
        """"X alleged that Y …": the subject of the that-clause after the trigger."""
        assert isinstance(sv, EnglishSentence)
        if p.right >= sv.b or sv.toks[p.right].form != "that":
            return []
        nl, nr = sv.clause(p.right + 1, p.right + 1)
        cands = [m for m in sv.mentions if nl <= m.tok_start and m.tok_end <= nr and sv.unmarked(m)]
        return list(cands[0].entities) if cands else []

    # -- modality and date ----------------------------------------------------------------------

    def _verb_group(self, sv: EnglishSentence, t0: int, left: int) -> list[int]:
        """Indices of the words right before the trigger, back to a name or punctuation."""
        out: list[int] = []
        j = t0 - 1
        while j >= left and len(out) < VERB_GROUP:
            t = sv.toks[j]
            if t.key == "|" or any(m.tok_start <= j < m.tok_end for m in sv.mentions):
                break
            if t.key:
                out.append(j)
            j -= 1
        return out[::-1]

    def modality(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> str:
        assert isinstance(sv, EnglishSentence)
        toks, gram = sv.toks, self.gram
        vg = self._verb_group(sv, p.t0, p.left)
        forms = [toks[j].form for j in vg]
        neg = [k for k, f in enumerate(forms) if f in gram.negation and k >= len(forms) - 4
               and not (k + 1 < len(forms) and forms[k + 1] == "only")]  # "not only supported"
        if neg or any(toks[j].form == "t" and toks[j - 1].norm in ("'", "’") for j in vg[-3:]):  # "didn't"
            return "negated"
        if cls.modality:
            return cls.modality
        vstart = vg[0] if vg else p.t0
        if any(gram.future_words.match(toks, j, p.t0 + 1) for j in range(vstart, p.t0)):
            return "future"
        after = sv.word_indices(p.t1, min(p.right, p.t1 + 6))
        if p.nominal and any(toks[j].form in ("later", "next") and gram.future_words.match(toks, j, p.right)
                             for j in after):
            return "future"  # "the summit later that day"
        if forms and forms[-1] == "to" and not p.nominal and not toks[p.t0].form.endswith(("s", "ed", "ing")) \
                and (len(forms) < 2 or forms[-2] != "used"):
            return "future"
        if any(gram.habitual_cues.match(toks, j, p.right) for j in range(p.left, p.right) if toks[j].key):
            return "habitual"
        return "actual"

    def date(self, sv: SentenceView, p: Predicate, modality: str) -> tuple[EventDate, str | None]:
        """The date nearest the trigger in its clause, not past its stop (an infinitive with dates
        of its own: "invited X to visit in February"), or one fronted before the clause ("On
        Monday, after the talks, …")."""
        assert isinstance(sv, EnglishSentence)
        t0, left, right = p.t0, p.left, p.right
        recurrence = None
        best, best_d = None, 10**9
        for tm in sv.times:
            if tm.kind == "recurrence":
                if (p.nominal and 0 <= t0 - tm.tok_end <= 4) or tm.text.lower() in ADJECTIVE_RECURRENCES:
                    continue  # "the annual summit": one meeting of a series
                if left <= tm.tok_start < right or modality == "habitual":
                    recurrence = tm.recurrence
                continue
            if tm.kind != "date" or tm.value is None or sv.region_of(tm.tok_start) != sv.region_of(t0):
                continue  # not a date of the relative clause around or beside it
            if t0 <= tm.tok_start < min(right, p.stop or right):
                d = tm.tok_start - t0
            elif left <= tm.tok_start < t0 and self._before_verb(sv, tm.tok_end, left, t0):
                d = t0 - tm.tok_start
            elif tm.tok_end <= left and self._fronted(sv, tm.tok_start, tm.tok_end, left):
                d = 1000 + t0 - tm.tok_start
            else:
                continue
            if d < best_d:
                best, best_d = tm, d
        if best is not None:
            return date_of(best), recurrence
        if modality in ("habitual", "future") or recurrence:
            return NO_DATE, recurrence
        toks = sv.toks
        vg = [toks[j].form for j in self._verb_group(sv, t0, left)]
        if any(f in self.gram.past_perfect for f in vg) or any(
                self.gram.earlier_cues.match(toks, j, right) for j in range(left, right) if toks[j].key):
            return NO_DATE, None
        return publication_date(sv.doc.article.published), None

    @staticmethod
    def _before_verb(sv: EnglishSentence, end: int, left: int, t0: int) -> bool:
        """A date before the trigger is its own when it opens the clause ("On Monday, X met") or
        stands right before it ("X today met"), not when another verb comes between."""
        if len(sv.word_indices(end, t0)) <= 2:
            return True
        return not any(left <= m.tok_start < end and sv.unmarked(m) for m in sv.mentions)

    def _fronted(self, sv: EnglishSentence, start: int, end: int, left: int) -> bool:
        """A date opening the sentence ("On Monday, after the talks, X …")."""
        if len(sv.word_indices(sv.a, start)) > 1 or any(m.tok_end <= end and sv.unmarked(m) for m in sv.mentions):
            return False
        brk = sv.toks[left - 1].form if left > sv.a else ""
        return brk not in self.gram.speech_verbs and brk != "that"

    # -- what kind of trigger ---------------------------------------------------------------

    def _participle_subject(self, sv: EnglishSentence, t0: int) -> list[Mention]:
        """"tweets by Trump threatening Iran": an -ing verb right after a name is that name's;
        "thanked Romania for hosting …": after "for", the object of the verb before."""
        if not sv.toks[t0].form.endswith("ing"):
            return []
        prev = [j for j in sv.word_indices(max(sv.a, t0 - 4), t0)
                if sv.toks[j].form not in self.syn.adverbs and not sv.toks[j].form.endswith("ly")]
        if not prev:
            return []
        if sv.toks[prev[-1]].form in ("for", "of"):  # "thanked X for hosting", "accused X of shelling"
            objs = [m for m in sv.mentions if m.tok_end <= prev[-1] and sv.unmarked(m)]
            return objs[-1:] if len(objs) > 1 else []  # the first is the subject of "thanked"
        m = next((m for m in sv.mentions if m.tok_start <= prev[-1] < m.tok_end), None)
        return [m] if m is not None and m.kind in ACTOR_KINDS and not sv.is_possessive(m) else []

    @staticmethod
    def _infinitive_subject(sv: EnglishSentence, t0: int) -> list[Mention]:
        """"an invitation for President Biden to visit": the name right before "to" is the subject."""
        prev = sv.word_indices(max(sv.a, t0 - 1), t0)
        if not prev or sv.toks[prev[-1]].form != "to":
            return []
        m = next((m for m in sv.mentions if m.tok_end == prev[-1]), None)
        return [m] if m is not None and m.case == "for" and m.kind in ACTOR_KINDS else []

    def _bare_participle(self, sv: EnglishSentence, t0: int, t1: int) -> bool:
        toks = sv.toks
        if not (toks[t0].form.endswith("ed") or toks[t0].form in self.syn.past_forms) or t0 == sv.a:
            return False
        prev = sv.word_indices(max(sv.a, t0 - 1), t0)
        nxt = sv.word_indices(t1, min(sv.b, t1 + 1))
        if not prev or not nxt or toks[nxt[0]].form not in ("in", "by", "during", "on", "at"):
            return False
        p = toks[prev[-1]]
        return p.text.isalpha() and p.text.islower() and p.form.endswith("s") \
            and not any(m.tok_start <= prev[-1] < m.tok_end for m in sv.mentions) \
            and p.form not in self.syn.auxiliaries and p.form not in self.syn.be_forms \
            and p.form not in self.syn.light_verbs and p.form not in self.syn.adverbs

    def _reduced_relative(self, sv: EnglishSentence, t0: int, t1: int) -> Mention | None:
        """"the release of activists detained on charges": a participle right after a name in a
        prepositional phrase, with no object, is a passive whose subject is that name."""
        if not sv.toks[t0].form.endswith("ed") or t0 == sv.a:
            return None
        prev = sv.word_indices(max(sv.a, t0 - 1), t0)
        m = next((m for m in sv.mentions if prev and m.tok_start <= prev[-1] < m.tok_end), None)
        if m is None or m.case is None or m.kind not in ACTOR_KINDS:
            return None
        nxt = sv.word_indices(t1, min(sv.b, t1 + 1))
        if nxt and sv.toks[nxt[0]].form not in PREP_FORMS and sv.toks[nxt[0]].key != "|":
            return None
        # a reduced relative leaves the clause another verb ("the release of activists detained
        # on charges was welcomed"); with none the participle is the clause's own verb ("Students
        # in Bangladesh protested against …")
        left, right = sv.clause(t0, t1)
        named = {j for x in sv.mentions for j in range(x.tok_start, x.tok_end)}
        syn = self.syn
        verbs = [j for j in sv.word_indices(left, right) if not t0 <= j < t1 and j not in named
                 and (syn.is_verb_form(sv.toks[j].form) or sv.toks[j].form in syn.auxiliaries
                      or sv.toks[j].form in syn.be_forms)]
        return m if verbs else None

    def _light_verb(self, sv: EnglishSentence, t0: int, left: int) -> int | None:
        """Index of a light verb governing a noun trigger ("held talks", "expressed his strong
        support", "reaffirmed the United States’ support", "reiterated U.S. support", "is on a
        two-day visit")."""
        j, words = t0 - 1, 0
        while j >= left and words < 4:
            t = sv.toks[j]
            if not t.key:
                j -= 1
                continue
            inside = next((m for m in sv.mentions if m.tok_start <= j < m.tok_end), None)
            if inside is not None:
                # a possessive, or a name or demonym right before the noun, is part of its phrase
                modifier = inside.kind in ("country", "adjective", "organization") and words == 0
                if not (sv.is_possessive(inside) or modifier):
                    return None
                j, words = inside.tok_start - 1, words + 1
                continue
            if t.form in self.syn.light_verbs and not self._after_possessive(sv, j):
                return j  # (but "Italy's continued support", "his renewed call": a participle modifier)
            if t.form == "on":  # "X is / will be on a visit to Y": the verb "be" carries the noun
                k = j - 1
                while k >= left and not sv.toks[k].key:
                    k -= 1
                return k if k >= left and sv.toks[k].form in self.syn.be_forms else None
            if t.key == "|" or t.form in PREP_FORMS or t.form in self.gram.coordinators \
                    or (self.syn.is_verb_form(t.form) and not t.form.endswith("ing")):
                return None  # "has rejected the allegations": another verb governs the noun
            if not (t.form in self.syn.noun_markers or (t.text.isalpha() and t.text.islower())):
                return None
            words += 1
            j -= 1
        return None

    @staticmethod
    def _after_possessive(sv: EnglishSentence, j: int) -> bool:
        """Does a possessive ("Italy's", "his", "their") stand right before the word at j?"""
        prev = sv.word_indices(max(sv.a, j - 3), j)
        if not prev:
            return False
        t = sv.toks[prev[-1]]
        if t.form in POSSESSIVE_DETERMINERS:
            return True
        return t.form == "s" and len(prev) > 1 and sv.toks[prev[-1] - 1].norm in ("'", "’")

    def _nominal(self, sv: EnglishSentence, t0: int, t1: int, left: int) -> bool:
        """Is the trigger a noun ("the visit", "his trip", "Russian attack", "his India visit")
        rather than a verb ("Russia attacked", "Modi visits Russia", "Biden spoke")?"""
        toks = sv.toks
        if toks[t0].form in self.syn.be_forms:
            return False  # "… were unacceptable": a copula opens a predicate, never a noun phrase
        prev_idx = sv.word_indices(max(left, t0 - 3), t0)
        # an adverb before a verb ("Japan strongly supports …", "firmly backs") says nothing of
        # the word class: look past it ("the recently announced visit" still finds "the")
        start = t0
        while prev_idx and self.syn.is_adverb(toks[prev_idx[-1]].text, toks[prev_idx[-1]].form):
            start = prev_idx.pop()
            prev_idx = prev_idx or sv.word_indices(max(left, start - 3), start)
        prev = [toks[j] for j in prev_idx]
        if start <= left or not prev:  # clause-initial: "Talks between X and Y", "…, and discussed"
            brk = sv.toks[left - 1].form if left > sv.a else ""
            return brk not in self.gram.coordinators and brk not in ("who", "which") \
                and not self.syn.is_verb_form(toks[t0].form)
        last = prev[-1]
        if last.form == "to":  # "to visit", "to hold talks" (an infinitive) but "invited to talks"
            return toks[t0].form.endswith("s") and t1 - t0 == 1
        first = toks[t0].form
        if last.form in PREP_FORMS:  # "after talks", but "after meeting Modi" is a verb with its object
            return not (first.endswith("ing") and self._object_follows(sv, t1))
        named = any(m.tok_start <= prev_idx[-1] < m.tok_end and m.kind == "person" for m in sv.mentions)
        if last.form in self.syn.noun_markers and not named:  # "the meeting" (not "Secretary of State met")
            return True
        if self.syn.is_verb_form(first):
            return False  # "Macron on Friday warned", "X, who …, met Y", "militants killing civilians"
        if last.key == "|":
            return True
        at = prev_idx[-1]
        before = next((m for m in sv.mentions if m.tok_start <= at < possessive_end(toks, m.tok_end)), None)
        if before is None:
            if last.text[:1].isupper() and last.form not in SUBJECT_PRONOUNS:
                return True  # "the Special Summit", "a State Visit" (but "We call on …")
            # "the terror attack", "a joint military exercise": a determiner a word or two back
            for j in reversed(prev_idx[:-1]):
                f = toks[j].form
                if f in self.syn.noun_markers or f in PREP_FORMS:
                    return True
                if not toks[j].text.islower():
                    break
            # a bare form is a verb only after an auxiliary ("will visit", "did not meet", "to hold")
            return last.form not in self.syn.auxiliaries and last.form not in self.syn.be_forms \
                and last.form not in self.gram.negation
        if before.kind == "adjective" or sv.is_possessive(before) or sv.implicit_agent(before):
            return True  # "Russian attack", "Russia's attack", "military build-up"
        if before.kind in ("person", "pronoun"):
            return False  # "the Prime Minister discusses"
        j = before.tok_start - 1  # back over a chain of names ("the U.S.-ASEAN Summit")
        while j >= left and (not toks[j].key or any(m.tok_start <= j < m.tok_end and not sv.is_possessive(m)
                                                     for m in sv.mentions)):
            j -= 1
        if j < left:
            return False
        return toks[j].form in self.syn.noun_markers or toks[j].form in PREP_FORMS \
            or any(sv.is_possessive(m) for m in sv.mentions if m.tok_start <= j < possessive_end(toks, m.tok_end))

    @staticmethod
    def _owns_unnamed(sv: EnglishSentence, m: Mention) -> bool:
        """A country's possessive before a head no dictionary names takes the phrase's preposition
        ("in Russia's Ryazan region", "on Iran's nuclear sites"); not a pronoun, nor before a name
        ("with Russia's foreign minister": the minister is the partner)."""
        if m.kind not in ("country", "organization"):
            return False
        nxt = possessive_end(sv.toks, m.tok_end)
        return not any(x.tok_start == nxt for x in sv.mentions)

    @staticmethod
    def _subject_owner(sv: EnglishSentence, left: int, head: int) -> Mention | None:
        """The owner of a subject no dictionary names ("Russia's recent threats are …"): a
        possessive opening the clause, a few words before the verb, no other name between."""
        before = [m for m in sv.mentions if left <= m.tok_start and m.tok_end <= head]
        if not before or not sv.is_possessive(before[0]) or before[0].kind == "pronoun" and len(before) > 1:
            return None
        owner = before[0]
        words = sv.word_indices(possessive_end(sv.toks, owner.tok_end), head)
        first = sv.word_indices(left, owner.tok_start)
        return owner if len(before) == 1 and 0 < len(words) <= 4 and len(first) <= 1 else None

    @staticmethod
    def _object_follows(sv: EnglishSentence, t1: int) -> bool:
        nxt = sv.word_indices(t1, min(sv.b, t1 + 2))
        if not nxt:
            return False
        t = sv.toks[nxt[0]]
        if t.form in ("the", "a", "an", "his", "her", "their", "its"):
            return True
        if any(m.tok_start == nxt[0] for m in sv.mentions):
            return True
        return t.text.isalpha() and t.text.islower() and t.form not in PREP_FORMS and t.form not in ("and", "or")

    def _passive(self, sv: EnglishSentence, t0: int, left: int) -> bool:
        if sv.toks[t0].form.endswith("ing"):
            return False
        j = t0 - 1
        while j >= left:
            t = sv.toks[j]
            if t.key and t.form not in self.syn.adverbs and t.form not in self.gram.negation:
                return t.form in self.syn.be_forms
            j -= 1
        return False

    def _modifiers(self, sv: EnglishSentence, t0: int, left: int) -> list[tuple[str, Mention]]:
        """Noun phrases before a noun trigger: names (cpd: "U.S. sanctions", "U.S.-ASEAN Summit"),
        adjectives (adj: "Israeli air strikes"), and the possessor (by: "Modi's Russia visit")."""
        toks = sv.toks
        out: list[tuple[str, Mention]] = []
        j = t0
        for m in reversed([m for m in sv.mentions if left <= m.tok_start and m.tok_end <= t0]):
            gap = sv.words(possessive_end(toks, m.tok_end), j)
            if len(gap) > 3 or any(t.key == "|" or t.form in PREP_FORMS or t.form in self.gram.coordinators
                                   or not t.text[:1].isalnum() for t in gap):
                break
            if sv.is_possessive(m):
                out.append(("by", m))
                break
            if any(t.text.islower() for t in gap) and m.kind != "adjective":
                break
            if sv.implicit_agent(m):
                j = m.tok_start
                continue  # "a terrorist attack": unidentified attackers are no actor
            out.append(("adj" if m.kind == "adjective" else "cpd", m))
            j = m.tok_start
        return out
