"""Regions: mark boilerplate, UI debris, captions, bylines … (never delete; offsets stay valid).

:func:`mark_regions` partitions a document's text into typed :class:`~histograph.model.Region`
spans. Every non-whitespace character lies in exactly one region; regions are sorted and
do not overlap; their offsets index the stored text exactly.

How it works, line by line (all phrase lists and patterns live in ``data/boilerplate.yaml``):

1. Front matter (YAML or JSON between ``---`` lines, or TOML between ``+++``) at the top of
   the text is one ``metadata`` region, whatever the file's format.
2. Physical lines are joined into *logical lines* where a sentence was hard-wrapped (the line
   ends without final punctuation and on a comma, hyphen or function word, or the next line
   starts in lower case). A wrapped caption or paragraph thus becomes one region.
3. Each logical line gets a kind from its own text: Markdown headings, block quotes, list
   items, bold-only lines (``**1933**``), hashtag and keyword lines, source attributions,
   image credits, bylines, date stamps (also compound ones: "Posted on … by … | 3
   Comments"), infobox metadata rows, navigation/UI/promotion debris (phrases, prefixes,
   patterns such as cookie banners and newsletter sign-ups, menus and breadcrumbs whose
   items are separated by ``|``, ``›``, ``·`` … or by runs of spaces, and lines made only
   of UI words and counters: "Like  Comment  Share", "Reply · 2d", "Comments (214)"),
   short title-like lines (headings) and prose (narrative).
4. Page furniture (after the credit and caption rules of 5, before the title is chosen): the site's header (short lines above the last
   navigation line before the article, when a title-like line follows it: site name,
   tagline, banners; a line repeating that title or naming a date is kept), a section
   label in capitals right above the title, a social post's account name above its time
   stamp, the headline-like items of a "Related articles" / "More from …" list, readers'
   comments after a comment-section marker (when short next to the article), and the
   footer's headline-like lines after the last paragraph and a share/print bar. The page's
   own title quoted inside a debris line, and the page's name at the end of a breadcrumb,
   stay content (a ``heading`` region cut out of the debris line).
5. Context: a short line right after a keyword line or a credit is an image credit; the line
   after (or right before) a credit is a caption; the first title-like line near the top,
   before any prose, is the page ``title``. A date-only line is a ``dateline`` (publication
   stamp) when it has a time of day or a "Published/Updated" label, stands next to a byline,
   or is the document's only date line right under the title (and not the title's own
   date); any other date-only line is a ``heading`` (a date heading of a timeline or card).
6. Inside a narrative line, a leading run of hashtags, and a trailing run of hashtags and/or a
   short "Source: …" attribution, are cut out as their own ``tags`` / ``source`` regions.
7. Reference markers inside content lines ("[4]", "[citation needed]", "Paris3 was", "the
   War.2 It") are cut out as ``boilerplate`` regions (:mod:`histograph.footnotes`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .datafile import load_yaml
from .footnotes import find_markers
from .model import CONTENT_REGIONS, Document, Region, RegionKind
from .registry import stage

if TYPE_CHECKING:
    from .state import DocState

__all__ = ["clean_stage", "mark_regions", "mark_text_regions", "title_text"]


# --------------------------------------------------------------------------- rules (data)


def _norm(s: str) -> str:
    """Lower case, punctuation to spaces, collapsed: the form phrase lists are compared in."""
    return " ".join(re.sub(r"[\W_]+", " ", s.lower()).split())


@dataclass(frozen=True)
class _Rules:
    phrases: frozenset[str]
    prefixes: tuple[str, ...]
    prefix_max_words: int
    patterns: tuple[re.Pattern[str], ...]
    nav_split: re.Pattern[str]
    nav_min_items: int
    nav_max_words: int
    credit_label: tuple[re.Pattern[str], ...]
    credit_name: tuple[re.Pattern[str], ...]
    credit_max_words: int
    contextual_credit_max_words: int
    caption_prefix: re.Pattern[str]
    caption_max_words: int
    source_line: re.Pattern[str]
    source_tail: re.Pattern[str]
    source_max_words: int
    credit_tail: re.Pattern[str]
    byline: re.Pattern[str]
    byline_max_words: int
    byline_not_names: frozenset[str]
    dateline_prefix: re.Pattern[str]
    date_words: frozenset[str]
    months: frozenset[str]
    tag_label: re.Pattern[str]
    keyword_min_items: int
    keyword_max_words: int
    continuation_words: frozenset[str]
    heading_max_words: int
    title_max_words: int
    title_max_chars: int
    title_search_lines: int
    meta_split: re.Pattern[str]
    nav_chars: frozenset[str]  # characters of the menu separators
    crumb_split: re.Pattern[str]
    crumb_chars: frozenset[str]
    ui_vocab: frozenset[str]
    ui_max_len: int
    related_headers: frozenset[str]
    related_header_prefixes: tuple[str, ...]
    related_header_max_words: int
    related_item_max_words: int
    comment_markers: frozenset[str]
    comment_marker_patterns: tuple[re.Pattern[str], ...]
    comment_zone_max_share: float
    infobox_metadata_labels: frozenset[str]
    social_stamps: tuple[re.Pattern[str], ...]
    social_name_max_words: int
    masthead_words: frozenset[str]
    share_words: frozenset[str]
    kicker_max_words: int
    body_min_words: int


def _alt(items: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({i.strip() for i in items if i.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/boilerplate.yaml").read_text("utf-8")
    )
    pre = raw["boilerplate_prefixes"]
    seps = raw["nav_separators"]
    # "/" and ">" only count as separators with spaces around them (not in URLs or dates)
    sep_re = "|".join(
        (rf"\s+{re.escape(s)}\s+" if s in {"/", ">", "–"} else rf"\s*{re.escape(s)}\s*")
        for s in seps
    )
    # a run of two or more spaces also separates the items of a menu or share bar
    # ("Menu  Search", "Like  Comment  Share"); a tab does not (tables, infoboxes)
    meta_re = rf"{sep_re}|[ \u00a0]{{2,}}"
    crumb_re = "|".join(rf"\s+{re.escape(s)}\s*" for s in raw["breadcrumb_separators"])
    phrases = frozenset(_norm(p) for p in raw["boilerplate_phrases"])
    vocab = phrases | frozenset(_norm(w) for w in raw["ui_words"])
    months = frozenset(m.lower() for m in raw["month_names"])
    weekdays = frozenset(w.lower() for w in raw["weekday_names"])
    src_labels = _alt(raw["source_labels"])
    return _Rules(
        phrases=phrases,
        prefixes=tuple(_norm(p) for p in pre["items"]),
        prefix_max_words=int(pre["max_words"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["boilerplate_patterns"]),
        nav_split=re.compile(sep_re),
        nav_min_items=int(raw["nav_min_items"]),
        nav_max_words=int(raw["nav_max_words"]),
        credit_label=tuple(re.compile(p, re.IGNORECASE) for p in raw["credit_patterns"][:3]),
        credit_name=tuple(re.compile(p, re.IGNORECASE) for p in raw["credit_patterns"][3:]),
        credit_max_words=int(raw["credit_max_words"]),
        contextual_credit_max_words=int(raw["contextual_credit_max_words"]),
        caption_prefix=re.compile(
            rf"^\s*(?:{_alt(raw['caption_prefixes'])})\s*:\s*\S", re.IGNORECASE
        ),
        caption_max_words=int(raw["caption_max_words"]),
        source_line=re.compile(rf"^\s*(?:{src_labels})\s*:\s*\S|^\s*via\s+[@\w]", re.IGNORECASE),
        source_tail=re.compile(
            rf"(?:^|\s)((?:{src_labels})\s*:\s*[^\s:][^:]*?)\s*$", re.IGNORECASE
        ),
        source_max_words=int(raw["source_max_words"]),
        credit_tail=re.compile(raw["credit_tail_pattern"], re.IGNORECASE),
        byline=re.compile(rf"^\s*(?:{_alt(raw['byline_prefixes'])})\s*:?\s+(\S.*)$", re.IGNORECASE),
        byline_max_words=int(raw["byline_max_words"]),
        byline_not_names=frozenset(w.lower() for w in raw["byline_not_names"]) | months,
        dateline_prefix=re.compile(
            rf"^\s*(?:{_alt(raw['dateline_prefixes'])})\b\s*:?\s*", re.IGNORECASE
        ),
        date_words=months | weekdays | frozenset(w.lower() for w in raw["dateline_words"]),
        months=months,
        tag_label=re.compile(
            rf"^\s*(?:{_alt(raw['tag_labels'])})(?:\s*:|\t|[ \u00a0]{{2,}}(?=\S))", re.IGNORECASE
        ),
        keyword_min_items=int(raw["keyword_min_items"]),
        keyword_max_words=int(raw["keyword_max_words"]),
        continuation_words=frozenset(w.lower() for w in raw["continuation_words"]),
        heading_max_words=int(raw["heading_max_words"]),
        title_max_words=int(raw["title_max_words"]),
        title_max_chars=int(raw["title_max_chars"]),
        title_search_lines=int(raw["title_search_lines"]),
        meta_split=re.compile(meta_re),
        nav_chars=frozenset("".join(seps)),
        crumb_split=re.compile(crumb_re),
        crumb_chars=frozenset("".join(raw["breadcrumb_separators"])),
        ui_vocab=vocab,
        ui_max_len=max(len(v.split()) for v in vocab),
        related_headers=frozenset(_norm(h) for h in raw["related_headers"]),
        related_header_prefixes=tuple(_norm(h) for h in raw["related_header_prefixes"]),
        related_header_max_words=int(raw["related_header_max_words"]),
        related_item_max_words=int(raw["related_item_max_words"]),
        comment_markers=frozenset(_norm(m) for m in raw["comment_markers"]),
        comment_marker_patterns=tuple(
            re.compile(p, re.IGNORECASE) for p in raw["comment_marker_patterns"]
        ),
        comment_zone_max_share=float(raw["comment_zone_max_share"]),
        infobox_metadata_labels=frozenset(_norm(w) for w in raw["infobox_metadata_labels"]),
        social_stamps=tuple(re.compile(p, re.IGNORECASE) for p in raw["social_stamp_patterns"]),
        social_name_max_words=int(raw["social_name_max_words"]),
        masthead_words=frozenset(_norm(w) for w in raw["masthead_words"]),
        share_words=frozenset(_norm(w) for w in raw["share_words"]),
        kicker_max_words=int(raw["kicker_max_words"]),
        body_min_words=int(raw["body_min_words"]),
    )


# --------------------------------------------------------------------------- lines

_CONTENT_LINE = re.compile(r"[^\r\n]+")
_ATX = re.compile(r"^#{1,6}(?:\s+\S|$)")
_LIST = re.compile(r"^(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)])\s+\S")
_QUOTE = re.compile(r"^>")
_BOLD_ONLY = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*:?\s*$", re.DOTALL)
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$|^\[(?:image|photo|picture|img)\b[^\]]*\]\s*$", re.I)
_HASHTAG = r"#\w[\w-]*"
_HASHTAG_LINE = re.compile(rf"^(?:(?:{_HASHTAG})[\s,;.]*)+$")
_LEADING_TAGS = re.compile(rf"^(?:(?:{_HASHTAG})[\s,;]*)+(?:{_HASHTAG})|^(?:{_HASHTAG})")
_TRAILING_TAGS = re.compile(rf"(?:^|\s)((?:(?:{_HASHTAG})[\s,;]*)*(?:{_HASHTAG}))[\s.!]*$")
_YEAR_ONLY = re.compile(
    r"^(?:\d{1,4}s?|\d{1,4}\s*(?:–|-|to)\s*\d{1,4}|\d{1,2}(?:st|nd|rd|th)\s+century)"
    r"(?:\s*(?:bce?|ad|ce))?\s*:?$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…;][\"'”’»)\]]*$")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b\d{4}-\d{2}-\d{2}T")
_TIME = re.compile(
    r"(?<![\d.])\b\d{1,2}[:.]\d{2}\b(?![.:]?\d)|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)", re.IGNORECASE
)
_YEAR = re.compile(r"\b\d{4}\b")
_ISO_DATETIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


@dataclass
class _Line:
    start: int  # trimmed span of the logical line in the document text
    end: int
    text: str  # the document text of [start, end) (may contain line breaks when joined)
    blank_before: bool  # a blank line (or the start of the text) precedes it
    indented: bool  # the first physical line starts with whitespace
    kind: str = "narrative"  # base kind, then contextual kind
    is_credit: bool = False
    is_keywords: bool = False
    is_nav: bool = False  # site navigation (menus, skip links, sign-in, cookie banner)
    is_ui: bool = False  # a line made only of UI words and counters
    is_related: bool = False  # the header of a list of links to other pages
    is_social_stamp: bool = False  # a social post's time stamp
    keep: tuple[int, int] | None = None  # a span of a debris line that stays content


def _single(t: str) -> str:
    """The line's text with its line breaks (not its inner runs of spaces) collapsed."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", t)


