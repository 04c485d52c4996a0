"""Consensus values of an event's attributes, with their support, from its claims.

:func:`event_consensus` reads an :class:`~histograph.model.Event`'s claims (each already
marked ``independent`` by the merge) and gives, for each attribute, the value the sources
support best: ``support`` is the number of documents stating a consistent value,
``independent_support`` the number of those whose claim is independent (copies count once).

- ``date``: the event's consensus date (chosen by the merge: consistent with the most
  independent sources); its support counts every claim whose date contains or lies within it
  ("1933" and "1933-11-16" both support "1933-11");
- ``participant``: every participant named, most supported first (an event has several);
- other attributes (place, type, nature, duration): the value stated by the most independent
  sources, then by the most documents, then the first in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Claim, Event, TimeValue

_NORM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Consensus:
    attribute: str
    value: str
    support: int  # documents stating it (or a consistent value)
    independent_support: int  # the same, counting copies once
    claims: tuple[Claim, ...]


def _norm(v: str) -> str:
    return " ".join(_NORM.split(v.lower().replace(".", ""))).strip()


def _consistent(value: str, date: TimeValue) -> bool:
    from ..time import parse_value

    if value == date.value:
        return True
    m = re.match(r"^XXXX-(\d\d)(?:-(\d\d))?", value)
    if m:  # a year-less "November 16" supports a date with that month and day
        v = date.value
        return len(v) >= 7 and v[5:7] == m.group(1) and (not m.group(2) or v[8:10] == m.group(2))
    tv = parse_value(value[:10] if "T" in value else value)
    return tv is not None and tv.compatible(date)


def _support(claims: Sequence[Claim]) -> tuple[int, int]:
    docs = {c.doc_id for c in claims}
    independent = {c.doc_id for c in claims if c.independent}
    return len(docs), len(independent)


def event_consensus(event: Event) -> dict[str, list[Consensus]]:
    """Attribute -> consensus values (one, or for participants every value, best first)."""
    by_attr: dict[str, list[Claim]] = defaultdict(list)
    for c in event.claims:
        by_attr[c.attribute].append(c)
    out: dict[str, list[Consensus]] = {}
    for attribute, claims in sorted(by_attr.items()):
        if attribute == "date" and event.date is not None:
            date = event.date
            backing = tuple(c for c in claims if _consistent(c.value, date))
            s, i = _support(backing)
            out["date"] = [Consensus("date", date.value, s, i, backing)]
            continue
        groups: dict[str, list[Claim]] = defaultdict(list)
        written: dict[str, str] = {}
        for c in claims:
            k = _norm(c.value)
            groups[k].append(c)
            written.setdefault(k, c.value)
        ranked = sorted(
            groups.items(),
            key=lambda kv: (-_support(kv[1])[1], -_support(kv[1])[0], claims.index(kv[1][0])),
        )
        values = [Consensus(attribute, written[k], *_support(cs), tuple(cs)) for k, cs in ranked]
        out[attribute] = values if attribute == "participant" else values[:1]
    return out
