#!/usr/bin/env python3
"""Train the Hindi name tagger (src/ghatna/models/names_hi.json) from the NER data in ../shared/ner.

    python scripts/train_names.py                 # train on everything below, write the model
    python scripts/train_names.py --holdout-dev   # train without IL-NER dev and score on it (tuning)

Training data (each sentence is tokenised as the pipeline tokenises text, and the dictionary is
matched on it as at run time, so the features are the ones the pipeline computes):

- HiNER validation split (``hiner/collapsed_validation.conll``, CC BY-SA 4.0): PERSON,
  ORGANIZATION, LOCATION → PER, ORG, LOC;
- IL-NER train and dev (``il_ner/Hindi-train.txt``, ``Hindi-dev.txt``, CC BY 4.0): NEP, NEO, NEL
  → PER, ORG, LOC; numbers, times, designations and titles of works are outside names.
  Sentences with a malformed tag ("-", "-NEP") are left out, and so is every sentence whose
  words are exactly those of an IL-NER test sentence (the test split overlaps the train split).

IL-NER test is never read for anything but that exclusion; its score is bench/names_bench.py's.

The learner is an averaged perceptron with greedy left-to-right decoding over its own previous
predictions (ghatna/actors/learned.py holds the features), in a fixed order: the same data give
the same file. Words that were never inside a name in the training data and occur at least
``--plain-min`` times are the model's *plain* words: never scored. Features seen fewer than
``--min-count`` times are dropped, and so are weights smaller than ``--min-weight``.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NER = ROOT.parent / "shared" / "ner"
HINER = "hiner/collapsed_validation.conll"
IL_TRAIN, IL_DEV, IL_TEST = "il_ner/Hindi-train.txt", "il_ner/Hindi-dev.txt", "il_ner/Hindi-test.txt"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
LICENCES = {
    HINER: "HiNER (cfiltnlp/HiNER), CC BY-SA 4.0",
    IL_TRAIN: "IL-NER (ltrc/IL-NER), CC BY 4.0",
    IL_DEV: "IL-NER (ltrc/IL-NER), CC BY 4.0",
}
HINER_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
IL_TYPES = {"NEP": "PER", "NEO": "ORG", "NEL": "LOC"}
# the case markers (postposition classes of lang/hi/grammar.yaml) a found name must stand before
# to become an actor: the agent of a perfective verb, "X ने कहा", "X ने हमला किया"
ACCEPTED_BEFORE = ("ne",)

Sentence = tuple[list[str], list[str]]  # words, BIO tags over PER/ORG/LOC


# -- reading the data ----------------------------------------------------------------------------

def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, raw tags) per sentence of a token TAB tag file."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split("\t")
        words.append(parts[0].strip())
        tags.append(parts[-1].strip() if len(parts) > 1 else "O")
    if words:
        out.append((words, tags))
    return out


def map_tag(tag: str, types: dict[str, str]) -> str | None:
    """A raw tag as B-/I- over PER/ORG/LOC, "O", or None when it is malformed."""
    if tag == "O":
        return "O"
    prefix, _, typ = tag.partition("-")
    if prefix not in ("B", "I") or not typ:
        return None
    mapped = types.get(typ)
    return f"{prefix}-{mapped}" if mapped else "O"


def map_test_tag(tag: str, types: dict[str, str]) -> str:
    """IL-NER test as scored: a tag without its B/I ("-NEP") starts a name, a bare "-" is O."""
    if tag.startswith("-") and len(tag) > 1:
        tag = "B" + tag
    return map_tag(tag, types) or "O"


def repair(tags: list[str]) -> list[str]:
    """An I- tag that continues nothing starts its name."""
    out = []
    for t in tags:
        if t.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def load(ner: Path, name: str, skip: set[tuple[str, ...]] | None = None) -> list[Sentence]:
    """A training file as sentences over PER/ORG/LOC, malformed and excluded sentences left out."""
    types = HINER_TYPES if name == HINER else IL_TYPES
    out = []
    for words, raw in read_conll(ner / name):
        if skip and tuple(words) in skip:
            continue
        tags = [map_tag(t, types) for t in raw]
        if any(t is None for t in tags):
            continue
        out.append((words, repair([t or "O" for t in tags])))
    return out


def load_scored(ner: Path, name: str = IL_TEST) -> list[Sentence]:
    """An IL-NER file as it is scored: every sentence, malformed tags read leniently."""
    return [(w, repair([map_test_tag(t, IL_TYPES) for t in raw])) for w, raw in read_conll(ner / name)]


# -- the pipeline's view of a sentence -----------------------------------------------------------

@dataclass(slots=True)
class Example:
    tokens: list[Any]  # ghatna.model.Token
    gold: list[int]  # tag index per token
    known: dict[int, tuple[str, bool]]  # dictionary words


class Reader:
    """Tokenises sentences and matches the dictionary on them as the pipeline does."""

    def __init__(self) -> None:
        from ghatna.resources import Resources

        self.res = Resources()
        self.gram = self.res.grammar("hi")
        self.matcher = self.res.actor_matcher
        self.keys: dict[str, str] = {}

    def example(self, words: list[str], tags: list[str]) -> Example:
        from ghatna.actors.learned import dictionary_words
        from ghatna.actors.tagger import pick
        from ghatna.gazetteer.matcher import KeyIndex
        from ghatna.text.normalize import normalize
        from ghatna.text.segment import segment

        text = " ".join(words)
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        norm, norm_map = normalize(text)
        _, toks = segment(text, norm, norm_map, self.keys)
        gold: list[int] = []
        last_word = -1
        for t in toks:
            wi = bisect.bisect_right(starts, t.start) - 1
            tag = tags[wi]
            if wi == last_word and tag.startswith("B-"):
                tag = "I-" + tag[2:]  # a later piece of one word ("U.S.")
            last_word = wi
            gold.append(TAGS.index(tag))
        items = [pick(m) for m in self.matcher.find(toks, index=KeyIndex.build(toks))]
        known = dictionary_words([(it.kind, it.ts, it.te) for it in items])
        return Example(toks, gold, known)


# -- scoring -------------------------------------------------------------------------------------

def gold_spans(tags: list[int]) -> set[tuple[int, int, str]]:
    out, start, typ = set(), -1, ""
    for i, t in enumerate([*tags, 0]):
        name = TAGS[t]
        if start >= 0 and not (name.startswith("I-") and name[2:] == typ):
            out.add((start, i, typ))
            start = -1
        if name.startswith("B-") or (name.startswith("I-") and start < 0):
            start, typ = i, name[2:]
    return out


def span_f1(pairs: Iterable[tuple[set[tuple[int, int, str]], set[tuple[int, int, str]]]]) -> dict[str, Any]:
    """Exact-span precision, recall and F1 per type and overall from (gold, found) span sets."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    nf: Counter[str] = Counter()
    for gold, found in pairs:
        for s in gold:
            ng[s[2]] += 1
        for s in found:
            nf[s[2]] += 1
            if s in gold:
                tp[s[2]] += 1
    out: dict[str, Any] = {}
    for typ in [*sorted(ng | nf), "all"]:
        t = sum(tp.values()) if typ == "all" else tp[typ]
        g = sum(ng.values()) if typ == "all" else ng[typ]
        f = sum(nf.values()) if typ == "all" else nf[typ]
        p, r = (t / f if f else 0.0), (t / g if g else 0.0)
        out[typ] = {"precision": round(p, 4), "recall": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "gold": g, "found": f}
    return out


