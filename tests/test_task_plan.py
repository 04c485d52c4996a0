"""How documents are spread over workers (:class:`histograph.pipeline.TaskPlan`,
:func:`histograph.pipeline.stream_tasks`): consecutive documents grouped by size while the
input streams, the rest longest first in shrinking tasks, results in completion order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from histograph.model import Document
from histograph.pipeline import TaskPlan, stream_tasks


def doc(i: int, n: int) -> Document:
    return Document(id=f"{i:064d}", uri=f"d{i}.txt", text="x" * n, format="txt")


def tasks(plan: TaskPlan) -> list[list[str]]:
    out: list[list[str]] = []
    while batch := plan.next_task():
        out.append([d.uri for d in batch])
    return out


def test_streaming_tasks_are_consecutive_documents_up_to_a_size() -> None:
    # no lookahead: each task is read as it is asked for, in input order, until the end
    docs = [doc(0, 50), doc(1, 50), doc(2, 10), doc(3, 200), *(doc(i, 1) for i in range(4, 9))]
    plan = TaskPlan(iter(docs), 1, 100, 3, lookahead_documents=1)
    got = tasks(plan)
    assert got[:3] == [["d0.txt", "d1.txt"], ["d2.txt"], ["d3.txt"]]  # a long one alone
    assert all(len(t) <= 3 for t in got)
    assert sorted(u for t in got for u in t) == sorted(d.uri for d in docs)  # none lost


def test_what_is_read_ahead_goes_longest_first_in_shrinking_tasks() -> None:
    sizes = [5, 40, 7, 90, 3, 60, 20, 11, 2, 8]
    plan = TaskPlan(iter([doc(i, n) for i, n in enumerate(sizes)]), 2, 100, 4)
    while plan.read_ahead():  # the workers are busy: the parent reads on
        pass
    got = tasks(plan)
    order = [int(u[1:-4]) for t in got for u in t]
    assert [sizes[i] for i in order] == sorted(sizes, reverse=True)
    # the last tasks are single documents, or short ones together (a tenth of a task)
    assert len(got[-3]) == 1 and len(got[-4]) == 1
    assert sum(sizes[int(u[1:-4])] for u in got[-1]) <= 100 // 10
    first = sum(sizes[int(u[1:-4])] for u in got[0])
    assert first <= max(sizes[3], sum(sizes) // 4)  # a share of the work left, or one document


def test_lookahead_is_bounded() -> None:
    plan = TaskPlan(iter([doc(i, 10) for i in range(100)]), 2, 100, 4, lookahead_documents=5)
    reads = 0
    while plan.read_ahead():
        reads += 1
    assert reads == 5
    assert len(tasks(plan)) >= 100 // 4


class _Done:
    """A future already done with ``value`` (or raising ``error``)."""

    def __init__(self, value: list[object] | None = None, error: Exception | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> list[object]:
        if self.error is not None:
            raise self.error
        assert self.value is not None
        return self.value


def test_stream_tasks_yields_each_document_and_fails_a_lost_task_per_document() -> None:
    docs = [doc(i, 10) for i in range(7)]
    submitted: list[list[str]] = []
    inflight_max = [0]
    live: set[int] = set()

    def submit(batch: list[Document]) -> _Done:
        submitted.append([d.uri for d in batch])
        if "d2.txt" in submitted[-1]:
            fut = _Done(error=RuntimeError("worker lost"))
        else:
            fut = _Done([d.uri.upper() for d in batch])
        live.add(id(fut))
        inflight_max[0] = max(inflight_max[0], len(live))
        return fut

    def result(f: _Done) -> list[object]:
        live.discard(id(f))
        return f.result()

    def wait_any(fs: list[_Done]) -> Iterable[_Done]:
        return fs[:1]

    plan = TaskPlan(iter(docs), 2, 20, 2, lookahead_documents=1)
    out: Iterator[tuple[Document, object]] = stream_tasks(
        plan, 3, submit, lambda f: False, wait_any, result
    )
    got = {d.uri: r for d, r in out}
    assert set(got) == {d.uri for d in docs}
    assert inflight_max[0] <= 3
    lost = next(t for t in submitted if "d2.txt" in t)
    for uri, r in got.items():
        if uri in lost:
            assert isinstance(r, RuntimeError)
        else:
            assert r == uri.upper()


class _Slow:
    """A future done once ``ready()`` says so."""

    def __init__(self, uris: list[str], ready: Callable[[], bool]) -> None:
        self.uris, self.ready = uris, ready

    def result(self) -> list[object]:
        return list(self.uris)


def test_a_long_task_does_not_hold_back_the_others() -> None:
    # the first task runs long: the others complete, are yielded and refilled meanwhile
    # (draining in input order left the second worker idle behind it: regression)
    docs = [doc(i, 10) for i in range(8)]
    yielded: list[str] = []
    submitted: list[list[str]] = []

    def submit(batch: list[Document]) -> _Slow:
        uris = [d.uri for d in batch]
        submitted.append(uris)
        first = len(submitted) == 1
        return _Slow(uris, (lambda: len(yielded) >= 7) if first else (lambda: True))

    def wait_any(fs: list[_Slow]) -> Iterable[_Slow]:
        return [f for f in fs if f.ready()]

    plan = TaskPlan(iter(docs), 2, 10, 1, lookahead_documents=1)
    for d, _ in stream_tasks(plan, 2, submit, lambda f: f.ready(), wait_any, _Slow.result):
        yielded.append(d.uri)
    assert yielded[-1] == "d0.txt"  # the long one, last
    assert yielded[:7] == [f"d{i}.txt" for i in range(1, 8)]
    assert len(submitted) == 8  # one document a task, every slot refilled
