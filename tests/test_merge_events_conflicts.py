"""Claims, independence and conflicts of merged events: participants, framing, durations,
calendar months, timeline filing, copies; plus the merge's fuzzy and salience rules.

Hand-built mentions (no spaCy, no date engine) in sentences about other episodes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from events_helpers import tm, tv
from histograph.merge.conflicts import (
    Duration,
    Sources,
    StatedDuration,
    duration_conflict,
    elapsed_months,
    mark_independence,
    months_label,
    parse_duration,
)
from histograph.merge.events import _old_style, merge_events
from histograph.model import (
    Analysis,
    Claim,
    Conflict,
    CopyLink,
    Document,
    EventMention,
    Region,
    RoleClaim,
    TimeMention,
)
from test_merge_events import Doc, merge, people_of


def by_attr(conflicts: Sequence[Conflict], attribute: str) -> list[Conflict]:
    return [c for c in conflicts if c.attribute == attribute]


# --------------------------------------------------------------------------- helpers


def test_parse_duration_forms() -> None:
    assert parse_duration("16 years").months == 192  # type: ignore[union-attr]
    assert parse_duration("sixteen years").months == 192  # type: ignore[union-attr]
    assert parse_duration("twenty-two years").months == 264  # type: ignore[union-attr]
    assert parse_duration("a month").months == 1  # type: ignore[union-attr]
    assert parse_duration("x", "P3DE").months == 360  # type: ignore[union-attr]
    assert parse_duration("several years") is None
    assert parse_duration("hours-long", "PTXH") is None


@given(st.integers(min_value=0, max_value=5000))
def test_months_label_reads_back(months: int) -> None:
    label = months_label(months)
    total = 0
    words = label.split()
    for n, unit in zip(words[::2], words[1::2], strict=True):
        total += int(n) * (12 if unit.startswith("year") else 1)
    assert total == months


def test_elapsed_months_of_intervals() -> None:
    # December 1861 to 9 April 1865: 3 years 3 to 4 months
    assert elapsed_months(tv("1861-12"), tv("1865-04-09")) == (39, 40)
    assert elapsed_months(tv("1865"), tv("1861")) is None


def test_old_style_needs_a_country_that_kept_the_julian_calendar() -> None:
    a, b = tv("1905-01"), tv("1905-02")
    assert _old_style(a, b, "the massacre in St. Petersburg, Russia") is not None
    assert _old_style(a, b, "the strike in Lyon") is None
    assert _old_style(tv("1930-01"), tv("1930-02"), "Russia") is None  # after the switch


# --------------------------------------------------------------------------- independence


def test_passage_copies_count_once() -> None:
    text_a = "The Treaty of Kiel was signed on January 14, 1814, ending the war."
    sources = Sources.build(passages=[("a", 0, len(text_a), "b", 6, 6 + len(text_a))])
    claim_a = Claim("e", "date", "1814-01-14", "a", 33, 49)
    claim_b = Claim("e", "date", "1814-01-14", "b", 39, 55)
    claim_c = Claim("e", "date", "1814-01-14", "c", 0, 10)
    assert sources.source_of("b", 39, 55) == "a"
    assert sources.source_of("b", 0, 4) == "b"  # outside the copied passage
    marked = mark_independence([claim_b, claim_a, claim_c], sources)
    assert [c.independent for c in marked] == [False, True, True]


def test_document_copies_make_claims_dependent_and_support_count_once() -> None:
    docs = []
    for name in ("orig", "copy1", "copy2", "other"):
        d = Doc(name, "On June 28, 1919, Germany signed the peace treaty at Versailles.")
        d.event(
            "Germany signed the peace treaty at Versailles",
            "signed",
            "treaty_signed",
            "1919-06-28",
            "June 28, 1919",
        )
        docs.append(d)
    copies = (CopyLink("copy1", "orig", 0.99), CopyLink("copy2", "orig", 0.97))
    events, _ = merge(docs, copies)
    (ev,) = events
    assert ev.support == 4
    assert ev.independent_support == 2
    dates = [c for c in ev.claims if c.attribute == "date"]
    assert {c.doc_id: c.independent for c in dates} == {
        "orig": True,
        "copy1": False,
        "copy2": False,
        "other": True,
    }


def test_a_value_only_copies_support_is_a_copy_conflict() -> None:
    def doc(name: str, day: str) -> Doc:
        d = Doc(name, f"On March {day}, 1836, Houston and Burnet declared independence.")
        d.event(
            f"On March {day}, 1836, Houston and Burnet declared independence",
            "declared",
            "letter_or_statement",
            f"1836-03-{int(day):02d}",
            f"March {day}, 1836",
            parts=(("Houston", "agent"), ("Burnet", "agent")),
        )
        return d

    docs = [doc("a", "2"), doc("b", "2"), doc("c", "3"), doc("d", "3")]
    # the 3rd is stated by c and by d, a copy of c: one source
    events, conflicts = merge(docs, (CopyLink("d", "c", 0.98),))
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "1836-03-02"
    (d,) = by_attr(conflicts, "date")
    assert d.kind == "copy"


# --------------------------------------------------------------------------- participants


def talks(name: str, text: str, who: tuple[str, ...], type_: str = "negotiation") -> Doc:
    d = Doc(name, text)
    d.event(
        text.rstrip("."),
        text.split()[2] if type_ == "negotiation" else text.split()[1],
        type_,
        "1905-08",
        "August 1905",
        parts=tuple((w, "agent") for w in who),
    )
    return d


def test_sources_naming_different_negotiators_disagree_softly() -> None:
    a = talks("a", "In August 1905 negotiated Witte and Komura at Portsmouth.", ("Witte", "Komura"))
    b = talks(
        "b", "In August 1905 negotiated Roosevelt and Rosen at Portsmouth.", ("Roosevelt", "Rosen")
    )
    events, conflicts = merge([a, b])
    assert len(events) == 1
    (c,) = by_attr(conflicts, "participants")
    assert c.severity == "soft"
    assert sorted(v.value for v in c.values) == ["Komura, Witte", "Roosevelt, Rosen"]
    assert all(v.claims for v in c.values)


def test_a_source_naming_fewer_people_is_no_conflict() -> None:
    a = talks("a", "In August 1905 negotiated Witte and Komura at Portsmouth.", ("Witte", "Komura"))
    b = talks("b", "In August 1905 negotiated Witte with Japan at Portsmouth.", ("Witte",))
    _, conflicts = merge([a, b])
    assert not by_attr(conflicts, "participants")


def test_open_ended_events_have_no_participant_conflict() -> None:
    a = talks(
        "a",
        "In August 1905 fought Kuropatkin and Oyama.",
        ("Kuropatkin", "Oyama"),
        "war_or_invasion",
    )
    b = talks(
        "b",
        "In August 1905 fought Togo and Rozhestvensky.",
        ("Togo", "Rozhestvensky"),
        "war_or_invasion",
    )
    _, conflicts = merge([a, b])
    assert not by_attr(conflicts, "participants")


# --------------------------------------------------------------------------- framing


def test_established_versus_restored_is_a_soft_framing_conflict() -> None:
    a = Doc("a", "On July 12, 1955, Bonn established relations with Moscow.")
    a.event(
        "Bonn established relations with Moscow",
        "established",
        "establish_relations",
        "1955-07-12",
        "July 12, 1955",
    )
    b = Doc("b", "On July 12, 1955, Bonn restored relations with Moscow.")
    b.event(
        "Bonn restored relations with Moscow",
        "restored",
        "establish_relations",
        "1955-07-12",
        "July 12, 1955",
    )
    c = Doc("c", "On July 12, 1955, Bonn established relations with Moscow again.")
    c.event(
        "Bonn established relations",
        "established",
        "establish_relations",
        "1955-07-12",
        "July 12, 1955",
    )
    events, conflicts = merge([a, b, c])
    assert len(events) == 1
    (f,) = by_attr(conflicts, "nature")
    assert (f.kind, f.severity) == ("framing", "soft")
    assert sorted(v.value for v in f.values) == ["first establishment", "restoration or resumption"]
    natures = [c for c in events[0].claims if c.attribute == "nature"]
    assert {c.value for c in natures} == {"established", "restored"}


def test_one_framing_is_no_conflict() -> None:
    a = Doc("a", "On July 12, 1955, Bonn established relations with Moscow.")
    a.event(
        "Bonn established relations with Moscow",
        "established",
        "establish_relations",
        "1955-07-12",
        "July 12, 1955",
    )
    b = Doc("b", "In 1955 Bonn and Moscow established relations.")
    b.event(
        "Bonn and Moscow established relations",
        "established",
        "establish_relations",
        "1955",
        "1955",
    )
    _, conflicts = merge([a, b])
    assert not by_attr(conflicts, "nature")


# --------------------------------------------------------------------------- durations


def _duration_docs(years: str, start: str) -> list[Doc]:
    """Doc a: "... ended the war N years after the invasion" (a relative date anchored on
    the treaty's date); doc b dates the invasion."""
    text = f"On May 10, 1871, the treaty ended the war, {years} years after the invasion of Alsace."
    a = Doc("a", text)
    a.event("the treaty ended the war", "treaty", "treaty_signed", "1871-05-10", "May 10, 1871")
    rel_phrase = f"{years} years after"
    n = int(years)
    rel = tm(text, rel_phrase, str(1871 - n), "a")
    rel = replace(rel, anchor_start=text.index("May 10, 1871"))
    a.times.append(rel)
    s = text.index("the invasion of Alsace")
    a.events.append(
        EventMention(
            "a",
            s,
            s + len("the invasion of Alsace"),
            s + 4,
            s + 12,
            "war_or_invasion",
            time=rel.value,
            time_start=rel.start,
            time_end=rel.end,
        )
    )
    b = Doc("b", f"In {start} the invasion of Alsace began.")
    b.event(f"In {start} the invasion of Alsace began", "invasion", "war_or_invasion", start, start)
    return [a, b]


def test_a_rounded_length_is_a_soft_rounding_conflict() -> None:
    # July 1870 to May 1871 is 10 months, stated as "1 years" (rounded)
    _events, conflicts = merge(_duration_docs("1", "1870-07"))
    (d,) = by_attr(conflicts, "duration")
    assert (d.kind, d.severity) == ("rounding", "soft")
    values = {v.value for v in d.values}
    assert "1 year" in values and "10 months" in values
    computed = next(v for v in d.values if v.value == "10 months")
    assert any(c.doc_id == "b" for c in computed.claims)  # the date it rests on


def test_an_exact_length_is_no_conflict() -> None:
    _, conflicts = merge(_duration_docs("1", "1870-04"))
    assert not by_attr(conflicts, "duration")


def test_a_length_far_off_is_hard() -> None:
    claim = Claim("e", "duration", "5 years", "a", 0, 7)
    basis = [Claim("w", "date", "1870-07", "b", 3, 12)]
    d = duration_conflict(
        "e", [StatedDuration(Duration(60, 12), claim, "w")], tv("1870-07"), tv("1871-05-10"), basis
    )
    assert d is not None and (d.kind, d.severity) == ("unexplained", "hard")
    assert [v.value for v in d.values] == ["5 years", "10 months"]


def test_ending_n_years_of_a_state_is_a_claim() -> None:
    text = "In 1871 the treaty was signed, ending 2 years of war."
    a = Doc("a", text)
    a.event(text, "treaty", "treaty_signed", "1871", "1871")
    s = text.index("2 years")
    a.times.append(TimeMention("a", s, s + 7, "2 years", "DURATION", None, "P2Y"))
    events, _ = merge([a])
    (claim,) = [c for c in events[0].claims if c.attribute == "duration"]
    assert claim.value == "2 years" and text[claim.start : claim.end] == "2 years"


# --------------------------------------------------------------------------- calendar months


def test_a_month_in_a_name_against_the_new_style_month_is_a_calendar_conflict() -> None:
    a = Doc("a", "The 1917 February revolution in Russia ended the monarchy.")
    a.event(
        "The 1917 February revolution in Russia", "revolution", "revolution_or_coup", "1917", "1917"
    )
    b = Doc("b", "In March 1917 the revolution in Russia forced the Tsar to abdicate.")
    b.event(
        "In March 1917 the revolution in Russia",
        "revolution",
        "revolution_or_coup",
        "1917-03",
        "March 1917",
    )
    events, conflicts = merge([a, b])
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "1917-03"  # names never vote
    (d,) = by_attr(conflicts, "date")
    assert (d.kind, d.severity) == ("calendar", "soft")
    assert sorted(v.value for v in d.values) == ["1917-02", "1917-03"]


# --------------------------------------------------------------------------- timeline filing


def test_an_entry_filed_under_the_wrong_heading_is_a_soft_conflict() -> None:
    text = "## Timeline of the Crimean War (1853-1856)\n\n**1855**\n\n- **March 1856:** The Treaty of Paris is signed.\n"
    doc = Document("t", "t.md", text, "md")
    times = [
        tm(text, "1853-1856", None, "t"),
        tm(text, "1855", "1855", "t"),
        tm(text, "March 1856", "1856-03", "t"),
    ]
    times[0] = TimeMention(
        "t", times[0].start, times[0].end, "1853-1856", "DATE", tv("1853/1856"), "1853/1856"
    )
    s = text.index("- **March")
    e = text.index(" is signed.") + len(" is signed")
    trig = text.index("Treaty of Paris")
    m = EventMention(
        "t",
        s,
        e,
        trig,
        trig + len("Treaty of Paris"),
        "treaty_signed",
        time=times[2].value,
        time_start=times[2].start,
        time_end=times[2].end,
        region_kind="list_item",
    )
    a = Analysis(
        doc, regions=(Region("t", 0, len(text), "narrative"),), times=tuple(times), events=(m,)
    )
    events, conflicts = merge_events([a], [])
    (c,) = by_attr(conflicts, "date")
    assert c.severity == "soft"
    assert [v.value for v in c.values] == ["1855", "1856-03"]  # the page span contains it
    assert events[0].date is not None and events[0].date.value == "1856-03"


# --------------------------------------------------------------------------- merge rules


def test_a_year_guessed_from_the_narrative_falls_back_to_month_and_day() -> None:
    a = Doc("a", "On April 9, 1865, Lee surrendered to Grant at Appomattox.")
    a.event(
        "Lee surrendered to Grant at Appomattox",
        "surrendered",
        "agreement_signed",
        "1865-04-09",
        "April 9, 1865",
        parts=(("Grant", "agent"),),
    )
    text = "Lee's army had fought since 1861. On April 9 he surrendered to Grant."
    b = Doc("b", text)
    m = b.event(
        "On April 9 he surrendered to Grant",
        "surrendered",
        "agreement_signed",
        parts=(("Grant", "agent"),),
    )
    wrong = replace(tv("1861-04-09"), anchor="narrative")
    s = text.index("April 9")
    b.times.append(TimeMention("b", s, s + 7, "April 9", "DATE", wrong, "1861-04-09"))
    b.events[-1] = replace(m, time=wrong, time_start=s, time_end=s + 7)
    events, conflicts = merge([a, b])
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "1865-04-09"
    assert not by_attr(conflicts, "date")


def test_a_definite_undated_mention_joins_the_dominant_event_of_its_kind() -> None:
    docs = []
    for name in ("a", "b", "c"):
        d = Doc(name, "In July 1945 the talks at Potsdam were held by Truman and Stalin.")
        d.event(
            "the talks at Potsdam were held by Truman and Stalin",
            "held",
            "negotiation",
            "1945-07",
            "July 1945",
            parts=(("Truman", "agent"), ("Stalin", "agent")),
        )
        docs.append(d)
    other = Doc("o", "In 1943 talks with Chiang were held by Roosevelt.")
    other.event(
        "talks with Chiang were held by Roosevelt",
        "held",
        "negotiation",
        "1943",
        "1943",
        parts=(("Roosevelt", "agent"),),
    )
    late = Doc("l", "The negotiations were conducted by Attlee and Byrnes.")
    late.event(
        "The negotiations were conducted by Attlee and Byrnes",
        "conducted",
        "negotiation",
        parts=(("Attlee", "agent"), ("Byrnes", "agent")),
    )
    events, conflicts = merge([*docs, other, late])
    assert len(events) == 2
    potsdam = next(e for e in events if e.date is not None and e.date.value == "1945-07")
    assert {m.doc_id for m in potsdam.mentions} == {"a", "b", "c", "l"}
    assert by_attr(conflicts, "participants")  # Truman/Stalin vs Attlee/Byrnes


def test_an_indefinite_undated_mention_stays_apart() -> None:
    docs = []
    for name in ("a", "b"):
        d = Doc(name, "In July 1945 the talks at Potsdam were held by Truman and Stalin.")
        d.event(
            "the talks at Potsdam were held by Truman and Stalin",
            "held",
            "negotiation",
            "1945-07",
            "July 1945",
            parts=(("Truman", "agent"), ("Stalin", "agent")),
        )
        docs.append(d)
    late = Doc("l", "Bilateral talks were held by Attlee and Byrnes.")
    late.event(
        "Bilateral talks were held by Attlee and Byrnes",
        "held",
        "negotiation",
        parts=(("Attlee", "agent"), ("Byrnes", "agent")),
    )
    events, _ = merge([*docs, late])
    assert len(events) == 2


def test_nested_place_names_count_as_shared_participants() -> None:
    a = Doc("a", "In 1814 the congress met in Vienna with Metternich.")
    m = a.event(
        "the congress met in Vienna with Metternich",
        "congress",
        "summit_or_conference",
        "1814",
        "1814",
    )
    s = a.text.index("Vienna")
    from histograph.model import Participant

    a.events[-1] = replace(
        m, participants=(Participant("Vienna", "party", s, s + 6, key="Vienna"),)
    )
    b = Doc("b", "The congress in the city of Vienna Austria ended the wars.")
    m2 = b.event("The congress in the city of Vienna Austria", "congress", "summit_or_conference")
    s2 = b.text.index("Vienna Austria")
    b.events[-1] = replace(
        m2,
        participants=(Participant("Vienna Austria", "party", s2, s2 + 14, key="Vienna Austria"),),
        confidence=0.4,
    )
    events, _ = merge([a, b])
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_a_participant_written_as_a_title_is_the_person_holding_it() -> None:
    text = "Foreign Secretary Edward Grey spoke. In August 1914 the Foreign Secretary negotiated with Lichnowsky."
    d = Doc("a", text)
    d.event(
        "In August 1914 the Foreign Secretary negotiated with Lichnowsky",
        "negotiated",
        "negotiation",
        "1914-08",
        "August 1914",
        parts=(("Lichnowsky", "party"),),
    )
    from histograph.model import Participant, Person

    s = text.index("Foreign Secretary negotiated")
    m = d.events[-1]
    d.events[-1] = replace(
        m, participants=(*m.participants, Participant("Foreign Secretary", "agent", s, s + 17))
    )
    g = text.index("Edward Grey")
    grey = Person(
        "p-grey",
        "Edward Grey",
        ("Edward Grey",),
        roles=(RoleClaim("a", 0, g + 11, "p-grey", "Foreign Secretary"),),
    )
    people = [*people_of([d]), grey]
    events, _ = merge_events([d.analysis()], people)
    assert "p-grey" in events[0].participants


# --------------------------------------------------------------------------- consensus


def test_consensus_values_with_support_and_independent_support() -> None:
    from histograph.merge.consensus import event_consensus

    docs = []
    for name, day, phrase in (
        ("orig", "1919-06-28", "June 28, 1919"),
        ("copy", "1919-06-28", "June 28, 1919"),
        ("year", "1919", "1919"),
    ):
        d = Doc(name, f"On {phrase} Clemenceau signed the peace treaty at Versailles.")
        d.event(
            "Clemenceau signed the peace treaty at Versailles",
            "signed",
            "treaty_signed",
            day,
            phrase,
            parts=(("Clemenceau", "agent"),),
            place="Versailles",
        )
        docs.append(d)
    (ev,), _ = merge(docs, (CopyLink("copy", "orig", 0.99),))
    cons = event_consensus(ev)
    (date,) = cons["date"]
    assert (date.value, date.support, date.independent_support) == ("1919-06-28", 3, 2)
    (place,) = cons["place"]
    assert (place.value, place.support, place.independent_support) == ("Versailles", 3, 2)
    assert [p.value for p in cons["participant"]] == ["Clemenceau"]
    assert cons["type"][0].value == "treaty_signed"


def test_a_framing_word_before_the_trigger_is_part_of_the_claim() -> None:
    text = "In 1949 came the first recognition of the new state by Burma."
    a = Doc("a", text)
    a.event(
        "the first recognition of the new state by Burma",
        "recognition",
        "recognition",
        "1949",
        "1949",
    )
    b = Doc("b", "In 1949 Burma restored relations with the new state.")
    b.event(
        "Burma restored relations with the new state",
        "restored",
        "establish_relations",
        "1949",
        "1949",
    )
    events, conflicts = merge([a, b])
    natures = sorted(c.value for e in events for c in e.claims if c.attribute == "nature")
    assert natures == ["first recognition", "restored"]
    assert by_attr(conflicts, "nature")
