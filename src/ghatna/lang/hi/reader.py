"""Hindi sentences as the event layer reads them: clauses, case-marked phrases, the verb group.

Hindi marks roles with postpositions, so arguments are read without a parser. A clause runs
between clause words (कि, जो, लेकिन …) and commas after a finite verb. Each actor mention takes
the marker after it (ने, को, से, पर, के साथ, द्वारा, का/की/के …); coordinated mentions ("X, Y और
Z से") share the last one's; a demonym or a genitive owner whose noun carries a marker stands for
that noun phrase ("अमरीकी ठिकानों पर" is aimed at the US). The verb group after the trigger gives
voice (passive -या गया), aspect and modality (future -एगा, habitual -ता है with a cue, negation).
"""

from __future__ import annotations

from collections.abc import Sequence

from ghatna.events.lexicon import TriggerClass
from ghatna.events.reading import ACTOR_KINDS, Argument, Predicate, SentenceView
from ghatna.lang.grammar import Grammar
from ghatna.model import NO_DATE, Document, Entity, EventDate, Mention, TimeMention, Token, date_of, publication_date
from ghatna.text.segment import BOUNDARY_KEY

TAIL_WORDS = 8
HEAD_WORDS = 3  # words a demonym or a genitive may stand from the noun whose marker it takes
QUOTE_MARKS = frozenset("\"“”‘’«»„'")
INLINE_MARKS = QUOTE_MARKS | frozenset("()[]{}/&")  # inside a clause, not between clauses
GENITIVE = ("की", "का", "के")
INFINITIVE_ENDINGS = ("ने", "ना", "नी")  # "करने से", "जाने को": a verb, not a noun phrase
PLURAL_OBLIQUE = ("ों",)  # "लोगों", "वैज्ञानिकों", "प्रतिभागियों"
# markers of a noun predicate's own arguments (a genitive before them still belongs to the noun)
ARGUMENT_MARKERS = frozenset({"upon", "against", "ko", "se", "with", "towards", "for"})


def joined(toks: Sequence[Token], a: int, b: int, coordinators: frozenset[str]) -> bool:
    """Are tokens a..b only conjunctions, commas or a hyphen ("X, Y और Z", "भारत-चीन")?"""
    return b > a and all(t.form in coordinators or t.norm in (",", "-", "–") for t in toks[a:b])


