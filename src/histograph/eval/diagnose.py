"""Where the event points go: each missed gold event by cause, each false positive by kind.

:func:`diagnose_cluster` re-runs the §4.1 matching of :mod:`histograph.eval.scorer` on one
cluster and explains every unmatched event on either side:

missed gold events (``missed``), by ``cause``
  - ``taken by another``: a system event would have matched but was assigned to another gold event;
  - ``wrong type``: a system event overlaps the mention with a fitting date but another type;
  - ``wrong date``: a system event of a fitting type overlaps the mention, its date does not fit;
  - ``not detected``: no system event overlaps any of its mentions.

false positives (``false_positives``), by ``kind``
  - ``duplicate``: it overlaps a gold event that another system event matched;
  - ``wrong-typed twin``: it overlaps an unmatched gold event whose type it does not have;
  - ``wrong date``: it overlaps an unmatched gold event of its type, with a date that does not fit;
  - ``trap``: it overlaps a ``non_events`` span;
  - ``non-event``: it overlaps no gold mention at all.

Every entry carries the text it rests on (the gold quote, the system sentence) so a reader
sees the cause without opening the JSON. :func:`format_diagnosis` renders it as plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .scorer import (
    _Ctx,
    _date_fit,
    _gold_events,
    _GoldEvent,
    _list,
    _match_events,
    _SysEvent,
    _system_events,
    gold_skip_reason,
)
from .text import Spans, _merge, _overlap_chars

__all__ = ["diagnose_cluster", "format_diagnosis"]

_SNIPPET = 140


def _snippet(text: str) -> str:
    s = " ".join(text.split())
    return s if len(s) <= _SNIPPET else s[: _SNIPPET - 1] + "…"


def _span_text(spans: Spans, texts: Mapping[str, str]) -> tuple[str, str]:
    """(file, text) of the first span."""
    for f in sorted(spans):
        for s, e in spans[f]:
            return f, _snippet(texts.get(f, "")[s:e])
    return "", ""


def _gold_quote(ev: Mapping[str, Any]) -> tuple[str, str]:
    for m in _list(ev.get("mentions")):
        if isinstance(m, Mapping) and isinstance(m.get("quote"), str):
            return str(m.get("file", "")), _snippet(m["quote"])
    return "", ""


def _sys_brief(s: _SysEvent, texts: Mapping[str, str]) -> dict[str, Any]:
    f, text = _span_text(s.spans, texts)
    return {"id": s.id, "type": s.type, "date": s.date, "file": f, "text": text}


def _missed_cause(
    g: _GoldEvent,
    system: list[_SysEvent],
    taken_s: set[int],
) -> tuple[str, _SysEvent | None]:
    overlapping = [s for s in system if _overlap_chars(s.spans, g.spans) > 0]
    if not overlapping:
        return "not detected", None
    overlapping.sort(key=lambda s: -_overlap_chars(s.spans, g.spans))
    typed = [s for s in overlapping if isinstance(s.type, str) and s.type in g.types]
    fitting = [s for s in typed if _date_fit(s, g)[0]]
    if fitting:
        return "taken by another", next((s for s in fitting if s.index in taken_s), fitting[0])
    dated = [s for s in overlapping if _date_fit(s, g)[0]]
    if dated:
        return "wrong type", dated[0]
    if typed:
        return "wrong date", typed[0]
    return "wrong type", overlapping[0]


def diagnose_cluster(
    gold: Mapping[str, Any], system: Mapping[str, Any], texts: Mapping[str, str]
) -> dict[str, Any]:
    """``{"cluster", "missed": [...], "false_positives": [...]}`` for one cluster (empty
    lists when the gold is skipped under §2)."""
    cluster = gold.get("cluster") if isinstance(gold, Mapping) else None
    if gold_skip_reason(gold) is not None:
        return {"cluster": cluster, "missed": [], "false_positives": []}
    files = frozenset(f for f in _list(gold.get("files")) if isinstance(f, str))
    ctx = _Ctx(files=files, texts=texts)
    g_events = _gold_events(gold, ctx)
    s_events = _system_events(system if isinstance(system, Mapping) else {}, ctx)
    matched = _match_events(g_events, s_events)
    taken_s = {si for si, _ in matched.values()}
    raw_gold = _list(gold.get("events"))

    missed: list[dict[str, Any]] = []
    for g in g_events:
        if g.index in matched:
            continue
        cause, near = _missed_cause(g, s_events, taken_s)
        f, quote = _gold_quote(raw_gold[g.index])
        entry: dict[str, Any] = {
            "gold": g.id,
            "salience": g.salience,
            "type": sorted(g.types),
            "date": g.date,
            "file": f,
            "quote": quote,
            "cause": cause,
        }
        if near is not None:
            entry["system"] = _sys_brief(near, texts)
        missed.append(entry)

    traps: list[Spans] = []
    for i, ne in enumerate(_list(gold.get("non_events"))):
        if isinstance(ne, Mapping):
            traps.append(_merge(ctx.gold_spans(f"non_event #{i}", ne.get("file"), ne.get("quote"))))
    fps: list[dict[str, Any]] = []
    for s in s_events:
        if s.index in taken_s:
            continue
        over = [g for g in g_events if _overlap_chars(s.spans, g.spans) > 0]
        over.sort(key=lambda g: -_overlap_chars(s.spans, g.spans))
        kind = "non-event"
        near_gold: _GoldEvent | None = None
        if over:
            free = [g for g in over if g.index not in matched]
            if not free:
                kind, near_gold = "duplicate", over[0]
            else:
                typed = [g for g in free if isinstance(s.type, str) and s.type in g.types]
                if typed:
                    kind, near_gold = "wrong date", typed[0]
                else:
                    kind, near_gold = "wrong-typed twin", free[0]
        elif any(_overlap_chars(s.spans, t) > 0 for t in traps):
            kind = "trap"
        entry = {"kind": kind, **_sys_brief(s, texts)}
        if near_gold is not None:
            entry["gold"] = {
                "id": near_gold.id,
                "type": sorted(near_gold.types),
                "date": near_gold.date,
                "matched_by": (
                    s_events[matched[near_gold.index][0]].id
                    if near_gold.index in matched
                    else None
                ),
            }
        fps.append(entry)
    return {"cluster": cluster, "missed": missed, "false_positives": fps}


def format_diagnosis(diagnoses: Mapping[str, Mapping[str, Any]]) -> str:
    """Plain-text listing of :func:`diagnose_cluster` results, cluster by cluster."""
    lines: list[str] = []
    totals: dict[str, int] = {}
    for cluster in sorted(diagnoses):
        d = diagnoses[cluster]
        missed, fps = _list(d.get("missed")), _list(d.get("false_positives"))
        lines.append(f"== {cluster}: {len(missed)} missed, {len(fps)} false positive(s)")
        for m in missed:
            totals["missed: " + m["cause"]] = totals.get("missed: " + m["cause"], 0) + 1
            types = "|".join(m["type"])
            lines.append(
                f"  MISSED [{m['cause']}] {m['gold']} ({m['salience']}) {types} {m['date']} "
                f"{m['file']}: {m['quote']!r}"
            )
            sys_ev = m.get("system")
            if sys_ev:
                lines.append(
                    f"      system {sys_ev['type']} {sys_ev['date']}: {sys_ev['text']!r}"
                )
        for fp in fps:
            totals["fp: " + fp["kind"]] = totals.get("fp: " + fp["kind"], 0) + 1
            lines.append(
                f"  FP [{fp['kind']}] {fp['type']} {fp['date']} {fp['file']}: {fp['text']!r}"
            )
            g = fp.get("gold")
            if g:
                lines.append(
                    f"      gold {g['id']} {'|'.join(g['type'])} {g['date']}"
                    + (f" (matched by {g['matched_by']})" if g.get("matched_by") else "")
                )
    lines.append("== totals: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    return "\n".join(lines)
