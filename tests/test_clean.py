"""Region marking: kinds on our own fixtures, on the development pages, and the partition
property on arbitrary text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, shared_path
from histograph.clean import clean_stage, mark_regions, mark_text_regions
from histograph.ingest import read_paths, read_text
from histograph.model import CONTENT_REGIONS, Document, Region
from histograph.pipeline import DocState
from histograph.registry import get_stage

FIX = Path(__file__).parent / "fixtures" / "ingest"


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def _kinds(text: str) -> dict[str, str]:
    """The kind of each region, keyed by the region's text (whitespace collapsed)."""
    return {" ".join(text[r.start : r.end].split()): r.kind for r in mark_text_regions(text)}


def _kind_of(text: str, quote: str) -> set[str]:
    """Kinds of the regions a quote overlaps."""
    out: set[str] = set()
    start = text.index(quote)
    end = start + len(quote)
    for r in mark_text_regions(text):
        if r.start < end and start < r.end:
            out.add(r.kind)
    return out


def assert_partition(text: str, regions: list[Region]) -> None:
    pos = 0
    for r in regions:
        assert r.start < r.end, r
        assert r.start >= pos, (r, pos)
        pos = r.end
    covered = [False] * len(text)
    for r in regions:
        for i in range(r.start, r.end):
            covered[i] = True
    for i, c in enumerate(text):
        if not c.isspace():
            assert covered[i], (i, c, text)
    for r in regions:  # regions start and end on non-space characters
        assert not text[r.start].isspace() and not text[r.end - 1].isspace(), r


# ----------------------------------------------------------------------------- fixtures


def test_web_debris_fixture() -> None:
    text = _read(FIX / "moon_news.txt")
    k = _kinds(text)
    for line in (
        "Skip to main content",
        "Home | World | Science | History | Opinion",
        "Menu",
        "Trending",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Sign up for our weekly history newsletter",
        "Related articles",
        "See our complete guide to the Space Race for more coverage.",
        "© 2019 Example Media Group. All rights reserved.",
        "We use cookies to improve your experience.",
        "Accept all cookies",
        "Hide player controls",
        "0:00 / 2:31",
        "NASA",  # image credit after the keyword line
    ):
        assert k[line] == "boilerplate", line
    assert k["apollo 11, neil armstrong, moon landing"] == "tags"
    assert k["Tags: apollo, moon, space race"] == "tags"
    assert (
        k["Buzz Aldrin walks on the surface of the Moon near the lunar module, July 20, 1969."]
        == "caption"
    )
    assert k["Fifty Years On: How Apollo 11 Reached the Moon"] == "title"
    assert k["Published: July 20, 2019 10:00 AM"] == "dateline"
    assert k["By Jane Doe and Omar Haddad"] == "byline"
    assert k["Why It Mattered"] == "heading"
    assert k["> That's one small step for man, one giant leap for mankind."] == "quote"
    assert k["1. The launch from Cape Kennedy on July 16, 1969."] == "list_item"
    assert k["- Splashdown in the Pacific on July 24, 1969."] == "list_item"
    assert k["Source: NASA History Office"] == "source"
    assert k["Via Reuters"] == "source"
    assert k["Quelle: Bundesarchiv"] == "source"
    assert (
        k[
            "The landing ended a race that had begun with Sputnik in October 1957. "
            "The crew returned to Earth on July 24, 1969."
        ]
        == "narrative"
    )


def test_hard_wrapped_paragraph_is_one_region_and_by_sentences_are_prose() -> None:
    text = _read(FIX / "wrapped_article.txt")
    regions = mark_text_regions(text)
    narrative = [r for r in regions if r.kind == "narrative"]
    assert text[narrative[0].start : narrative[0].end].startswith("The Peace of Westphalia")
    assert text[narrative[0].start : narrative[0].end].endswith("Dutch Republic.")
    k = _kinds(text)
    assert k["By 1648 the war had devastated large parts of Germany."] == "narrative"
    assert k["By Peter Wilson"] == "byline"
    assert k["The Treaty of Westphalia"] == "title"


def test_front_matter_crlf_is_metadata() -> None:
    text = (FIX / "crlf_front_matter.md").read_bytes().decode("utf-8")
    regions = mark_text_regions(text)
    assert regions[0].kind == "metadata" and regions[0].start == 0
    assert text[regions[0].start : regions[0].end].endswith("---")
    assert regions[1].kind == "title"


def test_hashtags_cut_out_of_a_post() -> None:
    text = "#OnThisDay 35 years ago the Wall fell. Crowds cheered. #BerlinWall #1989 Source: Archive\nHide player controls"
    regions = mark_text_regions(text)
    got = [(r.kind, text[r.start : r.end]) for r in regions]
    assert got == [
        ("tags", "#OnThisDay"),
        ("narrative", "35 years ago the Wall fell. Crowds cheered."),
        ("tags", "#BerlinWall #1989"),
        ("source", "Source: Archive"),
        ("boilerplate", "Hide player controls"),
    ]