def _physical_lines(text: str, start: int) -> list[_Line]:
    out: list[_Line] = []
    prev_end = start
    first = True
    for m in _CONTENT_LINE.finditer(text, start):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        s = m.start() + (len(chunk) - len(chunk.lstrip()))
        e = s + len(stripped)
        gap = text[prev_end : m.start()]
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        out.append(_Line(s, e, stripped, first or breaks >= 2, s > m.start()))
        prev_end = m.end()
        first = False
    return out


def _front_matter(text: str) -> tuple[int, int] | None:
    """Span of a front-matter block at the top of the text (``---``/``+++`` fenced)."""
    m = re.match(r"\A\s*(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)", text)
    if not m:
        return None
    fence = m.group(1)
    closing = re.compile(rf"^[ \t]*(?:{re.escape(fence)}|\.\.\.)[ \t\r]*$", re.MULTILINE)
    c = closing.search(text, m.end())
    if c is None or text.count("\n", m.end(), c.start()) > 300:
        return None
    start = len(text) - len(text.lstrip())
    end = c.start() + len(c.group().rstrip())
    return start, end


def _structural(line: _Line) -> bool:
    t = line.text
    return bool(
        _ATX.match(t)
        or _QUOTE.match(t)
        or _LIST.match(t)
        or _BOLD_ONLY.match(t)
        or _IMAGE.match(t)
        or t.startswith("|")
        or _HASHTAG_LINE.match(t)
    )


