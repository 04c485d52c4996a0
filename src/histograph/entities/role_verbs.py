"""Roles stated by a verb: copular and change-of-role verbs ("X became / was appointed /
served as Y", with the sentence's date as the start), "X replaces Y as Z" (X's start, Y's end),
"X was recalled in 1938" (the end of X's latest role), and a title as the subject of a copula
("The first US Ambassador to the Soviet Union was ... X")."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..model import TimeValue
from ..nlp import doc_text
from .lexicon import norm, titles
from .mentions import SegMention
from .role_dates import RoleDates, split_interval
from .role_view import (
    AUX_SKIP,
    STOP_PUNCT,
    Found,
    Seg,
    page_lexicon,
    phrase_ok,
    right_phrase,
    sentence_date,
    skip_verb_group,
    trim,
)

if TYPE_CHECKING:
    from ..state import DocState


def verb_role(
    state: DocState, sg: Seg, dates: RoleDates, m: SegMention, k: int, hi: int, *, relative: bool
) -> list[Found]:
    tl = titles()
    doc = sg.doc
    k = skip_verb_group(sg, k, hi)
    if k >= hi:
        return []
    verb = doc[k]
    lemma = norm(verb.lemma_)
    sent_s, sent_e = sg.sent_bounds(k)
    s_abs, e_abs = sg.abs(sent_s), sg.abs_end(sent_e - 1)
    out: list[Found] = []
    # "took office in March 1933": dates this person's other roles of the sentence
    rest = norm(sg.text(k, min(hi, k + 4)))
    took = next(
        (p for p in tl.took_office if rest.startswith(p.split(" ", 1)[-1]) or rest.startswith(p)),
        None,
    )
    if took is not None:
        # "was sworn in as President": the role follows
        n = len(took.split()) - (0 if rest.startswith(took) else 1)
        if k + n < hi and doc[k + n].lower_ == "as":
            ranges = titles_from(sg, k + n + 1, hi)
            if ranges:
                when = sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
                began = split_interval(when)[0] if when else None
                return [Found(m, a, b, m.start, sg.abs_end(b - 1), began=began) for a, b in ranges]
        when = sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
        if when is not None:
            out.append(
                Found(
                    m,
                    -1,
                    -1,
                    m.start,
                    sg.abs_end(min(hi, k + 4) - 1),
                    began=split_interval(when)[0],
                )
            )
        return out
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        k > 0 and doc[k - 1].dep_ == "auxpass"
    )
    # "X replaces Y as Z"; "Y was replaced by X as Z"
    if lemma in tl.replace_verbs:
        j = k + 1
        if passive and j < hi and doc[j].lower_ == "by":
            j += 1
        if j < hi and j in sg.person_tok:
            other = sg.person_tok[j]
            newcomer, leaver = (other, m) if passive else (m, other)
            j = other.tok_end
            if j < hi and doc[j].lower_ == "as":
                r = right_phrase(sg, j + 1, hi)
                if r is not None:
                    a, b = r
                    when = sentence_date(sg, state, dates, s_abs, e_abs)
                    tv = split_interval(when)[0] if when else None
                    span_e = sg.abs_end(b - 1)
                    out.append(Found(newcomer, a, b, m.start, span_e, began=tv))
                    out.append(Found(leaver, a, b, m.start, span_e, ended=tv))
            return out
    if lemma in tl.verbs_end:
        return end_role(state, sg, dates, m, k, hi, passive=passive)
    starts_needs, holds_post, post_nouns, _, _ = page_lexicon()
    starts = lemma in tl.verbs_start
    holds = lemma in tl.verbs_hold or lemma in holds_post
    j = k + 1
    if lemma in starts_needs and not starts:
        nxt = norm(sg.text(j, min(hi, j + 2)))
        hit = next((n for n in starts_needs[lemma] if nxt == n or nxt.startswith(n + " ")), None)
        if hit is None:
            return out
        j += len(hit.split())
        starts = True  # "took over as", "rose to"
    if not (starts or holds):
        return out
    if lemma in page_lexicon()[3] and not passive and not relative:
        # "Y named his aide, X": the subject gives the role; "X proclaimed himself Z" holds it
        if j < hi and doc[j].lower_ in {"himself", "herself", "themselves"}:
            j += 1
        else:
            return out
    while j < hi and doc[j].lower_ in {"as", "to", "be", "the", "a", "an"} | AUX_SKIP:
        if doc[j].lower_ in {"the", "a", "an"}:
            break
        j += 1
    # "the post of X", "to the office of X"
    pj = j + 1 if j < hi and doc[j].lower_ in {"the", "a", "an"} else j
    if pj + 1 < hi and norm(doc[pj].text) in post_nouns and doc[pj + 1].lower_ in {"of", "as"}:
        j = pj + 2
    elif lemma in holds_post and lemma not in tl.verbs_hold:
        return out  # "held a meeting"
    ranges = titles_from(sg, j, hi)
    if not ranges:
        return out
    b_last = ranges[-1][1]
    began, ended = interval_after(sg, dates, b_last, sent_e)
    if starts and began is None:
        when = sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
        began = split_interval(when)[0] if when else None
    for a, b in ranges:
        out.append(Found(m, a, b, m.start, sg.abs_end(b - 1), began=began, ended=ended))
    return out


def titles_from(sg: Seg, j: int, hi: int) -> list[tuple[int, int]]:
    """The title phrase at token j and those joined to it by "and" ("head of X and acting
    secretary of Y")."""
    out: list[tuple[int, int]] = []
    r = right_phrase(sg, j, hi)
    while r is not None:
        out.append(r)
        b = r[1]
        if b + 1 < hi and sg.doc[b].lower_ in {"and", "&"}:
            r = right_phrase(sg, b + 1, hi)
        else:
            break
    return out


FROM_WORDS = frozenset({"since", "from", "starting", "beginning"})


UNTIL_WORDS = frozenset({"until", "till", "til", "to", "through", "thru", "ending"})


def interval_after(
    sg: Seg, dates: RoleDates, b: int, sent_e: int
) -> tuple[TimeValue | None, TimeValue | None]:
    """Role dates written right after a title ("from 1933 to 1936", "since 1961", "until
    1938", "between 1936 and 1938", "(1936-1938)"): (began, ended); None where not given."""
    if b >= sent_e:
        return None, None
    a_abs = sg.abs_end(b - 1)
    e_abs = sg.abs_end(min(sent_e, b + 12) - 1)
    began: TimeValue | None = None
    ended: TimeValue | None = None
    for d in dates.within(a_abs, e_abs):
        w = word_before(sg, d.start)
        if "/" in d.value.value and w in FROM_WORDS | {"", "(", "between"}:
            began, ended = split_interval(d.value)
            break
        if w in FROM_WORDS or w == "between":
            began = began or split_interval(d.value)[0]
        elif w in UNTIL_WORDS or (w == "and" and began is not None):
            ended = split_interval(d.value)[0]
            break
        elif began is None:
            break  # a date of something else ("in 1933")
    return began, ended


def word_before(sg: Seg, start: int) -> str:
    """The lower-case word right before the absolute offset ``start`` in the segment."""
    rel = start - sg.offset
    before = doc_text(sg.doc)[max(0, rel - 12) : rel].lower().split()
    return before[-1] if before else ""


def end_role(
    state: DocState, sg: Seg, dates: RoleDates, m: SegMention, k: int, hi: int, *, passive: bool
) -> list[Found]:
    """ "X resigned as Y in 1939", "X was recalled", "X stepped down", "Stalin dismissed X as
    Y": the role ends at the sentence's date. Without a title, the holder's latest role of the
    document ends (marker title_s = -2)."""
    tl = titles()
    doc = sg.doc
    verb = doc[k]
    lemma = norm(verb.lemma_)
    holder = m
    j = k + 1
    needs = tl.verbs_end_needs.get(lemma)
    if needs:
        nxt = norm(sg.text(j, min(hi, j + 2)))
        hit = next((n for n in needs if nxt == n or nxt.startswith(n + " ")), None)
        if hit is None:
            return []
        j += len(hit.split())
    if lemma in tl.verbs_end_transitive and not passive:
        if j < hi and j in sg.person_tok:
            holder = sg.person_tok[j]  # "Stalin dismissed Litvinov"
            j = holder.tok_end
        else:
            return []  # "X removed the obstacle"
    while j < hi and doc[j].lower_ in {
        "as",
        "from",
        "his",
        "her",
        "their",
        "the",
        "post",
        "office",
        "position",
        "role",
        "job",
        "of",
        "down",
    }:
        j += 1
    sent_s, sent_e = sg.sent_bounds(k)
    s_abs, e_abs = sg.abs(sent_s), sg.abs_end(sent_e - 1)
    when = sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
    tv = split_interval(when)[0] if when else None
    ranges = titles_from(sg, j, hi)
    if ranges:
        return [Found(holder, a, b, holder.start, sg.abs_end(b - 1), ended=tv) for a, b in ranges]
    if tv is None:
        return []
    return [Found(holder, -2, -2, holder.start, sg.abs_end(k), ended=tv)]


def title_subject(sg: Seg, state: DocState, dates: RoleDates) -> list[Found]:
    """ "The first US Ambassador to the Soviet Union was … NAME": a title as the subject of a
    copula whose complement ends in a person's name."""
    doc = sg.doc
    out: list[Found] = []
    # the copulas heading a clause ("be" as ROOT or ccomp), found in one pass over the parse
    # instead of a walk over every sentence's tokens
    from spacy.attrs import DEP, LEMMA

    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, DEP])
    copulas = (
        [
            int(i)
            for i in (
                (arr[:, 0] == strings["be"])
                & ((arr[:, 1] == strings["ROOT"]) | (arr[:, 1] == strings["ccomp"]))
            ).nonzero()[0]
        ]
        if len(doc)
        else []
    )
    for sent in doc.sents:
        k = bisect.bisect_left(copulas, sent.start)
        if k >= len(copulas) or copulas[k] >= sent.end or copulas[k] == sent.start:
            continue
        be = doc[copulas[k]]
        a, b, _ = trim(sg, sent.start, be.i)
        if not phrase_ok(sg, a, b):
            continue
        if any(sg.cls(i) is None for i in range(a, b)):
            continue
        after = [m for m in sg.people if be.i < m.tok_start < sent.end]
        if not after:
            continue
        m = after[0]
        between = doc[be.i + 1 : m.tok_start]
        if any(t.text in {",", ";"} for t in between):
            continue
        if m.tok_end < sent.end and doc[m.tok_end].text not in STOP_PUNCT:
            continue
        out.append(Found(m, a, b, sg.abs(sent.start), m.end))
    return out
