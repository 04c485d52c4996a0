"""Model objects <-> flat table rows (plain dicts keyed by column name).

Shared by every SQL backend: the SQLite one now, PostgreSQL later. A row is a
``dict[str, Any]`` whose keys are the column names of ``migrations/0001_initial.sql``;
a :class:`~histograph.model.TimeValue` becomes a group of eight columns with a common
prefix (``date_value``, ``date_earliest``, ...), all ``NULL`` for ``None``.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from ..model import (
    Analysis,
    Anchor,
    AuthorityRecord,
    Claim,
    CopyLink,
    Document,
    EntityMention,
    EventMention,
    Modality,
    Participant,
    Precision,
    Region,
    RegionKind,
    RoleClaim,
    Sentence,
    TimeKind,
    TimeMention,
    TimeValue,
    civil_from_day,
)

Row = dict[str, Any]
RowIn = Mapping[str, Any]

TIME_FIELDS: tuple[str, ...] = (
    "value",
    "earliest",
    "latest",
    "precision",
    "calendar",
    "source_calendar",
    "anchor",
    "approximate",
)


def fold(name: str) -> str:
    """The case-insensitive form of a name, as stored in ``*_fold`` columns."""
    return " ".join(name.casefold().split())


def time_columns(prefix: str) -> list[str]:
    return [prefix + f for f in TIME_FIELDS]


def time_row(tv: TimeValue | None, prefix: str) -> Row:
    if tv is None:
        return dict.fromkeys(time_columns(prefix))
    return {
        prefix + "value": tv.value,
        prefix + "earliest": tv.earliest,
        prefix + "latest": tv.latest,
        prefix + "precision": tv.precision,
        prefix + "calendar": tv.calendar,
        prefix + "source_calendar": tv.source_calendar,
        prefix + "anchor": tv.anchor,
        prefix + "approximate": int(tv.approximate),
    }


def time_from_row(row: RowIn, prefix: str) -> TimeValue | None:
    if row[prefix + "value"] is None:
        return None
    return TimeValue(
        value=str(row[prefix + "value"]),
        earliest=int(row[prefix + "earliest"]),
        latest=int(row[prefix + "latest"]),
        precision=cast(Precision, row[prefix + "precision"]),
        calendar=str(row[prefix + "calendar"]),
        source_calendar=str(row[prefix + "source_calendar"]),
        anchor=cast(Anchor, row[prefix + "anchor"]),
        approximate=bool(row[prefix + "approximate"]),
    )


# ---------------------------------------------------------------- JSON metadata


def _json_default(obj: object) -> Any:
    if isinstance(obj, _dt.date | _dt.datetime | _dt.time):
        return obj.isoformat()
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    return str(obj)


def meta_json(meta: Mapping[str, Any]) -> str:
    """Document metadata as a JSON object (dates as ISO strings, other objects as str)."""
    return json.dumps(dict(meta), ensure_ascii=False, sort_keys=True, default=_json_default)


def meta_from_json(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


# ---------------------------------------------------------------- documents and analyses


def document_row(doc: Document, analysis_published: TimeValue | None, ingested_at: str) -> Row:
    return {
        "id": doc.id,
        "uri": doc.uri,
        "title": doc.title,
        "format": doc.format,
        **time_row(doc.published, "published_"),
        **time_row(analysis_published, "analysis_published_"),
        "text": doc.text,
        "meta": meta_json(doc.meta),
        "ingested_at": ingested_at,
    }


def document_from_row(row: RowIn) -> Document:
    return Document(
        id=str(row["id"]),
        uri=str(row["uri"]),
        text=str(row["text"]),
        format=str(row["format"]),
        title=row["title"],
        published=time_from_row(row, "published_"),
        meta=meta_from_json(row["meta"]),
    )


def region_row(r: Region, seq: int) -> Row:
    return {"doc_id": r.doc_id, "seq": seq, "start": r.start, "end": r.end, "kind": r.kind}


def region_from_row(row: RowIn) -> Region:
    return Region(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        kind=cast(RegionKind, row["kind"]),
    )


def sentence_row(s: Sentence, seq: int, text: str) -> Row:
    return {
        "doc_id": s.doc_id,
        "seq": seq,
        "start": s.start,
        "end": s.end,
        "region_kind": s.region_kind,
        "text": text[s.start : s.end],
    }


def sentence_from_row(row: RowIn) -> Sentence:
    return Sentence(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        region_kind=cast(RegionKind, row["region_kind"]),
    )


def time_mention_row(t: TimeMention, seq: int) -> Row:
    return {
        "doc_id": t.doc_id,
        "seq": seq,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "kind": t.kind,
        **time_row(t.value, ""),
        "timex": t.timex,
        "document_date": int(t.document_date),
        "anchor_start": t.anchor_start,
    }


def time_mention_from_row(row: RowIn) -> TimeMention:
    return TimeMention(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        text=str(row["text"]),
        kind=cast(TimeKind, row["kind"]),
        value=time_from_row(row, ""),
        timex=row["timex"],
        document_date=bool(row["document_date"]),
        anchor_start=row["anchor_start"],
    )


def entity_mention_row(m: EntityMention) -> Row:
    return {
        "doc_id": m.doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "key": m.key,
    }


def entity_mention_from_row(row: RowIn) -> EntityMention:
    return EntityMention(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        text=str(row["text"]),
        label=str(row["label"]),
        key=row["key"],
    )


def role_row(r: RoleClaim) -> Row:
    return {
        "doc_id": r.doc_id,
        "start": r.start,
        "end": r.end,
        "person": r.person,
        "title": r.title,
        "office": r.office,
        "jurisdiction": r.jurisdiction,
        **time_row(r.began, "began_"),
        **time_row(r.ended, "ended_"),
    }


def role_from_row(row: RowIn) -> RoleClaim:
    return RoleClaim(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        person=str(row["person"]),
        title=str(row["title"]),
        office=row["office"],
        jurisdiction=row["jurisdiction"],
        began=time_from_row(row, "began_"),
        ended=time_from_row(row, "ended_"),
    )


def event_mention_row(m: EventMention) -> Row:
    """The mention's own columns; participants go to their own table."""
    return {
        "doc_id": m.doc_id,
        "start": m.start,
        "end": m.end,
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "type": m.type,
        **time_row(m.time, "time_"),
        "time_start": m.time_start,
        "time_end": m.time_end,
        "place": m.place,
        "modality": m.modality,
        "region_kind": m.region_kind,
        "confidence": float(m.confidence),
        "main": int(m.main),
    }


