"""Places a page's context gives events whose own sentence names none (events.setting)."""

from __future__ import annotations

from events_helpers import tv
from histograph.events.setting import carried_places, mention_key
from histograph.model import EventMention, RegionKind

TEXT = (
    "On 2 March 1871 a great fire broke out in Harwick. The fire destroyed the docks on "
    "2 March. Two days later the mayor announced a relief fund.\n\n"
    "In 1921 the town council met again."
)


def _m(
    phrase: str,
    typ: str,
    date: str | None,
    place: str | None = None,
    main: bool = False,
    text: str = TEXT,
) -> EventMention:
    s = text.index(phrase)
    return EventMention(
        "d", s, s + len(phrase), s, s + 4, typ, tv(date) if date else None, place=place, main=main
    )


def test_an_event_of_the_story_takes_the_place_of_the_main_event() -> None:
    main = _m("a great fire broke out in Harwick", "disaster", "1871-03-02", "Harwick", True)
    later = _m("The fire destroyed the docks on 2 March", "disaster", "1871-03-02")
    got = carried_places([main, later], TEXT)
    assert got[mention_key(later)] == "Harwick"


def test_acts_of_governments_and_far_dates_take_no_place() -> None:
    main = _m("a great fire broke out in Harwick", "disaster", "1871-03-02", "Harwick", True)
    fund = _m("the mayor announced a relief fund", "letter_or_statement", "1871-03-04")
    far = _m("the town council met again", "other", "1921")
    got = carried_places([main, fund, far], TEXT)
    assert mention_key(fund) not in got and mention_key(far) not in got


def test_a_chronology_page_carries_nothing() -> None:
    text = "1801 X fell in Avon.\n1802 Y burned.\n1803 Z sank.\n1804 W flooded."
    ms = [
        _m("X fell in Avon", "other", "1801", "Avon", True, text),
        _m("Y burned", "other", "1802", None, True, text),
        _m("Z sank", "other", "1803", None, True, text),
        _m("W flooded", "other", "1804", None, False, text),
    ]
    assert carried_places(ms, text) == {}


def test_the_next_sentence_of_one_time_goes_on_where_the_paragraph_was() -> None:
    text = "On 4 May 1650 rebels stormed the castle at Dunmore. They burned the gate that day."
    a = _m(
        "rebels stormed the castle at Dunmore",
        "war_or_invasion",
        "1650-05-04",
        "Dunmore",
        text=text,
    )
    b = _m("They burned the gate that day", "other", "1650-05-04", text=text)
    assert carried_places([a, b], text)[mention_key(b)] == "Dunmore"
    c = _m("They burned the gate that day", "other", "1651", text=text)
    assert carried_places([a, c], text) == {}


def test_the_merge_gives_a_carried_place_only_where_no_source_states_one() -> None:
    from dataclasses import replace

    from test_merge_events import Doc, merge

    text = "On 9 June 1702 a flood struck Orley. That night the miller Tobin drowned."
    a = Doc("a", text)
    main = a.event(
        "a flood struck Orley", "struck", "disaster", "1702-06-09", "9 June 1702", place="Orley"
    )
    a.events[0] = replace(main, main=True)
    death = a.event("the miller Tobin drowned", "drowned", "death", parts=(("Tobin", "patient"),))
    a.events[1] = replace(death, time=main.time)
    events, conflicts = merge([a])
    by_type = {e.type: e for e in events}
    assert by_type["death"].place == "Orley"
    # a carried place is no source's claim: no place claim, no conflict
    assert not [c for c in by_type["death"].claims if c.attribute == "place"]
    assert not [c for c in conflicts if c.attribute == "place"]


TIMELINE = (
    "Timeline of the siege of Tarvia\n\n"
    "3 May 1809 – Troops surround the town.\n"
    "9 May 1809 – A bombardment destroys the cathedral roof.\n"
    "20 June 1809 – The garrison surrenders.\n"
)


