"""Input expansion: files, directories (recursive), globs and ``-`` (standard input)."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import IngestError, IngestFailure

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or standard input (``path is None``)."""

    name: str  # how errors and Document.uri name it
    path: Path | None

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower() if self.path is not None else ""

    def read_bytes(self, max_bytes: int | None, stdin: BinaryIO | None = None) -> bytes:
        """The raw bytes, refusing inputs above ``max_bytes`` before reading them whole."""
        if self.path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
            if max_bytes is not None and len(data) > max_bytes:
                raise IngestFailure(_too_big(None, max_bytes))
            return data
        try:
            size = self.path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise IngestFailure(_too_big(size, max_bytes))
            return self.path.read_bytes()
        except IngestFailure:
            raise
        except IsADirectoryError:
            raise IngestFailure("is a directory") from None
        except PermissionError:
            raise IngestFailure("permission denied") from None
        except OSError as exc:
            raise IngestFailure(f"cannot read: {exc.strerror or exc}") from None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _too_big(size: int | None, limit: int) -> str:
    what = f"file is {_mb(size)}" if size is not None else "input is"
    return (
        f"{what} larger than the {_mb(limit)} size limit "
        "(ReadOptions.max_bytes; None lifts the limit)"
    )


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(p.startswith(".") and p not in {".", ".."} for p in parts)


def _walk(root: Path) -> Iterator[Path]:
    """Regular files under ``root``, recursively, sorted, skipping hidden files and folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith("."):
                yield Path(dirpath) / f


def expand_inputs(inputs: Sequence[str]) -> Iterator[Source | IngestError]:
    """Each input as :class:`Source` items, in order; a path that does not exist is an error.

    Directories are walked recursively in sorted order; hidden files and folders (names
    starting with ``.``) are skipped inside directories and globs but read when named
    explicitly. A file reached twice (by a directory and a glob, say) is read once.
    """
    seen: set[str] = set()

    def emit(p: Path) -> Iterator[Source]:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            yield Source(str(p), p)

    for item in inputs:
        if item == STDIN:
            yield Source(STDIN, None)
            continue
        p = Path(item)
        if p.is_dir():
            found = False
            for f in _walk(p):
                found = True
                yield from emit(f)
            if not found:
                yield IngestError(item, "directory holds no (non-hidden) files")
        elif p.exists():
            yield from emit(p)
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            files: list[Path] = []
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    files.extend(_walk(mp))
                elif not _hidden(mp, Path(".")):
                    files.append(mp)
            if not files:
                yield IngestError(item, "no file matches this pattern")
            for f in files:
                yield from emit(f)
        else:
            yield IngestError(item, "no such file or directory")
