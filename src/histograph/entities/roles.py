"""Roles and titles of people, each with the span of the text that states it.

Constructions (token patterns over the spaCy parse of each content segment):
- pre-nominal titles: "Soviet Commissar for Foreign Affairs Maxim Litvinov";
- appositions: "Mikhail Kalinin, Chairman of the All-Russian Central Executive Committee,";
  and role nouns before the name: "sent their representative, Maxim Litvinov" (a possessive
  referring to the sentence's state subject gives "representative of the Soviet government");
- parentheticals, several roles and dates: "Joseph E. Davies (U.S. Ambassador to the Soviet
  Union, 1936-1938)", "(Head of X and Acting Secretary of the Treasury)";
- relative clauses: "William C. Bullitt, who would become the first U.S. ambassador";
- copular and change-of-role verbs: "X became / was appointed / served as Y", with the
  sentence's date as the start; "The first US Ambassador to the Soviet Union was … X";
  "X replaces Y as Z" (X's start, Y's end); "X, who took office in March 1933" dates X's role.

Titles are kept as written (leading determiners and evaluative adjectives such as "famed"
dropped); offices are normalised by :mod:`histograph.entities.offices`.

Why one module of this size: every construction is a pattern over the same token view
(:class:`_Seg`, with its title-word classes and date tokens) and the same phrase walkers
(:func:`_left_phrase`, :func:`_right_phrase`); the constructions are short and read best
next to the walkers they share.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import RoleClaim, TimeMention, TimeValue, day_number
from .lexicon import is_head, load_yaml, norm, titles, word_list
from .mentions import SegMention, YearIndex, singular_head
from .offices import normalise_title


@functools.lru_cache(maxsize=1)
def _page_lexicon() -> tuple[
    dict[str, tuple[str, ...]], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
]:
    """Extra word lists of ``titles.yaml`` for page constructions: verb particles that start a
    role, verbs holding "the post of", post nouns, object-complement verbs, title objects."""
    d = load_yaml("titles.yaml")
    needs = {
        norm(str(k)): tuple(norm(str(x)) for x in v)
        for k, v in (d.get("starts_needs") or {}).items()
    }

    def words(key: str) -> frozenset[str]:
        return frozenset(norm(str(x)) for x in d.get(key, ()))

    return (
        needs,
        words("holds_post"),
        words("post_nouns"),
        words("object_complement_verbs"),
        words("title_objects"),
    )


if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..state import DocState
    from .mentions import DocEntities

_CLOSE = {")", "]"}
_ORDINAL_NUM = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_STOP_PUNCT = {",", ";", ".", ":", "(", ")", "[", "]", "!", "?", "—", "–", '"', "“", "”"}
_AUX_SKIP = frozenset(
    [
        "would",
        "will",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "later",
        "eventually",
        "then",
        "soon",
        "also",
        "subsequently",
        "finally",
        "briefly",
        "again",
        "formally",
        "officially",
        "shortly",
        "thereafter",
        "quickly",
        "immediately",
        "duly",
        "once",
        "first",
        "newly",
        "just",
        "not",
        "never",
    ]
)
_POSSESSIVE_DETS = frozenset({"their", "its", "his", "her", "our"})
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = (
    "|".join(m.capitalize() for m in _MONTH_NAMES)
    + "|"
    + "|".join(m[:3].capitalize() + r"\.?" for m in _MONTH_NAMES)
)
_FALLBACK_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MONTH_RE})\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?(?P<y1>1[0-9]{{3}}|20[0-9]{{2}})"
    rf"(?:\s*[-–—/]\s*(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}|present))?\b"
)


# ---------------------------------------------------------------- dates


def _year_tv(y: int, m: int | None = None, d: int | None = None) -> TimeValue:
    if m is None:
        return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")
    if d is None:
        nxt = day_number(y + (m == 12), m % 12 + 1, 1)
        return TimeValue(f"{y:04d}-{m:02d}", day_number(y, m, 1), nxt - 1, "month")
    n = day_number(y, m, d)
    return TimeValue(f"{y:04d}-{m:02d}-{d:02d}", n, n, "day")


def _parse_value(s: str) -> TimeValue | None:
    """A TIMEX value -> TimeValue, through the date engine when it can, else locally."""
    try:
        from ..time import parse_value

        tv = parse_value(s)
    except Exception:  # the date engine is optional here
        tv = None
    if tv is not None:
        return tv
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        return None
    return _year_tv(
        int(m.group(1)),
        int(m.group(2)) if m.group(2) else None,
        int(m.group(3)) if m.group(3) else None,
    )


def _split_interval(tv: TimeValue) -> tuple[TimeValue | None, TimeValue | None]:
    if "/" in tv.value:
        a, _, b = tv.value.partition("/")
        return _parse_value(a), _parse_value(b)
    return tv, None


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    value: TimeValue


class _Dates:
    """Date mentions of the document (the date engine's, or a small fallback)."""

    def __init__(self, state: DocState) -> None:
        self._dates: list[_Date] = []
        times: list[TimeMention] = [
            t
            for t in state.times
            if not t.document_date and t.value is not None and t.kind == "DATE"
        ]
        if times:
            self._dates = [_Date(t.start, t.end, t.value) for t in times if t.value is not None]
        elif not state.times:
            text = state.document.text
            for seg in state.segments:
                for m in _FALLBACK_DATE.finditer(text, seg.region.start, seg.region.end):
                    tv = self._fallback_value(m)
                    if tv is not None:
                        self._dates.append(_Date(m.start(), m.end(), tv))
        self._dates.sort(key=lambda d: d.start)
        #: built once per document so that each lookup is a bisection, not a scan of every
        #: date (a long dated table would otherwise make the role pass quadratic)
        self._starts = [d.start for d in self._dates]
        self._max_end: list[int] = []
        for d in self._dates:
            self._max_end.append(max(d.end, self._max_end[-1]) if self._max_end else d.end)

    @staticmethod
    def _fallback_value(m: re.Match[str]) -> TimeValue | None:
        y1 = int(m.group("y1"))
        if m.group("y2"):
            if m.group("y2") == "present":
                return _year_tv(y1)
            y2 = int(m.group("y2"))
            if y2 < y1:
                return None
            a, b = _year_tv(y1), _year_tv(y2)
            return TimeValue(f"{y1}/{y2}", a.earliest, b.latest, "interval")
        mon = m.group("mon")
        if mon:
            mi = _MONTH_NAMES.index(
                next(n for n in _MONTH_NAMES if n.startswith(mon.lower().rstrip(".")[:3]))
            )
            day = int(m.group("day")) if m.group("day") else None
            try:
                return _year_tv(y1, mi + 1, day)
            except ValueError:
                return None
        return _year_tv(y1)

    def within(self, a: int, b: int) -> list[_Date]:
        """Dates lying wholly inside ``[a, b]``, in order of start."""
        k = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_right(self._starts, b)
        return [d for d in self._dates[k:hi] if d.end <= b]

    def covers(self, a: int, b: int) -> bool:
        """Some date overlaps ``[a, b)``: of the dates starting before ``b``, the one that
        ends last ends after ``a``."""
        k = bisect.bisect_left(self._starts, b)
        return k > 0 and self._max_end[k - 1] > a


# ---------------------------------------------------------------- token classes


class _Seg:
    """Token-level view of one segment for the pattern matcher."""

    def __init__(self, state: DocState, si: int, ents: list[SegMention], dates: _Dates) -> None:
        seg = state.segments[si]
        self.si = si
        self.doc: Doc = seg.doc
        self.offset = seg.offset
        self.people = [m for m in ents if m.label == "PERSON"]
        self.person_tok: dict[int, SegMention] = {}
        for m in self.people:
            for i in range(m.tok_start, m.tok_end):
                self.person_tok[i] = m
        self.state_tok: dict[int, SegMention] = {}
        for m in ents:
            if m.label in {"STATE", "NORP"} or (m.label == "GPE" and m.key):
                for i in range(m.tok_start, m.tok_end):
                    self.state_tok[i] = m
        self.headline_words: frozenset[int] = frozenset()
        self.content_tokens: list[int] | None = None  # _content_tokens, once asked
        self.date_tok: set[int] = set()
        for tok in self.doc:
            a = self.offset + tok.idx
            if dates.covers(a, a + len(tok.text)) or tok.ent_type_ in {"DATE", "TIME"}:
                self.date_tok.add(tok.i)
        # "the 28th President": an ordinal before a title head is no day of the month
        for tok in self.doc[:-1]:
            if _ORDINAL_NUM.match(tok.text) and is_head(self.doc[tok.i + 1].text):
                self.date_tok.discard(tok.i)
                if tok.i > 0 and self.doc[tok.i - 1].lower_ == "the":
                    self.date_tok.discard(tok.i - 1)

    def abs(self, i: int) -> int:
        return self.offset + self.doc[i].idx

    def abs_end(self, i: int) -> int:
        t = self.doc[i]
        return self.offset + t.idx + len(t.text)

    def text(self, s: int, e: int) -> str:
        return self.doc[s:e].text

    def cls(self, i: int) -> str | None:
        """Role of token i in a title phrase: head, mod, desc, det, conn, state, cap, None."""
        tok: Token = self.doc[i]
        if i in self.person_tok or i in self.date_tok:
            return None
        t = tok.text
        tl = titles()
        if t == "." and i > 0 and self._abbreviation(i - 1):
            return "dot"  # "Maj." written as two tokens
        if t in _STOP_PUNCT:
            return None
        w = norm(t)
        if t in {"-", "‐"}:
            return "hyph"
        if t in {"'s", "’s"}:
            return "poss"
        if i in self.state_tok:
            return "state"
        if not w:
            return None
        if tok.tag_ in {"NNS", "NNPS"} and tok.lemma_.lower() != w:
            return None  # plural role nouns name groups, not this person
        if is_head(t) or norm(tok.lemma_) in tl.heads:
            return "head"
        if w in tl.modifiers or tok.ent_type_ == "ORDINAL" or _ORDINAL_NUM.match(t):
            return "mod"
        if (
            t.islower()
            and tok.pos_ == "NOUN"
            and tok.tag_ == "NN"
            and i + 1 < len(self.doc)
            and is_head(self.doc[i + 1].text)
            and self.doc[i + 1].text.islower()
        ):
            return "mod"  # a noun naming the workplace: "plant director", "chief engineer"
        if w in tl.descriptors:
            return "desc"
        if w in tl.determiners:
            return "det"
        if t.lower() in tl.connectors:
            return "conn"
        if w in tl.head_inner:
            return "mod"
        if (
            t.islower()
            and w in _page_lexicon()[4]
            and any(self.doc[k].lower_ in {"of", "for", "to"} for k in range(max(0, i - 5), i))
            and not any(self.doc[k].text in _STOP_PUNCT for k in range(max(0, i - 5), i))
        ):
            return "cap"  # "president of the republic", "heir to the Austro-Hungarian throne"
        if i in self.headline_words:
            return None  # "Meet" in "Nixon Arrives in Beijing to Meet Chairman Mao"
        if (
            t[0].isupper()
            and any(c.isalpha() for c in t)
            and (not tok.is_sent_start or tok.pos_ in {"PROPN", "ADJ", "NOUN"})
            and not (tok.pos_ == "VERB" and tok.tag_ in _VERB_TAGS)  # "to Meet Chairman X"
        ):
            return "cap"
        return None

    def _abbreviation(self, i: int) -> bool:
        """Token i is a capitalised rank abbreviation written before a "." ("Maj", "Gen")."""
        t = self.doc[i].text
        return t[:1].isupper() and norm(t) in titles().heads_cap and t.isalpha()

    def sent_bounds(self, i: int) -> tuple[int, int]:
        s = self.doc[i].sent
        return s.start, s.end


# ---------------------------------------------------------------- phrases


def _trim(sg: _Seg, s: int, e: int) -> tuple[int, int, bool]:
    """Trim determiners/connectors/descriptors at the edges; report a possessive determiner."""
    poss = False
    while s < e and sg.cls(s) in {"det", "conn", "desc", "hyph", "poss"}:
        if norm(sg.doc[s].text) in _POSSESSIVE_DETS:
            poss = True
        s += 1
    while e > s and sg.cls(e - 1) in {"det", "conn", "hyph", "poss", "desc"}:
        e -= 1
    return s, e, poss


def _has_head(sg: _Seg, s: int, e: int) -> bool:
    return any(sg.cls(i) == "head" for i in range(s, e))


def _phrase_ok(sg: _Seg, s: int, e: int) -> bool:
    if s >= e or not _has_head(sg, s, e):
        return False
    # the phrase must end in a head, a capitalised word or a state name, not a modifier
    return sg.cls(e - 1) in {"head", "cap", "state", "dot"}


def _left_phrase(sg: _Seg, p: int, lo: int) -> tuple[int, int, bool] | None:
    """The title phrase right before token p (a person's first token)."""
    j = p - 1
    while j >= lo:
        c = sg.cls(j)
        if c is None:
            break
        if c == "cap" and sg.doc[j].is_sent_start and sg.doc[j].pos_ not in {"PROPN", "ADJ"}:
            break
        j -= 1
    s, e, poss = _trim(sg, j + 1, p)
    # a connector joins a title to what follows its head ("Secretary of State"): words before
    # the first connector without a head are no part of the title ("in Cuba to Chairman X")
    cn = next((k for k in range(s, e) if sg.cls(k) == "conn"), None)
    while cn is not None and not _has_head(sg, s, cn):
        s, e, _ = _trim(sg, cn + 1, e)
        cn = next((k for k in range(s, e) if sg.cls(k) == "conn"), None)
    if e != p or not _phrase_ok(sg, s, e):
        return None  # "intermediary for X" is no title of X
    # "Viceroy Lord X", "Foreign Minister Count X": the honorific is the name's, not the title's
    hons = titles().honorifics
    while e - 1 > s and norm(sg.doc[e - 1].text) in hons and _phrase_ok(sg, s, e - 1):
        e -= 1
    return (
        s,
        e,
        poss
        or (j + 1 < s and norm(sg.doc[j + 1].text) in _POSSESSIVE_DETS)
        or (j >= lo and norm(sg.doc[j].text) in _POSSESSIVE_DETS),
    )


def _right_phrase(sg: _Seg, q: int, hi: int, *, stop_and: bool = True) -> tuple[int, int] | None:
    """The title phrase starting at token q (after a comma, a verb, "as")."""
    k = q
    while k < hi:
        c = sg.cls(k)
        if c is None:
            break
        if c == "conn" and sg.doc[k].lower_ in {"and", "&"} and stop_and:
            break
        if c == "conn" and k + 1 < hi and (k + 1 in sg.date_tok or sg.doc[k + 1].like_num):
            break
        if c == "conn" and k + 1 < hi and sg.cls(k + 1) is None:
            break
        if (
            c == "conn"
            and sg.doc[k].lower_ in _LOCATIVE_CONN
            and sg.doc[k - 1].text not in {"-", "‐"}  # "commander-in-chief"
            and not _place_follows(sg, k + 1, hi)
        ):
            break  # "proclaimed Emperor in the Hall of Mirrors": a place of the event
        k += 1
    s, e, _ = _trim(sg, q, k)
    if not _phrase_ok(sg, s, e):
        return None
    return s, e


_LOCATIVE_CONN = frozenset({"in", "at", "on"})
_VERB_TAGS = frozenset({"VB", "VBZ", "VBD", "VBP"})


def _place_follows(sg: _Seg, k: int, hi: int) -> bool:
    """A state or a city follows ("Representative in Washington", "Consul at Danzig"), not a
    building or an occasion ("in the Hall of Mirrors", "at the conference")."""
    if k < hi and sg.doc[k].lower_ == "the":
        k += 1
    if k >= hi:
        return False
    return k in sg.state_tok or sg.doc[k].ent_type_ == "GPE"


# ---------------------------------------------------------------- extraction


@dataclass
class _Found:
    person: SegMention
    title_s: int  # token range of the title
    title_e: int
    span_s: int  # absolute char span stating the role
    span_e: int
    title: str | None = None  # overrides the text of the title tokens
    began: TimeValue | None = None
    ended: TimeValue | None = None
    title_abs: tuple[int, int] | None = None  # absolute span of a title in another segment


def _subject_state_text(sg: _Seg, head_i: int) -> tuple[str, int] | None:
    """For "their representative": the text of the governing verb's subject, when it is a
    state or a government ("the Soviet government")."""
    tok = sg.doc[head_i]
    verb = tok.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    for ch in verb.children:
        if ch.dep_ in {"nsubj", "nsubjpass"}:
            sub = sg.doc[ch.left_edge.i : ch.right_edge.i + 1]
            words = {norm(t.text) for t in sub}
            if any(i in sg.state_tok for i in range(sub.start, sub.end)) or words & word_list(
                "government_words"
            ):
                return sub.text, sub.start
    return None


def _sentence_date(
    sg: _Seg, state: DocState, dates: _Dates, s_abs: int, e_abs: int, after: int | None = None
) -> TimeValue | None:
    """The date a sentence states (after char offset ``after`` when given), else the date of
    the list item / heading line it sits under."""
    ds = dates.within(s_abs, e_abs)
    if after is not None:
        later = [d for d in ds if d.start >= after]
        ds = later or ds
    if ds:
        return ds[0].value
    region = state.region_at(s_abs)
    if region is None:
        return None
    ds = dates.within(region.start, s_abs)
    if ds:
        return ds[-1].value
    # the nearest preceding region, when it is a bare date heading ("**1936:**")
    r = state.region_before(region.start)
    if r is not None:
        text = state.document.text[r.start : r.end]
        ds = dates.within(r.start, r.end)
        if (
            ds
            and len(re.sub(r"[\W_]", "", text))
            <= len(re.sub(r"[\W_]", "", state.document.text[ds[0].start : ds[-1].end])) + 2
        ):
            return ds[-1].value
    return None


def _skip_verb_group(sg: _Seg, k: int, hi: int) -> int:
    """Skip auxiliaries and adverbs ("would later become"); a copula that is the main verb
    ("X was president") is kept."""
    while k < hi:
        tok = sg.doc[k]
        main_copula = tok.lemma_ == "be" and tok.dep_ not in {"aux", "auxpass"}
        if main_copula:
            break
        if (
            tok.dep_ in {"aux", "auxpass", "neg"}
            or (tok.pos_ == "ADV" and tok.lower_ != "as")
            or tok.lower_ in _AUX_SKIP
        ):
            k += 1
            continue
        break
    return k


def _extract_segment(state: DocState, sg: _Seg, dates: _Dates) -> list[_Found]:
    tl = titles()
    doc = sg.doc
    out: list[_Found] = []
    for m in sg.people:
        p, q = m.tok_start, m.tok_end
        _s_lo, s_hi = sg.sent_bounds(p)
        lo = 0  # titles may run across a bad sentence split; the walk stops by itself
        # --- pre-nominal title
        left = _left_phrase(sg, p, lo)
        if left is not None:
            a, b, poss = left
            f = _Found(m, a, b, sg.abs(a), m.end)
            if poss:
                subj = _subject_state_text(sg, b - 1)
                if subj:
                    f.title = f"{sg.text(a, b)} of {subj[0]}"
                    f.span_s = min(f.span_s, sg.abs(subj[1]))
            out.append(f)
        # --- "Truman named NAME Secretary of State": the object's complement
        if p >= 1 and q < s_hi:
            v = doc[p - 1]
            if (
                v.pos_ == "VERB"
                and norm(v.lemma_) in _page_lexicon()[3]
                and not any(c.dep_ == "auxpass" for c in v.children)
            ):
                j = q + 1 if doc[q].lower_ == "as" else q
                ranges = _titles_from(sg, j, s_hi)
                if ranges and ranges[0][0] == j:
                    sent_s, sent_e = sg.sent_bounds(p)
                    when = _sentence_date(sg, state, dates, sg.abs(sent_s), sg.abs_end(sent_e - 1))
                    began = _split_interval(when)[0] if when else None
                    for a, b in ranges:
                        out.append(_Found(m, a, b, sg.abs(p - 1), sg.abs_end(b - 1), began=began))
        # --- "As Foreign Secretary, NAME negotiated ...": a fronted "as" phrase
        if p >= 3 and doc[p - 1].text == ",":
            k = p - 2
            while k > 0 and sg.cls(k) is not None and doc[k].lower_ != "as":
                k -= 1
            if doc[k].lower_ == "as" and (doc[k].is_sent_start or k == 0 or doc[k - 1].text == ","):
                r = _right_phrase(sg, k + 1, p - 1, stop_and=False)
                if r is not None and r == _trim(sg, k + 1, p - 1)[:2] and r[0] == k + 1:
                    out.append(_Found(m, r[0], r[1], sg.abs(k), m.end))
        # --- "the Presidium dismissed NAME as TITLE": the object's role ends
        if p >= 1:
            v = doc[p - 1]
            if (
                norm(v.lemma_) in tl.verbs_end_transitive
                and v.pos_ == "VERB"
                and not any(c.dep_ == "auxpass" for c in v.children)
            ):
                out.extend(_end_role(state, sg, dates, m, p - 1, s_hi, passive=False))
        # --- reverse apposition: "their representative, NAME"; also before a title of the
        # name ("a fellow pilot of the 12th Wing, Major NAME")
        pa = left[0] if left is not None else p
        while (
            pa >= 1 and norm(doc[pa - 1].text) in tl.honorifics and doc[pa - 1].text[:1].isupper()
        ):
            pa -= 1  # "the Austrian foreign minister, Count NAME"
        if pa >= 2 and doc[pa - 1].text == ",":
            j = pa - 2
            while j >= lo:
                c = sg.cls(j)
                if c in {"head", "mod", "state", "cap", "conn", "hyph"}:
                    j -= 1
                elif c == "det" and j - 1 >= lo and sg.cls(j - 1) == "conn":
                    j -= 1  # "pilot of the Wing"
                else:
                    break
            at_start = j + 1 < pa - 1 and (
                j < lo or doc[j + 1].is_sent_start or doc[j].text in {"\n", ":"}
            )
            if (j >= lo and sg.cls(j) in {"det", "desc", "poss"}) or (
                at_start and doc[j + 1].text[:1].isupper()  # "Secretary of State, X, said"
            ):
                a, b, poss = _trim(sg, j if j >= lo and sg.cls(j) is not None else j + 1, pa - 1)
                if _phrase_ok(sg, a, b) and any(
                    norm(doc[i].text) in tl.apposition_nouns
                    or norm(doc[i].lemma_) in tl.apposition_nouns
                    for i in range(a, b)
                ):
                    f = _Found(m, a, b, sg.abs(j if poss else a), m.end)
                    if poss or norm(doc[j].text) in _POSSESSIVE_DETS:
                        subj = _subject_state_text(sg, b - 1)
                        if subj:
                            f.title = f"{sg.text(a, b)} of {subj[0]}"
                            f.span_s = min(f.span_s, sg.abs(subj[1]))
                    out.append(f)
        if q >= len(doc):
            continue
        # --- parenthetical
        if doc[q].text == "(":
            close = next(
                (k for k in range(q + 1, min(len(doc), q + 60)) if doc[k].text[:1] in _CLOSE),
                None,
            )
            if close is not None:
                out.extend(_parenthetical(sg, dates, m, q + 1, close))
                out.extend(_colon_description(sg, m, close + 1))
                if close + 1 < len(doc) and doc[close + 1].lemma_ == "be":
                    # "X (1850–1920) was a diplomat": the copula after the life dates
                    out.extend(_verb_role(state, sg, dates, m, close + 1, s_hi, relative=False))
            continue
        out.extend(_colon_description(sg, m, q))
        # --- apposition / relative clause after a comma
        if doc[q].text == ",":
            k = q + 1
            # "NAME, 54, a former diplomat": an age between commas
            if k + 2 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
                k += 2
            # "NAME, the museum's chief curator": the title after the owner's "'s"
            owner = next(
                (
                    i
                    for i in range(k, min(len(doc), k + 4))
                    if doc[i].text in {"'s", "’s"} and doc[i - 1].pos_ in {"NOUN", "PROPN"}
                ),
                None,
            )
            if (
                owner is not None
                and doc[k].lower_ in {"the", "a", "an"}
                and not any(
                    doc[i].text in _STOP_PUNCT or i in sg.person_tok for i in range(k, owner)
                )
            ):
                k = owner + 1
            if k < len(doc) and doc[k].lower_ in tl.relative_pronouns:
                out.extend(_verb_role(state, sg, dates, m, k + 1, s_hi, relative=True))
                continue
            ranges = _titles_from(sg, k, len(doc))
            if ranges:
                ra, rb = ranges[-1]
                loc = next((i for i in range(ra + 1, rb) if doc[i].lower_ in _LOCATIVE_CONN), rb)
                tail = _service_tail(sg, loc)
                if tail > ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], tail)  # "a captain in the X army"
                b = ranges[-1][1]
                _, sent_e = sg.sent_bounds(b - 1)
                began, ended = _interval_after(sg, dates, b, sent_e)
                nxt = doc[b] if b < len(doc) else None
                dated_tail = nxt is not None and nxt.lower_ in _FROM_WORDS | _UNTIL_WORDS | {
                    "between"
                }
                if (
                    nxt is None
                    or nxt.text in _STOP_PUNCT
                    or nxt.is_space
                    or (dated_tail and (began or ended))
                    or (nxt.lower_ in tl.relative_pronouns and nxt.lower_ != "that")
                ):
                    for a, b in ranges:
                        out.append(
                            _Found(m, a, b, m.start, sg.abs_end(b - 1), began=began, ended=ended)
                        )
                    # "X, Prime Minister, stepped down in 1963": the verb after the apposition
                    b = ranges[-1][1]
                    if b < len(doc) and doc[b].text == "," and not (began or ended):
                        out.extend(_verb_role(state, sg, dates, m, b + 1, s_hi, relative=False))
            continue
        # --- verbs: "X became Y", "X replaces Y as Z", "X took office in ..."
        out.extend(_verb_role(state, sg, dates, m, q, s_hi, relative=False))
        # "X and Y served as foreign minister": the verb after the last joined name
        nxt_m = sg.person_tok.get(q + 1) if doc[q].lower_ in {"and", "&"} else None
        if nxt_m is not None and nxt_m.tok_start == q + 1 and nxt_m.tok_end < s_hi:
            for f in _verb_role(state, sg, dates, nxt_m, nxt_m.tok_end, s_hi, relative=False):
                if f.title_s >= 0 and f.person is nxt_m:
                    out.append(replace(f, person=m, span_s=m.start))
    out.extend(_title_subject(sg, state, dates))
    out.extend(_plural_titles(sg))
    out.extend(_tenure_roles(sg))
    out.extend(_office_noun_roles(sg))
    return out