def test_mid_sentence_hashtag_and_source_word_stay_narrative() -> None:
    text = "Crowds gathered at the #BerlinWall gate that night, said the source: nobody knew."
    assert [r.kind for r in mark_text_regions(text)] == ["narrative"]


def test_markdown_structure() -> None:
    text = (
        "# Timeline of the Cold War\n\n**1961**\n\n- **August 13, 1961:** The border is closed.\n"
        "* Second item\n\n**1980s:**\n\n## Cast of Characters\n\n"
        "**Jane Roe (Mayor of Exampleton):** Opened the gate.\n\n---\n"
    )
    k = _kinds(text)
    assert k["# Timeline of the Cold War"] == "title"
    assert k["**1961**"] == "heading"
    assert k["**1980s:**"] == "heading"
    assert k["- **August 13, 1961:** The border is closed."] == "list_item"
    assert k["* Second item"] == "list_item"
    assert k["## Cast of Characters"] == "heading"
    assert k["**Jane Roe (Mayor of Exampleton):** Opened the gate."] == "narrative"
    assert k["---"] == "boilerplate"


def test_caption_with_trailing_credit_and_image_marker() -> None:
    text = (
        "A Title Line\n\n![Crowd at the gate](/img/a.jpg)\n"
        "Crowds at the gate, 10 November 1989. Photo: Example Archive\n\nProse follows here.\n"
    )
    got = [(r.kind, text[r.start : r.end]) for r in mark_text_regions(text)]
    assert ("caption", "Crowds at the gate, 10 November 1989.") in got
    assert ("boilerplate", "Photo: Example Archive") in got
    assert ("narrative", "Prose follows here.") in got


def test_datelines_and_bylines() -> None:
    for line in (
        "November 16, 2011 05:00 AM",
        "Monday, 9 November 2009, 10:45 CET",
        "2019-11-09T06:00:00Z",
        "Updated 5 hours ago",
        "Published on 3 March 2020",
    ):
        assert _kinds(f"Some Title\n{line}\n\nProse text here.\n")[line] == "dateline", line
    for line in (
        "By Jane Doe",
        "by Example News Staff",
        "Written by A. N. Author",
        "Автор: Иван Петров",
    ):
        assert _kinds(f"Some Title\n{line}\n\nProse text here.\n")[line] == "byline", line
    for line in ("By August 1961 the border was closed.", "By the end of the year it was over."):
        assert _kinds(f"Some Title\n\n{line}\n")[line] == "narrative", line


def test_date_only_lines_stamp_or_date_heading() -> None:
    k = _kinds("A Blog Post\nNovember 9, 2019\n\nText here.\n")
    assert k["November 9, 2019"] == "dateline"  # the only date line, right under the title
    k = _kinds("The Treaty Is Signed - June 28, 1919\nJune 28, 1919\nThe treaty was signed.\n")
    assert k["June 28, 1919"] == "heading"  # the title's own date: the event's date
    text = "Timeline\n\nNovember 9, 1989\nThe Wall opens.\n\nNovember 10, 1989\nCrowds cross.\n"
    k = _kinds(text)
    assert k["November 9, 1989"] == k["November 10, 1989"] == "heading"


def test_source_lines_in_several_languages() -> None:
    for line in (
        "Source: example.org",
        "Источник: Example",
        "Fuente: Archivo",
        "Sources: A; B",
        "来源: 新华社",
    ):
        assert _kinds(f"Title\n\nProse text here.\n{line}\n")[line] == "source", line


def test_stage_is_registered() -> None:
    info = get_stage("histograph.clean.v1")
    assert info.requires == ("document",) and info.assigns == ("regions",)
    doc = read_text("A Title\n\nSome prose.\n", "x.txt")
    state = DocState(document=doc)
    clean_stage(state)
    assert state.regions == mark_regions(doc)
    assert all(r.doc_id == doc.id for r in state.regions)


def test_sample_corpus_regions() -> None:
    docs = {
        Path(d.uri).name: d
        for d in read_paths([str(SAMPLES / "berlin_wall")])
        if isinstance(d, Document)
    }
    onthisday = docs["04_onthisday.txt"]
    t = onthisday.text
    assert _kind_of(t, "Top Stories") == {"boilerplate"}
    assert _kind_of(t, "by Daybook History Staff") == {"byline"}
    assert _kind_of(t, "November 10, 2014 07:30 AM") == {"dateline"}
    assert _kind_of(t, "Source: Daybook History archive") == {"source"}
    assert _kind_of(t, "East and West Berliners on the Wall") == {"caption"}
    assert _kind_of(t, "On November 10, 1989, the Berlin Wall fell.") == {"narrative"}
    social = docs["05_social.json"]
    assert _kind_of(social.text, "#BerlinWall #Mauerfall #OnThisDay") == {"tags"}
    timeline = docs["02_timeline.md"]
    assert mark_regions(timeline)[0].kind == "metadata"
    news = docs["01_news.html"]
    assert _kind_of(news.text, "Berliners celebrate on top of the Wall") == {"caption"}
    for d in docs.values():
        assert_partition(d.text, mark_regions(d))


