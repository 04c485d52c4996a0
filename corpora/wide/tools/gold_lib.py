"""Small builders for the gold generators of corpora/wide (FORMAT.md v1.1 schema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
J = dict[str, Any]


def M(file: str, quote: str) -> J:
    return {"file": file, "quote": quote}


def E(id: str, summary: str, type: str, date: str | None, mentions: list[J], salience: str = "main",
      acc: list[str] | None = None, alts: list[str] | None = None, place: str | None = None,
      part_of: str | None = None, notes: str | None = None) -> J:
    d: J = {"id": id, "summary": summary, "type": type, "date": date, "place": place,
            "participants": [], "mentions": mentions, "salience": salience}
    if acc:
        d["acceptable_dates"] = acc
    if alts:
        d["type_alternatives"] = alts
    if part_of:
        d["part_of"] = part_of
    if notes:
        d["notes"] = notes
    return d


def R(title: str, quote: str, files: list[str], frm: str | None = None, to: str | None = None) -> J:
    return {"title": title, "from": frm, "to": to, "files": files, "quote": quote}


def PER(name: str, aliases: list[str], roles: list[J], notes: str | None = None) -> J:
    d: J = {"name": name, "aliases": aliases, "roles": roles}
    if notes:
        d["notes"] = notes
    return d


def V(value: str, file: str, quote: str) -> J:
    return {"value": value, "file": file, "quote": quote}


def C(fact: str, values: list[J], severity: str = "hard", notes: str | None = None) -> J:
    d: J = {"fact": fact, "values": values, "severity": severity}
    if notes:
        d["notes"] = notes
    return d


def NE(file: str, quote: str, why: str) -> J:
    return {"file": file, "quote": quote, "why": why}


def dump(cluster: str, files: list[str], events: list[J], people: list[J], conflicts: list[J],
         non_events: list[J], root: Path = ROOT) -> None:
    obj = {"cluster": cluster, "files": files, "events": events, "people": people,
           "conflicts": conflicts, "non_events": non_events}
    with open(root / "gold" / f"{cluster}.json", "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