def _office_noun_roles(sg: _Seg) -> list[_Found]:
    """An office named by a noun after a possessive name: "X's presidency" -> President
    (``office_nouns`` of titles.yaml)."""
    doc = sg.doc
    nouns = _office_nouns()
    out: list[_Found] = []
    for m in sg.people:
        q = m.tok_end
        if q + 1 >= len(doc) or doc[q].text not in {"'s", "’s", "'", "’"}:
            continue
        k = q + 1
        while k < len(doc) and k - q <= 3 and doc[k].pos_ == "ADJ":
            k += 1  # "X's short presidency"
        if k < len(doc) and norm(doc[k].text) in nouns:
            title = nouns[norm(doc[k].text)]
            out.append(_Found(m, k, k + 1, m.start, sg.abs_end(k), title=title))
    return out


@functools.lru_cache(maxsize=1)
def _office_nouns() -> dict[str, str]:
    raw = load_yaml("titles.yaml").get("office_nouns") or {}
    return {norm(str(k)): str(v) for k, v in raw.items()}


def _tenure_roles(sg: _Seg) -> list[_Found]:
    """A role named after a noun of tenure: "X ends his reign as TITLE", "X began her term
    as TITLE" (the person is the nearest name before it in the sentence)."""
    doc = sg.doc
    tenure = word_list("tenure_nouns")
    out: list[_Found] = []
    for tok in doc[2:]:
        i = tok.i
        if tok.lower_ != "as" or doc[i - 1].lemma_.lower() not in tenure:
            continue
        if norm(doc[i - 2].text) not in _POSSESSIVE_DETS:
            continue
        s_lo, s_hi = sg.sent_bounds(i)
        before = [m for m in sg.people if s_lo <= m.tok_start and m.tok_end <= i - 2]
        if not before:
            continue
        r = _right_phrase(sg, i + 1, s_hi)
        if r is None or r[0] != i + 1:
            continue
        m = before[-1]
        out.append(_Found(m, r[0], r[1], m.start, sg.abs_end(r[1] - 1)))
    return out


