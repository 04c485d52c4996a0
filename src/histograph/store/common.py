"""Rules every backend shares: input validation, the on-this-day rule, paging checks and
the plain term matching the in-memory backend uses for search.

Keeping them here is what lets :class:`~histograph.store.memory.MemoryStore` and the
SQL backends behave identically (the conformance tests in ``tests/test_store.py``).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from ..model import Analysis, KnowledgeBase, TimeValue, civil_from_day, day_number
from . import serialise as S

T = TypeVar("T")


class ScopeError(ValueError):
    """An incremental merge produced a record with the id of one it does not replace."""


class StoreError(RuntimeError):
    """The store file cannot be used (not a database, newer schema, read-only, ...)."""


#: precisions an event date may have to be listed on this day (see :func:`falls_on`)
ON_THIS_DAY_PRECISIONS: frozenset[str] = frozenset({"time", "day", "month", "interval"})
#: precisions that pin the day itself; other matches are imprecise ("sometime that month")
EXACT_DAY_PRECISIONS: frozenset[str] = frozenset({"time", "day"})
#: the longest date interval (in days) that on-this-day still lists
ON_THIS_DAY_MAX_DAYS = 31


def check_month_day(month: int, day: int) -> None:
    """Reject impossible month/day pairs (29 February is allowed)."""
    if not 1 <= month <= 12:
        raise ValueError(f"E018 month {month!r} is not between 1 and 12")
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000 is a leap year
        raise ValueError(f"E018 day {day!r} does not exist in month {month}")


def falls_on(date: TimeValue | None, month: int, day: int) -> bool:
    """The on-this-day rule: can an event with this date have happened on ``month``/``day``?

    - ``time``/``day`` precision: the day of ``earliest`` is that month and day (exact);
    - ``month`` precision: the month is that month and has that day (29 February only in
      leap years) — an imprecise match, callers mark it as such;
    - ``interval`` precision covering at most :data:`ON_THIS_DAY_MAX_DAYS` days: one of
      its days is that month and day — imprecise too;
    - anything coarser (season, year, decade, ...) or undated: never listed.
    """
    if date is None or date.precision not in ON_THIS_DAY_PRECISIONS:
        return False
    if date.precision in EXACT_DAY_PRECISIONS:
        return civil_from_day(date.earliest)[1:] == (month, day)
    return _range_has_day(date.earliest, date.latest, month, day)


def _range_has_day(earliest: int, latest: int, month: int, day: int) -> bool:
    """Whether a range of at most :data:`ON_THIS_DAY_MAX_DAYS` days holds that month and
    day: looked up in each year the range touches, not by a walk of its every day."""
    if latest - earliest + 1 > ON_THIS_DAY_MAX_DAYS:
        return False
    for year in range(civil_from_day(earliest)[0], civil_from_day(latest)[0] + 1):
        first = day_number(year, month, 1)
        if day > day_number(year + (month == 12), month % 12 + 1, 1) - first:
            continue  # no such day that year (29 February of a common year)
        if earliest <= first + day - 1 <= latest:
            return True
    return False


def exact_on(date: TimeValue | None, month: int, day: int) -> bool:
    """True when ``date`` pins that very day (an exact on-this-day match)."""
    return (
        date is not None and date.precision in EXACT_DAY_PRECISIONS and falls_on(date, month, day)
    )


#: the largest limit or offset accepted (SQLite integers stop at 2**63 - 1)
MAX_PAGE_NUMBER = 2**62


def check_page(limit: int | None, offset: int) -> None:
    if limit is not None and not 0 <= limit <= MAX_PAGE_NUMBER:
        raise ValueError(f"E018 limit must be between 0 and 2**62, not {limit!r}")
    if not 0 <= offset <= MAX_PAGE_NUMBER:
        raise ValueError(f"E018 offset must be between 0 and 2**62, not {offset!r}")


def page(items: list[T], limit: int | None, offset: int) -> list[T]:
    check_page(limit, offset)
    return items[offset:] if limit is None else items[offset : offset + limit]


# ---------------------------------------------------------------- validation


_SCALARS = (int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(t: type, obj: object) -> tuple[str, ...]:
    names = _FIELDS.get(t)
    if names is None:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            names = tuple(f.name for f in dataclasses.fields(obj))
        else:
            names = ()
        _FIELDS[t] = names
    return names


def _strings(obj: object) -> Iterator[str]:
    """Every string inside ``obj`` (dataclasses, mappings and collections, walked with an
    explicit stack: a deep record costs no recursion, a record type's fields are looked up
    once)."""
    stack = [obj]
    while stack:
        o = stack.pop()
        t = type(o)
        if t in _SCALARS:
            continue
        if isinstance(o, str):
            yield o
        elif isinstance(o, tuple | list | set | frozenset):
            stack.extend(o)
        elif isinstance(o, Mapping):
            for k, v in o.items():
                stack.append(k)
                stack.append(v)
        else:
            stack.extend(getattr(o, n) for n in _field_names(t, o))


#: a lone surrogate as ``repr`` writes it (``\\ud800``), not preceded by an escaped backslash
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}")


def _check_storable(obj: object, what: str) -> None:
    """Raise ValueError (E012) when a string inside ``obj`` holds a lone surrogate. ``repr``
    writes one as an escape (every other character is written as itself or another
    escape), so one pass over it clears almost every record; the strings are walked only
    to name the offset."""
    check_repr(repr(obj), obj, what)


def check_repr(text: str, obj: object, what: str) -> None:
    """:func:`_check_storable` given ``repr(obj)`` already made (for a digest)."""
    if "\\ud" not in text or not _SURROGATE_ESCAPE.search(text):
        return
    for s in _strings(obj):
        if s.isascii():
            continue
        try:
            s.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"E012 {what} contains a character that cannot be stored "
                f"(lone surrogate at offset {exc.start})"
            ) from None


def validate_analysis(analysis: Analysis) -> None:
    """Every record must belong to the analysed document, and every string be storable."""
    doc = analysis.document
    parts: Iterable[tuple[str, Iterable[Any]]] = (
        ("region", analysis.regions),
        ("sentence", analysis.sentences),
        ("time mention", analysis.times),
        ("entity mention", analysis.entities),
        ("role", analysis.roles),
        ("event mention", analysis.events),
    )
    for name, records in parts:
        for r in records:
            if r.doc_id != doc.id:
                raise ValueError(
                    f"E011 analysis of {doc.uri!r} ({doc.id}): a {name} belongs to "
                    f"document {r.doc_id!r}"
                )
    # record by record: one ``repr`` of the whole analysis is a string of twenty times the
    # document's size (400 MB for a 20 MB page), held at once
    what = f"analysis of {doc.uri!r} ({doc.id})"
    for f in dataclasses.fields(analysis):
        value = getattr(analysis, f.name)
        for r in value if isinstance(value, tuple) else (value,):
            _check_storable(r, what)


def knowledge_doc_ids(kb: KnowledgeBase) -> set[str]:
    """Every document id the merged part of ``kb`` points to."""
    ids: set[str] = set()
    for e in kb.events:
        ids.update(m.doc_id for m in e.mentions)
        ids.update(c.doc_id for c in e.claims)
    for p in kb.people:
        ids.update(m.doc_id for m in p.mentions)
        ids.update(r.doc_id for r in p.roles)
    for k in kb.conflicts:
        for v in k.values:
            ids.update(c.doc_id for c in v.claims)
    for c in kb.copies:
        ids.update((c.doc_id, c.source_id))
    return ids


def validate_ids(kb: KnowledgeBase) -> None:
    """Unique ids per kind."""
    for kind, ids in (
        ("event", [e.id for e in kb.events]),
        ("person", [p.id for p in kb.people]),
        ("conflict", [k.id for k in kb.conflicts]),
    ):
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                raise ValueError(f"E014 knowledge base has two {kind}s with id {i!r}")
            seen.add(i)


def validate_knowledge(kb: KnowledgeBase) -> None:
    """Unique ids per kind and storable strings (analyses are checked when added)."""
    validate_ids(kb)
    for what, objs in (
        ("events", kb.events),
        ("people", kb.people),
        ("conflicts", kb.conflicts),
        ("copies", kb.copies),
    ):
        _check_storable(objs, f"knowledge base {what}")


def missing_documents_error(missing: Iterable[str]) -> ValueError:
    names = ", ".join(sorted(missing)[:5])
    return ValueError(f"E013 the knowledge base cites documents that are not in the store: {names}")


# ---------------------------------------------------------------- plain-term search

_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_WORD = re.compile(r"\w+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded and without diacritics (search tokens)."""
    return _WORD.findall(_plain(text))


