"""States with their historical names and validity intervals (``data/states.yaml`` + pycountry).

:func:`gazetteer` returns the process-wide read-only :class:`Gazetteer`; its
:meth:`Gazetteer.lookup` resolves a surface form ("the Soviets", "Russia", "Moscow") to a
state id, using a year of context when a name changed meaning over time ("Russia" before
and after 1917).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..model import day_number
from .lexicon import load_yaml, norm

Form = Literal["name", "adjective", "government", "collective"]
FORMS: tuple[Form, ...] = ("name", "adjective", "government", "collective")
_OPEN_LOW = -(10**9)
_OPEN_HIGH = 10**9
_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _bound(s: str, *, end: bool) -> int:
    s = s.strip()
    if not s:
        return _OPEN_HIGH if end else _OPEN_LOW
    m = _DATE.match(s)
    if not m:
        raise ValueError(f"E102 bad date {s!r} in histograph/data/states.yaml")
    y = int(m.group(1))
    if m.group(3):
        return day_number(y, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        mo = int(m.group(2))
        if not end:
            return day_number(y, mo, 1)
        nxt = day_number(y + (mo == 12), mo % 12 + 1, 1)
        return nxt - 1
    return day_number(y, 12, 31) if end else day_number(y, 1, 1)


def parse_interval(s: str | None) -> tuple[int, int]:
    """``"1922-12-30/1991-12-26"`` (either side may be empty or absent) -> day numbers."""
    if not s:
        return (_OPEN_LOW, _OPEN_HIGH)
    a, _, b = str(s).partition("/")
    return (_bound(a, end=False), _bound(b, end=True))


@dataclass(frozen=True)
class State:
    id: str
    name: str
    earliest: int
    latest: int
    kind: str = "state"  # state | organisation


@dataclass(frozen=True)
class StateName:
    state_id: str
    form: Form
    text: str
    earliest: int
    latest: int
    restricted: bool  # True when the form itself has a validity interval

    def valid_in(self, lo: int, hi: int) -> bool:
        return self.earliest <= hi and lo <= self.latest


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Lookup of state names by normalised surface form."""

    def __init__(self, states: dict[str, State], names: list[StateName]) -> None:
        self.states = states
        self._by_key: dict[str, list[StateName]] = {}
        for n in names:
            key = _strip_the(norm(n.text))
            if key:
                self._by_key.setdefault(key, []).append(n)
        self.max_words = max((len(k.split()) for k in self._by_key), default=1)

    def keys(self) -> list[str]:
        return list(self._by_key)

    def candidates(self, text: str) -> list[StateName]:
        return list(self._by_key.get(_strip_the(norm(text)), ()))

    def lookup(
        self,
        text: str,
        year: int | None = None,
        forms: tuple[Form, ...] = FORMS,
    ) -> StateName | None:
        """The state named by ``text`` (in ``year`` when given), or None."""
        cands = [c for c in self.candidates(text) if c.form in forms]
        if not cands:
            return None
        if year is not None:
            lo, hi = day_number(year, 1, 1), day_number(year, 12, 31)
            dated = [
                c
                for c in cands
                if c.valid_in(lo, hi)
                and self.states[c.state_id].earliest <= hi
                and lo <= self.states[c.state_id].latest
            ]
            # a state name used outside its state's lifetime still names it (anachronism)
            cands = dated or [c for c in cands if c.valid_in(lo, hi)] or cands
            # a form restricted to this period is more specific than an unrestricted one
            cands.sort(key=lambda c: (not c.restricted, c.latest - c.earliest))
            return cands[0]
        unrestricted = [c for c in cands if not c.restricted]
        if unrestricted:
            return unrestricted[0]
        # no year: prefer the form valid today (open end), else the latest one
        cands.sort(key=lambda c: -c.latest)
        return cands[0]

    def state(self, state_id: str) -> State | None:
        return self.states.get(state_id)

    def named_states(self, text: str) -> frozenset[str]:
        """The states ``text`` names as a country ("France", "the Soviet Union"), in any era."""
        return frozenset(c.state_id for c in self.candidates(text) if c.form == "name")

    def states_within(self, text: str) -> frozenset[str]:
        """The states a place named ``text`` lies in, in any era: a state it names, a state
        whose seat it is ("Moscow", "the White House": ``governments`` in states.yaml), or
        the country of a first-level subdivision of that name (pycountry: "California",
        "Bavaria"). Empty when the place is unknown."""
        key = _strip_the(norm(text))
        own = {c.state_id for c in self._by_key.get(key, ()) if c.form in ("name", "government")}
        return frozenset(own | _subdivision_states().get(key, set()))


