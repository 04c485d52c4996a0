"""Write only what changed: row digests, content-derived claim ids and stable list positions.

A merge produces the whole knowledge base as ordered lists (events, people, conflicts). The
store keeps, for each stored row, a digest of the record it was written from; a new merge is
compared with those digests and only the records that are new or differ are written (and the
stored ones no longer produced are deleted), in one transaction. The result is the same as a
rewrite of every table: a claim's id is derived from its content (so an unchanged event
points to the same claim rows), and each list keeps its order through ``seq`` positions that
are renumbered only where the order changed (:func:`stable_positions`).
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Claim


def digest(record: object, text: str | None = None) -> bytes:
    """A digest of a (frozen dataclass) record: equal records, equal digests, in any process
    (``text``: ``repr(record)`` when already made)."""
    text = repr(record) if text is None else text
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def claim_id(claim: Claim) -> int:
    """A claim's row id, derived from its content (a positive 62-bit integer)."""
    raw = hashlib.blake2b(repr(claim).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(raw, "big") >> 2 or 1


def stable_positions(order: Sequence[str], old: Mapping[str, float]) -> dict[str, float]:
    """Positions (``seq``) for the ids of ``order`` that sort in that order, keeping the
    stored position ``old[id]`` of as many ids as possible (the longest run of stored
    positions already in order) and giving the others positions between their neighbours.

    Only ids whose position is new or differs need writing. When no room is left between two
    neighbours (after very many insertions at one place), every id gets its index."""
    n = len(order)
    # longest strictly increasing subsequence of the stored positions, in the new order
    tails: list[float] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * n
    for i, key in enumerate(order):
        pos = old.get(key)
        if pos is None:
            continue
        k = bisect.bisect_left(tails, pos)
        if k == len(tails):
            tails.append(pos)
            tail_at.append(i)
        else:
            tails[k] = pos
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k > 0 else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(i)
        i = back[i]
    out: dict[str, float] = {}
    i = 0
    while i < n:
        if i in kept:
            out[order[i]] = old[order[i]]
            i += 1
            continue
        j = i
        while j < n and j not in kept:
            j += 1
        run = j - i
        lo = out[order[i - 1]] if i > 0 else None
        hi = old[order[j]] if j < n else None
        if lo is None and hi is None:
            values = [float(k) for k in range(run)]
        elif hi is None:
            assert lo is not None
            base = float(math.floor(lo)) + 1.0
            values = [base + k for k in range(run)]
        elif lo is None:
            base = float(math.floor(hi)) - run
            values = [base + k for k in range(run)]
        else:
            step = (hi - lo) / (run + 1)
            values = [lo + step * (k + 1) for k in range(run)]
            if step <= abs(hi) * 1e-12 or step <= 1e-9:
                return {key: float(k) for k, key in enumerate(order)}
        for k in range(run):
            out[order[i + k]] = values[k]
        i = j
    return out


@dataclass(frozen=True)
class Plan:
    """What to write for one kind of record: ids to delete, ids to (re)insert with their
    position, ids kept whose position alone changes."""

    delete: tuple[str, ...]
    insert: dict[str, float]
    move: dict[str, float]
    digests: dict[str, bytes]


def plan(
    order: Sequence[str],
    digests: Mapping[str, bytes],
    stored: Mapping[str, tuple[bytes | None, float]],
) -> Plan:
    """Compare the new records (``order`` of ids, their ``digests``) with the ``stored`` ones
    (id -> (digest, position))."""
    same = {k: stored[k][1] for k in order if k in stored and stored[k][0] == digests[k]}
    positions = stable_positions(order, same)
    new_ids = set(order)
    delete = tuple(
        sorted(k for k, (d, _) in stored.items() if k not in new_ids or d != digests[k])
    )
    insert = {k: positions[k] for k in order if k not in same}
    move = {k: positions[k] for k in order if k in same and same[k] != positions[k]}
    return Plan(delete, insert, move, {k: digests[k] for k in insert})



#: an order key and the stored position (``seq``) of one row
Row = tuple[tuple[object, ...], float]


class NoRoom(Exception):
    """No position left between two stored neighbours (the caller renumbers the list)."""


def neighbours(
    target: tuple[object, ...],
    ends: Callable[[], tuple[Row, Row] | None],
    row_between: Callable[[float, float, float], Row | None],
) -> tuple[float | None, float | None] | float:
    """Where a row of order key ``target`` goes in a stored list ordered by ``seq``: the
    positions of its stored neighbours ``(lo, hi)`` (``None`` at an end), or the position of
    the stored row whose key equals ``target``. A bisection over positions: ``ends()`` gives
    the first and last rows (``None`` when the list is empty), ``row_between(lo, mid, hi)``
    a row with ``lo < seq < hi``, the first at or after ``mid`` if any, else the last
    before it (``None`` when there is none). Reads O(log n) rows of a list of n."""
    got = ends()
    if got is None:
        return (None, None)
    a, b = got
    for row in (a, b):
        if row[0] == target:
            return row[1]
    if target < a[0]:
        return (None, a[1])
    if target > b[0]:
        return (b[1], None)
    for _ in range(256):
        r = row_between(a[1], (a[1] + b[1]) / 2, b[1])
        if r is None:
            return (a[1], b[1])
        if r[0] == target:
            return r[1]
        if r[0] < target:
            a = r
        else:
            b = r
    raise NoRoom("E035 the stored list is not in order: merge everything")


def scoped_plan(
    keys: Mapping[str, tuple[object, ...]],
    digests: Mapping[str, bytes],
    stored: Mapping[str, tuple[bytes | None, float]],
    place: Callable[[tuple[object, ...]], tuple[float | None, float | None] | float],
) -> Plan:
    """The plan of a merge of part of a list kept in order: ``keys`` and ``digests`` of the
    new records of that part, ``stored`` (id -> (digest, position)) the stored rows of the
    part, ``place(key)`` where a key goes among every stored row (:func:`neighbours`). Rows
    kept keep their positions; new and changed ones go between their stored neighbours (a
    run between the same two shares the room). Raises :class:`NoRoom` when none is left."""
    same = {k for k in keys if k in stored and stored[k][0] == digests[k]}
    delete = tuple(sorted(k for k, (d, _) in stored.items() if k not in same))
    insert: dict[str, float] = {}
    runs: dict[tuple[float | None, float | None], list[str]] = {}
    for k in sorted((k for k in keys if k not in same), key=keys.__getitem__):
        at = place(keys[k])
        if isinstance(at, float | int):
            if k not in stored:  # only the row itself may share its key
                raise NoRoom(f"E035 {k!r}: a stored row has its place")
            insert[k] = float(at)
        else:
            runs.setdefault(at, []).append(k)
    for (lo, hi), ids in runs.items():
        n = len(ids)
        if lo is None and hi is None:
            values = [float(i) for i in range(n)]
        elif hi is None:
            assert lo is not None
            values = [float(math.floor(lo)) + 1.0 + i for i in range(n)]
        elif lo is None:
            values = [float(math.floor(hi)) - n + i for i in range(n)]
        else:
            step = (hi - lo) / (n + 1)
            if step <= abs(hi) * 1e-12 or step <= 1e-9:
                raise NoRoom("E035 no room left between stored rows: merge everything")
            values = [lo + step * (i + 1) for i in range(n)]
        insert.update(zip(ids, values, strict=True))
    return Plan(delete, insert, {}, {k: digests[k] for k in insert})
