"""The per-document half of the pipeline: Document -> Analysis, pure and stateless.

``DocState`` (:mod:`histograph.state`) is the mutable working record a document passes
through; stages fill it in order and :meth:`DocState.freeze` turns it into the frozen
:class:`Analysis`. Stages build on ``state``, never on this module, so it reads top-down.
Nothing here touches the store, so this half can run in a process pool or on Dask.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

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
        """Analyse documents one by one (spaCy batches inside each document's regions)."""
        for document in documents:
            state = DocState(document=document, config=dict(config or {}))
            for s in self.stages:
                s.fn(state)
            yield state.freeze()


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(names: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build(names)


def _analyze_in_worker(document: Document) -> Analysis:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE.analyze(document)


def analyze_each(
    pipeline: Pipeline, documents: Iterable[Document], jobs: int = 1
) -> Iterator[tuple[Document, Analysis | Exception]]:
    """Analyse documents in order, yielding each with its Analysis or the exception it raised
    (one bad document never stops the rest). ``jobs > 1`` spreads the work over that many
    processes, each loading spaCy once; at most ``2 * jobs`` documents are in flight."""
    if jobs <= 1:
        for doc in documents:
            try:
                yield doc, pipeline.analyze(doc)
            except Exception as exc:
                yield doc, exc
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    names = tuple(pipeline.names)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(names,)) as ex:
        window: deque[tuple[Document, Future[Analysis]]] = deque()

        def drain_one() -> tuple[Document, Analysis | Exception]:
            doc, fut = window.popleft()
            try:
                return doc, fut.result()
            except Exception as exc:
                return doc, exc

        for doc in documents:
            window.append((doc, ex.submit(_analyze_in_worker, doc)))
            if len(window) >= 2 * jobs:
                yield drain_one()
        while window:
            yield drain_one()


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
