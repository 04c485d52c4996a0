"""The per-document half of the pipeline: Document -> Analysis, pure and stateless.

``DocState`` (:mod:`histograph.state`) is the mutable working record a document passes
through; stages fill it in order and :meth:`DocState.freeze` turns it into the frozen
:class:`Analysis`. Stages build on ``state``, never on this module, so it reads top-down.
Nothing here touches the store, so this half can run in a process pool or on Dask.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from .model import Analysis, Document
from .registry import StageInfo, get_stage
from .state import DocState as DocState
from .state import Segment as Segment

DEFAULT_STAGES: tuple[str, ...] = (
    "histograph.clean.v1",
    "histograph.nlp.v1",
    "histograph.time.v1",
    "histograph.entities.v1",
    "histograph.events.v1",
)


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, stages: Sequence[StageInfo]) -> None:
        self.stages = list(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def analyze(self, document: Document, config: dict[str, Any] | None = None) -> Analysis:
        return next(iter(self.analyze_many([document], config)))

    def analyze_many(
        self, documents: Iterable[Document], config: dict[str, Any] | None = None
    ) -> Iterator[Analysis]:
        """Analyse documents in order (see :meth:`analyze_each`); the first exception a
        document raises is raised."""
        for _, result in self.analyze_each(documents, config):
            if isinstance(result, Exception):
                raise result
            yield result

    def analyze_each(
        self, documents: Iterable[Document], config: dict[str, Any] | None = None
    ) -> Iterator[tuple[Document, Analysis | Exception]]:
        """Each document with its Analysis or the exception it raised, in order. Documents
        are analysed in groups of consecutive ones (:func:`document_groups`): a stage with
        a form for many documents (spaCy's parse) runs over the group at once, every stage
        after the last such one document by document. A document longer than
        :data:`WINDOW_CHARS` is analysed window by window."""
        for group in document_groups(documents):
            yield from self._analyze_group(group, config or {})

    def _analyze_group(
        self, documents: Sequence[Document], config: dict[str, Any]
    ) -> Iterator[tuple[Document, Analysis | Exception]]:
        done: dict[int, Analysis | Exception] = {}
        states: dict[int, DocState] = {}
        for i, doc in enumerate(documents):
            try:
                if len(doc.text) > WINDOW_CHARS:
                    done[i] = self._analyze_windows(doc, dict(config))
                else:
                    states[i] = DocState(document=doc, config=dict(config))
            except Exception as exc:
                done[i] = exc
        last = max((k for k, s in enumerate(self.stages) if s.batch_fn is not None), default=-1)
        for s in self.stages[: last + 1]:
            if s.batch_fn is not None and len(states) > 1:
                try:
                    s.batch_fn(list(states.values()))
                    continue
                except Exception:  # each document on its own: the one that fails is told
                    pass
            for i, state in list(states.items()):
                try:
                    s.fn(state)
                except Exception as exc:
                    done[i] = exc
                    del states[i]
        for i, doc in enumerate(documents):
            if i in done:
                yield doc, done.pop(i)
                continue
            state = states.pop(i)
            try:
                for s in self.stages[last + 1 :]:
                    s.fn(state)
                result: Analysis | Exception = state.freeze()
            except Exception as exc:
                result = exc
            del state  # its parse freed before the next document's stages
            yield doc, result

    def _analyze_whole(self, document: Document, config: dict[str, Any]) -> Analysis:
        """One page (or window) through every stage, each stage on it alone."""
        state = DocState(document=document, config=config)
        for s in self.stages:
            s.fn(state)
        return state.freeze()

    def _analyze_windows(self, document: Document, config: dict[str, Any]) -> Analysis:
        """A long document analysed as consecutive windows of about :data:`WINDOW_CHARS`
        (cut at a blank line, else a line break, a sentence end or a space), each as a page
        of its own whose findings are moved back to the document's offsets. Time and memory
        are then linear in the document's length whatever its shape: no stage ever sees more
        than one window, and one window's parse is freed before the next is read. What a
        window cannot know is lost at its edges (a name or a year stated only in an earlier
        window); only the first window can state the document's own main event, and the
        publication date found by the first window is that of the rest."""
        text = document.text
        parts: list[Analysis] = []
        published = document.published
        for start, end in windows(text, WINDOW_CHARS):
            page = dataclasses.replace(document, text=text[start:end], published=published)
            whole = self._analyze_whole(page, dict(config))
            check_date_density(document.uri, page.text, len(whole.times), start)
            part = _shifted(whole, start)
            if parts:
                part = dataclasses.replace(
                    part, events=tuple(dataclasses.replace(e, main=False) for e in part.events)
                )
            elif published is None:
                published = part.published
            parts.append(part)
        return Analysis(
            document=document,
            regions=tuple(r for p in parts for r in p.regions),
            sentences=tuple(s for p in parts for s in p.sentences),
            times=tuple(t for p in parts for t in p.times),
            entities=tuple(e for p in parts for e in p.entities),
            roles=tuple(r for p in parts for r in p.roles),
            events=tuple(e for p in parts for e in p.events),
            published=parts[0].published if parts else document.published,
        )


#: documents analysed together (see :meth:`Pipeline.analyze_each`): consecutive ones up to
#: this many characters (a longer one alone) and at most :data:`GROUP_DOCUMENTS` of them.
#: spaCy's batches then hold the regions of several pages: one page's ten or so regions make
#: small batches, and the parse of the throughput benchmark's pages took 9.4 CPU s in
#: batches of one page against 7.1 in batches of 64 regions. The size is that of a Dask
#: task, which is one group.
GROUP_CHARS = 20_000
GROUP_DOCUMENTS = 16


def document_groups(
    documents: Iterable[Document], chars: int = GROUP_CHARS, count: int = GROUP_DOCUMENTS
) -> Iterator[list[Document]]:
    """Consecutive documents in groups of at most ``chars`` characters (a longer document
    alone) and ``count`` documents."""
    group: list[Document] = []
    size = 0
    for doc in documents:
        n = len(doc.text) if isinstance(doc.text, str) else 0
        if group and (len(group) >= count or size + n > chars):
            yield group
            group, size = [], 0
        group.append(doc)
        size += n
    if group:
        yield group


class DocumentLimitError(ValueError):
    """A document beyond a documented limit of what the pipeline analyses."""


#: a document analysed in windows (longer than :data:`WINDOW_CHARS`) is refused when one of
#: its windows holds more dates than this per 1,000 words: a list of bare dates, not a text
#: about events. Every date of such a page is a time mention kept in memory and stored (a
#: 20 MB page of dates held 1.8 million of them), at less than half the words/s of prose.
#: Prose holds a few dates per 100 words, a chronology list ("- 3 May 1805: the council
#: met.") or a table of dated rows one in every six or seven words; a date is at least
#: one word, so the limit is that dates be fewer than two words in five.
MAX_DATES_PER_1000_WORDS = 400
#: the fewest words in a window for its date density to be judged
_DENSITY_MIN_WORDS = 1_000


def check_date_density(uri: str, text: str, dates: int, offset: int = 0) -> None:
    """Raise :class:`DocumentLimitError` (E040), naming the document ``uri`` and the limit,
    when ``text`` (a window of it from character ``offset``) holds more than
    :data:`MAX_DATES_PER_1000_WORDS` per 1,000 words."""
    if dates * 1000 <= MAX_DATES_PER_1000_WORDS * _DENSITY_MIN_WORDS:
        return
    words = len(text.split())
    if words < _DENSITY_MIN_WORDS or dates * 1000 <= MAX_DATES_PER_1000_WORDS * words:
        return
    raise DocumentLimitError(
        f"E040 {uri}: {dates * 1000 // words} dates per 1,000 words in characters "
        f"{offset:,}-{offset + len(text):,}, above the limit of {MAX_DATES_PER_1000_WORDS} "
        f"for a document over {WINDOW_CHARS:,} characters (a list of dates, not a text); "
        "refused"
    )


#: a document longer than this (in characters) is analysed in windows of about this size
#: (:meth:`Pipeline._analyze_windows`); every page of the evaluation corpora is far shorter,
#: and a window this long is parsed in well under 1 GB
WINDOW_CHARS = 200_000
#: where a window may end, best first: after a blank line, a line break, a sentence end
#: (in the window's last quarter), else after a space
_WINDOW_CUTS = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """Consecutive ``[start, end)`` windows covering ``text``, each at most ``size``
    characters, cut at the best place in each window's last quarter."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > size:
        limit = pos + size
        lo = limit - size // 4
        cut = -1
        for rx in _WINDOW_CUTS:
            last = deque(rx.finditer(text, lo, limit), maxlen=1)
            if last:
                cut = last[0].end()
                break
        if cut <= pos:
            cut = limit
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


_T = TypeVar("_T")


def _shifted(item: _T, offset: int) -> _T:
    """``item`` (a finding, a tuple of findings or an Analysis) with every text offset (a
    field named ``start``, ``end`` or ``*_start``, ``*_end``) moved by ``offset``."""
    if offset == 0:
        return item
    if isinstance(item, tuple):
        return tuple(_shifted(x, offset) for x in item)  # type: ignore[return-value]
    if not dataclasses.is_dataclass(item) or isinstance(item, type | Document):
        return item
    changes: dict[str, Any] = {}
    for name, is_offset in _offset_fields(type(item)):
        value = getattr(item, name)
        if is_offset:
            if isinstance(value, int) and not isinstance(value, bool):
                changes[name] = value + offset
        elif isinstance(value, tuple) or (
            dataclasses.is_dataclass(value) and not isinstance(value, type)
        ):
            moved = _shifted(value, offset)
            if moved is not value:
                changes[name] = moved
    return dataclasses.replace(item, **changes) if changes else item


@functools.cache
def _offset_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """Each field of the dataclass ``cls`` with whether its name is that of a text offset:
    read once per class, not once per finding (a window holds tens of thousands)."""
    return tuple(
        (f.name, f.name in {"start", "end"} or f.name.endswith(("_start", "_end")))
        for f in dataclasses.fields(cls)
    )


_WORKER_PIPELINE: Pipeline | None = None

#: analysed once by each worker before its first document (spaCy and every stage's data
#: loaded), and by :meth:`WorkerPool.warm`
WARM_UP_TEXT = (
    "On 3 May 1921 the mayor of the town, Anna Lind, opened the new bridge. "
    "The council met again in June."
)


def warm_up(pipeline: Pipeline) -> None:
    """Run ``pipeline`` once on a short text: spaCy and every stage's data loaded."""
    from .ingest import read_text

    pipeline.analyze(read_text(WARM_UP_TEXT, uri="warm-up.txt"))


def _init_worker(names: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build(names)


def _analyze_in_worker(documents: list[Document]) -> list[Analysis | Exception]:
    """The task: each document's analysis, or the exception it raised."""
    assert _WORKER_PIPELINE is not None
    return [result for _, result in _WORKER_PIPELINE.analyze_each(documents)]


def _warm_in_worker(hold: float) -> int:
    """Warm this worker's pipeline, then hold it ``hold`` seconds (so that the next warm-up
    task goes to another worker); this worker's process id."""
    import os
    import time

    assert _WORKER_PIPELINE is not None
    warm_up(_WORKER_PIPELINE)
    time.sleep(hold)
    return os.getpid()


class WorkerPool:
    """``jobs`` worker processes, each with the pipeline of ``names`` built once (spaCy
    loaded once per process); reusable across ingests, so that start-up is paid once.
    :meth:`warm` starts every worker and waits until each has run the pipeline."""

    def __init__(self, names: Sequence[str], jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.names = tuple(names)
        self.jobs = max(1, jobs)
        ctx = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(
            self.jobs, mp_context=ctx, initializer=_init_worker, initargs=(self.names,)
        )

    def warm(self, rounds: int = 5) -> list[int]:
        """Start every worker and run the pipeline once in each; their process ids."""
        pids: set[int] = set()
        for _ in range(rounds):
            futures = [self.executor.submit(_warm_in_worker, 0.3) for _ in range(self.jobs)]
            pids.update(f.result() for f in futures)
            if len(pids) >= self.jobs:
                break
        return sorted(pids)

    def analyze_each(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, Analysis | Exception]]:
        """Each document with its Analysis or the exception it raised, in input order. A
        task is a group of consecutive documents (:func:`document_groups`, analysed
        together); at most ``2 * jobs`` tasks are in flight."""
        from concurrent.futures import Future

        window: deque[tuple[list[Document], Future[list[Analysis | Exception]]]] = deque()

        def drain_one() -> Iterator[tuple[Document, Analysis | Exception]]:
            docs, fut = window.popleft()
            results: list[Analysis | Exception]
            try:
                results = fut.result()
            except Exception as exc:  # a lost worker, or a result that could not be sent
                results = [exc] * len(docs)
            return zip(docs, results, strict=True)

        for group in document_groups(documents):
            window.append((group, self.executor.submit(_analyze_in_worker, group)))
            if len(window) >= 2 * self.jobs:
                yield from drain_one()
        while window:
            yield from drain_one()

    def close(self) -> None:
        self.executor.shutdown()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def analyze_each(
    pipeline: Pipeline, documents: Iterable[Document], jobs: int | WorkerPool = 1
) -> Iterator[tuple[Document, Analysis | Exception]]:
    """Analyse documents in order, yielding each with its Analysis or the exception it raised
    (one bad document never stops the rest). ``jobs > 1`` spreads the work over that many
    processes, each loading spaCy once; at most ``2 * jobs`` documents are in flight. An
    open :class:`WorkerPool` (of the same stages) is used as it is, and stays open."""
    if isinstance(jobs, WorkerPool):
        if jobs.names != tuple(pipeline.names):
            raise ValueError(
                f"E002 the worker pool runs {', '.join(jobs.names)}, "
                f"not this pipeline ({', '.join(pipeline.names)})"
            )
        yield from jobs.analyze_each(documents)
        return
    if jobs <= 1:
        yield from pipeline.analyze_each(documents)
        return
    with WorkerPool(pipeline.names, jobs) as pool:
        yield from pool.analyze_each(documents)


def build(names: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
    """Build a pipeline from stage names, checking each stage's declared inputs."""
    stages = [get_stage(n) for n in names]
    available = {"document", "config"}
    for s in stages:
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise ValueError(
                f"E002 stage {s.name} requires {missing}, which no earlier stage assigns "
                f"(pipeline: {', '.join(names)})"
            )
        available.update(s.assigns)
    return Pipeline(stages)
