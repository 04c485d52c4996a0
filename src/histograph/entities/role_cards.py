"""Roles of a fact card (an infobox of label/value rows about one person): the card's
title row, with the dates of its term, and the rows that name an office."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..nlp import token_texts
from .lexicon import norm, titles, word_list
from .mentions import SegMention
from .role_dates import RoleDates, split_interval
from .role_verbs import FROM_WORDS, UNTIL_WORDS
from .role_view import Found, Seg, right_phrase

if TYPE_CHECKING:
    from ..state import DocState


_CARD_PUNCT = frozenset({":", ",", "–", "—", "-", "(", ")", "|", ";", "*", "**", "#"})


def _content_tokens(sg: Seg) -> list[int]:
    """Tokens of the segment that carry words (no markup, no punctuation); worked out once
    per segment (three fact-card rules ask)."""
    if sg.content_tokens is None:
        sg.content_tokens = [
            i
            for i, w in enumerate(token_texts(sg.doc))
            if w.isalnum() or any(c.isalnum() for c in w)
        ]
    return sg.content_tokens


def _whole_person(sg: Seg) -> SegMention | None:
    """The person whose name is the whole line ("# Alcide De Gasperi", a name heading)."""
    toks = _content_tokens(sg)
    if not toks:
        return None
    m = next((sg.person_tok[i] for i in toks if i in sg.person_tok), None)
    if m is None:
        return None
    hons = titles().honorifics
    if all(
        i in sg.person_tok
        or norm(sg.doc[i].text) in hons
        or (i > m.tok_start and (i in sg.date_tok or sg.doc[i].like_num))  # "X (1864–1928)"
        for i in toks
    ):
        return m
    return None


def _card_title_row(sg: Seg) -> tuple[int, int, bool] | None:
    """A fact-card row naming an office, alone with its dates ("Prime Minister of Italy:
    1945 – 1953", "Secretary of the Navy, 1913–1921"): the title's token range and whether
    dates follow."""
    toks = _content_tokens(sg)
    if not toks:
        return None
    k = toks[0]
    r = right_phrase(sg, k, len(sg.doc), stop_and=False)
    if r is None or r[0] != k:
        return None
    a, b = r
    rest = [t for t in sg.doc[b:] if not t.is_space]
    dated = False
    for t in rest:
        if t.i in sg.date_tok or t.like_num or t.lower_ in {"present", "today"}:
            dated = True
        elif t.text not in _CARD_PUNCT and t.lower_ not in FROM_WORDS | UNTIL_WORDS:
            return None
    return a, b, dated


def _card_dates_only(sg: Seg) -> bool:
    """The line holds dates and punctuation only ("March 4, 1913 – March 4, 1921"), maybe
    after a term label ("Term of Appointment: …")."""
    toks = [t for t in sg.doc if not t.is_space and t.text not in _CARD_PUNCT]
    colon = next((t.i for t in sg.doc if ":" in t.text), None)
    if colon is not None:
        label = norm(" ".join(t.text for t in sg.doc[:colon] if t.is_alpha))
        if label in word_list("card_term_labels"):
            toks = [t for t in toks if t.i > colon]
    else:
        # "Reign 2 December 1848 – 21 November 1916": a label without a colon
        for label, n in _longest_first("card_term_labels"):
            if len(toks) > n and norm(" ".join(t.text for t in toks[:n])) == label:
                toks = toks[n:]
                break
    return bool(toks) and all(
        t.i in sg.date_tok or t.like_num or t.lower_ in {"present", "today"} for t in toks
    )


@functools.cache
def _longest_first(key: str) -> tuple[tuple[str, int], ...]:
    """The labels of word list ``key``, longest first, each with its number of words."""
    return tuple(
        (label, len(label.split()))
        for label in sorted(word_list(key), key=lambda w: (-len(w), w))
    )


def _card_label(sg: Seg) -> tuple[str, int] | None:
    """ "Preceded by: NAME": the label (from the data) and the token after it."""
    doc = sg.doc
    toks: list[int] = []  # the first two tokens of words (all that is asked of them)
    for t in doc:
        if t.text not in _CARD_PUNCT and not t.is_space:
            toks.append(t.i)
            if len(toks) == 2:
                break
    if len(toks) < 2:
        return None
    first = toks[0]
    heads: dict[int, str] = {}  # the normalised first n tokens, once per n
    for label, n in _longest_first("card_neighbour_labels"):
        head = heads.get(n)
        if head is None:
            head = heads[n] = norm(doc[first : first + n].text)
        if head == label:
            k = first + n
            while k < len(doc) and (doc[k].text in _CARD_PUNCT or doc[k].is_space):
                k += 1
            return label, k
    return None


def card_rows(state: DocState, segs: list[Seg], dates: RoleDates) -> list[Found]:
    """Rows of an infobox or quick-facts card: an office with dates under the page's person
    ("Prime Minister of Italy: 1945 – 1953"); "Prime Minister: NAME"; "Preceded by: NAME" /
    "Succeeded by: NAME" (the neighbour held the office of the row above)."""
    out: list[Found] = []
    page_person: SegMention | None = None
    near_person: SegMention | None = None
    last_title: tuple[int, int, str] | None = None
    term_labels = word_list("card_term_labels")
    for n_seg, sg in enumerate(segs):
        region = state.segments[sg.si].region
        whole = _whole_person(sg)
        if whole is not None:
            if region.kind == "title" and page_person is None:
                page_person = whole
            near_person = whole
            continue
        # "Title: Envoy Extraordinary and Minister Plenipotentiary"
        colon = next((t.i for t in sg.doc if ":" in t.text), None)
        subject = page_person or near_person
        if colon is not None and subject is not None:
            label = norm(" ".join(t.text for t in sg.doc[:colon] if t.is_alpha))
            if label in word_list("card_title_labels"):
                k = colon + 1
                while k < len(sg.doc) and (sg.doc[k].is_space or sg.doc[k].text in _CARD_PUNCT):
                    k += 1
                r = right_phrase(sg, k, len(sg.doc), stop_and=False) if k < len(sg.doc) else None
                if r is not None and r[0] == k:
                    a, b = r
                    last_title = (sg.abs(a), sg.abs_end(b - 1), sg.text(a, b))
                    out.append(
                        Found(
                            subject,
                            -3,
                            -3,
                            sg.abs(0),
                            sg.abs_end(b - 1),
                            title=sg.text(a, b),
                            title_abs=(sg.abs(a), sg.abs_end(b - 1)),
                        )
                    )
                continue
        lab = _card_label(sg)
        if lab is not None:
            k = lab[1]
            m = sg.person_tok.get(k)
            if (
                m is not None
                and m.tok_start == k  # not a name that swallowed the label
                and last_title is not None
                and _whole_person(sg) is None
            ):
                a_abs, b_abs, t = last_title
                out.append(Found(m, -3, -3, sg.abs(0), m.end, title=t, title_abs=(a_abs, b_abs)))
            continue
        row = _card_title_row(sg)
        if row is not None:
            a, b, dated = row
            subject = page_person or near_person
            if subject is None:
                continue
            row_end = sg.abs_end(len(sg.doc) - 1)
            ds = dates.within(sg.abs_end(b - 1), row_end) if dated else []
            if not dated:
                # "28th President of the United States / In office / March 4, 1913 – …"
                for nxt in segs[n_seg + 1 : n_seg + 3]:
                    words = norm(" ".join(t.text for t in nxt.doc if t.is_alpha))
                    if words in term_labels:
                        continue
                    dated_row = _card_dates_only(nxt)
                    if dated_row:
                        ds = dates.within(nxt.abs(0), nxt.abs_end(len(nxt.doc) - 1))
                        row_end = nxt.abs_end(len(nxt.doc) - 1)
                    break
                if not ds:
                    continue
            began = ended = None
            if ds:
                began, ended = split_interval(ds[0].value)
                if "/" not in ds[0].value.value and len(ds) > 1:
                    ended = split_interval(ds[1].value)[0]
            last_title = (sg.abs(a), sg.abs_end(b - 1), sg.text(a, b))
            out.append(
                Found(
                    subject,
                    -3,
                    -3,
                    sg.abs(a),
                    row_end,
                    title=sg.text(a, b),
                    began=began,
                    ended=ended,
                    title_abs=(sg.abs(a), sg.abs_end(b - 1)),
                )
            )
            continue
        # "Prime Minister: NAME" (a label naming the holder)
        toks = _content_tokens(sg)
        if toks and toks[0] not in sg.person_tok:
            r = right_phrase(sg, toks[0], len(sg.doc), stop_and=False)
            if r is not None and r[0] == toks[0]:
                a, b = r
                k = b
                seen_colon = False
                while k < len(sg.doc) and (sg.doc[k].text in _CARD_PUNCT or sg.doc[k].is_space):
                    seen_colon = seen_colon or ":" in sg.doc[k].text
                    k += 1
                m = sg.person_tok.get(k)
                if seen_colon and m is not None and m.tok_start == k:
                    after = [t for t in sg.doc[m.tok_end :] if t.text not in _CARD_PUNCT]
                    if all(t.i in sg.date_tok or t.like_num or t.is_space for t in after):
                        out.append(Found(m, a, b, sg.abs(a), m.end))
    return out
