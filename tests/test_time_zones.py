"""Time zones (time/zones.py) and one date read on two clocks (merge/timezones.py).
The sentences are written for these tests."""

from __future__ import annotations

from events_helpers import tm
from histograph.merge.timezones import clock_conflicts
from histograph.model import Analysis, Document, Event, EventMention, day_number
from histograph.time.zones import instant, names_other_clock, zone_offset


def test_a_time_with_a_zone_is_an_instant() -> None:
    assert zone_offset("EST") == -300 and zone_offset("Moscow time") == 180
    late = instant(day_number(1950, 3, 3), 23 * 60 + 30, "EST")
    early = instant(day_number(1950, 3, 4), 4 * 60 + 30, "GMT")
    assert late == early
    assert instant(day_number(1950, 3, 3), 60, None) is None
    assert instant(day_number(1950, 3, 3), 60, "Ruritania time") is None


def test_phrases_that_name_another_clock() -> None:
    assert names_other_clock(" in Korea)")
    assert names_other_clock(" local time)")
    assert names_other_clock(" GMT)")
    assert not names_other_clock(" of that year)")
    assert not names_other_clock(", the ships sailed")


def _case(text: str, first: tuple[str, str], second: tuple[str, str]) -> tuple[Event, Analysis]:
    t1 = tm(text, first[0], first[1], "a")
    t2 = tm(text, second[0], second[1], "a")
    m = EventMention("a", 0, len(text), text.index("raid"), text.index("raid") + 4, "war_or_invasion",
                     time=t1.value, time_start=t1.start, time_end=t1.end)
    doc = Document("a", "a.txt", text, "txt")
    return Event("e-raid", "war_or_invasion", "raid", t1.value, (m,)), Analysis(doc, times=(t1, t2))


def test_a_second_reading_on_another_clock_is_a_soft_timezone_conflict() -> None:
    text = "On 3 March 1950 (4 March in Korea) the raid began."
    e, a = _case(text, ("3 March 1950", "1950-03-03"), ("4 March", "1950-03-04"))
    [c] = clock_conflicts([e], [a])
    assert (c.attribute, c.kind, c.severity) == ("date", "timezone", "soft")
    assert [v.value for v in c.values] == ["1950-03-03", "1950-03-04"]
    spans = [text[cl.start : cl.end] for v in c.values for cl in v.claims]
    assert spans == ["3 March 1950", "4 March in Korea"]


def test_a_second_date_without_a_clock_is_no_timezone_conflict() -> None:
    text = "On 3 March 1950 (4 March of that year) the raid began."
    e, a = _case(text, ("3 March 1950", "1950-03-03"), ("4 March", "1950-03-04"))
    assert clock_conflicts([e], [a]) == []


def test_zoned_clock_reads_a_time_and_its_zone() -> None:
    from histograph.time.zones import zoned_clock

    assert zoned_clock("at 11:30 p.m. EST on March 3")[:2] == (23 * 60 + 30, "EST")
    assert zoned_clock("at 04:30 GMT on 4 March")[:2] == (4 * 60 + 30, "GMT")
    assert zoned_clock("at 9:15 p.m. Moscow time")[:2] == (21 * 60 + 15, "Moscow time")
    assert zoned_clock("at 11:30 p.m. on March 3") is None


def _times_case(text: str, readings: list[tuple[str, str]]) -> tuple[list[Event], Analysis]:
    from histograph.model import TimeMention

    times = []
    for written, timex in readings:
        s = text.index(written)
        times.append(TimeMention("a", s, s + len(written), written, "TIME", None, timex))
    trig = text.index("signal")
    m = EventMention("a", 0, len(text), trig, trig + 6, "letter_or_statement")
    doc = Document("a", "a.txt", text, "txt")
    return [Event("e-signal", "letter_or_statement", "signal", None, (m,))], Analysis(
        doc, times=tuple(times)
    )


def test_a_time_read_on_a_second_clock_is_a_soft_timezone_conflict() -> None:
    text = "At 10 p.m. Paris time (4 p.m. in Washington) the signal was sent."
    events, a = _times_case(text, [("10 p.m.", "1944-06-05T22"), ("4 p.m.", "1944-06-05T16")])
    [c] = clock_conflicts(events, [a])
    assert (c.attribute, c.kind, c.severity) == ("time", "timezone", "soft")
    assert [v.value for v in c.values] == ["10 p.m. Paris time", "4 p.m. in Washington"]


def test_a_time_after_a_dash_on_a_second_clock_is_one_moment() -> None:
    text = "At 9 p.m. Washington time \u2014 3 a.m. Saturday in Tokyo \u2014 the signal went out."
    events, a = _times_case(text, [("9 p.m.", "1941-12-05T21"), ("3 a.m.", "1941-12-06T03")])
    [c] = clock_conflicts(events, [a])
    assert c.values[1].value == "3 a.m. Saturday in Tokyo"


def test_two_times_of_one_clock_are_no_timezone_conflict() -> None:
    text = "At 9 p.m. (and again at 11 p.m. that night) the signal was repeated."
    events, a = _times_case(text, [("9 p.m.", "1917-04-02T21"), ("11 p.m.", "1917-04-02T23")])
    assert clock_conflicts(events, [a]) == []


def test_a_moment_on_two_clocks_goes_to_the_best_attested_event() -> None:
    text = "At 10 p.m. Paris time (4 p.m. in Washington) the signal was sent."
    events, a = _times_case(text, [("10 p.m.", "1944-06-05T22"), ("4 p.m.", "1944-06-05T16")])
    m = events[0].mentions[0]
    other = EventMention("b", 0, 10, 0, 5, "letter_or_statement")
    told = Event("e-told", "letter_or_statement", "sent", None, (m, other))
    conflicts = clock_conflicts([events[0], told], [a])
    assert [c.subject for c in conflicts] == ["e-told"]
