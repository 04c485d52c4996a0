"""The per-document half of the pipeline on Dask distributed, for who outgrows one machine.

``histograph ingest --dask local`` starts a :class:`distributed.LocalCluster` (a real
scheduler and worker processes on this machine); ``--dask tcp://host:8786`` uses a running
cluster (``dask scheduler`` + ``dask worker tcp://host:8786 --nthreads 1`` on each machine,
each with histograph installed). A task is a few documents (about 20,000 characters while
the input streams; the last ones longest first, in shrinking tasks: see
:class:`~histograph.pipeline.TaskPlan`): its worker builds the pipeline once per process
(spaCy loads once per worker, as in the ``--jobs`` process pool) and returns each document's
:class:`~histograph.model.Analysis`, for an ingest with the merge's preparation of it
(:func:`histograph.merge.prepared.prepare_analysed`); the client streams each analysis
into the store as it completes. Storing is idempotent (a document's id is its content hash, and
:meth:`~histograph.store.Store.add_analysis` of a known id changes nothing) and the merge
reads the stored analyses ordered by id, so the knowledge base does not depend on the order
tasks finish in, nor on a task being run twice after a worker died.

The merge (the cross-document half) stays on the client: it clusters mentions greedily over
one blocking index, so its blocks are not independent tasks, and its independent units,
the components of :mod:`histograph.merge.incremental`, are one on a collection about one
subject (every evaluated corpus is one component): sending them to workers would gain
nothing there (see the report of issue 11).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

from .model import Analysis, Document
from .pipeline import (
    Pipeline,
    TaskPlan,
    build,
    keep_analysis,
    run_task,
    stream_tasks,
    warm_up,
)
from .pipeline import Task as Task

_R = TypeVar("_R")

#: tasks in flight per worker (enough to keep each busy while results stream back)
IN_FLIGHT_PER_WORKER = 2
#: a task holds consecutive documents up to this many characters (a longer one alone) and
#: at most :data:`TASK_DOCUMENTS` documents: a task costs the scheduler, the client and the
#: worker some milliseconds of their own whatever its size, which on pages of a few hundred
#: words was a fifth of the work; a task of about 20,000 characters is still short enough
#: that the last ones leave no worker idle for long
TASK_CHARS = 20_000
TASK_DOCUMENTS = 16

_PIPELINES: dict[tuple[str, ...], Pipeline] = {}
_BUILD_LOCK = threading.Lock()


class DaskUnavailable(RuntimeError):
    """Dask is not installed or the scheduler cannot be reached (one line, E020)."""


def _worker_pipeline(names: tuple[str, ...]) -> Pipeline:
    """This worker process's pipeline of ``names``, built (and spaCy loaded) once."""
    pipe = _PIPELINES.get(names)
    if pipe is None:
        with _BUILD_LOCK:
            pipe = _PIPELINES.get(names)
            if pipe is None:
                pipe = _PIPELINES[names] = build(names)
    return pipe


def analyze_on_worker(names: tuple[str, ...], document: Document) -> Analysis:
    """The task: one document's analysis (runs on a worker)."""
    return _worker_pipeline(names).analyze(document)


def analyze_batch_on_worker(
    names: tuple[str, ...], documents: Sequence[Document], task: Task[Any] = keep_analysis
) -> list[Any]:
    """The task: ``task`` of each document (its analysis by default), or the exception it
    raised (one bad document does not fail the others of its task)."""
    return run_task(_worker_pipeline(names), task, documents)


#: the configuration of a LocalCluster, whose scheduler shares the client's process and
#: whose workers share its cores: no statistical profiler (it samples every thread's stack
#: a hundred times a second, for the dashboard); the event loops' health check and system
#: monitor every second or two rather than every 20 and 500 ms (on two cores the scheduler
#: and the client took a tenth of the workers' CPU in them); and glibc's own threshold for
#: returning freed memory to the system (Dask's, 64 KB, gives back and faults in again the
#: parse's arrays of every document)
_LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def warm_worker(names: tuple[str, ...], task: Task[object] = keep_analysis) -> int:
    """Build the pipeline on this worker now and run ``task`` once (before the first
    document)."""
    warm_up(_worker_pipeline(names), task)
    return os.getpid()