class HindiView(SentenceView):
    """A sentence with its clause breaks and the marker of each mention."""

    def __init__(self, doc: Document, si: int, gram: Grammar, mentions: list[Mention], times: list[TimeMention],
                 trigger_starts: dict[int, int], stop_words: frozenset[str] = frozenset()) -> None:
        s = doc.sentences[si]
        super().__init__(doc, si, s.tok_start, s.tok_end, mentions, times, trigger_starts)
        self.gram = gram
        self.stop_words = stop_words  # words that are never the head of a noun phrase
        self.trigger_tokens = {j for a, b in trigger_starts.items() for j in range(a, b)}
        self.breaks = self._breaks()
        self.case: dict[int, str | None] = {id(m): m.case for m in mentions}
        self.position: dict[int, int] = {id(m): i for i, m in enumerate(mentions)}
        self.case_end: dict[int, int] = {id(m): m.case_end for m in mentions}
        self.absorbed: set[int] = set()  # nouns a name before them stands for ("अमरीकी ठिकानों")
        self.durations = self._durations()
        self._phrase_heads()
        self._share_coordinated_case()
        self._phrases: list[Mention] | None = None
        self._victims: list[Mention] | None = None

    def _durations(self) -> set[int]:
        """Tokens of a length of time and its genitive marker ("दो दिन की", "तीन दिवसीय"): a
        modifier of the noun after it, which leaves the noun's other genitives in place ("मोदी
        की रूस की दो दिन की यात्रा")."""
        toks, out = self.doc.tokens, set()
        for tm in self.times:
            if tm.kind != "duration":
                continue
            out.update(range(tm.tok_start, tm.tok_end))
            hit = self.gram.postpositions.match(toks, tm.tok_end, self.b)
            if hit is not None and hit[0] == "gen":
                out.update(range(tm.tok_end, tm.tok_end + hit[1]))
        return out

    @property
    def victims(self) -> list[Mention]:
        """Mentions followed by a word of dying or being hurt ("X मारे गए", "X की मौत")."""
        if self._victims is None:
            toks, markers = self.doc.tokens, self.gram.victim_markers
            self._victims = [m for m in self.mentions
                             if m.kind in ACTOR_KINDS and markers.match(toks, m.tok_end, self.b)]
        return self._victims

    @property
    def phrases(self) -> list[Mention]:
        """Noun phrases no dictionary knows (read on first use)."""
        if self._phrases is None:
            self._phrases = self._open_phrases()
        return self._phrases

    def _breaks(self) -> list[int]:
        toks, gram = self.doc.tokens, self.gram
        out = []
        prev_word = ""
        condition = False  # inside "अगर …" until its "तो"
        j = self.a
        while j < self.b:
            t = toks[j]
            if t.key and t.form in gram.conditional_cues:
                condition = True
            elif condition and t.key and t.form in gram.conditional_then:
                out.append(j)
                condition = False
                prev_word = ""
                j += 1
                continue
            if t.key == BOUNDARY_KEY:
                if t.norm in INLINE_MARKS:
                    pass  # quotations and brackets sit inside their clause
                elif t.norm != "," or prev_word in gram.finite_ends or prev_word in gram.comma_breaks_after:
                    out.append(j)
            elif t.key and t.form in gram.clause_breaks.by_first:  # no break starts at other words
                hit = gram.clause_breaks.match(toks, j, self.b)
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

    def _phrase_heads(self) -> None:
        """"अमरीकी ठिकानों पर", "ईरान के दो जनरलों को": a demonym or a genitive owner before a
        noun that is no name itself takes that noun's marker — the phrase names a part of the
        owner's side. Not through a trigger ("ईरान की धमकी पर": the genitive is the threat's)."""
        toks, gram = self.doc.tokens, self.gram
        starts = {m.tok_start for m in self.mentions}
        times = {j for t in self.times for j in range(t.tok_start, t.tok_end)}
        for m in self.mentions:
            if m.kind not in ("adjective", "country", "organization", "person", "agent", "pronoun"):
                continue
            if self.case[id(m)] is None and m.kind in ("adjective", "country", "organization", "agent"):
                # "संयुक्त राष्ट्र महासचिव ने", "अमरीकी सैन्य ठिकानों पर": a name or a demonym
                # right before the noun it qualifies
                j = m.tok_end
            elif self.case[id(m)] == "gen" and m.kind != "adjective":
                j = self.case_end[id(m)]
            else:
                continue
            words = 0
            while j < self.b and words <= HEAD_WORDS:
                t = toks[j]
                if not t.key:
                    j += 1
                    continue
                if j in self.trigger_tokens and self._modifies_noun(j):
                    words += 1  # "राहत कर्मियों को": a trigger noun qualifying the noun after it
                    j += 1
                    continue
                if t.key == BOUNDARY_KEY or j in starts or j in self.trigger_tokens or t.form in gram.coordinators \
                        or j in times or t.form.isdigit():
                    break
                hit = gram.postpositions.match(toks, j, self.b)
                if hit is not None:
                    # a demonym's phrase may end in a genitive too ("ईरानी जनरल की हत्या": the
                    # general is the killing's victim, so Iran is)
                    # (not a country's locative: "अमेरिका पश्चिम एशिया में … भेजेगा" names where the
                    # subject acts, not a part of it)
                    if words and (hit[0] != "gen" or m.kind == "adjective") \
                            and not (m.kind == "country" and self.case[id(m)] is None and hit[0] == "in"):
                        self.case[id(m)], self.case_end[id(m)] = hit[0], j + hit[1]
                        self.absorbed.update(range(m.tok_end, j))
                    break
                if t.form in gram.finite_ends or t.form in gram.auxiliaries or t.form in gram.participles:
                    break
                if t.form in gram.place_nouns and self.case[id(m)] is None:
                    break  # "चीन सीमा पर": a place by the country, not a part of its side (but "सीरिया के
                    # इलाकों से", "अफगानिस्तान के पक्तिका प्रांत में": the owner's land, the owner's marker)
                words += 1
                j += 1

    def _modifies_noun(self, j: int) -> bool:
        """Is the one-word trigger noun at j the first part of a compound ("राहत कर्मियों को"): a
        plural oblique noun (in -ों, a form no verb takes) follows it, then a case marker? ("ईरान की
        धमकी पर": the marker follows the trigger itself, which heads its phrase.)"""
        toks, gram = self.doc.tokens, self.gram
        if self.trigger_starts.get(j) != j + 1:
            return False
        k = j + 1
        while k < self.b and not toks[k].key:
            k += 1
        if k + 1 >= self.b or k in self.trigger_tokens or toks[k].key == BOUNDARY_KEY:
            return False
        if not toks[k].text.endswith("ों") or gram.postpositions.match(toks, k, self.b) is not None:
            return False
        hit = gram.postpositions.match(toks, k + 1, self.b)
        return hit is not None and hit[0] != "gen"

    def _share_coordinated_case(self) -> None:
        """"X, Y और Z से": X and Y take Z's marker. A genitive modifier ("चीन के … यांग से") stands
        for the phrase it modifies."""
        toks = self.doc.tokens
        ms = self.mentions
        head: dict[int, Mention] = {}
        for i, m in enumerate(ms[:-1]):
            nxt = ms[i + 1]
            gap = [t for t in toks[self.case_end[id(m)] : nxt.tok_start] if t.key]
            if self.case[id(m)] == "gen" and len(gap) <= 4 and all(t.key != BOUNDARY_KEY for t in gap):
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
                self.case_end[id(m)] = self.case_end[id(nxt)]

    def _open_phrases(self) -> list[Mention]:
        """Noun phrases no dictionary knows, with the marker after them ("प्रतिभागियों को",
        "अर्थशास्त्रियों के साथ"): candidates for an addressee or a partner (kind "phrase", no
        country yet — the event layer gives it the country of its context)."""
        toks, gram = self.doc.tokens, self.gram
        taken = {j for m in self.mentions for j in range(m.tok_start, m.case_end if m.case else m.tok_end)}
        taken |= self.trigger_tokens | self.absorbed
        taken |= {j for t in self.times for j in range(t.tok_start, t.tok_end)}
        words = self.stop_words
        out: list[Mention] = []
        j = self.a + 1
        while j < self.b:
            hit = gram.postpositions.match(toks, j, self.b) if toks[j].form in gram.postpositions.by_first else None
            if hit is None or hit[0] in ("gen", "in", "according"):
                j += 1
                continue
            h = j - 1
            while h > self.a and not toks[h].key:
                h -= 1
            head = toks[h]
            if gram.adverbials.match(toks, h, self.b):
                j += hit[1]
                continue  # "सक्रिय रूप से", "इस बारे में": an adverb, not a noun phrase
            # a doer marked ने or द्वारा is a person or a body whatever its noun; an addressee or a
            # partner the dictionary does not know is taken only as a group of people: a plural
            # noun in the oblique (-ओं: "वैज्ञानिकों से", "प्रतिभागियों को"), not "दरवाजे को"
            animate = hit[0] in ("ne", "by") or head.form.endswith(PLURAL_OBLIQUE)
            if animate and h not in taken and head.key != BOUNDARY_KEY and head.form not in words \
                    and len(head.form) > 2 and not head.form.isdigit() and not head.form.endswith(INFINITIVE_ENDINGS) \
                    and any("\u0900" <= c <= "\u097f" for c in head.form):
                start = h
                while start - 1 > self.a and (start - 1) not in taken and toks[start - 1].key \
                        and toks[start - 1].key != BOUNDARY_KEY and toks[start - 1].form not in words \
                        and h - start < 2:
                    start -= 1
                out.append(self._phrase(start, h + 1, hit[0], j + hit[1]))
            j += hit[1]
        return out

    def _phrase(self, ts: int, te: int, case: str, case_end: int) -> Mention:
        toks = self.doc.tokens
        raw = self.doc.text[toks[ts].start : toks[te - 1].end]
        ident = "np:" + "".join(t.key for t in toks[ts:te])
        # named by its own words: a romanised common noun ("Pakshon") would pass for a proper name
        ent = Entity(ident, raw, "group", None, None, None, raw)
        return Mention(toks[ts].start, toks[te - 1].end, raw, self.si, "phrase", ts, te, [ent], case, case_end)

    def clause(self, t0: int, t1: int) -> tuple[int, int]:
        left = max([j + 1 for j in self.breaks if j < t0], default=self.a)
        right = min([j for j in self.breaks if j >= t1], default=self.b)
        return left, right

    def next_clause(self, right: int) -> tuple[int, int]:
        return self.clause(right + 1, right + 1) if right < self.b else (right, right)


