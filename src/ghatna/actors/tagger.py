"""Actors stage: who is named in the text, resolved against the date-bounded dictionary.

This tagger reads a language whose grammar file gives its postpositions, honorifics, pronouns
and home country (Hindi uses it as it is; English adds its word order in lang/en/actors.py).
Dictionary matches are combined into mentions: a country or its adjective before an office
("जर्मन विदेश मंत्री", "मिस्र के प्रधानमंत्री") names the office, whose holder on the event's date
the holders stage finds (actors/holders.py), and a name after the title is that person; a
country before a generic agent ("अमरीकी सेना") gives the agent its country. A surname alone
refers back to a person named in full earlier, and pronouns (उन्होंने) and pair words (दोनों नेता)
point back to the last persons named.

A language that ships a learned name tagger (models/names_<code>.json, see actors/learned.py)
also gets the persons and organisations it finds among the words nothing else covered, where its
card trusts them: right before a case marker it names (Hindi: the agent's "ने").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ghatna.actors.ambiguous import Ambiguity
from ghatna.actors.holders import SINGLE_HOLDER_OFFICES, is_office_ref, office_ref
from ghatna.actors.learned import NameTagger, dictionary_words
from ghatna.actors.names import NameFinder, loose_key
from ghatna.actors.variants import MIN_SURNAME_SKELETON, VariantNames
from ghatna.cache import load_or_build
from ghatna.gazetteer.load import Gazetteer
from ghatna.gazetteer.matcher import KeyIndex, Match
from ghatna.lang.grammar import Grammar, token_keys
from ghatna.model import Document, Entity, Location, Mention, Token
from ghatna.models.sequence import SequenceModel
from ghatna.resources import Resources

KIND_PRIORITY = ("person", "organization", "office", "country", "adjective", "people", "place", "agent")
# offices a bare title may name in the home country; "अध्यक्ष" or "प्रवक्ता" alone names nobody
HOME_OFFICES = frozenset({"president", "prime_minister", "vice_president", "foreign_minister", "defence_minister",
                          "home_minister", "finance_minister", "national_security_adviser", "chief_of_defence_staff"})
# national bodies that, named alone, are the home country's ("विदेश मंत्रालय ने कहा")
HOME_AGENTS = frozenset({"foreign-ministry", "defence-ministry", "home-ministry", "finance-ministry", "cabinet",
                         "election-commission", "national-security-council"})
# agents that name one person when a name follows ("पत्रकार रहीमुल्ला यूसुफ़ज़ई ने")
PERSON_AGENTS = frozenset({
    "diplomats", "officials", "politicians", "activists", "journalists", "judges", "lawmakers", "clerics",
    "doctors", "teachers", "students", "militants", "rebels", "prosecutors", "bureaucrats", "party-workers",
})
# what a learned name becomes: the mention's kind for each type the name tagger finds
LEARNED_KINDS = {"PER": "person", "ORG": "organization"}


@dataclass(slots=True)
class Item:
    kind: str
    ref: str
    ts: int
    te: int
    country: str | None = None  # from a modifier before it
    ms: int | None = None  # start token including the modifier
    ambiguous: str | None = None  # a name that is also a common word: of which class (actors/ambiguous.py)
    plain: Item | None = None  # what the words name when the ambiguous reading is not taken
    also: tuple[str, ...] = ()  # countries of coordinated modifiers before ``country`` ("Indian and French navies")


def pick(m: Match) -> Item:
    """The match's reading of the highest kind; a name that is also a common word keeps the
    best reading that is not, in case the evidence for it is lacking."""
    best = min(m.entries, key=lambda e: KIND_PRIORITY.index(e.kind))
    readings = [e for e in m.entries if (e.kind, e.ref) == (best.kind, best.ref)]
    ambiguous = readings[0].ambiguous if all(e.ambiguous for e in readings) else None
    it = Item(best.kind, best.ref, m.tok_start, m.tok_end, ambiguous=ambiguous)
    if ambiguous:
        plain = [e for e in m.entries if not e.ambiguous]
        if plain:
            alt = min(plain, key=lambda e: KIND_PRIORITY.index(e.kind))
            it.plain = Item(alt.kind, alt.ref, m.tok_start, m.tok_end)
    return it


def _words_between(tokens: list[Token], a: int, b: int) -> list[int]:
    return [j for j in range(a, b) if tokens[j].key]


def office_entity(g: Gazetteer, office: str, country: str | None, on: date | None = None) -> Entity:
    """What a title with a country names: an office with one holder stays an office reference,
    resolved on the event's date by the holders stage (actors/holders.py); another ("USA
    minister") names the office itself."""
    return office_ref(g, office, country)


