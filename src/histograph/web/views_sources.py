"""The source pages (:mod:`.views`): the list of documents and one document's page."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import (
    CONTENT_REGIONS,
    Document,
)
from ..render.present import (
    date_label,
    type_label,
)
from .views_base import (
    MAX_PAGE,
    PAGE_SIZE,
    BadRequest,
    NotFound,
    ViewsBase,
    check_page,
    css_class,
    page_info,
    source_name,
)


class SourceViews(ViewsBase):
    """The list of sources and a source's page."""

    # ------------------------------------------------------------ sources
    def sources(self, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        total = self.hg.stats().get("documents", 0)
        docs = self.hg.sources(limit=limit, offset=offset)
        rows = []
        for d in docs:
            rows.append(self.source_row(d))
        return {**page_info(total, limit, offset), "items": rows}

    def source_row(self, d: Document) -> dict[str, Any]:
        """One item of the sources list (``/api/sources``, ``histograph sources --json``)."""
        row = self.s.document_summary(d)
        row["name"] = source_name(d.uri, d.title)
        row["published_label"] = date_label(d.published) if d.published else None
        return row

    def source(self, doc_id: str, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
        d = self.hg.document(doc_id)
        if d is None:
            raise NotFound(f"no document with id {doc_id!r}")
        a = self.hg.analysis(doc_id)
        spans: list[Span] = []
        anchors: set[int] = set()
        counts: dict[str, int] = defaultdict(int)
        if a is not None:
            for r in a.regions:
                dim = r.kind not in CONTENT_REGIONS
                spans.append(
                    Span(
                        r.start,
                        r.end,
                        f"region r-{css_class(r.kind)}" + (" dim" if dim else ""),
                        f"region: {r.kind}" + (" (not narrative)" if dim else ""),
                    )
                )
                counts["region:" + r.kind] += 1
            for t in a.times:
                value = date_label(t.value) if t.value else (t.timex or "unresolved")
                extra = " (publication date)" if t.document_date else ""
                spans.append(Span(t.start, t.end, "hl hl-time", f"date: {value}{extra}"))
                counts["date"] += 1
            for m in a.entities:
                spans.append(
                    Span(
                        m.start,
                        m.end,
                        f"hl hl-entity hl-{css_class(m.label)}",
                        f"{m.label}: {m.key or m.text}",
                    )
                )
                counts["entity"] += 1
            for rc in a.roles:
                spans.append(Span(rc.start, rc.end, "hl hl-role", f"role: {rc.title}"))
                counts["role"] += 1
            for ev in a.events:
                kind = f"event ({ev.modality})" if ev.modality != "asserted" else "event"
                spans.append(Span(ev.start, ev.end, "ev-span", ""))
                spans.append(
                    Span(
                        ev.trigger_start,
                        ev.trigger_end,
                        "hl hl-trigger" + ("" if ev.modality == "asserted" else " hl-unasserted"),
                        f"{kind}: {type_label(ev.type)}",
                    )
                )
                anchors.add(ev.start)
                counts["event"] += 1
        if highlight is not None:
            s0, s1 = highlight
            if not (0 <= s0 <= s1 <= len(d.text)):
                raise BadRequest(f"span {s0}-{s1} is outside the document")
            spans.append(Span(s0, s1, "focus", "the quoted span"))
            anchors.add(s0)
        segments = segment(d.text, spans, anchors)
        events = self.hg.events(source=doc_id, limit=MAX_PAGE)
        copies = [
            {"of": self.doc_ref(c.source_id), "similarity": round(c.similarity, 3)}
            for c in self.hg.copies()
            if c.doc_id == doc_id
        ]
        self.prefetch(events)
        return {
            "document": {
                **self.s.document_summary(d),
                "name": source_name(d.uri, d.title),
                "published_label": date_label(d.published) if d.published else None,
                "link": d.uri if d.uri.startswith(("http://", "https://")) else None,
            },
            "highlight": list(highlight) if highlight else None,
            "counts": dict(sorted(counts.items())),
            "segments": segments,
            "events": [self.summary(e) for e in events],
            "copy_of": copies,
        }


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    classes: str
    title: str


def segment(text: str, spans: Iterable[Span], anchors: Iterable[int] = ()) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece lists the classes and titles of the
    spans covering it (innermost last) and the anchors that start there.

    The pieces are plain text: the template escapes them (never mark them safe).
    """
    n = len(text)
    clean = [Span(max(0, s.start), min(n, s.end), s.classes, s.title) for s in spans]
    clean = [s for s in clean if s.start < s.end]
    cuts = {0, n, *(s.start for s in clean), *(s.end for s in clean)}
    anchor_set = {a for a in anchors if 0 <= a <= n}
    cuts |= anchor_set
    points = sorted(cuts)
    starts: dict[int, list[Span]] = defaultdict(list)
    for s in sorted(clean, key=lambda s: (s.start, -(s.end - s.start))):
        starts[s.start].append(s)
    active: list[Span] = []
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(points):
        active = [s for s in active if s.end > a]
        active.extend(starts.get(a, ()))
        classes: list[str] = []
        titles: list[str] = []
        for s in active:
            for c in s.classes.split():
                if c not in classes:
                    classes.append(c)
            if s.title and s.title not in titles:
                titles.append(s.title)
        out.append(
            {
                "text": text[a:b],
                "start": a,
                "classes": " ".join(classes),
                "title": "; ".join(titles),
                "anchor": a in anchor_set,
            }
        )
    return out
