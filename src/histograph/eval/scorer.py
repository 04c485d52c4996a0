"""The scorer of the evaluation format, exactly as FORMAT.md §4 says.

:func:`score_cluster` scores one cluster's system output (§3) against its gold (§2);
:func:`micro` sums the counts over clusters and divides. Both return deterministic,
JSON-serialisable dicts whose floats are rounded to 4 places.

Choices where FORMAT.md leaves room (see the module docs of each helper):
- "overlap characters" between two sets of spans is the number of characters covered by
  both (union of each side's spans, intersected, per file), so a character counts once
  however many mentions or occurrences cover it;
- ``acceptable_dates`` entries that are not ``A/B`` intervals only match as strings (§4.1 b);
- a gold date that does not parse is treated as ``null`` (and reported in ``warnings``);
- roles of a matched person pair are matched by a maximum one-to-one matching;
- a system conflict value "has a span" when it carries ``start``/``end`` or ``quote``;
- ``dates.exact``/``dates.within`` are counts over ``dates.n`` (rates are added as extras);
- extra section ``arguments``: participant recall and place share over matched events
  (:mod:`histograph.eval.arguments`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .arguments import argument_scores, micro_arguments
from .dates import DayRange, date_range, is_interval, within
from .merges import GoldUnit, SystemUnit, false_merges
from .text import (
    Spans,
    _has_span,
    _merge,
    _occurrences,
    _overlap_chars,
    _system_span,
    base,
    norm,
    role_tokens,
    roles_match,
)

__all__ = [
    "base",
    "gold_skip_reason",
    "micro",
    "norm",
    "role_tokens",
    "roles_match",
    "score_cluster",
]

SALIENCE_RANK: Mapping[str, int] = {"main": 0, "secondary": 1, "minor": 2}
_UNKNOWN_SALIENCE = 3

# ---------------------------------------------------------------------------
# gold validity (§2)


def gold_skip_reason(gold: object) -> str | None:
    """Why this gold must not be scored (§2), or None when it is scored.

    Skipped: not a JSON object; no ``files`` key; an event without a non-empty
    ``mentions`` list; a non-empty ``links`` list (top level or in an event)."""
    if not isinstance(gold, Mapping):
        return "gold is not a JSON object"
    if "files" not in gold:
        return "gold has no 'files' key"
    if gold.get("links"):
        return "gold holds cross-file 'links'"
    events = gold.get("events", [])
    if not isinstance(events, list):
        return "gold 'events' is not a list"
    for i, ev in enumerate(events):
        if not isinstance(ev, Mapping):
            return f"gold event #{i} is not an object"
        mentions = ev.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            return f"gold event {ev.get('id', '#' + str(i))} has no 'mentions'"
        if ev.get("links"):
            return f"gold event {ev.get('id', '#' + str(i))} holds cross-file 'links'"
    return None


# ---------------------------------------------------------------------------
# parsed records


@dataclass
class _GoldEvent:
    index: int
    id: str
    types: frozenset[str]
    date: str | None  # None: null (or unparseable)
    range: DayRange | None
    acceptable: tuple[str, ...]
    acceptable_ranges: tuple[DayRange, ...]  # of interval entries only
    salience: str
    spans: Spans


@dataclass
class _SysEvent:
    index: int
    id: Any
    type: Any
    date: str | None  # None: null or unparseable
    range: DayRange | None
    spans: Spans


@dataclass
class _Person:
    index: int
    name: str
    keys: frozenset[str]
    roles: list[frozenset[str]]
    titles: list[str]


@dataclass
class _ConflictEntry:
    value: str
    key: str  # base(value) for gold, norm(value) for system
    file: str | None
    spans: Spans
    has_span: bool


@dataclass
class _GoldConflict:
    index: int
    fact: str
    severity: str
    entries: list[_ConflictEntry]


@dataclass
class _Ctx:
    files: frozenset[str]
    texts: Mapping[str, str]
    warnings: list[str] = field(default_factory=list)

    def gold_spans(self, what: str, file: object, quote: object) -> list[tuple[str, int, int]]:
        if not isinstance(file, str) or not isinstance(quote, str):
            self.warnings.append(f"{what}: mention without a file or quote")
            return []
        text = self.texts.get(file)
        if text is None:
            self.warnings.append(f"{what}: no text for {file}")
            return []
        occ = _occurrences(text, quote)
        if not occ:
            self.warnings.append(f"{what}: quote not found in {file}: {quote[:60]!r}")
        return [(file, s, e) for s, e in occ]


def _list(x: object) -> list[Any]:
    return list(x) if isinstance(x, list) else []


def _gold_events(gold: Mapping[str, Any], ctx: _Ctx) -> list[_GoldEvent]:
    out: list[_GoldEvent] = []
    for i, ev in enumerate(_list(gold.get("events"))):
        gid = str(ev.get("id", f"#{i}"))
        types = {ev.get("type")} | set(_list(ev.get("type_alternatives")))
        date = ev.get("date")
        rng = date_range(date)
        if date is not None and rng is None:
            ctx.warnings.append(f"gold event {gid}: date {date!r} does not parse; treated as null")
        acceptable = tuple(a for a in _list(ev.get("acceptable_dates")) if isinstance(a, str))
        acc_ranges = tuple(r for a in acceptable if is_interval(a) and (r := date_range(a)))
        spans: list[tuple[str, int, int]] = []
        for m in _list(ev.get("mentions")):
            if isinstance(m, Mapping):
                spans += ctx.gold_spans(f"gold event {gid}", m.get("file"), m.get("quote"))
        out.append(
            _GoldEvent(
                index=i,
                id=gid,
                types=frozenset(t for t in types if isinstance(t, str)),
                date=date if rng is not None else None,
                range=rng,
                acceptable=acceptable,
                acceptable_ranges=acc_ranges,
                salience=str(ev.get("salience", "")),
                spans=_merge(spans),
            )
        )
    return out


def _system_events(system: Mapping[str, Any], ctx: _Ctx) -> list[_SysEvent]:
    out: list[_SysEvent] = []
    for i, ev in enumerate(_list(system.get("events"))):
        if not isinstance(ev, Mapping):
            ev = {}
        date = ev.get("date")
        rng = date_range(date)
        spans: list[tuple[str, int, int]] = []
        for m in _list(ev.get("mentions")):
            if isinstance(m, Mapping):
                spans += _system_span(m, ctx.files, ctx.texts)
        out.append(
            _SysEvent(
                index=i,
                id=ev.get("id", i),
                type=ev.get("type"),
                date=date if rng is not None else None,
                range=rng,
                spans=_merge(spans),
            )
        )
    return out


def _people(entries: object) -> list[_Person]:
    out: list[_Person] = []
    for i, p in enumerate(_list(entries)):
        if not isinstance(p, Mapping):
            p = {}
        name = p.get("name")
        forms = [name, *_list(p.get("aliases"))]
        keys = frozenset(k for f in forms if isinstance(f, str) and (k := norm(f)))
        titles: list[str] = []
        for r in _list(p.get("roles")):
            title = r.get("title") if isinstance(r, Mapping) else r
            titles.append(title if isinstance(title, str) else "")
        out.append(
            _Person(
                index=i,
                name=name if isinstance(name, str) else "",
                keys=keys,
                roles=[role_tokens(t) for t in titles],
                titles=titles,
            )
        )
    return out


# ---------------------------------------------------------------------------
# matching


def _date_fit(s: _SysEvent, g: _GoldEvent) -> tuple[bool, bool]:
    """(candidate by date, fits through (a) i.e. range(s) ⊆ range(g))."""
    if g.range is None:
        return True, False
    if s.range is None or s.date is None:
        return False, False
    if within(s.range, g.range):
        return True, True
    if s.date in g.acceptable:
        return True, False
    return any(within(s.range, a) for a in g.acceptable_ranges), False


def _match_events(gold: list[_GoldEvent], system: list[_SysEvent]) -> dict[int, tuple[int, int]]:
    """Greedy one-to-one assignment: gold index -> (system index, overlap chars)."""
    pairs: list[tuple[int, int, int, int]] = []
    for g in gold:
        for s in system:
            if not (isinstance(s.type, str) and s.type in g.types):
                continue
            if not _date_fit(s, g)[0]:
                continue
            ov = _overlap_chars(s.spans, g.spans)
            if ov <= 0:
                continue
            pairs.append((-ov, SALIENCE_RANK.get(g.salience, _UNKNOWN_SALIENCE), g.index, s.index))
    pairs.sort()
    taken_g: dict[int, tuple[int, int]] = {}
    taken_s: set[int] = set()
    for neg_ov, _rank, gi, si in pairs:
        if gi in taken_g or si in taken_s:
            continue
        taken_g[gi] = (si, -neg_ov)
        taken_s.add(si)
    return taken_g


def _match_people(gold: list[_Person], system: list[_Person]) -> dict[int, int]:
    """Greedy in gold order: the free system person with the largest key intersection."""
    taken: dict[int, int] = {}
    used: set[int] = set()
    for g in gold:
        best: int | None = None
        best_n = 0
        for s in system:
            if s.index in used:
                continue
            n = len(g.keys & s.keys)
            if n > best_n:
                best, best_n = s.index, n
        if best is not None:
            taken[g.index] = best
            used.add(best)
    return taken


def _match_roles(gold: list[frozenset[str]], system: list[frozenset[str]]) -> int:
    """Size of a maximum one-to-one matching of gold roles to system roles."""
    adj = [[j for j, s in enumerate(system) if roles_match(g, s)] for g in gold]
    owner: dict[int, int] = {}  # system role -> gold role

    def augment(gi: int, seen: set[int]) -> bool:
        for sj in adj[gi]:
            if sj in seen:
                continue
            seen.add(sj)
            if sj not in owner or augment(owner[sj], seen):
                owner[sj] = gi
                return True
        return False

    return sum(1 for gi in range(len(gold)) if augment(gi, set()))


# ---------------------------------------------------------------------------
# conflicts


def _gold_conflicts(gold: Mapping[str, Any], ctx: _Ctx) -> list[_GoldConflict]:
    out: list[_GoldConflict] = []
    for i, c in enumerate(_list(gold.get("conflicts"))):
        if not isinstance(c, Mapping):
            continue
        entries: list[_ConflictEntry] = []
        for v in _list(c.get("values")):
            if not isinstance(v, Mapping):
                continue
            value = str(v.get("value", ""))
            spans = ctx.gold_spans(f"gold conflict #{i}", v.get("file"), v.get("quote"))
            f = v.get("file")
            entries.append(
                _ConflictEntry(
                    value=value,
                    key=base(value),
                    file=f if isinstance(f, str) else None,
                    spans=_merge(spans),
                    has_span=True,
                )
            )
        out.append(
            _GoldConflict(
                index=i,
                fact=str(c.get("fact", "")),
                severity=str(c.get("severity", "")),
                entries=entries,
            )
        )
    return out


def _system_conflict_values(c: Mapping[str, Any], ctx: _Ctx) -> list[_ConflictEntry]:
    out: list[_ConflictEntry] = []
    for w in _list(c.get("values")):
        if not isinstance(w, Mapping):
            continue
        raw = w.get("value", "")
        value = raw if isinstance(raw, str) else str(raw)
        f = w.get("file")
        out.append(
            _ConflictEntry(
                value=value,
                key=norm(value),
                file=f if isinstance(f, str) else None,
                spans=_merge(_system_span(w, ctx.files, ctx.texts)),
                has_span=_has_span(w),
            )
        )
    return out


def _covers(w: _ConflictEntry, v: _ConflictEntry) -> bool:
    if w.has_span:
        if v.file is None:
            return False
        mine = {v.file: w.spans[v.file]} if v.file in w.spans else {}
        return _overlap_chars(mine, v.spans) > 0
    return norm(w.value) == norm(v.key)


def _finds(system_values: list[_ConflictEntry], g: _GoldConflict) -> bool:
    """Some two covered gold entries with distinct base(value)s are covered by two system
    values with distinct norm(value)s."""
    cover = [(v.key, w.key) for v in g.entries for w in system_values if _covers(w, v)]
    for i, (gv1, sw1) in enumerate(cover):
        for gv2, sw2 in cover[i + 1 :]:
            if gv1 != gv2 and sw1 != sw2:
                return True
    return False


# ---------------------------------------------------------------------------
# scoring


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _skipped(reason: str, gold: object) -> dict[str, Any]:
    cluster = gold.get("cluster") if isinstance(gold, Mapping) else None
    return {"cluster": cluster, "skipped": reason}


def score_cluster(
    gold: Mapping[str, Any], system: Mapping[str, Any], texts: Mapping[str, str]
) -> dict[str, Any]:
    """Score one cluster (FORMAT.md §4).

    ``texts`` maps corpus-relative file names (``cluster/01.txt``) to their text; quotes,
    gold and system, resolve to all their occurrences. When the gold must be skipped
    (§2) the result is ``{"cluster", "skipped": reason}`` and :func:`micro` ignores it.
    """
    reason = gold_skip_reason(gold)
    if reason is not None:
        return _skipped(reason, gold)
    if not isinstance(system, Mapping):
        system = {}
    files = frozenset(f for f in _list(gold.get("files")) if isinstance(f, str))
    ctx = _Ctx(files=files, texts=texts)

    # 4.1 events
    g_events = _gold_events(gold, ctx)
    s_events = _system_events(system, ctx)
    matched = _match_events(g_events, s_events)
    tp = len(matched)
    events = _prf(tp, len(s_events) - tp, len(g_events) - tp)
    main_gold = [g for g in g_events if g.salience == "main"]
    tp_main = sum(1 for g in main_gold if g.index in matched)
    to_non_main = sum(1 for g in g_events if g.index in matched and g.salience != "main")
    events_main = _prf(tp_main, len(s_events) - to_non_main - tp_main, len(main_gold) - tp_main)

    # 4.2 dates
    n_dates = n_exact = n_within = 0
    event_details: list[dict[str, Any]] = []
    for g in g_events:
        detail: dict[str, Any] = {"gold": g.id, "salience": g.salience, "system": None}
        if g.index in matched:
            si, ov = matched[g.index]
            s = s_events[si]
            detail.update(system=s.id, system_index=si, overlap=ov, system_date=s.date)
            if g.range is not None and s.range is not None:
                fits_a = within(s.range, g.range)
                exact = fits_a and s.date == g.date
                n_dates += 1
                n_exact += exact
                n_within += fits_a
                detail.update(date_exact=exact, date_within=fits_a)
        event_details.append(detail)
    dates = {
        "n": n_dates,
        "exact": n_exact,
        "within": n_within,
        "exact_rate": _ratio(n_exact, n_dates),
        "within_rate": _ratio(n_within, n_dates),
    }

    # 4.3 people
    g_people = _people(gold.get("people"))
    s_people = _people(system.get("people"))
    p_match = _match_people(g_people, s_people)
    roles_gold = sum(len(g.roles) for g in g_people)
    roles_matched = 0
    people_details: list[dict[str, Any]] = []
    for gp in g_people:
        si_opt = p_match.get(gp.index)
        k = _match_roles(gp.roles, s_people[si_opt].roles) if si_opt is not None else 0
        roles_matched += k
        people_details.append(
            {
                "gold": gp.name,
                "system": s_people[si_opt].name if si_opt is not None else None,
                "roles_matched": k,
                "roles": len(gp.roles),
            }
        )
    ptp = len(p_match)
    people = _prf(ptp, len(s_people) - ptp, len(g_people) - ptp)
    people["role_recall"] = _ratio(roles_matched, roles_gold)
    people["roles_matched"] = roles_matched
    people["roles_gold"] = roles_gold

    # 4.4 conflicts
    matched_sys_events = {si for si, _ in matched.values()}
    matched_ids = [s_events[si].id for si in sorted(matched_sys_events)]
    matched_names = {s_people[si].name for si in p_match.values()}
    g_conflicts = _gold_conflicts(gold, ctx)
    found_by: dict[int, list[int]] = {g.index: [] for g in g_conflicts}
    s_conflicts = _list(system.get("conflicts"))
    system_finding = 0
    for ci, c in enumerate(s_conflicts):
        if not isinstance(c, Mapping):
            continue
        if "event" in c:
            subject_ok = c["event"] in matched_ids
        elif "person" in c:
            subject_ok = isinstance(c["person"], str) and c["person"] in matched_names
        else:
            subject_ok = False
        if not subject_ok:
            continue
        values = _system_conflict_values(c, ctx)
        hit = False
        for gc in g_conflicts:
            if _finds(values, gc):
                found_by[gc.index].append(ci)
                hit = True
        system_finding += hit
    found = [gc for gc in g_conflicts if found_by[gc.index]]
    gold_hard = sum(1 for gc in g_conflicts if gc.severity == "hard")
    gold_soft = sum(1 for gc in g_conflicts if gc.severity == "soft")
    found_hard = sum(1 for gc in found if gc.severity == "hard")
    found_soft = sum(1 for gc in found if gc.severity == "soft")
    conflicts = {
        "gold": len(g_conflicts),
        "found": len(found),
        "found_hard": found_hard,
        "found_soft": found_soft,
        "gold_hard": gold_hard,
        "gold_soft": gold_soft,
        "recall": _ratio(len(found), len(g_conflicts)),
        "recall_hard": _ratio(found_hard, gold_hard),
        "recall_soft": _ratio(found_soft, gold_soft),
        "system": len(s_conflicts),
        "system_finding": system_finding,
        "precision": _ratio(system_finding, len(s_conflicts)),
    }

    # 4.5 traps
    traps_spans: list[tuple[dict[str, Any], Spans]] = []
    for i, ne in enumerate(_list(gold.get("non_events"))):
        if not isinstance(ne, Mapping):
            continue
        spans = _merge(ctx.gold_spans(f"gold non_event #{i}", ne.get("file"), ne.get("quote")))
        traps_spans.append(({"file": ne.get("file"), "quote": ne.get("quote")}, spans))
    hits = 0
    hit_idx: set[int] = set()
    trap_events: list[Any] = []
    for s in s_events:
        if s.index in matched_sys_events:
            continue
        hit = False
        for ti, (_ne, spans) in enumerate(traps_spans):
            if _overlap_chars(s.spans, spans) > 0:
                hit_idx.add(ti)
                hit = True
        if hit:
            hits += 1
            trap_events.append(s.id)
    traps = {
        "hits": hits,
        "non_events_hit": [traps_spans[i][0] for i in sorted(hit_idx)],
    }

    # extra (not in FORMAT.md): false merges, see histograph.eval.merges
    merges = _false_merges(gold, system, _Ctx(files=ctx.files, texts=ctx.texts))

    return {
        "cluster": gold.get("cluster"),
        "events": events,
        "merges": {"false": len(merges)},
        "events_main": events_main,
        "dates": dates,
        "people": people,
        "conflicts": conflicts,
        "traps": traps,
        "arguments": argument_scores(gold, system, ((gi, si) for gi, (si, _ov) in matched.items())),
        "details": {
            "events": event_details,
            "unmatched_system_events": [
                s.id for s in s_events if s.index not in matched_sys_events
            ],
            "trap_events": trap_events,
            "false_merges": merges,
            "people": people_details,
            "conflicts": [
                {
                    "fact": gc.fact,
                    "severity": gc.severity,
                    "found_by": found_by[gc.index],
                }
                for gc in g_conflicts
            ],
            "warnings": ctx.warnings,
        },
    }


def _false_merges(
    gold: Mapping[str, Any], system: Mapping[str, Any], ctx: _Ctx
) -> list[dict[str, Any]]:
    g_units: list[GoldUnit] = []
    for i, ev in enumerate(_list(gold.get("events"))):
        if not isinstance(ev, Mapping):
            continue
        spans: list[tuple[str, int, int]] = []
        for m in _list(ev.get("mentions")):
            if isinstance(m, Mapping):
                spans += ctx.gold_spans("", m.get("file"), m.get("quote"))
        part_of = ev.get("part_of")
        g_units.append(
            GoldUnit(
                str(ev.get("id", f"#{i}")),
                part_of if isinstance(part_of, str) else None,
                tuple(spans),
            )
        )
    s_units: list[SystemUnit] = []
    for i, ev in enumerate(_list(system.get("events"))):
        if not isinstance(ev, Mapping):
            continue
        mentions = tuple(
            tuple(_system_span(m, ctx.files, ctx.texts))
            for m in _list(ev.get("mentions"))
            if isinstance(m, Mapping)
        )
        s_units.append(SystemUnit(ev.get("id", i), mentions))
    return false_merges(g_units, s_units)


def micro(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-average over clusters: sum the counts, then divide. Skipped clusters are ignored."""
    scored = [r for r in results if "skipped" not in r]

    def total(section: str, key: str) -> int:
        return sum(int(r[section][key]) for r in scored)

    def prf(section: str) -> dict[str, Any]:
        return _prf(total(section, "tp"), total(section, "fp"), total(section, "fn"))

    people = prf("people")
    roles_matched, roles_gold = total("people", "roles_matched"), total("people", "roles_gold")
    people["role_recall"] = _ratio(roles_matched, roles_gold)
    people["roles_matched"] = roles_matched
    people["roles_gold"] = roles_gold
    n, exact, within_n = total("dates", "n"), total("dates", "exact"), total("dates", "within")
    c = {
        k: total("conflicts", k)
        for k in (
            "gold",
            "found",
            "found_hard",
            "found_soft",
            "gold_hard",
            "gold_soft",
            "system",
            "system_finding",
        )
    }
    conflicts: dict[str, Any] = {
        "gold": c["gold"],
        "found": c["found"],
        "found_hard": c["found_hard"],
        "found_soft": c["found_soft"],
        "gold_hard": c["gold_hard"],
        "gold_soft": c["gold_soft"],
        "recall": _ratio(c["found"], c["gold"]),
        "recall_hard": _ratio(c["found_hard"], c["gold_hard"]),
        "recall_soft": _ratio(c["found_soft"], c["gold_soft"]),
        "system": c["system"],
        "system_finding": c["system_finding"],
        "precision": _ratio(c["system_finding"], c["system"]),
    }
    non_events_hit: list[Any] = []
    for r in scored:
        non_events_hit += list(r["traps"]["non_events_hit"])
    return {
        "clusters": len(scored),
        "events": prf("events"),
        "events_main": prf("events_main"),
        "dates": {
            "n": n,
            "exact": exact,
            "within": within_n,
            "exact_rate": _ratio(exact, n),
            "within_rate": _ratio(within_n, n),
        },
        "people": people,
        "conflicts": conflicts,
        "traps": {"hits": total("traps", "hits"), "non_events_hit": non_events_hit},
        "arguments": micro_arguments(scored),
        "merges": {"false": sum(int(r.get("merges", {}).get("false", 0)) for r in scored)},
    }