#: a chronology entry: a line that opens with its own year or month and day, then the entry
#: ("1903- The brothers fly", "258 The pope dies", "Sep 27 The fleet sails")
_ENTRY_START = re.compile(
    r"^[ \t]*(?:\d{1,4}(?:[-–]\d{1,4})?(?:[ \t]*(?:BC|BCE|AD|CE)\b)?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})"
    r"(?:[ \t]*[-–—:][ \t]*|[ \t]+)[\"“‘'(]?[A-Z]"
)


def _continues(a: _Line, b: _Line, rules: _Rules) -> bool:
    """True when ``b`` continues the sentence of ``a`` (a hard-wrapped line)."""
    if b.blank_before or _structural(b):
        return False
    if _ENTRY_START.match(b.text) and _ENTRY_START.match(a.text):
        return False  # one chronology entry per line
    if "\t" in a.text or "\t" in b.text:
        return False  # table and infobox rows stand alone
    if _ATX.match(a.text) or _BOLD_ONLY.match(a.text) or _IMAGE.match(a.text):
        return False
    if _TERMINAL.search(a.text) or a.text.endswith(":"):
        return False
    if _stands_alone(a.text, rules, strict=True) or _stands_alone(b.text, rules, strict=False):
        return False
    if (_LIST.match(a.text) or _QUOTE.match(a.text)) and not b.indented:
        # a list item or quote goes on only on an indented (or lazily wrapped lower-case) line
        return b.text[:1].islower()
    last = a.text.split()[-1].lower().strip("\"'“”‘’()")
    if a.text.endswith((",", "-", "–", "—")) or last in rules.continuation_words:
        return True
    if _stands_alone(b.text, rules, strict=True):
        return False
    if b.text[:1].islower():
        return True
    # a long line broken mid-sentence (hard-wrapped prose, not one paragraph per line)
    # (the next line is long too, or ends the sentence: not a short title-like line)
    last_physical = a.text.rsplit("\n", 1)[-1].strip()
    return (
        60 <= len(last_physical) <= 100
        and a.text[-1:].islower()
        and (len(b.text) >= 40 or bool(_TERMINAL.search(b.text)))
    )


#: only the start of a line is read to tell whether it stands alone (bylines, credits, stamps
#: and debris lines are short); with the cache below, joining many lines stays linear
STANDS_ALONE_CHARS = 400


def _stands_alone(t: str, rules: _Rules, strict: bool) -> bool:
    """A line that is never the continuation of a wrapped sentence: a byline, attribution,
    tag list or credit; with ``strict``, also a date stamp or a short debris line."""
    t = _flat(t[:STANDS_ALONE_CHARS])
    if rules is _rules():
        return _stands_alone_default(t, strict)
    return _stands_alone_flat(t, rules, strict)


@lru_cache(maxsize=4096)
def _stands_alone_default(t: str, strict: bool) -> bool:
    return _stands_alone_flat(t, _rules(), strict)


def _stands_alone_flat(t: str, rules: _Rules, strict: bool) -> bool:
    if (
        _is_byline(t, rules)
        or _is_source(t, rules)
        or bool(rules.tag_label.match(t))
        or any(p.search(t) for p in rules.credit_label)
    ):
        return True
    return strict and (
        _is_dateline(t, rules)
        or (len(t.split()) <= 4 and _is_boilerplate(t, rules))
        or any(p.search(t) for p in rules.patterns)
    )


#: a logical line (physical lines joined as one wrapped sentence or paragraph) stops growing
#: past this many characters: each join re-reads the line, so thousands of short lines that
#: all "continue" (a key: value dump, a word list) would otherwise cost quadratic time
MAX_LOGICAL_LINE = 3000


