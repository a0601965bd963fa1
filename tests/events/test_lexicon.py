"""The trigger lexicon: classes from data, inflected words, gapped phrases, one match per span."""

from datetime import date

import pytest

from ghatna.events.lexicon import TriggerLexicon
from ghatna.gazetteer.load import DataError
from ghatna.lang.grammar import Grammar


def _lexicon(classes, lang="en"):
    return TriggerLexicon.from_dict(lang, {"classes": classes}, Grammar.load(lang).inflector)


def _found(pipeline, lex, text, lang="en"):
    doc = pipeline.extract(text, published=date(2025, 1, 2), lang=lang)
    toks = doc.tokens
    return [(" ".join(t.text for t in toks[m.tok_start:m.tok_end]), m.classes)
            for ms in lex.find(doc).values() for m in ms]


def test_lemmas_match_their_inflected_forms(pipeline):
    lex = _lexicon([{"id": "attack", "type": "ASSAULT", "frame": "strike", "verbs": ["attack"]}])
    assert _found(pipeline, lex, "Rebels attacked the convoy.") == [("attacked", ("attack",))]
    assert _found(pipeline, lex, "The army is attacking again.") == [("attacking", ("attack",))]


def test_a_gapped_phrase_allows_a_few_words_inside(pipeline):
    lex = _lexicon([{"id": "revenge", "type": "THREATEN", "frame": "strike", "fixed": ["vowed … revenge"]},
                    {"id": "promise", "type": "AGREE", "frame": "give", "fixed": ["vowed"]}])
    assert _found(pipeline, lex, "Tehran vowed severe revenge.") == [("vowed severe revenge", ("revenge",))]
    assert _found(pipeline, lex, "Tehran vowed to rebuild the school.") == [("vowed", ("promise",))]
    # more than two words between the parts: only the first part's own class
    assert _found(pipeline, lex, "Tehran vowed that it would seek revenge.") == [("vowed", ("promise",))]


def test_hindi_nouns_match_oblique_and_plural(pipeline):
    lex = _lexicon([{"id": "attack", "type": "ASSAULT", "frame": "strike", "nouns": ["हमला"]}], "hi")
    assert [w for w, _ in _found(pipeline, lex, "दोनों हमलों में कई लोग घायल हुए।", "hi")] == ["हमलों"]


@pytest.mark.parametrize("bad", [
    {"id": "x", "type": "ATTACK", "frame": "strike", "verbs": ["attack"]},  # not a PLOVER type
    {"id": "x", "type": "ASSAULT", "verbs": ["attack"]},  # no frame
    {"id": "x", "type": "ASSAULT", "frame": "strike"},  # no words
    {"id": "x", "type": "ASSAULT", "frame": "strike", "fixed": ["vowed … "]},  # an empty part
])
def test_malformed_classes_are_refused(bad):
    with pytest.raises(DataError):
        _lexicon([bad])


def test_a_class_id_may_not_repeat():
    c = {"id": "x", "type": "ASSAULT", "frame": "strike", "verbs": ["attack"]}
    with pytest.raises(DataError):
        _lexicon([c, dict(c)])