# ----------------------------------------------------------------------------- development pages


def test_development_pages() -> None:
    folder = shared_path("eval", "docs", "us_soviet_1933")
    texts = {p.name: _read(p) for p in sorted(folder.glob("*.txt"))}
    for text in texts.values():
        assert_partition(text, mark_text_regions(text))
    t4 = texts["04.txt"]
    assert _kind_of(t4, "Hide player controls") == {"boilerplate"}
    assert _kind_of(t4, "Hide resume playing") == {"boilerplate"}
    assert _kind_of(t4, "Источник: InfoDefenseENGLISH") == {"source"}
    assert _kind_of(t4, "#HistoryOfDiplomacy") == {"tags"}
    assert _kind_of(t4, "#WeWereAllies") == {"tags"}
    assert _kind_of(t4, "90 years ago, on November 16, 1933") == {"narrative"}
    t2 = texts["02.txt"]
    assert _kind_of(t2, "Source: en.wikipedia.org") == {"source"}
    t3 = texts["03.txt"]
    assert _kind_of(t3, "Top Stories") == {"boilerplate"}
    assert _kind_of(t3, "by findingDulcinea Staff") == {"byline"}
    assert _kind_of(t3, "November 16, 2011 05:00 AM") == {"dateline"}
    assert _kind_of(t3, "roosevelt stalin, tehran conference, fdr stalin") == {"tags"}
    assert _kind_of(t3, "U.S. Army") == {"boilerplate"}
    assert _kind_of(t3, "Josef Stalin and Franklin Roosevelt at\nthe Tehran Conference, 1943.") == {
        "caption"
    }
    assert _kind_of(t3, "Most Recent Beyond The Headlines") == {"boilerplate"}
    assert _kind_of(t3, "See the findingDulcinea Web Guide") == {"boilerplate"}
    assert _kind_of(t2, "November 16, 1933\nThe United States") <= CONTENT_REGIONS
    t5 = texts["05.txt"]
    assert mark_text_regions(t5)[0].kind == "metadata"
    # every long prose paragraph is narrative
    for text in texts.values():
        for r in mark_text_regions(text):
            if r.end - r.start > 400 and not text[r.start : r.end].startswith("---"):
                assert r.kind == "narrative", text[r.start : r.start + 60]


def test_development_pages_gold_non_events_are_not_content() -> None:
    import json

    gold = json.loads(shared_path("eval", "gold", "us_soviet_1933.json").read_text("utf-8"))
    docs = shared_path("eval", "docs")
    for ne in gold["non_events"]:
        text = _read(docs / ne["file"])
        kinds = _kind_of(text, ne["quote"])
        assert not kinds & CONTENT_REGIONS, (ne["quote"], kinds)


# ----------------------------------------------------------------------------- property

_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "---",
            "# Heading",
            "- item",
            "**1961**",
            "#tag #tag2",
            "Source: x",
            "by Jane Doe",
            "November 9, 1989",
            "Top Stories",
            "a, b, c",
            "Photo: AP",
            "> quote",
            "",
            "   ",
            "\r",
            "text ending with the",
            "lower continuation.",
            "1. one",
            "|a|b|",
            "Caption: some words about a picture here",
            "![alt](src)",
            "+++",
            "...",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
def test_regions_partition_any_text(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    assert_partition(text, mark_text_regions(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_regions_partition_arbitrary_unicode(text: str) -> None:
    assert_partition(text, mark_text_regions(text))


def test_cookie_banner_heading_is_not_the_title() -> None:
    text = (
        "Cookies on this ministry website\n"
        "We use some essential cookies to make this website work.\n\n"
        "Home › Archive › Past envoys\n\n"
        "Diplomacy\n\n"
        "Otto Keller and the Danish crisis of 1864\n\n"
        "Otto Keller was sent to Copenhagen in March 1864 to negotiate a truce with the Danes.\n"
    )
    kinds = {text[r.start : r.end]: r.kind for r in mark_text_regions(text)}
    assert kinds["Cookies on this ministry website"] == "boilerplate"
    assert kinds["Diplomacy"] == "boilerplate"  # a one-word section label under the menu
    assert kinds["Otto Keller and the Danish crisis of 1864"] == "title"