def _singular_honorific(word: str) -> str | None:
    """The singular of a plural rank of nobility or honorific ("Earls" -> "earl")."""
    w = norm(word)
    if len(w) > 3 and w.endswith("s") and w[:-1] in titles().honorifics and word[:1].isupper():
        return w[:-1]
    return None


def _service_tail(sg: _Seg, b: int) -> int:
    """End of the body a title serves in, written after it: "a captain in the X army",
    "a clerk at the Y bank" (a locative word, then up to six words ending in a common noun
    before a comma, a full stop or a relative pronoun); ``b`` when there is none."""
    doc = sg.doc
    if b >= len(doc) or doc[b].lower_ not in _LOCATIVE_CONN:
        return b
    k = b + 1
    while k < len(doc) and k - b <= 6 and doc[k].pos_ in {"DET", "ADJ", "NOUN", "PROPN"}:
        if k in sg.person_tok:
            return b
        k += 1
    end_ok = (
        k >= len(doc) or doc[k].text in _STOP_PUNCT or doc[k].lower_ in titles().relative_pronouns
    )
    if k - b < 2 or not end_ok or doc[k - 1].pos_ != "NOUN":
        return b
    return k


def _plural_titles(sg: _Seg) -> list[_Found]:
    """A plural role noun shared by joined names: "the intermediaries Boris Skvirsky and
    William Bullitt", "Foreign Ministers Molotov and Ribbentrop": each name gets the title in
    the singular ("intermediary", "Foreign Minister")."""
    doc = sg.doc
    out: list[_Found] = []
    for tok in doc:
        sing = singular_head(tok.text) or _singular_honorific(tok.text)
        if sing is None:
            continue
        # the names that follow: NAME (, NAME)* (,)? and NAME
        j = tok.i + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        names: list[SegMention] = []
        while j < len(doc) and j in sg.person_tok:
            pm = sg.person_tok[j]
            names.append(pm)
            j = pm.tok_end
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if j < len(doc) and doc[j].lower_ in {"and", "&"}:
                j += 1
            elif not (j - 1 >= 0 and doc[j - 1].text == ","):
                break
        if len(names) < 2:
            continue
        # modifiers of the title before the plural head ("Foreign", "Soviet")
        a = tok.i
        while a > 0 and sg.cls(a - 1) in {"mod", "state", "cap", "head"}:
            if (a - 1) in sg.person_tok:
                break
            a -= 1
        written = tok.text[: len(sing)] if norm(tok.text[: len(sing)]) == sing else sing
        head = written[:1].upper() + written[1:] if tok.text[:1].isupper() else written.lower()
        title = (sg.text(a, tok.i) + " " + head).strip() if a < tok.i else head
        for pm in names:
            out.append(_Found(pm, a, tok.i + 1, sg.abs(a), names[-1].end, title=title))
    return out


