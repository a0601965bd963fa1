"""Checks of the PLOVER → CAMEO table (data/ontology/plover_cameo.tsv) and of ghatna.ontology."""

from __future__ import annotations

import csv
import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from ghatna.ontology import CameoCode, Ontology

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CODEBOOK = SHARED / "ontology" / "plover_codebook.csv"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# REQUEST is neither: its default is CAMEO 020 "Make an appeal or request" (Goldstein +3.0) while
# appeals for reform or to yield (024, 025) weigh -0.3 in GDELT's table.
CONFLICT = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

# Goldstein weights of GDELT's CAMEO table for the codes the ontology may use. A row whose CAMEO
# code is missing here fails, so a new code has to be checked against the CAMEO manual first.
GOLDSTEIN = {
    "020": 3.0, "021": 3.4, "022": 3.4, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "030": 4.0, "036": 4.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5,
    "045": 5.0, "046": 7.0, "050": 3.5, "051": 3.4, "054": 6.0, "057": 8.0, "060": 6.0,
    "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0, "070": 7.0, "071": 7.4, "072": 8.3,
    "073": 7.4, "075": 7.0, "080": 5.0, "0831": 5.0, "084": 7.0, "0841": 7.0, "0842": 7.0,
    "085": 7.0, "086": 9.0, "087": 9.0, "0871": 9.0, "0873": 9.0, "0874": 10.0, "090": -2.0,
    "100": -5.0, "110": -2.0, "111": -2.0, "112": -2.0, "115": -2.0, "116": -2.0, "120": -4.0,
    "121": -4.0, "122": -4.0, "123": -4.0, "124": -4.0, "125": -5.0, "130": -4.4, "131": -5.8,
    "1312": -5.8, "1313": -5.8, "1321": -5.8, "1322": -5.8, "136": -7.0, "137": -7.0,
    "138": -7.0, "1382": -7.0, "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5,
    "145": -7.5, "150": -7.2, "152": -7.2, "153": -7.2, "154": -7.2, "160": -4.0, "161": -4.0,
    "162": -5.6, "163": -8.0, "166": -7.0, "170": -7.0, "171": -9.2, "1711": -9.2,
    "1712": -9.2, "172": -5.0, "1721": -5.0, "1722": -5.0, "1723": -5.0, "1724": -5.0,
    "173": -5.0, "174": -5.0, "175": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.0,
    "1822": -9.0, "1823": -10.0, "183": -10.0, "1831": -10.0, "1832": -10.0, "1833": -10.0,
    "185": -8.0, "186": -10.0, "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0,
    "194": -10.0, "195": -10.0, "196": -9.5, "200": -10.0, "201": -9.5, "202": -10.0,
    "203": -10.0, "204": -10.0,
}  # fmt: skip


def expected_quad_class(cameo: str) -> int:
    """QuadClass by CAMEO root code, as GDELT and ICEWS set it (investigate is verbal conflict,
    protest material conflict)."""
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1  # verbal cooperation
    if 6 <= root <= 8:
        return 2  # material cooperation
    if 9 <= root <= 13:
        return 3  # verbal conflict
    if 14 <= root <= 20:
        return 4  # material conflict
    raise ValueError(f"CAMEO root code out of range: {cameo!r}")


def _raw_rows() -> list[dict[str, str]]:
    """The TSV read with the csv module, independently of Ontology.parse."""
    path = resources.files("ghatna") / "data" / "ontology" / "plover_cameo.tsv"
    text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


RAW_ROWS = _raw_rows()
ROW_IDS = [f"{r['type']}/{r['mode'] or '-'}" for r in RAW_ROWS]


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def codebook_pairs() -> set[tuple[str, str]]:
    if not CODEBOOK.is_file():
        pytest.skip(f"PLOVER codebook not available at {CODEBOOK}")
    with CODEBOOK.open(encoding="utf-8", newline="") as fh:
        return {(r["event"].strip(), r["mode"].strip()) for r in csv.DictReader(fh)}


# -- the table -----------------------------------------------------------------------------------


def test_header_and_row_count() -> None:
    assert RAW_ROWS, "plover_cameo.tsv is empty"
    assert list(RAW_ROWS[0]) == ["type", "mode", "cameo", "quad_class", "goldstein", "label"]
    assert all(None not in row and None not in row.values() for row in RAW_ROWS), "ragged rows"