def _logical_lines(text: str, lines: list[_Line], rules: _Rules) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        if out and len(out[-1].text) <= MAX_LOGICAL_LINE and _continues(out[-1], line, rules):
            prev = out[-1]
            prev.end = line.end
            prev.text = text[prev.start : prev.end]
            continue
        out.append(line)
    return out


# --------------------------------------------------------------------------- classifiers


def _flat(s: str) -> str:
    return " ".join(s.split())


def _is_boilerplate(t: str, rules: _Rules) -> bool:
    n = _norm(t)
    if not n:
        # punctuation/symbols only: decoration unless a list marker-ish bullet
        return True
    if n in rules.phrases:
        return True
    nw = len(n.split())
    # a prefix marks a short UI line, not a sentence ("Terms of the treaty were harsh.")
    if nw <= rules.prefix_max_words and not (nw >= 5 and _TERMINAL.search(t.strip())):
        for p in rules.prefixes:
            if n == p or n.startswith(p + " "):
                return True
    if any(p.search(t) for p in rules.patterns):
        return True
    if _is_ui(n, rules):
        return True
    return _is_menu(t, rules)


def _is_menu(t: str, rules: _Rules, split: re.Pattern[str] | None = None) -> bool:
    """A menu or breadcrumb: at least ``nav_min_items`` short items between separators."""
    if len(t) > 400 or not (rules.nav_chars.intersection(t) or "  " in t):
        return False
    items = [i for i in (split or rules.meta_split).split(t) if i.strip()]
    return len(items) >= rules.nav_min_items and all(
        len(i.split()) <= rules.nav_max_words and not _TERMINAL.search(i.strip()) for i in items
    )


# a counter ("318", "2 4k" from "2.4K", "214") or a relative time ("2d", "5h");
# a four-digit number is a year, never a counter
_COUNTER = re.compile(r"^(?:\d{1,3}|\d{5,}|\d+[kmb]|\d+(?:s|m|h|d|w|y|mo|hr|hrs|yr|yrs|min|mins))$")


def _is_ui(n: str, rules: _Rules) -> bool:
    """True when the normalised line is a sequence of at least two UI pieces (phrases,
    UI words, counters), at least one of them a word: "like comment share", "reply 2d"."""
    toks = n.split()
    if not toks or len(toks) > 24:
        return False
    size = len(toks)
    start = (0, 0, False)
    seen = {start}
    todo = [start]
    while todo:
        pos, count, word = todo.pop()
        if pos == size:
            if count >= 2 and word:
                return True
            continue
        nxt: list[tuple[int, int, bool]] = []
        if _COUNTER.match(toks[pos]):
            nxt.append((pos + 1, min(count + 1, 2), word))
        for ln in range(1, min(rules.ui_max_len, size - pos) + 1):
            if " ".join(toks[pos : pos + ln]) in rules.ui_vocab:
                nxt.append((pos + ln, min(count + 1, 2), True))
        for st in nxt:
            if st not in seen:
                seen.add(st)
                todo.append(st)
    return False


def _breadcrumb_tail(text: str, rules: _Rules) -> int | None:
    """Offset (in ``text``) of the last item of a breadcrumb trail whose last item is the
    page's (long) name: ``Home › Section › 1961–1968 › The Page Title``; else None."""
    if "\n" in text or "\r" in text or not rules.crumb_chars.intersection(text):
        return None
    seps = list(rules.crumb_split.finditer(text))
    if len(seps) < 2:
        return None
    items = [text[: seps[0].start()]] + [
        text[a.end() : b.start()] for a, b in itertools.pairwise(seps)
    ]
    last = text[seps[-1].end() :].strip()
    if not last or any(
        not i.strip() or len(i.split()) > rules.nav_max_words or _TERMINAL.search(i.strip())
        for i in items
    ):
        return None
    if len(last.split()) <= rules.nav_max_words or len(last.split()) > rules.title_max_words:
        return None
    return seps[-1].end()


def _is_related_header(t: str, rules: _Rules) -> bool:
    n = _norm(t)
    if not n or len(n.split()) > rules.related_header_max_words:
        return False
    if n in rules.related_headers:
        return True
    return any(n.startswith(p + " ") for p in rules.related_header_prefixes) and not re.search(
        r":\s*\S", t
    )


def _is_comment_marker(t: str, rules: _Rules) -> bool:
    if len(t.split()) > rules.title_max_words + 5:
        return False
    if any(p.search(t) for p in rules.comment_marker_patterns):
        return True
    if len(t.split()) > 6:
        return False
    n = " ".join(w for w in _norm(t).split() if not w.isdigit())
    return n in rules.comment_markers


def _meta_compound(raw: str, rules: _Rules) -> str | None:
    """A line of several stamp/byline/UI items ("Posted on June 30, 2021 by x | 3 Comments",
    "By Jane Roe · 5 min read"): the kind of its first byline or date item, else None."""
    if len(raw) > 200 or not (rules.nav_chars.intersection(raw) or "  " in raw):
        return None
    items = [_flat(i) for i in rules.meta_split.split(raw) if i.strip()]
    if len(items) < 2:
        return None
    kinds: list[str] = []
    for item in items:
        if _is_byline(item, rules):
            kinds.append("byline")
        elif _is_dateline(item, rules):
            kinds.append("dateline")
        elif _is_boilerplate(item, rules):
            kinds.append("boilerplate")
        else:
            return None
    return next((k for k in kinds if k != "boilerplate"), None)


def _is_source(t: str, rules: _Rules) -> bool:
    return bool(rules.source_line.match(t)) and len(t.split()) <= 30


def _is_credit(t: str, rules: _Rules) -> bool:
    nw = len(t.split())
    if nw > rules.credit_max_words:
        return False
    if any(p.search(t) for p in rules.credit_label):
        return True
    if _TERMINAL.search(t) and nw > 4:
        return False
    return any(p.search(t) for p in rules.credit_name)


def _is_caption_labelled(t: str, rules: _Rules) -> bool:
    if not rules.caption_prefix.match(t):
        return False
    rest = t.split(":", 1)[1]
    return 5 <= len(rest.split()) <= rules.caption_max_words


