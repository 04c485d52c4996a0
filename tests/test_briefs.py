"""Extractive briefs: every sentence is a source's own words with a citation to its span."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import app
from histograph.render.briefs import (
    STYLES,
    Brief,
    BriefError,
    _display,
    build_brief,
    md_escape,
    to_dict,
    to_html,
    to_markdown,
)
from test_web import WEIRD_EVENT_ID, _Tags, memory_hg, sqlite_kb


@pytest.fixture(scope="module")
def hg() -> Histograph:
    return memory_hg()


def assert_extractive(hg: Histograph, brief: Brief) -> None:
    """Every sentence is the text of its cited span, and every citation is used."""
    cites = {c.n: c for c in brief.citations}
    assert sorted(cites) == list(range(1, len(cites) + 1))
    used: set[int] = set()
    for sec in brief.sections:
        for item in sec.items:
            for s in item.sentences:
                c = cites[s.n]
                assert s.text == _display(hg.quote(c.doc_id, c.start, c.end))
                used.add(s.n)
    assert used == set(cites)


@pytest.mark.parametrize("style", STYLES)
def test_every_style_is_extractive_and_cited(hg: Histograph, style: str) -> None:
    b = build_brief(hg, "ev-wall", style, date="2019-11-09")
    assert b.style == style and b.title
    assert any(item.sentences for sec in b.sections for item in sec.items)
    assert_extractive(hg, b)
    md = to_markdown(b)
    assert md.startswith("# ")
    assert "## Sources" in md
    for c in b.citations:
        assert f"{c.n}. " in md
        assert (f"characters {c.start}–{c.end}" in md) or (c.url and "#:~:text=" in c.url)
    html = to_html(b)
    assert html.startswith("<!doctype html>")
    assert to_dict(b)["citations"]


def test_explainer_shape(hg: Histograph) -> None:
    b = build_brief(hg, "ev-wall", "explainer")
    headings = [s.heading for s in b.sections]
    assert headings[0] == "Key points"
    assert "What happened?" in headings or "Why does it matter?" in headings
    # the significance cue picks the "historic turning point" sentence
    why = [s for s in b.sections if s.heading in ("Why does it matter?", "Key points")]
    assert any(
        "historic turning point" in x.text for s in why for i in s.items for x in i.sentences
    )
    assert any(s.heading == "Where the sources disagree" for s in b.sections)


def test_card_shape(hg: Histograph) -> None:
    b = build_brief(hg, "ev-wall", "card")
    assert b.title.endswith("9 November 1989")
    assert b.subtitle is not None and b.subtitle.startswith("1989 · Berlin")
    assert b.sections[0].heading is None  # the headline
    assert any(s.heading == "Who" for s in b.sections)
    assert any(s.heading == "When" and len(s.items) == 2 for s in b.sections)  # two date claims


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("2019-11-09", "30 years ago today"),
        ("2019-11-30", "30 years ago this month"),
        ("2020-03-01", "31 years ago"),
    ],
)
def test_anniversary_counts_from_the_given_date(hg: Histograph, date: str, words: str) -> None:
    b = build_brief(hg, "ev-wall", "anniversary", date=date)
    assert b.title.startswith(words.capitalize())
    assert b.subtitle is not None and b.subtitle.startswith(words)
    assert b.date == date


def test_onthisday_digest(hg: Histograph) -> None:
    b = build_brief(hg, None, "onthisday", date="2000-11-09")
    assert b.title == "On this day: 9 November"
    labels = [i.label for i in b.sections[0].items]
    assert any(label and "disputed" in label for label in labels)
    empty = build_brief(hg, None, "onthisday", date="2000-01-01")
    assert empty.sections[0].lead and not empty.citations


def test_guide_groups_by_year_then_cast(hg: Histograph) -> None:
    b = build_brief(hg, "ev-wall", "guide")
    headings = [s.heading for s in b.sections]
    assert "1989" in headings
    assert headings[-1] == "Cast of characters"
    assert "Undated" in headings  # the undated related event


def test_hostile_text_is_escaped_in_every_format(hg: Histograph) -> None:
    for style in STYLES:
        b = build_brief(hg, "ev-wall", style, date="2019-11-09")
        html = to_html(b)
        parser = _Tags()
        parser.feed(html)
        assert {t for t, _ in parser.tags} <= {
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "article",
            "h1",
            "h2",
            "p",
            "section",
            "ul",
            "li",
            "div",
            "strong",
            "sup",
            "a",
            "ol",
            "span",
        }
        md = to_markdown(b)
        assert "<script" not in md and "<img" not in md and "<svg" not in md


def test_weird_event_id(hg: Histograph) -> None:
    b = build_brief(hg, WEIRD_EVENT_ID, "explainer")
    assert_extractive(hg, b)
    assert "&lt;img" in to_html(b)


@pytest.mark.parametrize(
    ("event", "style", "date", "message"),
    [
        ("nope", "explainer", None, "no event"),
        ("ev-wall", "sonnet", None, "unknown style"),
        ("ev-wall", "anniversary", "next week", "not a date"),
        (WEIRD_EVENT_ID, "anniversary", "2020-01-01", "no date"),
        (None, "card", None, "needs an event"),
    ],
)
def test_errors(
    hg: Histograph, event: str | None, style: str, date: str | None, message: str
) -> None:
    with pytest.raises(BriefError, match=message):
        build_brief(hg, event, style, date=date)


@given(st.text())
def test_md_escape_leaves_no_markup(text: str) -> None:
    out = md_escape(text)
    assert "<" not in out and ">" not in out
    assert "[" not in out.replace("\\[", "")


def test_cli_brief(tmp_path: Path) -> None:
    db = sqlite_kb(tmp_path / "kb.db")
    runner = CliRunner()
    r = runner.invoke(app, ["brief", "ev-wall", "--style", "card", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("# ") and "[1]" in r.output
    r = runner.invoke(
        app,
        [
            "brief",
            "ev-wall",
            "--style",
            "anniversary",
            "--date",
            "2019-11-09",
            "--format",
            "html",
            "-o",
            str(tmp_path / "b.html"),
            "--db",
            str(db),
        ],
    )
    assert r.exit_code == 0, r.output
    assert "30 years ago today" in (tmp_path / "b.html").read_text()
    r = runner.invoke(
        app, ["brief", "--style", "onthisday", "--date", "1989-11-09", "--db", str(db)]
    )
    assert r.exit_code == 0 and "On this day: 9 November" in r.output
    r = runner.invoke(app, ["brief", "nope", "--db", str(db)])
    assert r.exit_code == 1 and "no event" in r.output
    r = runner.invoke(app, ["brief", "ev-wall", "--style", "poem", "--db", str(db)])
    assert r.exit_code == 2
