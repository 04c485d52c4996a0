"""Errors of the readers: :class:`IngestError` (a value yielded in a batch) and
:class:`IngestFailure` (raised inside a reader, turned into an ``IngestError``)."""

from __future__ import annotations

from dataclasses import dataclass


def one_line(message: str, limit: int = 300) -> str:
    """Collapse a message onto one line, cut to ``limit`` characters."""
    flat = " ".join(str(message).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class IngestError:
    """One input that could not be read; ``source`` names it (path, ``path#record`` or ``-``)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class IngestFailure(Exception):
    """Raised by a reader; the batch loop reports it as an :class:`IngestError`."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))
