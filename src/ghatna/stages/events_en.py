"""Events stage for English: triggers from data/lang/en/patterns.yaml, roles by position.

For a verb trigger the subject before it is the actor side, the noun phrase right after it the
object, and a phrase after a preposition takes that preposition's class (grammar.yaml); a passive
("was invited by X") swaps subject and by-phrase. A noun trigger ("Russia's attack on Ukraine",
"U.S. sanctions", "his visit to India") takes its actor from the possessive, adjective or name
before it, unless a light verb governs it ("held talks with", "expressed support for"): then the
verb's subject acts. Modality comes from the verb group before the trigger (will, to, not, had),
habitual cues in the clause, and a date after publication; "if"/"unless" clauses yield nothing.
"""

from __future__ import annotations

from ghatna.lang.patterns import Pattern, PatternSet
from ghatna.model import Document, Entity, Event, Evidence, Mention, dedupe_entities
from ghatna.resources import Resources
from ghatna.stages.en_clauses import PREP_FORMS, EnglishSentence
from ghatna.stages.en_modality import TALK_VERBS, EnglishModality, contains, same_talks, titled_call
from ghatna.stages.en_syntax import english_syntax, possessive_end
from ghatna.stages.events import triggers_by_sentence

ACTOR_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun"})
# a passive with no by-phrase: these acts are the state's ("X was arrested", "Y was released on bail")
STATE_ACTS = {"COERCE": "police", "RETREAT": "government"}
# acts done by saying: a noun alone ("the pledge", "threats") reports one, it does not perform it
SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})
TAIL_WORDS = 5





