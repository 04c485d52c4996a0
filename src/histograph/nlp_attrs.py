"""The matches of spaCy's ``attribute_ruler`` found by table look-up instead of its Matcher.

The English model's attribute ruler (tag → POS and morphology, a few lemma and POS
exceptions) holds about 180 patterns of one or two tokens, each token tested on its TAG,
LOWER, DEP or IS_SPACE only. spaCy runs them through the general token Matcher, which
costs about a seventh of the whole parse; the same matches are found here by indexing the
patterns on the first token's TAG or LOWER and testing each token once against the
few patterns its values select. :func:`speed_up` replaces the ruler's ``match`` method
only: the matches (the same tuples, in the same order) are still applied by spaCy's own
``set_annotations``, so every token's attributes are what the Matcher would have made.
A ruler holding any pattern of another shape (an operator, another attribute, another
kind of predicate) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: the token attributes a pattern may test, in the order of the array read from a Doc
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COL = {name: i for i, name in enumerate(_ATTRS)}

#: one test of one token: (column, kind, value); kind is "eq" (a hash or a bool), "in",
#: "not_in" (frozensets of hashes) or "regex" (a compiled pattern searched in the string)
_Test = tuple[int, str, Any]
#: the most token value combinations remembered (a few thousand occur in practice)
_MEMO_ROWS = 100_000


class _Pattern:
    __slots__ = ("attr_id", "key", "tokens")

    def __init__(self, attr_id: int, key: int, tokens: list[list[_Test]]) -> None:
        self.attr_id = attr_id
        self.key = key
        self.tokens = tokens


def _token_tests(spec: dict[str, Any], strings: Any) -> list[_Test] | None:
    """The tests of one token's pattern, or None for a shape not handled here."""
    tests: list[_Test] = []
    for name, value in spec.items():
        col = _COL.get(name)
        if col is None:
            return None
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((col, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((col, "eq", strings[value]))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list):
                if not all(isinstance(a, str) for a in arg):
                    return None
                kind = "in" if op == "IN" else "not_in"
                tests.append((col, kind, frozenset(strings[a] for a in arg)))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append((col, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return tests


def _passes(tests: list[_Test], row: tuple[int, ...], strings: Any) -> bool:
    for col, kind, value in tests:
        v = row[col]
        if kind == "eq":
            if v != value:
                return False
        elif kind == "in":
            if v not in value:
                return False
        elif kind == "not_in":
            if v in value:
                return False
        elif not value.search(strings[v]):
            return False
    return True


def fast_match(ruler: Any) -> Callable[[Any], list[tuple[int, int, int, int]]] | None:
    """A replacement for ``ruler.match`` (an :class:`spacy.pipeline.AttributeRuler`), or
    None when one of its patterns has a shape not handled here."""
    strings = ruler.vocab.strings
    by_col: tuple[dict[int, list[_Pattern]], ...] = ({}, {})  # first token's TAG, LOWER
    every: list[_Pattern] = []  # patterns whose first token has neither as a value or set
    for i in range(len(ruler.attrs)):
        key = strings[str(i)]
        entry = ruler.matcher.get(key)
        if entry is None:
            return None
        on_match, patterns = entry
        if on_match is not None:
            return None
        for pattern in patterns:
            tokens = [_token_tests(t, strings) for t in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            p = _Pattern(i, key, [t for t in tokens if t is not None])
            first = {col: (kind, value) for col, kind, value in p.tokens[0]}
            for col in (_COL["LOWER"], _COL["TAG"]):
                kind, value = first.get(col, ("", None))
                if kind in ("eq", "in"):
                    for v in [value] if kind == "eq" else sorted(value):
                        by_col[col].setdefault(v, []).append(p)
                    break
            else:
                every.append(p)
    by_tag, by_lower = by_col
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

    columns = [TAG, LOWER, DEP, IS_SPACE]
    #: the one-token matches of a token, by its four values (most tokens repeat a few
    #: hundred combinations); the patterns of more tokens are tested at each position
    single: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def starting(row: tuple[int, ...], size: int) -> list[_Pattern]:
        """The patterns of ``size`` tokens (1) or more (2) that may start at ``row``."""
        return [
            p
            for group in (by_tag.get(row[0]), by_lower.get(row[1]), every)
            if group
            for p in group
            if min(len(p.tokens), 2) == size
        ]

    #: the patterns of more than one token that may start at a token, by its four values
    longer: dict[tuple[int, ...], list[_Pattern]] = {}

    def match(doc: Any) -> list[tuple[int, int, int, int]]:
        if len(doc) == 0:
            return []
        rows: list[tuple[int, ...]] = [tuple(r) for r in doc.to_array(columns).tolist()]
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for s, row in enumerate(rows):
            ones = single.get(row)
            if ones is None:
                if len(single) > _MEMO_ROWS:
                    single.clear()
                    longer.clear()
                ones = single[row] = [
                    (p.attr_id, p.key)
                    for p in starting(row, 1)
                    if _passes(p.tokens[0], row, strings)
                ]
                longer[row] = starting(row, 2)
            for attr_id, key in ones:
                found.add((attr_id, key, s, s + 1))
            for p in longer[row]:
                e = s + len(p.tokens)
                if e > n:
                    continue
                if all(
                    _passes(tests, rows[s + k], strings) for k, tests in enumerate(p.tokens)
                ):
                    found.add((p.attr_id, p.key, s, e))
        return sorted(found)

    return match


#: the most (word, part of speech, morphology) lemmas remembered (tens of thousands occur)
_MEMO_LEMMAS = 200_000


def fast_lemmas(lemmatizer: Any) -> Callable[..., Any] | None:
    """A replacement for ``lemmatizer.pipe`` (a rule-based :class:`spacy.pipeline.Lemmatizer`
    that keeps the lemmas set before it), or None for another kind. spaCy's rule lemmatizer
    walks every token in Python and works out its lemma from the token's word, part of
    speech and morphology alone; here each such triple is asked of it once, and the
    lemmas of a parse are read and written as one array. Every token gets the lemma
    spaCy's own call would give it."""
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return None
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    columns = [ORTH, POS, MORPH, LEMMA]
    memo: dict[tuple[int, int, int], int] = {}
    call = type(lemmatizer).__call__

    def lemmatize(doc: Any) -> Any:
        if not len(doc) or not getattr(lemmatizer, "_validated", False):
            return call(lemmatizer, doc)  # the first parse checks the tables
        arr = doc.to_array(columns)
        lemmas = arr[:, 3].copy()
        todo = (lemmas == 0).nonzero()[0]
        if not len(todo):
            return doc
        if len(memo) > _MEMO_LEMMAS:
            memo.clear()
        rows = arr[todo, :3].tolist()
        for i, (orth, pos, morph) in zip(todo.tolist(), rows, strict=True):
            key = (orth, pos, morph)
            lemma = memo.get(key)
            if lemma is None:
                token = doc[i]
                token.lemma_ = lemmatizer.lemmatize(token)[0]
                lemma = memo[key] = token.lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(stream: Any, *, batch_size: int = 128) -> Any:
        for doc in stream:
            yield lemmatize(doc)

    return pipe


def speed_up(nlp: Any) -> bool:
    """Give ``nlp``'s attribute ruler (when it has one of the shapes handled here) the
    look-up :func:`fast_match`, and its rule lemmatizer :func:`fast_lemmas` (what
    ``nlp.pipe`` calls); whether the ruler's was replaced."""
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        pipe = fast_lemmas(lemmatizer)
        if pipe is not None:
            lemmatizer.pipe = pipe
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    match = fast_match(ruler)
    if match is None:
        return False
    ruler.match = match
    return True
