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
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

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
_F = TypeVar("_F")


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

_R = TypeVar("_R")
#: what a worker makes of one analysed document with its pipeline: a module-level function
#: (workers receive it by name), :func:`keep_analysis` or one that also prepares the
#: analysis for the merge (:func:`histograph.merge.prepared.prepare_analysed`), so that the
#: parent only stores what arrives. The analyses are made by :meth:`Pipeline.analyze_each`
#: (documents in groups, spaCy parsing a group at once), the task then runs on each.
Task = Callable[["Pipeline", Analysis], _R]


def keep_analysis(pipeline: Pipeline, analysis: Analysis) -> Analysis:
    """The default :data:`Task`: the document's :class:`Analysis` as it is."""
    return analysis


def warm_up(pipeline: Pipeline, task: Task[object] = keep_analysis) -> None:
    """Run the pipeline and ``task`` once on a short text: spaCy, every stage's data and
    whatever else the task loads on first use."""
    from .ingest import read_text

    task(pipeline, pipeline.analyze(read_text(WARM_UP_TEXT, uri="warm-up.txt")))


def run_each(
    pipeline: Pipeline, task: Task[_R], documents: Iterable[Document]
) -> Iterator[tuple[Document, _R | Exception]]:
    """Each document with ``task`` of its analysis, or the exception either raised (one bad
    document does not fail the others of its group), in input order."""
    for doc, analysis in pipeline.analyze_each(documents):
        if isinstance(analysis, Exception):
            yield doc, analysis
            continue
        try:
            yield doc, task(pipeline, analysis)
        except Exception as exc:
            yield doc, exc


def run_task(
    pipeline: Pipeline, task: Task[_R], documents: Sequence[Document]
) -> list[_R | Exception]:
    """:func:`run_each` of a worker's task (its documents), as a list."""
    return [result for _, result in run_each(pipeline, task, documents)]


#: documents are read this far ahead of the workers (at most this many characters and
#: documents), while they are busy: when the input ends, what was read ahead is sent
#: longest first (:class:`TaskPlan`)
LOOKAHEAD_CHARS = 2_000_000
LOOKAHEAD_DOCUMENTS = 512
#: the last tasks shrink down to a ``1 / TAIL_FRACTION`` of a task's characters (short
#: documents together): a task of one short page costs more to send than to analyse
TAIL_FRACTION = 10


