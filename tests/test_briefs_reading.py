"""Briefs that read like publications: labels dropped, near-duplicates skipped, sources
named and linked, states valid at the event's date, digests in year order."""

from __future__ import annotations

from histograph.model import Event, TimeValue, day_number
from histograph.render.briefs import (
    Brief,
    Citation,
    Cited,
    Item,
    Section,
    _display,
    _round_robin,
    _Sentence,
    _similar,
    _source_url,
    _valid_at,
    _words_of,
    build_brief,
    to_markdown,
)
from test_web import memory_hg


def test_section_and_date_labels_are_not_read_out() -> None:
    assert _display("Coronation Ceremony: The Pope attended the service in the cathedral.") == (
        "The Pope attended the service in the cathedral."
    )
    assert _display("- **May 1804:** Napoleon is proclaimed Emperor of the French.") == (
        "Napoleon is proclaimed Emperor of the French."
    )
    # a colon inside the sentence is not a label
    assert _display("He said: we will not go back.") == "He said: we will not go back."


def test_a_headline_and_its_sentence_are_one_key_point() -> None:
    a = _words_of("The Kingdom Formally Recognizes the Republic - May 3, 1850")
    b = _words_of("The kingdom formally recognizes the republic.")
    assert _similar(a, b)
    assert not _similar(b, _words_of("The republic sends an envoy to the kingdom in June."))


def test_sentences_come_from_each_source_in_turn() -> None:
    s = [_Sentence(d, i, i + 1, f"{d}{i}", "narrative") for d, i in
         (("a", 1), ("a", 2), ("a", 3), ("b", 1), ("c", 1))]
    assert [x.text for x in _round_robin(s)] == ["a1", "b1", "c1", "a2", "a3"]


def test_a_web_source_is_cited_with_a_link_to_the_sentence() -> None:
    url = _source_url("https://news.example/story#top", {}, "The fleet sailed from the harbour at dawn today.")
    assert url == "https://news.example/story#:~:text=The%20fleet%20sailed%20from,harbour%20at%20dawn%20today."
    assert _source_url("/data/page.txt", {"url": "https://x.example/p"}, "Short one.") == (
        "https://x.example/p#:~:text=Short%20one."
    )
    assert _source_url("/data/page.txt", {}, "Short one.") is None


def test_citations_name_the_source_by_title() -> None:
    brief = Brief("explainer", "T", None, sections=[Section(None, [Item([Cited("A sentence.", 1)])])])
    brief.citations = [
        Citation(1, "d1", "/corpus/p1.txt", "The Treaty of Paris, explained", 5, 20),
        Citation(2, "d2", "https://w.example/a", "An article", 0, 9, "https://w.example/a#:~:text=x"),
    ]
    md = to_markdown(brief)
    assert "1. The Treaty of Paris, explained (p1.txt, characters 5–20)" in md
    assert "2. [An article](<https://w.example/a#:~:text=x>)" in md


def test_a_state_is_listed_only_when_it_existed() -> None:
    day = day_number(1933, 11, 16)
    e = Event("ev", "other", "t", TimeValue("1933-11-16", day, day, "day"), ())
    assert not _valid_at("s-RUS", e)  # the Russian Federation dates from 1991
    assert _valid_at("s-USA", e)
    assert _valid_at("p-someone", e)


def test_onthisday_is_in_year_order_with_looser_dates_apart() -> None:
    hg = memory_hg()
    b = build_brief(hg, None, "onthisday", date="2000-11-09")
    exact = b.sections[0]
    years = [int(str(i.label).split()[0]) for i in exact.items if i.label]
    assert years == sorted(years)
    assert exact.sep == " –"
    for sec in b.sections[1:]:
        assert sec.heading  # month- or year-only events are set apart under a heading
    md = to_markdown(b)
    assert "**1989 –**" in md or "**1989 (date disputed) –**" in md


def test_a_first_is_not_why_it_matters() -> None:
    from histograph.render.briefs import _Builder

    b = _Builder(memory_hg())
    first = _Sentence("d", 0, 1, "She became the first woman to sit in the assembly.", "narrative")
    why = _Sentence("d", 0, 1, "The vote was a turning point that changed the franchise.", "narrative")
    assert b.has(first, b.significance) and not b.has(first, b.why)
    assert b.has(why, b.why)


def test_the_guide_files_a_decade_under_its_decade() -> None:
    from dataclasses import replace

    from histograph.api import Histograph
    from histograph.store import open_store
    from histograph.time import parse_value
    from test_web import make_kb

    analyses, kb = make_kb()
    decade = parse_value("198X")
    events = tuple(replace(e, date=decade) if e.id == "ev-gates" else e for e in kb.events)
    hg = Histograph(open_store(":memory:"))
    for a in analyses:
        hg.store.add_analysis(a)
    hg.store.replace_knowledge(replace(kb, events=events))
    headings = [s.heading for s in build_brief(hg, "ev-wall", "guide").sections]
    assert "1980s" in headings and "1980" not in headings