def test_sixteen_types(onto: Ontology) -> None:
    assert sorted(onto.types) == sorted(PLOVER_TYPES)
    assert {r["type"] for r in RAW_ROWS} == set(PLOVER_TYPES)


@pytest.mark.parametrize("type_", PLOVER_TYPES)
def test_every_type_has_default_row(type_: str) -> None:
    defaults = [r for r in RAW_ROWS if r["type"] == type_ and r["mode"] == ""]
    assert len(defaults) == 1


def test_no_duplicate_type_mode() -> None:
    keys = [(r["type"], r["mode"]) for r in RAW_ROWS]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes


@pytest.mark.parametrize("row", RAW_ROWS, ids=ROW_IDS)
def test_row(row: dict[str, str]) -> None:
    cameo = row["cameo"]
    assert cameo.isdigit() and len(cameo) in (3, 4), f"bad CAMEO code {cameo!r}"
    assert cameo in GOLDSTEIN, f"CAMEO {cameo} is not in the checked reference list"
    assert row["label"].strip(), "empty label"
    assert row["mode"] == row["mode"].strip() and row["mode"] == row["mode"].lower()

    quad = int(row["quad_class"])
    assert 1 <= quad <= 4
    assert quad == expected_quad_class(cameo)

    goldstein = float(row["goldstein"])
    assert -10.0 <= goldstein <= 10.0
    assert goldstein == GOLDSTEIN[cameo], f"GDELT weighs {cameo} at {GOLDSTEIN[cameo]}"

    if row["type"] in COOPERATION:
        assert goldstein >= 0, "cooperation types must not have a negative Goldstein weight"
    elif row["type"] in CONFLICT:
        assert goldstein < 0, "conflict types must have a negative Goldstein weight"
    else:
        assert row["type"] == "REQUEST"


@pytest.mark.parametrize(
    ("type_", "mode", "cameo"),
    [
        ("CONSULT", "visit", "042"),
        ("CONSULT", "phone", "041"),
        ("CONSULT", "multilateral", "044"),
        ("CONSULT", "third-party", "044"),
        ("SUPPORT", None, "051"),
        ("AGREE", None, "030"),
        ("COOPERATE", None, "060"),
        ("AID", None, "070"),
        ("CONCEDE", None, "080"),
        ("RETREAT", "release", "0841"),
        ("RETREAT", "withdraw", "0874"),
        ("RETREAT", "ceasefire", "0871"),
        ("REQUEST", None, "020"),
        ("ACCUSE", None, "112"),
        ("ACCUSE", "disapprove", "111"),
        ("ACCUSE", "investigate", "090"),
        ("ACCUSE", "allege", "112"),
        ("REJECT", None, "120"),
        ("THREATEN", None, "130"),
        ("THREATEN", "violence", "138"),
        ("PROTEST", None, "140"),
        ("PROTEST", "demo", "141"),
        ("PROTEST", "riot", "145"),
        ("SANCTION", None, "160"),
        ("MOBILIZE", None, "150"),
        ("COERCE", None, "170"),
        ("COERCE", "arrest", "173"),
        ("ASSAULT", None, "180"),
        ("ASSAULT", "assassinate", "186"),
        ("ASSAULT", "aerial", "195"),
        ("ASSAULT", "drone", "195"),
        ("ASSAULT", "heavy-weapons", "194"),
        ("ASSAULT", "firearms", "193"),
        ("ASSAULT", "abduct", "181"),
        ("ASSAULT", "destroy", "1712"),
    ],
)
def test_guideline_codes(onto: Ontology, type_: str, mode: str | None, cameo: str) -> None:
    assert onto.code(type_, mode).cameo == cameo


# -- against the PLOVER codebook (only where /work/shared is present) -----------------------------


def test_every_mode_is_in_codebook(codebook_pairs: set[tuple[str, str]]) -> None:
    unknown = {(r["type"], r["mode"]) for r in RAW_ROWS if r["mode"]} - codebook_pairs
    assert not unknown, f"modes not in the PLOVER codebook: {sorted(unknown)}"


def test_every_codebook_pair_has_a_row(codebook_pairs: set[tuple[str, str]]) -> None:
    rows = {(r["type"], r["mode"]) for r in RAW_ROWS}
    missing = codebook_pairs - rows
    assert not missing, f"codebook pairs without a row: {sorted(missing)}"