def _parenthetical(sg: _Seg, dates: _Dates, m: SegMention, s: int, e: int) -> list[_Found]:
    """Roles inside "(…)" after a name: split on "and", "&", ";"; dates give the interval."""
    doc = sg.doc
    began = ended = None
    ds = dates.within(sg.abs(s), sg.abs_end(e - 1)) if e > s else []
    if ds:
        began, ended = _split_interval(ds[0].value)
        if "/" not in ds[0].value.value and len(ds) > 1:
            ended = _split_interval(ds[1].value)[0]
        elif "/" not in ds[0].value.value and _word_before(sg, ds[0].start) in _UNTIL_WORDS:
            began, ended = None, began  # "(General Secretary until October 1989)"
    parts: list[tuple[int, int]] = []
    k = s
    start = s
    while k < e:
        t = doc[k].text
        # "and" splits only when a new title follows
        if t in {";", ","} or (
            doc[k].lower_ in {"and", "&"}
            and sg.cls(k + 1) in {"head", "mod", "state", "cap", "det"}
        ):
            parts.append((start, k))
            start = k + 1
        k += 1
    parts.append((start, e))
    out: list[_Found] = []
    for a0, b0 in parts:
        r = _right_phrase(sg, a0, b0, stop_and=False)
        if r is None:
            # "(Major, U.S. Air Force)": the service or body of the title before the comma
            last = out[-1] if out else None
            if (
                last is not None
                and last.title_e == a0 - 1
                and doc[a0 - 1].text == ","
                and b0 > a0
                and all(
                    sg.cls(i) in {"state", "cap", "mod", "conn", "det", "hyph"}
                    for i in range(a0, b0)
                )
                and sg.cls(b0 - 1) in {"state", "cap"}
            ):
                last.title_e = b0
            continue
        a, b = r
        out.append(_Found(m, a, b, m.start, sg.abs_end(e - 1) + 1, began=began, ended=ended))
    # "Head of X and Acting Y" where "and" is inside a proper name must not split it wrongly:
    # if splitting lost the head of a part, fall back to the whole parenthetical
    if not out:
        r = _right_phrase(sg, s, e, stop_and=False)
        if r is not None:
            out.append(
                _Found(m, r[0], r[1], m.start, sg.abs_end(e - 1) + 1, began=began, ended=ended)
            )
    return out


