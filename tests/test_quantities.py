"""Counts and amounts in a document (events/quantities.py) and their conflicts across sources
(merge/quantities.py). Every sentence here is written for the test."""

from __future__ import annotations

import math

from histograph.events.quantities import Quantity, find_quantities
from histograph.merge.quantities import quantity_conflicts
from histograph.model import (
    Analysis,
    Document,
    Event,
    EventMention,
    Sentence,
    TimeValue,
    day_number,
)


def _analysis(doc_id: str, text: str) -> Analysis:
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        sentences.append(Sentence(doc_id, start, min(end, len(text))))
        start = end + 1
    return Analysis(Document(doc_id, doc_id, text, "txt"), sentences=tuple(sentences))


def _q(text: str) -> list[tuple[str, str, float, float, str]]:
    return [(q.measure, q.bound, q.low, q.high, q.text) for q in find_quantities(_analysis("d", text))]


def test_numbers_take_the_measure_named_next_to_them() -> None:
    assert _q("The flood killed 1,250 villagers and 3,400 others were injured.") == [
        ("deaths", "exact", 1250, 1250, "1,250"),
        ("wounded", "exact", 3400, 3400, "3,400"),
    ]
    assert _q("The initial death toll was put at about 400.") == [
        ("deaths", "approximate", 400, 400, "about 400")
    ]


def test_bounds_ranges_money_and_shares() -> None:
    assert _q("A host of up to 12,000 infantry marched north.")[0][:4] == ("forces", "upper", 12000, 12000)
    assert _q("The code had 40 or 42 articles.")[0][:4] == ("clauses", "range", 40, 42)
    assert _q("Damage came to $75 million.")[0][:3] == ("money", "exact", 75_000_000)
    assert _q("Two thirds of the town burned.")[0][:3] == ("share", "exact", 66.7)
    assert _q("More than 2,000+ people were killed.")[0][1] == "lower"


def test_labels_ratios_years_and_offsets_are_not_quantities() -> None:
    assert _q("Clause 12 of the charter was repealed.") == []
    assert _q("The real toll may have been 5 times as high.") == []
    assert _q("Three days later the envoys left.") == []
    assert _q("In 1850 the town had two mills.") == []
    assert _q("The archduke was killed in 1914.") == []
    assert _q("He led 1500 men.")[0][:3] == ("forces", "exact", 1500)


def test_durations_are_compared_in_minutes() -> None:
    [q] = find_quantities(_analysis("d", "The siege lasted about 40 days."))
    assert find_quantities(_analysis("d", "The valley was occupied for 15 years.")) == []
    assert (q.measure, q.low, q.bound) == ("duration", 40 * 1440, "approximate")


def test_lengths_in_miles_and_kilometres_are_one_measure() -> None:
    [q] = find_quantities(_analysis("d", "The road ran for 100 miles (161 km) across the plain."))
    assert q.text == "100 miles"  # the bracketed conversion is the same figure
    [k] = find_quantities(_analysis("d", "The wall was built along 161 km of the border."))
    assert math.isclose(q.low, k.low, rel_tol=0.01)
    assert find_quantities(_analysis("d", "The camp lay 40 miles north of the river.")) == []
    assert find_quantities(_analysis("d", "Three Mile Island is a plant.")) == []


def _event(texts: dict[str, str]) -> Event:
    ms = tuple(EventMention(d, 0, 9, 4, 9, "other") for d in sorted(texts))
    return Event("e-flood", "other", "The flood", None, ms)


def test_tolls_that_no_range_reconciles_make_a_hard_conflict_with_spans() -> None:
    texts = {"a": "The flood killed about 300 people.", "b": "The flood left 520 dead."}
    analyses = [_analysis(d, t) for d, t in texts.items()]
    [c] = quantity_conflicts([_event(texts)], analyses)
    assert (c.attribute, c.severity, c.kind) == ("deaths", "hard", "unexplained")
    assert [v.value for v in c.values] == ["about 300", "520"]
    quoted = {texts[cl.doc_id][cl.start : cl.end] for v in c.values for cl in v.claims}
    assert quoted == {"killed about 300", "520 dead"}
    assert "deaths" in c.explanation


