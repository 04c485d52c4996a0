"""Clean: kinds from a line's neighbours: page furniture, credits and captions, the title,
chronology entries and table rows, and narrative lines cut around tags and sources."""

from __future__ import annotations

import re

from .kinds import (
    _CONTENT_KINDS,
    _all_caps_label,
    _flat,
    _is_comment_marker,
    _is_prose,
    _plain,
    _states_date,
    _title_like,
)
from .lines import _ENTRY_START
from .rules import _HASHTAG, _LEADING_TAGS, _TERMINAL, _TIME, _TRAILING_TAGS, _Line, _norm, _Rules


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
        if label and _fact_box(label.group(), prev, nxt, rules):
            line.kind = "heading"  # "Date: X" among "Location: Y", "Result: Z": the event's
            continue
        if not stamp and date_lines == 1 and prev is not None and prev is title:
            numbers = set(re.findall(r"\d+", flat))
            stamp = not numbers <= set(re.findall(r"\d+", _flat(title.text)))
        if not stamp:
            line.kind = "heading"


_FIELD_LABEL = re.compile(r"^[\s*_]*([^\W\d_][^:\t]{0,30}?)[\s*_]*(?::|\t| {2,})")


def _fact_box(label: str, prev: _Line | None, nxt: _Line | None, rules: _Rules) -> bool:
    """A "Date" field whose neighbour line is another field of an event's fact box."""
    if _norm(label.strip(" \t:*_")) not in {"date", "dates"}:
        return False
    for n in (prev, nxt):
        m = _FIELD_LABEL.match(n.text) if n is not None else None
        if m and _norm(m.group(1)) in rules.fact_box_fields:
            return True
    return False


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
    src = rules.source_tail.search(seg) if ":" in seg else None  # "Label: …" holds ":"
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
    trail = _TRAILING_TAGS.search(seg) if "#" in seg else None  # a hashtag holds "#"
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


