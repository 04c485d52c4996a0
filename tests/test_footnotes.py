"""Reference markers inside sentences: marked as debris (clean), read around (nlp)."""

from __future__ import annotations

import pytest

from histograph.clean import mark_text_regions
from histograph.footnotes import blank_markers, find_markers
from histograph.ingest import read_text
from histograph.pipeline import build


def _marks(text: str) -> list[str]:
    return [text[s:e] for s, e in find_markers(text)]


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("The fleet sailed in 1588.[4] It was lost.", ["[4]"]),
        ("The fort fell in 1712,[12] the garrison fled.", ["[12]"]),
        ("The dam burst[a] at night.", ["[a]"]),
        ("The mayor resigned.[citation needed] A new one came.", ["[citation needed]"]),
        ("The mill closed[note 3] in winter.", ["[note 3]"]),
        ("The mill closed[nb 2] in winter.", ["[nb 2]"]),
        ("The rebels won[who?] the day.", ["[who?]"]),
        ("Two ships sank.[3][7] Both crews survived.", ["[3]", "[7]"]),
        ("Two ships sank.[3, 7] Both crews survived.", ["[3, 7]"]),
        ("Two ships sank.[3–5] Both crews survived.", ["[3–5]"]),
        ("The canal opened in spring[^2] to traffic.", ["[^2]"]),
        ("The canal opened.[1](#cite-note-1) Traffic grew.", ["[1](#cite-note-1)"]),
        ("The walls (see below) were rebuilt.", ["(see below)"]),
        ("The walls were rebuilt. ¶ The town grew.", ["¶"]),
        ("The strike ended the Dock War.2 It had lasted weeks.", ["2"]),
        ('He called it "a disgrace."3 The vote failed.', ["3"]),
        ("The Treaty of Lisbon3 was signed.", ["3"]),
        ("The Treaty of Lisbon12, signed later, held.", ["12"]),
        ("The harbour was mined,4 then cleared.", ["4"]),
        ("The harbour was mined³ and cleared.", ["³"]),
        ("The harbour was mined,⁴ then cleared.", ["⁴"]),
    ],
)
def test_marker_shapes(text: str, marks: list[str]) -> None:
    assert _marks(text) == marks


@pytest.mark.parametrize(
    "text",
    [
        "World War 2 ended in Europe in May.",
        "Article 5 of the treaty was invoked.",
        "Louis XIV moved the court.",
        "The siege began on 3 May and ended in June.",
        "About 1,500 men crossed the river.",
        "The clause is on pages 12-14 of the report.",
        "The rate rose to 3.5 per cent.",
        "The COVID19 pandemic closed schools.",
        "A Ju87 dive bomber was shot down.",
        "The B52 flew over the base.",
        "Water, H2O, froze in the pipes.",
        "The field covered 40 km² of marsh.",
        "The year [1848] is in brackets.",
        "He died in 1901. 2 days later the funeral was held.",
        "Chapter 12, verse 3 is quoted.",
        "The No.2 Squadron flew at dawn.",
        "It is printed in Vol.3 of the series.",
    ],
)
def test_not_markers(text: str) -> None:
    assert _marks(text) == []


def test_markers_are_debris_regions_and_offsets_stay_exact() -> None:
    text = (
        "Envoys\n\n"
        "The Treaty of Lisbon3 was signed in 1702,[4] the envoys left.[citation needed]\n"
    )
    regions = mark_text_regions(text)
    debris = [text[r.start : r.end] for r in regions if r.kind == "boilerplate"]
    assert debris == ["3", "[4]", "[citation needed]"]
    content = [text[r.start : r.end] for r in regions if r.kind == "narrative"]
    assert content == ["The Treaty of Lisbon", "was signed in 1702,", "the envoys left."]
    blanked = blank_markers(text, [(r.start, r.end) for r in regions if r.kind == "boilerplate"])
    assert len(blanked) == len(text)
    assert "Lisbon  was" in blanked and "[" not in blanked


@pytest.mark.slow
def test_sentence_is_read_whole_around_markers() -> None:
    text = (
        "The garrison of Fort Bell surrendered on 9 March 1781.[2] The Siege of Fort Bell3 "
        "had lasted six weeks,[5] and the town burned.\n"
    )
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    sents = [text[s.start : s.end] for s in a.sentences]
    assert len(sents) == 2, sents
    assert sents[1].startswith("The Siege of Fort Bell3") and sents[1].endswith("burned.")
    for e in a.entities:
        assert text[e.start : e.end] == e.text
        assert not any(c.isdigit() for c in e.text if e.text.endswith(c)) or "1781" in e.text
    for ev in a.events:
        assert text[ev.start : ev.end]