def _is_byline(t: str, rules: _Rules) -> bool:
    m = rules.byline.match(t)
    if not m or len(t.split()) > rules.byline_max_words:
        return False
    rest = m.group(1)
    first = rest.split()[0].strip("\"'“”‘’(")
    word = first.strip(".,").lower()
    if not word or (len(word) > 1 and word in rules.byline_not_names):
        return False
    if first[0].isdigit() or not (first.startswith("@") or any(c.isupper() for c in first)):
        return False
    # a sentence ("By Soviet standards, the crossing was small.") is not a byline
    return not (t.endswith(".") and len(t.split()[-1]) > 3)


def _is_dateline(t: str, rules: _Rules) -> bool:
    flat = _flat(t)
    if len(flat) > 80:
        return False
    m = rules.dateline_prefix.match(flat)
    prefixed = bool(m and m.end() > 0 and m.group().strip())
    body = flat[m.end() :] if m else flat
    if prefixed:  # "Posted on June 30, 2021 by jdoe", "Published 3 May 2020 in History"
        body = re.sub(r"\s+(?:by|in)\s+\S.{0,60}$", "", body)
    body = _ISO_DATETIME.sub(" 2000-01-01 ", body)
    if not body or not re.search(r"\d", body):
        return False
    tokens = re.findall(r"[^\W\d_]+", body.lower())
    if any(tok not in rules.date_words for tok in tokens):
        return False
    has_month = any(tok in rules.months for tok in tokens)
    if _NUMERIC_DATE.search(body):
        return True
    if has_month and (_YEAR.search(body) or _TIME.search(body)):
        return True
    return prefixed


def _is_keywords(t: str, rules: _Rules) -> bool:
    if rules.tag_label.match(t):
        return True
    if any(c.isupper() for c in t) or _TERMINAL.search(t):
        return False
    items = [i.strip() for i in t.split(",")]
    return (
        len(items) >= rules.keyword_min_items
        and all(1 <= len(i.split()) <= rules.keyword_max_words for i in items)
        and not re.search(r"\d{3,}", t)
    )


def _is_heading_like(t: str, max_words: int) -> bool:
    words = t.split()
    if not words or len(words) > max_words:
        return False
    if t.endswith((".", ",", ";")) and not t.endswith("..."):
        return False
    if re.match(_HASHTAG, t) or re.search(rf"(?:{_HASHTAG})$", t):
        return False  # a social post line, not a heading
    first = t.lstrip("\"'“‘(*_[")[:1]
    if not first or first in "#@":
        return False
    return first.isupper() or first.isdigit() or not first.isalpha()


def _classify(line: _Line, rules: _Rules) -> None:
    t = _flat(line.text)
    if _ATX.match(t):
        line.kind = "heading"
        return
    if _IMAGE.match(t):
        line.kind = "caption"
        line.is_credit = True  # an image marker: the next short line is its caption
        return
    if _HASHTAG_LINE.match(t):
        line.kind = "tags"
        return
    if _QUOTE.match(t):
        line.kind = "quote"
        return
    raw = _single(line.text)
    if "\t" in raw and _norm(raw.split("\t", 1)[0]) in rules.infobox_metadata_labels:
        line.kind = "metadata"  # an infobox row of page metadata ("Languages<TAB>…")
        return
    if any(p.match(t) for p in rules.social_stamps):
        line.kind = "dateline"
        line.is_social_stamp = True
        return
    body = t
    lm = _LIST.match(t)
    if lm:
        body = re.sub(r"^(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)])\s+", "", t)
        raw = re.sub(r"^(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)])\s+", "", raw)
    plain = body.replace("**", "").replace("__", "").strip()
    raw = raw.replace("**", "").replace("__", "").strip()
    crumb = _breadcrumb_tail(line.text, rules)
    compound = None
    if rules.tag_label.match(raw):
        line.kind = "tags"
        line.is_keywords = True
    elif _is_caption_labelled(plain, rules):
        line.kind = "caption"
    elif _is_source(plain, rules):
        line.kind = "source"
    elif _is_credit(plain, rules):
        line.kind = "boilerplate"
        line.is_credit = True
    elif _is_byline(plain, rules):
        line.kind = "byline"
    elif _YEAR_ONLY.match(plain):
        line.kind = "heading"
    elif _is_dateline(plain, rules):
        line.kind = "dateline"
    elif (compound := _meta_compound(raw, rules)) is not None:
        line.kind = compound
    elif crumb is not None:
        line.kind = "boilerplate"
        line.is_nav = True
        line.keep = (line.start + crumb, line.end)
    elif _is_related_header(plain, rules):
        line.kind = "boilerplate"
        line.is_related = True
    elif _dated_table_row(raw):
        line.kind = "list_item"
    elif _is_boilerplate(plain, rules) or _is_menu(raw, rules):
        line.kind = "boilerplate"
        n = _norm(plain)
        words = set(n.split())
        line.is_ui = n in rules.phrases or _is_ui(n, rules)
        line.is_nav = bool(words & rules.masthead_words) or (
            _is_menu(raw, rules) and not words & rules.share_words
        )
    elif lm:
        line.kind = "list_item"
    elif _BOLD_ONLY.match(t):
        line.kind = "heading"
    elif _is_keywords(plain, rules):
        line.kind = "tags"
        line.is_keywords = True
    elif _is_heading_like(_untail(plain), rules.heading_max_words):
        line.kind = "heading"
    else:
        line.kind = "narrative"


_TABLE_CELL_YEAR = re.compile(r"^(?:.*\D)?\d{3,4}(?:\s*(?:BC|BCE|AD|CE))?\W*$")


def _dated_table_row(raw: str) -> bool:
    """A table row ("| X War | 14 June 1866 | 23 August 1866 | Y |") with a cell that ends
    in a year and a cell of words: a dated entry of a table, not a menu."""
    if not (raw.startswith("|") and raw.rstrip().endswith("|")):
        return False
    cells = [c.strip() for c in raw.strip().strip("|").split("|")]
    dated = [c for c in cells if c and len(c) <= 40 and _TABLE_CELL_YEAR.match(c)]
    worded = [c for c in cells if c not in dated and re.search(r"[A-Za-z]{3,}", c)]
    return bool(dated) and bool(worded)