class ActorTagger:
    def __init__(self, res: Resources, lang: str) -> None:
        self.g = res.gazetteer
        self.matcher = res.actor_matcher
        self.gram: Grammar = res.grammar(lang)
        self.lang = lang
        self.names = NameFinder(self.gram)
        self.learned = self._name_tagger(lang)
        self.function_words = self.gram.function_words()
        # names that are also common words need evidence; this tagger's grammar puts markers after nouns
        self.ambiguity = Ambiguity(self.g, self.gram, markers_after=True)
        # names of several words spelled otherwise; their index is slow to build, so it is cached
        self.variants = load_or_build("variants", lambda: VariantNames(self.g))
        self.capitals = self.g.capitals()
        self.descriptions = [
            (tuple(token_keys(b) for b in d.get("before") or []), [token_keys(a) for a in d.get("after") or []],
             d["office"])
            for d in self.gram.descriptions
        ]

    def _name_tagger(self, lang: str) -> NameTagger | None:
        """The language's learned name tagger, when it ships one (models/names_<code>.json)."""
        name = f"names_{lang}"
        return NameTagger(SequenceModel.load(name), self.gram) if SequenceModel.available(name) else None

    def __call__(self, doc: Document) -> Document:
        toks = doc.tokens
        on = doc.article.published
        doc.key_index = KeyIndex.build(toks)
        items = [pick(m) for m in self.matcher.find(toks, index=doc.key_index)]
        matched = [(it.kind, it.ts, it.te) for it in items] if self.learned is not None else []
        items = self._variant_names(toks, self.ambiguity(toks, self._attach_modifiers(toks, items)))
        # dictionary names and time expressions are never part of an unknown name
        covered = {j for it in items for j in range(it.ts, it.te)}
        covered.update(j for t in doc.times for j in range(t.tok_start, t.tok_end))
        mentions: list[Mention] = []
        i = 0
        while i < len(items):
            it = items[i]
            nxt = items[i + 1] if i + 1 < len(items) else None
            if it.kind == "office" and nxt is not None and nxt.kind == "person" and self._titles_name(toks, it, nxt):
                if self.fits(it, nxt.ref):
                    p = self.g.persons[nxt.ref]
                    mentions.append(self._mention(doc, it.ms if it.ms is not None else it.ts, nxt.te, "person",
                                                  [p.entity(on)]))
                    i += 2
                    continue
                # "रूसी राष्ट्रपति बोरिस …": the dictionary's Boris is not Russia's; the name is new
                free = covered - set(range(nxt.ts, nxt.te))
                titled = self._titled_name(doc, it, mentions, free, on)
                if titled is not None and titled.tok_end >= nxt.te:
                    mentions.append(titled)
                    i += 2
                    continue
            titled = (self._titled_name(doc, it, mentions, covered, on)
                      if it.kind == "office" or (it.kind == "agent" and it.ref in PERSON_AGENTS) else None)
            m = titled or self._resolve(doc, it, mentions, on)
            if m is not None:
                mentions.append(m)
            i += 1
        mentions.extend(self._honoured_names(doc, mentions, covered))
        learned = self._learned_names(doc, mentions, covered, matched) if self.learned is not None else []
        mentions.extend(learned)
        self._mark_cases(doc, mentions)
        self._acting_adjectives(mentions)
        self._acting_capitals(doc, mentions)
        self._give_agents_a_country(mentions, frozenset(m.tok_start for m in learned))
        mentions = [m for m in mentions if m.entities or m.kind == "place"]
        mentions.extend(self._surnames(doc, mentions))
        self._mark_cases(doc, mentions)  # the surnames' too: pronouns look for subjects
        mentions.extend(self._pointers(doc, mentions))
        mentions.sort(key=lambda m: m.tok_start)
        self._mark_cases(doc, mentions)
        doc.mentions = mentions
        return doc

    def _acting_adjectives(self, mentions: list[Mention]) -> None:
        """An adjective that takes the agent's marker is its country's short name ("पाक ने")."""
        for m in mentions:
            if m.kind == "adjective" and m.case == "ne" and m.entities:
                c = self.g.countries.get(m.entities[0].id)
                if c is not None:
                    m.kind, m.place = "country", Location(c.name, c.iso3)

    def _acting_capitals(self, doc: Document, mentions: list[Mention]) -> None:
        """A capital that acts ("बीजिंग ने …", "… वॉशिंगटन द्वारा", "… कहा कि तेहरान … देगा": the
        unmarked subject opening a reported clause) stands for its country's government; marked
        otherwise ("मॉस्को में", "मॉस्को का दौरा") or before a noun ("दिल्ली पुलिस") it stays a place."""
        starts = {m.tok_start for m in mentions if m.case is None}  # names a capital could qualify
        for m in mentions:
            iso = self.capitals.get(m.place.name) if m.kind == "place" and m.place is not None else None
            gov = self.g.government(iso) if iso is not None else None
            if gov is None:
                continue
            if m.case in ("ne", "by") or (m.case is None and self._opens_reported_clause(doc, m, starts)):
                m.kind = "organization"
                m.entities = [gov]

    def _opens_reported_clause(self, doc: Document, m: Mention, starts: set[int]) -> bool:
        """Does the unmarked mention stand right after "कि", with no unmarked name right after it?"""
        toks = doc.tokens
        before = next((j for j in range(m.tok_start - 1, -1, -1) if toks[j].key), None)
        after = next((j for j in range(m.tok_end, len(toks)) if toks[j].key), None)
        return before is not None and toks[before].form in self.gram.complementizers \
            and after is not None and after not in starts and toks[after].key != "|" \
            and toks[after].form not in self.gram.place_nouns

    # -- combining dictionary matches -------------------------------------------------------

    def _adjacent(self, toks: list[Token], a: int, b: int) -> bool:
        """Only honorifics (श्री, जनरल, डॉ) or nothing between token a and token b."""
        return all(toks[j].form in self.gram.honorifics for j in _words_between(toks, a, b))

    def _titles_name(self, toks: list[Token], office: Item, person: Item) -> bool:
        """Is the title right before the person's name, honorifics or a first name the dictionary
        spells otherwise between them ("राष्ट्रपति डोनल्ड ट्रंप": the title is Trump's)?"""
        between = _words_between(toks, office.te, person.ts)
        if toks[office.ts].sentence != toks[person.ts].sentence:
            return False
        unknown = [j for j in between if toks[j].form not in self.gram.honorifics]
        return len(unknown) <= 1 and all(
            toks[j].form not in self.function_words and toks[j].key != "|" and not toks[j].form.isdigit()
            for j in unknown)

    def _variant_names(self, toks: list[Token], items: list[Item]) -> list[Item]:
        """Persons whose names of several words the text spells otherwise ("मोहम्मद बिन जायेद"),
        where no other match stands (actors/variants.py)."""
        taken = {j for it in items for j in range(it.ts, it.te)}
        found = self.variants.find(toks, taken)
        if not found:
            return items
        return sorted([*items, *(Item("person", pid, ts, te) for ts, te, pid in found)], key=lambda it: it.ts)

    def fits(self, title: Item, person_id: str) -> bool:
        """Can a title be this person's? Not when it names another country than any the person
        belongs to or held office for ("Russian President Boris …" is not Boris Johnson)."""
        p = self.g.persons.get(person_id)
        if title.country is None or p is None:
            return True
        return p.country == title.country or any(r.country == title.country for r in p.roles)

    def _attach_modifiers(self, toks: list[Token], items: list[Item]) -> list[Item]:
        """A country/adjective right before an office, agent or national body gives it a country."""
        out: list[Item] = []
        for it in items:
            prev = out[-1] if out else None
            if prev is not None and prev.kind in ("country", "adjective") and it.kind in ("office", "agent", "people"):
                if self._modifies(toks, prev, it):
                    it.country, it.ms = prev.ref, prev.ms if prev.ms is not None else prev.ts
                    out[-1] = it
                    self._coordinated(toks, out, prev.kind)
                    continue
                desc = self._description(toks, prev, it)
                if desc:
                    out[-1] = desc
                    continue
            if prev is not None and prev.kind == "organization" and it.kind == "agent" \
                    and toks[prev.ts].sentence == toks[it.ts].sentence and self._member_of(toks, prev, it):
                # "हमास के लड़ाकों", "Hezbollah fighters": a body's members act as the body
                out[-1] = replace(prev, te=it.te)
                continue
            if prev is not None and prev.kind == "agent" and prev.country is None and it.kind == "people" \
                    and not _words_between(toks, prev.te, it.ts) and toks[prev.ts].sentence == toks[it.ts].sentence:
                # "प्रवासी भारतीयों": emigrant Indians, the agent of the people's country
                prev.country, prev.te = it.ref, it.te
                continue
            out.append(it)
        return out

    def _coordinated(self, toks: list[Token], out: list[Item], kind: str) -> None:
        """"भारतीय और अमेरिकी सेनाएं", "Indian, French and Japanese navies", "भारत और रूस की सेनाएं":
        demonyms, or countries, joined before one noun give it one country each. ``kind``: what
        modifies the noun; only its own kind joins it ("between Egypt and Sudan, Egyptian President":
        the President is Egypt's alone)."""
        it = out[-1]
        while len(out) >= 2 and it.kind in ("office", "agent") and it.ms is not None:
            before = out[-2]
            if before.kind != kind or kind not in ("adjective", "country") \
                    or toks[before.ts].sentence != toks[it.ts].sentence:
                return
            gap = _words_between(toks, before.te, it.ms)
            words = [j for j in gap if toks[j].key != "|"]
            commas = [j for j in range(before.te, it.ms) if toks[j].norm == ","]
            if len(words) > 1 or (words and toks[words[0]].form not in self.gram.coordinators) or \
                    not (words or commas):
                return
            it.also, it.ms = (before.ref, *it.also), before.ts
            del out[-2]

    def _member_of(self, toks: list[Token], org: Item, agent: Item) -> bool:
        """Is the agent right after the body's name, or after its genitive marker?"""
        gap = _words_between(toks, org.te, agent.ts)
        return not gap or (len(gap) == 1 and self.gram.postpositions.match(toks, gap[0]) == ("gen", 1))

    def _modifies(self, toks: list[Token], prev: Item, it: Item) -> bool:
        """"जर्मन विदेश मंत्री", "पाकिस्तान सरकार", "मिस्र के प्रधानमंत्री": adjacent, or a country
        and its genitive marker."""
        gap = _words_between(toks, prev.te, it.ts)
        if gap and it.kind == "office" and toks[gap[-1]].form in self.gram.former:
            gap = gap[:-1]  # "पाकिस्तान के पूर्व प्रधानमंत्री": a past holder is still the country's
        if not gap:
            return True
        return prev.kind == "country" and len(gap) == 1 and self.gram.postpositions.match(toks, gap[0]) == (
            "gen", 1)

    def _description(self, toks: list[Token], adj: Item, it: Item) -> Item | None:
        """"शीर्ष जापानी राजनयिक": before-words, a country adjective, after-words → an office."""
        if adj.kind != "adjective":
            return None
        after = tuple(toks[j].key for j in _words_between(toks, it.ts, it.te))
        for befores, afters, office in self.descriptions:
            if after not in afters:
                continue
            for b in befores or ((),):
                n = len(b)
                prev_words = _words_between(toks, max(0, adj.ts - 4), adj.ts)[-n:] if n else []
                if tuple(toks[j].key for j in prev_words) == b:
                    start = prev_words[0] if prev_words else adj.ts
                    return Item("office", office, it.ts, it.te, adj.ref, start)
        return None

    def _resolve(self, doc: Document, it: Item, before: list[Mention], on: date | None) -> Mention | None:
        start = it.ms if it.ms is not None else it.ts
        g = self.g
        if it.kind == "person":
            return self._mention(doc, start, it.te, "person", [g.persons[it.ref].entity(on)])
        if it.kind == "country":
            c = g.countries[it.ref]
            m = self._mention(doc, start, it.te, "country", [c.entity()])
            m.place = Location(c.name, c.iso3)
            return m
        if it.kind == "adjective":
            return self._mention(doc, start, it.te, "adjective", [g.countries[it.ref].entity()])
        if it.kind == "people":  # "Palestinians", "फ़लस्तीनियों"; "Bosnian Serbs" are Bosnia's
            m = self._mention(doc, start, it.te, "group", [])
            c = g.countries[it.country or it.ref]
            latin = m.text.isascii()
            m.entities = [Entity(f"{c.iso3}:people", m.text if latin else f"people of {c.name}", "group", c.iso3,
                                 "CVL", None, None if latin else m.text)]
            return m
        if it.kind == "organization":
            o = g.organizations[it.ref]
            return self._mention(doc, start, it.te, o.kind, [o.entity()])
        if it.kind == "place":
            p = g.places[it.ref]
            m = self._mention(doc, start, it.te, "place", [])
            m.place = Location(p.name, p.country, p.lat, p.lon)
            if p.country in g.countries:
                m.entities = [g.countries[p.country].entity()]
            return m
        if it.kind == "agent":
            a = g.agents[it.ref]
            return self._mention(doc, start, it.te, "agent", [
                a.entity(c, g.countries[c].name if c in g.countries else None) for c in (*it.also, it.country)])
        # an office: its holder on the date, from the country before it, or the person with that
        # office named earlier, or the home country's holder
        country = it.country
        if self._former(doc.tokens, start, it.ts):
            return self._former_holder(doc, it, start, country)
        if country is None:
            for m in reversed(before):
                if m.kind == "person" and m.entities and m.entities[0].office == it.ref:
                    return self._mention(doc, start, it.te, "person", [m.entities[0]])
            country = self.gram.home_country if it.ref in HOME_OFFICES else None
            if country is None:
                return None
        return self._mention(doc, start, it.te, "person",
                             [office_entity(g, it.ref, c, on) for c in (*it.also, country)])

    def _former(self, toks: list[Token], start: int, ts: int) -> bool:
        """Does a word of "former" stand right before the title or before its country?"""
        for j in {ts, start}:
            k = j - 1
            while k >= 0 and not toks[k].key:
                k -= 1
            if k >= 0 and toks[k].form in self.gram.former:
                return True
        return False

    def _former_holder(self, doc: Document, it: Item, start: int, country: str | None) -> Mention | None:
        """"पाकिस्तान के पूर्व प्रधानमंत्री", "the former Prime Minister": a past holder of the
        country's office, not the holder of the day — a person of that country, unnamed."""
        g = self.g
        country = country or (self.gram.home_country if it.ref in HOME_OFFICES else None)
        if country is None or country not in g.countries:
            return None
        office = g.offices.get(it.ref)
        title = it.ref.replace("_", " ")
        ent = Entity(f"{country}:former-{it.ref}", f"{g.countries[country].name} former {title}", "person", country,
                     office.sector if office else None, None, None)
        return self._mention(doc, start, it.te, "person", [ent])

    def _titled_name(self, doc: Document, it: Item, before: list[Mention], covered: set[int],
                     on: date | None) -> Mention | None:
        """A title followed by a name: the office holder when the name is theirs, else a person
        the dictionary does not know ("अध्यक्ष रमेश कुलकर्णी ने")."""
        toks = doc.tokens
        j = it.te
        end = doc.sentences[toks[it.ts].sentence].tok_end
        while j < end and toks[j].form in self.gram.honorifics:
            j += 1
        name_end = self.names.name_end(toks, j, end, covered)
        if name_end is None or (it.kind == "agent" and name_end - j < 2):
            return None  # after a generic word ("हथियारबंद गुट पर") only a full name counts
        name = toks[j:name_end]
        start = it.ms if it.ms is not None else it.ts
        holder = self._holder(it, before, on) if it.kind == "office" else None
        if holder is not None and self.names.same_name([holder.name_hi or "", *holder.aliases_hi], name):
            return self._mention(doc, start, name_end, "person", [holder.entity(on)])
        if it.kind == "office":
            office = self.g.offices.get(it.ref)
            ent = self.names.entity(name, it.country, it.ref, office.sector if office else None)
        else:  # "पत्रकार रहीमुल्ला यूसुफ़ज़ई", "शीर्ष नेता अली ख़ामेनेई"
            ent = self.names.entity(name, it.country, None, self.g.agents[it.ref].sector)
        return self._mention(doc, start, name_end, "person", [ent])

    def _holder(self, it: Item, before: list[Mention], on: date | None):
        if it.country:
            return self.g.holder(it.ref, it.country, on) if it.ref in SINGLE_HOLDER_OFFICES else None
        for m in reversed(before):
            if m.kind == "person" and m.entities and m.entities[0].office == it.ref:
                return self.g.persons.get(m.entities[0].id)
        home = self.gram.home_country
        return self.g.holder(it.ref, home, on) if home and it.ref in HOME_OFFICES else None

    def _honoured_names(self, doc: Document, mentions: list[Mention], covered: set[int]) -> list[Mention]:
        """"श्री कुलकर्णी ने", "जनरल ली मिंग से": an honorific before an unknown name."""
        toks = doc.tokens
        taken = covered | {j for m in mentions for j in range(m.tok_start, m.tok_end)}
        known = {loose_key(toks[m.tok_end - 1].key): m.entities[0] for m in mentions
                 if m.kind == "person" and m.entities}
        # and by skeleton, for a surname spelled otherwise ("श्री गुनावर्द्धने")
        loose = {self.variants.skeleton_of(toks[m.tok_end - 1].key): m.entities[0] for m in mentions
                 if m.kind == "person" and m.entities and m.tok_end - m.tok_start > 1}
        out = []
        j = 0
        while j < len(toks):
            if j in taken or toks[j].form not in self.gram.honorifics:
                j += 1
                continue
            k = j
            while k < len(toks) and toks[k].form in self.gram.honorifics and k not in taken:
                k += 1
            end = doc.sentences[toks[j].sentence].tok_end
            name_end = self.names.name_end(toks, k, end, taken)
            if name_end is None:
                j = k
                continue
            name = toks[k:name_end]
            ent = known.get(loose_key(name[-1].key))
            sk = self.variants.skeleton_of(name[-1].key)
            if ent is None and len(sk) >= MIN_SURNAME_SKELETON:
                ent = loose.get(sk)
            out.append(self._mention(doc, j, name_end, "person", [ent or self.names.entity(name, None, None, None)]))
            j = name_end
        return out

    def _learned_names(self, doc: Document, mentions: list[Mention], covered: set[int],
                       matched: list[tuple[str, int, int]]) -> list[Mention]:
        """Persons and organisations the learned tagger finds where nothing else did, right before
        the case markers its card trusts ("… ने")."""
        assert self.learned is not None
        toks = doc.tokens
        ends = self.learned.case_ends(toks, doc.key_index, covered)
        if not ends:
            return []
        # what the dictionary matched is read as the tagger was trained to read it; a name after
        # a title as a person's; neither is ever overridden, nor a time
        known = dictionary_words(matched)
        taken = set(covered)
        for m in mentions:
            taken.update(range(m.tok_start, m.tok_end))
            if m.kind == "person":
                for j in range(m.tok_start, m.tok_end):
                    known.setdefault(j, ("person", j == m.tok_start))
        # a one-word name is trusted only as the surname of a full name given before it
        # ("रामबहादुर थापामगर ने …", later "थापामगर ने …"): it is that person; alone, a word before
        # "ने" is as often a common noun or a loanword
        full = [(m.tok_start, loose_key(toks[m.tok_end - 1].key), m.entities[0]) for m in mentions
                if m.kind == "person" and m.entities and m.tok_end - m.tok_start > 1]

        def one_word(j: int) -> bool:  # a surname, or a body's name never seen in training (acronyms)
            last = loose_key(toks[j].key)
            return any(k == last for _, k, _ in full) or self.learned.model.share(toks[j].form, "ORG") is None

        out: list[Mention] = []
        for span in self.learned.names_before(toks, known, ends, tuple(LEARNED_KINDS), taken, one_word):
            shaped = self.learned.shape(toks, span) if span.learned else None
            if shaped is None:
                continue
            ts, te, kind = shaped.tok_start, shaped.tok_end, LEARNED_KINDS[span.type]
            name = toks[ts:te]
            if kind == "person" and te - ts == 1:
                last = loose_key(name[0].key)
                ent = next((e for start, k, e in reversed(full) if k == last and start < ts), None)
                if ent is None:
                    continue
            elif kind == "person":
                ent = self.names.entity(name, None, None, None)
                full.append((ts, loose_key(name[-1].key), ent))
            else:
                ent = self.names.organization(name, None)
            out.append(self._mention(doc, ts, te, kind, [ent]))
        return out

    def _mention(self, doc: Document, ts: int, te: int, kind: str, ents: list[Entity]) -> Mention:
        toks = doc.tokens
        s, e = toks[ts].start, toks[te - 1].end
        return Mention(s, e, doc.text[s:e], toks[ts].sentence, kind, ts, te, ents)

    def _sentence_end(self, doc: Document, m: Mention) -> int:
        return doc.sentences[m.sentence].tok_end

    def _mark_cases(self, doc: Document, mentions: list[Mention]) -> None:
        """The case marker after each mention (pronouns carry their own)."""
        for m in mentions:
            if m.case or m.case_end:  # marked already (pronouns carry their own case)
                continue
            found = self.gram.postpositions.match(doc.tokens, m.tok_end, self._sentence_end(doc, m))
            if found:
                m.case, n = found
                m.case_end = m.tok_end + n
            else:
                m.case_end = m.tok_end

    def _give_agents_a_country(self, mentions: list[Mention], learned: frozenset[int] = frozenset()) -> None:
        """A generic agent without a country ("सरकार", "प्रदर्शनकारी") belongs to the country the
        article is most about; with no country in the article it names nobody. A name nothing
        else gives a country has the country of what is named just before it, else (for names
        the learned tagger found, starting at the tokens ``learned``) of a body named right before
        it or, for an organisation, of the sentence's place; else the article's main country."""
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind in ("country", "adjective", "place", "person"):
                for e in m.entities:
                    if e.country:
                        counts[e.country] = counts.get(e.country, 0) + 1
        main = max(counts, key=lambda c: counts[c]) if counts else None
        where = {m.sentence: m.entities[0].country for m in mentions
                 if m.kind in ("place", "country") and m.case == "in" and m.entities}
        mentions.sort(key=lambda m: m.tok_start)  # a person's country can then pass to what follows
        by_sentence: dict[int, list[Mention]] = {}  # looking back within a sentence only: linear time
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for m in mentions:
            if m.kind in ("person", "organization") and m.entities and m.entities[0].id.startswith("name:") \
                    and not m.entities[0].country:
                title = place = None
                if m.tok_start in learned:  # "ब्राज़ील के उद्योगपति <name> ने"
                    title = next((x.entities[0].country for x in by_sentence[m.sentence] if x.tok_end == m.tok_start
                                  and x.kind == "agent" and x.entities), None)
                    # a body is where it acts ("काबुल में … <body> ने"); a person's country is not
                    # where they speak (an Indian nurse in Tikrit, a Frenchman in London)
                    place = where.get(m.sentence) if m.kind == "organization" else None
                country = title or self._country_before(m, by_sentence[m.sentence]) or place or main
                m.entities = [replace(m.entities[0], country=country)]
            if m.kind != "agent" or not m.entities or m.entities[0].country:
                continue
            agent = self.g.agents.get(m.entities[0].id)
            home = self.gram.home_country if agent is not None and agent.id in HOME_AGENTS else None
            # "विदेश मंत्रालय" alone is the home ministry; "X के नेतृत्व में शिष्टमंडल" is X's;
            # "बगदाद में … प्रदर्शनकारी" are Iraq's
            country = home or self._country_before(m, by_sentence[m.sentence]) or where.get(m.sentence) or main
            if agent is None or country is None:
                m.entities = []
                continue
            name = self.g.countries[country].name if country in self.g.countries else None
            m.entities = [agent.entity(country, name)]

    @staticmethod
    def _country_before(m: Mention, mentions: list[Mention]) -> str | None:
        """The country of what is named just before, in the same phrase: "चीन की … प्रमुख जनरल
        हान", "थाई सेना की पूर्वी कमान के प्रमुख …", "रणबीर सिंह के नेतृत्व में शिष्टमंडल"."""
        for x in reversed(mentions):
            if x.sentence != m.sentence or x.tok_end > m.tok_start or m.tok_start - x.tok_end > 6:
                continue
            linked = x.kind == "adjective" or (x.case == "gen" and x.kind in ("country", "organization", "person",
                                                                             "agent"))
            if linked and x.entities and x.entities[0].country:
                return x.entities[0].country
        return None

    # -- references back -----------------------------------------------------------------------

    def identity(self, on: date | None) -> Callable[[Entity], str]:
        """Who an entity is, to tell people apart: an office reference is the office's holder on
        that date ("अमरीका के रक्षामंत्री … एसपर … दोनों नेता": Esper is one of the two)."""
        cache: dict[str, str] = {}

        def ident(e: Entity) -> str:
            if not (is_office_ref(e) and e.country and e.office in SINGLE_HOLDER_OFFICES):
                return e.id
            if e.id not in cache:
                p = self.g.holder(e.office, e.country, on)  # type: ignore[arg-type]
                cache[e.id] = p.id if p is not None else e.id
            return cache[e.id]

        return ident

    def _surnames(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """A person's last name alone, after the full name was given."""
        toks = doc.tokens
        covered = {j for m in mentions for j in range(m.tok_start, m.tok_end)}
        first_seen: dict[str, tuple[int, Entity]] = {}
        for m in mentions:
            # a person the dictionary knows, or one named in full after a title ("Advisor Jon Finer")
            if m.kind == "person" and m.entities and not m.entities[0].id.startswith("np:"):
                words = [j for j in range(m.tok_start, m.tok_end) if toks[j].key]
                if len(words) >= 2 and len(toks[words[-1]].key) >= 3:
                    first_seen.setdefault(toks[words[-1]].key, (m.tok_end, m.entities[0]))
        # a surname spelled otherwise than in the full name ("गुणवर्धने" after "… गुनावर्द्धना"), when
        # its skeleton is long enough to tell it apart (actors/variants.py)
        loose: dict[str, tuple[int, Entity]] = {}
        for k, hit in first_seen.items():
            sk = self.variants.skeleton_of(k)
            if len(sk) >= MIN_SURNAME_SKELETON:
                loose.setdefault(sk, hit)
        heads = {k[:1] for k in first_seen}  # a variant keeps its first letter
        out = []
        for j, t in enumerate(toks):
            hit = first_seen.get(t.key)
            if hit is None and loose and t.key[:1] in heads and j not in covered:
                hit = loose.get(self.variants.skeleton_of(t.key))
            if hit and j >= hit[0] and j not in covered:
                out.append(self._mention(doc, j, j + 1, "person", [hit[1]]))
        return out

    def _antecedent(self, doc: Document, back: Back, j: int, case: str, ref: str) -> list[Entity]:
        """What a pronoun at token j points back to. A subject pronoun (उन्होंने, वह, वे) of a main
        clause prefers a subject: one before it in its sentence, else the previous sentence's ("X
        ने … । Y की निंदा करते हुए उन्होंने …": X, not Y). Otherwise (and in a reported clause, where
        it is whom the speaker addressed: "Y से कहा कि वह …", or the speaker: "X ने कहा कि वह …")
        the last fitting mention of its sentence; else, for "वह"/"वे", a person named in the last
        three sentences; else the last fitting one."""
        if ref == "country_of":  # "उनका देश": the country of who spoke last (a person or a body)
            who = back.last(j, ("person", "agent", "organization"), 1)
            c = self.g.countries.get(who[0].country) if who and who[0].country else None
            return [c.entity()] if c else []
        kinds = _antecedent_kinds(ref)
        here = doc.tokens[j].sentence
        # in its own sentence a pronoun may also point to a body ("इसराइली सेना का कहना है कि वह …")
        near = (*kinds, "agent")
        same = [m for m in back.in_sentence(here) if m.tok_start < j and m.kind in near]
        if case in ("ne", "nom") and not self._reported(doc, j):
            subjects = [m for m in same if self._subject(doc, m)]
            if subjects:
                return last_distinct(subjects, j, near, 1)
            prev = self._first_subject(doc, back.in_sentence(here - 1), kinds)
            if prev is not None:
                return list(prev.entities) if ref == "plural" else prev.entities[:1]
        if same:
            return last_distinct(same, j, near, 1)
        if ref != "person":
            recent = [m for s in range(here - 3, here) for m in back.in_sentence(s) if m.kind == "person"]
            if recent:
                return last_distinct(recent, j, ("person",), 1)
        return back.last(j, kinds, 1)

    def _reported(self, doc: Document, j: int) -> bool:
        """Is token j inside a reported clause ("… कहा कि वह …"): a complementizer before it?"""
        toks = doc.tokens
        first = doc.sentences[toks[j].sentence].tok_start
        return any(toks[k].form in self.gram.complementizers for k in range(max(first, j - 40), j))

    def _subject(self, doc: Document, m: Mention) -> bool:
        """Does the mention stand as its clause's subject: the agent's ने, no marker, or a
        genitive before a noun of saying ("सेना का कहना है")?"""
        if m.case == "ne" or (m.case is None and m.kind != "adjective"):
            return True
        toks = doc.tokens
        return m.case == "gen" and m.case_end < len(toks) and toks[m.case_end].form in self.gram.speech_nouns

    def _first_subject(self, doc: Document, mentions: list[Mention], kinds: tuple[str, ...]) -> Mention | None:
        """The subject of a sentence: its first mention with the agent's ने, else its first
        unmarked one (not a genitive: "the United States' concern" is no subject)."""
        fitting = [m for m in mentions if m.kind in kinds and m.entities]
        return next((m for m in fitting if m.case == "ne"), None) or \
            next((m for m in fitting if self._subject(doc, m)), None)

    def _pointers(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Pronouns and pair words, resolved to the last persons (or countries) before them."""
        toks = doc.tokens
        covered = {j for m in mentions for j in range(m.tok_start, m.tok_end) if m.kind != "agent"}
        back = Back(sorted(mentions, key=lambda m: m.tok_start))
        out: list[Mention] = []
        paired: set[int] = set()  # agents inside pair words ("दोनों नेताओं": the pair, not "नेताओं")
        j = 0
        firsts = self.gram.pair_words.by_first.keys() | self.gram.pronouns.by_first.keys()
        while j < len(toks):
            if j in covered or toks[j].form not in firsts:
                j += 1
                continue
            pair = self.gram.pair_words.match(toks, j)
            pron = None if pair else self.gram.pronouns.match(toks, j)
            if pair:
                label, n = pair
                kinds = {"person": ("person",), "country": ("country",)}.get(
                    label, ("person", "country", "organization"))
                ents = back.last(j, kinds, 2, self.identity(doc.article.published))
                if len(ents) == 2:
                    out.append(self._mention(doc, j, j + n, "pronoun", ents))
                    paired.update(range(j, j + n))
                j += n
                continue
            if pron:
                label, n = pron
                case, ref = label.split(":")
                ents = self._antecedent(doc, back, j, case, ref)
                if ents:
                    m = self._mention(doc, j, j + n, "pronoun", ents)
                    if case != "nom":
                        m.case, m.case_end = case, j + n
                    out.append(m)
                j += n
                continue
            j += 1
        if paired:
            mentions[:] = [m for m in mentions if not (m.kind == "agent" and m.tok_start in paired)]
        return out


class Back:
    """The mentions of a document in order, for looking back from a token: by sentence, and the
    last ones before a token without scanning those after it."""

    def __init__(self, ordered: list[Mention]) -> None:
        self.ordered = ordered
        self.starts = [m.tok_start for m in ordered]
        self.sentences: dict[int, list[Mention]] = {}
        for m in ordered:
            self.sentences.setdefault(m.sentence, []).append(m)

    def in_sentence(self, si: int) -> list[Mention]:
        return self.sentences.get(si, [])

    def last(self, before: int, kinds: tuple[str, ...], n: int,
             same: Callable[[Entity], str] | None = None) -> list[Entity]:
        return last_distinct(self.ordered, before, kinds, n, same, bisect_left(self.starts, before))


def _antecedent_kinds(ref: str) -> tuple[str, ...]:
    if ref == "person":
        return ("person",)
    if ref == "plural":  # "वे": often a group ("आंदोलनकारियों … कि वे")
        return ("person", "country", "organization", "group", "agent")
    # generic agents ("अधिकारियों") are rarely what a singular pronoun points back to
    return ("person", "country", "organization", "group")


def last_distinct(mentions: list[Mention], before: int, kinds: tuple[str, ...], n: int,
                  same: Callable[[Entity], str] | None = None, upto: int | None = None) -> list[Entity]:
    """The entities of the last mentions of those kinds before token ``before``, up to n distinct
    ones (``same`` tells who an entity is, when its id alone does not); ``upto``: the index in the
    ordered ``mentions`` to look back from."""
    out: list[Entity] = []
    seen: set[str] = set()
    for i in range((len(mentions) if upto is None else upto) - 1, -1, -1):
        m = mentions[i]
        if m.tok_start >= before or m.kind not in kinds:
            continue
        for e in m.entities:
            k = same(e) if same is not None else e.id
            if k not in seen:
                seen.add(k)
                out.append(e)
        if len(out) >= n:
            break
    return out[:n]
