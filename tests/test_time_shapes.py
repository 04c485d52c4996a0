"""Dates on pages of shapes the date engine must read without having seen them: chronicles
with date lines over timed entries, dotted day-first dates, day headings over year entries,
structural line breaks.

Every page here is written for these tests (invented events)."""

from __future__ import annotations

from histograph.clean import mark_text_regions
from histograph.ingest import read_text
from histograph.model import TimeMention
from histograph.time import tag_dates, tag_document


def _tag(text: str, published: str | None = None) -> list[TimeMention]:
    meta = {"published": published} if published else None
    doc = read_text(text, uri="t.txt", fmt="txt", meta=meta)
    times, _ = tag_document(doc, mark_text_regions(text, doc.id))
    return times


def _value(ms: list[TimeMention], text: str) -> str | None:
    for m in ms:
        if m.text == text:
            return m.value.value if m.value is not None else None
    raise AssertionError(f"{text!r} not in {[m.text for m in ms]}")


CHRONICLE = (
    "Chronicle of the harbour flood\n"
    "Posted 12.03.2019 09:30\n"
    "\n"
    "The flood of 1953 was the worst the town had known.\n"
    "\n"
    "12.03.1953\n"
    "08:15 – the dyke broke north of the harbour.\n"
    "22:40 – the water reached the market square.\n"
    "\n"
    "13.03.1953\n"
    "06:00 – the first rescue boats arrived from the coast.\n"
)


def test_date_line_dates_the_timed_entries_under_it() -> None:
    ms = _tag(CHRONICLE)
    assert _value(ms, "12.03.1953") == "1953-03-12"
    assert _value(ms, "08:15") == "1953-03-12T08:15"
    assert _value(ms, "22:40") == "1953-03-12T22:40"
    assert _value(ms, "06:00") == "1953-03-13T06:00"


def test_date_line_of_a_chronicle_is_not_the_publication_date() -> None:
    ms = _tag(CHRONICLE)
    line = next(m for m in ms if m.text == "12.03.1953")
    assert not line.document_date


def test_dotted_numeric_dates_are_day_first() -> None:
    ms = tag_dates("On 03.04.1921 the council met, and on 11.04.1921 it dissolved.")
    assert [m.value.value for m in ms if m.value] == ["1921-04-03", "1921-04-11"]


def test_slashed_numeric_dates_keep_the_page_convention() -> None:
    ms = tag_dates("The council met on 03/04/1921.")
    assert ms[0].value is not None and ms[0].value.value == "1921-03-04"


def test_dotted_day_range_sharing_a_year() -> None:
    ms = tag_dates("05.06–11.06.1936 – the congress sat in the old town hall.")
    assert ms[0].value is not None and ms[0].value.value == "1936-06-05/1936-06-11"


def test_date_on_a_short_line_does_not_take_the_next_lines_year() -> None:
    ms = tag_dates("Also on 3 May\n1815 – a fleet left the bay.\n")
    assert [m.text for m in ms] == ["3 May", "1815"]


def test_wrapped_prose_still_joins_a_date_across_its_line_break() -> None:
    text = (
        "After weeks of talks in the capital the two delegations finally signed on 28 July\n"
        "1914 the agreement that ended the dispute over the river.\n"
    )
    ms = tag_dates(text)
    assert _value(ms, "28 July\n1914") == "1914-07-28"


DAY_SECTION = (
    "The siege of the river fort\n"
    "\n"
    "The fort fell on 3 May 1640 after a siege of eleven weeks.\n"
    "\n"
    "Also on 3 May\n"
    "1815 – A fleet leaves the bay for the southern islands.\n"
    "1901 – The first electric tram runs through the city.\n"
)


def test_day_heading_gives_its_day_to_year_entries() -> None:
    ms = _tag(DAY_SECTION)
    assert _value(ms, "1815") == "1815-05-03"
    assert _value(ms, "1901") == "1901-05-03"


def test_year_entries_after_a_prose_line_keep_their_years() -> None:
    text = (
        "Milestones of the railway\n"
        "\n"
        "The line was planned for decades before the first train ran.\n"
        "1825 – The first public railway opens.\n"
        "1830 – A second line links two cities.\n"
    )
    ms = _tag(text)
    assert _value(ms, "1825") == "1825"


def test_a_century_ago_today_is_the_told_day_and_later_counts_from_it() -> None:
    ms = tag_dates(
        "A century ago today the envoy handed over the note. Twelve days later, the two "
        "kingdoms were at war.",
        dct="2014-07-23",
    )
    assert _value(ms, "today") == "1914-07-23"
    assert _value(ms, "Twelve days later") == "1914-08-04"


