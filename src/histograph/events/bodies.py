"""National bodies named as a reader names them: "the Senate" on a sentence about one state
is that state's Senate ("U.S. Senate"), "the British Parliament" of 1947 the "UK Parliament".

A participant named by a national body alone (``bodies`` in ``data/bodies.yaml``) or by a
state's demonym or name and such a body ("British Parliament") is qualified by the state, as
the state was named at the event's date: its conventional short qualifier (``qualifiers``),
else its demonym valid then. The state must be clear: the words the name is written with
("the U.S. Senate", "the French Senate"), else the one state its sentence names. When the
sentence names none or several, the name stays as written. The participant keeps the text's
own span as its evidence.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..entities.lexicon import load_yaml, norm
from ..entities.states import gazetteer, parse_interval
from ..model import day_number
from .phrases import sentence_year, state_of_word

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["qualified_body"]

#: entity labels that may name a state in a sentence
_STATE_LABELS = frozenset({"GPE", "NORP"})


@functools.cache
def _bodies() -> frozenset[str]:
    data = load_yaml("bodies.yaml") or {}
    return frozenset(norm(str(b)) for b in data.get("bodies") or ())


@functools.cache
def _qualifiers() -> dict[str, tuple[tuple[str, int, int], ...]]:
    data = load_yaml("bodies.yaml") or {}
    out: dict[str, tuple[tuple[str, int, int], ...]] = {}
    for sid, items in (data.get("qualifiers") or {}).items():
        forms: list[tuple[str, int, int]] = []
        for item in items or ():
            if isinstance(item, dict):
                lo, hi = parse_interval(item.get("valid"))
                forms.append((str(item["name"]), lo, hi))
            else:
                forms.append((str(item), *parse_interval(None)))
        out[str(sid)] = tuple(forms)
    return out


@functools.lru_cache(maxsize=1024)
def _qualifier(state_id: str, year: int | None) -> str | None:
    """How a body of ``state_id`` is qualified in ``year``: the short qualifier, else the
    state's demonym valid then (the first one written)."""
    lo, hi = (day_number(year, 1, 1), day_number(year, 12, 31)) if year else (None, None)
    for text, a, b in _qualifiers().get(state_id, ()):
        if lo is None or hi is None or (a <= hi and lo <= b):
            return text
    gz = gazetteer()
    written = gz.keys()
    for key in written:
        for c in gz.candidates(key):
            if c.state_id != state_id or c.form != "adjective":
                continue
            if lo is None or hi is None or c.valid_in(lo, hi):
                return c.text
    return None


def _split(name: str) -> tuple[str, str] | None:
    """(qualifier, body) of a name ending with a body: ("", "Senate"), ("British",
    "Parliament"); None when it names no body."""
    words = name.split()
    for i in range(len(words)):
        body = " ".join(words[i:])
        if norm(body) in _bodies() and body[:1].isupper():
            return " ".join(words[:i]), body
    return None


def _sentence_states(t: Token, year: int | None) -> set[str]:
    """The states the sentence of ``t`` names (tagged names and demonyms)."""
    out: set[str] = set()
    for ent in t.sent.ents:
        if ent.label_ in _STATE_LABELS and not (ent.start <= t.i < ent.end):
            sid = state_of_word(ent.text, year)
            if sid is not None:
                out.add(sid)
    return out


def qualified_body(t: Token, name: str) -> str | None:
    """The name of the national body ``name`` (the participant ``t`` heads) qualified by its
    state, or None when it names no body or its state is not clear."""
    parts = _split(name)
    if parts is None:
        return None
    lead, body = parts
    year = sentence_year(t)
    doc = t.doc
    if lead:
        state = state_of_word(lead, year)
        if state is None or state not in _qualifiers():
            # "Imperial Diet", "Continental Army": a name of its own; "French Senate",
            # "Imperial Japanese Navy": the state's demonym already qualifies it
            return None
    else:
        # the words before the name the tagger left out of it ("the U.S. Senate")
        first = next((x for x in t.subtree if x.text == body.split()[0]), t)
        prev = doc[first.i - 1] if first.i > 0 else None
        state = state_of_word(prev.text, year) if prev is not None and not prev.is_punct else None
        before = doc[prev.i - 1] if prev is not None and prev.i > 0 else None
        if state is not None and before is not None and before.text[:1].isupper():
            return None  # "the Imperial Japanese Navy": a name of its own around the demonym
        if state is None:
            states = _sentence_states(t, year)
            if len(states) != 1:
                return None
            state = states.pop()
    qual = _qualifier(state, year)
    if qual is None or norm(qual) == norm(lead) or norm(qual) in norm(body).split():
        return None  # (the body's own name holds it: "Supreme Soviet")
    return f"{qual} {body}"
