"""Title-case lines and headings: a capitalised common word of a headline ("Khrushchev
Agrees to Remove Soviet Missiles") is no part of a name, and a one-word name in a heading is a
person only when the prose names that person too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tokens import line_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "vs",
        "via",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "against",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "his",
        "her",
        "their",
    ]
)


def _common_word(tok: Token, lower_words: frozenset[str]) -> bool:
    w = tok.lower_
    return (
        w in lower_words
        or tok.lemma_.lower() in lower_words
        or (w.endswith("s") and w[:-1] in lower_words)
    )


def headline_line(doc: Doc, a: int, b: int, lower_words: frozenset[str]) -> bool:
    """A title-case line ("Khrushchev Agrees to Remove Soviet Missiles from Cuba"): most of
    its content words capitalised, some of them common words the document writes in lower
    case elsewhere. A list of names ("Wilson, Clemenceau and Orlando") is no headline."""
    last = next((t for t in reversed(doc[a:b]) if not t.is_space and t.text not in '"”*'), None)
    if last is not None and last.text == ".":
        return False  # a sentence, however capitalised ("X replaces Y as General Secretary.")
    content = [t for t in doc[a:b] if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
    if len(content) < 3:
        return False
    caps = [t for t in content if t.text[0].isupper()]
    if len(caps) * 4 < len(content) * 3:
        return False
    return any(_common_word(t, lower_words) for t in caps if t.i > a)


_SENTENCE_END = frozenset('.!?:;"”')


def heading_line(doc: Doc, a: int, b: int) -> bool:
    """A heading: a short line without a sentence's final punctuation, most of its content
    words capitalised ("## Cast of Characters", "Timeline and Cast (1943-1946)")."""
    words = [t for t in doc[a:b] if t.is_alpha]
    if not words or len(words) > 14:
        return False
    last = next((t for t in reversed(doc[a:b]) if not t.is_space), None)
    if last is None or last.text[-1] in _SENTENCE_END:
        return False
    content = [t for t in words if t.lower_ not in _FUNCTION_WORDS]
    caps = sum(1 for t in content if t.text[0].isupper())
    return bool(content) and caps * 5 >= len(content) * 3


def headline_words(doc: Doc, lower_words: frozenset[str]) -> frozenset[int]:
    """Capitalised common words of the title-case lines of a segment."""
    out: set[int] = set()
    i = 0
    while i < len(doc):
        a, b = line_bounds(doc, i)
        if headline_line(doc, a, b, lower_words):
            depth, inside = 0, set()
            for t in doc[a:b]:  # a parenthesis holds a title, not headline words
                depth += (t.text == "(") - (t.text == ")")
                if depth > 0:
                    inside.add(t.i)
            out.update(
                t.i
                for t in doc[a:b]
                if t.is_alpha
                and t.text[0].isupper()
                and t.i not in inside
                and _common_word(t, lower_words)
            )
        i = b
    return frozenset(out)


def headline_trim(doc: Doc, s: int, e: int, lower_words: frozenset[str]) -> tuple[int, int] | None:
    """In a title-case line, common words are no part of a name: trim them at the edges
    ("Khrushchev Agrees" -> "Khrushchev"); None when one sits inside the name."""
    a, b = line_bounds(doc, s)
    if not headline_line(doc, a, b, lower_words):
        return s, e
    while s < e and _common_word(doc[s], lower_words):
        s += 1
    while e > s and _common_word(doc[e - 1], lower_words):
        e -= 1
    if s >= e or any(_common_word(t, lower_words) for t in doc[s:e] if t.is_alpha):
        return None
    return s, e
