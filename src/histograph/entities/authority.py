"""An authority file: records that pin the identity of people (and states, organisations).

A user supplies it (``Histograph.load_authority(path)``), for instance exported from Wikidata.
Persons the merge finds that match a record get its ``authority_id`` and canonical name; two
document persons matching one record are one person, two matching different records are kept
apart (two Roosevelts).

Accepted files (UTF-8):
- CSV with a header: ``id``, ``name`` (or ``label``/``itemLabel``), ``aliases`` (separated by
  ``|`` or ``;``), and dates: ``dates`` (``1882/1945``, ``1882-01-30/1945-04-12``, one side may
  be empty) or ``born``/``died`` (also ``birth``/``death``, ``start``/``end``), optional ``kind``
  (person | state | organisation) and ``description``;
- JSON: a list of such objects, ``{"records": [...]}``, or a Wikidata SPARQL result
  (``{"results": {"bindings": [...]}}``, values under ``"value"``; ``item`` URLs keep their
  ``Q`` id); ``aliases`` may be a list or a separated string;
- JSON Lines: one object a line.

Every error names the file and the record (E110-E113).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import AuthorityRecord as AuthorityRecord
from ..model import day_number
from .lexicon import norm
from .names import Name, compatible, parse_name

_DATE = re.compile(r"^\s*[+]?(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:]+Z?)?\s*$")
_ALIAS_SPLIT = re.compile(r"\s*[|;]\s*")
_KINDS = frozenset({"person", "state", "organisation"})

_ID_KEYS = ("id", "item", "qid", "wikidata", "authority_id")
_NAME_KEYS = ("name", "label", "itemLabel", "canonical")
_ALIAS_KEYS = ("aliases", "alias", "altLabel", "itemAltLabel", "also_known_as")
_START_KEYS = ("born", "birth", "dateOfBirth", "date_of_birth", "start", "from")
_END_KEYS = ("died", "death", "dateOfDeath", "date_of_death", "end", "to")


class AuthorityError(ValueError):
    """An authority file that cannot be read; the message names the file and the record."""


def parse_date_bound(text: str, *, end: bool) -> int | None:
    """``1882``, ``1882-01``, ``1882-01-30``, ``+1882-01-30T00:00:00Z`` -> a day number (the
    first day when ``end`` is False, the last when True); empty -> None; raises ValueError."""
    s = str(text).strip()
    if not s:
        return None
    m = _DATE.match(s)
    if not m:
        raise ValueError(f"not a date: {s!r}")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        raise ValueError(f"not a date: {s!r}")
    if mo is None:
        return day_number(y, 12, 31) if end else day_number(y, 1, 1)
    if d is None or d == 0:  # Wikidata writes year precision as -00-00 / -01-01
        if not end:
            return day_number(y, mo, 1)
        return day_number(y + (mo == 12), mo % 12 + 1, 1) - 1
    return day_number(y, mo, d)


def _value(v: Any) -> Any:
    if isinstance(v, Mapping) and "value" in v:
        return v["value"]  # SPARQL JSON binding
    return v


def _first(obj: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for k in keys:
        if k in obj:
            v = _value(obj[k])
            if v is not None and v != "":
                return v
    return None


def _authority_id(raw: Any) -> str:
    s = str(raw).strip()
    m = re.search(r"/entity/(Q\d+)$", s)
    return m.group(1) if m else s


def _aliases(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    items: Iterable[Any]
    if isinstance(raw, list | tuple):
        items = (_value(x) for x in raw)
    else:
        s = str(raw)
        # a SPARQL GROUP_CONCAT uses ", " when no separator was given
        items = _ALIAS_SPLIT.split(s) if ("|" in s or ";" in s) else s.split(", ")
    return tuple(dict.fromkeys(str(x).strip() for x in items if str(x).strip()))


def record_from_mapping(obj: Mapping[str, Any], where: str) -> AuthorityRecord:
    """One record from a CSV row or a JSON object (``where`` names it in errors)."""
    rid = _first(obj, _ID_KEYS)
    name = _first(obj, _NAME_KEYS)
    if rid is None or not str(rid).strip():
        raise AuthorityError(f"E111 {where}: no id")
    if name is None or not str(name).strip():
        raise AuthorityError(f"E111 {where}: no name")
    start = _first(obj, _START_KEYS)
    end = _first(obj, _END_KEYS)
    dates = _first(obj, ("dates", "valid", "lifespan"))
    try:
        if dates is not None and str(dates).strip():
            a, _, b = str(dates).partition("/")
            lo, hi = parse_date_bound(a, end=False), parse_date_bound(b, end=True)
        else:
            lo = parse_date_bound(str(start), end=False) if start is not None else None
            hi = parse_date_bound(str(end), end=True) if end is not None else None
    except ValueError as exc:
        raise AuthorityError(f"E112 {where}: {exc}") from None
    if lo is not None and hi is not None and hi < lo:
        raise AuthorityError(f"E112 {where}: the dates end before they start")
    kind = str(_first(obj, ("kind", "type")) or "person").strip().lower()
    if kind == "organization":
        kind = "organisation"
    if kind not in _KINDS:
        raise AuthorityError(f"E113 {where}: unknown kind {kind!r} (person, state, organisation)")
    name_s = str(name).strip()
    aliases = tuple(a for a in _aliases(_first(obj, _ALIAS_KEYS)) if a != name_s)
    return AuthorityRecord(
        id=_authority_id(rid),
        name=name_s,
        aliases=aliases,
        earliest=lo,
        latest=hi,
        kind=kind,
        description=str(_first(obj, ("description", "itemDescription")) or "").strip(),
    )


def _csv_rows(text: str, source: str) -> list[tuple[Mapping[str, Any], str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = [f.strip() for f in reader.fieldnames or ()]
    if not set(fields) & set(_ID_KEYS) or not set(fields) & set(_NAME_KEYS):
        raise AuthorityError(
            f"E110 {source}: a CSV authority file needs a header with id and name columns"
        )
    out: list[tuple[Mapping[str, Any], str]] = []
    for n, row in enumerate(reader, 2):
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        out.append((clean, f"{source} line {n}"))
    return out


def _json_lines(text: str, source: str) -> list[tuple[Mapping[str, Any], str]]:
    out: list[tuple[Mapping[str, Any], str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AuthorityError(f"E110 {source} line {n}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise AuthorityError(f"E110 {source} line {n}: not a JSON object")
        out.append((obj, f"{source} line {n}"))
    return out


def parse_authority(text: str, source: str = "<authority>") -> list[AuthorityRecord]:
    """Records of an authority file's text (CSV, JSON or JSON Lines, told apart by content)."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return []
    objs: list[tuple[Mapping[str, Any], str]] = []
    if stripped[0] in "[{":
        data: Any = None
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            objs.extend(_json_lines(stripped, source))
        if data is not None:
            if isinstance(data, dict):
                if isinstance(data.get("results"), dict):
                    data = data["results"].get("bindings", [])
                elif "records" in data:
                    data = data["records"]
                else:
                    data = [data]
            if not isinstance(data, list):
                raise AuthorityError(f"E110 {source}: expected a list of records")
            for i, obj in enumerate(data):
                if not isinstance(obj, dict):
                    raise AuthorityError(f"E110 {source} record {i + 1}: not a JSON object")
                objs.append((obj, f"{source} record {i + 1}"))
    else:
        try:
            objs.extend(_csv_rows(stripped, source))
        except csv.Error as exc:
            raise AuthorityError(f"E110 {source}: not a CSV file ({exc})") from None
    records = [record_from_mapping(o, w) for o, w in objs]
    # one record per id: later rows add aliases to earlier ones
    by_id: dict[str, AuthorityRecord] = {}
    for r in records:
        old = by_id.get(r.id)
        if old is None:
            by_id[r.id] = r
            continue
        extra = tuple(a for a in (r.name, *r.aliases) if a not in old.names)
        by_id[r.id] = AuthorityRecord(
            old.id,
            old.name,
            old.aliases + extra,
            old.earliest if old.earliest is not None else r.earliest,
            old.latest if old.latest is not None else r.latest,
            old.kind,
            old.description or r.description,
        )
    return list(by_id.values())


