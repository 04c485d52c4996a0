"""Exports of the whole knowledge base: JSON, CSV, Markdown, TimelineJS, vis-timeline,
JSON-LD and a Datasette metadata file (strings, :func:`export`); the static site (a folder)
is :func:`histograph.web.site.export_site`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .serialise import Serialiser
from .titles import headline, plain

if TYPE_CHECKING:
    from ..api import Histograph

#: formats :func:`export` returns as one string
TEXT_FORMATS = ("json", "csv", "md", "timelinejs", "vis", "jsonld", "datasette")
#: every format of ``histograph export`` (``site`` writes a folder)
FORMATS = (*TEXT_FORMATS, "site")


def serialiser(hg: Histograph) -> Serialiser:
    return Serialiser(hg.quote, hg.document)


def knowledge_dict(hg: Histograph) -> dict[str, Any]:
    s = serialiser(hg)
    conflicts = hg.conflicts(limit=None)
    by_subject: dict[str, list[Any]] = {}
    for c in conflicts:
        by_subject.setdefault(c.subject, []).append(c)
    return {
        "sources": [s.document_summary(d) for d in hg.sources()],
        "events": [s.event(e, by_subject.get(e.id, [])) for e in hg.iter_events()],
        "people": [s.person(p) for p in hg.people(limit=None)],
        "conflicts": [s.conflict(c) for c in conflicts],
        "copies": [
            {"doc_id": c.doc_id, "source_id": c.source_id, "similarity": round(c.similarity, 4)}
            for c in hg.copies()
        ],
    }


def export(hg: Histograph, fmt: str) -> str:
    """The knowledge base as a string in ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        return json.dumps(knowledge_dict(hg), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(hg)
    if fmt == "md":
        return _markdown(hg)
    if fmt == "timelinejs":
        from .timelinejs import timelinejs

        return json.dumps(timelinejs(hg), ensure_ascii=False, indent=2) + "\n"
    if fmt == "vis":
        from .vis import vis_timeline

        return json.dumps(vis_timeline(hg), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonld":
        from .jsonld import jsonld

        return json.dumps(jsonld(hg), ensure_ascii=False, indent=2) + "\n"
    if fmt == "site":
        raise ValueError(
            "the site export writes a folder: use histograph.web.site.export_site(hg, folder)"
        )
    if fmt == "datasette":
        return json.dumps(datasette_metadata(hg), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _columns(path: Path, table: str) -> list[str]:
    """The columns of a table or view of the SQLite file (read-only), [] when unreadable."""
    import sqlite3
    from urllib.parse import quote

    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return [str(r[0]) for r in rows]


def datasette_metadata(hg: Histograph) -> dict[str, Any]:
    """A Datasette metadata file: table, view and column descriptions of this database
    (from ``data/datasette.yaml``), and the full-text search of the sentences."""
    from importlib import resources

    from ..datafile import load_yaml

    raw = resources.files("histograph").joinpath("data", "datasette.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(raw)
    columns: dict[str, str] = data.get("columns", {})
    path = getattr(hg.store, "path", None)
    name = Path(str(path)).stem if path and str(path) != ":memory:" else "histograph"
    tables: dict[str, Any] = {}
    for table, info in (data.get("tables") or {}).items():
        cols = _columns(Path(str(path)), table) if path else list(columns)
        entry: dict[str, Any] = {"description": info.get("description", "")}
        described = {c: columns[c] for c in cols if c in columns}
        if described:
            entry["columns"] = described
        if table == "sentences":
            entry["fts_table"] = "sentences_fts"
            entry["fts_pk"] = "id"
        tables[table] = entry
    return {
        "title": data.get("title", "histograph"),
        "description": data.get("description", ""),
        "databases": {name: {"tables": tables}},
    }


def _csv(hg: Histograph) -> str:
    """One row per claim: the event, the attribute, the value, and the source span."""
    s = serialiser(hg)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        ["event_id", "event_type", "event_date", "event_title", "attribute", "value",
         "independent", "source", "start", "end", "quote"]
    )
    for e in hg.iter_events():
        date = e.date.value if e.date else ""
        for c in e.claims:
            w.writerow(
                [e.id, e.type, date, headline(e, hg.quote), c.attribute, c.value, c.independent,
                 s.uri(c.doc_id), c.start, c.end, hg.quote(c.doc_id, c.start, c.end)]
            )
    return buf.getvalue()


def _markdown(hg: Histograph) -> str:
    s = serialiser(hg)
    lines = ["# Timeline", ""]
    for e in hg.iter_events():
        date = e.date.value if e.date else "undated"
        lines.append(f"- **{date}** — {headline(e, hg.quote)} *({e.type}; {e.independent_support} independent "
                     f"source{'s' if e.independent_support != 1 else ''})*")
        for m in e.mentions[:3]:
            q = plain(hg.quote(m.doc_id, m.start, m.end))
            lines.append(f"  - “{q}” — {s.uri(m.doc_id)} [{m.start}:{m.end}]")
    lines += ["", "# People", ""]
    for p in hg.people(limit=None):
        titles = sorted({r.title for r in p.roles})
        lines.append(f"- **{p.name}**" + (f": {'; '.join(titles)}" if titles else ""))
    lines += ["", "# Conflicts", ""]
    for c in hg.conflicts(limit=None):
        lines.append(f"- {c.subject_kind} `{c.subject}` {c.attribute} ({c.severity}, {c.kind}): "
                     f"{c.explanation}")
        for v in c.values:
            srcs = ", ".join(sorted({s.uri(cl.doc_id) for cl in v.claims}))
            lines.append(f"  - {v.value} — {srcs}")
    lines += ["", "# Sources", ""]
    for d in hg.sources():
        lines.append(f"- {d.uri}" + (f" — {d.title}" if d.title else ""))
    return "\n".join(lines) + "\n"
