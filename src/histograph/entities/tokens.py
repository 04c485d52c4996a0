"""Token tests the entity mention passes share: capitalisation, title and state words,
initials, card-row labels, text lines, the model's entity at a token; and :class:`SegMention`,
the mention record of one segment that the passes produce."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import token_texts
from ..time.lexicon import lexicon
from .lexicon import is_head, norm, titles, word_list
from .states import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})


def _calendar_words() -> frozenset[str]:
    """Month names and abbreviations, and the full weekday names, from the date lexicon."""
    lx = lexicon()
    weekdays: dict[int, list[str]] = {}
    for name, num in lx.weekdays.items():
        weekdays.setdefault(num, []).append(name)
    return frozenset(lx.months) | {max(names, key=len) for names in weekdays.values()}


MONTHS = _calendar_words()


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass
class SegMention:
    """A mention in one segment, with its token range (for the roles extractor)."""

    seg: int
    tok_start: int
    tok_end: int
    start: int  # absolute character offsets
    end: int
    text: str
    label: str
    key: str | None = None


def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()


def title_word(tok: Token) -> bool:
    """A word that can be part of a title (not of a name)."""
    w = norm(tok.text)
    tl = titles()
    return (
        is_head(tok.text)
        or w in tl.honorifics
        or tok.text.lower() in tl.honorifics
        or w in tl.modifiers
        or w in tl.descriptors
        or w in tl.determiners
        or w in tl.head_inner
    )


INITIAL = re.compile(r"[A-Z][a-z]?\.")


def initials_run(doc: Doc, s: int, e: int) -> bool:
    """Token s opens a run of initials ("M. S. X": not the honorific "M."), the next token
    being an initial too."""
    return (
        s + 1 < e
        and bool(INITIAL.fullmatch(doc[s].text))
        and bool(INITIAL.fullmatch(doc[s + 1].text))
    )


def titled_before(doc: Doc, s: int) -> bool:
    """A title head or an honorific right before token s ("Colonel House", "Lord Halifax",
    "Pope Pius"); "of" or "the" are no titles."""
    if s == 0:
        return False
    prev = doc[s - 1]
    hons = titles().honorifics
    return is_head(prev.text) or norm(prev.text) in hons or prev.text.lower() in hons


def is_determiner(tok: Token) -> bool:
    return norm(tok.text) in titles().determiners


def state_word(tok: Token) -> bool:
    """A demonym or state abbreviation ("Soviet", "U.S.") that can precede a title."""
    if not is_cap(tok):
        return False
    if tok.text.isupper() or "." in tok.text:
        return bool(gazetteer().candidates(tok.text))
    return gazetteer().lookup(tok.text, forms=("adjective",)) is not None


def dominant_script_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250")
    return latin * 2 >= len(letters)


@functools.cache
def _label_words(key: str) -> tuple[tuple[str, ...], ...]:
    """The labels of word list ``key`` split into words, longest first."""
    return tuple(sorted((tuple(w.split()) for w in word_list(key)), key=lambda p: (-len(p), p)))


@functools.cache
def _label_words_by_first(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`_label_words` by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for parts in _label_words(key):
        if parts:
            out.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in out.items()}


def label_at(doc: Doc, i: int, key: str) -> int:
    """Token length of the longest label of word list ``key`` starting at token i (the first
    word capitalised, the words lower case in the list), 0 when none."""
    if i >= len(doc) or not is_cap(doc[i]):
        return 0
    best = 0
    for parts in _label_words_by_first(key).get(doc[i].lower_, ()):
        n = len(parts)
        if n > best and i + n <= len(doc) and all(doc[i + k].lower_ == parts[k] for k in range(n)):
            best = n
    return best


def first_word(text: str) -> str:
    """The first normalised word of a token ("Time.[13" -> "time")."""
    words = norm(text).split()
    return words[0] if words else ""


VERB_TAGS = frozenset({"VB", "VBZ", "VBD", "VBP"})


def line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the text line holding token i (a line ends after a token whose text
    holds a line break: a token's trailing whitespace is never one)."""
    breaks = _line_breaks(doc)
    k = bisect.bisect_left(breaks, i)
    a = breaks[k - 1] + 1 if k > 0 else 0
    b = breaks[k] if k < len(breaks) else len(doc) - 1
    return a, max(b, i) + 1


#: where a parse keeps the indices of its tokens holding a line break (asked once per name
#: on a line, a walk to the line's ends was quadratic on a page of one long line); kept in
#: the parse's own ``user_data``, so that it is worked out once per parse however many
#: parses a page has (a cache of the last few was emptied on every page of many segments)
_BREAKS_KEY = "histograph.line_breaks"


def _line_breaks(doc: Doc) -> list[int]:
    hit = doc.user_data.get(_BREAKS_KEY)
    if isinstance(hit, list):
        return hit
    breaks = [i for i, w in enumerate(token_texts(doc)) if "\n" in w]
    doc.user_data[_BREAKS_KEY] = breaks
    return breaks


def ent_len(doc: Doc, i: int) -> int:
    ent = ent_at(doc, i)
    return 0 if ent is None else len(ent)


def ent_at(doc: Doc, i: int) -> Span | None:
    if not 0 <= i < len(doc) or doc[i].ent_iob_ not in ("B", "I"):
        return None  # outside every entity: no scan of a long chunk's entities
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent
    return None


@functools.lru_cache(maxsize=1 << 16)
def singular_head(word: str) -> str | None:
    """The singular of a plural title head ("Ministers" -> "minister", "secretaries" ->
    "secretary"), normalised; None when the word is no plural of a head."""
    w = norm(word)
    heads = titles().heads
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(cut) and len(w) > len(cut) + 2 and w[: -len(cut)] + add in heads:
            return w[: -len(cut)] + add
    return None


@functools.lru_cache(maxsize=1 << 16)
def plural_title(word: str) -> bool:
    """A plural title head or honorific ("Ministers", "Earls", "Lords")."""
    w = norm(word)
    return singular_head(word) is not None or (
        len(w) > 3 and w.endswith("s") and w[:-1] in titles().honorifics
    )