def event_mention_from_row(row: RowIn, participants: tuple[Participant, ...]) -> EventMention:
    return EventMention(
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        trigger_start=int(row["trigger_start"]),
        trigger_end=int(row["trigger_end"]),
        type=str(row["type"]),
        time=time_from_row(row, "time_"),
        time_start=row["time_start"],
        time_end=row["time_end"],
        place=row["place"],
        participants=participants,
        modality=cast(Modality, row["modality"]),
        region_kind=cast(RegionKind, row["region_kind"]),
        confidence=float(row["confidence"]),
        main=bool(row["main"]),
    )


def participant_row(p: Participant) -> Row:
    return {"name": p.name, "role": p.role, "start": p.start, "end": p.end, "key": p.key}


def participant_from_row(row: RowIn) -> Participant:
    return Participant(
        name=str(row["name"]),
        role=str(row["role"]),
        start=int(row["start"]),
        end=int(row["end"]),
        key=row["key"],
    )


# ---------------------------------------------------------------- merged knowledge


def event_date_row(tv: TimeValue | None) -> Row:
    """The event's date columns plus the month/day keys used by on-this-day."""
    row = time_row(tv, "date_")
    if tv is None:
        row.update(date_month=None, date_day=None, date_latest_month=None)
    else:
        _, m, d = civil_from_day(tv.earliest)
        row.update(date_month=m, date_day=d, date_latest_month=civil_from_day(tv.latest)[1])
    return row


def claim_row(c: Claim, claim_id: int) -> Row:
    return {
        "id": claim_id,
        "subject": c.subject,
        "attribute": c.attribute,
        "value": c.value,
        "doc_id": c.doc_id,
        "start": c.start,
        "end": c.end,
        "independent": int(c.independent),
    }