def read_authority(path: str | Path) -> list[AuthorityRecord]:
    """Read an authority file; raises :class:`AuthorityError` naming the file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthorityError(f"E110 cannot read authority file {p}: {exc}") from None
    return parse_authority(text, str(p))


# ---------------------------------------------------------------- matching


class Authority:
    """An index over records for matching names: exact (normalised) names and aliases first,
    then compatible personal names ("Roosevelt" ~ "Franklin Delano Roosevelt")."""

    def __init__(self, records: Iterable[AuthorityRecord]) -> None:
        self.records = [r for r in records if r.kind == "person"]
        self.by_id = {r.id: r for r in self.records}
        self._exact: dict[str, list[AuthorityRecord]] = {}
        self._by_surname: dict[str, list[tuple[AuthorityRecord, Name]]] = {}
        for r in self.records:
            for n in r.names:
                self._exact.setdefault(norm(n), []).append(r)
                pn = parse_name(n)
                if pn.surname:
                    self._by_surname.setdefault(pn.surname, []).append((r, pn))

    def __bool__(self) -> bool:
        return bool(self.records)

    def exact(self, text: str) -> list[AuthorityRecord]:
        return list(dict.fromkeys(self._exact.get(norm(text), ())))

    def compatible(self, name: Name, *, translit: bool = True) -> list[AuthorityRecord]:
        """Records one of whose names can be ``name`` (same surname, given names agree)."""
        out: dict[str, AuthorityRecord] = {}
        for r, pn in self._by_surname.get(name.surname, ()):
            if compatible(name, pn, translit=translit) and _given_checked(name, pn, r):
                out[r.id] = r
        if not out and translit:
            from .names import translit_key

            k = translit_key(name.surname)
            for sur, items in self._by_surname.items():
                if translit_key(sur) != k:
                    continue
                for r, pn in items:
                    if compatible(name, pn, translit=True) and _given_checked(name, pn, r):
                        out[r.id] = r
        return list(out.values())

    def match(
        self,
        names: Iterable[str],
        spans: Iterable[tuple[int, int]] = (),
    ) -> AuthorityRecord | None:
        """The one record that fits a person known by ``names`` (fullest first matters not)
        whose dated roles cover ``spans`` (closed day intervals); None when none or several.

        An exact name or alias decides first; otherwise compatible personal names; the dates
        remove records of people not alive then."""
        names = [n for n in names if n and n.strip()]
        spans = list(spans)

        def alive(r: AuthorityRecord) -> bool:
            return all(r.alive(lo, hi) for lo, hi in spans)

        exact: dict[str, AuthorityRecord] = {}
        for n in names:
            for r in self.exact(n):
                exact[r.id] = r
        cands = [r for r in exact.values() if alive(r)]
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            # several records share a name ("Roosevelt" as an alias of both): the full names
            # (with given names) decide
            full = [parse_name(n) for n in names if parse_name(n).is_full]
            if full:
                cands = [r for r in cands if all(self._fits(r, f) for f in full)]
            return cands[0] if len(cands) == 1 else None
        comp: dict[str, AuthorityRecord] = {}
        parsed = [parse_name(n) for n in names]
        full = [p for p in parsed if p.is_full]
        for p in full or parsed:
            for r in self.compatible(p):
                comp[r.id] = r
        ok = [r for r in comp.values() if alive(r) and all(self._fits(r, f) for f in full)]
        return ok[0] if len(ok) == 1 else None

    @staticmethod
    def _fits(r: AuthorityRecord, n: Name) -> bool:
        return any(
            compatible(n, pn, translit=True) and _given_checked(n, pn, r)
            for pn in (parse_name(x) for x in r.names)
        )


def _given_checked(n: Name, pn: Name, r: AuthorityRecord) -> bool:
    """A full name is checked against the record's full names ("Pavel Litvinov" is not the
    "Litvinoff" alias of "Maxim Litvinov"); a surname alone fits any form."""
    if not n.is_full or pn.is_full:
        return True
    return not any(parse_name(x).is_full for x in r.names)
