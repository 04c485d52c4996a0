"""The event pages (:mod:`.views`): an event, the conflicts, search."""

from __future__ import annotations

from typing import Any

from ..render.present import (
    context,
    date_label,
    existed,
    type_label,
)
from ..render.titles import headline, plain
from .views_base import (
    PAGE_SIZE,
    NotFound,
    ViewsBase,
    check_page,
    date_info,
    page_info,
)


class EventViews(ViewsBase):
    """An event's page, the conflicts and search."""

    # ------------------------------------------------------------ event
    def event(self, event_id: str) -> dict[str, Any]:
        e = self.hg.event(event_id)
        if e is None:
            raise NotFound(f"no event with id {event_id!r}")
        conflicts = self.conflicts_of(e.id)
        out = self.s.event(e, conflicts)
        out.update(date_info(e.date))
        out.update(self._flags(e))
        out["type_label"] = type_label(e.type)
        out["participants"] = [self.entity_ref(p) for p in e.participants if existed(p, e.date)]
        out["conflicts"] = [self.conflict(c) for c in conflicts]
        for m, row in zip(e.mentions, out["mentions"], strict=True):
            doc = self.document(m.doc_id)
            text = doc.text if doc else ""
            before, span, after = context(text, m.start, m.end, width=100)
            t0, t1 = m.trigger_start - m.start, m.trigger_end - m.start
            if 0 <= t0 <= t1 <= len(span):
                row["span_parts"] = [span[:t0], span[t0:t1], span[t1:]]
            else:
                row["span_parts"] = [span, "", ""]
            row["before"], row["after"] = before, after
            row["source"] = self.doc_ref(m.doc_id)
            row["date_label"] = date_label(m.time)
            row["independent"] = all(c.independent for c in e.claims if c.doc_id == m.doc_id)
        out["mentions"] = _one_per_span(out["mentions"], out["claims"])
        out["by_source"] = _by_source(out["mentions"])
        out["claim_rows"] = sum(len(c["values"]) for c in self._claims_by_attribute(out["claims"]))
        out["claims_by_attribute"] = self._claims_by_attribute(out["claims"])
        out["sources"] = [self.doc_ref(d) for d in sorted({m.doc_id for m in e.mentions})]
        return out

    def conflicts(self, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        items = self.hg.conflicts(limit=limit, offset=offset)
        by_id = getattr(self.hg.store, "events_by_id", None)  # the page's subjects at once
        events = by_id([c.subject for c in items if c.subject_kind == "event"]) if by_id else None
        self.prefetch_documents(  # the claims' quotes and sources: one read
            {c.doc_id for k in items for v in k.values for c in v.claims}
            | {m.doc_id for e in (events or {}).values() for m in e.mentions}
        )
        return {
            **page_info(self.hg.count_conflicts(), limit, offset),
            "items": [self.conflict(c, events) for c in items],
        }

    # ------------------------------------------------------------ search
    def search(self, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        q = query.strip()
        if not q:
            return {"query": "", "sentences": [], "entities": [], **page_info(0, limit, offset)}
        hits = self.hg.search(q, limit + 1, offset)
        more = len(hits) > limit
        sentences = []
        spans = [(h.doc_id, h.start, h.end) for h in hits[:limit]]
        many = getattr(self.hg.store, "events_at_spans", None)
        stated = (  # the events of every hit in a few queries where the store offers it
            many(spans) if many is not None else [self.hg.events_at(*x) for x in spans]
        )
        self.prefetch_documents(
            {h.doc_id for h in hits[:limit]}
            | {m.doc_id for found in stated for e in found for m in e.mentions}
        )
        for h, found in zip(hits[:limit], stated, strict=True):
            events = [
                {"id": e.id, "title": headline(e, self.quote), "date_label": date_label(e.date)}
                for e in found
            ]
            sentences.append(
                {
                    "doc_id": h.doc_id,
                    "start": h.start,
                    "end": h.end,
                    "text": plain(h.text),
                    "score": h.score,
                    "region": h.region_kind,
                    "source": self.doc_ref(h.doc_id),
                    "events": events,
                }
            )
        entities = [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "aliases": [a for a in p.aliases if a != p.name][:5],
                "titles": sorted({r.title for r in p.roles})[:5],
            }
            for p in (self.hg.people(None, query=q, limit=20) if offset == 0 else [])
        ]
        total = offset + len(hits)
        info = page_info(total, limit, offset)
        info["total"] = None  # FTS counts are not computed: use next_offset
        info["next_offset"] = offset + limit if more else None
        return {"query": q, "sentences": sentences, "entities": entities, **info}


def _one_per_span(
    mentions: list[dict[str, Any]], claims: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each source's sentence once: mentions with the same span are one, and every claim a
    shown sentence contains is listed with it (and marked ``shown``, so the claims table
    names its source instead of quoting the sentence again)."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, int, int], dict[str, Any]] = {}
    for m in mentions:
        key = (m["doc_id"], m["start"], m["end"])
        if key in seen:
            continue
        seen[key] = m
        m["claims"] = []
        out.append(m)
    for c in claims:
        for m in out:
            if c["doc_id"] == m["doc_id"] and m["start"] <= c["start"] and c["end"] <= m["end"]:
                pair = {"attribute": c["attribute"], "label": c.get("label", c["value"])}
                if pair not in m["claims"]:
                    m["claims"].append(pair)
                c["shown"] = True
                break
        else:
            c["shown"] = False
    return out


#: passages of one source shown open on the event page; the rest are one click away
OPEN_PASSAGES = 2


def _by_source(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The mentions grouped by source (in first-mention order): the first few of each
    source open, the others folded (a long page lists one source's passages once each)."""
    groups: dict[str, dict[str, Any]] = {}
    for m in mentions:
        g = groups.setdefault(m["doc_id"], {"source": m["source"], "open": [], "folded": []})
        (g["open"] if len(g["open"]) < OPEN_PASSAGES else g["folded"]).append(m)
    return list(groups.values())