def query_terms(query: str) -> list[tuple[str, bool]]:
    """Search terms of a free-form query: ``(word, is_prefix)`` pairs.

    Bare upper-case FTS operators (AND, OR, NOT, NEAR) are dropped unless they are the
    only words; a ``*`` straight after a word makes it a prefix.
    """
    raw = [(m.group(0), query[m.end() : m.end() + 1] == "*") for m in _WORD.finditer(query)]
    kept = [(w, p) for w, p in raw if w not in _OPERATORS] or raw
    out: list[tuple[str, bool]] = []
    for w, p in kept:
        out.extend((t, p) for t in words(w))
    return out


def fts_safe_query(query: str) -> str:
    """A query with every word as a quoted FTS5 string: never an FTS5 syntax error."""
    return " ".join(f'"{w}"' + ("*" if p else "") for w, p in query_terms(query))


def term_score(terms: list[tuple[str, bool]], text: str) -> int:
    """How often the terms occur in ``text``; 0 unless every term occurs."""
    toks = words(text)
    total = 0
    for term, prefix in terms:
        n = sum(1 for t in toks if (t.startswith(term) if prefix else t == term))
        if n == 0:
            return 0
        total += n
    return total


def like_escape(text: str) -> str:
    """``text`` for a SQL ``LIKE ... ESCAPE '\\'`` pattern (its wildcards taken literally)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def people_where(kind: str | None, query: str | None, mark: str) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or "") and parameters that select entities (alias ``p``) of
    ``kind`` whose name or an alias contains ``query`` (case- and accent-folded); ``mark`` is
    the backend's parameter placeholder ("?" or "%s")."""
    where: list[str] = []
    params: list[Any] = []
    if kind is not None:
        where.append(f"p.kind = {mark}")
        params.append(kind)
    if query is not None:
        pat = "%" + like_escape(S.fold(query)) + "%"
        where.append(
            f"(p.name_fold LIKE {mark} ESCAPE '\\' OR p.id IN (SELECT a.entity_id FROM"
            f" entity_aliases a WHERE a.alias_fold LIKE {mark} ESCAPE '\\'))"
        )
        params.extend([pat, pat])
    return (" WHERE " + " AND ".join(where) if where else ""), params


