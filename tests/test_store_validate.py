"""The check that an analysis is storable (no lone surrogate in any string) reads it record
by record: a long document's analysis is never written out as one string (its ``repr``,
twenty times the document's size, 400 MB for a 20 MB page)."""

from __future__ import annotations

import dataclasses
import tracemalloc

import pytest

from histograph.model import Analysis, Document, Region, Sentence, TimeValue
from histograph.store.common import validate_analysis

LINE = "The mill by the ford was rebuilt after the flood of that spring.\n"


def _long(lines: int) -> Analysis:
    text = LINE * lines
    doc = Document("d1", "notes/mill.txt", text, "txt", "The mill")
    sents = tuple(Sentence("d1", i * len(LINE), (i + 1) * len(LINE) - 1) for i in range(lines))
    return Analysis(document=doc, sentences=sents)


def test_a_long_analysis_is_checked_without_one_string_of_it() -> None:
    a = _long(5000)
    tracemalloc.start()
    try:
        validate_analysis(a)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the document's text once (its repr), not the text and every record again
    assert peak < 2 * len(a.document.text) + 200_000


@pytest.mark.parametrize("where", ["title", "published", "record"])
def test_a_lone_surrogate_anywhere_is_still_refused(where: str) -> None:
    a = _long(3)
    if where == "title":
        a = dataclasses.replace(a, document=dataclasses.replace(a.document, title="x\ud800"))
    elif where == "published":
        a = dataclasses.replace(a, published=TimeValue("\udc00", 1, 1, "day"))
    else:  # a record's string
        a = dataclasses.replace(a, regions=(Region("d1", 0, 5, "x\ud800"),))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"E012 analysis of 'notes/mill.txt'"):
        validate_analysis(a)