def test_compatible_statements_are_soft_and_one_page_alone_is_no_conflict() -> None:
    texts = {"a": "The flood killed 3,000 people.", "b": "The flood killed more than 3,000 people."}
    [c] = quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()])
    assert (c.severity, c.kind) == ("soft", "rounding")
    one = {"a": "The flood sank 8 ships and 3 barges; 2 ships were saved."}
    assert quantity_conflicts([_event(one)], [_analysis("a", one["a"])]) == []


def test_quantity_range() -> None:
    q = Quantity("d", 0, 1, "deaths", 100, 100, "lower", "more than 100")
    assert q.range() == (100, math.inf)


def test_start_and_end_times_of_day() -> None:
    text = "The raid began at 6:40 a.m.; a second wave came at 7:30 a.m. It ended around 9:05 p.m."
    got = [(q.measure, q.low, q.bound) for q in find_quantities(_analysis("d", text))]
    assert got == [("start time", 400, "exact"), ("end time", 21 * 60 + 5, "approximate")]


def test_a_phase_of_the_event_gives_its_times_to_the_pages_main_event() -> None:
    texts = {
        "a": "The raid on the port was a surprise. The raid commenced at 6:40 a.m.",
        "b": "The raid on the port began at 6:52 a.m.",
    }
    main_a = EventMention("a", 0, 35, 4, 8, "other")
    phase = EventMention("a", 37, len(texts["a"]), texts["a"].index("commenced"),
                         texts["a"].index("commenced") + 9, "other")
    main_b = EventMention("b", 0, len(texts["b"]), 4, 8, "other")
    main = Event("e-raid", "other", "The raid", None, (main_a, main_b))
    part = Event("e-phase", "other", "commenced", None, (phase,))
    [c] = quantity_conflicts([main, part], [_analysis(d, t) for d, t in texts.items()])
    assert (c.subject, c.attribute, c.severity) == ("e-raid", "start time", "hard")


def test_event_lengths_written_as_adjectives_or_opening_for() -> None:
    assert _q("The 11-day siege ended in surrender.")[0][:3] == ("duration", "exact", 11 * 1440)
    assert _q("For nine days, the city held out.")[0][:3] == ("duration", "exact", 9 * 1440)
    assert _q("The Six-Day War changed the map.") == []


def test_sums_in_two_currencies_are_a_soft_conflict() -> None:
    texts = {"a": "The flood cost 40 million gold francs.", "b": "The flood cost about $9 million."}
    [c] = quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()])
    assert (c.attribute, c.severity) == ("money", "soft")
    assert "different units" in c.explanation


# --------------------------------------------------------------------------- figure shapes


def test_people_counted_by_a_plain_noun_take_the_measure_the_words_after_it_name() -> None:
    assert _q("Some 12,000 residents were evacuated from the valley.")[0][:3] == (
        "homeless", "approximate", 12000,
    )
    assert _q("About 800 villagers died in the flood.")[0][:3] == ("deaths", "approximate", 800)
    assert _q("Around 5,000 Protestant citizens fled the city.")[0][:3] == (
        "homeless", "approximate", 5000,
    )
    # a plain count of people with nothing said about them is no measure
    assert _q("The town had 12,000 residents and two churches.") == []


def test_a_force_after_a_verb_of_loss_or_capture_counts_losses_or_prisoners() -> None:
    assert _q("The rebels lost 3,000 men at the ford.")[0][:3] == ("losses", "exact", 3000)
    assert _q("The duke captured 1,200 soldiers.")[0][:3] == ("prisoners", "exact", 1200)
    assert _q("The duke led 1,200 soldiers.")[0][:3] == ("forces", "exact", 1200)
    assert _q("The army suffered about 4,000 casualties.")[0][:3] == (
        "losses", "approximate", 4000,
    )