# ---------------------------------------------------------------- facet counts (SQL stores)

#: facet -> (table, key column, what is counted): the timeline's facets, kept in the
#: ``facet_counts`` table by the write path so that reading them costs an index walk, not
#: a count over every event (migrations: SQLite 0010, PostgreSQL 0004)
FACETS: dict[str, tuple[str, str, str]] = {
    "type": ("events", "type", "count(*)"),
    "entity": ("event_entities", "entity_id", "count(DISTINCT event_id)"),
    "source": ("event_evidence", "doc_id", "count(DISTINCT event_id)"),
}

#: the facets of a page, read from ``facet_counts`` (``{ph}``: the placeholder; the limit
#: is formatted in: an int)
FACET_TYPES_SQL = "SELECT key AS k, n FROM facet_counts WHERE facet = 'type' ORDER BY key"
FACET_ENTITIES_SQL = (
    "SELECT f.k, f.n, p.name, p.kind FROM (SELECT key AS k, n FROM facet_counts"
    " WHERE facet = 'entity'{top}) f LEFT JOIN entities p ON p.id = f.k ORDER BY f.n DESC, f.k"
)
FACET_SOURCES_SQL = (
    "SELECT f.k, f.n, d.uri, d.title FROM (SELECT key AS k, n FROM facet_counts"
    " WHERE facet = 'source'{top}) f LEFT JOIN documents d ON d.id = f.k ORDER BY f.n DESC, f.k"
)


