"""Events stage (Hindi and other postpositional languages): triggers, roles, modality, date.

Hindi marks roles with postpositions, so arguments are read without a parser: for each trigger
the clause around it is found (between clause breaks), each actor mention in it gets the role
class of the marker after it (ने, को, से, के साथ, द्वारा, पर, का/की/के, or none), and the
pattern maps classes to actor/recipient. Coordinated mentions ("X, Y और Z से") share the marker
of the last one. The verbal tail after the trigger gives modality (future, habitual, negated);
a conditional clause (यदि/अगर) yields no event.
"""

from __future__ import annotations

from collections.abc import Sequence

from ghatna.gazetteer.matcher import KeyIndex, Match, PhraseMatcher
from ghatna.lang.grammar import Grammar
from ghatna.lang.patterns import Pattern, PatternSet
from ghatna.model import (
    NO_DATE,
    Document,
    Entity,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    TimeMention,
    Token,
    date_of,
    dedupe_entities,
    publication_date,
)
from ghatna.resources import Resources
from ghatna.text.segment import BOUNDARY_KEY

ACTOR_KINDS = frozenset({"person", "country", "organization", "group", "agent", "pronoun"})
TAIL_WORDS = 8
QUOTE_MARKS = frozenset("\"“”‘’«»„'")
INLINE_MARKS = QUOTE_MARKS | frozenset("()[]{}/&")  # inside a clause, not between clauses


