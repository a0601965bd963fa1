import pytest

from ghatna.timex import TimeTagger


@pytest.fixture(scope="module")
def hi() -> TimeTagger:
    return TimeTagger.load("hi")


@pytest.fixture(scope="module")
def en() -> TimeTagger:
    return TimeTagger.load("en")
