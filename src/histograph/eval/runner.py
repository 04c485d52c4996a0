"""Run histograph over an evaluation corpus (FORMAT.md §1) and score it (§4).

:func:`run_eval` reads ``docs/index.jsonl``, builds a fresh knowledge base per cluster,
converts it with :func:`system_output` to the §3 JSON, optionally writes that JSON to
``<output_dir>/<cluster>.json`` and scores every cluster that has a gold file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..events.types import format_type
from ..model import Document, KnowledgeBase
from ..store import Store
from .dates import to_gold_date
from .diagnose import diagnose_cluster
from .scorer import micro, score_cluster

__all__ = ["looks_like_markdown", "read_index", "run_eval", "system_output"]

FileMap = Mapping[str, str | Sequence[str]]

_MD_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_MD_SIGNALS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
    re.compile(r"^[ \t]*[-*+][ \t]+\S", re.M),  # bullet list item
    re.compile(r"^[ \t]*\d+\.[ \t]+\S", re.M),  # numbered list item
    re.compile(r"^```", re.M),  # code fence
    re.compile(r"^>[ \t]?\S", re.M),  # block quote
)


def looks_like_markdown(text: str) -> bool:
    """True when the text has YAML front matter, or shows at least two different kinds of
    Markdown syntax of which one is a heading, strong emphasis or a link (plain text has
    bullet lists too)."""
    if _MD_FRONT_MATTER.match(text):
        return True
    hits = [bool(p.search(text)) for p in _MD_SIGNALS]
    return sum(hits) >= 2 and any(hits[:3])


def _files_of(doc_id: str, file_of_doc: FileMap, kb: KnowledgeBase) -> list[str]:
    f = file_of_doc.get(doc_id)
    if isinstance(f, str):
        return [f]
    if f is not None:
        return sorted(dict.fromkeys(x for x in f if isinstance(x, str)))
    for a in kb.analyses:
        if a.document.id == doc_id:
            meta_file = a.document.meta.get("file")
            return [meta_file] if isinstance(meta_file, str) else []
    return []


def system_output(kb: KnowledgeBase, file_of_doc: FileMap) -> dict[str, Any]:
    """The §3 system output JSON of one cluster's knowledge base.

    ``file_of_doc`` maps a document id to its corpus file name, or to every file name
    that has that text (identical texts are one document). Spans of documents it does
    not name (and whose ``meta["file"]`` is unset) are left out. Dates are written in
    the gold grammar (:func:`~histograph.eval.dates.to_gold_date`).
    """
    cache: dict[str, list[str]] = {}

    def files(doc_id: str) -> list[str]:
        if doc_id not in cache:
            cache[doc_id] = _files_of(doc_id, file_of_doc, kb)
        return cache[doc_id]

    names = {p.id: p.name for p in kb.people}
    events: list[dict[str, Any]] = []
    for ev in kb.events:
        spans = sorted(
            {(f, m.start, m.end) for m in ev.mentions for f in files(m.doc_id) if m.end > m.start}
        )
        events.append(
            {
                "id": ev.id,
                "type": format_type(ev.type),
                "date": to_gold_date(ev.date),
                "mentions": [{"file": f, "start": s, "end": e} for f, s, e in spans],
                "place": ev.place,
                "participants": [
                    {"name": n}
                    for n in dict.fromkeys(
                        [names[k] for k in ev.participants if k in names]
                        + [c.value for c in ev.claims if c.attribute == "participant"]
                    )
                ],
            }
        )

    people: list[dict[str, Any]] = []
    for p in kb.people:
        if p.kind != "person":
            continue
        titles = list(dict.fromkeys(r.title for r in p.roles))
        people.append(
            {
                "name": p.name,
                "aliases": list(dict.fromkeys(p.aliases)),
                "roles": [{"title": t} for t in titles],
            }
        )

    conflicts: list[dict[str, Any]] = []
    for c in kb.conflicts:
        values: list[dict[str, Any]] = []
        for cv in c.values:
            if not cv.claims:
                values.append({"value": cv.value})
                continue
            for claim in cv.claims:
                for f in files(claim.doc_id):
                    values.append(
                        {"value": cv.value, "file": f, "start": claim.start, "end": claim.end}
                    )
        subject: dict[str, Any] = (
            {"event": c.subject}
            if c.subject_kind == "event"
            else {"person": names.get(c.subject, c.subject)}
        )
        conflicts.append({**subject, "attribute": c.attribute, "values": values})

    return {"events": events, "people": people, "conflicts": conflicts}


def read_index(docs_dir: Path, errors: list[str] | None = None) -> list[dict[str, Any]]:
    """The entries of ``docs/index.jsonl`` that name a file inside a cluster; bad lines
    are reported in ``errors`` (when given) and skipped."""
    path = docs_dir / "index.jsonl"
    out: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                if errors is not None:
                    errors.append(f"{path}:{n}: not JSON ({exc.msg})")
                continue
            f = entry.get("file") if isinstance(entry, dict) else None
            if not isinstance(f, str) or "/" not in f:
                if errors is not None:
                    errors.append(f"{path}:{n}: no 'file' of the form <cluster>/<name>")
                continue
            out.append(entry)
    return out


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _document(entry: Mapping[str, Any], text: str) -> Document:
    from ..ingest import read_text

    f = str(entry["file"])
    fmt = "md" if looks_like_markdown(text) else "txt"
    meta = {
        "title": entry.get("title"),
        "genre": entry.get("format"),
        "url": entry.get("url"),
        "file": f,
    }
    return read_text(text, uri=f, fmt=fmt, meta=meta)


def _through(store: Store, kb: KnowledgeBase) -> KnowledgeBase:
    """``kb`` written to ``store`` and read back (events in the order merged)."""
    store.replace_knowledge(kb)
    stored = {e.id: e for e in store.events()}
    return KnowledgeBase(
        analyses=tuple(a for a in (store.analysis(x.document.id) for x in kb.analyses) if a),
        events=tuple(stored[e.id] for e in kb.events),
        people=tuple(store.people()),
        conflicts=tuple(store.conflicts()),
        copies=tuple(store.copies()),
    )


def run_eval(
    docs_dir: Path,
    gold_dir: Path,
    output_dir: Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
    diagnose: bool = False,
    store: Store | None = None,
) -> dict[str, Any]:
    """Build a knowledge base per cluster, write its §3 output (when ``output_dir`` is
    given) and score each cluster whose gold exists.

    ``progress`` is called with each cluster's name as its processing starts. With
    ``diagnose`` the report also holds ``"diagnosis"``: per cluster, each missed gold event
    by cause and each false positive by kind (:func:`~histograph.eval.diagnose.diagnose_cluster`).
    Returns ``{"clusters": {name: scores}, "micro": {...}}`` plus ``"errors"`` (one line
    per file, gold or cluster that failed) when anything failed. Clusters are processed
    in name order; the result is deterministic and JSON-serialisable.

    With ``store``, each cluster's knowledge base is written to it
    (:meth:`~histograph.store.Store.replace_knowledge`) and what it reads back is scored: a
    check of a backend (the scores must equal those without a store). The store keeps every
    cluster's documents and the last cluster's knowledge.
    """
    from ..api import build_knowledge

    docs_dir, gold_dir = Path(docs_dir), Path(gold_dir)
    say = progress or (lambda _msg: None)
    errors: list[str] = []
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for entry in read_index(docs_dir, errors):
        by_cluster.setdefault(entry["file"].split("/", 1)[0], []).append(entry)

    results: dict[str, dict[str, Any]] = {}
    diagnosis: dict[str, dict[str, Any]] = {}
    for cluster in sorted(by_cluster):
        say(cluster)
        entries = by_cluster[cluster]
        texts: dict[str, str] = {}
        documents: list[Document] = []
        file_of_doc: dict[str, list[str]] = {}
        for entry in entries:
            f = entry["file"]
            if f in texts:
                continue
            try:
                text = _read(docs_dir / f)
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(f"{docs_dir / f}: cannot read ({exc})")
                continue
            texts[f] = text
            doc = _document(entry, text)
            if doc.id in file_of_doc:
                file_of_doc[doc.id].append(f)
            else:
                file_of_doc[doc.id] = [f]
                documents.append(doc)
        try:
            kb = build_knowledge(documents)
        except Exception as exc:
            errors.append(f"{cluster}: building the knowledge base failed ({exc!r})")
            kb = KnowledgeBase()
        if store is not None:
            kb = _through(store, kb)
        system = system_output(kb, file_of_doc)
        if output_dir is not None:
            out = Path(output_dir)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{cluster}.json").write_text(
                json.dumps(system, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        gold_path = gold_dir / f"{cluster}.json"
        if not gold_path.exists():
            continue
        try:
            gold = json.loads(_read(gold_path))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            errors.append(f"{gold_path}: cannot read gold ({exc})")
            continue
        for f in gold.get("files", []) if isinstance(gold, dict) else []:
            if isinstance(f, str) and f not in texts and (docs_dir / f).is_file():
                try:
                    texts[f] = _read(docs_dir / f)
                except (OSError, UnicodeDecodeError) as exc:
                    errors.append(f"{docs_dir / f}: cannot read ({exc})")
        results[cluster] = score_cluster(gold, system, texts)
        if diagnose:
            diagnosis[cluster] = diagnose_cluster(gold, system, texts)

    report: dict[str, Any] = {"clusters": results, "micro": micro(list(results.values()))}
    if diagnose:
        report["diagnosis"] = diagnosis
    if errors:
        report["errors"] = errors
    return report
