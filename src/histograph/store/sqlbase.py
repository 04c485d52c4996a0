"""What the SQL backends share: the reads of the merged knowledge, written once.

:class:`SQLStore` holds the queries that SQLite and PostgreSQL run alike (the schema and
the row converters of :mod:`.serialise` are the same); a backend supplies the dialect as
small hooks:

- ``_ph``: its parameter placeholder (the queries here are written with ``?``);
- ``_all``/``_one``: run a query;
- ``_in(sql, ids)``: run a query with an ``IN ({ids})`` list (SQLite: chunks of
  placeholders; PostgreSQL: one array, ``= ANY(%s)``);
- ``_reading()``: several reads that must see one state (a lock, or a snapshot);
- ``_page(limit, offset)``: the LIMIT/OFFSET clause;
- ``_ordered_page_sql(where, limit, offset)``: a page of the timeline as the backend
  reads one fastest; ``_change_token()``: a value that changes with the stored knowledge
  (the order keys kept for deep pages hold while it holds).

The rows the two write paths write alike are built once in :mod:`.sqlrows`. What differs
for real (the rest of the write path, full-text search, migrations) stays in
:mod:`.sqlite` and :mod:`.postgres` and their modules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal, cast

from ..model import (
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    CopyLink,
    Document,
    Event,
    EventMention,
    Participant,
    Person,
    Severity,
)
from . import EventSummary, FacetEntity, Facets, FacetSource
from . import serialise as S
from .common import (
    FACET_ENTITIES_SQL,
    FACET_SOURCES_SQL,
    FACET_TYPES_SQL,
    check_month_day,
    check_page,
    counted_events_sql,
    facet_top,
    on_day_count,
    on_day_rows,
    people_where,
)

#: the timeline's order (the expression index ``events_order`` serves it)
EVENT_ORDER = "(e.date_earliest IS NULL), e.date_earliest, e.date_latest, e.seq"
#: the same order of dated events (index events_dated)
SEGMENT_ORDER = "e.date_earliest, e.date_latest, e.seq"
#: a page at an offset of at least this many events starts from a kept order key
#: (:meth:`SQLStore._offset_rows`): at most this many index entries are skipped
OFFSET_STRIDE = 1000
#: a participant's events are walked for along the timeline (not collected, then ordered)
#: when n**2 >= WALK_FACTOR * wanted * events (n: its events): a walk probes
#: wanted * events / n events, each probe costs a few index reads
WALK_FACTOR = 8
#: the timeline in two segments (dated or not -> condition, order): the dated events by
#: (date_earliest, date_latest, seq) (index events_dated), then the undated ones by seq
_SEGMENTS: dict[bool, tuple[str, str]] = {
    True: ("e.date_earliest IS NOT NULL", SEGMENT_ORDER),
    # (an undated event has neither column: the seek is (NULL, NULL, seq) in events_dated)
    False: ("e.date_earliest IS NULL AND e.date_latest IS NULL", "e.seq"),
}


#: spans of :meth:`SQLStore.events_at_spans` per query (four parameters each)
_SPANS_AT_ONCE = 200


def _order_key(r: dict[str, Any]) -> tuple[bool, int, int, int]:
    """An event row's place in the timeline (:data:`EVENT_ORDER`)."""
    return (
        r["date_earliest"] is None,
        r["date_earliest"] or 0,
        r["date_latest"] or 0,
        int(r["seq"]),
    )