def test_a_later_background_year_does_not_hold_the_narrative_in_an_older_year() -> None:
    text = (
        "In 1912 and 1913 the minister chaired the conference of envoys.\n\n"
        "The murder of the heir on 28 June 1914 at first caused little alarm. The note "
        "reached the ministry on 24 July. The treaty of 1839 bound the kingdom to act."
    )
    ms = tag_dates(text)
    assert _value(ms, "24 July") == "1914-07-24"


def test_part_of_day_under_a_date_line_takes_its_day() -> None:
    text = (
        "Diary of the siege\n"
        "Posted 02.02.2020 10:00\n"
        "\n"
        "26.04.1871\n"
        "05:10 – the guns opened fire on the western wall.\n"
        "In the evening the commander, J. R. Marsh, sent envoys to the camp.\n"
    )
    ms = _tag(text)
    assert _value(ms, "the evening") == "1871-04-26TEV"


def _one(text: str) -> tuple[str, str | None, str]:
    ms = [m for m in tag_dates(text) if m.kind in ("DATE", "TIME")]
    assert len(ms) == 1, [m.text for m in ms]
    v = ms[0].value
    return ms[0].text, v.value if v is not None else None, v.source_calendar if v else ""


def test_new_style_day_with_the_old_style_day_in_brackets() -> None:
    text, value, _ = _one("The fortress surrendered on 14 March [O.S. 3 March] 1721.")
    assert (text, value) == ("14 March", "1721-03-14")


def test_old_style_day_then_new_style_day_in_parentheses() -> None:
    assert _one("The fleet sailed on 2 May (13 May) 1790.")[1] == "1790-05-13"
    assert _one("The fleet sailed on May 2 (May 13), 1790.")[1] == "1790-05-13"


def test_a_parenthesis_that_is_not_the_other_calendar_is_left_alone() -> None:
    ms = tag_dates("The fleet sailed on 2 May (a Sunday) 1790.")
    assert next(m.text for m in ms) == "2 May"


def test_old_style_mark_between_day_and_year() -> None:
    assert _one("The governor died on 2 March (O.S.) 1790.")[1] == "1790-03-13"


def test_old_style_pair_with_the_year_inside_each_reading() -> None:
    value = _one("The envoy arrived on 10 January 1701 [O.S. 30 December 1700].")[1]
    assert value == "1701-01-10"


def test_roman_days() -> None:
    assert _one("The consul was killed on the Ides of March, 61 BC.")[1] == "BC0061-03-15"
    ms = tag_dates("In 61 BC the senate met on the Nones of June.")
    assert _value(ms, "the Nones of June") == "BC0061-06-05"


def test_bc_range_written_with_to() -> None:
    assert _one("The league fought from 460 to 445 BC.")[1] == "BC0460/BC0445"


def test_day_of_that_year_is_in_the_year_the_text_named_last() -> None:
    text = (
        "The abbey was founded in 1132. Its 800th anniversary fell in 1932.\n"
        "On 3 May that year, the bishop and the mayor gathered in the ruins. In the centuries "
        "after 1132 the abbey had grown rich."
    )
    ms = tag_dates(text, dct="2020-01-10")
    assert _value(ms, "3 May that year") == "1932-05-03"
    ms = tag_dates("In 1862 the campaign went badly. On June 3 that same year the general resigned.")
    assert _value(ms, "June 3 that same year") == "1862-06-03"


def test_weekday_in_a_news_report_with_an_irregular_past_verb_is_the_last_one() -> None:
    # the DCT is a Thursday: "hit ... on Sunday" is the Sunday before
    ms = tag_dates("The storm hit the coast on Sunday.", dct="2019-03-14")
    assert _value(ms, "Sunday") == "2019-03-10"


def test_a_paragraph_opening_year_sets_the_scene_for_the_following_year() -> None:
    text = (
        "The siege of the city began on 14 July 1683.\n\n"
        "In 1681 the nobles rose against the crown. The following year the sultan declared "
        "war. The vizier left the capital in April 1683."
    )
    ms = tag_dates(text)
    assert _value(ms, "The following year") == "1682"


def test_two_date_cells_of_a_table_row_are_its_start_and_end() -> None:
    ms = tag_dates("| Siege of the north fort | 3 May 1702 | 9 June 1702 | Surrender |\n")
    assert _value(ms, "3 May 1702 | 9 June 1702") == "1702-05-03/1702-06-09"


def test_a_dated_table_row_is_content_not_a_menu() -> None:
    text = (
        "Wars of the kingdom\n\nThe wars below changed the borders.\n\n"
        "| War | Start | End |\n|---|---|---|\n| Border War | 1702 | 1704 |\n"
    )
    kinds = {text[r.start : r.end]: r.kind for r in mark_text_regions(text)}
    assert kinds["| Border War | 1702 | 1704 |"] == "list_item"
