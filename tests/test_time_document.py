"""tag_document: structure (headings, lists, datelines) and the development corpus."""

from __future__ import annotations

from conftest import shared_path
from histograph.model import Document, Region, TimeMention
from histograph.time import tag_document


def _doc(text: str, **kw: object) -> Document:
    return Document(id="d", uri="mem://d", text=text, format="md", **kw)  # type: ignore[arg-type]


def _lines(text: str, kinds: dict[int, str] | None = None) -> list[Region]:
    out = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if line.strip():
            out.append(Region("d", pos, pos + len(line), (kinds or {}).get(i, "narrative")))  # type: ignore[arg-type]
        pos += len(line) + 1
    return out


def _find(ms: list[TimeMention], text: str) -> TimeMention:
    for m in ms:
        if m.text == text:
            return m
    raise AssertionError(f"{text!r} not in {[m.text for m in ms]}")


TIMELINE = """## Timeline

**1933**

- **October 1933:** Letters are exchanged.
- **November 15:** An agreement is reached.

**1939:**

- **June 1941:** Invasion.
- **August:** A pact.

**Aftermath**

- **May:** Nothing dated here.
"""


def test_year_heading_sets_list_items_year() -> None:
    doc = _doc(TIMELINE)
    kinds = {
        2: "heading",
        4: "list_item",
        5: "list_item",
        7: "heading",
        9: "list_item",
        10: "list_item",
        12: "heading",
        14: "list_item",
    }
    for regions in (_lines(TIMELINE, kinds), _lines(TIMELINE)):
        ms, pub = tag_document(doc, regions)
        assert pub is None
        nov = _find(ms, "November 15")
        assert nov.value is not None and nov.value.value == "1933-11-15"
        assert nov.value.anchor == "narrative"
        assert nov.anchor_start == TIMELINE.index("1933")
        june = _find(ms, "June 1941")
        assert june.value is not None and june.value.value == "1941-06"  # own date beats heading
        aug = _find(ms, "August")
        assert aug.value is not None and aug.value.value == "1939-08"


def test_dateline_is_document_date_and_dct() -> None:
    text = "Recognition\nNovember 16, 2011 05:00 AM\nby Staff\nOn Nov. 16, 1933, relations began. That was 78 years ago."
    doc = _doc(text)
    regions = _lines(text, {1: "dateline", 2: "byline"})
    ms, pub = tag_document(doc, regions)
    assert pub is not None and pub.value == "2011-11-16T05:00"
    dl = _find(ms, "November 16, 2011 05:00 AM")
    assert dl.document_date
    assert not _find(ms, "Nov. 16, 1933").document_date
    ago = _find(ms, "78 years ago")
    assert ago.value is not None and ago.value.value == "1933" and ago.value.anchor == "dct"


def test_copyright_and_access_lines_are_document_dates() -> None:
    text = "The war ended in 1945.\n© 2019 Example Press\nRetrieved 3 March 2020."
    ms, pub = tag_document(_doc(text), _lines(text))
    assert not _find(ms, "1945").document_date
    assert _find(ms, "2019").document_date
    assert _find(ms, "3 March 2020").document_date
    assert pub is not None and pub.value == "2019"


def test_published_metadata_wins() -> None:
    from histograph.time import parse_value

    text = "Last year the archive opened."
    ms, pub = tag_document(_doc(text, published=parse_value("2020-05-01")), _lines(text))
    assert pub is not None and pub.value == "2020-05-01"
    assert _find(ms, "Last year").value.value == "2019"  # type: ignore[union-attr]


def test_event_header_line_is_not_a_dateline() -> None:
    text = "Recognition - November 17, 1933\nNovember 16, 1933\nOn November 16, 1933, relations were established."
    ms, pub = tag_document(_doc(text), _lines(text, {1: "dateline"}))
    assert pub is None
    assert not any(m.document_date for m in ms)


def _dev(name: str) -> tuple[Document, list[TimeMention]]:
    from histograph.clean import mark_regions

    p = shared_path("eval", "docs", "us_soviet_1933", name)
    with open(p, encoding="utf-8", newline="") as fh:
        text = fh.read()
    doc = Document(id=name, uri=str(p), text=text, format="txt")
    ms, _ = tag_document(doc, mark_regions(doc))
    return doc, ms


def test_dev_corpus_dates() -> None:
    _, ms = _dev("01.txt")
    nov = _find(ms, "November 16")
    assert nov.value is None and nov.timex == "XXXX-11-16"  # no year anywhere in the text
    _, ms3 = _dev("03.txt")
    assert _find(ms3, "November 16, 2011 05:00 AM").document_date
    t = _find(ms3, "ten minutes before midnight on Nov. 16")
    assert t.kind == "TIME" and t.value is not None and t.value.value == "1933-11-16T23:50"
    assert _find(ms3, "a month after").value.value == "1917-11"  # type: ignore[union-attr]
    _, ms4 = _dev("04.txt")
    assert _find(ms4, "90 years ago").value.value == "1933"  # type: ignore[union-attr]
    _, ms5 = _dev("05.txt")
    assert _find(ms5, "1920s").value.value == "192X"  # type: ignore[union-attr]
    assert _find(ms5, "1933-1945").value.value == "1933/1945"  # type: ignore[union-attr]
    assert _find(ms5, "16 years").kind == "DURATION"
    assert _find(ms5, "June 1941").value.value == "1941-06"  # type: ignore[union-attr]
    _, ms2 = _dev("02.txt")
    assert _find(ms2, "the early 1930s").value.value == "193X"  # type: ignore[union-attr]