def evaluate(tagger: Any, examples: list[Example]) -> dict[str, Any]:
    pairs = []
    for ex in examples:
        found = {(s.tok_start, s.tok_end, s.type) for s in tagger.spans(ex.tokens, ex.known)}
        pairs.append((gold_spans(ex.gold), found))
    return span_f1(pairs)


# -- the learner ---------------------------------------------------------------------------------

class Perceptron:
    """Averaged multiclass perceptron over named features (the lazy-update form of averaging)."""

    def __init__(self, n_tags: int) -> None:
        self.n = n_tags
        self.w: dict[str, dict[int, float]] = {}
        self.total: dict[tuple[str, int], float] = {}
        self.stamp: dict[tuple[str, int], int] = {}
        self.step = 0

    def scores(self, feats: list[str]) -> list[float]:
        s = [0.0] * self.n
        for f in feats:
            ws = self.w.get(f)
            if ws:
                for c, v in ws.items():
                    s[c] += v
        return s

    def update(self, feats: list[str], truth: int, guess: int) -> None:
        self.step += 1
        if truth == guess:
            return
        for f in feats:
            ws = self.w.setdefault(f, {})
            for c, d in ((truth, 1.0), (guess, -1.0)):
                k = (f, c)
                v = ws.get(c, 0.0)
                self.total[k] = self.total.get(k, 0.0) + (self.step - self.stamp.get(k, 0)) * v
                self.stamp[k] = self.step
                ws[c] = v + d

    def averaged(self) -> dict[str, dict[int, float]]:
        out: dict[str, dict[int, float]] = {}
        for f, ws in self.w.items():
            for c, v in ws.items():
                k = (f, c)
                total = self.total.get(k, 0.0) + (self.step - self.stamp.get(k, 0)) * v
                avg = total / max(1, self.step)
                if avg:
                    out.setdefault(f, {})[c] = avg
        return out