def _items(raw: Any) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in raw or ():
        if isinstance(item, dict):
            out.append((str(item["name"]), item.get("valid")))
        else:
            out.append((str(item), None))
    return out


def _pycountry_records() -> list[tuple[str, list[str], str | None, bool]]:
    """(alpha_3, names, withdrawal date, historic) for pycountry's current and historic countries."""
    import pycountry

    out: list[tuple[str, list[str], str | None, bool]] = []
    for c in pycountry.countries:
        names = [c.name]
        for attr in ("official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names.append(v)
        out.append((c.alpha_3, names, None, False))
    for c in pycountry.historic_countries:
        name = str(c.name).split(",")[0].strip()
        out.append((c.alpha_3, [name], getattr(c, "withdrawal_date", None), True))
    return out


@functools.lru_cache(maxsize=1)
def _subdivision_states() -> dict[str, set[str]]:
    """Normalised name of a first-level subdivision -> state ids of its country (a name
    shared by subdivisions of several countries maps to all of them)."""
    import pycountry

    ids = _absorbed_ids()
    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        key = _strip_the(norm(str(sub.name)))
        if len(key) < 4:
            continue
        out.setdefault(key, set()).add(ids.get(country.alpha_3, country.alpha_3))
    return out


@functools.lru_cache(maxsize=1)
def _absorbed_ids() -> dict[str, str]:
    """pycountry alpha_3 -> the states.yaml id whose current state absorbs it (open-ended)."""
    out: dict[str, str] = {}
    for entry in load_yaml("states.yaml").get("states", ()):
        _lo, hi = parse_interval(entry.get("valid"))
        if hi != _OPEN_HIGH:
            continue
        for a in entry.get("pycountry", ()) or ():
            out[str(a)] = str(entry["id"])
    return out


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = load_yaml("states.yaml")
    states: dict[str, State] = {}
    names: list[StateName] = []
    absorbed: set[str] = set()
    for entry in data.get("states", ()):
        sid = str(entry["id"])
        lo, hi = parse_interval(entry.get("valid"))
        states[sid] = State(sid, str(entry["name"]), lo, hi, str(entry.get("kind", "state")))
        absorbed.update(str(a) for a in entry.get("pycountry", ()) or ())
        forms: dict[Form, Any] = {
            "name": [entry["name"], *(entry.get("names") or [])],
            "adjective": entry.get("adjectives"),
            "government": entry.get("governments"),
            "collective": entry.get("collective"),
        }
        for form, raw in forms.items():
            for text, valid in _items(raw):
                a, b = parse_interval(valid)
                names.append(StateName(sid, form, text, a, b, valid is not None))
    for alpha3, pnames, withdrawn, historic in _pycountry_records():
        if alpha3 in absorbed or alpha3 in states:
            continue
        hi = parse_interval("/" + withdrawn)[1] if withdrawn else _OPEN_HIGH
        states[alpha3] = State(alpha3, pnames[0], _OPEN_LOW, hi)
        for text in pnames:
            names.append(StateName(alpha3, "name", text, _OPEN_LOW, hi, historic))
    return Gazetteer(states, names)
