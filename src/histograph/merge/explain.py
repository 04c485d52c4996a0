"""Why the mentions of one event are one: the evidence of a merge, said in one line.

:func:`merge_reasons` compares each mention of a merged event with the mention of another
document (or place in the page) it agrees with best, and writes what they share: the type,
the date (the same day, one date inside the other, or different dates kept as a conflict),
the name, the people and places both name, and how alike the two clauses are (a 0..1
similarity of their words, :func:`rapidfuzz.fuzz.token_set_ratio`). The lines become
``merged`` claims on the event, each with the span of the mention it explains, so that
``histograph event ID --json``, the API and the web page can show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import TimeValue

__all__ = ["Evidence", "merge_reasons"]

#: a mention is compared with the first mention of at most this many pages
_COMPARED = 3


@dataclass(frozen=True)
class Evidence:
    """What one mention says, as far as the merge compared it."""

    key: int  # unique per mention
    doc_id: str
    start: int
    end: int
    type: str
    date: TimeValue | None
    name: str | None
    people: tuple[tuple[str, str], ...]  # (participant id, name as written)
    place: str | None
    clause: str  # the evidence text


def _date_phrase(a: TimeValue | None, b: TimeValue | None) -> tuple[int, str]:
    if a is None and b is None:
        return (0, "")
    if a is None or b is None:
        known = a or b
        assert known is not None
        return (0, f"one undated, the other {known.value}")
    if a.earliest == b.earliest and a.latest == b.latest:
        return (3, f"same date ({a.value[:10] if a.precision == 'time' else a.value})")
    if a.compatible(b):
        fine, coarse = (a, b) if a.within(b) else (b, a)
        return (2, f"{fine.value} lies within {coarse.value}")
    return (0, f"dates differ ({a.value} / {b.value}, kept as a conflict)")


def _similarity(a: str, b: str) -> float:
    return round(fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0, 2)


def _reason(x: Evidence, y: Evidence) -> tuple[float, str]:
    parts: list[str] = []
    score = 0.0
    if x.type == y.type:
        parts.append(f"same type ({x.type.replace('_', ' ')})")
        score += 1
    else:
        parts.append(f"typed {x.type.replace('_', ' ')} here, {y.type.replace('_', ' ')} there")
    d_score, d_text = _date_phrase(x.date, y.date)
    score += d_score
    if d_text:
        parts.append(d_text)
    if x.name and x.name == y.name:
        parts.append(f"both name it '{x.name}'")
        score += 3
    theirs = {pid for pid, _ in y.people}
    shared = sorted(dict.fromkeys(name for pid, name in x.people if pid in theirs))
    if shared:
        parts.append("both name " + " and ".join(shared[:3]))
        score += len(shared)
    if x.place and y.place and x.place.lower() == y.place.lower():
        parts.append(f"same place ({x.place})")
        score += 1
    if x.doc_id == y.doc_id:
        parts.append("same page")
        score += 0.5
    sim = _similarity(x.clause, y.clause)
    parts.append(f"{sim:.2f} clause similarity")
    return (score + sim, ", ".join(parts))


def merge_reasons(members: Sequence[Evidence]) -> dict[int, str]:
    """Mention key -> "merged: ..." for every mention of an event told by two or more
    mentions, compared with the mention it agrees with best (another page's first)."""
    out: dict[int, str] = {}
    if len(members) < 2:
        return out
    # compared with the first mention of each of a few pages (bounded work per mention: an
    # event told by thousands of pages costs linear time)
    firsts: dict[str, Evidence] = {}
    for y in members:
        if y.doc_id not in firsts and len(firsts) < _COMPARED:
            firsts[y.doc_id] = y
    others = list(firsts.values())
    for x in members:
        best: tuple[bool, float, str] | None = None
        cands = others if len(others) > 1 or others[0].key != x.key else list(members[:_COMPARED])
        for y in cands:
            if y.key == x.key:
                continue
            score, text = _reason(x, y)
            cand = (y.doc_id != x.doc_id, score, text)
            if best is None or cand[:2] > best[:2]:
                best = cand
        if best is not None:
            out[x.key] = "merged: " + best[2]
    return out
