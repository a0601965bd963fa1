"""The events stage, the same for every language: trigger → arguments by frame → gaps from
context → modality and speech acts → events.

1. **find triggers**: the language's lexicon (events/lexicon.py) in one scan of the document;
2. **read the predicate**: the language's reader gives the trigger's clause, voice, whether it is
   a noun inside a phrase, and which trigger governs it ("हमला करने की धमकी");
3. **collect arguments by frame**: each marked phrase of the clause takes the side its marker
   has in the class's case frame (events/frames.py);
4. **fill gaps from context**: the subject of a neighbouring clause, the speaker of a reported
   clause, the people of the event's place, the state for a passive arrest;
5. **check modality and speech**: negation, future, habitual from the verb group; the content of
   a demand, threat or refusal is no event of its own; what a speaker says they will do is a
   commitment (AGREE) or a threat (THREATEN), not the act itself (events/speech.py);
6. **build events**: reciprocal acts list both sides as actors; the date, place and mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ghatna.events.cues import act_cues
from ghatna.events.frames import Frame
from ghatna.events.lexicon import TriggerClass, TriggerLexicon, TriggerMatch
from ghatna.events.reading import Argument, Predicate, SentenceReader, SentenceView
from ghatna.events.roles import Candidate, choose, describe
from ghatna.events.speech import HOSTILE, type_speech_acts
from ghatna.events.unattributed import StandIn, mark
from ghatna.gazetteer.load import Gazetteer
from ghatna.lang.grammar import token_keys
from ghatna.model import Document, Entity, Event, Evidence, Location, Mention, dedupe_entities
from ghatna.models.linear import LinearModel

RIOTERS = frozenset({"protesters", "mob"})
# civil society in the street: protesters, residents, students, workers, farmers, activists
CIVIL_SECTORS = frozenset({"CVL", "EDU", "LAB"})
SPEECH_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"})
# acts aimed at a government by the name of its capital ("urged Tehran", "sanctioned Moscow")
ADDRESSED = SPEECH_TYPES | {"SUPPORT", "SANCTION", "COERCE", "CONCEDE", "AID", "COOPERATE"}
ADDRESS_MARKERS = frozenset({"obj", "upon", "against", "towards", "ko", "se"})
# a passive without an agent: these acts are the state's ("X was arrested", "X को रिहा किया गया")
STATE_ACTS = {"COERCE": "police", "RETREAT": "government"}


def contains(keys: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` occurs in ``keys``: list.index finds each place its first key is (in C)."""
    first, n = phrase[0], len(phrase)
    i = -1
    while True:
        try:
            i = keys.index(first, i + 1)
        except ValueError:
            return False
        if n == 1 or tuple(keys[i : i + n]) == phrase:
            return True


@dataclass(slots=True)
class Sides:
    """Who stands where around one trigger."""

    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    partners: list[Entity] = field(default_factory=list)  # the other side of a reciprocal act
    places: list[Mention] = field(default_factory=list)
    destination: Mention | None = None
    actor_from: str = "frame"  # where the actors came from: frame, elsewhere, speaker, place, state
    recipient_from: str = "frame"  # frame, concerned, that, implicit, model

# speech acts whose plain object is no event ("demanded an apology", "rejected talks", "threatened
# sanctions"); a condemnation's or a welcome's object is one that happened
OBJECT_GOVERNORS = frozenset({"REQUEST", "REJECT", "THREATEN"})
# acts whose promise is a concession (PLOVER CONCEDE), not a plain commitment
CONCESSIONS = frozenset({"RETREAT", "CONCEDE"})


