"""The in-memory backend: the same behaviour as SQLite, kept in Python lists (tests,
one-off runs). Search matches plain words (no FTS5 syntax)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from types import TracebackType
from typing import Self

from ..model import (
    Analysis,
    AuthorityRecord,
    Claim,
    Conflict,
    CopyLink,
    Document,
    Event,
    KnowledgeBase,
    Person,
)
from . import DocumentVersion, FacetEntity, Facets, FacetSource, SearchHit
from .common import (
    check_month_day,
    check_page,
    falls_on,
    knowledge_doc_ids,
    missing_documents_error,
    page,
    query_terms,
    term_score,
    validate_analysis,
    validate_knowledge,
)
from .serialise import fold, meta_from_json, meta_json


def _event_key(pair: tuple[int, Event]) -> tuple[bool, int, int, int]:
    seq, e = pair
    if e.date is None:
        return (True, 0, 0, seq)
    return (False, e.date.earliest, e.date.latest, seq)


class MemoryStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._analyses: dict[str, Analysis] = {}
        self._events: list[Event] = []
        self._people: list[Person] = []
        self._conflicts: list[Conflict] = []
        self._copies: list[CopyLink] = []
        self._authority: list[AuthorityRecord] = []
        self._versions: list[DocumentVersion] = []
        self._generation = 0
        self._knowledge_generation = 0

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ documents and analyses
    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._analyses

    @staticmethod
    def _normalised(a: Analysis) -> Analysis:
        # metadata goes through JSON, as in the SQL backends
        doc = dataclasses.replace(a.document, meta=meta_from_json(meta_json(a.document.meta)))
        return dataclasses.replace(a, document=doc)

    def add_analysis(self, analysis: Analysis) -> bool:
        validate_analysis(analysis)
        with self._lock:
            if analysis.document.id in self._analyses:
                return False
            self._analyses[analysis.document.id] = self._normalised(analysis)
            self._generation += 1
            return True

    def document_origins(self) -> list[tuple[str, str | None]]:
        with self._lock:
            out: list[tuple[str, str | None]] = []
            for k, a in self._analyses.items():
                origin = a.document.meta.get("origin")
                out.append((k, origin if isinstance(origin, str) else None))
            return out

    def generation(self) -> int:
        return self._generation

    def knowledge_stale(self) -> bool:
        return self._knowledge_generation != self._generation

    def versions(self) -> list[DocumentVersion]:
        with self._lock:
            return list(self._versions)

    def analyses(self) -> Iterator[Analysis]:
        with self._lock:
            items = [self._analyses[k] for k in sorted(self._analyses)]
        yield from items

    def analysis(self, doc_id: str) -> Analysis | None:
        return self._analyses.get(doc_id)

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        docs = sorted((a.document for a in self._analyses.values()), key=lambda d: (d.uri, d.id))
        return page(docs, limit, offset)

    def document(self, doc_id: str) -> Document | None:
        a = self._analyses.get(doc_id)
        return a.document if a else None

    def quote(self, doc_id: str, start: int, end: int) -> str | None:
        doc = self.document(doc_id)
        return None if doc is None else doc.text[start:end]

    # ------------------------------------------------------------ merged knowledge
    def replace_knowledge(
        self,
        kb: KnowledgeBase,
        *,
        generation: int | None = None,
        retire: Mapping[str, str | None] | None = None,
    ) -> None:
        validate_knowledge(kb)
        retire = dict(retire or {})
        with self._lock:
            new: dict[str, Analysis] = {}
            for a in kb.analyses:
                doc_id = a.document.id
                if doc_id not in self._analyses and doc_id not in new and doc_id not in retire:
                    validate_analysis(a)
                    new[doc_id] = self._normalised(a)
            kept = (set(self._analyses) - set(retire)) | set(new)
            missing = knowledge_doc_ids(kb) - kept
            if missing:
                raise missing_documents_error(missing)
            current = self._generation
            now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
            changed = bool(new)
            for old_id, new_id in sorted(retire.items()):
                gone = self._analyses.pop(old_id, None)
                if gone is not None:
                    changed = True
                    self._versions.append(
                        DocumentVersion(
                            uri=gone.document.uri,
                            old_id=old_id,
                            new_id=new_id,
                            change="removed" if new_id is None else "replaced",
                            at=now,
                        )
                    )
            self._analyses.update(new)
            if changed:
                self._generation = current + 1
            if generation is None or generation == current:
                self._knowledge_generation = self._generation
            self._events = list(kb.events)
            self._people = list(kb.people)
            self._conflicts = list(kb.conflicts)
            self._copies = list(kb.copies)

    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        with self._lock:
            self._generation += 1
            self._authority = list(records)

    def authority(self) -> list[AuthorityRecord]:
        with self._lock:
            return list(self._authority)

    def copies(self) -> list[CopyLink]:
        return list(self._copies)

    def _entity_matches(self, entity: str) -> set[str]:
        """Entity ids whose id is ``entity`` or whose name or an alias folds to it."""
        f = fold(entity)
        return {entity} | {
            p.id for p in self._people if fold(p.name) == f or any(fold(a) == f for a in p.aliases)
        }

    def _filtered(
        self,
        earliest: int | None,
        latest: int | None,
        entity: str | None,
        type: str | None,
        source: str | None,
    ) -> list[Event]:
        ids = self._entity_matches(entity) if entity is not None else set()
        f = fold(entity) if entity is not None else ""
        out: list[tuple[int, Event]] = []
        for seq, e in enumerate(self._events):
            if (earliest is not None or latest is not None) and e.date is None:
                continue
            if earliest is not None and e.date is not None and e.date.latest < earliest:
                continue
            if latest is not None and e.date is not None and e.date.earliest > latest:
                continue
            if type is not None and e.type != type:
                continue
            if source is not None and not any(m.doc_id == source for m in e.mentions):
                continue
            if entity is not None and not (
                ids.intersection(e.participants)
                or any(
                    fold(p.name) == f or p.key == entity for m in e.mentions for p in m.participants
                )
            ):
                continue
            out.append((seq, e))
        out.sort(key=_event_key)
        return [e for _, e in out]

    def events(
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
    ) -> list[Event]:
        check_page(limit, offset)
        with self._lock:
            found = self._filtered(earliest, latest, entity, type, source)
            if after is not None:
                order = [e.id for _, e in sorted(enumerate(self._events), key=_event_key)]
                if after not in order:
                    raise ValueError(f"E031 unknown cursor: no event with id {after!r}")
                rank = {eid: i for i, eid in enumerate(order)}
                found = [e for e in found if rank[e.id] > rank[after]]
            return page(found, limit, offset)

    def count_events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
    ) -> int:
        with self._lock:
            return len(self._filtered(earliest, latest, entity, type, source))

    def events_at(self, doc_id: str, start: int, end: int) -> list[Event]:
        return [
            e
            for e in self.events(source=doc_id)
            if any(m.doc_id == doc_id and m.start < end and start < m.end for m in e.mentions)
        ]

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self._events if e.id == event_id), None)

    def on_this_day(
        self, month: int, day: int, *, limit: int | None = None, offset: int = 0
    ) -> list[Event]:
        check_month_day(month, day)
        check_page(limit, offset)
        with self._lock:
            found = [
                e
                for e in self._filtered(None, None, None, None, None)
                if falls_on(e.date, month, day)
            ]
        return page(found, limit, offset)

    def count_on_this_day(self, month: int, day: int) -> int:
        return len(self.on_this_day(month, day))

    def facets(self, limit: int | None = None) -> Facets:
        types: dict[str, int] = {}
        entities: dict[str, int] = {}
        sources: dict[str, int] = {}
        with self._lock:
            for e in self._events:
                types[e.type] = types.get(e.type, 0) + 1
                for p in set(e.participants):
                    entities[p] = entities.get(p, 0) + 1
                for d in {m.doc_id for m in e.mentions}:
                    sources[d] = sources.get(d, 0) + 1
            people = {p.id: p for p in self._people}
            docs = {i: a.document for i, a in self._analyses.items()}

        def top(counts: dict[str, int]) -> list[tuple[str, int]]:
            return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

        return Facets(
            types=sorted(types.items()),
            entities=[
                FacetEntity(k, n, people[k].name, people[k].kind)
                if k in people
                else FacetEntity(k, n)
                for k, n in top(entities)
            ],
            sources=[
                FacetSource(k, n, docs[k].uri, docs[k].title) if k in docs else FacetSource(k, n)
                for k, n in top(sources)
            ],
        )

    def people(
        self,
        *,
        kind: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Person]:
        check_page(limit, offset)
        q = fold(query) if query is not None else None
        found = [
            p
            for p in self._people
            if (kind is None or p.kind == kind)
            and (q is None or q in fold(p.name) or any(q in fold(a) for a in p.aliases))
        ]
        return page(found, limit, offset)

    def count_people(self, *, kind: str | None = None, query: str | None = None) -> int:
        return len(self.people(kind=kind, query=query))

    def person(self, name: str) -> Person | None:
        f = fold(name)
        for test in (
            lambda p: p.id == name,
            lambda p: fold(p.name) == f,
            lambda p: any(fold(a) == f for a in p.aliases),
        ):
            hit = next((p for p in self._people if test(p)), None)
            if hit is not None:
                return hit
        return None

    def conflicts(
        self, subject: str | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Conflict]:
        found = [k for k in self._conflicts if subject is None or k.subject == subject]
        return page(found, limit, offset)

    def count_conflicts(self, subject: str | None = None) -> int:
        return len(self.conflicts(subject))

    # ------------------------------------------------------------ search and status
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        check_page(limit, offset)
        terms = query_terms(query)
        if not terms:
            return []
        hits: list[SearchHit] = []
        with self._lock:
            for a in self._analyses.values():
                doc = a.document
                for s in a.sentences:
                    text = doc.text[s.start : s.end]
                    score = term_score(terms, text)
                    if score:
                        hits.append(
                            SearchHit(
                                doc_id=doc.id,
                                start=s.start,
                                end=s.end,
                                text=text,
                                score=float(score),
                                region_kind=s.region_kind,
                                uri=doc.uri,
                                title=doc.title,
                            )
                        )
        hits.sort(key=lambda h: (-h.score, h.doc_id, h.start))
        return page(hits, limit, offset)

    def stats(self) -> dict[str, int]:
        with self._lock:
            a = list(self._analyses.values())
            claims: set[Claim] = {c for e in self._events for c in e.claims}
            claims.update(c for k in self._conflicts for v in k.values for c in v.claims)
            return {
                "documents": len(a),
                "regions": sum(len(x.regions) for x in a),
                "sentences": sum(len(x.sentences) for x in a),
                "time_mentions": sum(len(x.times) for x in a),
                "entity_mentions": sum(len(x.entities) for x in a),
                "roles": sum(len(x.roles) for x in a),
                "event_mentions": sum(len(x.events) for x in a),
                "entities": len(self._people),
                "events": len(self._events),
                "claims": len(claims),
                "conflicts": len(self._conflicts),
                "copies": len(self._copies),
                "people": sum(1 for p in self._people if p.kind == "person"),
            }
