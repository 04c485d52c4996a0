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
