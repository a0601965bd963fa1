"""A reader for the FIRE EDNIL (EventXtract-IL) Hindi gold: inline XML around tokens → text with
offsets, gold event triggers (with their coreference clusters) and their arguments.

Each file is ``<DOCUMENT>`` of ``<P>`` paragraphs of ``<W> token </W>`` words; annotations wrap
words: ``<MAN_MADE_EVENT ID TYPE>`` / ``<NATURAL_EVENT ID TYPE>`` (triggers, holding an
``<EVENT-COREF-LINK EVENT_ID>`` when they mention an event annotated before), and ``<PLACE-ARG>``,
``<TIME-ARG>``, ``<CASUALTIES-ARG>``, ``<PARTICIPANT-ARG>`` … (arguments, holding ``<LINK
EVENT_ARG>`` to the events they belong to). The text is rebuilt from the words: one space between
words, one newline between paragraphs; every span is character offsets into that text.

    python bench/ednil.py [--tar ../shared/corpus/ednil_hindi_attacks_gold_xml.tar.gz]

prints the counts of the half in ../shared (or says it is absent).
"""

from __future__ import annotations

import argparse
import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_TAR = BENCH.parent.parent / "shared" / "corpus" / "ednil_hindi_attacks_gold_xml.tar.gz"
TRAIN_DIR = "Hindi_Train"  # the annotated half (Hindi_Test holds unannotated inputs)

# EDNIL's man-made event types that are political violence: attacks, bombings, shoot-outs, riots,
# armed clashes (its accidents, fires and transport hazards are not)
ATTACK_TYPES = frozenset({"SUICIDE_ATTACK", "TERRORIST_ATTACK", "SHOOT_OUT", "NORMAL_BOMBING", "RIOTS",
                          "ARMED_CONFLICTS"})
EVENT_TAGS = frozenset({"MAN_MADE_EVENT", "NATURAL_EVENT"})
# the dates file names carry: navbharat_2005_10_8_…, …_30_08_2018…
_NAVBHARAT_DATE = re.compile(r"navbharat_(\d{4})_(\d{1,2})_(\d{1,2})_")
_DMY_DATE = re.compile(r"_(\d{2})_(\d{2})_(20\d{2})")


@dataclass(slots=True)
class GoldEvent:
    id: str
    category: str  # MAN_MADE_EVENT | NATURAL_EVENT
    type: str  # EDNIL type (SUICIDE_ATTACK, SHOOT_OUT, EARTHQUAKE …)
    start: int
    end: int
    text: str
    coref: list[str] = field(default_factory=list)  # ids of events this mention refers back to

    @property
    def is_attack(self) -> bool:
        return self.type in ATTACK_TYPES


@dataclass(slots=True)
class GoldArgument:
    id: str
    role: str  # PLACE, TIME, CASUALTIES, PARTICIPANT, AFTER_EFFECTS, REASON …
    start: int
    end: int
    text: str
    events: list[str] = field(default_factory=list)  # ids of the events it belongs to


