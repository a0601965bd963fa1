import pytest

from ghatna.eval.calibration import ece, noise_floor, reliability


def test_perfectly_matched_bins_have_no_error():
    # two bins: 0.25 confidence, one in four right; 0.75 confidence, three in four right
    probs = [0.25] * 4 + [0.75] * 4
    labels = [1, 0, 0, 0] + [1, 1, 1, 0]
    assert ece(probs, labels) == pytest.approx(0.0)


def test_overconfidence_is_the_weighted_gap():
    probs = [0.9] * 10 + [0.3] * 10
    labels = [1] * 5 + [0] * 5 + [0] * 10  # 0.9 → 50 % right, 0.3 → 0 % right
    assert ece(probs, labels) == pytest.approx(0.5 * 0.4 + 0.5 * 0.3)


def test_reliability_bins_count_and_average():
    bins = reliability([0.05, 0.15, 0.16, 1.0], [0, 1, 0, 1], bins=10)
    assert [b.n for b in bins] == [1, 2, 0, 0, 0, 0, 0, 0, 0, 1]
    assert bins[1].confidence == pytest.approx(0.155) and bins[1].accuracy == pytest.approx(0.5)
    assert bins[9].lo == pytest.approx(0.9) and bins[9].accuracy == 1.0


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        reliability([0.5], [1, 0])
    with pytest.raises(ValueError):
        reliability([1.5], [1])


def test_noise_floor_shrinks_with_more_events():
    small, _ = noise_floor([0.6] * 50, trials=300)
    large, _ = noise_floor([0.6] * 5000, trials=300)
    assert small > 0.03 and large < 0.02 and small > large
