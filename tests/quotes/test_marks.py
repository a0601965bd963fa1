"""Pairing quotation marks: every style of Hindi and English news, nesting, apostrophes."""

import random

import pytest

from ghatna.gazetteer.load import DataError
from ghatna.quotes.marks import QuoteMarks, default_marks, find_pairs, is_word_char, pair_quotes


def _texts(text):
    spans, unpaired = pair_quotes(text)
    return [text[s:e] for s, e in spans], unpaired


@pytest.mark.parametrize("text,inner", [
    ('उन्होंने कहा, "हम तैयार हैं।"', "हम तैयार हैं।"),  # straight double
    ("उन्होंने कहा, 'हम तैयार हैं।'", "हम तैयार हैं।"),  # straight single
    ("उन्होंने कहा, ''हम तैयार हैं।''", "हम तैयार हैं।"),  # two apostrophes as a double mark
    ("उन्होंने कहा, “हम तैयार हैं।”", "हम तैयार हैं।"),  # curly double
    ("उन्होंने कहा, ‘हम तैयार हैं।’", "हम तैयार हैं।"),  # curly single
    ("उन्होंने कहा, ‘‘हम तैयार हैं।’’", "हम तैयार हैं।"),  # two curly singles as a double mark
    ("Il a dit : «nous sommes prêts»", "nous sommes prêts"),  # guillemets
    ("Er sagte: »Wir sind bereit«", "Wir sind bereit"),  # reversed guillemets
    ("Er sagte: „Wir sind bereit“", "Wir sind bereit"),  # low-high
    ("Er sagte: ‚Wir sind bereit‘", "Wir sind bereit"),  # low-high single
    ("Il a dit : ‹ nous sommes prêts ›", " nous sommes prêts "),  # single guillemets
    ('He said, "we are ready."', "we are ready."),
    ("He said, 'we are ready.'", "we are ready."),
])
def test_every_style_pairs(text, inner):
    assert _texts(text) == ([inner], [])


def test_marks_of_one_kind_are_interchangeable():
    # a quote opened with " and closed with '' (and the reverse), as Hindi web text types them
    assert _texts("वह बोले, \"हम आएंगे.'' फिर") == (["हम आएंगे."], [])
    assert _texts("वह बोले, ''हम आएंगे.\" फिर") == (["हम आएंगे."], [])
    assert _texts("वह बोले, ‘‘हम आएंगे.” फिर") == (["हम आएंगे."], [])


def test_two_adjacent_straight_doubles_close_and_open():
    text = 'उसने कहा, "पहली बात.""दूसरी बात."'
    assert _texts(text) == (["पहली बात.", "दूसरी बात."], [])


def test_nested_quotes_keep_their_depth():
    text = "She said, “they called it ‘unfair’ and left.”"
    pairs = find_pairs(text).pairs
    assert [(text[p.start:p.end], p.depth) for p in pairs] == [
        ("they called it ‘unfair’ and left.", 0), ("unfair", 1)]
    text = "उन्होंने कहा, ''सरकार ने इसे 'जरूरी' बताया.''"
    pairs = find_pairs(text).pairs
    assert [(text[p.start:p.end], p.depth) for p in pairs] == [("सरकार ने इसे 'जरूरी' बताया.", 0), ("जरूरी", 1)]


def test_a_quote_spans_sentences_but_not_paragraphs():
    text = 'मंत्री ने कहा, "पहला वाक्य है। दूसरा वाक्य है।" और\n"नया अनुच्छेद'
    pairs = find_pairs(text).pairs
    assert [text[p.start:p.end] for p in pairs if p.closed] == ["पहला वाक्य है। दूसरा वाक्य है।"]
    unclosed = [p for p in pairs if not p.closed]
    assert [text[p.start:p.end] for p in unclosed] == ["नया अनुच्छेद"]


def test_apostrophes_are_not_quotes():
    assert _texts("Brazil’s democracy and India’s role") == ([], [])
    assert _texts("India's and the States’ view, the students' union, they didn't go") == ([], [])
    assert _texts("ओ'ब्रायन ने बात की") == ([], [])


def test_an_apostrophe_like_mark_between_hindi_letters_closes_an_open_quote():
    text = "'पहली बात कही'उसके बाद"
    assert _texts(text) == (["पहली बात कही"], [])


def test_an_apostrophe_after_a_letter_opens_nothing():
    text = "the students' union said 'no'."
    assert _texts(text) == (["no"], [])


def test_unbalanced_marks_are_reported_not_fatal():
    spans, unpaired = pair_quotes("उन्होंने कहा, “हम तैयार हैं।")
    assert spans == [] and unpaired == [14]
    spans, unpaired = pair_quotes("हम तैयार हैं।” उन्होंने कहा")
    assert spans == [] and unpaired == [13]
    assert pair_quotes("an unclosed 'single mark") == ([], [])  # single marks double as apostrophes


def test_a_mark_that_opens_one_kind_and_closes_another_closes_only_the_innermost():
    text = "„ein ‘zwei“ drei"  # “ would close „, but ‘ is open inside it: “ opens a quote instead
    assert pair_quotes(text) == ([], [0, 10])
    text = "„ein zwei“ drei"
    assert _texts(text) == (["ein zwei"], [])


def test_a_mark_may_not_open_two_kinds():
    with pytest.raises(DataError):
        QuoteMarks.from_data({"kinds": [{"id": "a", "open": ["«"], "close": ["»"]},
                                        {"id": "b", "open": ["«"], "close": ["«"]}]})


def _pair_by_scanning(norm):
    """The pairing rule written the plain way (each closer scans the stack for its opener)."""
    qm = default_marks()
    pairs, unpaired, pos = [], [], 0
    for line in norm.split("\n"):
        stack = []
        for found in qm.pattern.finditer(line):
            i, mark = found.start(), found.group()
            at = pos + i
            prev_word = i > 0 and is_word_char(line[i - 1])
            next_word = found.end() < len(line) and is_word_char(line[found.end()])
            kinds, opens = qm.closes.get(mark), qm.opens.get(mark)
            if mark in qm.apostrophes and prev_word and next_word:
                if line[i - 1].isascii() or line[found.end()].isascii():
                    continue
                opens = None
            if kinds:
                idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in kinds), None)
                ambiguous = opens is not None and opens not in kinds
                if idx is not None and (not ambiguous or idx == len(stack) - 1):
                    pairs.append((stack[idx][1] + len(stack[idx][2]), at))
                    del stack[idx:]
                    continue
            if opens is not None and not (mark in qm.apostrophes and prev_word):
                stack.append((opens, at, mark))
            elif mark not in qm.silent:
                unpaired.append(at)
        for _, at, mark in stack:
            if mark not in qm.silent:
                unpaired.append(at)
        pos += len(line) + 1
    return sorted(pairs), sorted(unpaired)


def test_pairing_agrees_with_the_plain_rule_on_random_marks():
    rng = random.Random(14)
    pieces = ["“", "”", "‘", "’", '"', "'", "''", "«", "»", "„", "‚", "‹", "›", " ", "क", "a", "\n"]
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert pair_quotes(text) == _pair_by_scanning(text), text


def test_many_unclosed_marks_of_another_kind_are_still_paired_right():
    text = "“क’ " * 3000 + "‘अंत’"  # 3,000 open “ that no ’ closes, then one real ‘…’ pair
    spans, unpaired = pair_quotes(text)
    assert [text[s:e] for s, e in spans] == ["अंत"]
    assert len(unpaired) == 3000
