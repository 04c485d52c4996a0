"""Model objects -> plain JSON-ready dicts, every fact with its source and quote."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import (
    Claim,
    Conflict,
    Document,
    Event,
    EventMention,
    Person,
    RoleClaim,
    TimeValue,
    civil_from_day,
)
from .dates import date_text, explanation_text, humanise, value_text
from .present import type_label
from .titles import headline

QuoteFn = Callable[[str, int, int], str]
DocFn = Callable[[str], Document | None]


def iso_day(n: int) -> str:
    """A day number as ISO 8601 (years outside 0..9999 get a sign, as ISO 8601 allows)."""
    y, m, d = civil_from_day(n)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{y:+05d}"
    return f"{year}-{m:02d}-{d:02d}"


def time_dict(tv: TimeValue | None) -> dict[str, Any] | None:
    if tv is None:
        return None
    out: dict[str, Any] = {
        "value": tv.value,
        "precision": tv.precision,
        "earliest": iso_day(tv.earliest),
        "latest": iso_day(tv.latest),
        "anchor": tv.anchor,
        "label": date_text(tv),
    }
    if tv.approximate:
        out["approximate"] = True
    if tv.source_calendar != "gregorian":
        out["source_calendar"] = tv.source_calendar
    return out


def value_label(attribute: str, value: str) -> str:
    """A claim's value as people read it: dates written out (also inside a merge's
    explanation), event types by their label ("Letter, message or statement", not the
    code), anything else as stated."""
    if attribute == "date":
        return value_text(value)
    if attribute == "type":
        return type_label(value)
    return humanise(value)


class Serialiser:
    """Builds dicts with quotes and document names, given access to the stored texts."""

    def __init__(self, quote: QuoteFn, document: DocFn) -> None:
        self.quote = quote
        self.document = document
        self._uris: dict[str, str] = {}

    def uri(self, doc_id: str) -> str:
        if doc_id not in self._uris:
            doc = self.document(doc_id)
            self._uris[doc_id] = doc.uri if doc else doc_id
        return self._uris[doc_id]

    def source(self, doc_id: str, start: int, end: int) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "uri": self.uri(doc_id),
            "start": start,
            "end": end,
            "quote": self.quote(doc_id, start, end),
        }

    def claim(self, c: Claim) -> dict[str, Any]:
        return {
            "attribute": c.attribute,
            "value": c.value,
            "label": value_label(c.attribute, c.value),
            "independent": c.independent,
            **self.source(c.doc_id, c.start, c.end),
        }

    def mention(self, m: EventMention) -> dict[str, Any]:
        return {
            **self.source(m.doc_id, m.start, m.end),
            "trigger": self.quote(m.doc_id, m.trigger_start, m.trigger_end),
            "type": m.type,
            "date": time_dict(m.time),
            "modality": m.modality,
            "region": m.region_kind,
        }

    def event(self, e: Event, conflicts: list[Conflict] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": e.id,
            "type": e.type,
            "title": headline(e, self.quote),
            "date": time_dict(e.date),
            "place": e.place,
            "participants": list(e.participants),
            "support": e.support,
            "independent_support": e.independent_support,
            "mentions": [self.mention(m) for m in e.mentions],
            "claims": [self.claim(c) for c in e.claims],
        }
        if conflicts is not None:
            out["conflicts"] = [self.conflict(c) for c in conflicts]
        return out

    def event_summary(self, e: Event, disputed: bool = False) -> dict[str, Any]:
        return {
            "id": e.id,
            "type": e.type,
            "title": headline(e, self.quote),
            "date": time_dict(e.date),
            "place": e.place,
            "support": e.support,
            "independent_support": e.independent_support,
            "disputed": disputed,
            "sources": sorted({self.uri(m.doc_id) for m in e.mentions}),
        }

    def role(self, r: RoleClaim) -> dict[str, Any]:
        return {
            "title": r.title,
            "office": r.office,
            "jurisdiction": r.jurisdiction,
            "from": time_dict(r.began),
            "to": time_dict(r.ended),
            "source": self.source(r.doc_id, r.start, r.end),
        }

    def person(self, p: Person, events: list[Event] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "aliases": list(p.aliases),
            "authority_id": p.authority_id,
            "mentions": len(p.mentions),
            "sources": sorted({self.uri(m.doc_id) for m in p.mentions}),
            "roles": [self.role(r) for r in p.roles],
        }
        if events is not None:
            out["events"] = [self.event_summary(e) for e in events]
        return out

    def conflict(self, c: Conflict) -> dict[str, Any]:
        return {
            "id": c.id,
            "subject": c.subject,
            "subject_kind": c.subject_kind,
            "attribute": c.attribute,
            "kind": c.kind,
            "severity": c.severity,
            "explanation": explanation_text(c.explanation),
            "values": [
                {
                    "value": v.value,
                    "label": value_label(c.attribute, v.value),
                    "support": len({cl.doc_id for cl in v.claims}),
                    "independent_support": len(
                        {cl.doc_id for cl in v.claims if cl.independent}
                    ),
                    "sources": [self.claim(cl) for cl in v.claims],
                }
                for v in c.values
            ],
        }

    def document_summary(self, d: Document) -> dict[str, Any]:
        return {
            "id": d.id,
            "uri": d.uri,
            "title": d.title,
            "format": d.format,
            "published": time_dict(d.published),
            "chars": len(d.text),
        }
