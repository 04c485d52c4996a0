"""Differences that a named cause explains are no conflict, and disagreements of each kind are
found: open-ended timeline headings, office titles, stated lengths, a named event dated two
ways, a place spelled two ways (histograph.merge.conflicts and its neighbours).

Short sentences written for these tests, about episodes of several eras."""

from __future__ import annotations

from events_helpers import tv
from histograph.merge.conflicts import (
    drop_loose_filings,
    event_name_conflicts,
    filing_conflict,
    one_page_two_acts,
)
from histograph.merge.names import _same_place
from histograph.merge.person_conflicts import title_pair_conflict
from histograph.merge.quantities import quantity_conflicts
from histograph.merge.spellings import spelling_conflicts
from histograph.merge.unmerged import unmerged_date_conflicts
from histograph.model import (
    Analysis,
    Claim,
    Conflict,
    Document,
    EntityMention,
    Event,
    EventMention,
    Person,
    Sentence,
    TimeValue,
    day_number,
)

# --------------------------------------------------------------------------- timeline filing


def _filed(text: str, heading: str, entry: str, entry_value: str, heading_value: str) -> bool:
    hs = text.index(heading)
    es = text.index(entry)
    head = Claim("e", "date", heading_value, "d", hs, hs + len(heading))
    own = Claim("e", "date", entry_value, "d", es, es + len(entry))
    c = filing_conflict(
        "e", (tv(entry_value), own), [(tv(heading_value), head, "section heading")], text
    )
    return c is not None


def test_an_entry_under_a_before_heading_is_background_not_a_conflict() -> None:
    text = "## Before 1789\n\n- **1774** - A new king is crowned at Reims.\n"
    assert not _filed(text, "1789", "1774", "1774", "1789")


def test_an_entry_under_a_since_heading_is_aftermath_not_a_conflict() -> None:
    text = "## Since 1871\n\n- **1875** - A new constitution is adopted.\n"
    assert not _filed(text, "1871", "1875", "1875", "1871")


def test_an_entry_on_the_closed_side_of_an_open_heading_is_still_a_conflict() -> None:
    text = "## Before 1789\n\n- **1791** - The king flees to Varennes.\n"
    assert _filed(text, "1789", "1791", "1791", "1789")


def test_an_entry_under_a_plain_year_heading_of_another_year_is_a_conflict() -> None:
    text = "## 1848\n\n- **1851** - A coup ends the republic.\n"
    assert _filed(text, "1848", "1851", "1851", "1848")


def test_a_pre_hyphen_heading_is_open_before() -> None:
    text = "### Pre-1914 alliances\n\n- **1882** - The Triple Alliance is formed.\n"
    assert not _filed(text, "1914", "1882", "1882", "1914")


def _filing_of(
    text: str, heading: str, heading_value: str, entry: str, entry_value: str
) -> Conflict | None:
    hs, es = text.index(heading), text.index(entry)
    head = Claim("e" + entry, "date", heading_value, "d", hs, hs + len(heading))
    own = Claim("e" + entry, "date", entry_value, "d", es, es + len(entry))
    return filing_conflict(
        "e" + entry, (tv(entry_value), own), [(tv(heading_value), head, "page title")], text
    )


def test_one_entry_outside_the_page_span_keeps_its_filing_conflict() -> None:
    text = "# The Revolution (1789-1799)\n\n- **1792** - The monarchy falls.\n- **1804** - An emperor is crowned.\n"
    c = _filing_of(text, "1789-1799", "1789/1799", "1804", "1804")
    assert c is not None
    assert drop_loose_filings([c]) == [c]


def test_a_heading_that_several_entries_fall_outside_makes_no_filing_conflict() -> None:
    # the page's heading dates its subject; its chronology runs before and after it
    text = "# The siege (1683)\n\n- **1664** - A truce is signed.\n- **1699** - A peace is made at Karlowitz.\n"
    a = _filing_of(text, "1683", "1683", "1664", "1664")
    b = _filing_of(text, "1683", "1683", "1699", "1699")
    assert a is not None and b is not None
    assert drop_loose_filings([a, b]) == []


