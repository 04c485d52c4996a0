"""Web debris in general: our own pages (``fixtures/clean``) with their expected debris and
content, single debris lines of many shapes in a neutral page, and content that must stay
content (real headings, sentences that open with a UI word, dated entries)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from histograph.clean import mark_text_regions
from histograph.model import CONTENT_REGIONS, Region

FIX = Path(__file__).parent / "fixtures" / "clean"
PAGES = sorted(p.name.removesuffix(".expect.yaml") for p in FIX.glob("*.expect.yaml"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def _overlapping(text: str, regions: list[Region], start: int, end: int) -> list[Region]:
    """Regions sharing a non-space character with ``[start, end)``."""
    return [
        r
        for r in regions
        if r.start < end and start < r.end and text[max(r.start, start) : min(r.end, end)].strip()
    ]


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    assert out, quote
    return out


def _assert_partition(text: str, regions: list[Region]) -> None:
    pos = 0
    for r in regions:
        assert pos <= r.start < r.end, r
        assert not text[r.start].isspace() and not text[r.end - 1].isspace(), r
        pos = r.end
    covered = {i for r in regions for i in range(r.start, r.end)}
    assert all(c.isspace() or i in covered for i, c in enumerate(text))


# ----------------------------------------------------------------------------- our pages


@pytest.mark.parametrize("page", PAGES)
def test_page_debris_and_content(page: str) -> None:
    """``<page>.expect.yaml``: ``debris`` quotes (first occurrence) lie wholly in non-content
    regions; every occurrence of a ``content`` quote lies wholly in content regions;
    ``kinds`` gives the one kind of the regions a quote (first occurrence) overlaps."""
    text = _read(FIX / f"{page}.txt")
    expect = yaml.safe_load((FIX / f"{page}.expect.yaml").read_text("utf-8"))
    regions = mark_text_regions(text)
    _assert_partition(text, regions)
    for quote in expect.get("debris") or []:
        s, e = _occurrences(text, quote)[0]
        kinds = {r.kind for r in _overlapping(text, regions, s, e)}
        assert not kinds & CONTENT_REGIONS, (quote, kinds)
    for quote in expect.get("content") or []:
        for s, e in _occurrences(text, quote):
            kinds = {r.kind for r in _overlapping(text, regions, s, e)}
            assert kinds <= CONTENT_REGIONS, (quote, kinds)
    for quote, kind in (expect.get("kinds") or {}).items():
        s, e = _occurrences(text, quote)[0]
        assert {r.kind for r in _overlapping(text, regions, s, e)} == {kind}, quote


# ----------------------------------------------------------------------------- single lines

_FRAME = (
    "A Page About the Treaty\n\n"
    "The treaty was signed in the hall of the palace on a warm afternoon in June.\n\n"
    "{line}\n\n"
    "The delegates left the city the next morning and the crowds went home.\n"
)


def _kinds_of_line(line: str, frame: str = _FRAME) -> set[str]:
    text = frame.format(line=line)
    s = text.index(line)
    return {r.kind for r in _overlapping(text, mark_text_regions(text), s, s + len(line))}


DEBRIS_LINES = [
    # cookie and consent banners
    "We use cookies to improve your experience on our site. By continuing to browse you "
    "agree to our Cookie Policy. Accept | Manage preferences",
    "This site uses cookies. By continuing to use this website, you agree to their use. "
    "Close and accept",
    "We and our partners store cookies to personalise content and ads.",
    "By clicking Accept, you consent to the use of all cookies.",
    "Accept all cookies  Cookie settings",
    "Cookie Policy",
    "Manage preferences",
    "Do not sell my personal information",
    # share bars, UI rows, counters
    "Twitter  Facebook  Reddit",
    "Share on X  Share on Facebook  Copy link",
    "Share this:",
    "Share this article",
    "Like  Comment  Share",
    "Like · Reply · 1w",
    "Reply · 2d",
    "Comments (12)",
    "12 Comments",
    "👍❤️ 2.4K · 318 comments · 1.1K shares",
    "Print  Share  Back to top",
    "Like Loading...",
    "Menu  Search",
    "Sign in  Subscribe",
    "Skip to main content",
    "Terms  Privacy  Cookies",
    # breadcrumbs and menus
    "Home > History > Cold War",
    "Home / History / Cold War",
    "Home » World » Europe",
    "Home › Milestones › 1961–1968",
    "News  Sport  Science  History  Culture",
    # link lists and promotions
    "Related articles",
    "Related",
    "More from History",
    "Read more",
    "Read more about the Cold War.",
    "You may also like",
    "Visit our Cold War gallery to see the cockpit of a spy plane. Link in bio.",
    "Explore our archive of wartime photographs.",
    "Follow us on Instagram for more history.",
    "Listen: Inside the war room",
    "Podcast: Empires after the war",
    # newsletters, ads, audio
    "Sign up for our newsletter",
    "Get the best of history delivered straight to your inbox.",
    "Subscribe to our weekly newsletter for more stories like this.",
    "Enter your email address",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Listen to this article",
    "Listen to this article · 6 min",
    "— 3 min read",
    "5 min read",
    # credits, rights, page notices
    "Photo: Keystone/Getty Images",
    "Image: AP Photo/Example Staff",
    "Credit...Example Photo Agency",
    "© 2022 Example Media Ltd",
    "All rights reserved.",
    "Copyright 2021 Example History Society",
    "This article is more than 5 years old.",
    "Image 3 of 12",
    "Hide caption",
    # tags
    "Tags: cold war, berlin, diplomacy",
    "Filed under: Cold War, Diplomacy",
    "Topics  Cold War  Berlin  Germany",
    "Categories: Interwar, US History",
    "#ColdWar #OnThisDay",
    # encyclopedia furniture
    "Jump to navigation  Jump to search",
    "This article is about the treaty of 1648. For the film, see Westphalia (film).",
    "Retrieved from example.org",
]


@pytest.mark.parametrize("line", DEBRIS_LINES)
def test_debris_line_is_not_content(line: str) -> None:
    kinds = _kinds_of_line(line)
    assert kinds and not kinds & CONTENT_REGIONS, kinds


STAMPS = [
    "Updated 28 October 2022, 09:14 GMT",
    "Published: 4 November 2021",
    "Posted on March 3, 2020",
    "Posted on June 30, 2021 by jdoe | 3 Comments",
    "Published 27 Oct 2022, 6:00 AM ET",
    "Last updated: 3 hours ago",
    "Updated: 2022-10-28 09:14",
    "28 June 2019 • 07:00 BST",
]

BYLINES = [
    "By Jane Roe, Diplomatic Correspondent",
    "By Jane Roe and John Smith",
    "By Thomas Example in Paris",
    "Words by Jane Roe",
    "By Jane Roe | 28 October 2022",
    "By Jane Roe · 5 min read",
]

_HEAD = "A Page About the Treaty\n{line}\n\nThe treaty was signed in the hall of the palace.\n"


@pytest.mark.parametrize("line", STAMPS)
def test_publication_stamps(line: str) -> None:
    assert _kinds_of_line(line, _HEAD) == {"dateline"}


@pytest.mark.parametrize("line", BYLINES)
def test_bylines(line: str) -> None:
    assert _kinds_of_line(line, _HEAD) == {"byline"}


CONTENT_LINES = [
    "What happened?",
    "Background",
    "Aftermath",
    "Terms",
    "Reactions",
    "Discussion",
    "Legacy",
    "- 1962: The crisis begins.",
    "1871 - Proclamation of the German Empire at Versailles",
    "Terms of the treaty were harsh for Germany.",
    "Loading of the ships began on 3 May 1945.",
    "Related talks continued in Geneva in 1963.",
    "Sponsored by the League, the talks opened in 1921.",
    "By continuing the blockade, Kennedy kept up the pressure on Moscow.",
    "Comments by the ambassador angered Moscow.",
    "Visitors to the museum can still see the cockpit.",
    "Signed\t28 June 1919",
    "The share of exports fell sharply after 1930.",
]


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_content_line_stays_content(line: str) -> None:
    kinds = _kinds_of_line(line)
    assert kinds and kinds <= CONTENT_REGIONS, kinds


# ----------------------------------------------------------------------------- context


def test_site_header_above_the_title() -> None:
    text = (
        "This site uses cookies. By continuing to use this website, you agree to their use. OK\n"
        "The Example Review\nEssays on war and peace, 1900-2000\nHome  About  Archive  Contact\n\n"
        "Why the Treaty Failed\n\nPosted on May 2, 2020 by someone\n\n"
        "The treaty was signed in June 1919 and rejected by the Senate in November.\n"
    )
    regions = mark_text_regions(text)
    kinds = {text[r.start : r.end]: r.kind for r in regions}
    assert kinds["The Example Review"] == "boilerplate"
    assert kinds["Essays on war and peace, 1900-2000"] == "boilerplate"
    assert kinds["Why the Treaty Failed"] == "title"


def test_page_title_repeated_above_navigation_is_kept() -> None:
    text = (
        "Peace of Example\nFrom Exampledia, the open encyclopedia\n"
        "Jump to navigation  Jump to search\nPeace of Example\nSigned\t1 May 1700\n"
        "The Peace of Example ended the war between the two crowns in 1700.\n"
    )
    kinds = [(text[r.start : r.end], r.kind) for r in mark_text_regions(text)]
    assert kinds[0] == ("Peace of Example", "title")
    assert kinds[1] == ("From Exampledia, the open encyclopedia", "boilerplate")
    assert ("Peace of Example", "heading") in kinds


def test_section_label_in_capitals_above_the_title() -> None:
    text = "Menu  Search\n\nCOLD WAR\n\nThe Night the Wall Opened\n\nThe border opened in 1989.\n"
    kinds = {text[r.start : r.end]: r.kind for r in mark_text_regions(text)}
    assert kinds["COLD WAR"] == "boilerplate"
    assert kinds["The Night the Wall Opened"] == "title"


def test_breadcrumb_keeps_the_page_name_as_content() -> None:
    text = "Home › Milestones › 1961–1968 › The Wall Crisis, August 1961\n\nThe Wall Crisis\n"
    got = [(r.kind, text[r.start : r.end]) for r in mark_text_regions(text)]
    assert got[0] == ("boilerplate", "Home › Milestones › 1961–1968 ›")
    assert got[1] == ("heading", "The Wall Crisis, August 1961")


def test_title_quoted_in_a_comment_header_stays_content() -> None:
    text = (
        "Why the Treaty Failed\n\n"
        "The treaty was signed in June 1919 and rejected by the Senate in November 1919. "
        "The vote followed months of bitter debate in Washington.\n\n"
        '3 thoughts on "Why the Treaty Failed"\n\nAnne P.\nGreat post, thank you.\nReply\n'
    )
    got = [(r.kind, text[r.start : r.end]) for r in mark_text_regions(text)]
    assert ("heading", "Why the Treaty Failed") in got[1:]
    assert ("boilerplate", '3 thoughts on "') in got
    assert ("boilerplate", "Anne P.") in got
    assert ("boilerplate", "Great post, thank you.") in got


def test_comment_marker_near_the_byline_does_not_swallow_the_article() -> None:
    text = (
        "The Night the Wall Opened\n\nA confused announcement changed Europe overnight.\n\n"
        "By Jane Roe\nComments (3)\n\n"
        "On 9 November 1989 the border crossings in Berlin were opened after a press "
        "conference. Crowds gathered at the checkpoints within hours.\n\n"
        "By midnight the guards at Bornholmer Strasse had given way and opened the gate.\n"
    )
    regions = mark_text_regions(text)
    s = text.index("On 9 November")
    assert {r.kind for r in _overlapping(text, regions, s, s + 40)} == {"narrative"}
    s = text.index("By midnight")
    assert {r.kind for r in _overlapping(text, regions, s, s + 40)} == {"narrative"}


def test_related_list_items_are_debris_and_the_list_ends_at_a_blank_line() -> None:
    text = (
        "The Night the Wall Opened\n\n"
        "On 9 November 1989 the border crossings in Berlin were opened after a press "
        "conference.\n\nRelated articles\nHow the Wall was built\nThe Stasi files, revisited\n\n"
        "The next day crowds began to chip pieces from the Wall at the Brandenburg Gate.\n"
    )
    kinds = {text[r.start : r.end]: r.kind for r in mark_text_regions(text)}
    assert kinds["How the Wall was built"] == "boilerplate"
    assert kinds["The Stasi files, revisited"] == "boilerplate"
    assert (
        kinds["The next day crowds began to chip pieces from the Wall at the Brandenburg Gate."]
        == "narrative"
    )


def test_social_account_name_and_stamp() -> None:
    text = "Example Air Museum\nOctober 27 at 9:00 AM · 🌐\nOn this day in 1962 a spy plane was lost.\n"
    got = [(r.kind, text[r.start : r.end]) for r in mark_text_regions(text)]
    assert got[0] == ("byline", "Example Air Museum")
    assert got[1] == ("dateline", "October 27 at 9:00 AM · 🌐")
    assert got[2][0] == "narrative"


def test_infobox_metadata_rows() -> None:
    text = "Treaty of Example\nSigned\t1 May 1700\nLanguages\tLatin, French\nDepositary\tThe Crown\n"
    kinds = {text[r.start : r.end]: r.kind for r in mark_text_regions(text)}
    assert kinds["Signed\t1 May 1700"] in CONTENT_REGIONS
    assert kinds["Languages\tLatin, French"] == "metadata"
    assert kinds["Depositary\tThe Crown"] == "metadata"


# ----------------------------------------------------------------------------- corpora


def test_development_gold_mentions_stay_content() -> None:
    """No gold event mention of the development corpus touches a non-content region."""
    import json

    gold = json.loads(shared_path("eval", "gold", "us_soviet_1933.json").read_text("utf-8"))
    docs = shared_path("eval", "docs")
    regions = {f: mark_text_regions(_read(docs / f)) for f in gold["files"]}
    for event in gold["events"]:
        for m in event["mentions"]:
            text = _read(docs / m["file"])
            for s, e in _occurrences(text, m["quote"]):
                kinds = {r.kind for r in _overlapping(text, regions[m["file"]], s, e)}
                assert kinds <= CONTENT_REGIONS, (m["quote"], kinds)


# ----------------------------------------------------------------------------- property

_WEB_LINE = st.sampled_from(
    [
        "Like  Comment  Share",
        "Related articles",
        "Comments (12)",
        "Most relevant",
        "Reply · 2d",
        "Signed\t28 June 1919",
        "Languages\tFrench",
        "Home › A › B › A long page title for this page",
        "COLD WAR",
        "3h · 🌐",
        '3 thoughts on "A Title Here"',
        "A Title Here",
        "We use cookies. By continuing you agree to our Cookie Policy.",
        "Posted on June 30, 2021 by x | 3 Comments",
        "Prose sentence that is long enough to count as the body of the page.",
        "",
        "  ",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_WEB_LINE, st.text(max_size=40)), max_size=14),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_regions_partition_web_pages(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    _assert_partition(text, mark_text_regions(text))
