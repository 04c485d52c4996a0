"""The Python API. The CLI and the web UI are thin layers over this module.

>>> hg = Histograph(":memory:")
>>> report = hg.ingest(["samples/berlin_wall"])
>>> events = hg.timeline(start="1989", end="1990")
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .entities.authority import AuthorityRecord, read_authority
from .ingest import IngestError, ReadOptions, read_paths
from .ingest.dedup import CopyPrint, copy_print, find_copies
from .ingest.errors import one_line
from .merge import copied_passages, merge
from .merge.incremental import (
    KEYS_VERSION,
    canonical,
    closure,
    document_keys,
    merge_components,
)
from .merge.prepared import (
    DocPrep,
    Prepared,
    prepare_analysed,
    warm_merge,
)
from .merge.prepared import regions_marked as regions_marked
from .model import (
    Analysis,
    Conflict,
    CopyLink,
    Document,
    Event,
    KnowledgeBase,
    Person,
    TimeValue,
)
from .pipeline import (
    DEFAULT_STAGES,
    DocumentLimitError,
    Pipeline,
    WorkerPool,
    analyze_each,
    build,
)
from .store import DocumentVersion, Facets, IncrementalStore, SearchHit, Store, open_store
from .store.common import ScopeError

if TYPE_CHECKING:
    from .dask_engine import DaskEngine

ProgressFn = Callable[[str], None]

#: the default page of every list query (timeline, on this day, people, conflicts);
#: ``limit=None`` asks for everything (exports)
PAGE = 50


def build_knowledge(
    documents: Iterable[Document], pipeline: Pipeline | None = None
) -> KnowledgeBase:
    """Analyse documents and merge them into a knowledge base, in memory (no store): each
    component of the corpus on its own (:mod:`histograph.merge.incremental`), as ingest does."""
    pipe = pipeline or build()
    analyses = list(pipe.analyze_many(documents))
    prepared = Prepared(keep_chars=sys.maxsize)
    for a in analyses:
        prepared.add(a, regions_marked=regions_marked(pipe, a))

    def merge_one(part: Sequence[Analysis]) -> KnowledgeBase:
        return _merge_part(part, prepared)

    keys = {a.document.id: prep.keys for a in analyses if (prep := prepared.get(a.document.id))}
    return merge_components(analyses, merge_one, keys)


#: an add stores the component keys of the documents it analysed this many at a time
_KEY_BATCH = 32


def _merge_part(
    analyses: Sequence[Analysis],
    prepared: Prepared,
    authority: Sequence[AuthorityRecord] = (),
    pipeline: Pipeline | None = None,
) -> KnowledgeBase:
    """The merge of one component, with the copy and passage prints of ``prepared``; the
    copy prints of the others (analyses read from the store) are made from their stored
    regions when ``pipeline`` marks them as the clean stage does (:func:`regions_marked`),
    so that neither an add nor a rebuild marks the regions of every page it re-merges
    again (both make them the same way: their results stay equal)."""
    docs = [a.document for a in analyses]
    prints: Mapping[str, CopyPrint] = prepared.copy_prints
    if pipeline is not None and any(a.document.id not in prepared for a in analyses):
        own: dict[str, CopyPrint] = {}
        for a in analyses:
            prep = prepared.get(a.document.id)
            if prep is not None:
                own[a.document.id] = prep.copy
            elif regions_marked(pipeline, a):
                own[a.document.id] = copy_print(a.document, a.regions)
        prints = own
    copies = find_copies(docs, prints=prints)
    passages = copied_passages(
        sorted(docs, key=lambda d: d.id), prints=prepared.passage_prints
    )
    return merge(
        analyses,
        copies,
        passages=passages,
        authority=authority,
        quantities=prepared.quantities,
    )


@dataclass
class IngestReport:
    """What one ``ingest`` call did: new documents, known ones, and failures."""

    added: list[Document] = field(default_factory=list)
    duplicates: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    #: documents that replaced an earlier version of the same file (also in ``added``)
    replaced: list[Document] = field(default_factory=list)
    #: True when the merge ran (new documents, or an unfinished earlier merge repaired)
    rebuilt: bool = False
    #: documents read and analysed that the store could not take (full disk, read-only
    #: location; each also in ``errors``): running the same ingest again stores them
    unstored: list[Document] = field(default_factory=list)
    #: one line when the merge or the store failed after reading (nothing was lost: the
    #: next command that writes, or ``histograph rebuild``, finishes the merge)
    failure: str | None = None

    @property
    def ok(self) -> bool:
        """False when nothing at all could be ingested, or the store failed."""
        if self.failure is not None or self.unstored:
            return False
        return bool(self.added or self.duplicates) or not self.errors


@dataclass
class RemoveReport:
    """What one ``remove`` call did: the documents taken out, and references matching none."""

    removed: list[Document] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def _superseded(origins: Sequence[tuple[str, str | None]]) -> dict[str, str]:
    """Old id -> newest id for every stored document that a later document of the same
    origin (file or record) replaces; ``origins`` in the order documents were stored."""
    newest: dict[str, str] = {}
    for doc_id, origin in origins:
        if origin is not None:
            newest[origin] = doc_id
    return {
        doc_id: newest[origin]
        for doc_id, origin in origins
        if origin is not None and newest[origin] != doc_id
    }


class DateArgumentError(ValueError):
    """A --from/--to/--date argument that is not a date."""


def parse_date_arg(text: str) -> TimeValue:
    """``1933``, ``1933-11``, ``1933-11-16``, ``193X`` … as a TimeValue (raises DateArgumentError)."""
    from .time import parse_value

    value = parse_value(text.strip())
    if value is None:
        raise DateArgumentError(
            f"not a date: {text!r} (use YYYY, YYYY-MM, YYYY-MM-DD or a decade such as 193X)"
        )
    return value


class Histograph:
    """A knowledge base of historical events backed by a store (SQLite by default)."""

    def __init__(
        self,
        db: str | Path | Store = "histograph.db",
        *,
        stages: Sequence[str] = DEFAULT_STAGES,
    ) -> None:
        self.store: Store = db if not isinstance(db, str | Path) else open_store(str(db))
        self._stages = tuple(stages)
        self._pipeline: Pipeline | None = None
        self._texts: dict[str, str] = {}
        self._authority: list[AuthorityRecord] | None = None
        #: the merge's preparation of the documents analysed by the running add
        self._prepared = Prepared()
        self._unsaved_keys: dict[str, dict[str, int]] = {}

    # -- context management ---------------------------------------------------------
    def __enter__(self) -> Histograph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build(self._stages)
        return self._pipeline

    # -- writing --------------------------------------------------------------------
    def ingest(
        self,
        inputs: Sequence[str],
        options: ReadOptions | None = None,
        progress: ProgressFn | None = None,
        *,
        jobs: int | WorkerPool = 1,
        dask: str | DaskEngine | None = None,
    ) -> IngestReport:
        """Read, analyse and store files/directories/globs (``-`` = stdin), then re-merge."""
        return self.add_documents(
            read_paths(inputs, options), progress=progress, jobs=jobs, dask=dask
        )

    def add_documents(
        self,
        items: Iterable[Document | IngestError],
        progress: ProgressFn | None = None,
        *,
        jobs: int | WorkerPool = 1,
        dask: str | DaskEngine | None = None,
    ) -> IngestReport:
        """Analyse and store documents not yet known, then re-merge; ``jobs`` processes (or an
        open, warmed :class:`~histograph.pipeline.WorkerPool`), or
        the tasks of a Dask cluster (``dask``: ``"local"`` for a LocalCluster of ``jobs``
        workers, a scheduler address such as ``tcp://host:8786``, or an open
        :class:`~histograph.dask_engine.DaskEngine`), each analysis stored as it completes."""
        report = IngestReport()
        seen: set[str] = set()
        store = self.store
        # the earlier version of a file is found through the origin index when the store
        # has one (an add reads what it touches), else from every document's origin
        by_origin = isinstance(store, IncrementalStore)
        known = {} if by_origin else {o: i for i, o in store.document_origins() if o is not None}

        def pending() -> Iterator[Document]:
            for item in items:
                if isinstance(item, IngestError):
                    report.errors.append(item)
                    if progress:
                        progress(item.source)
                elif item.id in seen or self.store.has_document(item.id):
                    report.duplicates.append(item)
                    if progress:
                        progress(item.uri)
                else:
                    seen.add(item.id)
                    yield item

        # with workers, each analysis comes with the merge's preparation of it, made on the
        # worker (:mod:`histograph.merge.prepared`); in this process it is made as it is stored
        analysed: Iterator[tuple[Document, Analysis | DocPrep | Exception]]
        if dask is not None:
            from .dask_engine import analyze_each_dask

            workers = jobs if isinstance(jobs, int) and jobs > 1 else None
            analysed = analyze_each_dask(
                self.pipeline, pending(), dask, workers=workers, task=prepare_analysed
            )
        elif isinstance(jobs, WorkerPool) or jobs > 1:
            analysed = analyze_each(self.pipeline, pending(), jobs, task=prepare_analysed)
        else:
            analysed = analyze_each(self.pipeline, pending())
        for doc, outcome in analysed:
            prep: DocPrep | None = None
            result: Analysis | Exception
            if isinstance(outcome, DocPrep):
                prep, result = outcome, outcome.analysis
            else:
                result = outcome
            if isinstance(result, Exception):  # one bad document never stops a batch
                report.errors.append(
                    IngestError(doc.uri, one_line(f"analysis failed: {describe(result)}"))
                )
            else:
                try:
                    stored = self.store.add_analysis(result)
                except Exception as exc:
                    report.errors.append(
                        IngestError(doc.uri, one_line(f"could not be stored: {describe(exc)}"))
                    )
                    report.unstored.append(doc)
                else:
                    if not stored:  # another process stored it meanwhile
                        report.duplicates.append(doc)
                    else:
                        report.added.append(doc)
                        with contextlib.suppress(Exception):  # the merge prepares it then
                            self._arrived(result, prep)
                        origin = doc.meta.get("origin")
                        if not isinstance(origin, str):
                            pass
                        elif by_origin:
                            assert isinstance(store, IncrementalStore)
                            if any(i != doc.id for i, _ in store.same_origin([doc.id])):
                                report.replaced.append(doc)
                        elif known.get(origin, doc.id) != doc.id:
                            report.replaced.append(doc)
            if progress:
                progress(doc.uri)
        try:
            self._save_keys()
            if report.added or self.store.knowledge_stale():
                self.refresh()
                report.rebuilt = True
        except Exception as exc:
            report.failure = one_line(f"the merge did not finish: {describe(exc)}")
        finally:
            self._prepared.clear()
            self._unsaved_keys = {}
        return report

    def _arrived(self, analysis: Analysis, prep: DocPrep | None = None) -> None:
        """The merge's preparation of a document just stored (``prep``, made by the worker
        that analysed it, else made now) kept for the merge rather than made at the merge;
        its component keys are stored in batches (:mod:`histograph.merge.prepared`)."""
        warm_merge()
        if prep is not None:
            self._prepared.keep(prep)
        else:
            prep = self._prepared.add(
                analysis, regions_marked=regions_marked(self.pipeline, analysis)
            )
        if isinstance(self.store, IncrementalStore):
            self._unsaved_keys[analysis.document.id] = prep.keys
            if len(self._unsaved_keys) >= _KEY_BATCH:
                self._save_keys()

    def _save_keys(self) -> None:
        """Store the component keys made by :meth:`_arrived` (the merge makes those missing
        from the stored analyses, so a failure here loses nothing)."""
        keys, self._unsaved_keys = self._unsaved_keys, {}
        store = self.store
        if keys and isinstance(store, IncrementalStore):
            with contextlib.suppress(Exception):  # made again by the merge from the store
                store.put_merge_keys(keys, KEYS_VERSION)

    def refresh(self) -> None:
        """Bring the knowledge up to date with the stored documents: re-merge the components
        of the corpus that documents stored since the last merge (or left by an unfinished
        one) and replaced versions reach, and write their rows alone; everything when the
        store cannot tell which (:meth:`rebuild`). The result equals :meth:`rebuild`'s."""
        generation = self.store.generation()
        store = self.store
        if isinstance(store, IncrementalStore) and store.incremental_ready():
            # an earlier version is retired in the merge that stores its successor, so the
            # versions to retire now are those sharing an origin with a document not merged
            pending = store.pending_documents()
            retire: dict[str, str | None] = dict(_superseded(store.same_origin(pending)))
            if self._update(generation, retire, pending):
                return
        retire = dict(_superseded(self.store.document_origins()))
        self._merge(generation, retire)

    def rebuild(self) -> KnowledgeBase:
        """Re-merge every stored analysis into events, people and conflicts, retiring the
        earlier versions of documents whose file changed; the swap is one transaction."""
        generation = self.store.generation()
        retire: dict[str, str | None] = dict(_superseded(self.store.document_origins()))
        return self._merge(generation, retire)

    def _merge_one(self, analyses: Sequence[Analysis]) -> KnowledgeBase:
        """The merge of one component (see :mod:`histograph.merge.incremental`)."""
        if self._authority is None:
            self._authority = self.store.authority()
        return _merge_part(analyses, self._prepared, self._authority, self.pipeline)

    def _merge(self, generation: int, retire: dict[str, str | None]) -> KnowledgeBase:
        self._authority = None
        analyses = [a for a in self.store.analyses() if a.document.id not in retire]
        keys = {a.document.id: document_keys(a) for a in analyses}
        kb = canonical(merge_components(analyses, self._merge_one, keys))
        if isinstance(self.store, IncrementalStore):  # the keys first: the merge marks them merged
            self.store.put_merge_keys(
                {
                    d: keys[d]
                    for d in self.store.docs_without_merge_keys(KEYS_VERSION)
                    if d in keys
                },
                KEYS_VERSION,
            )
        self.store.replace_knowledge(kb, generation=generation, retire=retire)
        return kb

    def _update(
        self,
        generation: int,
        retire: dict[str, str | None],
        pending: Sequence[str] | None = None,
    ) -> bool:
        """Re-merge only the components that the documents not merged yet (``pending``, read
        from the store when not given) and those of ``retire`` (replaced or removed) reach,
        and replace their rows; False when the store cannot (the caller merges everything)."""
        store = self.store
        if not isinstance(store, IncrementalStore) or not store.incremental_ready():
            return False
        self._authority = None
        missing = store.docs_without_merge_keys(KEYS_VERSION)
        fresh: dict[str, dict[str, int]] = {}
        for doc_id in missing:
            prep = self._prepared.get(doc_id)
            if prep is not None:
                fresh[doc_id] = prep.keys
            elif (a := store.analysis(doc_id)) is not None:
                fresh[doc_id] = document_keys(a)
        if fresh:
            store.put_merge_keys(fresh, KEYS_VERSION)
        seeds = store.pending_documents() if pending is None else pending
        found = closure([*seeds, *retire], self._merge_keys, store.merge_key_holders)
        keep = sorted(d for d in found if d not in retire)
        analyses = self._stored_analyses(keep)
        kb = canonical(merge_components(analyses, self._merge_one, {d: found[d] for d in keep}))
        try:
            store.replace_knowledge(kb, generation=generation, retire=retire, scope=set(found))
        except ScopeError:
            return False  # two components give a record one id: merged together from scratch
        return True

    def _merge_keys(self, doc_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        """The stored component keys of documents: those the running add made, else read."""
        store = self.store
        assert isinstance(store, IncrementalStore)
        out: dict[str, dict[str, int]] = {}
        rest: list[str] = []
        for d in doc_ids:
            prep = self._prepared.get(d)
            if prep is None:
                rest.append(d)
            else:
                out[d] = prep.keys
        if rest:
            out.update(store.merge_keys(rest))
        return out

    def _stored_analyses(self, doc_ids: Sequence[str]) -> list[Analysis]:
        """The analyses of stored documents (in the order given) as the store gives them
        back: those the running add keeps (every store gives back what it was given), the others
        read together."""
        store = self.store
        assert isinstance(store, IncrementalStore)
        read = {
            a.document.id: a
            for a in store.analyses_of([d for d in doc_ids if d not in self._prepared])
        }
        out: list[Analysis] = []
        for d in doc_ids:
            prep = self._prepared.get(d)
            a = prep.analysis if prep is not None else read.get(d)
            if a is not None:
                out.append(a)
        return out

    def needs_rebuild(self) -> bool:
        """True when the knowledge is not that of the stored documents (an unfinished merge)."""
        return self.store.knowledge_stale()

    def remove(self, refs: Sequence[str]) -> RemoveReport:
        """Take documents out of the knowledge base and re-merge. Each reference is a
        document id (or a unique prefix of one), a document's path as ingested, or a
        folder path (every document read from under it)."""
        report = RemoveReport()
        docs = self.store.documents()
        chosen: dict[str, Document] = {}
        for ref in refs:
            hits = _matching(docs, ref)
            if not hits:
                report.unknown.append(ref)
            for d in hits:
                chosen.setdefault(d.id, d)
        generation = self.store.generation()
        retire: dict[str, str | None] = dict(_superseded(self.store.document_origins()))
        retire.update({doc_id: None for doc_id in chosen})
        stale = self.store.knowledge_stale()
        if (chosen or stale) and not self._update(generation, retire):
            self._merge(generation, retire)
        report.removed = sorted(chosen.values(), key=lambda d: (d.uri, d.id))
        return report

    def versions(self) -> list[DocumentVersion]:
        """Documents replaced by a newer version of their file, or removed."""
        return self.store.versions()

    def load_authority(self, path: str | Path, *, rebuild: bool = True) -> list[AuthorityRecord]:
        """Read an authority file (CSV, JSON or JSON Lines: id, name, aliases, dates; e.g. a
        Wikidata export) and store it in place of the previous one; people matching a record
        then carry its id and name. Re-merges the stored documents unless ``rebuild`` is False.
        Raises :class:`~histograph.entities.authority.AuthorityError` naming the file."""
        records = read_authority(path)
        self.store.replace_authority(records)
        if rebuild:
            self.rebuild()
        return records

    def authority(self) -> list[AuthorityRecord]:
        """The stored authority records."""
        return self.store.authority()

    # -- reading --------------------------------------------------------------------
    def timeline(
        self,
        *,
        start: str | None = None,
        end: str | None = None,
        entity: str | None = None,
        type: str | None = None,
        limit: int | None = PAGE,
        offset: int = 0,
        after: str | None = None,
    ) -> list[Event]:
        """Events in date order, filtered by date range, participant and type; a page of
        ``limit`` (None: all) from ``offset``, or after the event ``after`` (keyset: the
        last id of the previous page; as fast at the end of the list as at the start)."""
        earliest = parse_date_arg(start).earliest if start else None
        latest = parse_date_arg(end).latest if end else None
        return self.store.events(
            earliest=earliest, latest=latest, entity=entity, type=type, limit=limit,
            offset=offset, after=after,
        )

    def on_this_day(
        self, month_day: str | None = None, *, limit: int | None = PAGE, offset: int = 0
    ) -> list[Event]:
        """Events of a month and day across years (``MM-DD``; default today), by date."""
        month, day = parse_month_day(month_day)
        return self.store.on_this_day(month, day, limit=limit, offset=offset)

    def count_on_this_day(self, month_day: str | None = None) -> int:
        """How many events :meth:`on_this_day` would return without ``limit``/``offset``."""
        month, day = parse_month_day(month_day)
        return self.store.count_on_this_day(month, day)

    def event(self, event_id: str) -> Event | None:
        return self.store.event(event_id)

    def events_at(self, doc_id: str, start: int, end: int) -> list[Event]:
        """Events a span of a source states (a mention in it overlaps the span)."""
        return self.store.events_at(doc_id, start, end)

    def people(
        self,
        kind: str | None = "person",
        *,
        query: str | None = None,
        limit: int | None = PAGE,
        offset: int = 0,
    ) -> list[Person]:
        """People (or states, organisations: ``kind``; None for all), by first mention;
        ``query`` keeps those whose name or an alias contains it (any case)."""
        return self.store.people(kind=kind, query=query, limit=limit, offset=offset)

    def count_people(self, kind: str | None = "person", *, query: str | None = None) -> int:
        """How many :meth:`people` would return without ``limit``/``offset``."""
        return self.store.count_people(kind=kind, query=query)

    def facets(self, limit: int | None = None) -> Facets:
        """Event counts by type, participant entity and source document; of entities and
        sources the ``limit`` most frequent (None: all)."""
        return self.store.facets(limit)

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
        """Events by date, filtered by day numbers, participant, type and source document."""
        return self.store.events(
            earliest=earliest, latest=latest, entity=entity, type=type, source=source,
            limit=limit, offset=offset, after=after,
        )

    def count_events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
    ) -> int:
        """How many events :meth:`events` would return without ``limit``/``offset``."""
        return self.store.count_events(
            earliest=earliest, latest=latest, entity=entity, type=type, source=source
        )

    def on_day(self, month: int, day: int) -> list[Event]:
        """Events that can fall on a month and day, any year (see Store.on_this_day)."""
        return self.store.on_this_day(month, day)

    def analysis(self, doc_id: str) -> Analysis | None:
        """What the per-document pipeline found in one document (regions, sentences …)."""
        return self.store.analysis(doc_id)

    def analyses(self) -> Iterator[Analysis]:
        return self.store.analyses()

    def copies(self) -> list[CopyLink]:
        """Near-duplicate documents (a copy counts once as a source)."""
        return self.store.copies()

    def stats(self) -> dict[str, int]:
        """Row counts of the knowledge base (documents, events, people …)."""
        return self.store.stats()

    def person(self, name: str) -> Person | None:
        """The entity with this id, name or alias (case-insensitive), else the first of
        :meth:`find_people` (a surname, a part of a name)."""
        found = self.store.person(name)
        if found is not None:
            return found
        matches = self.find_people(name)
        return matches[0] if matches else None

    def find_people(self, name: str, *, limit: int = 50) -> list[Person]:
        """Everyone an id, a name, an alias or a part of one (a surname: ``davies``) names,
        case-insensitively; whole words only, people before states and organisations."""
        exact = self.store.person(name)
        if exact is not None:
            return [exact]
        words = name.casefold().split()
        if not words:
            return []

        def names_it(p: Person) -> bool:
            for alias in (p.name, *p.aliases):
                tokens = [t.strip(".,’'") for t in alias.casefold().replace("-", " ").split()]
                tokens = [t[:-2] if t.endswith(("’s", "'s")) else t for t in tokens]
                n = len(words)
                if any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1)):
                    return True
            return False

        found = [p for p in self.store.people(query=" ".join(words), limit=limit * 4) if names_it(p)]
        found.sort(key=lambda p: (p.kind != "person", -len(p.mentions)))
        return found[:limit]

    def conflicts(
        self, subject: str | None = None, *, limit: int | None = PAGE, offset: int = 0
    ) -> list[Conflict]:
        """Conflicts (of one event or person: ``subject``) in the order found."""
        return self.store.conflicts(subject, limit=limit, offset=offset)

    def count_conflicts(self, subject: str | None = None) -> int:
        return self.store.count_conflicts(subject)

    def sources(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        return self.store.documents(limit=limit, offset=offset)

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        return self.store.search(query, limit, offset)

    def quote(self, doc_id: str, start: int, end: int) -> str:
        """The exact source text of a span."""
        text = self._texts.get(doc_id)
        if text is None:
            doc = self.store.document(doc_id)
            text = doc.text if doc else ""
            self._texts[doc_id] = text
        return text[start:end]

    def knowledge(self) -> KnowledgeBase:
        """The whole merged knowledge base as model objects."""
        return KnowledgeBase(
            analyses=tuple(self.store.analyses()),
            events=tuple(self.store.events()),
            people=tuple(self.store.people()),
            conflicts=tuple(self.store.conflicts()),
            copies=tuple(self.store.copies()),
        )

    def iter_events(self, page: int = 500) -> Iterator[Event]:
        """Every event in timeline order, read a page at a time (keyset pages: each as
        fast as the first)."""
        after: str | None = None
        while True:
            batch = self.store.events(limit=page, after=after)
            yield from batch
            if len(batch) < page:
                return
            after = batch[-1].id


def describe(exc: BaseException) -> str:
    """An exception as one readable clause (its message, else its kind)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, RecursionError):
        return "nested too deeply to process"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, DocumentLimitError) and text:
        return text  # a documented limit: its message names the code, the input and the limit
    return f"{text} ({type(exc).__name__})" if text else type(exc).__name__


def _matching(docs: Sequence[Document], ref: str) -> list[Document]:
    ref = ref.strip()
    if not ref:
        return []
    exact = [d for d in docs if d.id == ref or d.uri == ref]
    if exact:
        return exact
    folder = ref.rstrip("/") + "/"
    under = [d for d in docs if d.uri.startswith(folder) or d.uri.startswith(ref + "#")]
    if under:
        return under
    if len(ref) >= 6:
        prefixed = [d for d in docs if d.id.startswith(ref)]
        if len(prefixed) == 1:
            return prefixed
    return []


def parse_month_day(month_day: str | None) -> tuple[int, int]:
    """``MM-DD`` (or ``--MM-DD``, ``YYYY-MM-DD``) -> (month, day); None = today."""
    if not month_day:
        today = _dt.date.today()
        return today.month, today.day
    parts = month_day.strip().lstrip("-").split("-")
    try:
        month, day = int(parts[-2]), int(parts[-1])
        _dt.date(2000, month, day)  # validates (2000 is a leap year: 02-29 is allowed)
    except (ValueError, IndexError):
        raise DateArgumentError(f"not a month and day: {month_day!r} (use MM-DD)") from None
    return month, day
