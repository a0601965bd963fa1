"""When and how an English event happened: modality from the verb group, date, place, mode.

The verb group right before the trigger carries negation ("did not meet", "didn't"), the future
("will", "is expected to", "plans to", an infinitive "to visit") and the pluperfect ("had
visited": undated); habitual cues and recurrences ("every year", "every two months") anywhere in
the clause make the event habitual. The date is the nearest time expression in the trigger's own
clause, or one opening the sentence; with none, the publication day (basis "publication").
"""

from __future__ import annotations

import re

from ghatna.lang.grammar import Grammar
from ghatna.lang.patterns import Pattern
from ghatna.model import NO_DATE, Document, Event, EventDate, Location, Mention, date_of, publication_date
from ghatna.stages.en_clauses import EnglishSentence
from ghatna.stages.en_syntax import EnglishSyntax

VERB_GROUP = 6
ADJECTIVE_RECURRENCES = frozenset({"annual", "biannual", "biennial", "yearly", "monthly", "weekly", "regular"})
TALK_VERBS = frozenset({"spoke", "speak", "speaks", "talked", "talk", "talks", "discussed", "conversation"})
CALL_WORDS = frozenset({"call", "calls", "phone", "telephone", "video", "virtual", "videoconference"})


def contains(keys: list[str], phrase: tuple[str, ...], present: frozenset[str] | None = None) -> bool:
    """Is the phrase (a tuple of keys) in the key sequence? ``present`` (the set of the keys)
    answers most questions without a scan."""
    if present is not None and phrase[0] not in present:
        return False
    n = len(phrase)
    if n == 1:
        return phrase[0] in (present if present is not None else keys)
    return any(tuple(keys[i : i + n]) == phrase for i in range(len(keys) - n + 1))


def titled_call(doc: Document) -> bool:
    title = doc.article.title or ""
    return any(w in CALL_WORDS for w in re.findall(r"[a-z]+", title.lower()))


def same_talks(events: list[Event]) -> list[Event]:
    """"X met Y. The leaders discussed …": an undated talk between the same sides as a talk
    reported before it is that talk (its evidence joins the first report)."""
    out: list[Event] = []
    for ev in events:
        sides = {e.id for e in ev.actors}
        first = next((x for x in out if ev.type == "CONSULT" and x.type == "CONSULT" and ev.modality == x.modality
                      and {e.id for e in x.actors} == sides and not x.recipients and not ev.recipients
                      and ev.date.basis in (None, "publication") and ev.mode in (None, x.mode)), None)
        if first is None:
            out.append(ev)
        else:
            first.evidence.extend(ev.evidence)
    return out


class EnglishModality:
    """Modality, date, place and mode of an event (mixed into the English event tagger)."""

    gram: Grammar
    syn: EnglishSyntax

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

    def _modality(self, sv: EnglishSentence, t0: int, t1: int, left: int, right: int, p: Pattern,
                  nominal: bool) -> str:
        toks = sv.toks
        vg = self._verb_group(sv, t0, left)
        forms = [toks[j].form for j in vg]
        neg = [k for k, f in enumerate(forms) if f in self.gram.negation and k >= len(forms) - 4
               and not (k + 1 < len(forms) and forms[k + 1] == "only")]  # "not only supported"
        if neg or any(
                toks[j].form == "t" and toks[j - 1].norm in ("'", "’") for j in vg[-3:]):  # "didn't"
            return "negated"
        if p.modality:
            return p.modality
        vstart = vg[0] if vg else t0
        if any(self.gram.future_words.match(toks, j, t0 + 1) for j in range(vstart, t0)):
            return "future"
        after = sv.word_indices(t1, min(right, t1 + 6))
        if nominal and any(toks[j].form in ("later", "next") and self.gram.future_words.match(toks, j, right)
                           for j in after):
            return "future"  # "the summit later that day"
        if forms and forms[-1] == "to" and not nominal and not toks[t0].form.endswith(("s", "ed", "ing")) \
                and (len(forms) < 2 or forms[-2] != "used"):
            return "future"
        if any(self.gram.habitual_cues.match(toks, j, right) for j in range(left, right) if toks[j].key):
            return "habitual"
        return "actual"

    def _date(self, sv: EnglishSentence, t0: int, left: int, right: int, modality: str,
              stop: int, nominal: bool) -> tuple[EventDate, str | None]:
        """The date nearest the trigger in its clause, not past ``stop`` (an infinitive with dates
        of its own: "invited X to visit in February"), or one fronted before the clause ("On
        Monday, after the talks, …")."""
        recurrence = None
        best, best_d = None, 10**9
        for tm in sv.times:
            if tm.kind == "recurrence":
                if (nominal and 0 <= t0 - tm.tok_end <= 4) or tm.text.lower() in ADJECTIVE_RECURRENCES:
                    continue  # "the annual summit": one meeting of a series
                if left <= tm.tok_start < right or modality == "habitual":
                    recurrence = tm.recurrence
                continue
            if tm.kind != "date" or tm.value is None or sv.region_of(tm.tok_start) != sv.region_of(t0):
                continue  # not a date of the relative clause around or beside it
            if t0 <= tm.tok_start < min(right, stop):
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

    @staticmethod
    def _location(places: list[Mention], destination: Mention | None, p: Pattern) -> Location | None:
        cities = [m for m in places if m.kind in ("place", "organization") and m.place is not None]
        if cities:
            return cities[0].place
        if destination is not None and destination.place is not None and p.mode == "visit":
            return destination.place
        return places[0].place if places else None

    @staticmethod
    def _mode(sv: EnglishSentence, left: int, right: int, p: Pattern) -> str | None:
        if not p.mode_cues:
            return p.mode
        skeys = [t.key for t in sv.words(sv.a, sv.b)]
        ckeys = [t.key for t in sv.words(left, right)]
        sset, cset = frozenset(skeys), frozenset(ckeys)
        for mode, cues in p.mode_cues:
            keys, present = (skeys, sset) if mode == "multilateral" else (ckeys, cset)
            if any(contains(keys, c, present) for c in cues):
                return mode
        return p.mode