def test_losses_are_never_compared_with_a_death_toll() -> None:
    texts = {"a": "The battle cost 2,000 casualties.", "b": "The battle left 600 dead."}
    assert quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()]) == []


def test_a_length_before_of_and_an_activity_noun_is_the_events_length() -> None:
    assert _q("The truce came after 13 days of fighting.")[0][:3] == (
        "duration", "exact", 13 * 1440,
    )
    assert _q("It followed almost six months of negotiation.")[0][:2] == ("duration", "approximate")
    assert _q("The council sat for a full year.")[0][:3] == ("duration", "exact", 525600)
    # a length of something that is no activity is not the event's
    assert _q("He had 13 days of leave.") == []


def test_money_in_more_currencies_and_crowds() -> None:
    assert _q("The indemnity was 200 million guilders.")[0][:2] == ("money", "exact")
    assert _q("A crowd of 20,000 filled the square.")[0][:3] == ("participants", "exact", 20000)


def test_a_lone_sum_in_another_currency_joins_the_sum_of_the_pages_subject() -> None:
    # page "a" gives its sum in a clause of an act no other page tells (the fixing of the
    # sum); page "b" gives the same sum, in dollars, to the treaty itself
    texts = {
        "a": "The treaty was signed in the hall. The total was fixed at 90 billion marks.",
        "b": "The treaty was signed in the hall. The sum was put at about $20 billion.",
    }
    treaty = Event(
        "e-treaty", "treaty_signed", "The treaty", None,
        tuple(EventMention(d, 0, 33, 4, 10, "treaty_signed") for d in sorted(texts)),
    )
    start = texts["a"].index("The total")
    fixing = Event(
        "e-fix", "other", "fixed", None,
        (EventMention("a", start, len(texts["a"]), texts["a"].index("fixed"),
                      texts["a"].index("fixed") + 5, "other"),),
    )
    [c] = quantity_conflicts([treaty, fixing], [_analysis(d, t) for d, t in texts.items()])
    assert (c.subject, c.attribute, c.severity) == ("e-treaty", "money", "soft")


def test_forces_named_before_the_number_people_aboard_and_survivors() -> None:
    assert _q("He raised an army of 9,000 to relieve the town.")[0][:3] == ("forces", "exact", 9000)
    assert _q("The liner had 1,900 people aboard.")[0][:3] == ("aboard", "exact", 1900)
    assert _q("Only 700 survivors reached the shore.")[0][:3] == ("survivors", "exact", 700)
    # a force that the words after it say died is a death toll
    assert _q("Some 40 sailors killed in the raid were buried there.")[0][:2] == (
        "deaths", "approximate",
    )


def test_one_page_setting_two_estimates_against_each_other_is_a_conflict() -> None:
    texts = {
        "a": "Chroniclers claimed the host had 100,000 men. Modern historians estimate 12,000 men.",
    }
    [c] = quantity_conflicts([_event(texts)], [_analysis("a", texts["a"])])
    assert (c.attribute, c.severity) == ("forces", "hard")
    # the figures of two sides, listed without saying whose estimate each is, are none
    sides = {"a": "The king had 7,000 men. The earl had 10,000 men, according to the rolls."}
    assert quantity_conflicts([_event(sides)], [_analysis("a", sides["a"])]) == []


def test_a_toll_of_the_whole_war_is_not_compared_with_the_toll_of_a_clash() -> None:
    texts = {
        "a": "The battle at the ford killed 20,000 men.",
        "b": "The battle at the ford was fought at dawn. In all, 300,000 died during the war.",
    }
    assert quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()]) == []
    # two tolls of the whole are compared
    whole = {
        "a": "The battle was the first. Some 300,000 died over the course of the war.",
        "b": "The battle was the first. 450,000 were killed throughout the war.",
    }
    [c] = quantity_conflicts([_event(whole)], [_analysis(d, t) for d, t in whole.items()])
    assert (c.attribute, c.severity) == ("deaths overall", "hard")
    assert "over the whole" in c.explanation


