"""One place or thing spelled two ways across the sources: "Runnymede" / "Runnymead",
"Chernobyl" / "Chornobyl", "Magna Carta" / "Magna Charta" (a transliteration, an old or a
wrong spelling).

Two capitalised words of the collection are one name spelled two ways when:

- each is written inside a name the entity stage found that is not a person's (a place, an
  organisation, a thing: people's variant names are :mod:`histograph.merge.people`'s), and
  neither is a word of a person's name in the knowledge base nor a state's name or adjective
  in the gazetteer ("German" / "Germain" in "Saint-Germain");
- neither is ever written in lower case in the collection (a common word capitalised at the
  start of a sentence: "There" / "These");
- they begin with the same letter, neither is the other plus an ending ("Austria" /
  "Austrian"), they do not differ by a plural or demonym "s" ("Sweden" / "Swedes"), and they
  are one edit apart (two for words of eight letters or more: "Pripyat" / "Prypiat" is two
  swaps, so only long words get that much room).

All the variant pairs of one collection make one soft ``naming`` conflict, attribute
``spelling``, on the event that writes the rarer spelling (else either) and is told by the
most documents:
the disagreement is the sources', the event is where a reader meets it. Each spelling's claims
are where each page first writes it (its first :data:`_PER_PAGE` occurrences in a page, at most
:data:`_MAX_CLAIMS` a spelling).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import DamerauLevenshtein

from ..entities.states import gazetteer
from ..model import Analysis, Claim, Conflict, ConflictValue, Event, Person
from .conflicts import _conflict

__all__ = ["spelling_conflicts"]

_CAP = re.compile(r"\b[A-Z][a-z]{4,}\b")
_MAX_CLAIMS = 12
_PER_PAGE = 3
#: at most this many distinct capitalised words are compared pairwise (bounded work)
_MAX_WORDS = 2000


def _variant(a: str, b: str) -> bool:
    if a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False
    if a.endswith("s") != b.endswith("s"):
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    return DamerauLevenshtein.distance(a.lower(), b.lower()) <= limit


def _writing(events: Sequence[Event], words: set[str], texts: dict[str, str]) -> list[Event]:
    """The events some mention of which writes one of ``words``."""
    return [
        e
        for e in events
        if any(w in texts.get(m.doc_id, "")[m.start : m.end] for m in e.mentions for w in words)
    ]


def spelling_conflicts(
    events: Sequence[Event], people: Sequence[Person], analyses: Sequence[Analysis]
) -> list[Conflict]:
    """The names the sources spell two ways, as one conflict (see the module doc)."""
    person_words = {
        w.lower()
        for p in people
        if p.kind == "person"
        for name in (p.name, *p.aliases)
        for w in re.findall(r"[A-Za-z]+", name)
    }
    lower: set[str] = set()
    named: set[str] = set()
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for a in analyses:
        text = a.document.text
        lower.update(w.lower() for w in re.findall(r"\b[a-z][a-z]{4,}\b", text))
        for m in a.entities:
            if m.label != "PERSON":
                named.update(_CAP.findall(text[m.start : m.end]))
        for hit in _CAP.finditer(text):
            spans[hit.group()].append((a.document.id, hit.start(), hit.end()))
    g = gazetteer()
    words = sorted(
        w
        for w in named
        if w in spans
        and w.lower() not in lower
        and w.lower() not in person_words
        and not g.candidates(w)  # a state's name or adjective ("German"): the gazetteer's
    )[:_MAX_WORDS]
    pairs: list[tuple[str, str]] = []
    by_letter: dict[str, list[str]] = defaultdict(list)
    for w in words:
        by_letter[w[0]].append(w)
    for ws in by_letter.values():
        for i, x in enumerate(ws):
            for y in ws[i + 1 :]:
                if _variant(x, y):
                    pairs.append((x, y))
    if not pairs:
        return []
    # the event: of those whose mentions write a rarer spelling, the one told by most pages
    texts = {a.document.id: a.document.text for a in analyses}
    rare = {min(p, key=lambda w: (len({d for d, _, _ in spans[w]}), w)) for p in pairs}
    holders = _writing(events, rare, texts) or _writing(events, {w for p in pairs for w in p}, texts)
    if not holders:
        return []
    subject = min(holders, key=lambda e: (-len({m.doc_id for m in e.mentions}), -len(e.mentions), e.id))
    values: list[ConflictValue] = []
    for w in sorted({w for p in pairs for w in p}):
        per_doc: dict[str, int] = defaultdict(int)
        kept: list[tuple[str, int, int]] = []
        for d, s, t in spans[w]:
            per_doc[d] += 1
            if per_doc[d] <= _PER_PAGE:  # where each page first writes it
                kept.append((d, s, t))
        claims = tuple(Claim(subject.id, "spelling", w, d, s, t) for d, s, t in kept[:_MAX_CLAIMS])
        values.append(ConflictValue(w, claims))
    listed = "; ".join(f"{a} / {b}" for a, b in pairs)
    expl = (
        f"The sources spell names differently ({listed}): a transliteration, an older or a "
        "mistaken spelling of one name, not different places or things."
    )
    return [_conflict(subject.id, "spelling", values, "naming", "soft", expl)]