def claim_from_row(row: RowIn) -> Claim:
    return Claim(
        subject=str(row["subject"]),
        attribute=str(row["attribute"]),
        value=str(row["value"]),
        doc_id=str(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        independent=bool(row["independent"]),
    )


def copy_row(c: CopyLink, seq: int) -> Row:
    return {
        "seq": seq,
        "doc_id": c.doc_id,
        "source_id": c.source_id,
        "similarity": float(c.similarity),
    }


def copy_from_row(row: RowIn) -> CopyLink:
    return CopyLink(
        doc_id=str(row["doc_id"]),
        source_id=str(row["source_id"]),
        similarity=float(row["similarity"]),
    )


#: the per-document tables, parents first (the order :func:`analysis_rows` fills them in)
ANALYSIS_TABLES = (
    "documents",
    "regions",
    "sentences",
    "time_mentions",
    "entity_mentions",
    "roles",
    "event_mentions",
    "event_mention_participants",
)


def analysis_rows(analyses: Iterable[Analysis], ingested_at: str) -> dict[str, list[Row]]:
    """The rows of the per-document tables for ``analyses``, table by table (one bulk
    write a table for many documents, instead of eight small ones a document)."""
    out: dict[str, list[Row]] = {t: [] for t in ANALYSIS_TABLES}
    for a in analyses:
        doc = a.document
        out["documents"].append(document_row(doc, a.published, ingested_at))
        out["regions"] += [region_row(r, i) for i, r in enumerate(a.regions)]
        out["sentences"] += [sentence_row(s, i, doc.text) for i, s in enumerate(a.sentences)]
        out["time_mentions"] += [time_mention_row(t, i) for i, t in enumerate(a.times)]
        out["entity_mentions"] += [
            {**entity_mention_row(m), "seq": i} for i, m in enumerate(a.entities)
        ]
        out["roles"] += [{**role_row(r), "seq": i} for i, r in enumerate(a.roles)]
        out["event_mentions"] += [
            {**event_mention_row(m), "seq": i} for i, m in enumerate(a.events)
        ]
        out["event_mention_participants"] += [
            {**participant_row(p), "doc_id": doc.id, "mention_seq": i, "seq": j}
            for i, m in enumerate(a.events)
            for j, p in enumerate(m.participants)
        ]
    return out


def authority_rows(records: Iterable[AuthorityRecord]) -> tuple[list[Row], list[Row]]:
    """The rows of the user's authority file: ``(authority, authority_aliases)``."""
    main: list[Row] = []
    aliases: list[Row] = []
    for i, r in enumerate(records):
        main.append({
            "id": r.id, "seq": i, "name": r.name, "name_fold": fold(r.name), "kind": r.kind,
            "earliest": r.earliest, "latest": r.latest, "description": r.description,
        })
        aliases.extend({"authority_id": r.id, "seq": j, "alias": a} for j, a in enumerate(r.aliases))
    return main, aliases


#: the per-document tables an analysis is read back from, with their row order
_ANALYSIS_READ = {
    "event_mention_participants": "mention_seq, seq",
    "regions": "seq",
    "sentences": "seq",
    "time_mentions": "seq",
    "entity_mentions": "seq",
    "roles": "seq",
    "event_mentions": "seq",
}


def analyses_from_rows(
    docs: Mapping[str, RowIn],
    wanted: Sequence[str],
    rows: Callable[[str, str], Mapping[str, Sequence[RowIn]]],
) -> list[Analysis]:
    """The analyses of ``wanted`` (ids of ``docs``, their ``documents`` rows), in that order,
    from ``rows(table, order)``: a table's rows of those documents by document id, in
    ``order`` (one bulk read a table, by each SQL backend)."""
    got = {table: rows(table, order) for table, order in _ANALYSIS_READ.items()}
    parts: dict[tuple[str, int], list[Participant]] = {}
    for doc_id, found in got["event_mention_participants"].items():
        for p in found:
            parts.setdefault((doc_id, int(p["mention_seq"])), []).append(participant_from_row(p))

    def of(table: str, doc_id: str) -> Sequence[RowIn]:
        return got[table].get(doc_id, ())

    return [
        Analysis(
            document=document_from_row(docs[i]),
            regions=tuple(region_from_row(r) for r in of("regions", i)),
            sentences=tuple(sentence_from_row(r) for r in of("sentences", i)),
            times=tuple(time_mention_from_row(r) for r in of("time_mentions", i)),
            entities=tuple(entity_mention_from_row(r) for r in of("entity_mentions", i)),
            roles=tuple(role_from_row(r) for r in of("roles", i)),
            events=tuple(
                event_mention_from_row(r, tuple(parts.get((i, int(r["seq"])), ())))
                for r in of("event_mentions", i)
            ),
            published=time_from_row(docs[i], "analysis_published_"),
        )
        for i in wanted
    ]