@dataclass(slots=True)
class EdnilArticle:
    doc_id: str
    text: str
    events: list[GoldEvent]
    arguments: list[GoldArgument]
    published: date | None = None

    def attack_clusters(self) -> list[list[GoldEvent]]:
        """The distinct attack events: attack mentions joined by their coreference links."""
        attacks = {e.id: e for e in self.events if e.is_attack}
        parent = {i: i for i in attacks}

        def root(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for e in attacks.values():
            for other in e.coref:
                if other in attacks:
                    parent[root(e.id)] = root(other)
        clusters: dict[str, list[GoldEvent]] = {}
        for e in attacks.values():
            clusters.setdefault(root(e.id), []).append(e)
        return sorted(clusters.values(), key=lambda c: min(e.start for e in c))


class _Builder:
    """Walks one document's tree, writing the text and recording each annotation's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.events: list[GoldEvent] = []
        self.arguments: list[GoldArgument] = []

    def word(self, w: str) -> None:
        w = " ".join(w.split())
        if not w:
            return
        if self.size and not self.parts[-1].endswith("\n"):
            self.parts.append(" ")
            self.size += 1
        self.parts.append(w)
        self.size += len(w)

    def paragraph_break(self) -> None:
        if self.size and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
            self.size += 1

    def walk(self, el: ET.Element) -> None:
        tag = el.tag
        if tag == "W":
            self.word("".join(el.itertext()))
            return
        if tag in ("DESC", "TIME") and not any(True for _ in el.iter("W")):
            return  # file metadata (a number), not text
        if tag == "P":
            self.paragraph_break()
        begin = self.size + (1 if self.size and not self.parts[-1].endswith("\n") else 0)
        if tag == "P" and el.text and el.text.strip():
            for w in el.text.split():  # an unannotated paragraph written without <W> words
                self.word(w)
        for child in el:
            self.walk(child)
            if tag == "P" and child.tail and child.tail.strip():
                for w in child.tail.split():
                    self.word(w)
        end = self.size
        if begin >= end:
            return
        text = "".join(self.parts)[begin:end] if tag in EVENT_TAGS or tag.endswith("-ARG") else ""
        if tag in EVENT_TAGS:
            coref = [c.get("EVENT_ID", "") for c in el.findall("EVENT-COREF-LINK")]
            self.events.append(GoldEvent(el.get("ID", ""), tag, el.get("TYPE", ""), begin, end, text,
                                         [c for c in coref if c]))
        elif tag.endswith("-ARG"):
            links = [c.get("EVENT_ARG", "") for c in el.findall("LINK")]
            self.arguments.append(GoldArgument(el.get("ID", ""), tag.removesuffix("-ARG"), begin, end, text,
                                               [x for x in links if x]))

    def text(self) -> str:
        return "".join(self.parts).rstrip("\n")


def published_from_name(name: str) -> date | None:
    """The publication date some EDNIL file names carry, else None."""
    for rx, order in ((_NAVBHARAT_DATE, (1, 2, 3)), (_DMY_DATE, (3, 2, 1))):
        m = rx.search(name)
        if m:
            y, mo, d = (int(m.group(k)) for k in order)
            try:
                return date(y, mo, d)
            except ValueError:
                return None
    return None


def parse_article(doc_id: str, xml: bytes | str) -> EdnilArticle:
    root = ET.fromstring(xml)
    b = _Builder()
    b.walk(root)
    text = b.text()
    events = sorted(b.events, key=lambda e: (e.start, e.end))
    args = sorted(b.arguments, key=lambda a: (a.start, a.end))
    return EdnilArticle(doc_id, text, events, args, published_from_name(doc_id))


def read_articles(tar: Path = DEFAULT_TAR, folder: str = TRAIN_DIR) -> Iterator[EdnilArticle]:
    """The annotated articles of the tarball, in file-name order."""
    with tarfile.open(tar) as tf:
        members = sorted((m for m in tf.getmembers() if m.isfile() and f"/{folder}/" in f"/{m.name}"),
                         key=lambda m: m.name)
        for m in members:
            f = tf.extractfile(m)
            if f is not None:
                yield parse_article(Path(m.name).name, f.read())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tar", type=Path, default=DEFAULT_TAR)
    a = ap.parse_args(argv)
    if not a.tar.is_file():
        print(f"{a.tar} not found: nothing to read")
        return 0
    arts = list(read_articles(a.tar))
    attacks = [e for x in arts for e in x.events if e.is_attack]
    clusters = sum(len(x.attack_clusters()) for x in arts)
    with_attack = sum(1 for x in arts if any(e.is_attack for e in x.events))
    print(f"{len(arts)} articles, {with_attack} with an attack; {len(attacks)} attack mentions, "
          f"{clusters} distinct attack events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
