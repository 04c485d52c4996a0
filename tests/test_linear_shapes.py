"""Indexes and one-pass versions that keep the per-document stages and the merge linear on
pages of any shape (issue 10: one long line, dense dates) answer exactly what the scans
they replaced answered."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.events.structure import SpanSet, without_spans
from histograph.model import TimeMention, TimeValue

_TV = TimeValue("1901", 0, 364, "year")
#: (start, length) pairs on a short line, overlapping, nested and empty ones included
_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=20)


def _removed_in_turn(raw: str, offset: int, times: list[TimeMention]) -> str:
    rest = raw
    for t in reversed(times):
        rest = rest[: t.start - offset] + rest[t.end - offset :]
    return rest


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1-*", min_size=50, max_size=50), st.integers(0, 30), _spans)
def test_without_spans_equals_the_removal_in_turn(
    raw: str, offset: int, spans: list[tuple[int, int]]
) -> None:
    times = sorted(
        (
            TimeMention("d", offset + s, offset + min(s + n, 50), "x", "DATE", _TV)
            for s, n in spans
        ),
        key=lambda t: (t.start, t.end),
    )
    assert without_spans(raw, offset, times) == _removed_in_turn(raw, offset, times)


def test_without_spans_of_a_long_line_of_dates() -> None:
    raw = " ".join(["1 May 1900"] * 2000)
    times = [TimeMention("d", 11 * k, 11 * k + 10, "x", "DATE", _TV) for k in range(2000)]
    assert without_spans(raw, 0, times) == " " * 1999
    assert without_spans(raw, 0, []) == raw


@settings(max_examples=300, deadline=None)
@given(_spans, st.lists(st.integers(-3, 60), min_size=1, max_size=30))
def test_span_set_equals_the_scan(spans: list[tuple[int, int]], probes: list[int]) -> None:
    pairs = [(s, s + n) for s, n in spans]
    inside = SpanSet(pairs)
    for x in probes:
        assert (x in inside) == any(a <= x < b for a, b in pairs)


def test_span_set_of_nothing_holds_nothing() -> None:
    assert 0 not in SpanSet([])
    assert 5 not in SpanSet([(5, 5)])
    assert 5 in SpanSet([(2, 6), (6, 9)]) and 6 in SpanSet([(2, 6), (6, 9)])


def test_one_document_has_no_copied_passages_to_index() -> None:
    from histograph.ingest.dedup import find_copied_passages
    from histograph.merge import copied_passages
    from histograph.model import Document

    words = " ".join(f"word{k}" for k in range(40))
    doc = Document("d", "d.txt", f"{words}. {words}.", "txt")
    again = Document("d", "d2.txt", f"{words}.", "txt")
    other = Document("e", "e.txt", f"{words}.", "txt")
    for docs in ([doc], [doc, again], []):
        assert copied_passages(docs) == [tuple(p) for p in find_copied_passages(docs)] == []
    assert copied_passages([doc, other]) == [tuple(p) for p in find_copied_passages([doc, other])]
    assert copied_passages([doc, other])


def _numeric_dates(n: int) -> str:
    return " ".join(f"{k % 28 + 1}/{k % 12 + 1}/{1700 + k % 300}" for k in range(n))


def test_date_density_limit_names_the_document_and_the_limit() -> None:

    from histograph.pipeline import MAX_DATES_PER_1000_WORDS, DocumentLimitError
    from histograph.pipeline import check_date_density as check

    text = _numeric_dates(2000)
    with pytest.raises(DocumentLimitError) as err:
        check("folder/dates.txt", text, 2000, 5000)
    message = str(err.value)
    assert message.startswith("E040 folder/dates.txt: 1000 dates per 1,000 words")
    assert f"limit of {MAX_DATES_PER_1000_WORDS}" in message and "\n" not in message
    # a chronology (a date in every seventh word), prose and a short page pass
    chronology = " ".join("- 3 May 1805: the council met again." for _ in range(400))
    check("list.md", chronology, 400)
    check("prose.txt", "word " * 5000, 150)
    check("short.txt", _numeric_dates(900), 900)


def test_a_long_page_of_bare_dates_is_refused_after_its_first_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from histograph import pipeline as P
    from histograph.ingest import read_text

    monkeypatch.setattr(P, "WINDOW_CHARS", 16_000)
    pipe = P.build()
    seen: list[int] = []
    real = pipe._analyze_whole

    def spy(document, config):  # type: ignore[no-untyped-def]
        seen.append(len(document.text))
        return real(document, config)

    monkeypatch.setattr(pipe, "_analyze_whole", spy)
    doc = read_text(_numeric_dates(4000), uri="dates.txt")
    [(_, result)] = list(P.analyze_each(pipe, [doc]))
    assert isinstance(result, P.DocumentLimitError)
    assert "dates.txt" in str(result) and "E040" in str(result)
    assert len(seen) == 1  # refused after one window, the rest never parsed
    # a long chronology list of the same size is analysed
    items = "".join(f"- {k % 28 + 1} May {1700 + k}: the council met again.\n" for k in range(600))
    page = read_text("# Chronology\n\n" + items, uri="chronology.md", fmt="md")
    assert len(page.text) > 16_000
    analysis = pipe.analyze(page)
    assert len(analysis.times) >= 600


def test_doc_text_and_last_token_before_equal_spacy_and_the_scan() -> None:
    from histograph.events.participants import last_before
    from histograph.nlp import doc_text, get_nlp

    doc = get_nlp()("The Austro-Hungarian envoy, Anna Lind, met the council on 3 May 1850 again.")
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    for t in doc:
        for hi in range(-1, len(doc.text) + 2):
            scan = next((x for x in reversed(doc[t.i :]) if x.idx < hi), t)
            assert last_before(t, hi) is not None and last_before(t, hi).i == scan.i


def test_entity_at_a_token_equals_the_scan_of_the_entities() -> None:
    from histograph.entities.tokens import ent_at
    from histograph.nlp import get_nlp

    doc = get_nlp()(
        "On 3 May 1850 the mayor of Eastport, Anna Lind, met the Council of Four in "
        "New Amsterdam and the envoy of France."
    )
    assert doc.ents
    for i in range(-2, len(doc) + 2):
        scan = next((e for e in doc.ents if e.start <= i < e.end), None)
        assert ent_at(doc, i) == scan


def test_a_refused_document_reads_as_one_line_without_a_class_name() -> None:
    from histograph.api import describe
    from histograph.pipeline import DocumentLimitError

    exc = DocumentLimitError("E040 dates.txt: 1000 dates per 1,000 words, above the limit of 400")
    assert describe(exc) == str(exc)
    assert describe(ValueError("bad value")) == "bad value (ValueError)"