def test_types_match_codebook(codebook_pairs: set[tuple[str, str]]) -> None:
    assert {t for t, _ in codebook_pairs} == set(PLOVER_TYPES)


# -- the Ontology API ----------------------------------------------------------------------------


def test_load_matches_raw_rows(onto: Ontology) -> None:
    assert len(onto) == len(RAW_ROWS)
    for row in RAW_ROWS:
        code = onto.code(row["type"], row["mode"])
        assert code == CameoCode(row["cameo"], int(row["quad_class"]), float(row["goldstein"]), row["label"])


def test_cameo_keeps_leading_zero(onto: Ontology) -> None:
    code = onto.code("CONSULT", "visit")
    assert code == CameoCode("042", 1, 1.9, "Make a visit")
    assert isinstance(code.cameo, str)


def test_cameo_code_is_frozen(onto: Ontology) -> None:
    code = onto.code("AGREE", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        code.cameo = "999"  # type: ignore[misc]


@pytest.mark.parametrize("mode", [None, "", "no-such-mode", "visit"])
def test_unknown_or_missing_mode_falls_back_to_default(onto: Ontology, mode: str | None) -> None:
    # "visit" is a CONSULT mode, not an AGREE one
    assert onto.code("AGREE", mode) == onto.code("AGREE", None)
    assert onto.code("AGREE", mode).cameo == "030"


def test_known_mode_differs_from_default(onto: Ontology) -> None:
    assert onto.code("CONSULT", "phone").cameo == "041"
    assert onto.code("CONSULT", None).cameo == "040"
    assert onto.code("CONSULT", "bogus").cameo == "040"


@pytest.mark.parametrize("type_", ["NOPE", "consult", "", "PROTESTS"])
def test_unknown_type_raises_keyerror(onto: Ontology, type_: str) -> None:
    with pytest.raises(KeyError, match="unknown PLOVER event type"):
        onto.code(type_, None)
    with pytest.raises(KeyError, match="unknown PLOVER event type"):
        onto.modes(type_)


def test_modes(onto: Ontology) -> None:
    assert set(onto.modes("CONSULT")) == {"visit", "third-party", "multilateral", "phone"}
    assert onto.modes("AGREE") == ()
    assert "" not in onto.modes("ASSAULT")
    for type_ in onto.types:
        assert all(onto.is_valid(type_, m) for m in onto.modes(type_))


def test_is_valid(onto: Ontology) -> None:
    assert onto.is_valid("CONSULT", "visit")
    assert onto.is_valid("CONSULT", None)
    assert onto.is_valid("CONSULT", "")
    assert not onto.is_valid("CONSULT", "riot")
    assert not onto.is_valid("AGREE", "visit")
    assert not onto.is_valid("NOPE", None)
    assert not onto.is_valid("consult", "visit")


def test_load_returns_independent_equal_tables() -> None:
    a, b = Ontology.load(), Ontology.load()
    assert a is not b
    assert dict(a.items()) == dict(b.items())


# -- parse errors --------------------------------------------------------------------------------

HEADER = "type\tmode\tcameo\tquad_class\tgoldstein\tlabel\n"


def test_parse_minimal() -> None:
    onto = Ontology.parse(HEADER + "AGREE\t\t030\t1\t4.0\tExpress intent to cooperate\n")
    assert onto.types == ("AGREE",)
    assert onto.code("AGREE", "whatever").cameo == "030"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("AGREE\t\t030\t1\t4.0\tx\nAGREE\t\t030\t1\t4.0\tx\n", "duplicate"),
        ("CONSULT\tvisit\t042\t1\t1.9\tMake a visit\n", "no default"),
        ("AGREE\t\t30\t1\t4.0\tx\n", "3 or 4 digits"),
        ("AGREE\t\t030\tone\t4.0\tx\n", ":2:"),
        ("AGREE\t\t030\t1\t4.0\n", "expected 6 fields"),
    ],
)
def test_parse_rejects_bad_tables(body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Ontology.parse(HEADER + body)


def test_parse_rejects_bad_header() -> None:
    with pytest.raises(ValueError, match="header"):
        Ontology.parse("type\tmode\tcameo\n")
