"""Who the words before (or after) a verb of saying name: the speaker of a quote.

The speaker's phrase ends at the case marker or verb (Hindi "X ने", "X का कहना", "X कहते हैं";
English "X said") or begins after it ("said X", "according to X"). What the actors stage found
there is the speaker: a person, a body, a country, a generic agent, or a pronoun it resolved.
Else the phrase is read here: a name the dictionary lacks ("सपुत्रा ने", "Aisha Rahman said")
or a description headed by a speaker noun ("मंत्रालय के एक प्रवक्ता", "a senior official").
Either takes the country of what the clause names before it, else the article's main country.
A pronoun keeps the speaker of the quote before it when that speaker was introduced after the
person the actors stage resolved it to (a name only this stage read, "… वह कहते हैं").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ghatna.actors.names import loose_key
from ghatna.gazetteer.load import Gazetteer
from ghatna.lang.grammar import Grammar
from ghatna.model import Entity, Mention, Token
from ghatna.quotes.view import DocView
from ghatna.quotes.words import QuoteWords, SpeakerNoun
from ghatna.text.romanize import romanize

MAX_NAME_WORDS = 4
MAX_PHRASE_WORDS = 8  # how far back the words of a description may reach
UNKNOWN = "name:"  # the id prefix of persons and bodies the dictionary does not know
UNKNOWN_PREFIXES = (UNKNOWN, "UNK:")  # "UNK:": an office or a titled name of no known country
LINKING_CASES = (None, "nom", "gen", "ne")  # cases of a phrase that can tell a speaker's country
PRONOUN_REACH = 6  # sentences a pronoun may reach back to the last speaker when nothing else is named


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: Entity
    tok_start: int  # the words that name the speaker
    tok_end: int


@dataclass(slots=True)
class Context:
    """What attributing one article's quotes has learned so far."""

    last: Speaker | None = None  # the speaker of the last quote
    names: dict[str, Entity] = field(default_factory=dict)  # last name -> a person the dictionary lacks
    same: dict[str, Entity] = field(default_factory=dict)  # id of such a person named again -> who it is


def _people(ent: Entity) -> bool:
    """Whom "he" or "they" may mean: a person or a body of people ("IND:police"), never a
    newspaper or a country."""
    return ent.kind in ("person", "group") or (":" in ent.id and not ent.id.startswith(UNKNOWN))


def _is_devanagari(t: Token) -> bool:
    return bool(t.norm) and all("\u0900" <= c <= "\u097f" for c in t.norm)