def main_country(doc: Document) -> str | None:
    """The country the article names most (its people, places and bodies included)."""
    counts: dict[str, int] = {}
    for m in doc.mentions:
        if m.kind != "phrase":
            for e in m.entities:
                if e.country:
                    counts[e.country] = counts.get(e.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _without_echoes(found: list[tuple[Predicate, TriggerClass, list[Event]]]
                    ) -> list[tuple[Predicate, TriggerClass, list[Event]]]:
    """"Protesters demonstrated": the noun that names its doers by the act ("protesters") adds
    nothing when a verb's event of the same type already has those doers."""
    verbal = [ev for p, _, evs in found if p.own is None for ev in evs]
    out = []
    for p, cls, evs in found:
        if p.own is not None:
            evs = [e for e in evs if not any(x.type == e.type and {a.id for a in e.actors} <= {a.id for a in x.actors}
                                             for x in verbal)]
        if evs:
            out.append((p, cls, evs))
    return out


class EventTagger:
    """Document → Document: events from triggers, for one language."""

    def __init__(self, lexicon: TriggerLexicon, frames: dict[str, Frame], reader: SentenceReader,
                 gazetteer: Gazetteer, roles: LinearModel | None = None, *, stand_in: StandIn | None = None) -> None:
        self.lexicon = lexicon
        self.frames = frames
        self.reader = reader
        self.g = gazetteer
        self.roles = roles
        self.stand_in = stand_in  # attacks and riots with no named doer (--unattributed: events/unattributed.py)
        self._agent_ids = frozenset(gazetteer.agents)
        self._capitals = gazetteer.capitals()
        # called with (view, predicate, class, recipient candidates, events) for each act: what the
        # role model is trained from (scripts/train_models.py)
        self.observer: Callable[..., None] | None = None
        missing = {c.frame for c in lexicon.classes.values()} - frames.keys()
        if missing:
            raise ValueError(f"trigger classes name frames that do not exist: {sorted(missing)}")

    def __call__(self, doc: Document) -> Document:
        found = self.lexicon.find(doc)
        mentions, times = doc.by_sentence()
        countries = frozenset(e.country for m in doc.mentions if m.kind != "phrase" for e in m.entities if e.country)
        main = main_country(doc)
        events: list[Event] = []
        for si in sorted(found):  # only sentences with a trigger are read
            matches = found[si]
            sv = self.reader.view(doc, si, mentions.get(si, []), times.get(si, []),
                                  {m.tok_start: m.tok_end for m in matches})
            sv.countries, sv.main_country = countries, main
            preds = [(tm, self.reader.predicate(sv, tm.tok_start, tm.tok_end)) for tm in matches
                     if not self._inside_name(sv, tm) and not self._inside_time(sv, tm)]
            by_start = {tm.tok_start: tm for tm, _ in preds}
            # the content of a threat, demand or refusal is no event of its own; its participants
            # are whom the speech act concerns ("धमकी दी कि … पर हमला करेगा", "threatened to attack Y")
            content: dict[int, list[Entity]] = {}
            content_types: dict[int, set[str]] = {}
            victims: dict[int, list[Entity]] = {}
            free = []
            for tm, p in preds:
                if self._governed(p, tm, by_start):
                    cls0 = self.lexicon.classes[tm.classes[0]]
                    gov = p.governor
                    assert gov is not None
                    if self._judged(by_start[gov]) and cls0.type in HOSTILE:
                        # "X की हत्या की निंदा": a condemnation is aimed at who did the deed
                        doers, hurt = self._doers(sv, p, cls0)
                        content.setdefault(gov, []).extend(doers)
                        victims.setdefault(gov, []).extend(hurt)
                    else:
                        content.setdefault(gov, []).extend(self._concerned(sv, p, cls0))
                    content_types.setdefault(gov, set()).add(cls0.type)
                else:
                    free.append((tm, p))
            here: list[tuple[Predicate, TriggerClass, list[Event]]] = []
            for tm, p in free:
                for cid in tm.classes:
                    cls = self.lexicon.classes[cid]
                    evs = self._events(sv, p, cls, content.get(tm.tok_start, []), victims.get(tm.tok_start))
                    if evs:
                        if cls.type == "AGREE" and content_types.get(tm.tok_start, set()) & CONCESSIONS:
                            for ev in evs:  # a promise to withdraw, release or return is a concession
                                ev.type, ev.mode = "CONCEDE", None
                        here.append((p, cls, evs))
                        break
            events.extend(type_speech_acts(self.reader, sv, _without_echoes(here)))
        doc.events = events
        return doc

    # -- 1. triggers --------------------------------------------------------------------------

    @staticmethod
    def _inside_name(sv: SentenceView, tm: TriggerMatch) -> bool:
        """A trigger inside a name is no trigger ("संयुक्त राष्ट्र", "Summit" in "East Asia
        Summit"), but generic agent words ("सैन्य" in "सैन्य अभ्यास") give way to it."""
        # a name inside the gap of a gapped phrase is its argument ("wrote off Somalia's … debt"):
        # only the phrase's first and last words count
        first, last = tm.tok_start, tm.tok_end - 1
        return any(m.kind not in ("pronoun", "agent")
                   and (m.tok_start <= first < m.tok_end or m.tok_start <= last < m.tok_end) for m in sv.mentions)

    @staticmethod
    def _inside_time(sv: SentenceView, tm: TriggerMatch) -> bool:
        """A trigger inside a date is a month's name ("27 मार्च", "March 27"), not a march."""
        return any(t.tok_start <= tm.tok_start and tm.tok_end <= t.tok_end for t in sv.times)

    def _governed(self, p: Predicate, tm: TriggerMatch, by_start: dict[int, TriggerMatch]) -> bool:
        """Is the trigger the content of a speech act of another type ("हमला करने की धमकी",
        "urged Y to hold talks", "refused to meet")?"""
        if p.governor is None or p.governor not in by_start:
            return False
        own = {self.lexicon.classes[c].type for c in tm.classes}
        head = [self.lexicon.classes[c] for c in by_start[p.governor].classes]
        if p.object_of and not any(h.type in OBJECT_GOVERNORS for h in head):
            return False  # "condemned the attack": the attack happened; "demanded an apology": it did not
        return any((h.takes_complement or h.type in SPEECH_TYPES) and h.type not in own for h in head)

    def _judged(self, tm: TriggerMatch) -> bool:
        """Is the trigger a judgement of an act (a condemnation or praise)?"""
        return any(self.lexicon.classes[c].type in ("ACCUSE", "SUPPORT") for c in tm.classes)

    def _doers(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> tuple[list[Entity], list[Entity]]:
        """Who did a judged act, by the phrases that name a noun's doer ("अमेरिका द्वारा", "the US
        killing"), and whom it hurt (the judgement's recipients when no doer is named)."""
        frame = self.frames[cls.frame]
        doers: list[Entity] = []
        hurt: list[Entity] = []
        for a in self.reader.arguments(sv, p, cls):
            side = frame.side(a.marker, a.mention.kind, cls.roles)
            if side == "actor" and a.marker in ("by", "gen", "adj", "cpd"):
                doers.extend(a.mention.entities)
            elif side == "recipient":
                hurt.extend(a.mention.entities)
        return doers, hurt

    def _concerned(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Entity]:
        """Who the content of a speech act is aimed at: its recipients and partners."""
        sides = self._sides(self.reader.arguments(sv, p, cls), self.frames[cls.frame], cls)
        return sides.recipients + sides.partners

    def _applies(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> bool:
        toks = sv.toks
        ckeys = sv.keys(p.left, p.right)
        present = set(ckeys)
        if cls.context and not any(c[0] in present and contains(ckeys, c) for c in cls.context) \
                and not self._object_of_kind(sv, p, cls.context_kinds):
            return False
        if any(c[0] in present and contains(ckeys, c) for c in cls.not_context):
            return False
        if self.reader.blocked(sv, p, cls):
            return False
        if cls.directive and not self.reader.directive(sv, p):
            return False
        if cls.tail is not None:  # the light verb may be part of the trigger phrase, or come first
            before = [j for j in range(max(p.left, p.t0 - 3), p.t0) if toks[j].key][-2:]
            after = before + [j for j in range(p.t0 + 1, p.t1) if toks[j].key] + p.tail[: self.reader.tail_reach]
            if not any(cls.tail.match(toks, j, p.right) for j in after):
                return False
        return not (cls.not_tail is not None and p.tail and cls.not_tail.match(toks, p.tail[0], p.right))

    @staticmethod
    def _object_of_kind(sv: SentenceView, p: Predicate, kinds: frozenset[str]) -> bool:
        """Does a mention of those kinds stand as the act's object: after the trigger in its
        clause, or before it in the passive ("Two Canadians were released")?"""
        if not kinds:
            return False
        return any(m.kind in kinds and (p.t1 <= m.tok_start < p.right or (p.passive and p.left <= m.tok_start < p.t0))
                   for m in sv.mentions)

    @staticmethod
    def _trigger_end(sv: SentenceView, p: Predicate, cls: TriggerClass) -> int:
        """The trigger's last token + 1, with the light verb of a noun trigger when it follows
        at once ("प्रतिबंध लगाए": the noun names the act, the verb performs it)."""
        if cls.tail is None or not p.tail or p.tail[0] != p.t1:
            return p.t1
        m = cls.tail.match(sv.toks, p.tail[0], p.right)
        return p.tail[0] + m[1] if m else p.t1

    # -- 2.–6. one trigger ------------------------------------------------------------------

    def _events(self, sv: SentenceView, p: Predicate, cls: TriggerClass,
                concerned: list[Entity] | None = None, excluded: list[Entity] | None = None) -> list[Event] | None:
        if not self._applies(sv, p, cls):
            return None
        frame = self.frames[cls.frame]
        args = self.reader.arguments(sv, p, cls)
        if excluded is not None:  # a judged act's own phrases are not the judgement's sides
            gone = {e.id for e in excluded} | {e.id for e in (concerned or [])}
            args = [a for a in args if not gone & {e.id for e in a.mention.entities}]
        sides = self._sides(args, frame, cls)
        self._fill_gaps(sv, p, cls, frame, sides)
        actors = dedupe_entities(sides.actors)
        self._place_phrases(sv, sides, actors)
        actors = dedupe_entities(sides.actors)
        recipients, partners = sides.recipients, sides.partners
        if not frame.reciprocal:
            recipients, partners = recipients + partners, []
        if not recipients and not frame.reciprocal and concerned:
            recipients, sides.recipient_from = list(concerned), "concerned"
        if not recipients and excluded:
            # a judged act whose doer goes unnamed: it is aimed at the side it hit, unless that is
            # the judge's own ("India condemned the attack on Sikhs in Peshawar": Pakistan's; Iran
            # condemning the killing of its general names no one)
            own = {a.country for a in actors if a.country}
            recipients = [v for v in excluded if v.country and v.country not in own]
            sides.recipient_from = "concerned" if recipients else sides.recipient_from
        if cls.needs_recipient and not recipients:
            return None  # an act that needs someone it is addressed to, and the text names no one
        cands: list[Candidate] = []
        wanted = self.observer is not None or (self.roles is not None and not recipients)
        if not frame.reciprocal and actors and wanted:
            cands = describe(sv, p, cls, frame, args, actors, self.lexicon.lang, self._country_entity)
            if self.roles is not None and not recipients and excluded is None:  # the frame's recipient first
                recipients = [e for c in choose(self.roles, cands) for e in c.entities]
                if recipients:
                    sides.recipient_from = "model"
        if not recipients and frame.id == "strike" and actors:  # after the victims and the model
            # an attack in another country's land with no target named hits that country
            # ("अफगानिस्तान के पक्तिका प्रांत में हवाई हमले किए", "air strikes in Syria")
            own = {a.country for a in actors if a.country}
            where = next((m.place.country for m in sides.places if m.place is not None and m.place.country
                          and m.place.country not in own), None)
            land = self._country_entity(where) if where and own else None
            recipients = [land] if land is not None else recipients
            sides.recipient_from = "place" if land is not None else sides.recipient_from
        recipients = [r for r in dedupe_entities(recipients) if all(r.id != a.id for a in actors)]
        partners = [r for r in dedupe_entities(partners) if all(r.id != a.id for a in actors)]
        if not actors and frame.reciprocal and len(partners) >= 2:
            actors, partners = partners, []  # "भारत और रूस की सेनाओं का संयुक्त अभ्यास"
        agent_id = cls.implicit_actor or STATE_ACTS.get(cls.type)
        if not actors and p.passive and agent_id:
            # "X was arrested", "X पर मामला दर्ज किया गया": the state's police (or the class's own
            # stand-in: prosecutors for a charge) act
            actors, sides.actor_from = self._state_actor(agent_id, sides.places, recipients), "state"
        if not actors and self.stand_in is not None and sv.doc.options.unattributed:
            actors = self.stand_in(sv, p, cls, self._location(sides.places, sides.destination, cls))
            sides.actor_from = "unattributed" if actors else sides.actor_from
        if not actors or (cls.needs_recipient and not recipients):
            return None
        groups = self._groups(frame, cls, actors, partners, recipients)
        if groups is None or (cls.type == "CONSULT" and not groups and not recipients):
            return None  # a talk or a visit needs two sides
        if groups:
            recipients = []
        etype, emode = cls.type, None
        countries = {a.country for g in (groups or [actors]) for a in g if a.country}
        if cls.alone_type and len(countries) <= 1 and not recipients:
            etype, emode = cls.alone_type, cls.mode  # a drill by one side alone is a show of force
        elif cls.joint_type and len(countries) >= 2:
            etype, emode = cls.joint_type, None  # … by two sides together, a military exchange
        if cls.type in ("ASSAULT", "COERCE") and all(a.id.split(":")[-1] in RIOTERS for a in actors):
            etype, emode = "PROTEST", "riot"  # an attack or a siege by protesters or a mob is a riot
        elif cls.by_civilians and all(a.sector in CIVIL_SECTORS for a in actors):
            etype, emode = cls.by_civilians  # "छात्रों ने उनका विरोध किया": students protest
        modality = self.reader.modality(sv, p, cls)
        if modality == "hypothetical":
            return None  # "could attack": the guideline codes no purely hypothetical act
        if (sides.actor_from == "unattributed" and modality != "actual") or \
                (sides.actor_from == "place" and modality == "negated"):
            return None  # an attack by no one that did not happen or is yet to; no riot where none happened
        date, recurrence = self.reader.date(sv, p, modality)
        if recurrence and modality == "actual":
            modality = "habitual"
        pub = sv.doc.article.published
        if modality == "actual" and pub is not None and date.start and date.basis != "publication" \
                and date.start > pub.isoformat():
            modality = "future"
        toks = sv.toks
        s = sv.doc.sentences[sv.si]
        ev = Evidence(s.start, s.end, s.text, toks[p.t0].start, toks[self._trigger_end(sv, p, cls) - 1].end, sv.si)
        mode = emode or (self._mode(sv, p, cls) if etype == cls.type or etype == cls.alone_type else None)
        location = self._location(sides.places, sides.destination, cls)
        events = [
            Event(type=etype, mode=mode, modality=modality, actors=list(group), recipients=list(recipients),
                  evidence=[ev], date=date, recurrence=recurrence, location=location, pattern=cls.id)
            # several actors of a one-sided act do it together ("जर्मनी, फ्रांस और ब्रिटेन ने …")
            for group in (groups or [actors])
        ]
        if sides.actor_from == "unattributed":
            mark(events)
        for e in events:
            e.cues = act_cues(sv, p, cls, frame, sides, e, self.lexicon.lang, self._agent_ids)
        if self.observer is not None:
            self.observer(sv, p, cls, cands, events)
        return events

    def _sides(self, args: list[Argument], frame: Frame, cls: TriggerClass) -> Sides:
        out = Sides()
        seen: set[int] = set()
        for arg in args:
            m, marker = arg.mention, arg.marker
            if id(m) in seen:
                continue
            seen.add(id(m))
            if marker in ("in", "at") and m.place is not None:
                out.places.append(m)
            if m.kind == "phrase" and marker not in frame.open:
                continue  # an unknown noun phrase counts only where the frame expects a person
            side = frame.side(marker, m.kind, cls.roles)
            if m.kind == "place" and cls.type in ADDRESSED and marker in ADDRESS_MARKERS \
                    and (side == "recipient" or side is None) \
                    and (gov := self._capital(m)) is not None:
                # "called on Tehran", "criticised Beijing": a capital addressed or judged is its
                # government (one travelled to stays a place)
                out.recipients.append(gov)
                continue
            if side is None:
                continue
            if m.kind == "place":  # a city is only ever a destination
                if marker not in ("cpd", "gen", "in", "obj", "to", "across") or side != "recipient":
                    continue
                out.destination = m
            elif m.kind == "adjective" and marker in ("nom", "subj", "ne"):
                continue
            elif m.kind == "country" and side == "recipient" and marker in ("cpd", "gen", "to", "obj"):
                out.destination = m
            target = out.actors if side == "actor" else out.partners if side == "partner" else out.recipients
            target.extend(m.entities)
        return out

    def _fill_gaps(self, sv: SentenceView, p: Predicate, cls: TriggerClass, frame: Frame, sides: Sides) -> None:
        if not sides.actors:
            sides.actors, sides.actor_from = self.reader.subject_elsewhere(sv, p, cls), "elsewhere"
        if not sides.actors and cls.speaker_is_actor:
            sides.actors, sides.actor_from = self.reader.speaker(sv, p), "speaker"
        if not sides.actors and cls.implicit_actor and sides.places:
            sides.actor_from = "place"
            # "वाशिंगटन में विरोध प्रदर्शन हुए": people of that place
            place = sides.places[0]
            country = place.entities[0].country if place.entities else (place.place.country if place.place else None)
            agent = self.g.agents.get(cls.implicit_actor)
            if country and agent:
                name = self.g.countries[country].name if country in self.g.countries else None
                sides.actors = [agent.entity(country, name)]
        if cls.that_clause and not sides.recipients:
            sides.recipients, sides.recipient_from = self.reader.that_clause_subject(sv, p), "that"
        if cls.implicit_recipient and not sides.recipients and sides.actors:
            sides.recipients = self._implicit_recipient(sv, cls.implicit_recipient, sides)
            sides.recipient_from = "implicit"

    def _implicit_recipient(self, sv: SentenceView, agent_id: str, sides: Sides) -> list[Entity]:
        """A protest or a demand that names no target is aimed at the authorities of its own
        country ("किसानों ने प्रदर्शन किया": the government) — when the sentence names no other."""
        home = {a.country for a in sides.actors if a.country}
        named = {e.country for m in sv.mentions for e in m.entities if e.country and m.kind != "phrase"}
        agent = self.g.agents.get(agent_id)
        if len(home) != 1 or not named <= home or agent is None:
            return []
        if any(a.id.split(":")[-1] == agent_id or a.sector == agent.sector for a in sides.actors):
            return []  # the government does not demand of itself
        country = home.pop()
        return [agent.entity(country, self.g.countries[country].name if country in self.g.countries else None)]

    def _capital(self, m: Mention) -> Entity | None:
        """The government of the country whose capital the place mention names."""
        iso = self._capitals.get(m.place.name) if m.place is not None else None
        return self.g.government(iso) if iso is not None else None

    def _country_entity(self, iso3: str) -> Entity | None:
        c = self.g.countries.get(iso3)
        return c.entity() if c is not None else None

    @staticmethod
    def _place_phrases(sv: SentenceView, sides: Sides, actors: list[Entity]) -> None:
        """Unknown noun phrases belong to the country where the act happens, else the actor's
        ("प्रधानमंत्री ने प्रतिभागियों को आश्वासन दिया": the participants are India's), else the
        country the article names most."""
        where = next((m.place.country for m in sides.places if m.place is not None and m.place.country), None)
        known = [a.country for a in actors if a.country and not a.id.startswith("np:")]
        country = where or (known[0] if known else None) or sv.main_country

        def placed(ents: list[Entity]) -> list[Entity]:
            out = []
            for e in ents:
                if e.id.startswith("np:"):
                    if country is None:
                        continue
                    e = replace(e, country=country)
                out.append(e)
            return out

        sides.recipients = placed(sides.recipients)
        sides.partners = placed(sides.partners)
        sides.actors = placed(sides.actors)

    def _groups(self, frame: Frame, cls: TriggerClass, actors: list[Entity], partners: list[Entity],
                recipients: list[Entity]) -> list[list[Entity]] | None:
        """Reciprocal acts: all sides as actors; one actor meeting counterparts of several
        countries → one event per country. [] when the act is not reciprocal; None when a
        reciprocal act has only one side."""
        if not frame.reciprocal:
            return []
        if len(actors) == 1 and partners:
            by_country: dict[str | None, list[Entity]] = {}
            for e in partners:
                by_country.setdefault(e.country, []).append(e)
            groups = [[actors[0], *grp] for grp in by_country.values()]
        else:
            groups = [dedupe_entities(actors + partners + recipients)]
        if cls.type == "CONSULT" and any(len(g) < 2 for g in groups):
            return None
        if all(e.id.split(":")[-1] in self.g.agents for e in groups[0]) and len({e.country for e in groups[0]}) == 1:
            return None  # "सरकार और सेना ने बातचीत की": the other side is not named
        return groups

    def _state_actor(self, agent_id: str, places: list[Mention], recipients: list[Entity]) -> list[Entity]:
        """That agent of the state where it happened ("detained in Karachi"), else of the
        recipients' own."""
        where = next((m.place.country for m in places if m.place is not None and m.place.country), None)
        country = where or next((r.country for r in recipients if r.country), None)
        agent = self.g.agents.get(agent_id)
        if country is None or agent is None or country not in self.g.countries:
            return []
        return [agent.entity(country, self.g.countries[country].name)]

    # -- mode and place -----------------------------------------------------------------------

    @staticmethod
    def _mode(sv: SentenceView, p: Predicate, cls: TriggerClass) -> str | None:
        if not cls.mode_cues:
            return cls.mode
        skeys = sv.keys(sv.a, sv.b)
        ckeys = sv.keys(p.left, p.right)
        s_present, c_present = set(skeys), set(ckeys)
        for mode, cues in cls.mode_cues:
            keys, present = (skeys, s_present) if mode == "multilateral" else (ckeys, c_present)
            if any(c[0] in present and contains(keys, c) for c in cues):
                return mode
        if cls.type == "CONSULT" and cls.mode is None:  # "Readout of the call with …": talks there are a call
            title = list(token_keys(sv.doc.article.title or ""))
            for mode, cues in cls.mode_cues:
                if mode == "phone" and any(contains(title, c) for c in cues):
                    return mode
        return cls.mode

    @staticmethod
    def _location(places: list[Mention], destination: Mention | None, cls: TriggerClass) -> Location | None:
        cities = [m for m in places if m.kind in ("place", "organization") and m.place is not None]
        if cities:
            return cities[0].place
        if destination is not None and destination.place is not None and cls.mode == "visit":
            return destination.place
        return places[0].place if places else None