def _title_like(line: _Line, rules: _Rules) -> bool:
    t = _flat(line.text)
    plain = re.sub(r"^#{1,6}\s+", "", t).replace("**", "").strip()
    if not plain or len(plain) > rules.title_max_chars or _YEAR_ONLY.match(plain):
        return False
    if line.kind == "heading":
        return len(plain.split()) <= rules.title_max_words
    return line.kind == "narrative" and _is_heading_like(plain, rules.title_max_words)


_CONTENT_KINDS = frozenset({"title", "heading", "narrative", "list_item", "caption", "quote"})


def _plain(line: _Line) -> str:
    t = re.sub(r"^#{1,6}\s+", "", _flat(line.text))
    return t.replace("**", "").replace("__", "").strip().rstrip("#").strip()


_TAIL_TAGS = re.compile(rf"(?:\s*{_HASHTAG})+\s*$")


def _untail(t: str) -> str:
    """The text without the reference markers it ends with ("… the war.[4]", "… War.2")."""
    t = t.rstrip()
    while (spans := find_markers(t, max(0, len(t) - 60))) and spans[-1][1] == len(t):
        t = t[: spans[-1][0]].rstrip()
    return t


def _ends_sentence(t: str) -> bool:
    """The text ends a sentence, ignoring trailing hashtags, emoji and other symbols."""
    t = _untail(_TAIL_TAGS.sub("", t.rstrip()))
    while t and (unicodedata.category(t[-1])[0] in "SCZ" or unicodedata.category(t[-1]) == "Mn"):
        t = t[:-1]
    return bool(_TERMINAL.search(t))


def _is_prose(line: _Line, rules: _Rules) -> bool:
    """A real paragraph of the article (not a headline, label or link)."""
    if line.kind in {"list_item", "quote"}:
        return True
    return (
        line.kind == "narrative"
        and len(line.text.split()) >= rules.body_min_words
        and _ends_sentence(line.text)
    )


_RANGE = re.compile(r"\b\d{3,4}\s*[-–—/]\s*\d{2,4}\b")


def _states_date(t: str, rules: _Rules) -> bool:
    """The line names a year or a day of a month (a year range such as a blog's
    "1900-2000" tagline does not count)."""
    t = _RANGE.sub(" ", t)
    if re.search(r"\b1\d{3}\b|\b20\d{2}\b", t):
        return True
    toks = re.findall(r"[^\W\d_]+|\d{1,2}\b", t.lower())
    return any(
        (a in rules.months and b.isdigit()) or (b in rules.months and a.isdigit())
        for a, b in itertools.pairwise(toks)
    )


def _all_caps_label(t: str, rules: _Rules) -> bool:
    letters = [c for c in t if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in t)
        and len(t.split()) <= rules.kicker_max_words
    )


def _debris(line: _Line) -> None:
    line.kind = "boilerplate"


def _page_furniture(lines: list[_Line], rules: _Rules) -> None:
    """Context rules for the page's furniture around the article: the site header above
    the title (site name, tagline, banners, section label), a social post's account name,
    lists of links to other pages, the readers' comments and the footer."""
    n = len(lines)
    body = next((i for i, ln in enumerate(lines) if _is_prose(ln, rules)), n)
    # site header: short lines above the header's last navigation line, when a title-like
    # line follows that navigation (a line repeating that title is kept)
    k = max((i for i in range(body) if lines[i].is_nav), default=-1)
    if k >= 0:
        after = [
            _norm(_plain(ln))
            for ln in lines[k + 1 : body]
            if ln.kind in {"heading", "narrative"} and _title_like(ln, rules)
        ]
        if after:
            for ln in lines[:k]:
                if (
                    ln.kind in _CONTENT_KINDS - {"caption"}
                    and len(ln.text.split()) <= rules.heading_max_words
                    and _norm(_plain(ln)) not in after
                    and not _states_date(_plain(ln), rules)  # a dated line is a page title
                ):
                    _debris(ln)
    # section label (kicker) in capitals right above the title, under the site's header
    head = [i for i in range(k + 1, body) if lines[i].kind in {"heading", "narrative"}]
    if len(head) >= 2 and head[0] > 0 and lines[head[0] - 1].kind not in _CONTENT_KINDS:
        first, second = lines[head[0]], lines[head[1]]
        p1, p2 = _plain(first), _plain(second)
        # (or one word right under the navigation: "History", then the headline)
        one_word = len(p1.split()) == 1 and lines[head[0] - 1].is_nav and len(p2.split()) >= 4
        if (
            (_all_caps_label(p1, rules) or one_word)
            and _title_like(second, rules)
            and not _all_caps_label(p2, rules)
            and len(p2.split()) > len(p1.split())
        ):
            _debris(first)
    # a social post's account name: the short line right above the post's time stamp
    for i, ln in enumerate(lines):
        if not ln.is_social_stamp or i == 0:
            continue
        prev = lines[i - 1]
        words = prev.text.split()
        if (
            prev.kind in _CONTENT_KINDS
            and len(words) <= rules.social_name_max_words
            and (not _TERMINAL.search(prev.text) or len(words) <= 3)
        ):
            prev.kind = "byline"
    # lists of links under a "Related articles" / "More from …" header (below the article
    # start; above it only when a title-like line still follows the list)
    for i, ln in enumerate(lines):
        if not ln.is_related:
            continue
        items: list[_Line] = []
        for j in range(i + 1, n):
            cur = lines[j]
            if cur.blank_before and (items or j > i + 1):
                break
            if cur.kind == "boilerplate":
                continue
            words = cur.text.split()
            if (
                cur.kind not in _CONTENT_KINDS
                or len(words) > rules.related_item_max_words
                or cur.text[:1].islower()
                or (cur.kind != "list_item" and cur.text.rstrip().endswith("."))  # a sentence
                or len(re.findall(r"[.!?](?:\s|$)", cur.text)) > 1
            ):
                break
            items.append(cur)
        if i < body:
            rest = [ln2 for ln2 in lines[i + 1 + len(items) : body] if _title_like(ln2, rules)]
            if len(items) < 2 or not rest:
                continue
        for it in items:
            _debris(it)
            it.is_related = False
    # readers' comments: from a comment-section marker after the article's prose to the
    # end, when that part is short next to the article
    content_words = [len(x.text.split()) if x.kind in _CONTENT_KINDS else 0 for x in lines]
    words_after = [0] * (len(lines) + 1)  # content words from line i to the end
    for i in range(len(lines) - 1, -1, -1):
        words_after[i] = words_after[i + 1] + content_words[i]
    words_before = 0
    for i, ln in enumerate(lines):
        if (
            i > body
            and _is_comment_marker(_flat(ln.text), rules)
            and words_after[i + 1] <= rules.comment_zone_max_share * words_before
        ):
            for x in lines[i:]:
                if x.kind in _CONTENT_KINDS or x.kind == "byline":
                    _debris(x)
            break
        if ln.kind in _CONTENT_KINDS:
            words_before += len(ln.text.split())
    # footer: after the article's last paragraph and a UI line (share/print bar, "Back to
    # top", a link-list header), the remaining headline-like lines are page furniture, up
    # to a date line or a line opening with a number (the dated entries "1871 - …" of an
    # on-this-day list stay content)
    last = max((i for i, ln in enumerate(lines) if _is_prose(ln, rules)), default=-1)
    if last >= 0:
        marker = next(
            (
                i
                for i in range(last + 1, n)
                if lines[i].kind == "boilerplate" and (lines[i].is_ui or lines[i].is_related)
            ),
            None,
        )
        for ln in lines[marker + 1 :] if marker is not None else []:
            if ln.kind == "dateline" or _plain(ln)[:1].isdigit():
                break
            if ln.kind in {"heading", "title", "narrative"}:
                _debris(ln)