def facet_top(limit: int | None) -> str:
    """The ORDER BY/LIMIT of the most frequent entities and sources (ties by id)."""
    return "" if limit is None else f" ORDER BY n DESC, key LIMIT {int(limit)}"


def facet_refresh_sql(
    keys: Mapping[str, Iterable[str]] | None, marks: Any, chunk: int = 500
) -> Iterator[tuple[str, list[Any]]]:
    """The statements that make ``facet_counts`` right again after a write: for the keys
    the written and deleted events touched (facet -> keys), or for every key (``None``:
    after a rewrite of everything). ``marks(n)`` writes ``n`` placeholders."""
    if keys is None:
        yield "DELETE FROM facet_counts", []
        for facet, (table, col, count) in FACETS.items():
            yield (
                f"INSERT INTO facet_counts (facet, key, n) SELECT '{facet}', {col}, {count}"
                f" FROM {table} GROUP BY {col}",
                [],
            )
        return
    for facet, (table, col, count) in FACETS.items():
        todo = sorted(set(keys.get(facet, ())))
        for i in range(0, len(todo), chunk):
            part = todo[i : i + chunk]
            m = marks(len(part))
            yield f"DELETE FROM facet_counts WHERE facet = '{facet}' AND key IN ({m})", part
            yield (
                f"INSERT INTO facet_counts (facet, key, n) SELECT '{facet}', {col}, {count}"
                f" FROM {table} WHERE {col} IN ({m}) GROUP BY {col}",
                part,
            )


def facet_keys(events: Iterable[Any]) -> dict[str, set[str]]:
    """The facet keys of events (:class:`~histograph.model.Event`): their type, participant
    entities and source documents."""
    out: dict[str, set[str]] = {"type": set(), "entity": set(), "source": set()}
    for e in events:
        out["type"].add(e.type)
        out["entity"].update(e.participants)
        out["source"].update(m.doc_id for m in e.mentions)
    return out


# ---------------------------------------------------------------- on this day (SQL stores)

#: the columns on-this-day orders and checks by (light rows: the page's rows are read after)
_ON_DAY_COLS = (
    "e.id, e.seq, e.date_value, e.date_earliest, e.date_latest, e.date_precision,"
    " e.date_calendar, e.date_source_calendar, e.date_anchor, e.date_approximate"
)


def _on_day(row: Mapping[str, Any], month: int, day: int) -> bool:
    """:func:`falls_on` for a row the on-this-day SQL left to check (an interval, or a
    month-precision row that is not one whole month from its 1st), without making the
    TimeValue."""
    if row["date_precision"] in EXACT_DAY_PRECISIONS:
        return True
    if row["date_precision"] not in ON_THIS_DAY_PRECISIONS or row["date_earliest"] is None:
        return False
    return _range_has_day(int(row["date_earliest"]), int(row["date_latest"]), month, day)


def _timeline_key(r: Mapping[str, Any]) -> tuple[bool, int, int, float]:
    return (r["date_earliest"] is None, r["date_earliest"] or 0, r["date_latest"] or 0, r["seq"])


#: a month-precision row that is one month from its 1st (as the time stage writes a month;
#: the partial index ``events_odd_month`` holds the others: keep the text alike):
#: it holds a day of its month when it is that long (SQL decides); other month rows (a
#: month of another calendar, in Gregorian days) are checked by :func:`_on_day`
_WHOLE_MONTH = (
    "e.date_day = 1 AND e.date_latest_month = e.date_month"
    f" AND e.date_latest - e.date_earliest < {ON_THIS_DAY_MAX_DAYS}"
)


def _start_months(month: int) -> str:
    """The months a range of at most 31 days holding a day of ``month`` can start in: that
    month, the one before, and January for March (through all of February)."""
    before = (month - 2) % 12 + 1
    found = [month, before] + ([1] if before == 2 else [])
    return ", ".join(str(m) for m in found)


