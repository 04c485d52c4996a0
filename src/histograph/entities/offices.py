"""Office normalisation through ``data/offices.yaml``.

:func:`normalise_title` turns a title as written ("Soviet Commissar for Foreign Affairs",
"first U.S. Ambassador to the Soviet Union") into an :class:`OfficeMatch`: the office id, the
jurisdiction (state id), the receiving state of a diplomatic post, and the naming group of the
name used (two sources naming one office with names of different groups differ in *naming*).

Office ids of diplomatic posts carry the receiving state: ``"ambassador@USSR"``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..model import day_number
from .lexicon import load_yaml, norm
from .states import gazetteer, parse_interval

_DEST_PREPS = ("to", "in", "at")


@dataclass(frozen=True)
class Office:
    id: str
    rank: str
    jurisdiction: str | None
    generic: str | None
    level: int | None
    label: str
    earliest: int
    latest: int
    names: dict[str, frozenset[str]]  # naming group -> normalised core names

    def group_of(self, core: str) -> str | None:
        for g, ns in self.names.items():
            if core in ns:
                return g
        return None


@dataclass(frozen=True)
class Rank:
    id: str
    exclusive: bool
    per_destination: bool
    label: str


@dataclass(frozen=True)
class OfficeMatch:
    office: str | None  # office id, with "@DEST" for diplomatic posts
    base: str | None  # office id without the destination
    jurisdiction: str | None
    destination: str | None
    group: str | None  # naming group of the name used
    core: str  # the normalised core of the title


@dataclass(frozen=True)
class OfficeData:
    offices: dict[str, Office]
    ranks: dict[str, Rank]
    ignore: frozenset[str]
    by_name: dict[str, tuple[Office, ...]]
    unspecific: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def office_data() -> OfficeData:
    d: dict[str, Any] = load_yaml("offices.yaml")
    ignore = frozenset(norm(str(w)) for w in d.get("ignore", ()))
    ranks = {
        str(k): Rank(
            str(k), bool(v.get("exclusive")), bool(v.get("per_destination")), str(v.get("label", k))
        )
        for k, v in (d.get("ranks") or {}).items()
    }
    offices: dict[str, Office] = {}
    by_name: dict[str, list[Office]] = {}
    for e in d.get("offices", ()):
        lo, hi = parse_interval(e.get("valid"))
        # a name that cleaning reduces to one bare word ("first secretary" -> "secretary") would
        # claim every bare use of that word: it is left out
        names = {
            str(g): frozenset(
                c
                for n in ns
                if (c := _clean_core(norm(str(n)), ignore))
                and (c == norm(str(n)) or len(c.split()) > 1)
            )
            for g, ns in (e.get("names") or {}).items()
        }
        rank = str(e["rank"])
        if rank not in ranks:
            raise ValueError(f"E103 office {e['id']} has unknown rank {rank!r} in offices.yaml")
        o = Office(
            id=str(e["id"]),
            rank=rank,
            jurisdiction=e.get("jurisdiction"),
            generic=e.get("generic"),
            level=e.get("level"),
            label=str(e.get("label", e["id"])),
            earliest=lo,
            latest=hi,
            names=names,
        )
        offices[o.id] = o
        for ns in names.values():
            for n in ns:
                by_name.setdefault(n, []).append(o)
    unspecific = frozenset(norm(str(w)) for w in d.get("unspecific_alone", ()))
    return OfficeData(offices, ranks, ignore, {k: tuple(v) for k, v in by_name.items()}, unspecific)


@functools.lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern[str]:
    keys = sorted(gazetteer().keys(), key=len, reverse=True)
    alts = "|".join(re.escape(k) for k in keys if k)
    return re.compile(rf"(?:\b(to|in|at|of)\s+)?(?:\bthe\s+)?\b({alts})\b")


@functools.lru_cache(maxsize=1 << 14)
def split_jurisdiction(title: str, year: int | None = None) -> tuple[str, str | None, str | None]:
    """(core, jurisdiction, destination) of a title: state names taken out of it (memoised:
    the merge compares every title of a person with every other)."""
    g = gazetteer()
    t = norm(title)
    jur: str | None = None
    dest: str | None = None
    parts: list[str] = []
    pos = 0
    for m in _state_pattern().finditer(t):
        hit = g.lookup(m.group(2), year)
        if hit is None:
            continue
        prep = m.group(1)
        if prep in _DEST_PREPS and hit.form != "adjective":
            dest = dest or hit.state_id
        else:
            jur = jur or hit.state_id
        parts.append(t[pos : m.start()])
        if hit.form == "adjective" and prep:
            parts.append(f" {prep} ")  # "of the All-Russian committee" keeps its "of"
        pos = m.end()
    parts.append(t[pos:])
    core = " ".join(" ".join(parts).split())
    return core, jur, dest


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _clean_core(core: str, ignore: frozenset[str]) -> str:
    # "33rd President": the ordinal says which holder, not which office
    words = [w for w in core.split() if w not in ignore and not _ORDINAL.fullmatch(w)]
    # dangling prepositions left by removed state names ("chairman of the cec of")
    while words and words[-1] in {"of", "to", "in", "at", "for", "the", "and"}:
        words.pop()
    while words and words[0] in {"of", "to", "in", "at", "for", "the", "and"}:
        words.pop(0)
    return " ".join(words)


def _valid(o: Office, year: int | None) -> bool:
    if year is None:
        return True
    return o.earliest <= day_number(year, 12, 31) and day_number(year, 1, 1) <= o.latest


def normalise_title(
    title: str, year: int | None = None, jurisdiction: str | None = None
) -> OfficeMatch:
    """Find the office a title names (None when the data has no such office)."""
    data = office_data()
    core0, jur, dest = split_jurisdiction(title, year)
    jur = jur or jurisdiction
    core = _clean_core(core0, data.ignore)
    cands = list(data.by_name.get(core, ()))
    if not cands:
        # "people's commissar" -> "commissar" forms etc.: try without a leading modifier
        words = core.split()
        if len(words) > 1 and norm(words[0]) in {"peoples", "chief", "senior", "principal"}:
            cands = list(data.by_name.get(" ".join(words[1:]), ()))
    if not cands:
        return OfficeMatch(None, None, jur, dest, None, core)
    chosen: Office | None = None
    specific = [o for o in cands if o.jurisdiction is not None]
    generic = [o for o in cands if o.jurisdiction is None]
    if jur is not None:
        same = [o for o in specific if o.jurisdiction == jur]
        same = [o for o in same if _valid(o, year)] or same
        if same:
            chosen = same[0]
        elif generic:
            chosen = generic[0]
    else:
        valid = [o for o in specific if _valid(o, year)] or specific
        if generic:
            chosen = generic[0]
        elif len(valid) == 1 and core not in data.unspecific:
            chosen = valid[0]
            jur = chosen.jurisdiction
    if chosen is None:
        return OfficeMatch(None, None, jur, dest, None, core)
    oid = chosen.id
    rank = data.ranks[chosen.rank]
    full = f"{oid}@{dest}" if (rank.per_destination and dest) else oid
    return OfficeMatch(full, oid, jur, dest, chosen.group_of(core), core)


def office(office_id: str | None) -> Office | None:
    if not office_id:
        return None
    return office_data().offices.get(office_id.split("@", 1)[0])


def rank(rank_id: str) -> Rank | None:
    return office_data().ranks.get(rank_id)
