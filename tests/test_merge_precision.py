"""Precision-first coreference: two happenings are merged only on evidence beyond type and
date. One invented page per shape a rule handles (chronology entries, timed lines, labels in
passing, a page's own actors, acts inside a long event, year-less days, ordinals)."""

from __future__ import annotations

import re
from dataclasses import replace

from events_helpers import tv
from histograph.model import Analysis, EventMention, Sentence, TimeMention, TimeValue, day_number
from test_merge_events import Doc, merge


class Page(Doc):
    """A :class:`Doc` with sentences (split at full stops) and mentions timed to the minute."""

    def analysis(self) -> Analysis:
        a = super().analysis()
        sents = [
            Sentence(self.id, m.start(), m.end()) for m in re.finditer(r"[^.\n]+[.]?", self.text)
        ]
        return replace(a, sentences=tuple(sents))

    def timed(self, evidence: str, trigger: str, type_: str, day: str, clock: str) -> None:
        """An event whose date carries the time of day written at the line's start."""
        y, mo, d = (int(p) for p in day.split("-"))
        n = day_number(y, mo, d)
        s = self.text.index(evidence)
        cs = self.text.rindex(clock, 0, s + len(evidence))
        value = TimeValue(f"{day}T{clock}", n, n, "time")
        self.times.append(
            TimeMention(self.id, cs, cs + len(clock), clock, "DATE", value, value.value)
        )
        ts = self.text.index(trigger, s)
        self.events.append(
            EventMention(
                self.id,
                s,
                s + len(evidence),
                ts,
                ts + len(trigger),
                type_,
                time=value,
                time_start=cs,
                time_end=cs + len(clock),
            )
        )


def _docs_of(events: list) -> list[set[tuple[str, int]]]:  # type: ignore[type-arg]
    return [{(m.doc_id, m.start) for m in e.mentions} for e in events]


def test_two_entries_of_one_chronology_on_one_date_stay_two_events() -> None:
    d = Page(
        "a",
        "On this day\n"
        "- 6 August 1731: Borduria declares war on Ruritania.\n"
        "- 6 August 1731: Borduria's fleet attacks the harbour of Klow.\n",
    )
    d.event(
        "Borduria declares war on Ruritania",
        "war",
        "war_or_invasion",
        "1731-08-06",
        "6 August 1731",
        parts=(("Borduria", "agent"),),
    )
    d.event(
        "Borduria's fleet attacks the harbour of Klow",
        "attacks",
        "war_or_invasion",
        "1731-08-06",
        "6 August 1731",
        timex=None,
        parts=(("Borduria", "agent"),),
    )
    # the second date phrase is the second line's
    d.times[-1] = replace(
        d.times[-1],
        start=d.text.rindex("6 August 1731"),
        end=d.text.rindex("6 August 1731") + len("6 August 1731"),
    )
    events, _ = merge([d])
    assert len(events) == 2


def test_an_elaboration_inside_the_same_entry_still_joins_it() -> None:
    d = Page(
        "a",
        "- 6 August 1731: Borduria declares war on Ruritania. The declaration by Borduria "
        "was read at noon.\n",
    )
    d.event(
        "Borduria declares war on Ruritania",
        "declares",
        "letter_or_statement",
        "1731-08-06",
        "6 August 1731",
        parts=(("Borduria", "agent"),),
    )
    d.event(
        "The declaration by Borduria",
        "declaration",
        "letter_or_statement",
        parts=(("Borduria", "agent"),),
    )
    events, _ = merge([d])
    assert len(events) == 1
    assert len(events[0].mentions) == 2


def test_two_lines_of_one_page_timed_minutes_apart_are_two_happenings() -> None:
    d = Page(
        "a",
        "01:23 - the operator pressed the stop button at the mill.\n"
        "01:28 - firemen of the mill arrived at the mill.\n",
    )
    d.timed(
        "the operator pressed the stop button at the mill",
        "pressed",
        "other",
        "1886-04-26",
        "01:23",
    )
    d.timed("firemen of the mill arrived at the mill", "arrived", "other", "1886-04-26", "01:28")
    events, _ = merge([d])
    assert len(events) == 2


def test_a_war_named_in_passing_inside_another_clause_joins_nothing() -> None:
    a = Page("a", "The envoys who ended the Long War signed the accord on 3 May 1822.")
    a.event(
        "The envoys who ended the Long War signed the accord on 3 May 1822",
        "signed",
        "treaty_signed",
        "1822-05-03",
        "3 May 1822",
    )
    a.event("the Long War", "Long War", "war_or_invasion")
    b = Page("b", "The Long War broke out in 1815.")
    b.event("The Long War broke out in 1815", "Long War", "war_or_invasion", "1815", "1815")
    events, _ = merge([a, b])
    war = [e for e in events if e.type == "war_or_invasion"]
    assert len(war) == 1
    assert {m.doc_id for m in war[0].mentions} == {"b"}


def test_a_name_beside_another_happening_of_its_sentence_is_a_backdrop() -> None:
    a = Page("a", "As the Long War dragged on, Halvard was crowned at Stenby in 1818.")
    a.event("the Long War", "Long War", "war_or_invasion")
    a.event(
        "Halvard was crowned at Stenby in 1818",
        "crowned",
        "took_office",
        "1818",
        "1818",
        parts=(("Halvard", "patient"),),
    )
    b = Page("b", "The Long War broke out in 1815.")
    b.event("The Long War broke out in 1815", "Long War", "war_or_invasion", "1815", "1815")
    events, _ = merge([a, b])
    war = [e for e in events if e.type == "war_or_invasion"]
    assert [{m.doc_id for m in e.mentions} for e in war] == [{"b"}]


