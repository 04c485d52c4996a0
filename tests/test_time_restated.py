"""Dates stated nearby: a relative date restated by an explicit one, circa, intervals,
future weekdays (sentences written for these tests)."""

from __future__ import annotations

from histograph import tag_dates


def _values(text: str, dct: str | None = None) -> dict[str, tuple[str | None, bool]]:
    return {
        t.text: (t.value.value if t.value else None, bool(t.value and t.value.approximate))
        for t in tag_dates(text, dct=dct)
    }


def test_relative_date_restated_by_an_explicit_one() -> None:
    v = _values(
        "The duke died on 3 March 1702. Three weeks later, on 24 March 1702, the fleet sailed."
    )
    assert v["Three weeks later"][0] == "1702-03-24"


def test_relative_date_without_restatement_is_counted() -> None:
    v = _values("The duke died on 3 March 1702. The following day his heir was proclaimed.")
    assert v["The following day"][0] == "1702-03-04"


def test_circa_keeps_its_approximation() -> None:
    assert _values("Around 1520 the workshop moved to Antwerp.")["1520"] == ("1520", True)
    assert _values("The chapel was built c. 1130.")["c. 1130"] == ("1130", True)
    assert _values("The chapel was built in 1130.")["1130"] == ("1130", False)


def test_from_to_is_one_interval() -> None:
    assert (
        _values("From 3 to 9 May 1702 the siege went on.")["3 to 9 May 1702"][0]
        == "1702-05-03/1702-05-09"
    )


def test_due_to_reopen_on_friday_is_a_future_friday() -> None:
    # 4 March 2020 was a Wednesday
    assert (
        _values("The museum is due to reopen on Friday.", dct="2020-03-04")["Friday"][0]
        == "2020-03-06"
    )


def test_a_day_without_year_takes_the_year_the_page_gives_that_day() -> None:
    from histograph.ingest import read_text
    from histograph.pipeline import build

    text = (
        "A republic is born\n\n"
        "On July 5, the islands became independent.\n\n"
        "Published June 30, 2021 10:00 am\n\n"
        "The flag was raised in the capital on July 5, 1975 at dawn.\n"
    )
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    first = next(t for t in a.times if t.text == "July 5")
    assert first.value is not None and first.value.value == "1975-07-05"
    ev = next(e for e in a.events if text[e.trigger_start : e.trigger_end] == "became")
    assert ev.type == "founding" and ev.time is not None and ev.time.value == "1975-07-05"


def test_days_after_an_embedded_event_count_back_from_the_sentence_date() -> None:
    from histograph.ingest import read_text
    from histograph.pipeline import build

    text = "On 12 June 1812, two days after the emperor declared war, the army crossed the river.\n"
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    declared = next(e for e in a.events if text[e.trigger_start : e.trigger_end] == "declared")
    assert declared.time is not None and declared.time.value == "1812-06-10"


def test_parse_days() -> None:
    from histograph.time.durations import parse_days

    assert parse_days("two days") == 2 and parse_days("3 weeks") == 21 and parse_days("a day") == 1
    assert parse_days("some days") is None


def test_a_paragraph_opening_day_takes_the_pages_year_not_the_backgrounds() -> None:
    from histograph.ingest import read_text
    from histograph.pipeline import build

    text = (
        "On July 2, 1776, the congress voted. On July 4, 1776, it adopted the declaration. "
        "On August 2, 1776, delegates signed it.\n\n"
        "In 1775, the British marched on Lexington. They lost the day on April 19, 1775.\n\n"
        "Across the colonies, the news arrived on July 8.\n\n"
        "The British landed on Staten Island in July 1776.\n"
    )
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    day = next(t for t in a.times if t.text == "July 8")
    assert day.value is not None and day.value.value == "1776-07-08"