def test_ships_and_aircraft_are_counted_by_fate() -> None:
    assert _q("A fleet of 130 ships sailed north.")[0][:3] == ("ships", "exact", 130)
    assert _q("Some 40 vessels were sunk in the gale.")[0][:3] == ("ships sunk", "approximate", 40)
    assert _q("The raid used 200 planes.")[0][:3] == ("aircraft", "exact", 200)
    assert _q("In all 29 aircraft were shot down.")[0][:2] == ("aircraft destroyed", "exact")
    # a class of ship is no count of ships
    assert _q("The navy had 8 battleships.") == []
    # the size of a fleet and the ships it lost are not compared
    texts = {"a": "The raid sank 12 ships.", "b": "The raid involved 90 ships."}
    assert quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()]) == []


def test_exact_counts_that_differ_by_a_few_are_two_readings_and_a_hard_conflict() -> None:
    # counts are compared as written: 1,402 and 1,405 dead are two figures (only a figure
    # converted to another unit is allowed to round)
    texts = {"a": "The ferry sank; 1,402 people died.", "b": "The ferry sank; 1,405 people died."}
    [c] = quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()])
    assert (c.attribute, c.severity) == ("deaths", "hard")
    assert [v.value for v in c.values] == ["1,402", "1,405"]
    same = {"a": "The ferry sank; 1,402 people died.", "b": "In all 1,402 people died."}
    assert quantity_conflicts([_event(same)], [_analysis(d, t) for d, t in same.items()]) == []


def test_what_befell_the_people_aboard_and_how_fast_a_ship_sank() -> None:
    assert _q("Some 830 passengers and crew were lost.")[0][:3] == ("deaths", "approximate", 830)
    assert _q("Of those aboard, 412 crew members were rescued.")[0][:3] == ("survivors", "exact", 412)
    assert _q("The steamer sank in 14 minutes.")[0][:3] == ("duration", "exact", 14)
    assert _q("The garrison fell in 1521.") == []


def test_an_explanation_names_the_event_or_quotes_its_clause() -> None:
    texts = {"a": "The ferry sank; 1,402 people died.", "b": "The ferry sank; 1,405 people died."}
    ev = _event(texts)
    clause = Event(ev.id, ev.type, "for the ferry to sink", None, ev.mentions)
    [c] = quantity_conflicts([clause], [_analysis(d, t) for d, t in texts.items()])
    assert "of the event told as “for the ferry to sink…”" in c.explanation


def _day(y: int, mo: int, d: int) -> TimeValue:
    n = day_number(y, mo, d)
    return TimeValue(f"{y}-{mo:02d}-{d:02d}", n, n, "day")


def test_figures_of_pages_whose_accounts_were_kept_apart_are_compared() -> None:
    # three pages tell one eruption; the merge kept each page's account apart, so each page's
    # figures sit on its own record: they are compared under the dated record told most
    texts = {
        "a": "The volcano erupted on 2 May 1822. About 4,000 people died.",
        "b": "The eruption killed at least 4,600 people. The ash fell for three days.",
        "c": "The mountain exploded on 3 May 1822. Perhaps 4,200 people died.",
    }
    first = texts["a"].index(". ") + 1
    ea = Event("e-a", "disaster", "The eruption", _day(1822, 5, 2),
               (EventMention("a", 0, first, 12, 20, "disaster", _day(1822, 5, 2)),))
    eb = Event("e-b", "other", "The eruption", None, (EventMention("b", 0, 40, 4, 13, "other"),))
    ec = Event("e-c", "disaster", "The explosion", _day(1822, 5, 3),
               (EventMention("c", 0, texts["c"].index(". ") + 1, 13, 21, "disaster", _day(1822, 5, 3)),))
    [c] = quantity_conflicts([ea, eb, ec], [_analysis(d, t) for d, t in texts.items()])
    assert (c.attribute, c.severity) == ("deaths", "hard")
    assert c.subject in ("e-a", "e-c")  # dated
    assert {cl.doc_id for v in c.values for cl in v.claims} == {"a", "b", "c"}
    # a page's account of another act (years away) keeps its figures
    far = Event("e-c", "disaster", "The explosion", _day(1831, 5, 3), ec.mentions)
    got = quantity_conflicts([ea, far], [_analysis(d, texts[d]) for d in ("a", "c")])
    assert got == []


