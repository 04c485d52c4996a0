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
   image credits, bylines, date stamps, navigation/UI/promotion debris, short title-like lines
   (headings) and prose (narrative).
4. Context: a short line right after a keyword line or a credit is an image credit; the line
   after (or right before) a credit is a caption; the first title-like line near the top,
   before any prose, is the page ``title``. A date-only line is a ``dateline`` (publication
   stamp) when it has a time of day or a "Published/Updated" label, stands next to a byline,
   or is the document's only date line right under the title (and not the title's own
   date); any other date-only line is a ``heading`` (a date heading of a timeline or card).
5. Inside a narrative line, a leading run of hashtags, and a trailing run of hashtags and/or a
   short "Source: …" attribution, are cut out as their own ``tags`` / ``source`` regions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from .model import Document, Region, RegionKind
from .registry import stage

if TYPE_CHECKING:
    from .pipeline import DocState

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
    crumb_split: re.Pattern[str]
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
    raw: dict[str, Any] = yaml.safe_load(
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
        crumb_split=re.compile(crumb_re),
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
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)", re.IGNORECASE)
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


def _continues(a: _Line, b: _Line, rules: _Rules) -> bool:
    """True when ``b`` continues the sentence of ``a`` (a hard-wrapped line)."""
    if b.blank_before or _structural(b):
        return False
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
    last_physical = a.text.rsplit("\n", 1)[-1].strip()
    return 60 <= len(last_physical) <= 100 and a.text[-1:].islower()


def _stands_alone(t: str, rules: _Rules, strict: bool) -> bool:
    """A line that is never the continuation of a wrapped sentence: a byline, attribution,
    tag list or credit; with ``strict``, also a date stamp or a short debris line."""
    t = _flat(t)
    if (
        _is_byline(t, rules)
        or _is_source(t, rules)
        or bool(rules.tag_label.match(t))
        or any(p.search(t) for p in rules.credit_label)
    ):
        return True
    return strict and (
        _is_dateline(t, rules) or (len(t.split()) <= 4 and _is_boilerplate(t, rules))
    )


def _logical_lines(text: str, lines: list[_Line], rules: _Rules) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        if out and _continues(out[-1], line, rules):
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
    if nw <= rules.prefix_max_words:
        for p in rules.prefixes:
            if n == p or n.startswith(p + " "):
                return True
    if any(p.search(t) for p in rules.patterns):
        return True
    items = [i for i in rules.nav_split.split(t) if i.strip()]
    return len(items) >= rules.nav_min_items and all(
        len(i.split()) <= rules.nav_max_words and not _TERMINAL.search(i.strip()) for i in items
    )


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
    body = t
    lm = _LIST.match(t)
    if lm:
        body = re.sub(r"^(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)])\s+", "", t)
    plain = body.replace("**", "").replace("__", "").strip()
    if rules.tag_label.match(plain):
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
    elif _is_boilerplate(plain, rules):
        line.kind = "boilerplate"
    elif lm:
        line.kind = "list_item"
    elif _BOLD_ONLY.match(t):
        line.kind = "heading"
    elif _is_keywords(plain, rules):
        line.kind = "tags"
        line.is_keywords = True
    elif _is_heading_like(plain, rules.heading_max_words):
        line.kind = "heading"
    else:
        line.kind = "narrative"


def _title_like(line: _Line, rules: _Rules) -> bool:
    t = _flat(line.text)
    plain = re.sub(r"^#{1,6}\s+", "", t).replace("**", "").strip()
    if not plain or len(plain) > rules.title_max_chars or _YEAR_ONLY.match(plain):
        return False
    if line.kind == "heading":
        return len(plain.split()) <= rules.title_max_words
    return line.kind == "narrative" and _is_heading_like(plain, rules.title_max_words)


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
    for line in lines:
        if line.kind in {"narrative", "caption"}:
            for s, e, k in _split_narrative(text, line, rules, line.kind):
                regions.append(Region(doc_id, s, e, _kind(k)))
        else:
            regions.append(Region(doc_id, line.start, line.end, _kind(line.kind)))
    return regions


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
