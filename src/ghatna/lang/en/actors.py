"""Actors stage for English: the Hindi tagger's dictionary matching, with English word order.

English puts the modifier and the title before the name ("Russian Foreign Minister Sergey Lavrov",
"India's External Affairs Minister", "U.S. Secretary of State") or the country after it ("the
Foreign Minister of Russia", "President Ruto of Kenya"); a title followed by a name the
dictionary lacks still names that person (with the country of the title, or the holder of that
office with that surname: "President Subianto"). A bare title ("the President") is the first
holder of it the article named. Prepositions, pronouns and capitals as governments are read in
en_refs.py; possessives by the events stage.
"""

from __future__ import annotations

import re
from datetime import date

from ghatna.actors.ambiguous import Ambiguity
from ghatna.actors.holders import SINGLE_HOLDER_OFFICES, office_ref
from ghatna.actors.tagger import ActorTagger, Item, office_entity, pick
from ghatna.gazetteer.matcher import KeyIndex
from ghatna.gazetteer.records import Person
from ghatna.lang.en.refs import EnglishReferences
from ghatna.lang.en.syntax import english_syntax, is_possessive, possessive_end
from ghatna.model import Document, Entity, Mention, Token
from ghatna.resources import Resources

NAME_PARTICLES = frozenset({"bin", "bint", "al", "el", "de", "da", "do", "dos", "van", "von", "der", "ul", "la", "le",
                            "di", "du", "ibn", "abu", "mac", "jr", "sr"})
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december the on in at of for and to with this that today".split()
)