def _contains(keys: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` occurs in ``keys``: list.index finds each place its first key is (in C)."""
    if not phrase:
        return True
    first, n = phrase[0], len(phrase)
    i = -1
    while True:
        try:
            i = keys.index(first, i + 1)
        except ValueError:
            return False
        if n == 1 or tuple(keys[i : i + n]) == phrase:
            return True


class _Sentence:
    """One sentence's tokens, clause breaks and mentions, with the shared case of coordinations."""

    def __init__(self, doc: Document, si: int, gram: Grammar, mentions: list[Mention] | None = None,
                 times: list[TimeMention] | None = None) -> None:
        s = doc.sentences[si]
        self.doc, self.si, self.gram = doc, si, gram
        self.a, self.b = s.tok_start, s.tok_end
        toks = doc.tokens
        self.breaks = self._breaks(toks)
        self.mentions = mentions if mentions is not None else [m for m in doc.mentions if m.sentence == si]
        self.case = {id(m): m.case for m in self.mentions}
        self._share_coordinated_case(toks)
        self.times = times if times is not None else [t for t in doc.times if t.sentence == si]
        self.triggers: dict[int, object] = {}  # trigger matches by first token, set by the tagger

    def _breaks(self, toks: list[Token]) -> list[int]:
        out = []
        prev_word = ""
        j = self.a
        while j < self.b:
            t = toks[j]
            if t.key == BOUNDARY_KEY:
                if t.norm in INLINE_MARKS:
                    pass  # quotations and brackets sit inside their clause
                elif t.norm != "," or prev_word in self.gram.finite_ends or prev_word in self.gram.comma_breaks_after:
                    out.append(j)
            elif t.key and t.form in self.gram.clause_breaks.by_first:  # no break starts at other words
                hit = self.gram.clause_breaks.match(toks, j, self.b)
                if hit:
                    out.append(j)
                    j += hit[1]
                    prev_word = ""
                    continue
                prev_word = t.form
            elif t.key:
                prev_word = t.form
            j += 1
        return out

    def _share_coordinated_case(self, toks: list[Token]) -> None:
        """"X, Y और Z से": X and Y take Z's marker. A genitive modifier ("चीन के … यांग से") stands
        for the phrase it modifies."""
        ms = self.mentions
        head: dict[int, Mention] = {}
        for i, m in enumerate(ms[:-1]):
            nxt = ms[i + 1]
            gap = [t for t in toks[m.case_end : nxt.tok_start] if t.key]
            if m.case == "gen" and len(gap) <= 4 and all(t.key != BOUNDARY_KEY for t in gap):
                head[id(m)] = nxt

        def phrase_case(m: Mention) -> str | None:
            while id(m) in head:
                m = head[id(m)]
            return self.case.get(id(m))

        for i in range(len(ms) - 2, -1, -1):
            m, nxt = ms[i], ms[i + 1]
            if self.case.get(id(m)) is not None or m.kind not in ACTOR_KINDS:
                continue
            if joined(toks, m.tok_end, nxt.tok_start, self.gram.coordinators):
                self.case[id(m)] = phrase_case(nxt)

    def clause(self, t0: int, t1: int) -> tuple[int, int]:
        left = max([j + 1 for j in self.breaks if j < t0], default=self.a)
        right = min([j for j in self.breaks if j >= t1], default=self.b)
        return left, right

    def next_clause(self, right: int) -> tuple[int, int]:
        return self.clause(right + 1, right + 1) if right < self.b else (right, right)

    def keys(self, a: int, b: int) -> list[str]:
        return [t.key for t in self.doc.tokens[a:b] if t.key]


RIOTERS = frozenset({"protesters", "mob"})
SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})


def joined(toks: Sequence[Token], a: int, b: int, coordinators: frozenset[str]) -> bool:
    """Are tokens a..b only conjunctions, commas or a hyphen ("X, Y और Z", "भारत-चीन")?"""
    return b > a and all(t.form in coordinators or t.norm in (",", "-", "–") for t in toks[a:b])


def triggers_by_sentence(matcher: PhraseMatcher, doc: Document) -> dict[int, list[Match]]:
    """Trigger matches of the whole document in one scan, grouped by sentence (a match never
    crosses a sentence boundary)."""
    index = doc.key_index if doc.key_index is not None else KeyIndex.build(doc.tokens)
    out: dict[int, list[Match]] = {}
    for m in matcher.find(doc.tokens, index=index):
        out.setdefault(doc.tokens[m.tok_start].sentence, []).append(m)
    return out


class EventTagger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.gram: Grammar = res.grammar(lang)
        self.pats: PatternSet = res.patterns(lang)
        self.g = res.gazetteer

    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        by_sentence = triggers_by_sentence(self.pats.matcher, doc)
        mentions, times = doc.by_sentence()
        for si in range(len(doc.sentences)):
            sv = _Sentence(doc, si, self.gram, mentions.get(si, []), times.get(si, []))
            # a trigger inside a name is no trigger ("संयुक्त राष्ट्र"), but generic agent words
            # ("सैन्य" in "संयुक्त सैन्य अभ्यास") give way to it
            covered = {j for m in sv.mentions for j in range(m.tok_start, m.tok_end)
                       if m.kind not in ("pronoun", "agent")}
            found = by_sentence.get(si, [])
            sv.triggers = {tm.tok_start: tm for tm in found}
            for tm in found:
                if any(j in covered for j in range(tm.tok_start, tm.tok_end)):
                    continue
                for entry in tm.entries:
                    evs = self._build(sv, tm.tok_start, tm.tok_end, self.pats.patterns[entry.ref])
                    if evs:
                        events.extend(evs)
                        break
        doc.events = events
        return doc

    # ---------------------------------------------------------------------------------------

    def _build(self, sv: _Sentence, t0: int, t1: int, p: Pattern) -> list[Event] | None:
        toks = sv.doc.tokens
        gram = self.gram
        left, right = sv.clause(t0, t1)
        ckeys = sv.keys(left, right)
        if p.context and not any(_contains(ckeys, c) for c in p.context):
            return None
        if any(_contains(ckeys, c) for c in p.not_context):
            return None
        if any(t.form in gram.conditional_cues for t in toks[left:right]):
            return None
        tail_idx = [j for j in range(t1, right) if toks[j].key][:TAIL_WORDS]
        if p.tail is not None:  # the light verb may be part of the trigger phrase ("प्रतिबंध लगाए"),
            # or come first in a headline ("… पर लगाया प्रतिबंध")
            before_words = [j for j in range(max(left, t0 - 3), t0) if toks[j].key][-2:]
            after = before_words + [j for j in range(t0 + 1, t1) if toks[j].key] + tail_idx[:3]
            if not any(p.tail.match(toks, j, right) for j in after):
                return None
        if p.not_tail is not None and tail_idx and p.not_tail.match(toks, tail_idx[0], right):
            return None
        if self._embedded(sv, p, tail_idx):
            return None
        passive = any(gram.passive_tail.match(toks, j, right) for j in tail_idx[:4])

        actors: list[Entity] = []
        recipients: list[Entity] = []
        partners: list[Entity] = []  # "X से", "X के साथ": the other side of a talk, or a recipient
        places: list[Mention] = []
        destination: Mention | None = None
        nominal = self._nominal(toks, tail_idx)
        in_clause = [m for m in sv.mentions if left <= m.tok_start and m.tok_end <= right]
        # an ergative (ने) or passive (द्वारा) agent leaves nominatives as objects, not subjects
        first_nom_done = any(sv.case.get(id(m)) in ("ne", "by") for m in in_clause if m.tok_end <= t0)
        last_nom: Mention | None = None
        for m in sv.mentions:
            if m.tok_start >= t0 and m.tok_end <= t1:
                continue
            if not (left <= m.tok_start and m.tok_end <= right):
                continue
            case = self._case(sv, m, t0, t1)
            if case is None:
                continue
            if case == "in" or (m.kind == "place" and case == "nom"):
                if m.place is not None:
                    places.append(m)
                if case == "nom":
                    continue
                if p.role("in", m.kind) is None:
                    continue
            if case == "nom":
                if first_nom_done and not (last_nom is not None and self._coordinated_with_prev(sv, m, last_nom)):
                    continue
                first_nom_done = True
                last_nom = m
                if passive:
                    case = "passive_subject"
            if nominal and case in ("ne", "nom", "passive_subject"):
                continue  # "... की हत्या के बाद": the clause's subject did not do this
            role = "recipient" if case == "passive_subject" else p.role(case, m.kind)
            if role is None:
                continue
            if m.kind == "place":  # a city is only ever a destination
                if case not in ("cpd", "gen", "in") or role == "actor":
                    continue
                destination = m
            elif m.kind == "adjective" and case != "adj":
                continue
            elif m.kind == "country" and role == "recipient" and case in ("cpd", "gen"):
                destination = m
            target = actors if role == "actor" else partners if role == "partner" else recipients
            target.extend(m.entities)
        # victims anywhere in the sentence ("... X मारे गए", "X की मौत")
        if p.role("victim", "person"):
            for m in sv.mentions:
                if m.kind in ACTOR_KINDS and gram.victim_markers.match(toks, m.tok_end, sv.b):
                    recipients.extend(m.entities)
        if not actors and not nominal:
            actors = self._subject_elsewhere(sv, t0, t1, left, right, tail_idx)
        if not actors and p.speaker_is_actor and left > sv.a and toks[left - 1].form in gram.complementizers:
            actors = self._speaker_before(sv, left - 1)
        if not actors and p.implicit_actor and places:
            # "वाशिंगटन में विरोध प्रदर्शन हुए": people of that place
            country = places[0].entities[0].country if places[0].entities else None
            agent = self.g.agents.get(p.implicit_actor)
            if country and agent:
                name = self.g.countries[country].name if country in self.g.countries else None
                actors = [agent.entity(country, name)]
        if p.that_clause and not recipients and right < sv.b and toks[right].form in gram.complementizers:
            nl, nr = sv.next_clause(right)
            recipients = next((list(m.entities) for m in sv.mentions if nl <= m.tok_start < nr
                               and m.kind in ACTOR_KINDS and sv.case.get(id(m)) in (None, "ne")), [])
        if not actors and p.reciprocal and len(partners) >= 2:
            actors, partners = partners, []  # "भारत और रूस की सेनाओं का संयुक्त अभ्यास"
        actors = dedupe_entities(actors)
        if not p.reciprocal:
            recipients, partners = recipients + partners, []
        recipients = [r for r in dedupe_entities(recipients) if all(r.id != a.id for a in actors)]
        partners = [r for r in dedupe_entities(partners) if all(r.id != a.id for a in actors)]
        if not actors or (p.needs_recipient and not recipients):
            return None
        if p.reciprocal and len(actors) == 1 and len(partners) > 1:
            pairs = [[actors[0], r] for r in partners]  # one talk per counterpart
        elif p.reciprocal:
            pairs = [dedupe_entities(actors + partners + recipients)]
        else:
            pairs = []
        if pairs and all(e.id.split(":")[-1] in self.g.agents for e in pairs[0]) \
                and len({e.country for e in pairs[0]}) == 1:
            return None  # "सरकार और सेना ने बातचीत की": the other side is not named
        if pairs:
            recipients = []
            if p.reciprocal and p.type == "CONSULT" and len(pairs[0]) < 2:
                return None
        etype, emode = p.type, None
        if p.type == "ASSAULT" and all(a.id.split(":")[-1] in RIOTERS for a in actors):
            etype, emode = "PROTEST", "riot"  # an attack by protesters or a mob is a riot
        modality = self._modality(sv, t0, tail_idx, right, p)
        mode = emode or self._mode(sv, left, right, p)
        date, recurrence = self._date(sv, t0, t1, left, right, modality)
        location = self._location(places, destination, p)
        s = sv.doc.sentences[sv.si]
        trig_s, trig_e = toks[t0].start, toks[t1 - 1].end
        ev = Evidence(s.start, s.end, s.text, trig_s, trig_e, sv.si)
        return [
            Event(
                type=etype, mode=mode, modality=modality, actors=list(group), recipients=list(recipients),
                evidence=[ev], date=date, recurrence=recurrence, location=location, pattern=p.id,
            )
            # each of several actors of a one-sided act does it on its own ("X और Y ने निंदा की")
            for group in (pairs or [[a] for a in actors])
        ]

    def _speaker_before(self, sv: _Sentence, that: int) -> list[Entity]:
        """The subject of the verb of saying before "कि" ("ट्रंप ने लिखा कि …")."""
        pl, _ = sv.clause(that, that)
        toks = sv.doc.tokens
        if not any(toks[j].form in self.gram.speech_verbs for j in range(pl, that)):
            return []
        for m in sv.mentions:
            if pl <= m.tok_start < that and m.kind in ACTOR_KINDS and sv.case.get(id(m)) in ("ne", None):
                return list(m.entities)
        return []

    def _embedded(self, sv: _Sentence, p: Pattern, tail_idx: list[int]) -> bool:
        """"युद्धविराम पर सहमत होने की अपील", "हमला करने की धमकी": the event is the content of
        another event's trigger (an appeal, a threat, an offer), not something that happened."""
        toks = sv.doc.tokens
        for k, j in enumerate(tail_idx[:3]):
            if toks[j].form in ("की", "का", "के") and k + 1 < len(tail_idx):
                head = sv.triggers.get(tail_idx[k + 1])
                return head is not None and any(self.pats.patterns[e.ref].type != p.type for e in head.entries)
            if k >= 1:
                break
        return False

    def _nominal(self, toks: list[Token], tail_idx: list[int]) -> bool:
        """Is the trigger a noun inside a phrase ("हमले में", "हत्या के बाद") rather than the
        head of the clause's predicate ("हमला किया", "निंदा की")?"""
        if not tail_idx:
            return False
        first = toks[tail_idx[0]].form
        second = toks[tail_idx[1]].form if len(tail_idx) > 1 else ""
        if second in self.gram.complement_heads and first in ("की", "का", "के"):
            return False  # "बदला लेने की घोषणा की": the event is what was announced
        if first in self.gram.nominal_markers:
            return True
        if first == "की" and second:
            return second not in self.gram.finite_ends and second not in self.gram.auxiliaries
        return False

    def _case(self, sv: _Sentence, m: Mention, t0: int, t1: int) -> str | None:
        toks = sv.doc.tokens
        if m.case and m.case_end < t0 and toks[m.case_end].form in self.gram.participles:
            return None  # "दूतावास पर हुए हमलों": the phrase belongs to the participle's noun
        if m.tok_start >= t1:  # right of the trigger: only a passive agent
            return "by" if sv.case.get(id(m)) == "by" else None
        case = sv.case.get(id(m))
        words_to_trigger = [j for j in range(m.case_end, t0) if toks[j].key]
        between = [x for x in sv.mentions if m.tok_end <= x.tok_start and x.tok_end <= t0 and x is not m]
        if case == "gen":
            # "रूस की अपनी अंतिम यात्रा": the genitive belongs to the trigger; "सुलेमानी की मौत का
            # बदला": it belongs to मौत, which has a marker of its own (but "X के निमंत्रण को स्वीकार"
            # keeps X: the object's owner)
            own = any((self.gram.postpositions.match(toks, j, t0) or ("ko",))[0] != "ko"
                      and not (k and toks[words_to_trigger[k - 1]].form in self.gram.place_nouns)
                      for k, j in enumerate(words_to_trigger))
            # "जयशंकर और ब्लिंकन की मुलाकात": a coordinated genitive shares the last one's place
            chain = between and joined(toks, m.tok_end, between[0].tok_start, self.gram.coordinators) and all(
                sv.case.get(id(x)) == "gen" for x in between)
            if chain:
                words_to_trigger = [j for j in range(between[-1].case_end, t0) if toks[j].key]
            return "gen" if (not between or chain) and not own and len(words_to_trigger) <= 4 else None
        if case is not None:
            return case
        if m.kind == "adjective":
            return "adj" if not between and len(words_to_trigger) <= 2 else None
        if not words_to_trigger and m.kind in ("country", "place", "organization"):
            return "cpd"
        if between and all(x.kind == "adjective" for x in between):
            return "nom"
        return "nom" if not any(x.kind in ACTOR_KINDS for x in between) or m.kind != "place" else None

    def _coordinated_with_prev(self, sv: _Sentence, m: Mention, prev: Mention) -> bool:
        """Is m joined to the subject before it by commas and conjunctions only?"""
        idx = sv.mentions.index(m)
        if idx == 0 or sv.mentions[idx - 1] is not prev:
            return False
        return joined(sv.doc.tokens, prev.tok_end, m.tok_start, self.gram.coordinators)

    def _subject_elsewhere(self, sv: _Sentence, t0: int, t1: int, left: int, right: int,
                           tail_idx: list[int]) -> list[Entity]:
        """A subject outside the trigger's own stretch of clause: after a non-finite trigger
        ("बधाई देने में, पुतिन ने कहा") the subject that follows; in a clause after a comma with no
        subject of its own ("X … रखते हैं, हर दो महीने … करते हैं") the previous clause's subject."""
        toks = sv.doc.tokens

        def subject_in(a: int, b: int) -> list[Entity]:
            for m in sv.mentions:
                if a <= m.tok_start < b and m.kind in ACTOR_KINDS and sv.case.get(id(m)) in ("ne", None) \
                        and m.kind != "adjective":
                    return list(m.entities)
            return []

        if any(self.gram.nonfinite_tail.match(toks, j, sv.b) for j in tail_idx[:3]):
            found = subject_in(t1, right)
            if found:
                return found
            nl, nr = sv.next_clause(right)
            return subject_in(nl, nr)
        if left > sv.a and toks[left - 1].norm == ",":
            pl, _ = sv.clause(left - 1, left - 1)
            return subject_in(pl, left - 1)
        return []

    def _modality(self, sv: _Sentence, t0: int, tail_idx: list[int], right: int, p: Pattern) -> str:
        toks = sv.doc.tokens
        gram = self.gram
        before = [j for j in range(max(sv.a, t0 - 3), t0) if toks[j].key]
        if any(toks[j].form in gram.negation for j in tail_idx[:4] + before[-2:]):
            return "negated"
        if p.modality:
            return p.modality
        if tail_idx and gram.purpose_tail.match(toks, tail_idx[0], right):
            return "future"
        # a trigger phrase may hold its own verb ("रवाना होंगे"): read it with the tail — except for
        # acts done by saying, whose phrase states what is promised or threatened ("संपर्क में रहेगा")
        inner = [] if p.type in SPEECH_ACTS else [
            j for j in range(t0 + 1, tail_idx[0] if tail_idx else right) if toks[j].key]
        for j in inner + tail_idx:
            if gram.future_words.match(toks, j, right):
                return "future"
            k = toks[j].form
            if len(k) > 2 and k.endswith(gram.future_suffixes):
                return "future"
        # a present-tense verb is habitual only with a cue of regularity ("हर", "नियमित", "आम तौर
        # पर"); "निंदा करता है" alone is a statement made now
        if any(gram.habitual_tail.match(toks, j, right) for j in tail_idx) and any(
                gram.habitual_cues.match(toks, j, sv.b) for j in range(sv.a, sv.b)):
            return "habitual"
        return "actual"

    def _mode(self, sv: _Sentence, left: int, right: int, p: Pattern) -> str | None:
        if not p.mode_cues:
            return p.mode
        skeys = sv.keys(sv.a, sv.b)
        ckeys = sv.keys(left, right)
        for mode, cues in p.mode_cues:
            keys = skeys if mode == "multilateral" else ckeys
            if any(_contains(keys, c) for c in cues):
                return mode
        return p.mode

    def _date(self, sv: _Sentence, t0: int, t1: int, left: int, right: int,
              modality: str) -> tuple[EventDate, str | None]:
        recurrence = None
        best: TimeMention | None = None
        best_d = 10**9
        for tm in sv.times:
            if tm.kind == "recurrence":
                # "हर दो महीने में … करते हैं": a period only counts for a habitual verb
                if modality == "habitual":
                    recurrence = tm.recurrence
                continue
            if tm.kind != "date" or tm.value is None:
                continue
            inside = left <= tm.tok_start < right
            d = abs(tm.tok_start - t0) + (0 if inside else 1000)
            if d < best_d:
                best, best_d = tm, d
        if best is not None:
            return date_of(best), recurrence
        if modality in ("habitual", "future") or recurrence:
            return NO_DATE, recurrence
        toks = sv.doc.tokens
        if any(self.gram.earlier_cues.match(toks, j, sv.b) for j in range(sv.a, min(sv.b, sv.a + 4))):
            return NO_DATE, None
        return publication_date(sv.doc.article.published), None

    def _location(self, places: list[Mention], destination: Mention | None, p: Pattern) -> Location | None:
        cities = [m for m in places if m.kind == "place"]
        if cities:
            return cities[0].place
        if destination is not None and destination.place is not None and p.mode == "visit":
            return destination.place
        if places:
            return places[0].place
        return None

