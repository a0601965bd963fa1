from datetime import date

from ghatna.stages.quotes import pair_quotes
from tests.conftest import assert_spans


def test_pairs_curly_and_straight_quotes():
    text = 'उन्होंने कहा, “हम तैयार हैं।” और "ठीक है"'
    spans, unpaired = pair_quotes(text)
    assert [text[s:e] for s, e in spans] == ["हम तैयार हैं।", "ठीक है"]
    assert unpaired == []


def test_unbalanced_marks_are_reported_not_fatal():
    spans, unpaired = pair_quotes("उन्होंने कहा, “हम तैयार हैं।")
    assert spans == [] and len(unpaired) == 1


def test_apostrophes_are_not_quotes():
    spans, unpaired = pair_quotes("Brazil’s democracy and India’s role")
    assert spans == [] and unpaired == []


def test_speaker_before_and_after_the_quote(pipeline):
    text = ("रूसी विदेश मंत्री सर्गेई लावरोव ने कहा, “भारत हमारा मित्र है।” "
            "“हम शांति चाहते हैं,” चीन के विदेश मंत्री वांग यी ने कहा।")
    doc = pipeline.extract(text, published=date(2023, 5, 1), lang="hi")
    assert_spans(doc)
    got = {q.text: q.speaker.name if q.speaker else None for q in doc.quotes}
    assert got == {"भारत हमारा मित्र है।": "Sergey Lavrov", "हम शांति चाहते हैं,": "Wang Yi"}


def test_unbalanced_quote_flag_lowers_confidence(pipeline):
    text = "अमरीका ने ईरान पर नए प्रतिबंध लगाए। राष्ट्रपति ने कहा, “यह जरूरी था।"
    doc = pipeline.extract(text, published=date(2020, 1, 3), lang="hi")
    assert any(f.code == "unbalanced_quotes" for f in doc.flags)


def test_speaker_by_according_to_and_by_verbal_noun(pipeline):
    text = ("संयुक्त राष्ट्र के मुताबिक, “राहत सामग्री पहुंच गई है।” "
            "ईरान के विदेश मंत्री का कहना है, “हम बातचीत के लिए तैयार हैं।”")
    doc = pipeline.extract(text, published=date(2020, 1, 9), lang="hi")
    assert_spans(doc)
    got = {q.text: q.speaker.country if q.speaker else None for q in doc.quotes}
    assert got["हम बातचीत के लिए तैयार हैं।"] == "IRN"
    assert [q.speaker.name for q in doc.quotes if q.text.startswith("राहत")] == ["United Nations"]


def _pair_by_scanning(norm):
    """The pairing rule written the plain way (each closer scans the stack for its opener)."""
    from ghatna.stages.quotes import CLOSERS, OPEN_CLOSE, QUOTE_CHARS, _is_word

    spans, unpaired, pos = [], [], 0
    for line in norm.split("\n"):
        stack = []
        for qm in QUOTE_CHARS.finditer(line):
            i, c = qm.start(), qm.group()
            at, prev = pos + i, line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if c == '"':
                if stack and stack[-1][0] == '"':
                    spans.append((stack.pop()[1] + 1, at))
                else:
                    stack.append((c, at))
            elif c == "‘" and _is_word(prev):
                continue
            elif c in OPEN_CLOSE and not (c == "“" and stack and stack[-1][0] == "„"):
                stack.append((c, at))
            elif c in CLOSERS or (c == "“" and stack and stack[-1][0] == "„"):
                if c == "’" and _is_word(prev) and _is_word(nxt):
                    continue
                opener = CLOSERS.get(c, "„")
                idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
                if idx is None:
                    if c != "’":
                        unpaired.append(at)
                    continue
                spans.append((stack[idx][1] + 1, at))
                del stack[idx:]
        unpaired.extend(p for ch, p in stack if ch != "‘")
        pos += len(line) + 1
    return sorted(spans), unpaired


def test_pairing_agrees_with_the_plain_rule_on_random_marks():
    import random

    rng = random.Random(14)
    pieces = ["“", "”", "‘", "’", '"', "«", "»", "„", " ", "क", "a", "\n"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert pair_quotes(text) == _pair_by_scanning(text), text


def test_many_unclosed_marks_of_another_kind_are_still_paired_right():
    text = "“क’ " * 3000 + "‘अंत’"  # 3,000 open “ that no ’ closes, then one real ‘…’ pair
    spans, unpaired = pair_quotes(text)
    assert [text[s:e] for s, e in spans] == ["अंत"]
    assert len(unpaired) == 3000