def test_an_undated_clause_of_a_page_naming_other_actors_is_another_act() -> None:
    d = Page(
        "a",
        "On 4 March 1790 Halvard declared war on Ostrander. Later Brummel declared war on Kessel.",
    )
    d.event(
        "On 4 March 1790 Halvard declared war on Ostrander",
        "declared",
        "war_or_invasion",
        "1790-03-04",
        "4 March 1790",
        parts=(("Halvard", "agent"), ("Ostrander", "recipient")),
    )
    d.event(
        "Brummel declared war on Kessel",
        "declared",
        "war_or_invasion",
        parts=(("Brummel", "agent"), ("Kessel", "recipient")),
    )
    events, _ = merge([d])
    assert len(events) == 2


def test_a_dated_act_inside_a_years_long_war_is_not_the_war() -> None:
    a = Page("a", "The Long War of 1815-1825 that Halvard waged ruined the coast.")
    a.event(
        "The Long War of 1815-1825 that Halvard waged",
        "Long War",
        "war_or_invasion",
        "1815/1825",
        "1815-1825",
        parts=(("Halvard", "agent"),),
    )
    b = Page("b", "On 3 May 1820 Halvard's army invaded Ostmark.")
    b.event(
        "On 3 May 1820 Halvard's army invaded Ostmark",
        "invaded",
        "war_or_invasion",
        "1820-05-03",
        "3 May 1820",
        parts=(("Halvard", "agent"),),
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_a_year_less_day_of_another_page_needs_more_than_type_and_day() -> None:
    a = Page("a", "On 3 May 1822 the envoys signed the accord at Lindmark.")
    a.event(
        "On 3 May 1822 the envoys signed the accord at Lindmark",
        "signed",
        "agreement_signed",
        "1822-05-03",
        "3 May 1822",
    )
    b = Page("b", "On 3 May the guilds concluded a truce with the bishop.")
    b.event(
        "On 3 May the guilds concluded a truce with the bishop",
        "truce",
        "agreement_signed",
        None,
        "3 May",
        timex="XXXX-05-03",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_a_year_less_day_with_the_same_predicate_still_joins() -> None:
    a = Page("a", "On 3 May 1822 the envoys signed the accord at Lindmark.")
    a.event(
        "On 3 May 1822 the envoys signed the accord at Lindmark",
        "signed",
        "agreement_signed",
        "1822-05-03",
        "3 May 1822",
    )
    b = Page("b", "On 3 May the envoys signed the accord.")
    b.event(
        "On 3 May the envoys signed the accord",
        "signed",
        "agreement_signed",
        None,
        "3 May",
        timex="XXXX-05-03",
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def test_the_first_wave_and_a_second_wave_are_two_happenings() -> None:
    d = Page(
        "a",
        "On 9 June 1690 in the first wave the galleys struck the harbour. "
        "On 9 June 1690 a second wave of galleys struck the harbour.",
    )
    d.event(
        "in the first wave the galleys struck the harbour",
        "struck",
        "war_or_invasion",
        "1690-06-09",
        "9 June 1690",
    )
    ev = "a second wave of galleys struck the harbour"
    d.event(ev, "struck", "war_or_invasion", "1690-06-09", "9 June 1690")
    second = d.text.rindex("9 June 1690")
    d.times[-1] = replace(d.times[-1], start=second, end=second + len("9 June 1690"))
    d.events[-1] = replace(d.events[-1], time_start=second, time_end=second + len("9 June 1690"))
    events, _ = merge([d])
    assert len(events) == 2


def test_one_date_value_helper_is_a_day() -> None:
    assert tv("1822-05-03").precision == "day"


def _address_page() -> Page:
    d = Page(
        "a",
        "On 22 March 1871 Halvard gave a speech to the assembly. "
        "Halvard later replied to the envoys' proposal.",
    )
    d.event(
        "On 22 March 1871 Halvard gave a speech to the assembly",
        "speech",
        "letter_or_statement",
        "1871-03-22",
        "22 March 1871",
        parts=(("Halvard", "agent"),),
    )
    return d


def test_an_undated_act_sharing_only_a_person_with_a_dated_act_of_its_page_is_not_it() -> None:
    d = _address_page()
    d.event(
        "Halvard later replied to the envoys' proposal",
        "replied",
        "letter_or_statement",
        parts=(("Halvard", "agent"),),
    )
    events, _ = merge([d])
    # not merged into the speech; and, undated, it tells no event the collection can date
    assert len(events) == 1
    assert len(events[0].mentions) == 1


def test_an_undated_mention_with_the_speech_s_own_word_still_joins_it() -> None:
    d = Page(
        "a",
        "On 22 March 1871 Halvard gave a speech to the assembly. "
        "The speech by Halvard was printed at once.",
    )
    d.event(
        "On 22 March 1871 Halvard gave a speech to the assembly",
        "speech",
        "letter_or_statement",
        "1871-03-22",
        "22 March 1871",
        parts=(("Halvard", "agent"),),
    )
    d.event(
        "The speech by Halvard",
        "speech",
        "letter_or_statement",
        parts=(("Halvard", "agent"),),
    )
    events, _ = merge([d])
    assert len(events) == 1
    assert len(events[0].mentions) == 2
