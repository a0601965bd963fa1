import pytest

from ghatna.text.keys import key


@pytest.mark.parametrize(
    "a,b",
    [
        ("ट्रम्प", "ट्रंप"),
        ("मुर्मू", "मुरमू"),
        ("मॉस्को", "मास्को"),
        ("व्लादिवोस्टोक", "व्लादिवोस्तोक"),
        ("प्रधानमंत्री", "प्रधानमन्त्री"),
        ("चाँद", "चांद"),
        ("U.S.", "US"),
    ],
)
def test_spelling_variants_share_a_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize("a,b", [("रूस", "रूसी"), ("भारत", "भारती"), ("चीन", "चुन")])
def test_different_words_keep_different_keys(a, b):
    assert key(a) != key(b)