def _apply_context(lines: list[_Line], rules: _Rules) -> None:
    # image credits right after a keyword line; captions next to credits / image markers
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        if (
            prev is not None
            and prev.is_keywords
            and not line.blank_before
            and line.kind in {"heading", "narrative"}
            and len(line.text.split()) <= rules.contextual_credit_max_words
            and not _TERMINAL.search(line.text)
        ):
            line.kind = "boilerplate"
            line.is_credit = True
    for i, line in enumerate(lines):
        if not line.is_credit:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt is not None
            and not nxt.blank_before
            and nxt.kind in {"heading", "narrative"}
            and len(nxt.text.split()) <= rules.caption_max_words
        ):
            nxt.kind = "caption"
        elif i > 0 and not line.blank_before and line.kind == "boilerplate":
            prv = lines[i - 1]
            if prv.kind in {"narrative"} and len(prv.text.split()) <= rules.caption_max_words:
                prv.kind = "caption"
    _page_furniture(lines, rules)
    # the page title: the first title-like line near the top, before any prose
    seen = 0
    title: _Line | None = None
    for line in lines:
        if line.kind in {"boilerplate", "tags", "metadata", "caption", "source", "dateline"}:
            continue
        seen += 1
        if seen > rules.title_search_lines:
            break
        if _title_like(line, rules):
            line.kind = "title"
            title = line
            break
        if line.kind in {"narrative", "list_item", "quote"}:
            break
    # the page's own title quoted inside a debris line ('3 thoughts on "<title>"') stays
    # content, as the page's name at the end of a breadcrumb does
    if title is not None:
        name = _plain(title)
        if len(name.split()) >= 3:
            for line in lines:
                if line is title or line.kind != "boilerplate" or line.keep is not None:
                    continue
                at = line.text.find(name)
                if at >= 0:
                    line.keep = (line.start + at, line.start + at + len(name))
    # a date-only line is a publication stamp (dateline) when it carries a time of day or a
    # "Published/Updated" label, stands next to a byline, or is the only date line and sits
    # right under the title (unless the title states the same date: then it is the event's
    # date, as on event cards); otherwise it is a date heading of the content (timelines)
    date_lines = sum(1 for line in lines if line.kind == "dateline")
    for i, line in enumerate(lines):
        if line.kind != "dateline":
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        flat = _flat(line.text)
        label = rules.dateline_prefix.match(flat)
        stamp = (
            bool(_TIME.search(flat))
            or bool(label and label.group().strip())
            or "ago" in flat.lower().split()
            or any(n is not None and n.kind == "byline" for n in (prev, nxt))
        )
        if not stamp and date_lines == 1 and prev is not None and prev is title:
            numbers = set(re.findall(r"\d+", flat))
            stamp = not numbers <= set(re.findall(r"\d+", _flat(title.text)))
        if not stamp:
            line.kind = "heading"


def _split_narrative(
    text: str, line: _Line, rules: _Rules, kind: str = "narrative"
) -> list[tuple[int, int, str]]:
    """Cut a leading hashtag run and a trailing hashtag/source/credit run out of a
    narrative (or caption) line."""
    s, e = line.start, line.end
    pieces: list[tuple[int, int, str]] = []
    seg = text[s:e]
    lead = _LEADING_TAGS.match(seg)
    if lead and seg[lead.end() :].strip():
        pieces.append((s, s + lead.end(), "tags"))
        rest = seg[lead.end() :]
        s = s + lead.end() + (len(rest) - len(rest.lstrip()))
    tail: list[tuple[int, int, str]] = []
    seg = text[s:e]
    src = rules.source_tail.search(seg)
    if src and len(src.group(1).split()) <= rules.source_max_words + 1:
        before = seg[: src.start(1)].rstrip()
        if before and (_TERMINAL.search(before) or re.search(rf"(?:{_HASHTAG})$", before)):
            tail.insert(0, (s + src.start(1), s + src.start(1) + len(src.group(1)), "source"))
            e = s + len(before)
            seg = text[s:e]
    credit = rules.credit_tail.search(seg)
    if credit and _TERMINAL.search(seg[: credit.start(1)].rstrip()):
        tail.insert(0, (s + credit.start(1), s + credit.end(1), "boilerplate"))
        e = s + len(seg[: credit.start(1)].rstrip())
        seg = text[s:e]
    trail = _TRAILING_TAGS.search(seg)
    if trail and seg[: trail.start(1)].strip():
        before = seg[: trail.start(1)].rstrip()
        tail.insert(0, (s + trail.start(1), s + trail.end(1), "tags"))
        e = s + len(before)
    if text[s:e].strip():
        pieces.append((s, e, kind))
    pieces.extend(tail)
    # close any gap left by the cuts (trailing punctuation after a hashtag run, etc.)
    fixed: list[tuple[int, int, str]] = []
    for ps, pe, pk in pieces:
        if fixed and text[fixed[-1][1] : ps].strip():
            fs, _fe, fk = fixed[-1]
            fixed[-1] = (fs, ps, fk)
        fixed.append((ps, pe, pk))
    if fixed and fixed[-1][1] < line.end:
        fs, _fe, fk = fixed[-1]
        fixed[-1] = (fs, line.end, fk)
    return fixed


