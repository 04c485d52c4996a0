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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Claim


def digest(record: object) -> bytes:
    """A digest of a (frozen dataclass) record: equal records, equal digests, in any process."""
    return hashlib.blake2b(repr(record).encode("utf-8", "surrogatepass"), digest_size=16).digest()


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