def test_a_year_between_of_and_a_verb_is_no_count() -> None:
    # regression: "the flood of 1842 killed ..." read 1842 as a death toll
    assert _q("The flood of 1842 killed some 4,000 people.") == [
        ("deaths", "approximate", 4000, 4000, "some 4,000")
    ]
    assert _q("A column of 1200 men crossed the river.")[0][:3] == ("forces", "exact", 1200)


def test_end_times_of_a_sinking_or_a_surrender_and_24_hour_clocks() -> None:
    got = [(q.measure, q.low) for q in find_quantities(_analysis("d", "The barque sank at 3:10 a.m."))]
    assert got == [("end time", 190)]
    text = "The assault began at 05:30 and the fort surrendered at 17:45 hours."
    got = [(q.measure, q.low, q.text) for q in find_quantities(_analysis("d", text))]
    assert got == [("start time", 330, "05:30"), ("end time", 1065, "17:45 hours")]
    assert find_quantities(_analysis("d", "The score was 3:2 at the break.")) == []


def test_a_verb_of_loss_right_before_the_number_outweighs_a_measure_word_further_on() -> None:
    # the number is the verb's object; "injured" belongs to the next clause, "on board" to
    # the description of the people counted
    assert [x[:3] for x in _q("The cyclone killed 4,310 people and injured about 700 more.")] == [
        ("deaths", "exact", 4310),
        ("wounded", "approximate", 700),
    ]
    assert _q("The ferry capsized, drowning 212 people on board.")[0][:3] == ("deaths", "exact", 212)
    # a measure word right after the number still wins ("carrying 900 troops")
    assert _q("The convoy sailed on carrying 900 troops.")[0][0] == "forces"


def test_a_part_of_a_counted_whole_takes_what_befell_it() -> None:
    # "N of the M people aboard died": N is the toll, M is no reading of it
    assert _q("Forty-two of the 130 people aboard died in the crash.") == [
        ("deaths", "exact", 42, 42, "Forty-two")
    ]
    assert _q("Only 18 of the 61 miners survived.")[0][:3] == ("survivors", "exact", 18)


def test_a_bracket_that_breaks_a_figure_down_holds_no_reading_of_it() -> None:
    assert [x[:3] for x in _q("The collapse caused 57 deaths (31 workers and 26 visitors).")] == [
        ("deaths", "exact", 57)
    ]


def test_seconds_and_destruction_durations() -> None:
    out = _q("The pavilion was consumed in 48 seconds.")
    assert out[0][0] == "duration" and math.isclose(out[0][2], 0.8, rel_tol=1e-3)


def test_buildings_destroyed_are_a_measure_and_times_may_give_seconds() -> None:
    assert _q("The blaze destroyed some 2,400 houses in the old town.")[0][:3] == (
        "buildings", "approximate", 2400
    )
    out = _q("The dam gave way and the flood began at 3:41:20 p.m.")
    assert out[0][:3] == ("start time", "exact", 941)