# --------------------------------------------------------------------------- office titles


def test_two_names_of_one_office_under_different_office_words_are_naming() -> None:
    assert title_pair_conflict("Home Secretary", "Secretary of State for the Home Department") == (
        "naming"
    )


def test_a_coarser_reading_under_the_same_office_word_is_no_conflict() -> None:
    assert title_pair_conflict("President", "President of the French Republic") is None
    assert title_pair_conflict("Chancellor", "German Chancellor") is None


def test_the_state_before_or_after_the_office_is_one_title() -> None:
    assert title_pair_conflict("Mexican President", "President of Mexico") is None
    assert title_pair_conflict("U.S. President", "President of the United States") is None


def test_the_same_title_in_the_same_order_is_no_conflict() -> None:
    assert title_pair_conflict("U.S. President", "US president") is None


def test_an_ordinal_numbering_the_holder_is_a_difference_of_wording() -> None:
    assert title_pair_conflict("16th President of the United States", "President of the USA") == (
        "naming"
    )
    assert title_pair_conflict("32nd President", "President") == "naming"
    assert title_pair_conflict("27th President of Peru", "28th President of Peru") == "exclusive"


def test_an_office_the_holder_serves_is_not_the_titles_office() -> None:
    assert title_pair_conflict("ambassador", "special assistant to the Secretary of State") is None
    assert title_pair_conflict("ambassador", "adviser to the French President") is None


# --------------------------------------------------------------------------- stated lengths


def _length_analysis(doc_id: str, text: str) -> Analysis:
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        sentences.append(Sentence(doc_id, start, min(end, len(text))))
        start = end + 1
    return Analysis(Document(doc_id, doc_id, text, "txt"), sentences=tuple(sentences))


def _siege(texts: dict[str, str]) -> list[Event]:
    """The siege, told by every page in its first sentence; a small act of page a after it."""
    main = Event(
        "e-siege", "war_or_invasion", "The siege", None,
        tuple(EventMention(d, 0, 9, 4, 9, "war_or_invasion") for d in sorted(texts)),
    )
    t = texts["a"]
    s = t.index("The envoys")
    talks = Event("e-talks", "negotiation", "talks", None,
                  (EventMention("a", s, s + 20, s + 11, s + 20, "negotiation"),))
    return [main, talks]