_LIST_DASHES = frozenset({"–", "—", "-", "--"})


def _colon_description(sg: _Seg, m: SegMention, k: int) -> list[_Found]:
    """A cast-list entry: "NAME (role): U-2 pilot, the only ..."; "**NAME:** Secretary of
    State, ...". A title phrase opening the description after the colon, ended by a comma,
    a full stop or a semicolon, is a role of the name."""
    doc = sg.doc
    # "):" and ":*" may be single tokens
    seen_colon = k > 0 and ":" in doc[k - 1].text and set(doc[k - 1].text) <= set("):*")
    # "- **NAME** – role": a dash after a name that opens its line (a cast list)
    line_start = all(not any(c.isalnum() for c in t.text) for t in doc[: m.tok_start]) or (
        m.tok_start > 0 and "\n" in doc[m.tok_start - 1].text
    )
    while k < len(doc) and (
        set(doc[k].text) <= set(":*")
        or doc[k].is_space
        or (line_start and doc[k].text in _LIST_DASHES)
    ):
        seen_colon = seen_colon or ":" in doc[k].text or doc[k].text in _LIST_DASHES
        k += 1
    if not seen_colon or k >= len(doc):
        return []
    r = _right_phrase(sg, k, len(doc))
    if r is None or r[0] != k:
        return []
    a, b = r
    if b < len(doc) and doc[b].text not in {",", ".", ";"} and not doc[b].is_space:
        return []
    return [_Found(m, a, b, m.start, sg.abs_end(b - 1))]