class DaskEngine:
    """A connection to a Dask cluster (``"local"``: a LocalCluster started here and stopped
    on :meth:`close`) that analyses documents as tasks."""

    def __init__(
        self, address: str = "local", *, workers: int | None = None, timeout: float = 20.0
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskUnavailable(
                "E020 --dask needs Dask distributed: pip install 'histograph[dask]'"
            ) from None
        self.address = address
        self._cluster: Any = None
        try:
            if address == "local":
                import dask

                with dask.config.set(_LOCAL_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=workers or os.cpu_count() or 1,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                    self.client: Any = Client(self._cluster)
            else:
                self.client = Client(address, timeout=f"{timeout}s")
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise DaskUnavailable(
                f"E020 cannot reach the Dask scheduler at {address}: {reason}"
            ) from None

    def workers(self) -> int:
        """How many workers the cluster has now (at least 1)."""
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def warm(self, names: Sequence[str], *, task: Task[object] = keep_analysis) -> list[int]:
        """Load the pipeline (and spaCy) on every worker and run ``task`` (the one the
        ingests will run, see :data:`histograph.pipeline.Task`) once; their process ids."""
        pids = self.client.run(warm_worker, tuple(names), task)
        return sorted(int(p) for p in pids.values())

    @overload
    def analyze_each(
        self, names: Sequence[str], documents: Iterable[Document]
    ) -> Iterator[tuple[Document, Analysis | Exception]]: ...

    @overload
    def analyze_each(
        self, names: Sequence[str], documents: Iterable[Document], task: Task[_R]
    ) -> Iterator[tuple[Document, _R | Exception]]: ...

    def analyze_each(
        self,
        names: Sequence[str],
        documents: Iterable[Document],
        task: Task[Any] = keep_analysis,
    ) -> Iterator[tuple[Document, Any]]:
        """Each document with ``task``'s result (its Analysis by default) or the exception
        it raised, in the order their tasks complete (documents grouped by
        :class:`~histograph.pipeline.TaskPlan` in tasks of :data:`TASK_CHARS`, the last ones
        longest first); at most :data:`IN_FLIGHT_PER_WORKER` tasks per worker are in
        flight, so a long input streams instead of being read whole."""
        from distributed import wait

        key = tuple(names)
        workers = self.workers()
        plan = TaskPlan(documents, workers, TASK_CHARS, TASK_DOCUMENTS)

        def submit(batch: list[Document]) -> Any:
            return self.client.submit(analyze_batch_on_worker, key, batch, task, pure=False)

        def wait_any(futures: list[Any]) -> Iterable[Any]:
            return wait(futures, return_when="FIRST_COMPLETED").done  # type: ignore[no-any-return]

        def result(fut: Any) -> list[Any]:
            try:
                return fut.result()  # type: ignore[no-any-return]
            finally:
                fut.release()

        yield from stream_tasks(
            plan, IN_FLIGHT_PER_WORKER * workers, submit, lambda f: f.done(), wait_any, result
        )

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


    @property
    def scheduler_address(self) -> str:
        """The scheduler's address (of the LocalCluster too): other clients can use it."""
        return str(self.client.scheduler.address)


@overload
def analyze_each_dask(
    pipeline: Pipeline,
    documents: Iterable[Document],
    dask: str | DaskEngine,
    *,
    workers: int | None = None,
) -> Iterator[tuple[Document, Analysis | Exception]]: ...


@overload
def analyze_each_dask(
    pipeline: Pipeline,
    documents: Iterable[Document],
    dask: str | DaskEngine,
    *,
    workers: int | None = None,
    task: Task[_R],
) -> Iterator[tuple[Document, _R | Exception]]: ...


def analyze_each_dask(
    pipeline: Pipeline,
    documents: Iterable[Document],
    dask: str | DaskEngine,
    *,
    workers: int | None = None,
    task: Task[Any] = keep_analysis,
) -> Iterator[tuple[Document, Any]]:
    """:func:`histograph.pipeline.analyze_each` on Dask: the same pairs, in completion order.
    ``dask`` is an address (``"local"``: a LocalCluster of ``workers`` processes, living as
    long as the iteration) or an open :class:`DaskEngine`, which stays open."""
    if isinstance(dask, DaskEngine):
        yield from dask.analyze_each(pipeline.names, documents, task)
        return
    with DaskEngine(dask, workers=workers) as engine:
        engine.warm(pipeline.names, task=task)
        yield from engine.analyze_each(pipeline.names, documents, task)