#: a page with this many lines that open with their own date is a chronology
_CHRONOLOGY_MIN = 3


def _chronology(lines: list[_Line]) -> None:
    """Lines of a chronology ("1903- The brothers fly", "Sep 27 The fleet sails") are its
    entries: list items, whether short (title-like) or long (prose)."""
    entries = [
        ln
        for ln in lines
        if ln.kind in {"title", "heading", "narrative"} and _ENTRY_START.match(ln.text)
    ]
    if len(entries) < _CHRONOLOGY_MIN:
        return
    for ln in entries:
        ln.kind = "list_item"


_TABLE_ROW = re.compile(r"^[ \t]*\|(?:[^|\n]*\|){2,}[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*$")


def _table_rows(lines: list[_Line]) -> None:
    """A Markdown table's body rows ("| 4 May | The envoys meet in Geneva. |") are entries of
    equal weight, one per row: list items, whatever their length; the row above the rule
    line ("|---|---|") is the table's header. A row of one word per cell is a menu and stays
    as classified."""
    for k, ln in enumerate(lines):
        if ln.kind not in {"heading", "narrative", "title"} or "\n" in ln.text:
            continue
        if not _TABLE_ROW.match(ln.text) or _TABLE_RULE.match(ln.text):
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and _TABLE_RULE.match(nxt.text):
            ln.kind = "heading"  # the header row
            continue
        cells = [c.strip() for c in ln.text.strip().strip("|").split("|")]
        if any(len(c.split()) >= 3 for c in cells):
            ln.kind = "list_item"


def mark_text_regions(text: str, doc_id: str = "") -> list[Region]:
    """:func:`mark_regions` for a bare string (``doc_id`` is copied into each region)."""
    rules = _rules()
    regions: list[Region] = []
    pos = 0
    fm = _front_matter(text)
    if fm is not None:
        regions.append(Region(doc_id, fm[0], fm[1], "metadata"))
        pos = fm[1]
    lines = _logical_lines(text, _physical_lines(text, pos), rules)
    for line in lines:
        _classify(line, rules)
    _apply_context(lines, rules)
    _chronology(lines)
    _table_rows(lines)
    for line in lines:
        if line.kind in {"narrative", "caption"}:
            for s, e, k in _split_narrative(text, line, rules, line.kind):
                regions.append(Region(doc_id, s, e, _kind(k)))
        elif line.keep is not None and line.kind == "boilerplate":
            for s, e, k in _split_keep(text, line.start, line.end, line.keep):
                regions.append(Region(doc_id, s, e, _kind(k)))
        else:
            regions.append(Region(doc_id, line.start, line.end, _kind(line.kind)))
    return _cut_markers(text, regions)


def _cut_markers(text: str, regions: list[Region]) -> list[Region]:
    """Reference markers inside content regions ("[4]", "Paris3", "(see below)") cut out
    as ``boilerplate`` regions (see :mod:`histograph.footnotes`); the nlp stage reads the
    pieces around them as one sentence."""
    out: list[Region] = []
    for r in regions:
        spans = find_markers(text, r.start, r.end) if r.kind in CONTENT_REGIONS else []
        if not spans:
            out.append(r)
            continue
        pos = r.start
        for s, e in [*spans, (r.end, r.end)]:
            seg = text[pos:s]
            if seg.strip():
                s2 = pos + len(seg) - len(seg.lstrip())
                e2 = s - (len(seg) - len(seg.rstrip()))
                out.append(Region(r.doc_id, s2, e2, r.kind))
            if e > s:
                out.append(Region(r.doc_id, s, e, "boilerplate"))
            pos = e
    return out


def _split_keep(
    text: str, start: int, end: int, keep: tuple[int, int]
) -> list[tuple[int, int, str]]:
    """A debris line cut around the span that stays content (as a heading)."""
    out: list[tuple[int, int, str]] = []
    for s, e, k in (
        (start, keep[0], "boilerplate"),
        (keep[0], keep[1], "heading"),
        (keep[1], end, "boilerplate"),
    ):
        seg = text[s:e]
        if not seg.strip():
            continue
        s2 = s + len(seg) - len(seg.lstrip())
        e2 = e - (len(seg) - len(seg.rstrip()))
        out.append((s2, e2, k))
    return out


def _kind(k: str) -> RegionKind:
    kinds: dict[str, RegionKind] = {
        "title": "title",
        "heading": "heading",
        "narrative": "narrative",
        "list_item": "list_item",
        "caption": "caption",
        "boilerplate": "boilerplate",
        "byline": "byline",
        "dateline": "dateline",
        "metadata": "metadata",
        "quote": "quote",
        "source": "source",
        "tags": "tags",
    }
    return kinds[k]


def mark_regions(document: Document) -> list[Region]:
    """Partition the document's text into typed regions (every non-space char in one)."""
    return mark_text_regions(document.text, document.id)


def title_text(text: str, regions: Sequence[Region] | None = None) -> str | None:
    """The text of the page's title region, without Markdown markers, or None."""
    for r in regions if regions is not None else mark_text_regions(text):
        if r.kind == "title":
            t = re.sub(r"^#{1,6}\s+", "", _flat(text[r.start : r.end]))
            t = t.replace("**", "").replace("__", "").strip().rstrip("#").strip()
            return t or None
    return None


@stage("histograph.clean.v1", requires=("document",), assigns=("regions",))
def clean_stage(state: DocState) -> None:
    state.regions = mark_regions(state.document)