def plain_words(examples: list[Example], min_count: int) -> set[str]:
    from ghatna.actors.learned import is_devanagari

    seen: Counter[str] = Counter()
    named: set[str] = set()
    for ex in examples:
        for t, g in zip(ex.tokens, ex.gold, strict=True):
            if is_devanagari(t.form):
                seen[t.form] += 1
                if g:
                    named.add(t.form)
    return {w for w, n in seen.items() if n >= min_count and w not in named}


def name_lexicon(examples: Iterable[Example], share: float) -> dict[str, str]:
    """Devanagari words inside a name at least ``share`` of the times they occur, with the type
    they named most often."""
    from ghatna.actors.learned import is_devanagari

    seen: Counter[str] = Counter()
    named: dict[str, Counter[str]] = {}
    for ex in examples:
        for t, g in zip(ex.tokens, ex.gold, strict=True):
            if is_devanagari(t.form):
                seen[t.form] += 1
                if g:
                    named.setdefault(t.form, Counter())[TAGS[g][2:]] += 1
    return {w: max(sorted(c), key=lambda typ: c[typ]) for w, c in named.items() if c.total() >= share * seen[w]}


def type_shares(examples: Iterable[Example], plain: set[str], min_count: int) -> dict[str, tuple[float, ...]]:
    """For each Devanagari word seen at least ``min_count`` times (plain words aside), the share
    of its occurrences inside a name of each type (PER, ORG, LOC)."""
    from ghatna.actors.learned import is_devanagari

    types = [t[2:] for t in TAGS if t.startswith("B-")]
    seen: Counter[str] = Counter()
    named: dict[str, Counter[str]] = {}
    for ex in examples:
        for t, g in zip(ex.tokens, ex.gold, strict=True):
            if is_devanagari(t.form) and t.form not in plain:
                seen[t.form] += 1
                if g:
                    named.setdefault(t.form, Counter())[TAGS[g][2:]] += 1
    return {w: tuple(round(named.get(w, Counter())[typ] / n, 2) for typ in types)
            for w, n in seen.items() if n >= min_count}