class EnglishEventTagger(EnglishModality):
    def __init__(self, res: Resources, lang: str = "en") -> None:
        self.gram = res.grammar(lang)
        self.pats: PatternSet = res.patterns(lang)
        self.g = res.gazetteer
        self.syn = english_syntax()

    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        by_sentence = triggers_by_sentence(self.pats.matcher, doc)
        mentions, times = doc.by_sentence()
        for si in range(len(doc.sentences)):
            sv = EnglishSentence(doc, si, self.gram, self.syn, mentions.get(si, []), times.get(si, []))
            found = by_sentence.get(si, [])
            starts = [tm.tok_start for tm in found]
            mine: list[Event] = []
            own_events: list[Event] = []
            for tm in found:
                own = self._own_mention(sv, tm.tok_start, tm.tok_end)
                if own is False:
                    continue
                nxt = min((s for s in starts if s >= tm.tok_end), default=sv.b)
                for entry in tm.entries:
                    evs = self._build(sv, tm.tok_start, tm.tok_end, nxt, self.pats.patterns[entry.ref], own)
                    if evs:
                        (own_events if own is not None else mine).extend(evs)
                        break
            # "Protesters demonstrated": the verb's event already says what the noun does
            mine.extend(e for e in own_events if not any(
                x.type == e.type and {a.id for a in e.actors} <= {a.id for a in x.actors} for x in mine))
            events.extend(sorted(mine, key=lambda e: e.evidence[0].trigger_start))
        doc.events = same_talks(events)
        return doc

    @staticmethod
    def _own_mention(sv: EnglishSentence, t0: int, t1: int) -> Mention | None | bool:
        """The mention a trigger is part of ("demonstrators" is both), None if it is free, False if
        it lies across a name ("Summit" inside "East Asia Summit")."""
        for m in sv.mentions:
            if m.kind == "pronoun" or m.tok_end <= t0 or m.tok_start >= t1:
                continue
            if m.kind in ("agent", "group") and m.tok_start <= t0 and t1 <= m.tok_end:
                return m
            if m.kind == "agent" and t0 <= m.tok_start and m.tok_end <= t1:
                continue  # "military aid", "military exercises": the agent word is a modifier
            return False
        return None

    # ---------------------------------------------------------------------------------------

    def _build(self, sv: EnglishSentence, t0: int, t1: int, next_trigger: int, p: Pattern,
               own: Mention | None) -> list[Event] | None:
        toks = sv.toks
        if sv.is_conditional(t0):
            return None
        left, right = sv.clause(t0, t1)
        ckeys = [t.key for t in sv.words(left, right)]
        present = frozenset(ckeys)
        if p.context and not any(contains(ckeys, c, present) for c in p.context):
            return None
        if any(contains(ckeys, c, present) for c in p.not_context):
            return None
        tail = [j for j in range(t1, right) if toks[j].key][:TAIL_WORDS]
        if p.tail is not None and not any(p.tail.match(toks, j, right) for j in tail):
            return None
        if p.not_tail is not None and tail and p.not_tail.match(toks, tail[0], right):
            return None
        light = self._light_verb(sv, t0, left)
        nominal = light is None and self._nominal(sv, t0, t1, left)
        if nominal and p.type in SPEECH_ACTS and own is None:
            return None  # "threats posed by Iran", "its NATO pledge": a mention, not the act
        before = [toks[j].form for j in sv.word_indices(max(left, t0 - 2), t0)]
        if before[-2:] == ["not", "to"] or before[-2:] == ["never", "to"]:
            return None  # "warned X not to threaten": a demand, not an event
        if self._bare_participle(sv, t0, t1):
            return None  # "others killed in the strike": its subject names no actor
        passive = not nominal and self._passive(sv, t0, left)
        limit = min(right, next_trigger)

        classes: list[tuple[str, Mention]] = []
        if own is not None:
            classes.append(("subj", own))
        if nominal:
            classes.extend(self._modifiers(sv, t0, left))
        elif (patient := self._reduced_relative(sv, t0, t1)) is not None:
            passive = True
            classes.append(("subj", patient))
        else:
            head = light if light is not None else t0
            subj = self._participle_subject(sv, t0) or self._infinitive_subject(sv, t0) or sv.subject(left, head, t1)
            if not subj and toks[t1 - 1].form.endswith("ing") and not light:
                subj = sv.following_subject(t1, right)
            classes.extend(("subj", m) for m in subj)
            if light is not None:
                classes.extend(c for c in self._modifiers(sv, t0, light + 1) if c[0] == "by")
            if not passive:
                classes.extend(("obj", m) for m in sv.objects(t1, limit))
        for m in sv.mentions:
            if m.case is None or not sv.in_clause(m, left, right, t0) or (t0 <= m.tok_start < t1) \
                    or sv.is_possessive(m):
                continue  # "with his counterpart": "his" is not the partner
            if m.tok_start >= t1 and m.tok_end <= limit:
                if m.case == "by" and not (passive or nominal):
                    continue  # "stressed transparency about activities by the PRC military"
                classes.append((m.case, m))
            elif m.tok_end <= t0 and m.case == "in":
                classes.append(("in", m))
        if p.role("victim", "person"):
            for m in sv.mentions:
                if m.kind in ACTOR_KINDS and self.gram.victim_markers.match(toks, m.tok_end, sv.b):
                    classes.append(("victim", m))
        stop = next_trigger if next_trigger < sv.b and toks[next_trigger - 1].form == "to" else right
        return self._assemble(sv, t0, t1, left, right, p, classes, passive, nominal, stop)

    def _assemble(self, sv: EnglishSentence, t0: int, t1: int, left: int, right: int, p: Pattern,
                  classes: list[tuple[str, Mention]], passive: bool, nominal: bool, stop: int) -> list[Event] | None:
        actors: list[Entity] = []
        recipients: list[Entity] = []
        partners: list[Entity] = []
        places: list[Mention] = []
        destination: Mention | None = None
        seen: set[int] = set()
        for cls, m in classes:
            if id(m) in seen:
                continue
            seen.add(id(m))
            if cls == "in" and m.place is not None:
                places.append(m)
            if passive and cls in ("subj", "by"):
                role = p.role("obj" if cls == "subj" else "subj", m.kind)
            else:
                role = p.role(cls, m.kind)
            if role is None:
                continue
            if m.kind == "place":  # a city is only a destination ("visit Moscow", "trip to Moscow")
                if role != "recipient" or cls not in ("obj", "to", "in", "cpd"):
                    continue
                destination = m
            elif m.kind == "adjective" and cls not in ("adj", "obj"):
                continue
            elif m.kind == "country" and role == "recipient" and cls in ("to", "cpd", "obj"):
                destination = m
            target = actors if role == "actor" else partners if role == "partner" else recipients
            target.extend(m.entities)
        actors = dedupe_entities(actors)
        if not p.reciprocal:
            recipients, partners = recipients + partners, []
        recipients = [r for r in dedupe_entities(recipients) if all(r.id != a.id for a in actors)]
        partners = [r for r in dedupe_entities(partners) if all(r.id != a.id for a in actors)]
        if not actors and p.reciprocal and len(partners) >= 2:  # "negotiations between X and Y"
            actors, partners = partners, []
        if not actors and passive and p.type in STATE_ACTS:
            where = next((m.place.country for m in places if m.place is not None and m.place.country), None)
            actors = self._state_actor(p.type, where, recipients)
        if not actors:
            return None
        groups = self._groups(p, actors, partners, recipients)
        if groups is None or (p.type == "CONSULT" and not groups and not recipients):
            return None  # a talk or visit needs two sides
        if groups:
            recipients = []
        modality = self._modality(sv, t0, t1, left, right, p, nominal)
        date, recurrence = self._date(sv, t0, left, right, modality, stop, nominal)
        if recurrence and modality == "actual":
            modality = "habitual"
        pub = sv.doc.article.published
        if modality == "actual" and pub is not None and date.start and date.start > pub.isoformat() \
                and date.basis != "publication":
            modality = "future"
        toks = sv.toks
        s = sv.doc.sentences[sv.si]
        ev = Evidence(s.start, s.end, s.text, toks[t0].start, toks[t1 - 1].end, sv.si)
        location = self._location(places, destination, p)
        mode = self._mode(sv, left, right, p)
        if mode is None and p.type == "CONSULT" and toks[t0].form in TALK_VERBS and titled_call(sv.doc):
            mode = "phone"  # "Readout of the President's Call with …": "spoke with" there is a call
        return [
            Event(type=p.type, mode=mode, modality=modality, actors=list(group), recipients=list(recipients),
                  evidence=[ev], date=date, recurrence=recurrence, location=location, pattern=p.id)
            for group in (groups or [actors])
        ]

    def _groups(self, p: Pattern, actors: list[Entity], partners: list[Entity],
                recipients: list[Entity]) -> list[list[Entity]] | None:
        """Reciprocal events: all sides as actors; one actor meeting counterparts of several
        countries → one event per country. [] when the event is not reciprocal."""
        if p.reciprocal and len(actors) == 1 and partners:
            by_country: dict[str | None, list[Entity]] = {}
            for e in partners:
                by_country.setdefault(e.country, []).append(e)
            return [[actors[0], *grp] for grp in by_country.values()]
        if p.reciprocal or (len(actors) >= 2 and not recipients):
            group = dedupe_entities(actors + partners + recipients)
            if p.reciprocal and p.type == "CONSULT" and len(group) < 2:
                return None
            return [group]
        return []

    def _state_actor(self, etype: str, where: str | None, recipients: list[Entity]) -> list[Entity]:
        """The state where it happened ("detained in Karachi"), else the recipients' own."""
        country = where or next((r.country for r in recipients if r.country), None)
        agent = self.g.agents.get(STATE_ACTS[etype])
        if country is None or agent is None or country not in self.g.countries:
            return []
        return [agent.entity(country, self.g.countries[country].name)]

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
        return m if not nxt or sv.toks[nxt[0]].form in PREP_FORMS or sv.toks[nxt[0]].key == "|" else None

    def _light_verb(self, sv: EnglishSentence, t0: int, left: int) -> int | None:
        """Index of a light verb governing a noun trigger ("held talks", "expressed his strong
        support", "reaffirmed the United States’ support")."""
        j, words = t0 - 1, 0
        while j >= left and words < 4:
            t = sv.toks[j]
            if not t.key:
                j -= 1
                continue
            inside = next((m for m in sv.mentions if m.tok_start <= j < m.tok_end), None)
            if inside is not None:
                if not sv.is_possessive(inside):
                    return None
                j, words = inside.tok_start - 1, words + 1
                continue
            if t.form in self.syn.light_verbs:
                return j
            if t.key == "|" or t.form in PREP_FORMS or t.form in self.gram.coordinators \
                    or (self.syn.is_verb_form(t.form) and not t.form.endswith("ing")):
                return None  # "has rejected the allegations": another verb governs the noun
            if not (t.form in self.syn.noun_markers or (t.text.isalpha() and t.text.islower())):
                return None
            words += 1
            j -= 1
        return None

    def _nominal(self, sv: EnglishSentence, t0: int, t1: int, left: int) -> bool:
        """Is the trigger a noun ("the visit", "his trip", "Russian attack", "his India visit")
        rather than a verb ("Russia attacked", "Modi visits Russia", "Biden spoke")?"""
        toks = sv.toks
        prev_idx = sv.word_indices(max(left, t0 - 3), t0)
        prev = [toks[j] for j in prev_idx]
        if t0 <= left or not prev:  # clause-initial: "Talks between X and Y", "…, and discussed"
            brk = sv.toks[left - 1].form if left > sv.a else ""
            return brk not in self.gram.coordinators and brk not in ("who", "which") \
                and not self.syn.is_verb_form(toks[t0].form)
        last = prev[-1]
        if last.form == "to":  # "to visit", "to hold talks" (an infinitive) but "invited to talks"
            return toks[t0].form.endswith("s") and t1 - t0 == 1
        first = toks[t0].form
        if last.form in PREP_FORMS:  # "after talks", but "after meeting Modi" is a verb with its object
            return not (first.endswith("ing") and self._object_follows(sv, t1))
        if last.form in self.syn.noun_markers:  # "the meeting", "Zelenskyy's meeting with …"
            return True
        if self.syn.is_verb_form(first):
            return False  # "Rouhani on Monday warned", "X, who …, met Y", "militants killing civilians"
        if last.key == "|":
            return True
        at = prev_idx[-1]
        before = next((m for m in sv.mentions if m.tok_start <= at < possessive_end(toks, m.tok_end)), None)
        if before is None:
            if last.text[:1].isupper():
                return True  # "the Special Summit", "a State Visit"
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