def _t(phrase: str, typ: str, date: str | None, place: str | None = None) -> EventMention:
    """A main entry of TIMELINE (the title's mention when ``place`` is given)."""
    s = TIMELINE.index(phrase)
    kind: RegionKind = "title" if place else "list_item"
    return EventMention(
        "d",
        s,
        s + len(phrase),
        s,
        s + 4,
        typ,
        tv(date) if date else None,
        place=place,
        main=True,
        region_kind=kind,
    )


def test_a_timeline_of_one_story_is_set_where_its_title_says() -> None:
    title = _t("siege of Tarvia", "war_or_invasion", None, "Tarvia")
    a = _t("Troops surround the town", "war_or_invasion", "1809-05-03")
    b = _t("A bombardment destroys", "war_or_invasion", "1809-05-09")
    c = _t("The garrison surrenders", "war_or_invasion", "1809-06-20")
    got = carried_places([title, a, b, c], TIMELINE)
    assert got[mention_key(a)] == "Tarvia" and got[mention_key(c)] == "Tarvia"


def test_a_timeline_over_centuries_carries_nothing() -> None:
    title = _t("siege of Tarvia", "war_or_invasion", None, "Tarvia")
    a = _t("Troops surround the town", "war_or_invasion", "1609")
    b = _t("A bombardment destroys", "war_or_invasion", "1709")
    c = _t("The garrison surrenders", "war_or_invasion", "1809")
    assert carried_places([title, a, b, c], TIMELINE) == {}


def test_a_state_or_a_government_act_takes_no_place_from_the_story() -> None:
    from histograph.model import Participant

    text = (
        "On 3 May 1822 the governor was shot dead in Port Alder. Ten days later Spain"
        " declared war on Portugal. Spain invaded the border provinces the next week. Riots"
        " spread through the streets on 4 May."
    )
    main = EventMention(
        "d", 0, 55, 41, 45, "assassination", tv("1822-05-03"), place="Port Alder", main=True
    )

    def at(phrase: str, trigger: str, typ: str, date: str, agent: str = "") -> EventMention:
        s = text.index(phrase)
        t = text.index(trigger, s)
        who = ()
        if agent:
            a = text.index(agent, s)
            who = (Participant(agent, "agent", a, a + len(agent)),)
        return EventMention(
            "d", s, s + len(phrase), t, t + len(trigger), typ, tv(date), participants=who
        )

    war = at("Spain declared war on Portugal", "declared war", "war_or_invasion", "1822-05-13")
    invaded = at(
        "Spain invaded the border provinces", "invaded", "war_or_invasion", "1822-05-20", "Spain"
    )
    riots = at("Riots spread through the streets", "Riots", "protest", "1822-05-04")
    got = carried_places([main, war, invaded, riots], text)
    assert mention_key(war) not in got
    assert mention_key(invaded) not in got
    assert got[mention_key(riots)] == "Port Alder"


def test_an_infobox_field_states_the_pages_place() -> None:
    from histograph.events.setting import stated_page_place

    text = "Siege of Tarvia\n\nDate\t3 May 1809\nLocation\tTarvia, Lombardy[2]\nResult\tWon\n"
    assert stated_page_place(text) == "Tarvia, Lombardy"
    assert stated_page_place("Battle of Orme\nLocation: Orme Hill, near Dunwick\n") == (
        "Orme Hill, near Dunwick"
    )
    # a place of birth or a menu's lone "Location" followed by no place states nothing
    assert stated_page_place("Place of birth: Dunwick\n") is None
    assert stated_page_place("Home\nLocation\nContact us\n\nA flood struck in 1702.") is None


def test_a_catalogue_card_line_states_the_pages_place() -> None:
    from histograph.events.setting import stated_page_place
    from histograph.model import EntityMention

    text = "Duke Grants the Charter of Towns - May 4, 1381\n1381 · Kestrel, Vandria\n\nText."
    at = text.index("Kestrel")
    kestrel = EntityMention("d", at, at + 7, "Kestrel", "GPE")
    assert stated_page_place(text, [kestrel]) == "Kestrel, Vandria"
    # the place must begin with a name the entity stage took for a place
    assert stated_page_place(text, []) is None
    # a news dateline says where the report was written: none
    dateline = "KESTREL, May 5. - The duke granted the charter."
    assert stated_page_place(dateline, [EntityMention("d", 0, 7, "KESTREL", "GPE")]) is None