class TaskPlan:
    """Documents grouped into the tasks sent to ``workers`` workers, as they ask for them.

    While the input keeps coming, a task is consecutive documents up to ``task_chars``
    characters and ``task_documents`` documents (a longer document alone): a task costs the
    parent, the worker (and a Dask scheduler) some time of their own whatever its size. When
    the input has been read to its end, what is left (at most the lookahead: the
    documents :meth:`read_ahead` read while the workers were busy) goes longest first, in
    tasks that shrink with the work left (a share of ``1 / (2 * workers)`` of it), down to
    one document or :data:`TAIL_FRACTION` of a task: the last tasks are the shortest, so no worker waits long at the end for
    another to finish a long one. A corpus smaller than the lookahead is planned whole."""

    def __init__(
        self,
        documents: Iterable[Document],
        workers: int,
        task_chars: int,
        task_documents: int,
        *,
        lookahead_chars: int = LOOKAHEAD_CHARS,
        lookahead_documents: int = LOOKAHEAD_DOCUMENTS,
    ) -> None:
        self._source = iter(documents)
        self.workers = max(1, workers)
        self.task_chars = task_chars
        self.task_documents = task_documents
        self.lookahead_chars = lookahead_chars
        self.lookahead_documents = lookahead_documents
        self._buffer: deque[Document] = deque()
        self._chars = 0
        self._ended = False
        self._sorted = False

    @staticmethod
    def _size(doc: Document) -> int:
        return len(doc.text) if isinstance(doc.text, str) else 0

    def _read(self) -> bool:
        doc = next(self._source, None)
        if doc is None:
            self._ended = True
            return False
        self._buffer.append(doc)
        self._chars += self._size(doc)
        return True

    def read_ahead(self) -> bool:
        """Read one more document into the lookahead; False when it is full or the input
        has ended (nothing was read)."""
        if self._ended or (
            self._buffer
            and (
                self._chars >= self.lookahead_chars
                or len(self._buffer) >= self.lookahead_documents
            )
        ):
            return False
        return self._read()

    def _take(self, limit: int) -> list[Document]:
        group: list[Document] = []
        size = 0
        while self._buffer or (not self._ended and self._read()):
            n = self._size(self._buffer[0])
            if group and (len(group) >= self.task_documents or size + n > limit):
                break
            group.append(self._buffer.popleft())
            self._chars -= n
            size += n
            if self._ended and not self._sorted:
                break  # the input ended while this task was filled: the rest longest first
        return group

    def next_task(self) -> list[Document]:
        """The next task's documents (empty when every document has been planned)."""
        if not self._buffer and not self._ended:
            self._read()
        if not self._ended:
            return self._take(self.task_chars)
        if not self._sorted:
            self._buffer = deque(sorted(self._buffer, key=self._size, reverse=True))
            self._sorted = True
        share = self._chars // (2 * self.workers)
        return self._take(max(self.task_chars // TAIL_FRACTION, min(self.task_chars, share)))


def stream_tasks(
    plan: TaskPlan,
    window: int,
    submit: Callable[[list[Document]], _F],
    is_done: Callable[[_F], bool],
    wait_any: Callable[[list[_F]], Iterable[_F]],
    result: Callable[[_F], list[_R | Exception]],
) -> Iterator[tuple[Document, _R | Exception]]:
    """Each document with its result (or the exception it raised), in the order their tasks
    complete: ``window`` tasks of ``plan`` are kept in flight (``submit``), and while every
    one is running the next documents are read ahead (:meth:`TaskPlan.read_ahead`) instead of
    waiting (``wait_any``: at least one of the futures, once done). A task that fails as a
    whole (a lost worker, a result that could not be sent back) fails each of its
    documents."""
    inflight: dict[_F, list[Document]] = {}
    while True:
        while len(inflight) < window:
            batch = plan.next_task()
            if not batch:
                break
            inflight[submit(batch)] = batch
        if not inflight:
            return
        done = [f for f in inflight if is_done(f)]
        if not done:
            if plan.read_ahead():
                continue
            done = list(wait_any(list(inflight)))
        for fut in done:
            batch = inflight.pop(fut)
            results: list[_R | Exception]
            try:
                results = result(fut)
            except Exception as exc:
                results = [exc] * len(batch)
            yield from zip(batch, results, strict=True)


def _init_worker(names: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build(names)


def _run_in_worker(task: Task[_R], documents: Sequence[Document]) -> list[_R | Exception]:
    assert _WORKER_PIPELINE is not None
    return run_task(_WORKER_PIPELINE, task, documents)


def _warm_in_worker(hold: float, task: Task[object] = keep_analysis) -> int:
    """Warm this worker's pipeline (and ``task``), then hold it ``hold`` seconds (so that
    the next warm-up task goes to another worker); this worker's process id."""
    import os
    import time

    assert _WORKER_PIPELINE is not None
    warm_up(_WORKER_PIPELINE, task)
    time.sleep(hold)
    return os.getpid()


class WorkerPool:
    """``jobs`` worker processes, each with the pipeline of ``names`` built once (spaCy
    loaded once per process); reusable across ingests, so that start-up is paid once.
    :meth:`warm` starts every worker and waits until each has run the pipeline."""

    #: a task of the pool: consecutive documents up to this many characters and documents
    #: (:class:`TaskPlan`); sending one to a worker and its results back costs the parent
    #: and the worker about a millisecond whatever its size
    TASK_CHARS = 8_000
    TASK_DOCUMENTS = 8
    #: tasks in flight per worker: one running, one waiting in its queue
    IN_FLIGHT_PER_WORKER = 2

    def __init__(self, names: Sequence[str], jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.names = tuple(names)
        self.jobs = max(1, jobs)
        ctx = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(
            self.jobs, mp_context=ctx, initializer=_init_worker, initargs=(self.names,)
        )

    def warm(self, rounds: int = 5, *, task: Task[object] = keep_analysis) -> list[int]:
        """Start every worker and run ``task`` (the one the ingests will run: see
        :data:`Task`) once in each; their process ids."""
        pids: set[int] = set()
        for _ in range(rounds):
            futures = [
                self.executor.submit(_warm_in_worker, 0.3, task) for _ in range(self.jobs)
            ]
            pids.update(f.result() for f in futures)
            if len(pids) >= self.jobs:
                break
        return sorted(pids)

    @overload
    def analyze_each(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, Analysis | Exception]]: ...

    @overload
    def analyze_each(
        self, documents: Iterable[Document], task: Task[_R]
    ) -> Iterator[tuple[Document, _R | Exception]]: ...

    def analyze_each(
        self, documents: Iterable[Document], task: Task[Any] = keep_analysis
    ) -> Iterator[tuple[Document, Any]]:
        """Each document with ``task``'s result (its Analysis by default) or the exception
        it raised, in the order their tasks complete (:func:`stream_tasks`: documents are
        grouped in tasks by :class:`TaskPlan`, the last ones longest first)."""
        from concurrent.futures import FIRST_COMPLETED, Future, wait

        plan = TaskPlan(documents, self.jobs, self.TASK_CHARS, self.TASK_DOCUMENTS)

        def submit(batch: list[Document]) -> Future[list[Any]]:
            return self.executor.submit(_run_in_worker, task, batch)

        def wait_any(futures: list[Future[list[Any]]]) -> Iterable[Future[list[Any]]]:
            return wait(futures, return_when=FIRST_COMPLETED).done

        yield from stream_tasks(
            plan,
            self.IN_FLIGHT_PER_WORKER * self.jobs,
            submit,
            lambda f: f.done(),
            wait_any,
            lambda f: f.result(),
        )

    def close(self) -> None:
        self.executor.shutdown()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@overload
def analyze_each(
    pipeline: Pipeline, documents: Iterable[Document], jobs: int | WorkerPool = 1
) -> Iterator[tuple[Document, Analysis | Exception]]: ...


@overload
def analyze_each(
    pipeline: Pipeline,
    documents: Iterable[Document],
    jobs: int | WorkerPool = 1,
    *,
    task: Task[_R],
) -> Iterator[tuple[Document, _R | Exception]]: ...


def analyze_each(
    pipeline: Pipeline,
    documents: Iterable[Document],
    jobs: int | WorkerPool = 1,
    *,
    task: Task[Any] = keep_analysis,
) -> Iterator[tuple[Document, Any]]:
    """Run ``task`` (by default: analyse) on each document, yielding it with the result or
    the exception it raised (one bad document never stops the rest); in input order in
    this process, in completion order with workers. ``jobs > 1`` spreads the work over that
    many processes, each loading spaCy once (:meth:`WorkerPool.analyze_each`). An open
    :class:`WorkerPool` (of the same stages) is used as it is, and stays open."""
    if isinstance(jobs, WorkerPool):
        if jobs.names != tuple(pipeline.names):
            raise ValueError(
                f"E002 the worker pool runs {', '.join(jobs.names)}, "
                f"not this pipeline ({', '.join(pipeline.names)})"
            )
        yield from jobs.analyze_each(documents, task)
        return
    if jobs <= 1:
        yield from run_each(pipeline, task, documents)
        return
    with WorkerPool(pipeline.names, jobs) as pool:
        yield from pool.analyze_each(documents, task)


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
