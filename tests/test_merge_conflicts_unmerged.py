"""Date conflicts between events the merge kept apart (histograph.merge.conflicts)."""

from __future__ import annotations

import pytest

from histograph.merge import unmerged
from histograph.merge.unmerged import title_date_conflicts, unmerged_date_conflicts
from histograph.model import Event, EventMention, TimeValue, day_number


def _day(y: int, m: int, d: int) -> TimeValue:
    n = day_number(y, m, d)
    return TimeValue(f"{y:04d}-{m:02d}-{d:02d}", n, n, "day")


def _event(eid: str, doc: str, text: str, date_text: str, tv: TimeValue, typ: str) -> Event:
    s = text.index(date_text)
    m = EventMention(doc, 0, len(text), 0, 4, typ, tv, s, s + len(date_text))
    return Event(eid, typ, eid, tv, (m,))


A = "On 3 March 1957, Nkrumah proclaimed Ghana's independence before the Legislative Assembly."
B = "On March 6, 1957, Nkrumah proclaimed the independence of Ghana at the Old Polo Grounds."
C = "On March 9, 1957, the new parliament of Ghana met for the first time."
FILLER = [
    f"Nkrumah and the Convention People's Party held meeting number {i} in Accra." for i in range(4)
]


def _events() -> tuple[list[Event], dict[str, str]]:
    texts = {"a": A, "b": B, "c": C}
    evs = [
        _event("e-a", "a", A, "3 March 1957", _day(1957, 3, 3), "other"),
        _event("e-b", "b", B, "March 6, 1957", _day(1957, 3, 6), "other"),
        _event("e-c", "c", C, "March 9, 1957", _day(1957, 3, 9), "other"),
    ]
    for i, f in enumerate(FILLER):  # make the actors' names common words of the collection
        texts[f"f{i}"] = f
        n = day_number(1956, 1, 1 + i)
        tv = TimeValue(f"1956-01-{1 + i:02d}", n, n, "day")
        evs.append(
            Event(
                f"e-f{i}", "other", "x", tv, (EventMention(f"f{i}", 0, len(f), 0, 4, "other", tv),)
            )
        )
    return evs, texts