def _verb_role(
    state: DocState, sg: _Seg, dates: _Dates, m: SegMention, k: int, hi: int, *, relative: bool
) -> list[_Found]:
    tl = titles()
    doc = sg.doc
    k = _skip_verb_group(sg, k, hi)
    if k >= hi:
        return []
    verb = doc[k]
    lemma = norm(verb.lemma_)
    sent_s, sent_e = sg.sent_bounds(k)
    s_abs, e_abs = sg.abs(sent_s), sg.abs_end(sent_e - 1)
    out: list[_Found] = []
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
            ranges = _titles_from(sg, k + n + 1, hi)
            if ranges:
                when = _sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
                began = _split_interval(when)[0] if when else None
                return [_Found(m, a, b, m.start, sg.abs_end(b - 1), began=began) for a, b in ranges]
        when = _sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
        if when is not None:
            out.append(
                _Found(
                    m,
                    -1,
                    -1,
                    m.start,
                    sg.abs_end(min(hi, k + 4) - 1),
                    began=_split_interval(when)[0],
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
                r = _right_phrase(sg, j + 1, hi)
                if r is not None:
                    a, b = r
                    when = _sentence_date(sg, state, dates, s_abs, e_abs)
                    tv = _split_interval(when)[0] if when else None
                    span_e = sg.abs_end(b - 1)
                    out.append(_Found(newcomer, a, b, m.start, span_e, began=tv))
                    out.append(_Found(leaver, a, b, m.start, span_e, ended=tv))
            return out
    if lemma in tl.verbs_end:
        return _end_role(state, sg, dates, m, k, hi, passive=passive)
    starts_needs, holds_post, post_nouns, _, _ = _page_lexicon()
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
    if lemma in _page_lexicon()[3] and not passive and not relative:
        # "Y named his aide, X": the subject gives the role; "X proclaimed himself Z" holds it
        if j < hi and doc[j].lower_ in {"himself", "herself", "themselves"}:
            j += 1
        else:
            return out
    while j < hi and doc[j].lower_ in {"as", "to", "be", "the", "a", "an"} | _AUX_SKIP:
        if doc[j].lower_ in {"the", "a", "an"}:
            break
        j += 1
    # "the post of X", "to the office of X"
    pj = j + 1 if j < hi and doc[j].lower_ in {"the", "a", "an"} else j
    if pj + 1 < hi and norm(doc[pj].text) in post_nouns and doc[pj + 1].lower_ in {"of", "as"}:
        j = pj + 2
    elif lemma in holds_post and lemma not in tl.verbs_hold:
        return out  # "held a meeting"
    ranges = _titles_from(sg, j, hi)
    if not ranges:
        return out
    b_last = ranges[-1][1]
    began, ended = _interval_after(sg, dates, b_last, sent_e)
    if starts and began is None:
        when = _sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
        began = _split_interval(when)[0] if when else None
    for a, b in ranges:
        out.append(_Found(m, a, b, m.start, sg.abs_end(b - 1), began=began, ended=ended))
    return out


def _titles_from(sg: _Seg, j: int, hi: int) -> list[tuple[int, int]]:
    """The title phrase at token j and those joined to it by "and" ("head of X and acting
    secretary of Y")."""
    out: list[tuple[int, int]] = []
    r = _right_phrase(sg, j, hi)
    while r is not None:
        out.append(r)
        b = r[1]
        if b + 1 < hi and sg.doc[b].lower_ in {"and", "&"}:
            r = _right_phrase(sg, b + 1, hi)
        else:
            break
    return out


_FROM_WORDS = frozenset({"since", "from", "starting", "beginning"})
_UNTIL_WORDS = frozenset({"until", "till", "til", "to", "through", "thru", "ending"})


def _interval_after(
    sg: _Seg, dates: _Dates, b: int, sent_e: int
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
        w = _word_before(sg, d.start)
        if "/" in d.value.value and w in _FROM_WORDS | {"", "(", "between"}:
            began, ended = _split_interval(d.value)
            break
        if w in _FROM_WORDS or w == "between":
            began = began or _split_interval(d.value)[0]
        elif w in _UNTIL_WORDS or (w == "and" and began is not None):
            ended = _split_interval(d.value)[0]
            break
        elif began is None:
            break  # a date of something else ("in 1933")
    return began, ended


def _word_before(sg: _Seg, start: int) -> str:
    """The lower-case word right before the absolute offset ``start`` in the segment."""
    rel = start - sg.offset
    before = sg.doc.text[max(0, rel - 12) : rel].lower().split()
    return before[-1] if before else ""


def _end_role(
    state: DocState, sg: _Seg, dates: _Dates, m: SegMention, k: int, hi: int, *, passive: bool
) -> list[_Found]:
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
    when = _sentence_date(sg, state, dates, s_abs, e_abs, after=sg.abs(k))
    tv = _split_interval(when)[0] if when else None
    ranges = _titles_from(sg, j, hi)
    if ranges:
        return [_Found(holder, a, b, holder.start, sg.abs_end(b - 1), ended=tv) for a, b in ranges]
    if tv is None:
        return []
    return [_Found(holder, -2, -2, holder.start, sg.abs_end(k), ended=tv)]


def _title_subject(sg: _Seg, state: DocState, dates: _Dates) -> list[_Found]:
    """ "The first US Ambassador to the Soviet Union was … NAME": a title as the subject of a
    copula whose complement ends in a person's name."""
    doc = sg.doc
    out: list[_Found] = []
    # the copulas heading a clause ("be" as ROOT or ccomp), found in one pass over the parse
    # instead of a walk over every sentence's tokens
    from spacy.attrs import DEP, LEMMA

    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, DEP])
    copulas = [
        int(i)
        for i in (
            (arr[:, 0] == strings["be"])
            & ((arr[:, 1] == strings["ROOT"]) | (arr[:, 1] == strings["ccomp"]))
        ).nonzero()[0]
    ] if len(doc) else []
    for sent in doc.sents:
        k = bisect.bisect_left(copulas, sent.start)
        if k >= len(copulas) or copulas[k] >= sent.end or copulas[k] == sent.start:
            continue
        be = doc[copulas[k]]
        a, b, _ = _trim(sg, sent.start, be.i)
        if not _phrase_ok(sg, a, b):
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
        if m.tok_end < sent.end and doc[m.tok_end].text not in _STOP_PUNCT:
            continue
        out.append(_Found(m, a, b, sg.abs(sent.start), m.end))
    return out


# ---------------------------------------------------------------- fact cards

_CARD_PUNCT = frozenset({":", ",", "–", "—", "-", "(", ")", "|", ";", "*", "**", "#"})


def _content_tokens(sg: _Seg) -> list[int]:
    """Tokens of the segment that carry words (no markup, no punctuation); worked out once
    per segment (three fact-card rules ask)."""
    if sg.content_tokens is None:
        sg.content_tokens = [
            t.i for t in sg.doc if (w := t.text).isalnum() or any(c.isalnum() for c in w)
        ]
    return sg.content_tokens


def _whole_person(sg: _Seg) -> SegMention | None:
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


def _card_title_row(sg: _Seg) -> tuple[int, int, bool] | None:
    """A fact-card row naming an office, alone with its dates ("Prime Minister of Italy:
    1945 – 1953", "Secretary of the Navy, 1913–1921"): the title's token range and whether
    dates follow."""
    toks = _content_tokens(sg)
    if not toks:
        return None
    k = toks[0]
    r = _right_phrase(sg, k, len(sg.doc), stop_and=False)
    if r is None or r[0] != k:
        return None
    a, b = r
    rest = [t for t in sg.doc[b:] if not t.is_space]
    dated = False
    for t in rest:
        if t.i in sg.date_tok or t.like_num or t.lower_ in {"present", "today"}:
            dated = True
        elif t.text not in _CARD_PUNCT and t.lower_ not in _FROM_WORDS | _UNTIL_WORDS:
            return None
    return a, b, dated


def _card_dates_only(sg: _Seg) -> bool:
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
        for label in sorted(word_list("card_term_labels"), key=lambda w: (-len(w), w)):
            n = len(label.split())
            if len(toks) > n and norm(" ".join(t.text for t in toks[:n])) == label:
                toks = toks[n:]
                break
    return bool(toks) and all(
        t.i in sg.date_tok or t.like_num or t.lower_ in {"present", "today"} for t in toks
    )


def _card_label(sg: _Seg) -> tuple[str, int] | None:
    """ "Preceded by: NAME": the label (from the data) and the token after it."""
    doc = sg.doc
    toks = [t for t in doc if t.text not in _CARD_PUNCT and not t.is_space]
    if len(toks) < 2:
        return None
    first = toks[0].i
    for label in sorted(word_list("card_neighbour_labels"), key=lambda w: (-len(w), w)):
        n = len(label.split())
        if norm(doc[first : first + n].text) == label:
            k = first + n
            while k < len(doc) and (doc[k].text in _CARD_PUNCT or doc[k].is_space):
                k += 1
            return label, k
    return None


def _card_rows(state: DocState, segs: list[_Seg], dates: _Dates) -> list[_Found]:
    """Rows of an infobox or quick-facts card: an office with dates under the page's person
    ("Prime Minister of Italy: 1945 – 1953"); "Prime Minister: NAME"; "Preceded by: NAME" /
    "Succeeded by: NAME" (the neighbour held the office of the row above)."""
    out: list[_Found] = []
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
                r = _right_phrase(sg, k, len(sg.doc), stop_and=False) if k < len(sg.doc) else None
                if r is not None and r[0] == k:
                    a, b = r
                    last_title = (sg.abs(a), sg.abs_end(b - 1), sg.text(a, b))
                    out.append(
                        _Found(
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
                out.append(_Found(m, -3, -3, sg.abs(0), m.end, title=t, title_abs=(a_abs, b_abs)))
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
                began, ended = _split_interval(ds[0].value)
                if "/" not in ds[0].value.value and len(ds) > 1:
                    ended = _split_interval(ds[1].value)[0]
            last_title = (sg.abs(a), sg.abs_end(b - 1), sg.text(a, b))
            out.append(
                _Found(
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
            r = _right_phrase(sg, toks[0], len(sg.doc), stop_and=False)
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
                        out.append(_Found(m, a, b, sg.abs(a), m.end))
    return out


# ---------------------------------------------------------------- public


def extract_roles(state: DocState, ents: DocEntities) -> list[RoleClaim]:
    """RoleClaims of every person mention of the document."""
    dates = _Dates(state)
    years = YearIndex(state)
    doc_id = state.document.id
    text = state.document.text
    found: list[_Found] = []
    segs: list[_Seg] = []
    # grouped once: asking ``ents.in_segment`` per segment scans every mention each time
    by_seg: dict[int, list[SegMention]] = {}
    for m in ents.mentions:
        by_seg.setdefault(m.seg, []).append(m)
    for si in range(len(state.segments)):
        sg = _Seg(state, si, by_seg.get(si, []), dates)
        sg.headline_words = ents.headline_words.get(si, frozenset())
        segs.append(sg)
        found.extend(_extract_segment(state, sg, dates))
    found.extend(_card_rows(state, segs, dates))
    claims: list[RoleClaim] = []
    dated: list[_Found] = []
    for f in found:
        if f.title_abs is not None:
            a, b = f.title_abs
        elif f.title_s < 0:
            dated.append(f)
            continue
        else:
            sg_doc = state.segments[f.person.seg]
            a = sg_doc.offset + sg_doc.doc[f.title_s].idx
            last = sg_doc.doc[f.title_e - 1]
            b = sg_doc.offset + last.idx + len(last.text)
        title = f.title or text[a:b]
        title = title.strip(" ,;:*")
        if not title:
            continue
        year = years.at(a)
        match = normalise_title(title, year)
        claims.append(
            RoleClaim(
                doc_id=doc_id,
                start=min(f.span_s, a),
                end=max(f.span_e, b),
                person=f.person.key or f.person.text,
                title=title,
                office=match.office,
                jurisdiction=match.jurisdiction,
                began=f.began,
                ended=f.ended,
            )
        )
    # "X was recalled in 1938": the person's latest role stated before ends then
    for f in [f for f in dated if f.title_s == -2]:
        key = f.person.key or f.person.text
        prior = [
            n
            for n, c in enumerate(claims)
            if c.person == key
            and c.start <= f.span_s
            and c.ended is None
            and (c.began is None or f.ended is None or c.began.earliest <= f.ended.latest)
        ]
        if prior and f.ended is not None:
            newest = max(prior, key=lambda n: claims[n].start)
            office_id = claims[newest].office
            for n in prior:
                if n == newest or (office_id is not None and claims[n].office == office_id):
                    claims[n] = replace(claims[n], ended=f.ended)
    dated = [f for f in dated if f.title_s == -1]
    # "took office": date the roles the same person holds in that sentence
    for f in dated:
        for i, c in enumerate(claims):
            if (
                c.person == (f.person.key or f.person.text)
                and c.began is None
                and abs(c.start - f.person.start) < 200
                and c.start <= f.span_e
            ):
                claims[i] = replace(c, began=f.began)
    # one claim per (person, title span)
    seen: set[tuple[str, int, int, str]] = set()
    out: list[RoleClaim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.title)):
        k = (c.person, c.start, c.end, c.title)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out
