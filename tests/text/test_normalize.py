from ghatna.text.normalize import normalize, raw_span


def test_zero_width_joiners_are_dropped_and_offsets_map_back():
    raw = "हत्\u200dया की गई"
    norm, mapping = normalize(raw)
    assert norm == "हत्या की गई"
    assert len(mapping) == len(norm) + 1
    s, e = raw_span(mapping, 0, 5)  # the word हत्या
    assert raw[s:e] == "हत्\u200dया"


def test_nukta_letters_fold_to_base():
    norm, _ = normalize("क़ासिम ज़रीफ़")
    assert norm == "कासिम जरीफ"
    norm2, _ = normalize("क\u093cासिम")  # combining nukta
    assert norm2 == "कासिम"


def test_devanagari_digits_and_spaces():
    norm, mapping = normalize("२०२४\u00a0में")
    assert norm == "2024 में"
    assert mapping[:5] == [0, 1, 2, 3, 4]


def test_edge_zero_width_not_included_in_span():
    raw = "\u200dरूस\u200d"
    norm, mapping = normalize(raw)
    assert norm == "रूस"
    s, e = raw_span(mapping, 0, len(norm))
    assert raw[s:e] == "रूस"
