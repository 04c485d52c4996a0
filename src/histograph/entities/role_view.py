"""The token view the role constructions match over (:class:`Seg`: one segment's people,
state words, date tokens and the class of each token in a title phrase), the phrase walkers
they share (:func:`left_phrase`, :func:`right_phrase`), and :class:`Found`, a role found
before its title is normalised."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import TimeValue
from .lexicon import is_head, load_yaml, norm, titles, word_list
from .mentions import SegMention
from .role_dates import RoleDates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..state import DocState


@functools.lru_cache(maxsize=1)
def page_lexicon() -> tuple[
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


CLOSE = {")", "]"}


_ORDINAL_NUM = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)


STOP_PUNCT = {",", ";", ".", ":", "(", ")", "[", "]", "!", "?", "—", "–", '"', "“", "”"}


AUX_SKIP = frozenset(
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


POSSESSIVE_DETS = frozenset({"their", "its", "his", "her", "our"})
#: the model's entity labels of a date or a time of day
_DATE_ENTS = frozenset({"DATE", "TIME"})


class Seg:
    """Token-level view of one segment for the pattern matcher."""

    def __init__(self, state: DocState, si: int, ents: list[SegMention], dates: RoleDates) -> None:
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
        self.content_tokens: list[int] | None = None  # the fact cards' content tokens, once asked
        self.date_tok: set[int] = set()
        texts: list[str] = []  # each token's text, read once
        offset = self.offset
        for tok in self.doc:
            t = tok.text
            texts.append(t)
            a = offset + tok.idx
            if dates.covers(a, a + len(t)) or tok.ent_type_ in _DATE_ENTS:
                self.date_tok.add(tok.i)
        # "the 28th President": an ordinal before a title head is no day of the month
        for i in range(len(texts) - 1):
            if _ORDINAL_NUM.match(texts[i]) and is_head(texts[i + 1]):
                self.date_tok.discard(i)
                if i > 0 and self.doc[i - 1].lower_ == "the":
                    self.date_tok.discard(i - 1)

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
        if t in STOP_PUNCT:
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
        if (
            w in tl.honorifics
            and t[:1].isupper()
            and i + 2 < len(self.doc)
            and self.doc[i + 1].lower_ == "of"
            and self.doc[i + 2].text[:1].isupper()
        ):
            return "head"  # a rank of nobility with its land is a title: "Count of Flanders"
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
        if t.islower() and w in page_lexicon()[4]:
            # the nearest "of"/"for"/"to" before it, with no punctuation in between
            k = i - 1
            while k >= max(0, i - 5) and self.doc[k].text not in STOP_PUNCT:
                if self.doc[k].lower_ in {"of", "for", "to"}:
                    return "cap"  # "president of the republic", "minister of war"
                k -= 1
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


def trim(sg: Seg, s: int, e: int) -> tuple[int, int, bool]:
    """Trim determiners/connectors/descriptors at the edges; report a possessive determiner."""
    poss = False
    while s < e and sg.cls(s) in {"det", "conn", "desc", "hyph", "poss"}:
        if norm(sg.doc[s].text) in POSSESSIVE_DETS:
            poss = True
        s += 1
    while e > s and sg.cls(e - 1) in {"det", "conn", "hyph", "poss", "desc"}:
        e -= 1
    return s, e, poss


def _has_head(sg: Seg, s: int, e: int) -> bool:
    return any(sg.cls(i) == "head" for i in range(s, e))


def phrase_ok(sg: Seg, s: int, e: int) -> bool:
    if s >= e or not _has_head(sg, s, e):
        return False
    # the phrase must end in a head, a capitalised word or a state name, not a modifier
    return sg.cls(e - 1) in {"head", "cap", "state", "dot"}


def left_phrase(sg: Seg, p: int, lo: int) -> tuple[int, int, bool] | None:
    """The title phrase right before token p (a person's first token)."""
    j = p - 1
    while j >= lo:
        c = sg.cls(j)
        if c is None:
            break
        if c == "cap" and sg.doc[j].is_sent_start and sg.doc[j].pos_ not in {"PROPN", "ADJ"}:
            break
        j -= 1
    s, e, poss = trim(sg, j + 1, p)
    # a connector joins a title to what follows its head ("Secretary of State"): words before
    # the first connector without a head are no part of the title ("in Cuba to Chairman X")
    cn = next((k for k in range(s, e) if sg.cls(k) == "conn"), None)
    while cn is not None and not _has_head(sg, s, cn):
        s, e, _ = trim(sg, cn + 1, e)
        cn = next((k for k in range(s, e) if sg.cls(k) == "conn"), None)
    if e != p or not phrase_ok(sg, s, e):
        return None  # "intermediary for X" is no title of X
    # "Viceroy Lord X", "Foreign Minister Count X": the honorific is the name's, not the title's
    hons = titles().honorifics
    while e - 1 > s and norm(sg.doc[e - 1].text) in hons and phrase_ok(sg, s, e - 1):
        e -= 1
    return (
        s,
        e,
        poss
        or (j + 1 < s and norm(sg.doc[j + 1].text) in POSSESSIVE_DETS)
        or (j >= lo and norm(sg.doc[j].text) in POSSESSIVE_DETS),
    )


def right_phrase(sg: Seg, q: int, hi: int, *, stop_and: bool = True) -> tuple[int, int] | None:
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
            and sg.doc[k].lower_ in LOCATIVE_CONN
            and sg.doc[k - 1].text not in {"-", "‐"}  # "commander-in-chief"
            and not _place_follows(sg, k + 1, hi)
        ):
            break  # "proclaimed Emperor in the Hall of Mirrors": a place of the event
        k += 1
    s, e, _ = trim(sg, q, k)
    if not phrase_ok(sg, s, e):
        return None
    return s, e


LOCATIVE_CONN = frozenset({"in", "at", "on"})


_VERB_TAGS = frozenset({"VB", "VBZ", "VBD", "VBP"})


def _place_follows(sg: Seg, k: int, hi: int) -> bool:
    """A state or a city follows ("Representative in Washington", "Consul at Danzig"), not a
    building or an occasion ("in the Hall of Mirrors", "at the conference")."""
    if k < hi and sg.doc[k].lower_ == "the":
        k += 1
    if k >= hi:
        return False
    return k in sg.state_tok or sg.doc[k].ent_type_ == "GPE"


@dataclass
class Found:
    person: SegMention
    title_s: int  # token range of the title
    title_e: int
    span_s: int  # absolute char span stating the role
    span_e: int
    title: str | None = None  # overrides the text of the title tokens
    began: TimeValue | None = None
    ended: TimeValue | None = None
    title_abs: tuple[int, int] | None = None  # absolute span of a title in another segment


def subject_state_text(sg: Seg, head_i: int) -> tuple[str, int] | None:
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


def sentence_date(
    sg: Seg, state: DocState, dates: RoleDates, s_abs: int, e_abs: int, after: int | None = None
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


def skip_verb_group(sg: Seg, k: int, hi: int) -> int:
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
            or tok.lower_ in AUX_SKIP
        ):
            k += 1
            continue
        break
    return k
