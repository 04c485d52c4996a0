"""The stage registry (spaCy-style): versioned names, declared inputs and outputs.

A stage is a function ``(state: DocState) -> None`` that reads the fields it
``requires`` and fills the fields it ``assigns``. :func:`histograph.pipeline.build`
checks at build time that every stage's requirements are assigned by an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .state import DocState

StageFn = Callable[["DocState"], None]
BatchFn = Callable[[Sequence["DocState"]], None]


@dataclass(frozen=True)
class StageInfo:
    name: str  # versioned, e.g. "histograph.time.v1"
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    #: the stage run over several documents at once (same result as ``fn`` on each; on an
    #: exception it leaves them unchanged), when that is faster
    batch_fn: BatchFn | None = None


_STAGES: dict[str, StageInfo] = {}


def stage(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
) -> Callable[[StageFn], StageFn]:
    """Register a per-document stage under a versioned name."""

    def register(fn: StageFn) -> StageFn:
        _STAGES[name] = StageInfo(name, fn, tuple(requires), tuple(assigns))
        return fn

    return register


def batch_of(name: str) -> Callable[[BatchFn], BatchFn]:
    """Register the many-documents form of the stage ``name`` (registered before)."""

    def register(fn: BatchFn) -> BatchFn:
        _STAGES[name] = replace(_STAGES[name], batch_fn=fn)
        return fn

    return register


def get_stage(name: str) -> StageInfo:
    _load_builtin_stages()
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES))
        raise KeyError(f"E001 unknown stage {name!r}; registered stages: {known}") from None


def registered() -> dict[str, StageInfo]:
    _load_builtin_stages()
    return dict(_STAGES)


def _load_builtin_stages() -> None:
    # importing the stage modules registers them
    from . import clean, entities, events, nlp, time  # noqa: F401