class SpeakerFinder:
    def __init__(self, gram: Grammar, words: QuoteWords, gazetteer: Gazetteer) -> None:
        self.gram = gram
        self.words = words
        self.g = gazetteer
        self.stop = (gram.function_words() | words.verbs.keys() | words.bridge | words.before_verb
                     | words.verb_tail | words.not_names | {c[0] for c in words.calls}
                     | gram.title_markers.by_first.keys())
        self.pronoun_firsts = frozenset(gram.pronouns.by_first) | words.pronouns
        self.gen = frozenset(first for first, lst in gram.postpositions.by_first.items()
                             for keys, label in lst if label == "gen" and len(keys) == 1)

    # -- a phrase ending before a marker ------------------------------------------------------

    def before(self, view: DocView, e: int, lo: int, ctx: Context, scan_end: int | None = None) -> Speaker | None:
        """The speaker named by the words ending just before token e (not before token lo).
        ``scan_end``: where to stop looking for the speaker's country (after an apposition)."""
        if e <= lo:
            return None
        m = view.ending.get(e)
        if m is not None and m.tok_start >= lo:
            return self.of_mention(view, m, ctx)
        toks = view.tokens
        last = toks[e - 1].form
        if last in self.pronoun_firsts:  # a pronoun the actors stage could not resolve
            return self._last_speaker(view, e - 1, ctx.last)
        if last in self.words.source_nouns and e - 2 > lo and toks[e - 2].form in self.gen:
            return self.before(view, e - 2, lo, ctx)  # "X की रिपोर्ट के अनुसार"
        if toks[e - 1].norm == ",":
            k = self._apposition_start(view, e - 1, lo)  # "X, Y के प्रमुख, का कहना है"
            return self.before(view, k, lo, ctx, scan_end=e - 1) if k is not None else None
        j = e
        while j > lo and e - j < MAX_NAME_WORDS and self._name_word(view, j - 1):
            j -= 1
        if j < e:
            noun = self.words.nouns.get(toks[j - 1].form) if j > lo else None
            return self._named(view, j, e, lo, noun, ctx, scan_end)
        noun = self.words.nouns.get(last)
        if noun is not None:
            return self._described(view, e - 1, e, lo, noun)
        return None

    def _apposition_start(self, view: DocView, comma: int, lo: int) -> int | None:
        """The comma opening the apposition that the comma at ``comma`` closes, when the words
        between them say no verb."""
        toks = view.tokens
        for k in range(comma - 1, max(lo, comma - MAX_PHRASE_WORDS) - 1, -1):
            t = toks[k]
            if t.norm == ",":
                return k if k < comma - 1 else None
            if t.key == "|" or t.form in self.words.verbs or t.form in self.gram.finite_ends:
                return None
        return None

    # -- a phrase starting after a marker ("said X", "according to X") ------------------------

    def after(self, view: DocView, s: int, hi: int, ctx: Context) -> Speaker | None:
        """The speaker named by the words starting at token s (before token hi)."""
        toks = view.tokens
        while s < hi and (toks[s].form in self.words.determiners or toks[s].form in self.gram.honorifics):
            s += 1
        if s >= hi:
            return None
        m = view.beginning.get(s)
        if m is not None and m.tok_end <= hi:
            return self.of_mention(view, m, ctx)
        if toks[s].form in self.words.source_nouns:  # "a statement from X"
            k = s + 1
            while k < hi and k - s <= 2 and toks[k].form in self.words.source_links:
                k += 1
            return self.after(view, k, hi, ctx) if k > s + 1 else None
        place = view.places_beginning.get(s)
        first = place.tok_end if place is not None else s  # "the Miami Herald": a place opens the name
        e = first
        while e < hi and e - first < MAX_NAME_WORDS and self._name_word(view, e):
            e += 1
        if e > first:
            return self._named(view, s, e, s, None, ctx)
        k = s
        while k < hi and k - s < 3 and not view.is_punct(k):
            noun = self.words.nouns.get(toks[k].form)
            if noun is not None:
                sp = self._described(view, k, k + 1, s, noun)
                after = [x for x in view.between(k + 1, hi) if x.entities and x.entities[0].country]
                if after and sp is not None:  # "a spokesperson for the ministry"
                    ent = after[0].entities[0]
                    return Speaker(self._description(noun, ent.country, ent.name, None), s, after[0].tok_end)
                return sp
            k += 1
        return None

    # -- what a mention names -----------------------------------------------------------------

    def of_mention(self, view: DocView, m: Mention, ctx: Context) -> Speaker | None:
        ent = m.entities[0]
        ent = ctx.same.get(ent.id, ent)
        if m.kind == "agent":
            return Speaker(self._agent_of_place(view, m, ent), m.tok_start, m.tok_end)
        if m.kind == "pronoun":
            last = ctx.last
            # the last speaker, when named after whom the actors stage chose
            if last is not None and _people(last.entity) and last.tok_start > view.last_named(ent.id, m.tok_start) \
                    and last.entity.id != ent.id:
                return Speaker(last.entity, m.tok_start, m.tok_end)
            return Speaker(ent, m.tok_start, m.tok_end)
        if self._unknown(ent):  # a name the actors stage read but the dictionary lacks
            seen = ctx.names.get(loose_key(view.tokens[m.tok_end - 1].key)) if ent.kind == "person" else None
            if seen is not None:  # the same person, named in full before ("… X Y ने", "Y ने")
                ctx.same[ent.id] = seen
                return Speaker(seen, m.tok_start, m.tok_end)
            if not ent.country:  # "पुलिस प्रवक्ता X ने" with no country for the title
                lo = view.doc.sentences[m.sentence].tok_start
                ent = replace(ent, country=self.country_near(view, lo, m.tok_start))
        if ent.kind == "person":
            ctx.names.setdefault(loose_key(view.tokens[m.tok_end - 1].key), ent)
        return Speaker(ent, m.tok_start, m.tok_end)

    def _unknown(self, ent: Entity) -> bool:
        """A person or body the dictionary lacks (not a generic agent, which has its country)."""
        return ent.kind in ("person", "organization", "group") and ent.id not in self.g.persons \
            and ent.id not in self.g.organizations and (":" not in ent.id or ent.id.startswith(UNKNOWN_PREFIXES))

    def _agent_of_place(self, view: DocView, m: Mention, ent: Entity) -> Entity:
        """"दिल्ली पुलिस के एक अधिकारी", "the Delhi police": a generic agent whose own phrase names the
        place it belongs to takes that place's country."""
        toks = view.tokens
        k = m.tok_start
        while k > 0 and m.tok_start - k < MAX_PHRASE_WORDS and toks[k - 1].key != "|" \
                and toks[k - 1].sentence == m.sentence and (k - 1) not in view.covered:
            k -= 1
        owner = view.ending.get(k) or view.places_ending.get(k)
        if owner is None or owner.case not in ("gen", None) or not owner.entities:
            return ent
        # "दिल्ली पुलिस के अधिकारी": the owner may itself be an agent of a place
        owned = self._agent_of_place(view, owner, owner.entities[0]) if owner.kind == "agent" else owner.entities[0]
        country = owned.country
        agent = self.g.agents.get(ent.id.split(":")[-1])
        if not country or country == ent.country or agent is None or country not in self.g.countries:
            return ent
        return agent.entity(country, self.g.countries[country].name)

    def _last_speaker(self, view: DocView, j: int, last: Speaker | None) -> Speaker | None:
        toks = view.tokens
        if last is None or not _people(last.entity) or toks[j].sentence - toks[last.tok_start].sentence > PRONOUN_REACH:
            return None
        return Speaker(last.entity, j, j + 1)

    # -- names and descriptions the dictionary lacks ------------------------------------------

    def _name_word(self, view: DocView, j: int) -> bool:
        t = view.tokens[j]
        if view.is_punct(j) or t.form in self.stop or t.form in self.words.nouns or t.form.isdigit():
            return False
        if view.in_quote(j) or len(t.norm) < 2 or j in view.covered:
            return False
        if self.words.capitalized_names:
            return t.text[:1].isupper() and t.text.isalpha()
        return _is_devanagari(t)

    def _named(self, view: DocView, s: int, e: int, lo: int, noun: SpeakerNoun | None, ctx: Context,
               scan_end: int | None = None) -> Speaker:
        """A person the dictionary lacks, named by tokens s..e-1: the same person as a speaker
        named before with that last name, else a new one with the clause's country."""
        words = view.tokens[s:e]
        surname = loose_key(words[-1].key)
        seen = ctx.names.get(surname)
        if seen is not None:
            return Speaker(seen, s, e)
        raw = " ".join(t.text for t in words)
        country = self.country_near(view, lo, scan_end if scan_end is not None else s)
        latin = self.words.capitalized_names
        name = raw if latin else (romanize(raw) or raw)
        if words[-1].form in self.words.publications:  # "X पोस्ट के अनुसार": a newspaper, not a person
            return Speaker(Entity(UNKNOWN + "".join(t.key for t in words), name, "organization", country, "MED",
                                  None, None if latin else raw), s, e)
        ent = Entity(UNKNOWN + "".join(t.key for t in words), name, "person", country,
                     noun.sector if noun else None, None, None if latin else raw)
        ctx.names[surname] = ent
        return Speaker(ent, s, e)

    def _described(self, view: DocView, head: int, e: int, lo: int, noun: SpeakerNoun) -> Speaker | None:
        """"मंत्रालय के एक प्रवक्ता", "a senior official": a speaker described, not named."""
        toks = view.tokens
        s = head
        while s > lo and head - s < MAX_PHRASE_WORDS and toks[s - 1].key != "|" \
                and toks[s - 1].form not in self.words.verbs and toks[s - 1].form not in self.gram.finite_ends \
                and not self.gram.clause_breaks.by_first.get(toks[s - 1].form):
            s -= 1
        owner = next((m for m in reversed(view.between(s, head)) if m.entities and m.kind != "pronoun"), None)
        country = (owner.entities[0].country if owner is not None else None) or self.country_near(view, lo, s)
        name_hi = None if self.words.capitalized_names else view.doc.text[toks[s].start:toks[e - 1].end]
        owner_name = owner.entities[0].name if owner is not None and owner.kind != "country" else None
        return Speaker(self._description(noun, country, owner_name, name_hi), s, e)

    def _description(self, noun: SpeakerNoun, country: str | None, owner: str | None,
                     name_hi: str | None) -> Entity:
        cname = self.g.countries[country].name if country in self.g.countries else None
        qualifier = owner or cname
        name = f"{qualifier} {noun.name}" if qualifier else noun.name
        return Entity(f"desc:{country or 'UNK'}:{noun.name.replace(' ', '-')}", name, "person", country,
                      noun.sector, None, name_hi)

    def country_near(self, view: DocView, lo: int, e: int) -> str | None:
        """The country of what the clause names before token e (nearest first), else of the
        sentence, else the article's main country, else the language's home country."""
        for m in reversed(view.between(lo, e)):
            # what the speaker is of, not where they are ("दुबई में रहने वाले X ने")
            if m.entities and m.entities[0].country and m.kind != "pronoun" and m.case in LINKING_CASES:
                return m.entities[0].country
        toks = view.tokens
        if e < len(toks):
            sent = view.doc.sentences[toks[e].sentence]
            for m in view.between(sent.tok_start, sent.tok_end):
                if m.kind in ("place", "country") and m.entities and m.entities[0].country:
                    return m.entities[0].country
        return view.main_country() or self.gram.home_country
