"""The Python API over the in-memory store (loads spaCy)."""

from __future__ import annotations

import pytest

from histograph.api import DateArgumentError, Histograph, parse_month_day
from histograph.ingest import IngestError, read_text

pytestmark = pytest.mark.slow

TEXT = """The Congress of Vienna

The Congress of Vienna opened in September 1814. On 9 June 1815 the delegates signed
the Final Act of the Congress, nine days before the Battle of Waterloo.
"""


def test_ingest_is_idempotent_and_cited() -> None:
    hg = Histograph(":memory:")
    doc = read_text(TEXT, "vienna.txt")
    first = hg.add_documents([doc])
    assert [d.id for d in first.added] == [doc.id]
    again = hg.add_documents([read_text(TEXT, "copy-under-another-name.txt")])
    assert again.added == [] and len(again.duplicates) == 1
    assert len(hg.sources()) == 1
    for event in hg.timeline():
        for m in event.mentions:
            assert hg.quote(m.doc_id, m.start, m.end) == TEXT[m.start : m.end]


def test_bad_item_does_not_stop_the_batch() -> None:
    hg = Histograph(":memory:")
    report = hg.add_documents([IngestError("broken.pdf", "not a PDF"), read_text(TEXT, "v.txt")])
    assert report.ok and len(report.added) == 1 and report.errors[0].source == "broken.pdf"
    assert not Histograph(":memory:").add_documents([IngestError("x", "y")]).ok


def test_month_day_arguments() -> None:
    assert parse_month_day("11-16") == (11, 16)
    assert parse_month_day("1933-11-16") == (11, 16)
    assert parse_month_day("02-29") == (2, 29)
    with pytest.raises(DateArgumentError):
        parse_month_day("11-31")


def test_parallel_analysis_equals_serial() -> None:
    docs = [read_text(TEXT.replace("1815", str(1815 + i)), f"v{i}.txt") for i in range(3)]
    serial, parallel = Histograph(":memory:"), Histograph(":memory:")
    serial.add_documents(docs)
    report = parallel.add_documents([*docs, docs[0]], jobs=2)
    assert len(report.added) == 3 and len(report.duplicates) == 1
    assert list(serial.store.analyses()) == list(parallel.store.analyses())
