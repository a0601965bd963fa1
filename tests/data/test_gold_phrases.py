"""No language-data entry is a phrase lifted from the articles the coder is checked on.

An entry of three or more words in data/lang/ that occurs verbatim in a seed or development
article of ../shared/gold but in no other article we have (the corpora, the headlines, the
training articles) fits those articles and nothing else: language knowledge is written as
classes and lemmas, not copied from the sentences it is scored on. Skips without ../shared.
"""

import json
import re
import unicodedata
from importlib import resources

import yaml

from tests.conftest import need_shared
from tests.datafiles import strings

# phrases that are ordinary news language, judged so by hand (frequent beyond these articles)
GENERAL = frozenset({"later that day", "नियमित रूप से", "संयुक्त सैन्य अभ्यास"})


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u200d", "").replace("\u200c", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def _texts(path, ids=None):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if ids is None or r.get("id", r.get("article_id")) not in ids:
                out.append(_norm((r.get("title") or "") + "\n" + r["text"]))
    return out


def test_no_entry_is_lifted_from_a_checked_article():
    gold = need_shared("gold")
    corpus = need_shared("corpus")
    checked, ids = [], set()
    for f in sorted(gold.glob("*.jsonl")):
        if f.name.startswith("train_"):
            continue  # the training set is for learning: its texts count as other articles
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                ids.add(r["article_id"])
                checked.append(_norm((r.get("title") or "") + "\n" + r["text"]))
    other = [t for f in sorted(corpus.glob("*.jsonl")) for t in _texts(f, ids)]
    other += [t for f in sorted(gold.glob("train_*.jsonl")) for t in _texts(f)]
    heads = corpus / "hindi_headlines_intl_politics.tsv"
    if heads.exists():
        other += [_norm(line.split("\t")[0]) for line in heads.read_text(encoding="utf-8").splitlines()]
    checked_blob, other_blob = "\n".join(checked), "\n".join(other)
    lifted = []
    data = resources.files("ghatna") / "data" / "lang"
    for lang in data.iterdir():
        for f in lang.iterdir():
            if not f.name.endswith(".yaml"):
                continue
            for s in set(strings(yaml.safe_load(f.read_text(encoding="utf-8")))):
                n = _norm(s)
                if n in GENERAL or len(n.split()) < 3 or re.search(r"[\\\[\](){}|^$*+?]", n):
                    continue
                if n in checked_blob and n not in other_blob:
                    lifted.append(f"{lang.name}/{f.name}: {s}")
    assert not lifted, "entries found only in checked articles:\n" + "\n".join(sorted(lifted))


QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{8,120})[\"”’]")


def test_no_comment_cites_a_checked_sentence():
    """Comments explain a rule by the language, not by a sentence of the checked articles: a
    quoted example of three or more words found in a seed or development article and in no
    other article is a citation of that article."""
    gold = need_shared("gold")
    corpus = need_shared("corpus")
    checked, ids = [], set()
    for f in sorted(gold.glob("*.jsonl")):
        if not f.name.startswith("train_"):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    ids.add(r["article_id"])
                    checked.append(_norm((r.get("title") or "") + "\n" + r["text"]))
    other = [t for f in sorted(corpus.glob("*.jsonl")) for t in _texts(f, ids)]
    other += [t for f in sorted(gold.glob("train_*.jsonl")) for t in _texts(f)]
    checked_blob, other_blob = "\n".join(checked), "\n".join(other)
    root = resources.files("ghatna")
    files = [p for p in _walk(root) if p.name.endswith((".py", ".yaml"))]
    cited = []
    for f in files:
        for m in QUOTED.finditer(f.read_text(encoding="utf-8")):
            n = _norm(m.group(1).replace("…", " ").strip(" .,"))
            for part in re.split(r"\s*[,;]\s*|\s+…\s+", n):
                if len(part.split()) >= 3 and part in checked_blob and part not in other_blob:
                    cited.append(f"{f.name}: {part}")
    assert not cited, "comments quoting checked articles:\n" + "\n".join(sorted(set(cited)))


def _walk(node):
    for child in node.iterdir():
        if child.is_dir():
            yield from _walk(child)
        else:
            yield child