def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class EnglishActorTagger(EnglishReferences, ActorTagger):
    def __init__(self, res: Resources, lang: str = "en") -> None:
        super().__init__(res, lang)
        self.syn = english_syntax()
        self.ambiguity = Ambiguity(self.g, self.gram, markers_after=False)  # English prepositions come first
        self._surnames_index: dict[str, list[Person]] | None = None
        self._title: list[Entity] = []  # who the title of the document being tagged names
        self.trigger_words = res.lexicon(lang).single_words()
        self.prep_words = frozenset(k for lst in self.gram.postpositions.by_first.values() for keys, _ in lst
                                    for k in keys[:1])

    def title_entities(self, doc: Document) -> list[Entity]:
        """Who the article's title names (persons on the publication date, countries, bodies):
        the antecedents a text may take for granted ("Readout of President Biden's Call …":
        "The President spoke …")."""
        title = doc.article.title or ""
        if not title.strip():
            return []
        from ghatna.text.normalize import normalize
        from ghatna.text.segment import segment

        norm, norm_map = normalize(title)
        _, toks = segment(title, norm, norm_map)
        on = doc.article.published
        out: list[Entity] = []
        for m in self.matcher.find(toks):
            it = pick(m)
            if it.kind == "person":
                out.append(self.g.persons[it.ref].entity(on))
            elif it.kind in ("country", "adjective"):
                out.append(self.g.countries[it.ref].entity())
            elif it.kind == "organization":
                out.append(self.g.organizations[it.ref].entity())
        return out

    def __call__(self, doc: Document) -> Document:
        toks = doc.tokens
        on = doc.article.published
        doc.key_index = KeyIndex.build(toks)
        self._title = self.title_entities(doc)
        items = [pick(m) for m in self.matcher.find(toks, index=doc.key_index)]
        items = self._variant_names(toks, self.ambiguity(toks, self._attach_modifiers(toks, items)))
        mentions = self._combine(doc, items, on)
        mentions.extend(self._national_groups(doc, mentions))
        mentions = self._modifier_agents(doc, mentions)
        mentions.sort(key=lambda m: m.tok_start)
        self._prepositions(doc, mentions)
        self._give_agents_a_country(mentions)
        self._give_named_officials_a_country(mentions)
        mentions = [m for m in mentions if m.entities or m.kind == "place"]
        mentions.extend(self._surnames(doc, mentions))
        mentions.sort(key=lambda m: m.tok_start)
        self._prepositions(doc, mentions)
        mentions.extend(self._pointers(doc, mentions))
        mentions.sort(key=lambda m: m.tok_start)
        self._owned_agents(mentions)
        self._prepositions(doc, mentions)
        self._metonyms(doc, mentions)
        doc.mentions = mentions
        return doc

    # -- combining dictionary matches -------------------------------------------------------

    def _modifies(self, toks: list[Token], prev: Item, it: Item) -> bool:
        """A country, its adjective or its possessive right before an office or agent ("U.S.
        Secretary of State", "Russian troops", "India's Foreign Minister")."""
        ts = it.ts
        if it.kind == "office" and ts > 0 and toks[ts - 1].form in self.gram.former:
            ts -= 1  # "Pakistan's former prime minister": a past holder is still the country's
            while ts > prev.te and not toks[ts - 1].key:
                ts -= 1
        poss = is_possessive(toks, prev.te) and possessive_end(toks, prev.te) == ts
        return (prev.te == ts or poss) and toks[prev.ts].sentence == toks[it.ts].sentence

    def _combine(self, doc: Document, items: list[Item], on: date | None) -> list[Mention]:
        toks = doc.tokens
        mentions: list[Mention] = []
        i = 0
        while i < len(items):
            it = items[i]
            nxt = items[i + 1] if i + 1 < len(items) else None
            if it.kind == "office":
                used = self._office_mention(doc, items, i, mentions, on)
                if used:
                    i += used
                    continue
            if it.kind == "office" and nxt is not None and nxt.kind == "person" \
                    and self._adjacent(toks, it.te, nxt.ts) and toks[it.ts].sentence == toks[nxt.ts].sentence:
                p = self.g.persons[nxt.ref]
                mentions.append(self._mention(doc, it.ms if it.ms is not None else it.ts, nxt.te, "person",
                                              [p.entity(on)]))
                i += 2
                continue
            m = self._resolve(doc, it, mentions, on)
            if m is not None:
                mentions.append(m)
            i += 1
        return self._absorb_suffixes(doc, self._absorb_of_country(doc, mentions))

    def _office_mention(self, doc: Document, items: list[Item], i: int, before: list[Mention],
                        on: date | None) -> int:
        """An office with what follows it: "the Foreign Minister of Russia", "Prime Minister X of Y"
        with X not in the dictionary, "Secretary-General of the United Nations". Returns the number
        of items used (0 when the plain rules apply)."""
        toks = doc.tokens
        it = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        skipped = 0
        if nxt is not None and nxt.kind == "person" and self._adjacent(toks, it.te, nxt.ts) \
                and toks[it.ts].sentence == toks[nxt.ts].sentence:
            if self.fits(it, nxt.ref) and not self._name_goes_on(toks, nxt):
                return 0
            # "Russian President Boris Yeltsin": the dictionary's Boris is someone else
            skipped, nxt = 1, items[i + 2] if i + 2 < len(items) else None
        limit = doc.sentences[toks[it.ts].sentence].tok_end
        limit = min(limit, nxt.ts) if nxt is not None else limit
        name_end = self._unknown_name(toks, it.te, limit)
        if skipped and (name_end is None or name_end <= items[i + 1].ts):
            return 0
        if name_end is not None and nxt is not None and nxt.kind == "person" and name_end == nxt.ts \
                and self._first_name_fits(toks, it.te, name_end, nxt.ref):
            # "Chief Minister Sarbanand Sonowal": a first name the dictionary spells otherwise
            start = it.ms if it.ms is not None else it.ts
            before.append(self._mention(doc, start, nxt.te, "person", [self.g.persons[nxt.ref].entity(on)]))
            return 2
        after = name_end or it.te
        country, org, used, end = it.country, None, 1 + skipped, after
        if country is None and name_end is not None and i > 0:
            country = self._title_country(toks, items[i - 1], it)
        of_item = self._of_item(toks, after, nxt)
        if of_item is not None and country is None:
            if of_item.kind == "country":
                country = of_item.ref
            else:
                org = of_item.ref
            used, end = 2 + skipped, of_item.te
        if name_end is None and used == 1:
            if it.country is None and it.ref in SINGLE_HOLDER_OFFICES:
                # a bare "the President" is the first holder of that title named, the article's own
                first = next((m.entities[0] for m in before if m.kind == "person" and m.entities
                              and m.entities[0].office == it.ref), None)
                # else the holder the title names ("Readout of President Biden's Call …")
                first = first or next((e for e in self._title if e.kind == "person" and e.office == it.ref), None)
                if first is not None:
                    before.append(self._mention(doc, it.ms if it.ms is not None else it.ts, it.te, "person",
                                                [first]))
                    return 1
            return 0
        start = it.ms if it.ms is not None else it.ts
        name = None
        if name_end:
            first = next(j for j in range(it.te, name_end) if toks[j].key and toks[j].form not in self.gram.honorifics)
            name = " ".join(doc.text[toks[first].start:toks[name_end - 1].end].split())
        ent = self._office_holder(it.ref, country, org, name, on, before)
        if ent is None:
            return 0
        before.append(self._mention(doc, start, end, "person", [ent]))
        return used

    def _name_goes_on(self, toks: list[Token], person: Item) -> bool:
        """"Boris Yeltsin" where the dictionary matched only "Boris": a capitalised word the
        match leaves out continues the name, so the name is someone else's."""
        j = person.te
        while j < len(toks) and not toks[j].key:
            j += 1
        if j >= len(toks) or toks[j].sentence != toks[person.ts].sentence:
            return False
        t = toks[j]
        return t.text[:1].isupper() and t.text.isalpha() and t.form not in NOT_NAMES \
            and t.form not in self.gram.function_words() and len(t.text) > 2

    def _first_name_fits(self, toks: list[Token], a: int, b: int, person_id: str) -> bool:
        """"Sarbanand Sonowal" for the dictionary's Sarbananda: the unknown first name begins as
        one of the person's (not "Rajiv" for Rahul Gandhi)."""
        p = self.g.persons.get(person_id)
        words = [toks[j].form for j in range(a, b) if toks[j].key and toks[j].form not in self.gram.honorifics]
        if p is None or not words:
            return True
        firsts = {n.split()[0].lower()[:3] for n in [p.name, *p.aliases_en] if len(n.split()) > 1}
        return not firsts or words[0][:3] in firsts

    def _title_country(self, toks: list[Token], prev: Item, it: Item) -> str | None:
        """"Uttar Pradesh Shia Central Waqf Board Chairman X": the place or body that opens the
        title gives the office its country."""
        gap = [t for t in toks[prev.te:it.ts] if t.key]
        if len(gap) > 5 or not all(t.text[:1].isupper() for t in gap) or toks[prev.ts].sentence != toks[it.ts].sentence:
            return None
        g = self.g
        if prev.kind in ("country", "adjective"):
            return prev.ref
        if prev.kind == "place" and prev.ref in g.places:
            return g.places[prev.ref].country
        if prev.kind == "organization" and prev.ref in g.organizations:
            return g.organizations[prev.ref].country
        return None

    def _of_item(self, toks: list[Token], after: int, nxt: Item | None) -> Item | None:
        if nxt is None or nxt.kind not in ("country", "organization"):
            return None
        gap = [t.form for t in toks[after:nxt.ts] if t.key]
        return nxt if gap in (["of"], ["of", "the"]) else None

    def _unknown_name(self, toks: list[Token], a: int, limit: int) -> int | None:
        """End of a capitalised name right after token a (honorifics and initials allowed)."""
        j, words, end = a, 0, None
        while j < limit and words < 6:
            t = toks[j]
            if not t.key:
                j += 1
                continue
            w = t.text
            if t.form in NOT_NAMES or not w[:1].isalpha():
                break
            if w[:1].isupper() or (t.form in NAME_PARTICLES and words):
                words += 1
                if w[:1].isupper() and t.form not in self.gram.honorifics:
                    end = j + 1
                j += 1
                continue
            break
        if end is None or not any(len(toks[k].text) > 2 for k in range(a, end) if toks[k].key):
            return None
        return end

    def _office_holder(self, office: str, country: str | None, org: str | None, name: str | None,
                       on: date | None, before: list[Mention]) -> Entity | None:
        g = self.g
        if name is None and (org or (country and office in SINGLE_HOLDER_OFFICES)):
            return office_ref(g, office, country, org)  # its holder on the event's date (actors/holders.py)
        single = org or (country and office in SINGLE_HOLDER_OFFICES)
        holder = (g.holder(office, None, on, org=org) if org else g.holder(office, country, on)) if single else None
        if holder is not None and name is not None and holder.name.split()[-1].lower() == name.split()[-1].lower():
            return holder.entity(on)
        if name is not None and country is None:  # "President Subianto": a holder of that office by surname
            found = self._holder_by_surname(office, name, on)
            if found is not None:
                return found.entity(on)
        if name is None:
            if country:
                return office_entity(g, office, country, on)
            for m in reversed(before):  # "the Vice President" after "Vice President Kamala Harris"
                if m.kind == "person" and m.entities and m.entities[0].office == office:
                    return m.entities[0]
            return None
        sector = g.offices[office].sector if office in g.offices else None
        if org and org in g.organizations:
            sector = "IGO" if g.organizations[org].sector == "IGO" else sector
        ident = f"{country or org or 'UNK'}:{_slug(name)}"
        return Entity(ident, name, "person", country, sector, office, None)

    def _holder_by_surname(self, office: str, name: str, on: date | None) -> Person | None:
        if self._surnames_index is None:
            index: dict[str, list[Person]] = {}
            for p in self.g.persons.values():
                for full in [p.name, *p.aliases_en]:
                    last = full.split()[-1].lower()
                    for k in {last, last.split("-")[-1]}:  # "al-Sudani" is also "Sudani"
                        if p not in index.setdefault(k, []):
                            index[k].append(p)
            self._surnames_index = index
        cands = [p for p in self._surnames_index.get(name.split()[-1].lower(), [])
                 if any(r.office == office and r.active(on) for r in p.roles)]
        return cands[0] if len(cands) == 1 else None

    def _absorb_of_country(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"President Ruto of Kenya": the country belongs to the person's mention; "the Government
        of Serbia", "the people of Gaza": a generic agent is that country's."""
        toks = doc.tokens
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == "agent" and m.kind in ("country", "place") and prev.entities
                    and m.entities and m.entities[0].country and not prev.entities[0].country
                    and [t.form for t in toks[prev.tok_end:m.tok_start] if t.key] == ["of"]):
                agent = self.g.agents.get(prev.entities[0].id)
                iso = m.entities[0].country
                if agent is not None:
                    cname = self.g.countries[iso].name if iso in self.g.countries else None
                    out[-1] = self._mention(doc, prev.tok_start, m.tok_end, "agent", [agent.entity(iso, cname)])
                    continue
            if (prev is not None and prev.kind == "person" and m.kind == "country" and prev.entities
                    and prev.entities[0].country in (None, m.entities[0].country)
                    and [t.form for t in toks[prev.tok_end:m.tok_start] if t.key] == ["of"]):
                e = prev.entities[0]
                if e.country is None:
                    e = Entity(e.id, e.name, e.kind, m.entities[0].country, e.sector, e.office, e.name_hi)
                out[-1] = self._mention(doc, prev.tok_start, m.tok_end, "person", [e])
                continue
            out.append(m)
        return out

    def _give_named_officials_a_country(self, mentions: list[Mention]) -> None:
        """A named official the dictionary lacks, with no country in the text ("Board Chairman
        X"), belongs to the country the article is most about, like a generic agent; heads of
        international bodies stay without one."""
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind in ("country", "adjective", "place", "person"):
                for e in m.entities:
                    if e.country:
                        counts[e.country] = counts.get(e.country, 0) + 1
        if not counts:
            return
        main = max(counts, key=lambda c: counts[c])
        for m in mentions:
            e = m.entities[0] if m.kind == "person" and m.entities else None
            if e is not None and e.country is None and e.id.startswith("UNK:") and e.sector != "IGO" \
                    and e.office not in SINGLE_HOLDER_OFFICES:  # a foreign "President X" is not ours
                m.entities = [Entity(f"{main}:{e.id[4:]}", e.name, e.kind, main, e.sector, e.office, e.name_hi)]

    def _absorb_suffixes(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"Joseph R. Biden, Jr.": the suffix belongs to the name."""
        toks = doc.tokens
        for k, m in enumerate(mentions):
            if m.kind != "person":
                continue
            j = m.tok_end
            if j < len(toks) and toks[j].norm == ",":
                j += 1
            if j < len(toks) and toks[j].form in ("jr", "sr", "ii", "iii") and toks[j].sentence == m.sentence:
                end = j + 2 if j + 1 < len(toks) and toks[j + 1].norm == "." and toks[j + 1].sentence == m.sentence \
                    else j + 1
                mentions[k] = self._mention(doc, m.tok_start, end, "person", m.entities)
        return mentions