class SQLStore:
    """The reads both SQL backends run alike (see the module docstring for the hooks)."""

    _ph = "?"

    # ------------------------------------------------------------ hooks
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        raise NotImplementedError

    def _in(self, sql: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        raise NotImplementedError

    def _change_token(self) -> object:
        """A value that differs whenever the stored knowledge may have changed (read in
        the caller's snapshot): the offset checkpoints of :meth:`_offset_rows` hold while
        it holds."""
        raise NotImplementedError

    def _ordered_page_sql(
        self, where: str, limit: int | None, offset: int, dated: bool = False
    ) -> str:
        """The rows of a page of events in timeline order (``where``: a filter of ``e``;
        ``dated``: it keeps dated events only), read as the backend reads a page fastest."""
        raise NotImplementedError

    def knowledge_token(self) -> object:
        """A value that changes whenever the stored knowledge may have changed (a rewrite
        by another process included): readers' caches hold while it holds."""
        with self._reading():
            return self._change_token()

    def _sql(self, sql: str) -> str:
        """``sql`` (written with ``?``) with this backend's placeholder."""
        return sql if self._ph == "?" else sql.replace("?", self._ph)

    # ------------------------------------------------------------ documents
    def has_document(self, doc_id: str) -> bool:
        return self._one(self._sql("SELECT 1 AS x FROM documents WHERE id = ?"), (doc_id,)) is not None

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        sql = "SELECT * FROM documents ORDER BY uri, id" + self._page(limit, offset)
        return [S.document_from_row(r) for r in self._all(sql)]

    def document(self, doc_id: str) -> Document | None:
        row = self._one(self._sql("SELECT * FROM documents WHERE id = ?"), (doc_id,))
        return S.document_from_row(row) if row else None

    def copies(self) -> list[CopyLink]:
        return [S.copy_from_row(r) for r in self._all("SELECT * FROM copies ORDER BY doc_id, source_id, seq")]

    # ------------------------------------------------------------ events
    def _event_rows(
        self,
        earliest: int | None,
        latest: int | None,
        entity: str | None,
        type: str | None,
        source: str | None,
        limit: int | None,
        offset: int,
        after: str | None,
    ) -> list[dict[str, Any]]:
        """The event rows of :meth:`events`, in timeline order (in the caller's snapshot)."""
        check_page(limit, offset)
        walk = (
            entity is not None and limit is not None and self._frequent(entity, limit + offset)
        )
        where, params = self._event_filter(earliest, latest, entity, type, source, walk)
        if earliest is not None:
            # an overlap with [earliest, ...] starts at most `width` days before it: seek there
            where += self._sql(" AND e.date_earliest >= ?")
            params.append(earliest - self._max_width())
        if after is not None:
            return self._events_after(where, params, after, limit, offset)
        if limit is None and offset == 0:
            return self._all(f"SELECT * FROM events e{where} ORDER BY {EVENT_ORDER}", params)
        if limit is not None and offset >= OFFSET_STRIDE:
            return self._offset_rows(where, params, limit, offset)
        dated = earliest is not None or latest is not None
        return self._all(self._ordered_page_sql(where, limit, offset, dated), params)

    def _frequent(self, entity: str, want: int) -> bool:
        """Whether the first ``want`` events of a participant are found sooner by walking
        the timeline in order and probing each event (a participant of a large share of
        the events: a few hundred probes) than by collecting every event it is in and
        ordering them (hundreds of thousands for the most frequent). Its share is read
        from ``facet_counts`` (the entity, or the entities of that name or alias)."""
        f = S.fold(entity)
        row = self._one(
            self._sql(
                "SELECT (SELECT coalesce(sum(n), 0) FROM facet_counts WHERE facet = 'entity'"
                " AND key IN (SELECT ? UNION SELECT n.id FROM entities n WHERE n.name_fold = ?"
                " UNION SELECT a.entity_id FROM entity_aliases a WHERE a.alias_fold = ?)) AS n,"
                " (SELECT coalesce(sum(n), 0) FROM facet_counts WHERE facet = 'type') AS total"
            ),
            (entity, f, f),
        )
        if not row or not row["n"]:
            return False
        # a walk probes about want * total / n events; collecting reads n rows and more
        return int(row["n"]) ** 2 >= WALK_FACTOR * want * int(row["total"])

    def _max_width(self) -> int:
        """Days between the first and last day of the longest dated event (an index lookup)."""
        row = self._one("SELECT max(date_latest - date_earliest) AS w FROM events")
        return int(row["w"]) if row and row["w"] is not None else 0

    def _events_after(
        self, where: str, params: list[Any], after: str, limit: int | None, offset: int
    ) -> list[dict[str, Any]]:
        """Keyset page: the events after event ``after`` in timeline order (two index seeks:
        the dated events after it, then the undated ones)."""
        cursor = self._one(
            self._sql("SELECT date_earliest, date_latest, seq FROM events WHERE id = ?"), (after,)
        )
        if cursor is None:
            raise ValueError(f"E031 unknown cursor: no event with id {after!r}")
        want = None if limit is None else limit + offset
        rows: list[dict[str, Any]] = []
        if cursor["date_earliest"] is not None:
            key = (cursor["date_earliest"], cursor["date_latest"], cursor["seq"])
            rows = self._segment(where, params, True, key, ">", 0, want)
            undated_key: tuple[Any, ...] | None = None
        else:
            undated_key = (cursor["seq"],)
        if want is None or len(rows) < want:
            more = None if want is None else want - len(rows)
            rows += self._segment(where, params, False, undated_key, ">", 0, more)
        return rows[offset:]

    def _segment(
        self,
        where: str,
        params: list[Any],
        dated: bool,
        key: tuple[Any, ...] | None,
        op: str,
        skip: int,
        want: int | None,
        cols: str = "*",
    ) -> list[dict[str, Any]]:
        """Rows of one segment of the timeline from the order key ``key`` (``op``: ">" after
        it, ">=" from it; None: from the start), ``skip`` of them skipped, ``want`` kept."""
        cond, order = _SEGMENTS[dated]
        body = f" FROM events e{where}{' AND ' if where else ' WHERE '}{cond}"
        args = list(params)
        if key is not None:
            body += self._sql(f" AND ({order}) {op} ({', '.join('?' * len(key))})")
            args += key
        return self._all(self._segment_sql(cols, body, order, want, skip), args)

    def _segment_sql(self, cols: str, body: str, order: str, want: int | None, skip: int) -> str:
        """``SELECT cols`` + ``body`` (its FROM and WHERE) in ``order``, ``skip`` rows
        skipped and ``want`` kept."""
        return f"SELECT {cols}{body} ORDER BY {order}" + self._page(want, skip)

    def _offset_rows(
        self, where: str, params: list[Any], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        """A page deep in the timeline by keyset under the hood: the order key of every
        :data:`OFFSET_STRIDE`-th event of a segment is kept (per filter, until the knowledge
        changes: :meth:`_change_token`), found from the nearest one kept before it, and a
        page is read from the key before it (one index seek and at most a stride skipped),
        not by a walk of every event before the offset."""
        token = self._change_token()
        cache: dict[Any, Any] = self.__dict__.setdefault("_checkpoints", {})
        if cache.get("token") != token:
            cache.clear()
            cache["token"] = token
        if len(cache) > 64:  # many filters: start again
            cache.clear()
            cache["token"] = token
        marks = cache.setdefault((where, tuple(params)), {True: {0: None}, False: {0: None}})
        rows: list[dict[str, Any]] = []
        dated_len = marks.get("dated_len")
        if dated_len is None or offset < dated_len:
            rows = self._segment_page(where, params, True, marks, offset, limit)
            if len(rows) == limit:
                return rows
            if dated_len is None:
                dated_len = marks["dated_len"] = self._segment_len(where, params, marks)
        return rows + self._segment_page(
            where, params, False, marks, max(0, offset - dated_len), limit - len(rows)
        )

    def _segment_page(
        self,
        where: str,
        params: list[Any],
        dated: bool,
        marks: dict[Any, Any],
        pos: int,
        want: int,
    ) -> list[dict[str, Any]]:
        """``want`` rows of a segment from position ``pos`` (see :meth:`_offset_rows`)."""
        known: dict[int, tuple[Any, ...] | None] = marks[dated]
        c = pos // OFFSET_STRIDE
        if c not in known:
            # every mark up to c, each from the one before: one walk of the index in all;
            # of the whole timeline (no filter) every mark at once: one walk per change of
            # the knowledge, then every page is a seek
            _, order = _SEGMENTS[dated]
            cols = ", ".join(f"{c_} AS k{n}" for n, c_ in enumerate(order.split(", ")))
            last = c if where else 2**62
            for k in range(max(known) + 1, last + 1):
                if known[k - 1] is None and k > 1:  # the segment ended
                    break
                found = self._segment(
                    where, params, dated, known[k - 1], ">=", OFFSET_STRIDE, 1, cols
                )
                known[k] = tuple(found[0].values()) if found else None
        if known.get(c) is None and c > 0:
            return []
        return self._segment(where, params, dated, known[c], ">=", pos - c * OFFSET_STRIDE, want)

    def _segment_len(self, where: str, params: list[Any], marks: dict[Any, Any]) -> int:
        """How many dated events the filter keeps: from the last mark kept, a count of at
        most a few strides."""
        known = marks[True]
        j = max(k for k, v in known.items() if v is not None or k == 0)
        cond, order = _SEGMENTS[True]
        sql = f"SELECT 1 AS x FROM events e{where}{' AND ' if where else ' WHERE '}{cond}"
        args = list(params)
        if known[j] is not None:
            sql += self._sql(f" AND ({order}) >= (?, ?, ?)")
            args += known[j]
        row = self._one(f"SELECT count(*) AS n FROM ({sql}) t", args)
        return int(j) * OFFSET_STRIDE + (int(row["n"]) if row else 0)

    def event_summaries(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        after: str | None = None,
    ) -> list[EventSummary]:
        """The events of :meth:`events` (same arguments, same order) as the drawn timeline
        shows them: three index reads for any number of events, no mention, claim or
        quote loaded."""
        with self._reading():
            return self._summaries(
                self._event_rows(earliest, latest, entity, type, source, limit, offset, after)
            )

    def _summaries(self, rows: list[dict[str, Any]]) -> list[EventSummary]:
        ids = [str(r["id"]) for r in rows]
        if not ids:
            return []
        entities: dict[str, list[str]] = defaultdict(list)
        for r in self._in(
            "SELECT event_id, entity_id FROM event_entities WHERE event_id IN ({ids}) "
            "ORDER BY event_id, seq",
            ids,
        ):
            entities[str(r["event_id"])].append(str(r["entity_id"]))
        sources: dict[str, set[str]] = defaultdict(set)
        for r in self._in(
            "SELECT event_id, doc_id FROM event_evidence WHERE event_id IN ({ids})", ids
        ):
            sources[str(r["event_id"])].add(str(r["doc_id"]))
        attrs = self.conflict_attributes(ids)
        return [
            EventSummary(
                id=(i := str(r["id"])),
                type=str(r["type"]),
                title=str(r["title"]),
                date=S.time_from_row(r, "date_"),
                place=r["place"],
                support=int(r["support"]),
                independent_support=int(r["independent_support"]),
                participants=tuple(entities.get(i, ())),
                sources=tuple(sorted(sources.get(i, ()))),
                conflict_attributes=tuple(attrs.get(i, ())),
            )
            for r in rows
        ]

    def _load_events(self, rows: list[dict[str, Any]]) -> list[Event]:
        """Whole events for event rows: four queries for any number of rows."""
        ids = [str(r["id"]) for r in rows]
        if not ids:
            return []
        with self._reading():
            entities: dict[str, list[str]] = defaultdict(list)
            for r in self._in(
                "SELECT event_id, entity_id FROM event_entities WHERE event_id IN ({ids}) "
                "ORDER BY event_id, seq",
                ids,
            ):
                entities[r["event_id"]].append(str(r["entity_id"]))
            parts: dict[tuple[str, int], list[Participant]] = defaultdict(list)
            for r in self._in(
                "SELECT * FROM event_evidence_participants WHERE event_id IN ({ids}) "
                "ORDER BY event_id, evidence_seq, seq",
                ids,
            ):
                parts[(r["event_id"], int(r["evidence_seq"]))].append(S.participant_from_row(r))
            mentions: dict[str, list[EventMention]] = defaultdict(list)
            for r in self._in(
                "SELECT * FROM event_evidence WHERE event_id IN ({ids}) ORDER BY event_id, seq",
                ids,
            ):
                key = (str(r["event_id"]), int(r["seq"]))
                mentions[key[0]].append(S.event_mention_from_row(r, tuple(parts.get(key, ()))))
            claims: dict[str, list[Claim]] = defaultdict(list)
            for r in self._in(
                "SELECT ec.event_id, c.* FROM event_claims ec JOIN claims c ON c.id = ec.claim_id "
                "WHERE ec.event_id IN ({ids}) ORDER BY ec.event_id, ec.seq",
                ids,
            ):
                claims[r["event_id"]].append(S.claim_from_row(r))
        return [
            Event(
                id=str(r["id"]),
                type=str(r["type"]),
                title=str(r["title"]),
                date=S.time_from_row(r, "date_"),
                mentions=tuple(mentions.get(r["id"], ())),
                claims=tuple(claims.get(r["id"], ())),
                place=r["place"],
                participants=tuple(entities.get(r["id"], ())),
                support=int(r["support"]),
                independent_support=int(r["independent_support"]),
            )
            for r in rows
        ]

    def _event_filter(
        self,
        earliest: int | None,
        latest: int | None,
        entity: str | None,
        type: str | None,
        source: str | None,
        walk: bool = False,
    ) -> tuple[str, list[Any]]:
        """The WHERE clause (or "") and parameters of a timeline filter; ``walk``: the
        participant test as a probe of each event (see :meth:`_frequent`)."""
        where: list[str] = []
        params: list[Any] = []
        if earliest is not None:
            where.append("e.date_latest >= ?")
            params.append(earliest)
        if latest is not None:
            where.append("e.date_earliest <= ?")
            params.append(latest)
        if type is not None:
            where.append("e.type = ?")
            params.append(type)
        if source is not None:
            where.append("e.id IN (SELECT v.event_id FROM event_evidence v WHERE v.doc_id = ?)")
            params.append(source)
        if entity is not None:
            sql, args = self._participant_filter(entity, walk)
            where.append(sql)
            params.extend(args)
        return (self._sql(" WHERE " + " AND ".join(where)) if where else ""), params

    def _participant_filter(self, entity: str, walk: bool) -> tuple[str, list[Any]]:
        """The test that a participant ``entity`` (an entity's id, or a name or alias of
        one, or a mention's participant of that name or key) takes part in event ``e``, as
        SQL written with ``?`` and its parameters; ``walk``: a probe of each event (see
        :meth:`_frequent`), else the matches collected."""
        f = S.fold(entity)
        names = (
            "(ee.entity_id = ? OR ee.entity_id IN (SELECT n.id FROM entities n WHERE"
            " n.name_fold = ?) OR ee.entity_id IN (SELECT a.entity_id FROM entity_aliases a"
            " WHERE a.alias_fold = ?))"
        )
        if walk:  # probed event by event along the order index (a frequent participant)
            sql = (
                f"(EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id AND"
                f" {names}) OR EXISTS (SELECT 1 FROM event_evidence_participants p WHERE"
                " p.event_id = e.id AND (p.name_fold = ? OR p.key = ?)))"
            )
        else:  # the matches collected, then ordered (a rare one)
            sql = (
                f"(e.id IN (SELECT ee.event_id FROM event_entities ee WHERE {names})"
                " OR e.id IN (SELECT p.event_id FROM event_evidence_participants p"
                " WHERE p.name_fold = ? OR p.key = ?))"
            )
        return sql, [entity, f, f, f, entity]

    def count_events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
    ) -> int:
        filtered = earliest is not None or latest is not None or entity is not None
        kept = counted_events_sql(self._ph, filtered=filtered, type=type, source=source)
        if kept is not None:
            row = self._one(*kept)
            return int(row["n"]) if row else 0
        where, params = self._event_filter(earliest, latest, entity, type, source)
        if earliest is not None:  # as _event_rows: a seek, not every event before `latest`
            where += self._sql(" AND e.date_earliest >= ?")
            params.append(earliest - self._max_width())
        row = self._one(f"SELECT count(*) AS n FROM events e{where}", params)
        return int(row["n"]) if row else 0

    def participant_count(self, entity_id: str) -> int:
        """How many events list ``entity_id`` among their participants (its facet count:
        one index read; at most :meth:`count_events` with ``entity=entity_id``, which also
        counts the events a mention's participant of that name or key is in)."""
        row = self._one(
            self._sql("SELECT n FROM facet_counts WHERE facet = 'entity' AND key = ?"),
            (entity_id,),
        )
        return int(row["n"]) if row else 0

    def events_by_id(self, ids: Sequence[str]) -> dict[str, Event]:
        """The stored events of ``ids`` by id (four queries for a page of them)."""
        with self._reading():
            rows = self._in("SELECT * FROM events WHERE id IN ({ids})", sorted(set(ids)))
            return {e.id: e for e in self._load_events(rows)}

    def events_at(self, doc_id: str, start: int, end: int) -> list[Event]:
        with self._reading():
            rows = self._all(
                self._sql(
                    "SELECT * FROM events e WHERE e.id IN (SELECT v.event_id FROM event_evidence"
                    ' v WHERE v.doc_id = ? AND v.start < ? AND ? < v."end")'
                    f" ORDER BY {EVENT_ORDER}"
                ),
                (doc_id, end, start),
            )
            return self._load_events(rows)

    def events_at_spans(self, spans: Sequence[tuple[str, int, int]]) -> list[list[Event]]:
        """:meth:`events_at` of each span (doc_id, start, end) of ``spans``, in their
        order: one query for the events of every span and the four of the events (a page
        of search hits), not five a span."""
        found: list[list[str]] = [[] for _ in spans]
        rows: dict[str, dict[str, Any]] = {}
        with self._reading():
            for at in range(0, len(spans), _SPANS_AT_ONCE):
                chunk = spans[at : at + _SPANS_AT_ONCE]
                values = ", ".join(["(?, ?, ?, ?)"] * len(chunk))
                params = [x for k, (d, s, e) in enumerate(chunk, at) for x in (k, d, s, e)]
                for r in self._all(
                    self._sql(
                        f"WITH s(k, doc_id, lo, hi) AS (VALUES {values}) SELECT DISTINCT"
                        " s.k AS span_k, e.* FROM s JOIN event_evidence v ON v.doc_id = s.doc_id"
                        ' AND v.start < s.hi AND s.lo < v."end" JOIN events e ON e.id = v.event_id'
                    ),
                    params,
                ):
                    found[int(r["span_k"])].append(str(r["id"]))
                    rows[str(r["id"])] = r
            by_id = {e.id: e for e in self._load_events(list(rows.values()))}
        return [
            [by_id[i] for i in sorted(ids, key=lambda i: _order_key(rows[i]))] for ids in found
        ]

    def documents_by_id(self, ids: Sequence[str]) -> dict[str, Document]:
        """The stored documents of ``ids`` by id (unknown ids left out), in one query."""
        return {
            str(r["id"]): S.document_from_row(r)
            for r in self._in("SELECT * FROM documents WHERE id IN ({ids})", sorted(set(ids)))
        }

    def event(self, event_id: str) -> Event | None:
        with self._reading():
            found = self._load_events(
                self._all(self._sql("SELECT * FROM events e WHERE e.id = ?"), (event_id,))
            )
        return found[0] if found else None

    def on_this_day(
        self, month: int, day: int, *, limit: int | None = None, offset: int = 0
    ) -> list[Event]:
        check_month_day(month, day)
        check_page(limit, offset)
        want = None if limit is None else offset + limit
        with self._reading():
            light = on_day_rows(self._all, self._ph, month, day, want)
            ids = [str(r["id"]) for r in light[offset:]]
            full = {
                str(r["id"]): r for r in self._in("SELECT * FROM events WHERE id IN ({ids})", ids)
            }
            return self._load_events([full[i] for i in ids if i in full])

    def count_on_this_day(self, month: int, day: int) -> int:
        """How many events :meth:`on_this_day` would return without ``limit``/``offset``."""
        check_month_day(month, day)
        with self._reading():
            return on_day_count(self._all, self._ph, month, day)

    def facets(self, limit: int | None = None) -> Facets:
        """Event counts by type, by participant entity and by source document (each event
        once per source), kept in ``facet_counts`` by the write path; entities and sources
        the ``limit`` most frequent (ties by id), with their names."""
        top = facet_top(limit)
        with self._reading():
            types = self._all(FACET_TYPES_SQL)
            ents = self._all(FACET_ENTITIES_SQL.format(top=top))
            docs = self._all(FACET_SOURCES_SQL.format(top=top))
        return Facets(
            types=[(str(r["k"]), int(r["n"])) for r in types],
            entities=[FacetEntity(str(r["k"]), int(r["n"]), r["name"], r["kind"]) for r in ents],
            sources=[FacetSource(str(r["k"]), int(r["n"]), r["uri"], r["title"]) for r in docs],
        )

    # ------------------------------------------------------------ people
    def _load_people(self, rows: list[dict[str, Any]]) -> list[Person]:
        ids = [str(r["id"]) for r in rows]
        if not ids:
            return []
        with self._reading():
            aliases: dict[str, list[str]] = defaultdict(list)
            for r in self._in(
                "SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({ids}) "
                "ORDER BY entity_id, seq",
                ids,
            ):
                aliases[r["entity_id"]].append(str(r["alias"]))
            mentions: dict[str, list[Any]] = defaultdict(list)
            for r in self._in(
                "SELECT * FROM entity_evidence WHERE entity_id IN ({ids}) ORDER BY entity_id, seq",
                ids,
            ):
                mentions[r["entity_id"]].append(S.entity_mention_from_row(r))
            roles: dict[str, list[Any]] = defaultdict(list)
            for r in self._in(
                "SELECT * FROM entity_roles WHERE entity_id IN ({ids}) ORDER BY entity_id, seq",
                ids,
            ):
                roles[r["entity_id"]].append(S.role_from_row(r))
        return [
            Person(
                id=str(r["id"]),
                name=str(r["name"]),
                aliases=tuple(aliases.get(r["id"], ())),
                mentions=tuple(mentions.get(r["id"], ())),
                roles=tuple(roles.get(r["id"], ())),
                kind=str(r["kind"]),
                authority_id=r["authority_id"],
            )
            for r in rows
        ]

    def people(
        self,
        *,
        kind: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Person]:
        where, params = people_where(kind, query, self._ph)
        sql = "SELECT * FROM entities p" + where
        sql += " ORDER BY p.seq" + self._page(limit, offset)
        with self._reading():
            return self._load_people(self._all(sql, params))

    def count_people(self, *, kind: str | None = None, query: str | None = None) -> int:
        """How many entities :meth:`people` would return without ``limit``/``offset``."""
        where, params = people_where(kind, query, self._ph)
        row = self._one("SELECT count(*) AS n FROM entities p" + where, params)
        return int(row["n"]) if row else 0

    def person(self, name: str) -> Person | None:
        f = S.fold(name)
        with self._reading():
            for sql, param in (
                ("SELECT * FROM entities WHERE id = ?", name),
                ("SELECT * FROM entities WHERE name_fold = ? ORDER BY seq LIMIT 1", f),
                (
                    "SELECT p.* FROM entities p WHERE p.id IN (SELECT a.entity_id FROM"
                    " entity_aliases a WHERE a.alias_fold = ?) ORDER BY p.seq LIMIT 1",
                    f,
                ),
            ):
                rows = self._all(self._sql(sql), (param,))
                if rows:
                    return self._load_people(rows)[0]
        return None

    def entity_refs(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Entity id -> (name, kind) of those stored, in one query a chunk."""
        return {
            str(r["id"]): (str(r["name"]), str(r["kind"]))
            for r in self._in("SELECT id, name, kind FROM entities WHERE id IN ({ids})", list(ids))
        }

    # ------------------------------------------------------------ conflicts
    def conflicts(
        self, subject: str | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Conflict]:
        sql = "SELECT * FROM conflicts"
        params: list[Any] = []
        if subject is not None:
            sql += self._sql(" WHERE subject = ?")
            params.append(subject)
        with self._reading():
            rows = self._all(sql + " ORDER BY seq" + self._page(limit, offset), params)
            ids = [str(r["id"]) for r in rows]
            if not ids:
                return []
            claims: dict[tuple[str, int], list[Claim]] = defaultdict(list)
            for r in self._in(
                "SELECT x.conflict_id, x.value_seq, c.* FROM conflict_value_claims x"
                " JOIN claims c ON c.id = x.claim_id WHERE x.conflict_id IN ({ids})"
                " ORDER BY x.conflict_id, x.value_seq, x.seq",
                ids,
            ):
                claims[(r["conflict_id"], int(r["value_seq"]))].append(S.claim_from_row(r))
            values: dict[str, list[ConflictValue]] = defaultdict(list)
            for r in self._in(
                "SELECT * FROM conflict_values WHERE conflict_id IN ({ids})"
                " ORDER BY conflict_id, seq",
                ids,
            ):
                key = (str(r["conflict_id"]), int(r["seq"]))
                values[key[0]].append(
                    ConflictValue(value=str(r["value"]), claims=tuple(claims.get(key, ())))
                )
        return [
            Conflict(
                id=str(r["id"]),
                subject=str(r["subject"]),
                subject_kind=cast(Literal["event", "person"], r["subject_kind"]),
                attribute=str(r["attribute"]),
                values=tuple(values.get(r["id"], ())),
                kind=cast(ConflictKind, r["kind"]),
                severity=cast(Severity, r["severity"]),
                explanation=str(r["explanation"]),
            )
            for r in rows
        ]

    def conflict_attributes(self, subjects: Sequence[str]) -> dict[str, list[str]]:
        """Subject -> the attributes of its conflicts (one per conflict, in order): the
        flags of a page of events in one query."""
        out: dict[str, list[str]] = {}
        for r in self._in(
            "SELECT subject, attribute FROM conflicts WHERE subject IN ({ids}) ORDER BY seq",
            list(subjects),
        ):
            out.setdefault(str(r["subject"]), []).append(str(r["attribute"]))
        return out

    def count_conflicts(self, subject: str | None = None) -> int:
        """How many conflicts :meth:`conflicts` would return without ``limit``/``offset``."""
        if subject is None:
            row = self._one("SELECT count(*) AS n FROM conflicts")
        else:
            row = self._one(self._sql("SELECT count(*) AS n FROM conflicts WHERE subject = ?"), (subject,))
        return int(row["n"]) if row else 0
