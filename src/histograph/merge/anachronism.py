"""Titles used before their holder took the office: "In 1925, President Franklin D.
Roosevelt signed ..." against a presidency the knowledge base dates 1933-1945.

For each person, the spans the knowledge base knows for an office are read from the role
claims that state a start ("President from 1933", "became Foreign Minister in 1939"): the
earliest start per office. A role claim without dates of its own that sits in an event
mention (the title written with the name in the sentence that tells the event) whose own date
lies wholly before that start is a soft ``anachronism`` conflict on the person's title: the
page gives the person a title they did not yet hold (often a retrospective usage, hence
soft). After the end of an office the title is a usual courtesy ("President Carter" in 1990),
so only dates before the start count.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from ..model import Claim, Conflict, ConflictValue, Event, Person, RoleClaim

__all__ = ["anachronism_conflicts"]


def _cid(pid: str, values: Sequence[str]) -> str:
    h = hashlib.sha1("|".join([pid, "anachronism", *values]).encode("utf-8"))
    return "c-" + h.hexdigest()[:10]


def anachronism_conflicts(events: Sequence[Event], people: Sequence[Person]) -> list[Conflict]:
    """The anachronistic titles of the knowledge base (see the module doc)."""
    starts: dict[tuple[str, str], RoleClaim] = {}
    undated: dict[str, list[tuple[str, RoleClaim]]] = defaultdict(list)  # doc -> roles
    for p in people:
        if p.kind != "person":
            continue
        for r in p.roles:
            if not r.office:
                continue
            if r.began is not None:
                seen = starts.get((p.id, r.office))
                if seen is None or seen.began is None or r.began.earliest < seen.began.earliest:
                    starts[(p.id, r.office)] = r
            elif r.ended is None:
                undated[r.doc_id].append((p.id, r))
    if not starts:
        return []
    by_pid = {p.id: p for p in people}
    # per document, the undated roles sorted by start (with their place in ``undated``, the
    # order they are visited in): the roles inside a mention are found by bisection, where a
    # scan of every role per mention was quadratic in the size of one long document (issue 10)
    index = {
        doc: sorted(((r.start, i) for i, (_, r) in enumerate(rows)))
        for doc, rows in undated.items()
    }
    out: dict[str, Conflict] = {}
    for e in events:
        for m in e.mentions:
            if m.modality != "asserted" or m.time is None or m.doc_id not in index:
                continue
            rows, placed = undated[m.doc_id], index[m.doc_id]
            lo = bisect.bisect_left(placed, (m.start, -1))
            hi = bisect.bisect_right(placed, (m.end, len(rows)))
            for i in sorted(i for _, i in placed[lo:hi]):
                pid, r = rows[i]
                if not (m.start <= r.start and r.end <= m.end):
                    continue
                known = starts.get((pid, r.office or ""))
                if known is None or known.began is None:
                    continue
                if m.time.latest >= known.began.earliest:
                    continue
                used = f"{r.title} in {m.time.value}"
                held = f"{known.title} from {known.began.value}"
                values = (
                    ConflictValue(used, (Claim(pid, "title", used, r.doc_id, r.start, r.end),)),
                    ConflictValue(
                        held,
                        (Claim(pid, "title", held, known.doc_id, known.start, known.end),),
                    ),
                )
                cid = _cid(pid, [used, held])
                name = by_pid[pid].name
                out[cid] = Conflict(
                    id=cid,
                    subject=pid,
                    subject_kind="person",
                    attribute="title",
                    values=values,
                    kind="anachronism",
                    severity="soft",
                    explanation=(
                        f"{name} is called '{r.title}' in an account of {m.time.value}, but "
                        f"the sources date that office from {known.began.value}: the title is "
                        "used before its holder had it (perhaps looking back)."
                    ),
                )
    return [out[k] for k in sorted(out)]
