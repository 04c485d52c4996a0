"""Precision-first merging: a mention too weak to found an event, or not asserted, joins one
only on evidence a reader can be shown (the event's name, or a participant it shares).

Hand-built mentions about invented episodes, one per shape a rule handles."""

from __future__ import annotations

from events_helpers import tm
from histograph.merge.events import merge_events
from histograph.model import Event, Person
from test_merge_events import Doc, merge


def _signing() -> Doc:
    d = Doc(
        "a",
        "On 3 May 1822 the envoys signed the accord at Lindmark. "
        "Two years later the assembly debated the accord again.",
    )
    d.event(
        "On 3 May 1822 the envoys signed the accord at Lindmark",
        "signed",
        "treaty_signed",
        "1822-05-03",
        "3 May 1822",
    )
    return d


def test_a_bare_word_repeated_later_on_the_page_does_not_join_the_dated_act() -> None:
    d = _signing()
    # "the accord" in the debate sentence: no date, name or participant (too weak to found)
    d.event("the assembly debated the accord", "accord", "treaty_signed", confidence=0.3)
    events, _ = merge([d])
    assert len(events) == 1
    assert [(m.start, m.end) for m in events[0].mentions] == [(0, 54)]


def test_a_negated_mention_sharing_a_participant_does_not_join() -> None:
    a = Doc("a", "In 1840 Halvard recognized the Free Coast.")
    a.event(
        "Halvard recognized the Free Coast",
        "recognized",
        "recognition",
        "1840",
        "1840",
        parts=(("Halvard", "agent"),),
    )
    b = Doc("b", "For years Halvard refused to recognize the Free Coast.")
    b.event(
        "Halvard refused to recognize the Free Coast",
        "recognize",
        "recognition",
        parts=(("Halvard", "agent"),),
        modality="negated",
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a"}


def test_a_weak_asserted_mention_sharing_a_participant_still_joins() -> None:
    a = Doc("a", "In 1840 Halvard recognized the Free Coast.")
    a.event(
        "Halvard recognized the Free Coast",
        "recognized",
        "recognition",
        "1840",
        "1840",
        parts=(("Halvard", "agent"),),
    )
    b = Doc("b", "The recognition by Halvard surprised the court.")
    b.event(
        "The recognition by Halvard",
        "recognition",
        "recognition",
        parts=(("Halvard", "agent"),),
        confidence=0.3,
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a", "b"}


def _founding_page(extra: str) -> Doc:
    d = Doc("a", "In March 1791 the rising in Varnland overthrew the council. " + extra)
    d.event(
        "In March 1791 the rising in Varnland overthrew the council",
        "rising",
        "revolution_or_coup",
        "1791-03",
        "March 1791",
        parts=(("Varnland", "party"),),
    )
    return d


def _merge_with_state(d: Doc) -> list[Event]:
    # the gazetteer's states are people records with an "s-" id (merge/people.py)
    state = Person("s-VAR", "Varnland", ("Varnland",), tuple(d.entities))
    events, _ = merge_events([d.analysis()], [state], ())
    return events


def test_an_undated_clause_sharing_only_the_page_and_a_country_stays_out() -> None:
    d = _founding_page("Much later came the collapse of Varnland.")
    d.event(
        "the collapse of Varnland", "collapse", "revolution_or_coup", parts=(("Varnland", "party"),)
    )
    events = _merge_with_state(d)
    mentions = [m for e in events for m in e.mentions]
    assert len(events) == 1 and len(mentions) == 1


def test_an_undated_clause_with_the_same_trigger_word_still_joins() -> None:
    d = _founding_page("The rising of Varnland was bloody.")
    d.event(
        "The rising of Varnland", "rising", "revolution_or_coup", parts=(("Varnland", "party"),)
    )
    events = _merge_with_state(d)
    assert len(events) == 1 and len(events[0].mentions) == 2


# --------------------------------------------------------------------------- round 3 rules


def test_a_dated_label_too_weak_to_found_does_not_join_an_act_of_its_month() -> None:
    # "open war" is dated by its sentence to the month of the burning: type and a date that
    # falls around the act are no evidence that the label tells it
    d = Doc(
        "a",
        "On 3 May 1822 rebels burned the mill at Osterby. "
        "In May 1822 the province stood at the edge of open war.",
    )
    d.event(
        "On 3 May 1822 rebels burned the mill at Osterby",
        "burned",
        "war_or_invasion",
        "1822-05-03",
        "3 May 1822",
    )
    d.event("open war", "war", "war_or_invasion", "1822-05", "May 1822", confidence=0.3)
    events, _ = merge([d])
    assert [len(e.mentions) for e in events] == [1]


def test_a_dated_label_stating_the_very_date_of_the_event_still_joins() -> None:
    a = Doc("a", "In March 1790 the envoys held long talks at Vell.")
    a.event("the envoys held long talks at Vell", "held", "negotiation", "1790-03", "March 1790")
    b = Doc("b", "March 1790: negotiations")
    b.event("negotiations", "negotiations", "negotiation", "1790-03", "March 1790", confidence=0.3)
    events, _ = merge([a, b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a", "b"}


def _sailing(sailor: str | None) -> list[Doc]:
    a = Doc("a", "In September 1190 Aldric fought the Orrin host near Tarsk.")
    a.event(
        "Aldric fought the Orrin host near Tarsk",
        "fought",
        "war_or_invasion",
        "1190-09",
        "September 1190",
        parts=(("Aldric", "agent"),),
    )
    b = Doc("b", f"On 27 September 1190 {sailor or 'the fleet'} set sail from Marrow.")
    b.event(
        f"{sailor or 'the fleet'} set sail from Marrow",
        "sail",
        "war_or_invasion",
        "1190-09-27",
        "27 September 1190",
        parts=((sailor, "agent"),) if sailor else (),
    )
    return [a, b]


def test_another_pages_act_dated_inside_an_event_needs_more_than_type_and_date() -> None:
    events, _ = merge(_sailing(None))
    assert len(events) == 2


def test_another_pages_act_dated_inside_an_event_joins_with_a_shared_actor() -> None:
    events, _ = merge(_sailing("Aldric"))
    assert len(events) == 1


def test_the_only_event_of_its_kind_is_no_evidence_by_itself() -> None:
    a = _told(
        "a",
        "On 15 August 1871 the Republic of Vell was founded by Aldric.",
        "the Republic of Vell was founded by Aldric",
        "founded",
        "founding",
        "1871-08-15",
        "15 August 1871",
        parts=(("Aldric", "agent"),),
    )
    b = _told(
        "b",
        "Two boundary commissions were set up.",
        "Two boundary commissions were set up",
        "set up",
        "founding",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def _battle_page() -> Doc:
    a = Doc("a", "The Battle of Orrin was fought on 3 June 1402 near Tarsk.")
    a.event(
        "The Battle of Orrin was fought on 3 June 1402 near Tarsk",
        "Battle of Orrin",
        "battle",
        "1402-06-03",
        "3 June 1402",
    )
    return a


def test_a_label_named_in_passing_does_not_join_the_event_a_clause_states() -> None:
    from test_merge_precision import Page

    b = Page("b", "The old king died of his wounds after the Battle of Orrin.")
    b.event("the Battle of Orrin", "Battle of Orrin", "battle")
    events, _ = merge([_battle_page(), b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a"}


def test_labels_named_in_passing_still_tell_an_event_no_clause_states() -> None:
    from test_merge_precision import Page

    pages = []
    for i in ("a", "b"):
        p = Page(i, "The old king was wounded during the Siege of Marrow.")
        p.event("the Siege of Marrow", "Siege of Marrow", "battle")
        pages.append(p)
    events, _ = merge(pages)
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a", "b"}


def test_a_label_beside_another_clause_does_not_take_the_date_of_the_context() -> None:
    from test_merge_precision import Page

    p = Page("a", "1402\nThe Orrin Crisis ends as the council agrees to the truce.")
    p.event("The Orrin Crisis", "Orrin Crisis", "other", "1402", "1402")
    p.event("the council agrees to the truce", "agrees", "agreement_signed", "1402", "1402")
    events, _ = merge([p])
    assert [e.type for e in events] == ["agreement_signed"]


def test_an_undated_sequel_on_the_page_does_not_join_the_dated_act() -> None:
    d = Doc(
        "a",
        "On 9 March 1877 two miners died in the collapse at Vell. "
        "Eleven rescuers died of their injuries within the next few months.",
    )
    d.event(
        "On 9 March 1877 two miners died in the collapse at Vell",
        "died",
        "death",
        "1877-03-09",
        "9 March 1877",
    )
    d.event("Eleven rescuers died of their injuries within the next few months", "died", "death")
    events, _ = merge([d])
    assert len(events) == 2


def test_a_catch_all_typing_of_the_same_days_act_folds_with_a_word_and_an_actor() -> None:
    a = _told(
        "a",
        "On 2 April 1511 Aldric sealed the charter at Vell.",
        "Aldric sealed the charter at Vell",
        "sealed",
        "agreement_signed",
        "1511-04-02",
        "2 April 1511",
        parts=(("Aldric", "agent"),),
    )
    b = _told(
        "b",
        "On 2 April 1511 the charter was granted by Aldric.",
        "the charter was granted by Aldric",
        "granted",
        "other",
        "1511-04-02",
        "2 April 1511",
        parts=(("Aldric", "agent"),),
    )
    events, _ = merge([a, b])
    assert len(events) == 1


# --------------------------------------------------------------------------- issue 9 round 4


def test_a_clause_naming_two_dead_does_not_make_one_death_the_other() -> None:
    # "the deaths of A and B" names both; B's death, told alone, is not A's death
    d = Doc(
        "a",
        "In March 1702 Duke Aldric died in his sleep. "
        "The court mourned the death of Duke Aldric and of Baron Ostmer. "
        "Baron Ostmer was killed.",
    )
    d.event(
        "In March 1702 Duke Aldric died in his sleep",
        "died",
        "death",
        "1702-03",
        "March 1702",
        parts=(("Duke Aldric", "patient"),),
    )
    d.event(
        "the death of Duke Aldric and of Baron Ostmer",
        "death",
        "death",
        parts=(("Duke Aldric", "patient"), ("Baron Ostmer", "patient")),
    )
    d.event("Baron Ostmer was killed", "killed", "death", parts=(("Baron Ostmer", "patient"),))
    events, _ = merge([d])
    killed = d.text.index("Baron Ostmer was killed")
    holder = next(e for e in events if any(m.start == killed for m in e.mentions))
    assert all(m.start == killed for m in holder.mentions)


def _mobilization(doc_id: str, text: str, evidence: str, date: str, phrase: str) -> Doc:
    return _told(
        doc_id, text, evidence, "mobilization", "mobilization", date, phrase, (("Varnia", "agent"),)
    )


def test_partial_and_general_mobilization_are_two_happenings() -> None:
    a = _mobilization(
        "a",
        "In 1870 Varnia ordered a partial mobilization of two districts.",
        "Varnia ordered a partial mobilization of two districts",
        "1870",
        "1870",
    )
    b = _mobilization(
        "b",
        "On 4 June 1870 Varnia ordered the general mobilization of its army.",
        "Varnia ordered the general mobilization of its army",
        "1870-06-04",
        "4 June 1870",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_general_and_full_mobilization_are_one_happening() -> None:
    # words of one value are synonyms: the contrast rule does not split them
    a = _mobilization(
        "a",
        "On 4 June 1870 Varnia ordered full mobilization of its army.",
        "Varnia ordered full mobilization of its army",
        "1870-06-04",
        "4 June 1870",
    )
    b = _mobilization(
        "b",
        "On 4 June 1870 Varnia ordered the general mobilization of its army.",
        "Varnia ordered the general mobilization of its army",
        "1870-06-04",
        "4 June 1870",
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def test_a_capitalised_contrast_word_is_a_title_not_a_kind() -> None:
    from histograph.merge.mentions import _contrasts

    d = Doc("a", "General Morrow ordered a limited offensive. The partial retreat of 1801.")
    m = d.event("General Morrow ordered a limited offensive", "offensive", "battle")
    assert _contrasts(d.text, m) == frozenset({"extent:partial"})
    both = Doc("b", "Varnia ordered partial and then general mobilization.")
    m2 = both.event("Varnia ordered partial and then general mobilization", "mobilization", "other")
    assert _contrasts(both.text, m2) == frozenset()  # the clause tells both: no contrast


def test_a_state_is_not_a_person_who_holds_office_in_another_state() -> None:
    from histograph.merge.evidence import UNKNOWN_STATE, _sides_apart

    # "the Republic pledged" beside "Premier Volkov announced" (Volkov serves the Union)
    assert _sides_apart({"s-USA"}, frozenset(), {"p-volkov"}, {"s-USSR"})
    # the person serves that very state: one side
    assert not _sides_apart({"s-USA"}, frozenset(), {"p-hale"}, {"s-USA"})
    # someone whose office the sources do not give: the side is unknown
    assert not _sides_apart({"s-USA"}, frozenset(), {"p-volkov", "p-x"}, {"s-USSR", UNKNOWN_STATE})
    # both name states as well as people: the state rule decides
    assert not _sides_apart({"s-USA", "p-volkov"}, {"s-USSR"}, {"p-volkov"}, {"s-USSR"})


def test_two_pages_numbering_a_message_alike_on_one_day_tell_one_message() -> None:
    # "a second, sharper note" and "the second note" on one day: the shared number is
    # evidence of one happening even when the rest of the wording differs (one page gives
    # the morning: its date is not the other's value, so only the second pass joins them)
    from dataclasses import replace

    a = Doc(
        "a", "On the morning of 9 May 1822 the envoy of Varnia delivered a second, sharper note."
    )
    m = a.event(
        "the envoy of Varnia delivered a second, sharper note",
        "delivered",
        "letter_or_statement",
        "1822-05-09",
        "9 May 1822",
    )
    assert m.time is not None
    a.events[-1] = replace(m, time=replace(m.time, value="1822-05-09TMO"))
    b = Doc("b", "9 May 1822: The second note demands the surrender of the forts.")
    b.event(
        "The second note demands the surrender of the forts",
        "demands",
        "letter_or_statement",
        "1822-05-09",
        "9 May 1822",
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def test_a_first_and_a_second_note_of_one_day_stay_two() -> None:
    a = Doc("a", "On 9 May 1822 the envoy of Varnia delivered a first note.")
    a.event(
        "the envoy of Varnia delivered a first note",
        "delivered",
        "letter_or_statement",
        "1822-05-09",
        "9 May 1822",
    )
    b = Doc("b", "9 May 1822: The second note demands the surrender of the forts.")
    b.event(
        "The second note demands the surrender of the forts",
        "demands",
        "letter_or_statement",
        "1822-05-09",
        "9 May 1822",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def _page_with_far_pronoun(gap: str) -> Doc:
    d = Doc(
        "a",
        "On 2 March 1802 the truce was signed in a tent near Varn. "
        + gap
        + "It was signed for Ostland by Minister Arno Kell.",
    )
    d.event(
        "On 2 March 1802 the truce was signed in a tent near Varn",
        "signed",
        "agreement_signed",
        "1802-03-02",
        "2 March 1802",
    )
    d.event(
        "It was signed for Ostland by Minister Arno Kell",
        "signed",
        "agreement_signed",
        parts=(("Minister Arno Kell", "agent"),),
    )
    return d


def test_an_undated_clause_naming_new_people_far_down_the_page_does_not_join() -> None:
    # between the truce and "It was signed ..." the page tells other things (a treaty the
    # pronoun refers to): the page and the verb alone do not make it the truce
    gap = "Talks went on for a year in many towns of the coast and inland. " * 8
    events, _ = merge([_page_with_far_pronoun(gap)])
    assert len(events) == 2


def test_an_undated_clause_right_after_the_act_still_elaborates_it() -> None:
    events, _ = merge([_page_with_far_pronoun("")])
    assert len(events) == 1


def _agreement_page(later: str) -> Doc:
    d = Doc("a", "On 3 May 1822 Varnia agreed to remove the guns from the isle. " + later)
    d.event(
        "On 3 May 1822 Varnia agreed to remove the guns from the isle",
        "agreed",
        "agreement_signed",
        "1822-05-03",
        "3 May 1822",
        parts=(("Varnia", "agent"),),
    )
    return d


def _agreement_and(clause: str) -> list[Event]:
    """The merged events of :func:`_agreement_page` followed by an undated ``clause`` (one
    sentence, its trigger "agreed", Varnia its agent)."""
    d = _agreement_page(clause + ".")
    d.event(clause, "agreed", "agreement_signed", parts=(("Varnia", "agent"),))
    events, _ = merge([d])
    return events


def test_an_undated_clause_telling_one_more_act_does_not_join_its_pages_act() -> None:
    assert len(_agreement_and("Varnia also agreed to withdraw its ships")) == 2


def test_an_undated_clause_without_addition_marker_still_joins() -> None:
    assert len(_agreement_and("Varnia agreed to it under pressure")) == 1


def test_identity_of_an_event_is_kept_per_role_as_members_arrive() -> None:
    from histograph.merge.evidence import _CoreIdent

    core = _CoreIdent()
    core.add({"patient:p-a", "patient:p-b"})  # "the deaths of A and B"
    assert core.entries == {"patient:p-a", "patient:p-b"}
    core.add({"patient:p-a", "agent:p-c"})  # "A died", told alone
    assert core.entries == {"patient:p-a", "agent:p-c"}
    core.add({"patient:p-d", "patient:p-e"})  # a two-name clause adds nothing to a sure role
    assert core.entries == {"patient:p-a", "agent:p-c"}


# --------------------------------------------------------------------------- issue 9 round 5
# (``_told`` builds the one-event pages most tests here need)


def _told(
    doc_id: str,
    text: str,
    evidence: str,
    trigger: str,
    type_: str,
    date: str | None = None,
    phrase: str | None = None,
    parts: tuple[tuple[str, str], ...] = (),
    clock: str | None = None,
) -> Doc:
    """A page telling one event (more can be added with ``Doc.event``); ``clock`` ("01:10")
    adds a time of day to its date."""
    from dataclasses import replace

    d = Doc(doc_id, text)
    m = d.event(evidence, trigger, type_, date, phrase, parts=parts)
    if clock is not None and m.time is not None:
        d.events[-1] = replace(m, time=replace(m.time, value=f"{m.time.value}T{clock}"))
    return d


def test_the_very_day_and_a_shared_word_still_join_two_pages() -> None:
    a = _told(
        "a",
        "On 9 May 1870 the harbour of Tarsk was shelled.",
        "the harbour of Tarsk was shelled",
        "shelled",
        "war_or_invasion",
        "1870-05-09",
        "9 May 1870",
    )
    b = _told(
        "b",
        "9 May 1870: guns bombard the harbour.",
        "guns bombard the harbour",
        "bombard",
        "war_or_invasion",
        "1870-05-09",
        "9 May 1870",
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def _letters() -> list[Doc]:
    a = _told(
        "a",
        "On 3 May 1870 Premier Orlov sent a long letter to the Council.",
        "Premier Orlov sent a long letter to the Council",
        "letter",
        "letter_or_statement",
        "1870-05-03",
        "3 May 1870",
        parts=(("Premier Orlov", "agent"), ("Council", "recipient")),
    )
    b = _told(
        "b",
        "On 9 May 1870 Premier Orlov sent a short letter to the Council.",
        "Premier Orlov sent a short letter to the Council",
        "letter",
        "letter_or_statement",
        "1870-05-09",
        "9 May 1870",
        parts=(("Premier Orlov", "agent"), ("Council", "recipient")),
    )
    return [a, b]


def test_an_undated_mention_fitting_one_dated_act_joins_it() -> None:
    c = Doc("c", "The Council read a letter from Premier Orlov with alarm.")
    c.event(
        "The Council read a letter from Premier Orlov",
        "letter",
        "letter_or_statement",
        parts=(("Premier Orlov", "agent"), ("Council", "recipient")),
        confidence=0.3,
    )
    events, _ = merge([_letters()[0], c])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a", "c"}


def test_the_only_event_of_its_word_class_is_not_joined_by_another_sides_act() -> None:
    # "the note was sent to Tarsk" and "Varnia sent Ostland a telegram": one word class, but
    # the states named are all others (the gazetteer's states: "s-" ids)
    a = _told(
        "a",
        "On 4 May 1870 Varnia sent Ostland a telegram.",
        "Varnia sent Ostland a telegram",
        "telegram",
        "letter_or_statement",
        "1870-05-04",
        "4 May 1870",
        parts=(("Varnia", "agent"), ("Ostland", "recipient")),
    )
    b = _told(
        "b",
        "The note of the regent was sent to Tarsk as a plain telegram.",
        "The note of the regent was sent to Tarsk as a plain telegram",
        "telegram",
        "letter_or_statement",
        parts=(("Tarsk", "recipient"),),
    )
    entities = [*a.entities, *b.entities]
    states = [
        Person(f"s-{name[:3].upper()}", name, (name,), tuple(e for e in entities if e.text == name))
        for name in ("Varnia", "Ostland", "Tarsk")
    ]
    events, _ = merge_events([a.analysis(), b.analysis()], states, ())
    assert len(events) == 2


def _kingdom_day(doc_id: str, text: str, evidence: str, trigger: str, parts: str) -> Doc:
    return _told(
        doc_id,
        text,
        evidence,
        trigger,
        "war_or_invasion",
        "1870-05-09",
        "9 May 1870",
        parts=((parts, "agent"),),
    )


def test_one_country_and_the_same_word_on_one_day_still_join_two_pages() -> None:
    a = _kingdom_day(
        "a",
        "On 9 May 1870 troops of Varnia crossed the river Oss.",
        "troops of Varnia crossed the river Oss",
        "crossed",
        "Varnia",
    )
    b = _kingdom_day(
        "b",
        "9 May 1870: Varnia's army crossed the Oss.",
        "Varnia's army crossed the Oss",
        "crossed",
        "Varnia",
    )
    state = Person("s-VAR", "Varnia", ("Varnia",), tuple(e for e in [*a.entities, *b.entities]))
    events, _ = merge_events([a.analysis(), b.analysis()], [state], ())
    assert len(events) == 1


def test_one_person_doing_the_same_thing_in_a_month_and_on_its_day_is_one_event() -> None:
    # a catch-all typing with the month and the visit with its day: the predicate and the
    # person are shared (the second pass folds them across precisions)
    a = _told(
        "a",
        "In June 1870 Regent Orlov visited the walled city.",
        "Regent Orlov visited the walled city",
        "visited",
        "other",
        "1870-06",
        "June 1870",
        parts=(("Regent Orlov", "agent"),),
    )
    b = _told(
        "b",
        "On 26 June 1870 Regent Orlov visits Tarsk.",
        "Regent Orlov visits Tarsk",
        "visits",
        "visit",
        "1870-06-26",
        "26 June 1870",
        parts=(("Regent Orlov", "agent"),),
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def test_a_noun_of_a_name_is_a_label_like_the_name() -> None:
    from histograph.merge.mentions import _noun_of_name

    text = "Osric was crowned soon after the death of Duke Aldric the Bold. The rise of trade."
    d = Doc("a", text)
    death = d.event("the death of Duke Aldric the Bold", "death", "death")
    rise = d.event("The rise of trade", "rise", "other")
    assert _noun_of_name(text, death)
    assert not _noun_of_name(text, rise)  # no name after "of"


def test_a_death_named_in_passing_does_not_join_the_death_a_clause_states() -> None:
    a = _told(
        "a",
        "In January 1402 Duke Aldric the Bold died at Tarsk.",
        "Duke Aldric the Bold died at Tarsk",
        "died",
        "death",
        "1402-01",
        "January 1402",
        parts=(("Duke Aldric the Bold", "patient"),),
    )
    from test_merge_precision import Page

    b = Page("b", "Osric was crowned soon after the death of Duke Aldric the Bold.")
    b.event("Osric was crowned", "crowned", "took_office", parts=(("Osric", "agent"),))
    b.event(
        "the death of Duke Aldric the Bold",
        "death",
        "death",
        parts=(("Duke Aldric the Bold", "patient"),),
    )
    events, _ = merge([a, b])
    died = next(e for e in events if e.type == "death")
    assert {m.doc_id for m in died.mentions} == {"a"}


def _timed_pages(first: tuple[str, str, str], second: tuple[str, str, str]) -> list[Event]:
    """Two pages each timing one catch-all happening of one night: (sentence's clause,
    trigger, clock)."""
    docs = []
    for doc_id, (clause, trigger, clock) in zip("ab", (first, second), strict=True):
        docs.append(
            _told(
                doc_id,
                f"At {clock} on 2 March 1871 {clause} at the Orsk mill.",
                f"At {clock} on 2 March 1871 {clause} at the Orsk mill",
                trigger,
                "other",
                "1871-03-02",
                "2 March 1871",
                clock=clock,
            )
        )
    events, _ = merge(docs)
    return events


def test_two_pages_timing_two_predicates_minutes_apart_tell_two_happenings() -> None:
    # a clock each page states, minutes apart, and different predicates: the boiler burst,
    # then the firemen came (same night, same place: not one moment told twice)
    events = _timed_pages(
        ("the boiler burst", "burst", "01:23"), ("the firemen arrived", "arrived", "01:28")
    )
    assert len(events) == 2


def test_two_pages_timing_one_predicate_minutes_apart_tell_one_moment() -> None:
    # the same predicate a few minutes apart: two sources disagreeing on one moment
    events = _timed_pages(
        ("the boiler burst", "burst", "01:23"), ("the boiler burst", "burst", "01:26")
    )
    assert len(events) == 1


def _instrument_page() -> tuple[list[Event], Doc]:
    """A page telling a treaty's signing and its coming into force, with a bare "the treaty"
    too weak to found on the later day and, first, the treaty's name alone (undated)."""
    d = Doc(
        "a",
        "Treaty of Lune between Varnia and Osk\n"
        "It was signed on 3 May 1822. "
        "It came into force on 9 June 1822, when the ratifications were exchanged. "
        "On 9 June 1822 the treaty was read out in Osk.",
    )
    d.event("Treaty of Lune between Varnia and Osk", "Treaty of Lune", "treaty_signed")
    d.event("It was signed on 3 May 1822", "signed", "treaty_signed", "1822-05-03", "3 May 1822")
    d.event(
        "when the ratifications were exchanged",
        "exchanged",
        "agreement_signed",
        "1822-06-09",
        "9 June 1822",
    )
    d.event(
        "On 9 June 1822 the treaty was read out in Osk",
        "treaty",
        "treaty_signed",
        "1822-06-09",
        "On 9 June 1822",
        confidence=0.3,
    )
    events, _ = merge([d])
    return events, d


def test_a_bare_word_joined_to_a_later_act_does_not_draw_the_instruments_name_to_it() -> None:
    # the name alone and the word "treaty" of a weak mention on the day of entry into force
    # do not make the treaty's name that later act
    events, d = _instrument_page()
    name_at = d.text.index("Treaty of Lune")
    exchange_at = d.text.index("when the ratifications")
    for e in events:
        starts = {m.start for m in e.mentions}
        assert not {name_at, exchange_at} <= starts


def test_a_timed_page_still_joins_an_event_no_other_page_times() -> None:
    # only one side states a clock: nothing to compare, the usual evidence decides
    a = _told(
        "a",
        "On 2 March 1871 the boiler burst at the Orsk mill.",
        "On 2 March 1871 the boiler burst at the Orsk mill",
        "burst",
        "other",
        "1871-03-02",
        "2 March 1871",
    )
    b = _told(
        "b",
        "At 01:23 on 2 March 1871 the boiler burst at the Orsk mill.",
        "At 01:23 on 2 March 1871 the boiler burst at the Orsk mill",
        "burst",
        "other",
        "1871-03-02",
        "2 March 1871",
        clock="01:23",
    )
    events, _ = merge([a, b])
    assert len(events) == 1


# ---------------------------------------------------------------- round 7: bridges kept out


def _act_page(text: str) -> Doc:
    d = Doc("b", text)
    d.event(
        "The Harbour Regulation Act was promulgated on 20 July 1822",
        "promulgated",
        "other",
        "1822-07-20",
        "20 July 1822",
    )
    return d


def test_an_instruments_name_alone_does_not_join_an_act_on_it() -> None:
    a = Doc("a", "Chronology\n\n1822 Harbour Regulation Act\n\nThe harbour grew.")
    a.event("1822 Harbour Regulation Act", "Act", "other", "1822", "1822", region="list_item")
    b = _act_page("The Harbour Regulation Act was promulgated on 20 July 1822 by the Assembly.")
    events, _ = merge([a, b])
    # the name says which instrument, not which of its acts (passing, assent, promulgation)
    assert len(events) == 2
    assert all(len({m.doc_id for m in e.mentions}) == 1 for e in events)


def test_a_name_heading_its_pages_account_of_an_act_is_no_event_of_its_own() -> None:
    a = Doc(
        "a",
        "1822 Harbour Regulation Act\n\n"
        "On 20 July 1822 Queen Mathilde gave the royal assent to the Harbour Regulation Act.",
    )
    a.event("1822 Harbour Regulation Act", "Act", "other", "1822", "1822", region="list_item")
    a.event(
        "On 20 July 1822 Queen Mathilde gave the royal assent to the Harbour Regulation Act",
        "gave",
        "legislation",
        "1822-07-20",
        "20 July 1822",
        parts=(("Queen Mathilde", "agent"),),
    )
    b = _act_page("The Harbour Regulation Act was promulgated on 20 July 1822 by the Assembly.")
    events, _ = merge([a, b])
    heading = a.events[0]
    assert not any(heading in e.mentions for e in events)
    assert len(events) == 1 and {m.doc_id for m in events[0].mentions} == {"a", "b"}


def test_a_mention_takes_the_one_date_written_in_it_over_a_disagreeing_one_outside() -> None:
    d = Doc(
        "a",
        "The envoys sealed the treaty of Arvel with Dorn (10 May 1701); "
        "the treaties with Kest and Vell were signed in 1702.",
    )
    # the date the events stage gave the first treaty is the next clause's year
    first = d.event(
        "the treaty of Arvel with Dorn (10 May 1701",
        "treaty",
        "treaty_signed",
        "1702",
        "1702",
        confidence=0.8,
    )
    d.times.append(tm(d.text, "10 May 1701", "1701-05-10", "a"))
    d.event(
        "the treaties with Kest and Vell were signed in 1702",
        "signed",
        "treaty_signed",
        "1702",
        "1702",
    )
    events, _ = merge([d])
    assert len(events) == 2
    dated = {e.date.value if e.date else None: e for e in events}
    assert first.start in {m.start for m in dated["1701-05-10"].mentions}