def train(examples: list[Example], gram: Any, epochs: int, plain_min: int, min_count: int, min_weight: float,
          card: dict[str, Any], log: Callable[[str], None] = lambda s: None, folds: int = 5,
          share: float = 0.5) -> Any:
    from ghatna.actors.learned import NameTagger
    from ghatna.models.sequence import OUTSIDE, SequenceModel, allowed_after

    plain = plain_words(examples, plain_min)
    shell = NameTagger(SequenceModel.build(TAGS, {}, plain), gram)
    # a training word's lexicon entry comes from the other folds (as a new text's would)
    fold_lexicons = [name_lexicon((ex for n, ex in enumerate(examples) if n % folds != k), share)
                     for k in range(folds)]
    allowed = allowed_after(TAGS)
    begin = [TAGS.index("B-" + t[2:]) if t.startswith("I-") else n for n, t in enumerate(TAGS)]
    learner = Perceptron(len(TAGS))
    counts: Counter[str] = Counter()
    rng = random.Random(0)
    order = list(range(len(examples)))
    for epoch in range(epochs):
        rng.shuffle(order)
        errors = seen = 0
        for n in order:
            ex = examples[n]
            shell.lexicon = fold_lexicons[n % folds]
            predicted: dict[int, tuple[int, float]] = {}
            for i in shell.candidates(ex.tokens, ex.known):
                sent = ex.tokens[i].sentence
                prev = shell.tag_before(ex.tokens, ex.known, predicted, i - 1, sent)
                prev2 = shell.tag_before(ex.tokens, ex.known, predicted, i - 2, sent) if prev else OUTSIDE
                feats = shell.features(ex.tokens, i, prev, prev2, ex.known)
                if epoch == 0:
                    counts.update(feats)
                s = learner.scores(feats)
                ok = allowed[prev]
                guess = max((c for c in range(len(TAGS)) if ok[c]), key=lambda c: (s[c], -c))
                truth = ex.gold[i]
                if not ok[truth]:  # the gold continues a name the history did not start: start it
                    truth = begin[truth]
                learner.update(feats, truth, guess)
                errors += guess != truth
                seen += 1
                if guess != OUTSIDE:
                    predicted[i] = (guess, 0.0)
        log(f"epoch {epoch + 1}: {errors} errors in {seen} scored words")
    weights: dict[str, dict[int, float]] = {}
    for f, ws in learner.averaged().items():
        if counts[f] < min_count:
            continue
        kept = {c: round(v, 3) for c, v in sorted(ws.items()) if abs(v) >= min_weight}
        if kept:
            weights[f] = kept
    lexicon = name_lexicon(examples, share)
    shares = type_shares(examples, plain, plain_min)
    return SequenceModel.build(TAGS, weights, plain, lexicon, shares,
                               {**card, "features": len(weights), "plain_words": len(plain),
                                "lexicon_words": len(lexicon), "share_words": len(shares)})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", type=Path, default=NER)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "ghatna" / "models" / "names_hi.json")
    ap.add_argument("--holdout-dev", action="store_true", help="train without IL-NER dev, score on it, write nothing")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--plain-min", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-weight", type=float, default=0.05)
    a = ap.parse_args(argv)
    if not all((a.ner / n).is_file() for n in (HINER, IL_TRAIN, IL_DEV, IL_TEST)):
        print(f"NER data not found under {a.ner}", file=sys.stderr)
        return 2
    from ghatna.actors.learned import NameTagger

    test_words = {tuple(w) for w, _ in read_conll(a.ner / IL_TEST)}
    names = [HINER, IL_TRAIN] if a.holdout_dev else [HINER, IL_TRAIN, IL_DEV]
    sents = [s for n in names for s in load(a.ner, n, test_words)]
    reader = Reader()
    examples = [reader.example(w, t) for w, t in sents]
    digest = hashlib.sha256("".join((a.ner / n).read_text(encoding="utf-8") for n in names).encode()).hexdigest()
    card = {
        "model": "Hindi name tagger: PER, ORG, LOC spans the dictionary does not know (actors/learned.py)",
        "version": 1,
        "trained_on": [f"../shared/ner/{n}" for n in names],
        "training_data_sha256": digest,
        "licence_of_data": "; ".join(dict.fromkeys(LICENCES[n] for n in names)) + "; no text is stored in the "
                           "model beyond single words as feature names",
        "command": "python scripts/train_names.py" + (" --holdout-dev" if a.holdout_dev else ""),
        "learner": f"averaged perceptron, greedy left to right, {a.epochs} epochs, shuffled with random.Random(0)",
        "sentences": len(examples),
        "tokens": sum(len(ex.tokens) for ex in examples),
        # chosen on the event scores of train_hi and dev_hi (names_hi.md): before other markers
        # the names found added more wrong participants than right ones
        "accepted_before": list(ACCEPTED_BEFORE),
    }
    model = train(examples, reader.gram, a.epochs, a.plain_min, a.min_count, a.min_weight, card,
                  log=lambda s: print(s, file=sys.stderr))
    if a.holdout_dev:
        dev = [reader.example(w, t) for w, t in load_scored(a.ner, IL_DEV)]
        print(json.dumps({"features": len(model.weights), "plain": len(model.plain),
                          "il_ner_dev": evaluate(NameTagger(model, reader.gram), dev)}, indent=1))
        return 0
    a.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(model.card, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
