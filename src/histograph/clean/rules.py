"""Clean: the phrase lists and patterns of data/boilerplate.yaml, and the line patterns every rule shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..datafile import load_yaml

_NON_WORD = re.compile(r"[\W_]+")


def _norm(s: str) -> str:
    """Lower case, punctuation to spaces, collapsed: the form phrase lists are compared in.
    A line's form is asked by several rules (about four times each): kept for lines of up
    to ``_NORM_CACHED`` characters."""
    return _norm_cached(s) if len(s) <= _NORM_CACHED else _norm_text(s)


_NORM_CACHED = 4000


def _norm_text(s: str) -> str:
    return " ".join(_NON_WORD.sub(" ", s.lower()).split())


_norm_cached = lru_cache(maxsize=4096)(_norm_text)


_UNSAFE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?[aiLmsux]+\)")


def _top_level_bar(p: str) -> bool:
    """The pattern has a ``|`` outside every group and character class."""
    depth, i, class_from = 0, 0, -1  # class_from: where a class's first member may stand
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if class_from >= 0:
            if c == "]" and i > class_from:  # "[]…]" and "[^]…]" hold a literal "]"
                class_from = -1
        elif c == "[":
            class_from = i + 2 if p[i + 1 : i + 2] == "^" else i + 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


@dataclass(frozen=True)
class _AnyOf:
    """Several regular expressions searched as two: ``search(t)`` is true exactly when one of
    them is found in ``t``. An alternation is found at a position exactly when one of its
    branches matches there, so the patterns anchored at the start (``^…`` without a top-level
    ``|``: tried at position 0 only) are joined under one ``^``, the others in a second
    alternation; a pattern whose meaning could change inside a group (a back-reference, a
    named group, a global inline flag) stays on its own. One scan instead of one per pattern."""

    anchored: re.Pattern[str] | None
    free: re.Pattern[str] | None
    alone: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, patterns: Iterable[str], flags: int = re.IGNORECASE) -> _AnyOf:
        anchored: list[str] = []
        free: list[str] = []
        alone: list[re.Pattern[str]] = []
        for p in patterns:
            re.compile(p, flags)  # an invalid pattern fails here, on its own text
            if _UNSAFE.search(p):
                alone.append(re.compile(p, flags))
            elif p.startswith("^") and not _top_level_bar(p):
                anchored.append(p)
            else:
                free.append(p)
        return cls(
            re.compile("^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")", flags)
            if anchored
            else None,
            re.compile("|".join(f"(?:{p})" for p in free), flags) if free else None,
            tuple(alone),
        )

    def search(self, t: str) -> bool:
        return bool(
            (self.anchored is not None and self.anchored.match(t))
            or (self.free is not None and self.free.search(t))
            or any(p.search(t) for p in self.alone)
        )


@dataclass(frozen=True)
class _Rules:
    phrases: frozenset[str]
    prefixes: frozenset[str]
    prefix_longest: int  # words of the longest prefix
    prefix_max_words: int
    patterns: _AnyOf
    nav_split: re.Pattern[str]
    nav_min_items: int
    nav_max_words: int
    credit_label: _AnyOf
    credit_name: _AnyOf
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
    comment_marker_patterns: _AnyOf
    comment_zone_max_share: float
    infobox_metadata_labels: frozenset[str]
    fact_box_fields: frozenset[str]
    social_stamps: _AnyOf
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
        prefixes=frozenset(p for p in (_norm(p) for p in pre["items"]) if p),
        prefix_longest=max((len(_norm(p).split()) for p in pre["items"]), default=0),
        prefix_max_words=int(pre["max_words"]),
        patterns=_AnyOf.of(raw["boilerplate_patterns"]),
        nav_split=re.compile(sep_re),
        nav_min_items=int(raw["nav_min_items"]),
        nav_max_words=int(raw["nav_max_words"]),
        credit_label=_AnyOf.of(raw["credit_patterns"][:3]),
        credit_name=_AnyOf.of(raw["credit_patterns"][3:]),
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
        comment_marker_patterns=_AnyOf.of(raw["comment_marker_patterns"]),
        comment_zone_max_share=float(raw["comment_zone_max_share"]),
        infobox_metadata_labels=frozenset(_norm(w) for w in raw["infobox_metadata_labels"]),
        fact_box_fields=frozenset(_norm(w) for w in raw["fact_box_fields"]),
        # matched at a line's start: each anchored ("^(?:…)"), so search is match
        social_stamps=_AnyOf.of(f"^(?:{p})" for p in raw["social_stamp_patterns"]),
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
    if "\n" not in t and "\r" not in t:
        return t  # nothing to collapse
    return _BREAK.sub(" ", t)


_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