def _on_day_sql(ph: str, month: int, day: int) -> tuple[list[tuple[str, list[Any]]], str]:
    """The on-this-day conditions: of the branches whose every row falls on the day, with
    their parameters (each one seek in timeline order of a partial index:
    ``events_exact_day``, ``events_month_precision``), and the query of the few rows
    :func:`_on_day` must check (intervals and the month rows that are not a whole month,
    starting near the month)."""
    exact = ", ".join(f"'{p}'" for p in sorted(EXACT_DAY_PRECISIONS))
    day_where = (
        f"e.date_month = {ph} AND e.date_day = {ph} AND e.date_precision IN ({exact})"
    )
    month_where = (
        f"e.date_precision = 'month' AND e.date_month = {ph} AND {_WHOLE_MONTH}"
        f" AND e.date_latest - e.date_earliest >= {day - 1:d}"
    )
    near = (
        f" AND e.date_month IN ({_start_months(month)})"
        f" AND e.date_latest - e.date_earliest < {ON_THIS_DAY_MAX_DAYS}"
    )
    checked = (
        f"SELECT {_ON_DAY_COLS} FROM events e WHERE e.date_precision = 'interval'{near}"
        f" UNION ALL SELECT {_ON_DAY_COLS} FROM events e WHERE e.date_precision = 'month'"
        f"{near} AND NOT ({_WHOLE_MONTH})"
    )
    return [(day_where, [month, day]), (month_where, [month])], checked


def on_day_rows(
    fetch: Any, ph: str, month: int, day: int, want: int | None
) -> list[dict[str, Any]]:
    """The events falling on a month and day, in timeline order, as light rows (id, order
    and date columns): the first ``want`` (None: all). ``fetch(sql, params)`` runs a query
    of the backend, ``ph`` its placeholder.

    Each sure branch (:func:`_on_day_sql`) reads its first ``want`` rows from its order
    index, not every candidate of the day; only the few rows SQL cannot decide are checked
    here."""
    sure, checked_sql = _on_day_sql(ph, month, day)
    checked = [r for r in fetch(checked_sql, ()) if _on_day(r, month, day)]
    order = " ORDER BY e.date_earliest, e.date_latest, e.seq"  # dated rows only
    params = [p for _, ps in sure for p in ps]
    selects = [f"SELECT {_ON_DAY_COLS} FROM events e WHERE {w}" for w, _ in sure]
    if want is None:
        sql = f"SELECT * FROM ({' UNION ALL '.join(selects)}) e{order}"
    else:
        tail = f" LIMIT {int(want)}"
        union = " UNION ALL ".join(
            f"SELECT * FROM ({sql}{order}{tail}) b{k}" for k, sql in enumerate(selects)
        )
        sql = f"SELECT * FROM ({union}) e{order}{tail}"
    rows: list[dict[str, Any]] = fetch(sql, params)
    rows += checked
    rows.sort(key=_timeline_key)
    return rows if want is None else rows[:want]


def on_day_count(fetch: Any, ph: str, month: int, day: int) -> int:
    """How many events :func:`on_day_rows` finds without a limit (counts of the partial
    indexes alone)."""
    sure, checked_sql = _on_day_sql(ph, month, day)
    counts = " + ".join(f"(SELECT count(*) FROM events e WHERE {w})" for w, _ in sure)
    row = fetch(f"SELECT {counts} AS n", [p for _, ps in sure for p in ps])
    checked = sum(1 for r in fetch(checked_sql, ()) if _on_day(r, month, day))
    return (int(row[0]["n"]) if row else 0) + checked


def counted_events_sql(
    ph: str, *, filtered: bool, type: str | None, source: str | None
) -> tuple[str, list[Any]] | None:
    """How many events a timeline shows, from ``facet_counts`` when the filter is none, a
    type or a source alone (an index lookup instead of a count over every event); None
    when it needs a count (``filtered``: a date range or a participant)."""
    if filtered or (type is not None and source is not None):
        return None
    sql = "SELECT coalesce(sum(n), 0) AS n FROM facet_counts WHERE facet = "
    if type is not None:
        return sql + f"'type' AND key = {ph}", [type]
    if source is not None:
        return sql + f"'source' AND key = {ph}", [source]
    return sql + "'type'", []