class HindiReader:
    """The Hindi syntax the event layer needs (see events/reading.py)."""

    tail_reach = 3  # the light verb follows its noun: "हमला किया", "प्रतिबंध लगाए"

    def __init__(self, gram: Grammar) -> None:
        self.gram = gram
        self.stop_words = (gram.function_words() | gram.auxiliaries | gram.participles | gram.nominal_markers
                           | gram.place_nouns)
        # the light verbs' forms and the participle's closing words, finite auxiliaries excluded
        self.verb_group_words = frozenset(
            f for forms in gram.inflector.irregular.values() for f in forms) | gram.participle_words
        self.verb_group_words -= gram.auxiliaries

    def view(self, doc: Document, si: int, mentions: list[Mention], times: list[TimeMention],
             trigger_starts: dict[int, int]) -> HindiView:
        return HindiView(doc, si, self.gram, mentions, times, trigger_starts, self.stop_words)

    # -- the trigger and its verb group -------------------------------------------------------

    def predicate(self, sv: SentenceView, t0: int, t1: int) -> Predicate:
        assert isinstance(sv, HindiView)
        toks, gram = sv.toks, self.gram
        left, right = sv.clause(t0, t1)
        tail = [j for j in range(t1, right) if toks[j].key][:TAIL_WORDS]
        if t1 - t0 > 1 and toks[t1 - 1].form == "की" and tail and self._nominal(toks, [t1 - 1, *tail]):
            # "हत्या की निंदा की": the first की is the genitive before another noun, not the light
            # verb, so the trigger is the noun alone ("the killing", object of the condemnation)
            t1 -= 1
            while t1 > t0 + 1 and not toks[t1 - 1].key:
                t1 -= 1
            tail = [j for j in range(t1, right) if toks[j].key][:TAIL_WORDS]
        passive = any(gram.passive_tail.match(toks, j, right) for j in tail[:4])
        p = Predicate(t0, t1, left, right, nominal=self._nominal(toks, tail), passive=passive, tail=tail)
        p.governor = self._governor(sv, tail)
        if p.governor is None and len(tail) > 1 and toks[tail[0]].form == "को" and tail[1] in sv.trigger_starts:
            # "Y के साथ वार्ता को खारिज कर दिया": the object of a refusal, demand or threat (not of
            # other acts: "हमले को अंजाम दिया" is the attack itself)
            p.governor, p.object_of = tail[1], True
        return p

    def _nominal(self, toks: list[Token], tail: list[int]) -> bool:
        """Is the trigger a noun inside a phrase ("हमले में", "हत्या के बाद") rather than the head
        of the clause's predicate ("हमला किया", "निंदा की")?"""
        if not tail:
            return False
        first = toks[tail[0]].form
        second = toks[tail[1]].form if len(tail) > 1 else ""
        if second in self.gram.complement_heads and first in GENITIVE:
            return False  # "जवाब देने का ऐलान किया": the event is what was announced
        if first in self.gram.nominal_markers:
            return True
        if first == "की" and second and toks[tail[1]].key != BOUNDARY_KEY:
            return second not in self.gram.finite_ends and second not in self.gram.auxiliaries \
                and second not in self.gram.negation
        return False  # "निंदा की", "अपील की, कि …": की is the light verb

    def _governor(self, sv: SentenceView, tail: list[int]) -> int | None:
        """"हमला करने की धमकी", "युद्धविराम पर सहमत होने की अपील": the trigger (with its light
        verb) is the genitive complement of the next trigger — a threat, an appeal, a refusal."""
        toks = sv.toks
        for k, j in enumerate(tail[:3]):
            if toks[j].form in GENITIVE or toks[j].form == "से":
                if k + 1 < len(tail) and tail[k + 1] in sv.trigger_starts:
                    return tail[k + 1]
                return None
            if k >= 1:
                break
        return None

    def directive(self, sv: SentenceView, p: Predicate) -> bool:
        """Is what was said a directive: an infinitive right before को/के लिए ("बचने को कहा") or
        a कि-clause after the verb whose verb is subjunctive ("कहा कि वे संयम बरतें") or an
        obligation ("… करना चाहिए")?"""
        assert isinstance(sv, HindiView)
        toks, gram = sv.toks, self.gram
        before = [j for j in range(max(sv.a, p.t0 - 2), p.t0) if toks[j].key]
        if before and toks[before[-1]].form.endswith(INFINITIVE_ENDINGS):
            return True
        j = p.right
        if j < sv.b and toks[j].key == BOUNDARY_KEY:
            j += 1
        if j >= sv.b or toks[j].form not in gram.complementizers:
            return False
        nl, nr = sv.next_clause(j)
        words = [toks[k] for k in range(nl, nr) if toks[k].key and toks[k].key != BOUNDARY_KEY]
        last = [t.form for t in words[-3:]]
        return any(f in ("चाहिए", "चाहिये") for f in last) or (
            bool(words) and words[-1].form.endswith(gram.subjunctive_endings) and words[-1].form not in gram.finite_ends
            and words[-1].form not in gram.auxiliaries)

    def blocked(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> bool:
        """A conditional clause (यदि/अगर) reports no event; nor does what follows its "तो", unless
        someone says it will happen: a conditional threat or promise ("X ने कहा कि अगर … तो हम
        … करेंगे"), which the speech acts type."""
        assert isinstance(sv, HindiView)
        if any(t.form in self.gram.conditional_cues for t in sv.toks[p.left : p.right]):
            return True
        if self._antecedent(sv, p) is None:
            return False
        return not (self.speaker(sv, p) and self.modality(sv, p, cls) == "future")

    def _antecedent(self, sv: HindiView, p: Predicate) -> int | None:
        """Where the condition ("अगर …") of a clause opened by "तो" begins, if it is one."""
        toks = sv.toks
        k = p.left - 1
        while k > sv.a and not toks[k].key:
            k -= 1
        if k <= sv.a or toks[k].form not in self.gram.conditional_then:
            return None
        start, _ = sv.clause(k, k)
        return start if any(t.form in self.gram.conditional_cues for t in toks[start:k]) else None

    # -- arguments ------------------------------------------------------------------------------

    def arguments(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Argument]:
        assert isinstance(sv, HindiView)
        out: list[Argument] = []
        in_clause = [m for m in sv.mentions if p.left <= m.tok_start and m.tok_end <= p.right]
        # an ergative (ने) or passive (द्वारा) agent leaves nominatives as objects, not subjects
        first_nom_done = any(sv.case.get(id(m)) in ("ne", "by") for m in in_clause if m.tok_end <= p.t0)
        last_nom: Mention | None = None
        for i, m in enumerate(in_clause):
            if m.tok_start >= p.t0 and m.tok_end <= p.t1:
                continue
            between = [x for x in in_clause[i + 1 :] if m.tok_end <= x.tok_start and x.tok_end <= p.t0]
            marker = self._marker(sv, m, p, between)
            if marker is None:
                continue
            if marker == "nom":
                if m.kind == "place":
                    out.append(Argument("in", m))  # "वाशिंगटन में" or a bare place: where it happened
                    continue
                if first_nom_done and not (last_nom is not None and self._coordinated(sv, m, last_nom)):
                    continue
                first_nom_done = True
                last_nom = m
                if p.passive:
                    marker = "patient"
                if p.nominal:
                    continue  # "… की हत्या के बाद": the clause's subject did not do this
            elif marker in ("ne",) and p.nominal:
                continue
            out.append(Argument(marker, m))
        for m in sv.phrases:  # unknown noun phrases, by the same rules (their marker is their own)
            if p.left <= m.tok_start and m.tok_end <= p.t0 and not (p.nominal and m.case in ("ne", "by")) \
                    and not (m.case == "ne" and any(a.marker == "ne" for a in out)):
                out.append(Argument(m.case or "nom", m))
        out.extend(Argument("victim", m) for m in sv.victims)
        head = self._participle_head(sv, p)
        if head is not None and all(a.mention is not head for a in out):
            # the participle's own subject is its noun: the clause's subject is another verb's
            out = [a for a in out if a.marker not in ("nom", "ne", "patient")]
            out.append(Argument("patient" if p.passive else "nom", head))
        return out

    def _participle_head(self, sv: HindiView, p: Predicate) -> Mention | None:
        """The noun a participle of the trigger stands before, its subject ("भारत पहुंचे चीनी
        प्रधानमंत्री", "हमला करने वाले आतंकी") or, passive, its object ("गिरफ्तार किए गए तीन लोग")."""
        toks, gram = sv.toks, self.gram
        words = [j for j in range(p.t1, min(sv.b, p.t1 + 12)) if toks[j].key][:6]
        k = 0
        if words and toks[words[0]].form in gram.postpositions.by_first:
            hit = gram.postpositions.match(toks, words[0], sv.b)
            if hit is None or hit[0] not in ("in", "upon"):
                return None
            k = 1  # a noun joined to its verb by a place-like postposition: "दौरे पर पहुंचे"
        # the verb group: light verbs and the words that close a participle ("किए गए", "करने वाले")
        verb_end = k
        while verb_end < len(words) and toks[words[verb_end]].form in self.verb_group_words:
            verb_end += 1
        if k == 1 and verb_end == 1:
            verb_end = 2 if len(words) > 1 and self._participle(toks[words[1]].form) else 1
        last = toks[words[verb_end - 1]].form if verb_end else toks[p.t1 - 1].form
        if not self._participle(last):
            return None
        # then the noun, after at most two modifiers ("गए तीन आतंकी") that are no function words
        for j in words[verb_end : verb_end + 3]:
            head = next((m for m in sv.mentions if m.tok_start == j), None)
            if head is not None:
                return head if head.kind in ACTOR_KINDS and head.kind != "adjective" else None
            if j in sv.trigger_tokens or toks[j].form in self.stop_words or self._participle(toks[j].form):
                return None
        return None

    def _participle(self, form: str) -> bool:
        gram = self.gram
        return form in gram.participle_words or (form not in self.stop_words and form.endswith(gram.participle_endings))

    def _marker(self, sv: HindiView, m: Mention, p: Predicate, between: list[Mention]) -> str | None:
        """The marker class relating m to the trigger; ``between``: the mentions between them."""
        toks, gram = sv.toks, self.gram
        t0, t1 = p.t0, p.t1
        case = sv.case.get(id(m))
        end = sv.case_end.get(id(m), m.tok_end)
        if case and end < t0 and toks[end].form in gram.participles:
            return None  # "थाने पर हुए हमले में": the phrase belongs to the participle's noun
        if m.tok_start >= t1:  # right of the trigger: only a passive agent
            return "by" if case == "by" else None
        words_to_trigger = [j for j in range(end, t0) if toks[j].key and j not in sv.durations]
        if case == "gen" and between and m.kind in ("person", "pronoun") and all(
                sv.case.get(id(x)) == "gen" and x.kind in ("country", "place") for x in between):
            # "मोदी की रूस की यात्रा": a person's genitive, then the place's — both belong to the noun
            last = between[-1]
            words_to_trigger = [j for j in range(sv.case_end.get(id(last), last.tok_end), t0)
                                if toks[j].key and j not in sv.durations]
            between = []
        if case == "gen" and between:
            # "अमरीका का ईरान पर हमला": phrases with a marker of their own between the genitive and
            # the noun are the noun's other arguments; the genitive still belongs to the noun
            own_args = [x for x in between if sv.case.get(id(x)) in ARGUMENT_MARKERS]
            skip = {j for x in own_args for j in range(x.tok_start, sv.case_end.get(id(x), x.tok_end))}
            words_to_trigger = [j for j in words_to_trigger if j not in skip]
            between = [x for x in between if x not in own_args]
        if case == "gen" and between and all(sv.case.get(id(x)) is None and x.kind in ("country", "place")
                                             and not [j for j in range(x.tok_end, t0) if toks[j].key]
                                             for x in between):
            between = []  # "X की फ्रांस यात्रा": the name before the noun is its own argument (cpd)
            words_to_trigger = [j for j in words_to_trigger if not any(x.tok_start <= j < x.tok_end
                                                                       for x in sv.mentions)]
        if case == "gen":
            # "मिस्र की अपनी पहली यात्रा": the genitive belongs to the trigger; "सुलेमानी की मौत का
            # बदला": it belongs to मौत, which has a marker of its own (but "X के निमंत्रण को स्वीकार"
            # keeps X: the object's owner)
            own = any((gram.postpositions.match(toks, j, t0) or ("ko",))[0] != "ko"
                      and not (k and toks[words_to_trigger[k - 1]].form in gram.place_nouns)
                      for k, j in enumerate(words_to_trigger))
            # "जयशंकर और ब्लिंकन की मुलाकात": a coordinated genitive shares the last one's place
            chain = between and joined(toks, m.tok_end, between[0].tok_start, gram.coordinators) and all(
                sv.case.get(id(x)) == "gen" for x in between)
            if chain:
                words_to_trigger = [j for j in range(sv.case_end.get(id(between[-1]), between[-1].tok_end), t0)
                                    if toks[j].key]
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

    def _coordinated(self, sv: HindiView, m: Mention, prev: Mention) -> bool:
        """Is m joined to the subject before it by commas and conjunctions only?"""
        idx = sv.position[id(m)]
        if idx == 0 or sv.mentions[idx - 1] is not prev:
            return False
        return joined(sv.toks, prev.tok_end, m.tok_start, self.gram.coordinators)

    # -- sides the clause does not name -------------------------------------------------------

    def _subject_in(self, sv: HindiView, a: int, b: int) -> list[Entity]:
        """The subject of the stretch [a, b): its first unmarked or ने-marked actor mention, with
        those coordinated with it ("पुतिन और मोदी … रखते हैं")."""
        ms = sv.mentions
        for i, m in enumerate(ms):
            if a <= m.tok_start < b and m.kind in ACTOR_KINDS and sv.case.get(id(m)) in ("ne", None) \
                    and m.kind != "adjective":
                out = list(m.entities)
                k = i
                while k + 1 < len(ms) and ms[k + 1].tok_start < b and ms[k + 1].kind in ACTOR_KINDS \
                        and joined(sv.toks, ms[k].tok_end, ms[k + 1].tok_start, self.gram.coordinators):
                    k += 1
                    out.extend(ms[k].entities)
                return out
        return []

    def subject_elsewhere(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> list[Entity]:
        """After a non-finite trigger ("बधाई देते हुए, मैक्रों ने कहा") the subject that follows; in
        a clause after a comma with no subject of its own ("X … रखते हैं, हर दो महीने … करते हैं")
        the previous clause's subject."""
        assert isinstance(sv, HindiView)
        toks = sv.toks
        if p.nominal:
            return []
        if any(self.gram.nonfinite_tail.match(toks, j, sv.b) for j in p.tail[:3]):
            found = self._subject_in(sv, p.t1, p.right)
            if found:
                return found
            nl, nr = sv.next_clause(p.right)
            return self._subject_in(sv, nl, nr)
        if p.left > sv.a and toks[p.left - 1].form in self.gram.relative_subjects:
            # "रूस, जिसने यूक्रेन पर हमला किया": the relative pronoun stands for the noun before it
            rel = p.left - 1
            ante = [m for m in sv.mentions if m.tok_end <= rel and m.kind in ACTOR_KINDS and m.kind != "adjective"
                    and len([j for j in range(m.tok_end, rel) if toks[j].key and toks[j].norm != ","]) <= 1]
            return list(ante[-1].entities) if ante else []
        if p.left > sv.a and toks[p.left - 1].norm == ",":
            pl, _ = sv.clause(p.left - 1, p.left - 1)
            return self._subject_in(sv, pl, p.left - 1)
        return []

    def speaker(self, sv: SentenceView, p: Predicate) -> list[Entity]:
        """The subject of the verb of saying before "कि" ("ट्रंप ने लिखा कि …")."""
        assert isinstance(sv, HindiView)
        toks = sv.toks
        left = self._antecedent(sv, p)
        left = p.left if left is None else left  # "कहा कि अगर … तो …": the condition opens the clause
        if not (left > sv.a and toks[left - 1].form in self.gram.complementizers):
            return []
        that = left - 1
        pl, _ = sv.clause(that, that)
        if any(toks[j].form in self.gram.speech_verbs for j in range(pl, that)):
            return self._subject_in(sv, pl, that)
        # "ट्रंप के इस बयान से … कि": the genitive owner of a noun of saying
        nouns = [j for j in range(pl, that) if toks[j].form in self.gram.speech_nouns]
        if nouns:
            owners = [m for m in sv.mentions if pl <= m.tok_start and m.tok_end <= nouns[-1]
                      and m.case == "gen" and m.kind in ACTOR_KINDS]
            return list(owners[-1].entities) if owners else []
        return []

    reported_by = speaker

    def that_clause_subject(self, sv: SentenceView, p: Predicate) -> list[Entity]:
        """"X ने आरोप लगाया कि Y …": the subject of the कि-clause after the trigger."""
        assert isinstance(sv, HindiView)
        if not (p.right < sv.b and sv.toks[p.right].form in self.gram.complementizers):
            return []
        nl, nr = sv.next_clause(p.right)
        return next((list(m.entities) for m in sv.mentions if nl <= m.tok_start < nr
                     and m.kind in ACTOR_KINDS and sv.case.get(id(m)) in (None, "ne")), [])

    # -- modality and date ----------------------------------------------------------------------

    def modality(self, sv: SentenceView, p: Predicate, cls: TriggerClass) -> str:
        toks, gram = sv.toks, self.gram
        before = [j for j in range(max(sv.a, p.t0 - 3), p.t0) if toks[j].key]
        if any(toks[j].form in gram.negation for j in p.tail[:4] + before[-2:]):
            return "negated"
        if any(toks[j].form in gram.hypothetical_tail for j in p.tail[:4]):
            return "hypothetical"
        if cls.modality:
            return cls.modality
        if p.tail and gram.purpose_tail.match(toks, p.tail[0], p.right):
            return "future"
        # a trigger phrase may hold its own verb ("रवाना होंगे"): read it with the tail — except for
        # acts done by saying, whose phrase states what is promised or threatened
        inner = [] if cls.takes_complement or cls.type in ("AGREE", "THREATEN") else [
            j for j in range(p.t0 + 1, p.tail[0] if p.tail else p.right) if toks[j].key]
        # "हमला करने वाले हैं" (are about to attack) is future; "हमला करने वाले सैनिक" (the soldiers
        # who attacked) is not: the participle stands before its noun
        adjectival = self._participle_head(sv, p) is not None
        for j in inner + p.tail:
            if gram.future_words.match(toks, j, p.right) and not (adjectival and toks[j].form in gram.participle_words):
                return "future"
            k = toks[j].form
            if len(k) > 2 and k.endswith(gram.future_suffixes):
                return "future"
        # a present-tense verb is habitual only with a cue of regularity ("हर", "नियमित")
        if any(gram.habitual_tail.match(toks, j, p.right) for j in p.tail) and any(
                gram.habitual_cues.match(toks, j, sv.b) for j in range(sv.a, sv.b)):
            return "habitual"
        return "actual"

    def date(self, sv: SentenceView, p: Predicate, modality: str) -> tuple[EventDate, str | None]:
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
            inside = p.left <= tm.tok_start < p.right
            d = abs(tm.tok_start - p.t0) + (0 if inside else 1000)
            if d < best_d:
                best, best_d = tm, d
        if best is not None:
            return date_of(best), recurrence
        if modality in ("habitual", "future") or recurrence:
            return NO_DATE, recurrence
        toks = sv.toks
        if any(self.gram.earlier_cues.match(toks, j, sv.b) for j in range(sv.a, min(sv.b, sv.a + 4))):
            return NO_DATE, None
        return publication_date(sv.doc.article.published), None