def test_lengths_a_day_apart_and_small_tolls_two_apart_of_pages_kept_apart_are_compared() -> None:
    # two pages tell one blaze; the merge kept their accounts apart. "four days" / "five
    # days" are readings of one length (within 1.5), "six" / "eight" dead of one small toll
    texts = {
        "a": "The blaze broke out on the night of 4 June 1721. It burned for four days. Eight deaths were recorded.",
        "b": "The fire began on 5 June 1721. It raged for five days. Only 6 people died.",
    }
    n = day_number(1721, 6, 4)
    night = TimeValue("1721-06-04TNI", n, n, "time")
    ea = Event("e-a", "disaster", "The blaze", night,
               (EventMention("a", 0, 44, 11, 20, "disaster", night, main=True),))
    eb = Event("e-b", "other", "The fire", _day(1721, 6, 5),
               (EventMention("b", 0, 30, 9, 14, "other", _day(1721, 6, 5), main=True),))
    got = {c.attribute: c for c in quantity_conflicts([ea, eb], [_analysis(d, t) for d, t in texts.items()])}
    assert got["duration"].severity == "hard"
    assert [v.value for v in got["duration"].values] == ["four days", "five days"]
    assert got["deaths"].severity == "hard"
    # a length twice another measures something else; tolls far apart count other dead
    far = {
        "a": "The blaze broke out on the night of 4 June 1721. It burned for four days. Eight deaths were recorded.",
        "b": "The fire began on 5 June 1721. It raged for nine days. Only 60 people died.",
    }
    assert quantity_conflicts([ea, eb], [_analysis(d, t) for d, t in far.items()]) == []


def test_lengths_of_ground_far_apart_measure_different_things() -> None:
    # a zone's radius and a journey's distance are no readings of one length
    texts = {
        "a": "The flood emptied a 25-kilometre zone around the dam.",
        "b": "The flood wave travelled about 1,900 km to the sea.",
    }
    assert quantity_conflicts([_event(texts)], [_analysis(d, t) for d, t in texts.items()]) == []
    near = {
        "a": "The flood wave travelled about 1,900 km to the sea.",
        "b": "The flood wave travelled 1,400 km to the sea.",
    }
    [c] = quantity_conflicts([_event(near)], [_analysis(d, t) for d, t in near.items()])
    assert c.attribute == "length"


def test_a_or_half_a_unit_of_time_and_sentences_opening_with_in() -> None:
    assert _q("The pavilion was consumed in less than a minute.")[0][:4] == (
        "duration", "upper", 1.0, 1.0
    )
    assert _q("The siege lasted half a day.")[0][:3] == ("duration", "exact", 720.0)
    assert _q("In about 40 seconds the roof was gone.")[0][:2] == ("duration", "approximate")
    # offsets, rates and years are no lengths
    assert _q("It happened a day later.") == []
    assert _q("The guard came twice a day to the fort.") == []
    assert _q("In 1912 the pavilion burned.") == []


def test_a_number_word_after_a_copula_takes_the_measure_named_before_it() -> None:
    assert _q("The number of recorded deaths was six.") == [("deaths", "exact", 6, 6, "six")]
    # a number word after a copula with no measure before it is no count
    assert _q("The king was five when he was crowned.") == []
    assert _q("The army was three days from the city.") == []


def test_a_figure_no_mention_holds_goes_to_the_page_own_event_not_the_first_by_id() -> None:
    from histograph.merge.quantities import attach_quantities

    text = "The dam burst on 3 May 1889. A fair opened in the town that week. About 2,200 people died."
    lead = EventMention("a", 0, 27, 8, 13, "disaster", _day(1889, 5, 3), main=True)
    fair = EventMention("a", 29, 65, 36, 42, "other", _day(1889, 5, 3))
    events = [
        Event("e-z", "disaster", "The dam burst", _day(1889, 5, 3), (lead,)),
        Event("e-a", "other", "A fair", _day(1889, 5, 3), (fair,)),
    ]
    [(owner, q)] = attach_quantities(events, [_analysis("a", text)])
    assert owner.id == "e-z" and q.measure == "deaths"
