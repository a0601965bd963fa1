"""The README's conflict example (issue 13) is what the code prints (regenerate it with
`python scripts/readme_examples.py`), and its input was written for the project."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def examples():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conflict_example_is_current(examples):
    readme = examples.README.read_text(encoding="utf-8")
    assert examples.current(readme, "conflict").rstrip("\n") == examples.conflict_example().rstrip("\n"), \
        "README.md is out of date: run python scripts/readme_examples.py"


def test_conflict_example_shows_the_stand_in_its_flag_and_casualties(examples):
    block = examples.conflict_example()
    assert '"name":"unidentified attackers"' in block and '"sector":"UAF"' in block
    assert '"flags":["unattributed_actor"]' in block and '"killed":12,"injured":30' in block
    text = (ROOT / examples.CONFLICT).read_text(encoding="utf-8")
    assert "12 लोगों की मौत हो गई और 30 से ज्यादा लोग घायल" in text
