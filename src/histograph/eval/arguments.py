"""Argument metrics over matched events: participant recall and place share.

FORMAT.md v1.1 keeps ``place`` and ``participants`` informational; these metrics are extras
the scorer reports next to §4 (section ``arguments``), over the event pairs §4.1 matched:

- *participant recall*: the share of the gold participants of matched events that the
  matched system event names. Names are compared by keys as in §4.3: ``norm`` of the name
  (with the §4.3 country rewrites, so "USA" = "United States", and the two states' full
  names with them: "United States of America", "Union of Soviet Socialist Republics"); a
  gold name also gives its form without a trailing ``(...)``, the words inside it
  ("Harold Godwinson (Harold II)"),
  its part before a comma ("William, Duke of Normandy"), and the keys of the gold person it
  names; a system name gives the keys of the system person it names.
- *place share*: among matched events whose gold has a place, the share whose system event
  has one; *place match*: the share whose system place's words all occur, in order, in the
  gold place or the other way round ("Hastings" in "near Hastings, East Sussex").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["argument_scores", "micro_arguments", "participant_keys"]

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?<![a-z0-9])(?:united states of america|united states|usa|u s)(?![a-z0-9])"),
        "us",
    ),
    (
        re.compile(
            r"(?<![a-z0-9])(?:union of soviet socialist republics|soviet union|ussr)(?![a-z0-9])"
        ),
        "ussr",
    ),
)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def _key(s: str) -> str:
    out = "".join("" if ch in ".'’" else (ch if ch.isalnum() else " ") for ch in s.lower())
    k = " ".join(out.split())
    for pattern, repl in _REWRITES:
        k = pattern.sub(repl, k)
    return k


def participant_keys(name: str) -> frozenset[str]:
    """The keys of one participant name (see the module docs), without person aliases."""
    forms = [name]
    m = _PAREN.search(name)
    if m:
        forms += [name[: m.start()], m.group(1)]
    forms += [f.split(",")[0] for f in list(forms) if "," in f]
    return frozenset(k for f in forms if (k := _key(f)))


def _person_keys(people: object) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for p in people if isinstance(people, list) else []:
        if not isinstance(p, Mapping):
            continue
        forms = [p.get("name"), *(p.get("aliases") or [])]
        out.append(frozenset(k for f in forms if isinstance(f, str) and (k := _key(f))))
    return out


def _expand(keys: frozenset[str], people: Sequence[frozenset[str]]) -> frozenset[str]:
    out = set(keys)
    for pk in people:
        if pk & keys:
            out |= pk
    return frozenset(out)


def _names(event: Mapping[str, Any]) -> list[str]:
    parts = event.get("participants")
    out: list[str] = []
    for p in parts if isinstance(parts, list) else []:
        name = p.get("name") if isinstance(p, Mapping) else p
        if isinstance(name, str) and name.strip():
            out.append(name)
    return out


def _place(event: Mapping[str, Any]) -> str | None:
    place = event.get("place")
    return place if isinstance(place, str) and _key(place) else None


def _words_in(a: str, b: str) -> bool:
    return f" {_key(a)} " in f" {_key(b)} "


def argument_scores(
    gold: Mapping[str, Any],
    system: Mapping[str, Any],
    pairs: Iterable[tuple[int, int]],
) -> dict[str, Any]:
    """Participant recall and place share over the matched (gold index, system index) pairs
    of one cluster's gold and system JSON."""
    g_raw, s_raw = gold.get("events"), system.get("events")
    g_events: list[Any] = g_raw if isinstance(g_raw, list) else []
    s_events: list[Any] = s_raw if isinstance(s_raw, list) else []
    g_people = _person_keys(gold.get("people"))
    s_people = _person_keys(system.get("people"))
    n_part = found = n_place = given = matching = 0
    for gi, si in sorted(pairs):
        g, s = g_events[gi], s_events[si]
        if not isinstance(g, Mapping) or not isinstance(s, Mapping):
            continue
        sys_keys: set[str] = set()
        for name in _names(s):
            sys_keys |= _expand(participant_keys(name), s_people)
        for name in _names(g):
            n_part += 1
            found += bool(_expand(participant_keys(name), g_people) & sys_keys)
        gp = _place(g)
        if gp is not None:
            n_place += 1
            sp = _place(s)
            given += sp is not None
            matching += sp is not None and (_words_in(sp, gp) or _words_in(gp, sp))
    return _result(n_part, found, n_place, given, matching)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _result(n_part: int, found: int, n_place: int, given: int, matching: int) -> dict[str, Any]:
    return {
        "participants_gold": n_part,
        "participants_found": found,
        "participant_recall": _ratio(found, n_part),
        "places_gold": n_place,
        "places_given": given,
        "places_matching": matching,
        "place_share": _ratio(given, n_place),
        "place_match": _ratio(matching, n_place),
    }


def micro_arguments(results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Sum the counts of each cluster's ``arguments`` section, then divide."""

    def total(key: str) -> int:
        return sum(int(r["arguments"][key]) for r in results if "arguments" in r)

    return _result(
        total("participants_gold"),
        total("participants_found"),
        total("places_gold"),
        total("places_given"),
        total("places_matching"),
    )