def test_a_length_no_mention_holds_measures_the_pages_main_event() -> None:
    texts = {
        "a": "The siege began in spring. The envoys talked for hours. It took 40 days in all.",
        "b": "The siege was long. The siege lasted about two months.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    [c] = quantity_conflicts(_siege(texts), analyses)
    assert (c.subject, c.attribute) == ("e-siege", "duration")
    assert [v.value for v in c.values] == ["40 days", "about two months"]


def test_lengths_far_apart_measure_different_things() -> None:
    texts = {
        "a": "The siege began in spring. The envoys talked at length. It took three days to agree.",
        "b": "The siege was long. The siege lasted about two months.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    assert quantity_conflicts(_siege(texts), analyses) == []


def test_one_page_restating_a_length_in_another_unit_gives_two_readings() -> None:
    texts = {
        "a": "The siege began in spring. The envoys talked at length. It took 44 days. "
        "The siege lasted about six weeks.",
    }
    [c] = quantity_conflicts(_siege(texts), [_length_analysis("a", texts["a"])])
    assert (c.attribute, c.severity) == ("duration", "soft")
    one_unit = {"a": "The siege began in spring. The envoys talked at length. It took 44 days. "
                "The siege lasted 40 days."}
    assert quantity_conflicts(_siege(one_unit), [_length_analysis("a", one_unit["a"])]) == []


# --------------------------------------------------------------------------- named events


def _dated(eid: str, doc: str, text: str, date_text: str, day: int, typ: str) -> Event:
    n = day_number(1683, 9, day)
    value = TimeValue(f"1683-09-{day:02d}", n, n, "day")
    s = text.index(date_text)
    m = EventMention(doc, 0, len(text), 0, 4, typ, value, s, s + len(date_text))
    return Event(eid, typ, eid, value, (m,))


def test_one_named_battle_dated_two_ways_by_two_pages_is_a_date_conflict() -> None:
    texts = {
        "a": "Sep 12 Battle of Kahlenberg: the relief army breaks the siege.",
        "b": "On 11 September 1683, the Battle of Kahlenberg was fought.",
    }
    evs = [
        _dated("e-a", "a", texts["a"], "Sep 12", 12, "other"),
        _dated("e-b", "b", texts["b"], "11 September 1683", 11, "war_or_invasion"),
    ]
    out = unmerged_date_conflicts(evs, texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
    assert all("the Battle of Kahlenberg" in c.explanation for c in out)


def test_a_name_placed_before_or_after_the_date_by_a_word_of_sequence_is_no_conflict() -> None:
    texts = {
        "a": "On 12 September 1683, a day after the Battle of Kahlenberg, the army rested.",
        "b": "On 11 September 1683, the Battle of Kahlenberg was fought.",
    }
    evs = [
        _dated("e-a", "a", texts["a"], "12 September 1683", 12, "other"),
        _dated("e-b", "b", texts["b"], "11 September 1683", 11, "war_or_invasion"),
    ]
    assert unmerged_date_conflicts(evs, texts) == []


def test_one_conflict_per_date_of_a_name_on_its_best_attested_event() -> None:
    texts = {
        "a": "Sep 12 Battle of Kahlenberg: the relief army breaks the siege.",
        "b": "On 11 September 1683, the Battle of Kahlenberg was fought.",
        "c": "The Battle of Kahlenberg (11 September 1683) saved the city.",
    }
    a = _dated("e-a", "a", texts["a"], "Sep 12", 12, "other")
    b = _dated("e-b", "b", texts["b"], "11 September 1683", 11, "war_or_invasion")
    c = _dated("e-c", "c", texts["c"], "11 September 1683", 11, "war_or_invasion")
    out = unmerged_date_conflicts([a, b, c], texts)
    assert {x.subject for x in out} == {"e-a", "e-b"}  # not one more for the same 11 September


# --------------------------------------------------------------------------- spellings


def _page(doc: str, text: str, places: tuple[str, ...]) -> Analysis:
    ents = tuple(
        EntityMention(doc, text.index(p), text.index(p) + len(p), p, "GPE") for p in places
    )
    return Analysis(Document(doc, f"{doc}.txt", text, "txt"), entities=ents)


def _told(doc_texts: dict[str, str]) -> Event:
    ms = tuple(EventMention(d, 0, len(t), 0, 4, "other") for d, t in sorted(doc_texts.items()))
    return Event("e-fire", "other", "fire", None, ms)


def test_a_place_spelled_two_ways_is_a_soft_naming_conflict() -> None:
    texts = {
        "a": "The great fire of Kharkiv began in the market.",
        "b": "Fire swept Kharkiv for two days.",
        "c": "The fire at Kharkov destroyed the old town.",
    }
    analyses = [
        _page("a", texts["a"], ("Kharkiv",)),
        _page("b", texts["b"], ("Kharkiv",)),
        _page("c", texts["c"], ("Kharkov",)),
    ]
    [c] = spelling_conflicts([_told(texts)], [], analyses)
    assert (c.attribute, c.kind, c.severity) == ("spelling", "naming", "soft")
    assert [v.value for v in c.values] == ["Kharkiv", "Kharkov"]
    assert c.subject == "e-fire"


def test_endings_common_words_and_people_are_no_spelling_conflict() -> None:
    texts = {
        "a": "Troops of Carthage landed. These ships sailed home under Hamilcar.",
        "b": "The Carthagians landed. There the ships of Hamilkar waited; there was no fleet.",
    }
    analyses = [
        _page("a", texts["a"], ("Carthage", "These", "Hamilcar")),
        _page("b", texts["b"], ("Carthagians", "There", "Hamilkar")),
    ]
    people = [Person("p-h", "Hamilcar", ("Hamilcar", "Hamilkar"))]
    assert spelling_conflicts([_told(texts)], people, analyses) == []


# --------------------------------------------------------------------------- acts kept apart


def _act(eid: str, doc: str, text: str, date_text: str, day: int, trigger: str) -> Event:
    n = day_number(1648, 10, day)
    value = TimeValue(f"1648-10-{day:02d}", n, n, "day")
    s, t = text.index(date_text), text.index(trigger)
    m = EventMention(doc, 0, len(text), t, t + len(trigger), "other", value, s, s + len(date_text))
    return Event(eid, "other", eid, value, (m,))


_FILLER = {f"f{i}": f"The rebel envoys and the king met at council number {i}." for i in range(4)}


def _with_filler(evs: list[Event], texts: dict[str, str]) -> tuple[list[Event], dict[str, str]]:
    out = list(evs)
    for i, (d, t) in enumerate(_FILLER.items()):  # the king and the rebels are everywhere
        n = day_number(1647, 1, 1 + i)
        tv = TimeValue(f"1647-01-{1 + i:02d}", n, n, "day")
        out.append(Event(f"e-{d}", "other", d, tv, (EventMention(d, 0, len(t), 0, 3, "other", tv),)))
    return out, {**texts, **_FILLER}


def test_acts_sharing_only_background_words_are_not_one_act_dated_twice() -> None:
    texts = {
        "a": "On 24 October 1648 the king received the rebel delegates in Westphalia.",
        "b": "On 28 October 1648 the rebel leaders swore homage to the king in Westphalia.",
    }
    evs, texts = _with_filler(
        [
            _act("e-a", "a", texts["a"], "24 October 1648", 24, "received"),
            _act("e-b", "b", texts["b"], "28 October 1648", 28, "swore"),
        ],
        texts,
    )
    assert unmerged_date_conflicts(evs, texts)  # alike by their words alone
    assert unmerged_date_conflicts(evs, texts, people=[Person("p-k", "Ferdinand", ())]) == []


def test_acts_sharing_the_trigger_word_are_one_act_dated_twice() -> None:
    texts = {
        "a": "On 24 October 1648 the envoys signed the peace treaty at Muenster.",
        "b": "On 27 October 1648 the peace treaty was signed by the envoys in Muenster.",
    }
    evs, texts = _with_filler(
        [
            _act("e-a", "a", texts["a"], "24 October 1648", 24, "signed"),
            _act("e-b", "b", texts["b"], "27 October 1648", 27, "signed"),
        ],
        texts,
    )
    out = unmerged_date_conflicts(evs, texts, people=[Person("p-k", "Ferdinand", ())])
    assert {c.subject for c in out} == {"e-a", "e-b"}


def test_acts_kept_apart_the_calendar_gap_apart_are_a_soft_calendar_conflict() -> None:
    texts = {
        "a": "On 14 October 1648 the envoys signed the peace treaty at Muenster.",
        "b": "On 24 October 1648 the peace treaty was signed by the envoys in Muenster.",
    }
    evs, texts = _with_filler(
        [
            _act("e-a", "a", texts["a"], "14 October 1648", 14, "signed"),
            _act("e-b", "b", texts["b"], "24 October 1648", 24, "signed"),
        ],
        texts,
    )
    out = unmerged_date_conflicts(evs, texts, people=[Person("p-k", "Ferdinand", ())])
    assert out and all((c.kind, c.severity) == ("calendar", "soft") for c in out)
    assert "Julian" in out[0].explanation


# --------------------------------------------------------------------------- counts


def _counts(text: str) -> list[tuple[str, str, float]]:
    from histograph.events.quantities import find_quantities

    a = _length_analysis("d", text)
    return [(q.measure, q.bound, q.low) for q in find_quantities(a)]


def test_number_words_with_hundred_read_whole() -> None:
    assert _counts("Some two hundred soldiers were killed.") == [("deaths", "approximate", 200)]
    assert _counts("He raised an army of three hundred thousand men.") == [
        ("forces", "exact", 300_000)
    ]


def test_a_count_of_soldiers_who_were_killed_is_a_death_toll() -> None:
    assert _counts("About 1,200 sailors drowned off the cape.") == [("deaths", "approximate", 1200)]
    assert _counts("An army of 7,000 men marched north.") == [("forces", "exact", 7000)]
    assert _counts("Some 300 men were wounded.")[0][0] == "wounded"


# --------------------------------------------------------------------------- one page, two acts


def test_one_page_giving_one_act_days_weeks_apart_tells_two_acts() -> None:
    assert one_page_two_acts(["XXXX-07-24", "XXXX-08-03TAF"], ["p", "p"])
    assert one_page_two_acts(["1802-03-25", "1803-03-25"], ["p"])
    assert not one_page_two_acts(["1802-03-25", "1802-03-26"], ["p", "p"])  # a day: a slip
    assert not one_page_two_acts(["1802-03-05", "1802-03-25"], ["p", "q"])  # two sources
    assert not one_page_two_acts(["1802", "1803-03"], ["p"])  # not days


def test_a_count_explanation_names_a_clause_titled_event_so_the_sentence_reads() -> None:
    texts = {"a": "The flood killed about 300 people.", "b": "The flood left 520 dead."}
    ms = tuple(EventMention(d, 0, 9, 4, 9, "other") for d in sorted(texts))
    long_title = "On 3 May 1887 the river burst its banks above the mill."
    [c] = quantity_conflicts(
        [Event("e-flood", "other", long_title, None, ms)],
        [_length_analysis(d, t) for d, t in texts.items()],
    )
    assert "of the event told as “On 3 May 1887 the river burst its" in c.explanation


# --------------------------------------------------------------------------- people's names


def test_an_arabic_article_spelled_two_ways_or_dropped_is_one_person_with_the_variants() -> None:
    from histograph.merge.people import merge_people
    from test_people_merge import _analysis

    a = _analysis("a", "Gamal al-Banna wrote.", [("Gamal al-Banna", "Gamal al-Banna")])
    b = _analysis("b", "Gamal el-Banna replied.", [("Gamal el-Banna", "Gamal el-Banna")])
    c = _analysis("c", "Gamal Banna spoke.", [("Gamal Banna", "Gamal Banna")])
    people, conflicts = merge_people([a, b, c])
    [p] = [p for p in people if p.kind == "person"]
    assert {"Gamal al-Banna", "Gamal el-Banna", "Gamal Banna"} <= set(p.aliases)
    [name] = [x for x in conflicts if x.attribute == "name"]
    assert len(name.values) == 3


def test_two_people_with_one_article_surname_stay_two() -> None:
    from histograph.merge.people import merge_people
    from test_people_merge import _analysis

    a = _analysis("a", "Hamid al-Banna wrote.", [("Hamid al-Banna", "Hamid al-Banna")])
    b = _analysis("b", "Gamal el-Banna replied.", [("Gamal el-Banna", "Gamal el-Banna")])
    people, _ = merge_people([a, b])
    assert len([p for p in people if p.kind == "person"]) == 2


def test_one_name_with_or_without_hyphens_is_one_person_and_no_spelling_conflict() -> None:
    from histograph.merge.people import merge_people
    from test_people_merge import _analysis

    a = _analysis("a", "Henry Campbell-Bannerman spoke.", [("Henry Campbell-Bannerman",) * 2])
    b = _analysis("b", "Henry Campbell Bannerman replied.", [("Henry Campbell Bannerman",) * 2])
    people, conflicts = merge_people([a, b])
    [p] = [p for p in people if p.kind == "person"]
    assert {"Henry Campbell-Bannerman", "Henry Campbell Bannerman"} <= set(p.aliases)
    assert not [x for x in conflicts if x.attribute == "name"]


def test_a_state_written_as_a_possessive_or_an_adjective_is_one_title() -> None:
    assert title_pair_conflict("France's Foreign Minister", "French Foreign Minister") is None
    assert title_pair_conflict("Foreign Minister of France", "French Foreign Minister") is None
    assert title_pair_conflict("French Premier", "Prime Minister of France") == "naming"


def test_acts_kept_apart_ten_days_apart_off_the_calendar_gap_are_two_acts() -> None:
    texts = {
        "a": "On 14 October 1648 the envoys signed the peace treaty at Muenster.",
        "b": "On 23 October 1648 the peace treaty was signed by the envoys in Muenster.",
    }
    evs, texts = _with_filler(
        [
            _act("e-a", "a", texts["a"], "14 October 1648", 14, "signed"),
            _act("e-b", "b", texts["b"], "23 October 1648", 23, "signed"),
        ],
        texts,
    )
    assert unmerged_date_conflicts(evs, texts, people=[Person("p-k", "Ferdinand", ())]) == []


def test_a_length_in_a_clause_no_other_page_tells_measures_the_main_event() -> None:
    texts = {
        "a": "The siege began in spring. The envoys talked for hours. It took 40 days in all.",
        "b": "The siege was long. In less than two months the garrison starved.",
    }
    s = texts["b"].index("In less")
    starved = Event(
        "e-starved", "other", "starved", None,
        (EventMention("b", s, len(texts["b"]), s + 40, s + 47, "other"),),
    )
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    [c] = quantity_conflicts([*_siege(texts), starved], analyses)
    assert (c.subject, c.attribute) == ("e-siege", "duration")
    assert [v.value for v in c.values] == ["40 days", "less than two months"]


def test_a_page_repeating_one_of_another_pages_figures_does_not_disagree() -> None:
    texts = {
        "a": "The siege began in spring. The envoys talked. Two guards died that night. "
        "40 soldiers died later.",
        "b": "The siege was long. Two guards died in it.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    assert quantity_conflicts(_siege(texts), analyses) == []
    differ = {**texts, "b": "The siege was long. Three guards died in it."}
    analyses = [_length_analysis(d, t) for d, t in differ.items()]
    assert [c.attribute for c in quantity_conflicts(_siege(differ), analyses)] == ["deaths"]


def _clauses(doc: str, text: str, eid: str) -> Event:
    return Event(eid, "other", eid, None, (EventMention(doc, 0, len(text), 0, 3, "other"),))


def test_a_pages_lone_figure_joins_the_near_figure_of_the_event_other_pages_tell() -> None:
    texts = {
        "a": "The siege ended with a charter of 40 or 42 clauses.",
        "b": "The siege was long. The treaty that ended it had 42 clauses.",
        "c": "The siege was hard. The treaty was signed in May.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    s = texts["b"].index("The treaty")
    treaty = Event(
        "e-treaty", "treaty_signed", "treaty", None,
        (
            EventMention("b", s, len(texts["b"]), s + 4, s + 10, "treaty_signed"),
            EventMention("c", 20, len(texts["c"]), 24, 30, "treaty_signed"),
        ),
    )
    lone = _clauses("a", texts["a"], "e-charter")
    siege = Event("e-siege", "war_or_invasion", "The siege", None,
                  (EventMention("c", 0, 9, 4, 9, "war_or_invasion"),))
    [c] = quantity_conflicts([siege, treaty, lone], analyses)
    assert (c.subject, c.attribute) == ("e-treaty", "clauses")
    assert [v.value for v in c.values] == ["40 or 42", "42"]
    # a figure far from the other pages' one counts something else
    far = {**texts, "a": texts["a"].replace("40 or 42", "12")}
    analyses = [_length_analysis(d, t) for d, t in far.items()]
    assert quantity_conflicts([siege, treaty, _clauses("a", far["a"], "e-charter")], analyses) == []


# --------------------------------------------------------------------------- event names


def _war(texts: dict[str, str], name_of: dict[str, str]) -> Event:
    ms = []
    for d, t in sorted(texts.items()):
        s = t.index(name_of[d])
        ms.append(EventMention(d, 0, len(t), s, s + len(name_of[d]), "war_or_invasion"))
    return Event("e-war", "war_or_invasion", "war", None, tuple(ms))


def test_names_of_events_of_other_eras_and_regions_are_known() -> None:
    texts = {
        "a": "The Indian Mutiny broke out at Meerut.",
        "b": "The Sepoy Mutiny spread along the Ganges.",
    }
    [c] = event_name_conflicts([_war(texts, {"a": "Indian Mutiny", "b": "Sepoy Mutiny"})], texts)
    assert (c.attribute, c.kind) == ("name", "naming")
    texts = {
        "a": "The Munich Agreement was signed at night.",
        "b": "The Munich Pact gave the region away.",
    }
    assert event_name_conflicts(
        [_war(texts, {"a": "Munich Agreement", "b": "Munich Pact"})], texts
    )


def test_pages_calling_one_event_by_two_names_of_it_is_a_naming_conflict() -> None:
    texts = {
        "a": "The Yom Kippur War began with a surprise attack.",
        "b": "In Egypt the October War is remembered as a crossing.",
    }
    ev = _war(texts, {"a": "Yom Kippur War", "b": "October War"})
    [c] = event_name_conflicts([ev], texts)
    assert (c.attribute, c.kind, c.severity) == ("name", "naming", "soft")
    assert [v.value for v in c.values] == ["October War", "Yom Kippur War"]


def test_a_name_only_in_the_backdrop_or_used_by_every_page_is_no_naming_conflict() -> None:
    texts = {
        "a": "The Yom Kippur War began with a surprise attack.",
        "b": "During the October War, the ministers resigned.",
    }
    # page b's mention is the resignation: its trigger is not the name
    ms = (
        EventMention("a", 0, len(texts["a"]), 4, 18, "war_or_invasion"),
        EventMention("b", 0, len(texts["b"]), 42, 50, "war_or_invasion"),
    )
    assert event_name_conflicts([Event("e", "war_or_invasion", "w", None, ms)], texts) == []
    same = {"a": texts["a"], "b": "The Yom Kippur War and the Six-Day War were short."}
    ev = _war(same, {"a": "Yom Kippur War", "b": "Yom Kippur War"})
    assert event_name_conflicts([ev], same) == []


def test_a_lone_toll_stays_with_its_own_event() -> None:
    texts = {
        "a": "The siege ended with a massacre in which 40 soldiers were killed.",
        "b": "The siege was long. The treaty that ended it cost 42 lives.",
        "c": "The siege was hard. The treaty was signed in May.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    s = texts["b"].index("The treaty")
    treaty = Event(
        "e-treaty", "treaty_signed", "treaty", None,
        (
            EventMention("b", s, len(texts["b"]), s + 4, s + 10, "treaty_signed"),
            EventMention("c", 20, len(texts["c"]), 24, 30, "treaty_signed"),
        ),
    )
    siege = Event("e-siege", "war_or_invasion", "The siege", None,
                  (EventMention("c", 0, 9, 4, 9, "war_or_invasion"),))
    massacre = _clauses("a", texts["a"], "e-massacre")
    assert quantity_conflicts([siege, treaty, massacre], analyses) == []


def test_a_lone_toll_of_its_own_clause_joins_the_near_toll_of_the_attack() -> None:
    texts = {
        "a": "The raid came at dawn. In all 410 sailors were killed.",
        "b": "The raid was a surprise. The raid killed 450 men.",
        "c": "The raid was a surprise. It sank two ships.",
    }
    analyses = [_length_analysis(d, t) for d, t in texts.items()]
    raid = Event(
        "e-raid", "war_or_invasion", "The raid", None,
        (
            *(EventMention(d, 0, 8, 4, 8, "war_or_invasion") for d in sorted(texts)),
            EventMention("b", 25, len(texts["b"]), 29, 33, "war_or_invasion"),
        ),
    )
    s = texts["a"].index("In all")
    deaths = Event(
        "e-dead", "other", "killed", None,
        (EventMention("a", s, len(texts["a"]), s + 26, s + 32, "other"),),
    )
    [c] = quantity_conflicts([raid, deaths], analyses)
    assert (c.subject, c.attribute, c.severity) == ("e-raid", "deaths", "hard")


# --------------------------------------------------------------------------- places


def test_a_place_and_the_place_with_its_region_or_a_glued_day_are_one_place() -> None:
    assert _same_place("scapa flow", "scapa flow orkney")
    assert _same_place("scapa flow 21st", "scapa flow orkney")
    assert _same_place("orkney", "scapa flow orkney")  # the region alone: coarser
    assert not _same_place("scapa flow", "rosyth")
    assert not _same_place("scapa flow 21st", "rosyth 21st")
