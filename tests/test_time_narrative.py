"""The narrative-anchoring model: which mentions move the narrative's reference time, and
how year-less dates inherit a year from it (issue 3, "Partial dates inheriting from the
narrative"). Texts are written for these tests."""

from __future__ import annotations

from histograph.model import TimeMention
from histograph.time import tag_dates, tag_timex3


def find(ms: list[TimeMention], text: str, nth: int = 0) -> TimeMention:
    hits = [m for m in ms if m.text == text]
    assert len(hits) > nth, f"{text!r} not in {[m.text for m in ms]}"
    return hits[nth]


def value_of(text: str, mention: str, dct: str | None = None, nth: int = 0) -> str | None:
    m = find(tag_dates(text, dct), mention, nth)
    return m.value.value if m.value is not None else None


# ----------------------------------------------------------------- side mentions
def test_plan_clause_does_not_move_the_narrative() -> None:
    text = (
        "The offensive opened in March 1951. A campaign was planned for 1953, "
        "but nothing came of it. In June the front stabilised."
    )
    assert value_of(text, "June") == "1951-06"


def test_future_clause_does_not_move_the_narrative() -> None:
    text = "The siege began in May 1854. The admiral said the fleet will sail in 1856. In July the guns opened fire."
    assert value_of(text, "July") == "1854-07"


def test_parenthesised_date_is_an_aside() -> None:
    text = (
        "The army crossed the river in April 1809 (the bridge had been built in 1788). "
        "In May it reached the capital."
    )
    assert value_of(text, "May") == "1809-05"


def test_quoted_date_is_an_aside() -> None:
    text = (
        'The rebels took the town in August 1831. A leader wrote: "We shall hold it until 1840." '
        "In September the garrison surrendered."
    )
    assert value_of(text, "September") == "1831-09"


def test_distant_year_mentioned_in_passing_when_the_narrative_returns() -> None:
    text = (
        "The defenders held the line through August 1920. Letters found in 2004 showed how "
        "the orders were sent. On 12 October the armistice was signed. In 1921 the treaty "
        "followed."
    )
    m = find(tag_dates(text, "2009-12-19"), "12 October")
    assert m.value is not None and m.value.value == "1920-10-12"
    assert m.value.anchor == "narrative"


def test_new_year_taken_when_the_narrative_continues_in_it() -> None:
    text = (
        "The first campaign ended in 1776. The second campaign opened in 1777 with a march "
        "north. In June the army reached the lake. In 1777 also the port fell."
    )
    assert value_of(text, "June") == "1777-06"


def test_backward_relative_does_not_move_the_narrative() -> None:
    text = (
        "The army advanced again in August 1920, repeating its successes of the previous "
        "year. In October it crossed the river."
    )
    assert value_of(text, "the previous year") == "1919"
    assert value_of(text, "October") == "1920-10"


def test_embedded_event_of_an_offset_does_not_move_the_narrative() -> None:
    text = (
        "In December 1917, a month after the Bolsheviks seized power, the US broke relations. "
        "Relations resumed in 1933. They were signed ten minutes before midnight on Nov. 16."
    )
    m = find(tag_dates(text), "ten minutes before midnight on Nov. 16")
    assert m.value is not None and m.value.value == "1933-11-16T23:50"


# ----------------------------------------------------------------- progression
def test_month_after_a_december_reference_is_next_year() -> None:
    text = "The attack came on December 8, 1941. In January, the islands fell."
    assert value_of(text, "January") == "1942-01"


def test_earlier_month_in_the_same_year_stays() -> None:
    text = "The city fell on 20 September 1943. Its defences had been built in June."
    assert value_of(text, "June") == "1943-06"


def test_month_after_late_year_reference_is_next_year() -> None:
    text = "The offensive of late 1942 failed. In February, the army withdrew."
    assert value_of(text, "February") == "1943-02"


def test_range_moves_the_narrative_to_its_end() -> None:
    text = "The campaign lasted from November 21, 1948 to January 31, 1949. On April 21, the river was crossed."
    assert value_of(text, "April 21") == "1949-04-21"


def test_coordinated_years_move_to_the_later() -> None:
    text = "The campaign of late 1948 and early 1949 decided the war. On April 21, the river was crossed."
    assert value_of(text, "April 21") == "1949-04-21"


def test_winter_after_an_autumn_reference_is_the_coming_winter() -> None:
    text = "The armies gathered in the autumn of 481 BC and passed the winter at Sardis. Early in spring they marched."
    assert value_of(text, "the winter") == "BC0480-WI"
    assert value_of(text, "Early in spring") == "BC0480-SP"


def test_next_spring_after_a_winter_reference() -> None:
    text = "The army camped at the ford in December 1777. Over the winter many died. The next spring it marched."
    assert value_of(text, "the winter") == "1778-WI"
    assert value_of(text, "The next spring") == "1778-SP"


def test_paragraph_first_date_sets_the_scene() -> None:
    text = (
        "The southern expedition failed in June 1776.\n\n"
        "The first of the 1777 campaigns was a march from the north. "
        "The column set off in June and took the fort in early July."
    )
    assert value_of(text, "June") == "1777-06"
    assert value_of(text, "early July") == "1777-07"


# ----------------------------------------------------------------- values
def test_vague_offset_is_future_or_past_ref() -> None:
    text = "The fleet sailed on October 20, 1944. A few days later the city fell. Some years earlier it had been fortified."
    later = find(tag_dates(text), "A few days later")
    assert later.value is None and later.timex == "FUTURE_REF"
    earlier = find(tag_dates(text), "Some years earlier")
    assert earlier.value is None and earlier.timex == "PAST_REF"


def test_anniversary_apposed_to_a_date_is_that_date() -> None:
    text = "On April 9, 2009, the sixth anniversary of the fall of the city, crowds gathered."
    assert value_of(text, "the sixth anniversary", "2009-12-19") == "2009-04-09"
    # not apposed: the anniversary falls in the DCT's year
    assert (
        value_of("Crowds marked the sixth anniversary.", "the sixth anniversary", "2009-12-19")
        == "2009"
    )


def test_half_years() -> None:
    assert tag_timex3("Attacks fell in the second half of 2008.") == [(16, 39, "DATE", "2008-H2")]
    assert tag_timex3("in the first half of 1933")[0][3] == "1933-H1"


def test_next_morning_is_the_following_day() -> None:
    text = "On April 14, 1865, the president was shot. He died early the next morning."
    m = find(tag_dates(text), "early the next morning")
    assert m.value is not None and m.value.value == "1865-04-15TMO"


# ----------------------------------------------------------------- not dates
def test_numbers_that_are_not_dates() -> None:
    assert tag_dates("Citing Security Council Resolution 1483 and the laws of war.") == []
    assert tag_dates("The gangs killed 1400 victims.") == []
    assert tag_dates("They eliminated 1.09 million enemy soldiers.") == []
    assert tag_dates("Losses nearly doubled to 3.14/day.") == []


def test_quarters_that_are_not_durations() -> None:
    assert tag_dates("The diversion of three quarters of the troops was decisive.") == []
    assert tag_dates("It was argued in some quarters that he had fled.") == []
    assert [m.timex for m in tag_dates("Profits rose over the past two quarters.")] == ["P6M"]


def test_winter_quarters_is_a_place() -> None:
    assert tag_dates("The army entered winter quarters at the ford.") == []


def test_contemporary_is_not_the_present() -> None:
    assert tag_dates("Trials did not follow contemporary standards.") == []