def test_same_act_with_two_dates_gives_a_conflict_on_both_events() -> None:
    evs, texts = _events()
    out = unmerged_date_conflicts(evs, texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
    for c in out:
        assert c.attribute == "date" and c.severity == "hard"
        spans = {texts[cl.doc_id][cl.start : cl.end] for v in c.values for cl in v.claims}
        assert spans == {"3 March 1957", "March 6, 1957"}


def test_one_document_telling_both_is_not_a_conflict() -> None:
    evs, texts = _events()
    texts["ab"] = A + " " + B
    a2 = _event("e-a", "ab", texts["ab"], "3 March 1957", _day(1957, 3, 3), "other")
    b2 = _event("e-b", "ab", texts["ab"], "March 6, 1957", _day(1957, 3, 6), "other")
    assert unmerged_date_conflicts([a2, b2, *evs[2:]], texts) == []


def test_other_type_or_far_dates_are_no_conflict() -> None:
    evs, texts = _events()
    b_other_type = _event("e-b", "b", B, "March 6, 1957", _day(1957, 3, 6), "treaty_signed")
    assert unmerged_date_conflicts([evs[0], b_other_type, *evs[2:]], texts) == []
    b_far = _event("e-b", "b", B, "March 6, 1957", _day(1957, 6, 6), "other")
    assert unmerged_date_conflicts([evs[0], b_far, *evs[2:]], texts) == []


def test_one_day_apart_is_soft() -> None:
    evs, texts = _events()
    b1 = _event("e-b", "b", B, "March 6, 1957", _day(1957, 3, 4), "other")
    out = unmerged_date_conflicts([evs[0], b1, *evs[2:]], texts)
    assert out and all(c.severity == "soft" for c in out)


def test_a_day_misprinted_by_one_digit_is_a_hard_conflict() -> None:
    evs, texts = _events()
    far = _event("e-b", "b", B, "March 6, 1957", _day(1957, 3, 13), "other")
    out = unmerged_date_conflicts([evs[0], far, *evs[2:]], texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
    assert all(c.severity == "hard" and "one digit" in c.explanation for c in out)
    # ten days apart with no digit in common: two acts
    other = _event("e-b", "b", B, "March 6, 1957", _day(1957, 3, 15), "other")
    assert unmerged_date_conflicts([evs[0], other, *evs[2:]], texts) == []


def test_one_word_in_british_and_american_spelling_is_one_word() -> None:
    a = "On 3 March 1957, the army announced the mobilisation of its reserves in Accra."
    b = "On March 5, 1957, the army ordered a mobilization of the reserves in Accra."
    texts = {"a": a, "b": b}
    evs = [
        _event("e-a", "a", a, "3 March 1957", _day(1957, 3, 3), "other"),
        _event("e-b", "b", b, "March 5, 1957", _day(1957, 3, 5), "other"),
    ]
    out = unmerged_date_conflicts(evs, texts, people=[])
    assert "mobilization" in out[0].explanation


def test_an_undated_aside_of_one_page_does_not_make_two_acts() -> None:
    evs, texts = _events()
    texts["b2"] = B + " Nkrumah proclaimed it again, to the crowd."
    aside = EventMention("b2", len(B) + 1, len(texts["b2"]), len(B) + 1, len(B) + 8, "other")
    a = Event("e-a", "other", "e-a", evs[0].date, (*evs[0].mentions, aside))
    b = _event("e-b", "b2", texts["b2"], "March 6, 1957", _day(1957, 3, 6), "other")
    assert {c.subject for c in unmerged_date_conflicts([a, b, *evs[2:]], texts)} == {"e-a", "e-b"}


# --------------------------------------------------------------------------- page titles

TITLE = "Ghana Proclaims Independence - March 7, 1957\n\nThe crowd cheered at the polo grounds."
PAGE_B = "On March 6, 1957, Nkrumah proclaimed Ghana's independence in Accra."
PAGE_C = "Ghana proclaimed its independence on 6 March 1957."


def _title_case(shared_home: bool) -> tuple[list[Event], dict[str, str]]:
    texts = {"t": TITLE, "b": PAGE_B, "c": PAGE_C}
    d7 = _day(1957, 3, 7)
    ds = TITLE.index("March 7")
    tm = EventMention("t", 0, 44, 6, 14, "other", d7, ds, ds + 13, region_kind="title")
    s = TITLE.index("The crowd")
    home_text = (s, len(TITLE)) if not shared_home else (0, 44)
    crowd = EventMention("t", *home_text, s + 10, s + 17, "other", d7)
    f = Event("e-title", "other", "title", d7, (tm, crowd))
    b = _event("e-b", "b", PAGE_B, "March 6, 1957", _day(1957, 3, 6), "other")
    c = _event("e-c", "c", PAGE_C, "6 March 1957", _day(1957, 3, 6), "other")
    e = Event("e-b", "other", "e-b", b.date, (*b.mentions, *c.mentions))
    return [f, e], texts


def test_a_page_title_dating_the_act_told_elsewhere_another_day_is_a_conflict() -> None:
    evs, texts = _title_case(shared_home=False)
    [c] = title_date_conflicts(evs, texts)
    assert (c.subject, c.attribute, c.severity) == ("e-b", "date", "soft")
    spans = {v.value: {texts[x.doc_id][x.start : x.end] for x in v.claims} for v in c.values}
    assert spans == {"1957-03-06": {"March 6, 1957", "6 March 1957"}, "1957-03-07": {"March 7, 1957"}}


def test_a_title_at_home_in_its_own_record_is_no_conflict() -> None:
    evs, texts = _title_case(shared_home=True)
    assert title_date_conflicts(evs, texts) == []


def test_an_act_alike_two_others_at_two_dates_conflicts_only_with_the_nearer() -> None:
    evs, texts = _events()
    # e-a (3 March) is alike e-b (6 March) and e-c2 (4 March): the nearer reading is kept
    c2 = "On March 4, 1957, Nkrumah proclaimed Ghana's independence at a rally."
    texts["c2"] = c2
    near = _event("e-c2", "c2", c2, "March 4, 1957", _day(1957, 3, 4), "other")
    out = unmerged_date_conflicts([evs[0], evs[1], near, *evs[3:]], texts)
    pairs = {frozenset(v.value for v in c.values) for c in out}
    assert frozenset({"1957-03-03", "1957-03-04"}) in pairs
    assert frozenset({"1957-03-03", "1957-03-06"}) not in pairs


def test_same_dated_events_are_not_compared_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 10: one long document repeats acts of one date many times; a pair whose dates
    # cannot be readings of one date gives no conflict, so its sentences are not compared
    evs, texts = _events()
    lines = [f"On 3 March 1957 the clerks filed ledger {i} at the harbour office." for i in range(30)]
    texts["long"] = " ".join(lines)  # one long page: thirty acts of A's date
    at = 0
    for i, line in enumerate(lines):
        s = texts["long"].index(line, at)
        at = s + len(line)
        tv = _day(1957, 3, 3)
        m = EventMention("long", s, at, s + 31, s + 36, "other", tv, s + 3, s + 15)
        evs.append(Event(f"e-l{i:02d}", "other", f"e-l{i:02d}", tv, (m,)))
    pairs: list[tuple[int, int]] = []
    real = unmerged._alike

    def counting(a: list[frozenset[str]], b: list[frozenset[str]], *rest: object) -> frozenset[str]:
        pairs.append((id(a), id(b)))
        return real(a, b, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(unmerged, "_alike", counting)
    out = unmerged_date_conflicts(evs, texts)
    assert "e-b" in {c.subject for c in out}  # the conflict of two dates is still found
    # 31 events on 3 March: no same-date pair (465 of them) is compared; each is compared
    # with the 6th and the 9th, those two with each other, the four fillers pairwise
    assert len(pairs) <= 31 * 2 + 1 + 6


def _main(eid: str, doc: str, text: str, date_text: str, tv: TimeValue, typ: str) -> Event:
    s = text.index(date_text)
    m = EventMention(doc, 0, len(text), 0, 4, typ, tv, s, s + len(date_text), main=True)
    return Event(eid, typ, eid, tv, (m,))


def test_two_pages_main_events_of_one_type_a_day_apart_are_a_date_conflict() -> None:
    # the pages share no words of their act, but each is its page's own main event (title or
    # lead): one act dated two ways; a time of day compares as its day
    a = "The steamer went down off the cape on 12 March 1873."
    b = "A gale drove the vessel onto the rocks in the early hours of 13 March 1873."
    n = day_number(1873, 3, 12)
    timed = TimeValue("1873-03-12T23", n, n, "time")
    texts = {"a": a, "b": b}
    evs = [
        _main("e-a", "a", a, "12 March 1873", timed, "disaster"),
        _main("e-b", "b", b, "13 March 1873", _day(1873, 3, 13), "disaster"),
    ]
    out = unmerged_date_conflicts(evs, texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
    assert all(c.severity == "soft" and c.attribute == "date" for c in out)
    # of two types (a departure and a sinking), or not pages' main events: no conflict
    other = [evs[0], _main("e-b", "b", b, "13 March 1873", _day(1873, 3, 13), "visit")]
    assert unmerged_date_conflicts(other, texts) == []
    plain = [evs[0], _event("e-b", "b", b, "13 March 1873", _day(1873, 3, 13), "disaster")]
    assert unmerged_date_conflicts(plain, texts) == []


def test_the_night_of_one_day_and_the_next_day_are_one_night_told_two_ways() -> None:
    a = "The warehouse fire broke out on the night of 4 June 1721."
    b = "The warehouse burned down on 5 June 1721."
    n = day_number(1721, 6, 4)
    night = TimeValue("1721-06-04TNI", n, n, "time")
    texts = {"a": a, "b": b}
    evs = [
        _main("e-a", "a", a, "4 June 1721", night, "disaster"),
        _main("e-b", "b", b, "5 June 1721", _day(1721, 6, 5), "disaster"),
    ]
    out = unmerged_date_conflicts(evs, texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
    assert all(c.severity == "soft" and "small hours" in c.explanation for c in out)
    assert unmerged.dates_near(night, _day(1721, 6, 5))
