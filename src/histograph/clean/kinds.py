"""Clean: each logical line's kind from its own text (heading, list item, byline, dateline, debris …)."""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..footnotes import find_markers
from .rules import (
    _ATX,
    _BOLD_ONLY,
    _HASHTAG,
    _HASHTAG_LINE,
    _IMAGE,
    _ISO_DATETIME,
    _LIST,
    _NUMERIC_DATE,
    _QUOTE,
    _TERMINAL,
    _TIME,
    _YEAR,
    _YEAR_ONLY,
    _Line,
    _norm,
    _Rules,
    _single,
)

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
        # a prefix of k words is the line's first k words ("n" is normalised: single spaces)
        words = n.split(" ", rules.prefix_longest)
        if any(" ".join(words[:k]) in rules.prefixes for k in range(1, len(words) + 1)):
            return True
    if rules.patterns.search(t):
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
    if rules.comment_marker_patterns.search(t):
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
    if rules.credit_label.search(t):
        return True
    if _TERMINAL.search(t) and nw > 4:
        return False
    return rules.credit_name.search(t)


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
    if rules.social_stamps.search(t):
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
    t = t.rstrip()
    t = _untail(_TAIL_TAGS.sub("", t) if "#" in t else t)  # a hashtag holds "#"
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