def test_the_infobox_place_goes_to_the_main_event_and_the_lead_it_restates() -> None:
    text = (
        "Duke Grants the Charter of Towns - May 4, 1381\nLocation: Kestrel\n\n"
        "The duke granted a charter to the towns on 4 May 1381. Guilds protested in June."
    )

    def at(phrase: str, typ: str, date: str, kind: RegionKind, main: bool) -> EventMention:
        s = text.index(phrase)
        return EventMention(
            "d", s, s + len(phrase), s, s + 4, typ, tv(date), main=main, region_kind=kind
        )

    title = at("Duke Grants the Charter", "agreement_signed", "1381-05-04", "title", True)
    lead = at("The duke granted a charter", "legislation", "1381-05-04", "narrative", False)
    later = at("Guilds protested in June", "protest", "1381-06", "narrative", False)
    got = carried_places([title, lead, later], text)
    assert got[mention_key(title)] == "Kestrel" and got[mention_key(lead)] == "Kestrel"
    assert mention_key(later) not in got


SECTIONS = (
    "The Northern Campaign of 1809\n\n"
    "Austrian forces crossed the river in April 1809.\n\n"
    "The Siege of Tarvia\n\n"
    "In May the Austrians surrounded the town. The garrison surrendered on 20 June 1809.\n\n"
    "Aftermath\n\n"
    "Riots broke out in the capital in October 1809.\n"
)


def test_a_heading_naming_a_sited_event_sets_its_section_there() -> None:
    from histograph.model import Region

    def region(line: str, kind: RegionKind) -> Region:
        s = SECTIONS.index(line)
        return Region("d", s, s + len(line), kind)

    regions = [
        region("The Northern Campaign of 1809", "title"),
        region("The Siege of Tarvia", "heading"),
        region("Aftermath", "heading"),
    ]

    def at(phrase: str, typ: str, date: str | None, kind: RegionKind = "narrative") -> EventMention:
        s = SECTIONS.index(phrase)
        place = "Tarvia" if kind == "heading" else None
        return EventMention(
            "d",
            s,
            s + len(phrase),
            s,
            s + 4,
            typ,
            tv(date) if date else None,
            place=place,
            region_kind=kind,
        )

    head = at("Siege of Tarvia", "war_or_invasion", None, "heading")
    before = at("Austrian forces crossed", "war_or_invasion", "1809-04")
    first = at("the Austrians surrounded", "war_or_invasion", "1809-05")
    second = at("The garrison surrendered", "war_or_invasion", "1809-06-20")
    after = at("Riots broke out", "protest", "1809-10")
    got = carried_places([head, before, first, second, after], SECTIONS, (), regions)
    assert got[mention_key(first)] == "Tarvia" and got[mention_key(second)] == "Tarvia"
    # the section before the heading and the one after the next heading stay unplaced
    assert mention_key(before) not in got and mention_key(after) not in got


def test_an_address_to_the_nation_takes_no_place_from_the_story() -> None:
    text = (
        "On 3 May 1902 the mine at Karsk collapsed. On 12 May 1902 the premier addressed the"
        " nation about the collapse."
    )
    main = _m("the mine at Karsk collapsed", "disaster", "1902-05-03", "Karsk", True, text)
    s = text.index("the premier addressed")
    t = text.index("addressed")
    address = EventMention("d", s, len(text), t, t + 9, "other", tv("1902-05-12"))
    assert mention_key(address) not in carried_places([main, address], text)


def test_a_huge_head_line_is_read_in_no_time() -> None:
    """Regression: the card pattern ran over whole lines and backtracked on long runs."""
    import time

    from histograph.events.setting import stated_page_place

    text = "x" * 200_000 + " | 1805\n" + " " * 50_000 + "\n" + ("a " * 5_000 + "| 1805\n") * 40
    began = time.process_time()
    assert stated_page_place(text) is None
    assert time.process_time() - began < 1.0
