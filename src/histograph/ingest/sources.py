"""Input expansion: files, directories (recursive), globs and ``-`` (standard input)."""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import IngestError, IngestFailure

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or standard input (``path is None``)."""

    name: str  # how errors and Document.uri name it
    path: Path | None
    #: metadata from the folder's ``index.jsonl`` manifest (title, url, genre)
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: the reader the manifest asks for (txt, md, html, pdf, json, jsonl), else detected
    format: str | None = None

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
            return _read_regular(self.path, max_bytes)
        except IngestFailure:
            raise
        except IsADirectoryError:
            raise IngestFailure("is a directory") from None
        except PermissionError:
            raise IngestFailure("permission denied") from None
        except OSError as exc:
            raise IngestFailure(f"cannot read: {exc.strerror or exc}") from None


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _read_regular(path: Path, max_bytes: int | None) -> bytes:
    """A regular file's bytes (links followed); anything else (a FIFO, a device, a socket)
    is refused without reading, and the size limit holds while reading (a file that grows
    past it, or whose size the system misreports, is refused too)."""
    # O_NONBLOCK: opening a FIFO without a writer must not wait for one
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise IngestFailure(f"is {kind}, not a regular file: not read")
        size = os.fstat(fd).st_size
        if max_bytes is not None and size > max_bytes:
            raise IngestFailure(_too_big(size, max_bytes))
        chunks: list[bytes] = []
        total = 0
        while True:
            want = 1 << 20 if max_bytes is None else min(1 << 20, max_bytes + 1 - total)
            chunk = os.read(fd, max(want, 1))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise IngestFailure(_too_big(None, max_bytes))
        return b"".join(chunks)
    finally:
        os.close(fd)


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


#: a folder's manifest: one JSON object per line naming a file of the folder and its metadata
MANIFEST = "index.jsonl"
#: a folder's ignore file: one glob pattern per line (``#`` comments) of paths not to ingest
IGNORE_FILE = ".histographignore"
#: the reader formats a manifest's ``format`` may name; any other value is kept as the genre
READER_FORMATS = frozenset({"txt", "md", "html", "pdf", "json", "jsonl"})
_MANIFEST_MAX_BYTES = 10_000_000


@dataclass
class _Folder:
    """What the manifests and ignore files of the folders walked so far say."""

    ignores: list[tuple[Path, str]] = field(default_factory=list)  # (folder, pattern)
    entries: dict[str, tuple[dict[str, Any], str | None]] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)

    def ignored(self, path: Path) -> bool:
        for folder, pattern in self.ignores:
            try:
                rel = path.relative_to(folder).as_posix()
            except ValueError:
                continue
            pat = pattern.strip("/")
            if fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(path.name, pat):
                return True
            if fnmatch.fnmatchcase(rel, pat + "/*"):  # a folder pattern
                return True
        return False

    def read_ignore(self, folder: Path) -> None:
        try:
            lines = _read_regular(folder / IGNORE_FILE, 1_000_000).decode("utf-8", "replace")
        except (OSError, IngestFailure) as exc:
            self.errors.append(IngestError(str(folder / IGNORE_FILE), f"not read: {exc}"))
            return
        for line in lines.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                self.ignores.append((folder, line))

    def read_manifest(self, folder: Path) -> None:
        where = folder / MANIFEST
        try:
            data = _read_regular(where, _MANIFEST_MAX_BYTES).decode("utf-8")
        except (OSError, IngestFailure, UnicodeDecodeError) as exc:
            self.errors.append(IngestError(str(where), f"manifest not read: {exc}"))
            return
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            entry = _manifest_entry(line)
            if isinstance(entry, str):
                self.errors.append(IngestError(f"{where}#{n}", entry))
                continue
            file, meta, fmt = entry
            target = folder / file
            if not target.is_file():
                self.errors.append(IngestError(f"{where}#{n}", f"names {file!r}: no such file"))
                continue
            self.entries[os.path.realpath(target)] = (meta, fmt)


def _manifest_entry(line: str) -> tuple[str, dict[str, Any], str | None] | str:
    """(file, metadata, reader format) of one manifest line, or why it is not usable."""
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return f"manifest line is not JSON ({msg})"
    if not isinstance(entry, dict):
        return "manifest line is not a JSON object"
    file = entry.get("file")
    if not isinstance(file, str) or not file.strip() or "\x00" in file:
        return "manifest line has no 'file' (the path of a document, relative to the folder)"
    if Path(file).is_absolute() or ".." in Path(file).parts:
        return f"manifest names {file!r}: only files inside the manifest's folder are allowed"
    meta: dict[str, Any] = {}
    for key in ("title", "url"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value
    fmt = entry.get("format")
    reader: str | None = None
    if isinstance(fmt, str) and fmt.strip():
        if fmt.strip().lower() in READER_FORMATS:
            reader = fmt.strip().lower()
        else:
            meta["genre"] = fmt.strip()
    return file, meta, reader


def _walk(root: Path) -> Iterator[Source | IngestError]:
    """Regular files under ``root``, recursively, sorted, skipping hidden files and folders,
    paths listed in a ``.histographignore`` and the ``index.jsonl`` manifests (whose
    entries become the metadata of the files they name)."""
    state = _Folder()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if IGNORE_FILE in filenames:
            state.read_ignore(here)
        if MANIFEST in filenames and not state.ignored(here / MANIFEST):
            state.read_manifest(here)
        yield from state.errors
        state.errors.clear()
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not state.ignored(here / d)
        )
        for f in sorted(filenames):
            p = here / f
            if f.startswith(".") or f == MANIFEST or state.ignored(p):
                continue
            meta, fmt = state.entries.get(os.path.realpath(p), ({}, None))
            yield Source(str(p), p, meta, fmt)


def expand_inputs(inputs: Sequence[str]) -> Iterator[Source | IngestError]:
    """Each input as :class:`Source` items, in order; a path that does not exist is an error.

    Directories are walked recursively in sorted order; hidden files and folders (names
    starting with ``.``) are skipped inside directories and globs but read when named
    explicitly, and so are the paths a folder's ``.histographignore`` lists. A folder's
    ``index.jsonl`` is its manifest (keys ``file``, ``url``, ``title``, ``format``; other
    keys ignored), not a document. A file reached twice (by a directory and a glob, say)
    is read once.
    """
    seen: set[str] = set()

    def emit(src: Source | IngestError) -> Iterator[Source | IngestError]:
        if isinstance(src, IngestError) or src.path is None:
            yield src
            return
        key = os.path.realpath(src.path)
        if key not in seen:
            seen.add(key)
            yield src

    for item in inputs:
        if item == STDIN:
            yield Source(STDIN, None)
            continue
        p = Path(item)
        if p.is_dir():
            found = False
            for f in _walk(p):
                found = found or isinstance(f, Source)
                yield from emit(f)
            if not found:
                yield IngestError(item, "directory holds no (non-hidden) files")
        elif p.exists() or p.is_symlink():
            yield from emit(Source(str(p), p))
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            files: list[Source | IngestError] = []
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    files.extend(_walk(mp))
                elif not _hidden(mp, Path(".")):
                    files.append(Source(str(mp), mp))
            if not files:
                yield IngestError(item, "no file matches this pattern")
            for f in files:
                yield from emit(f)
        else:
            yield IngestError(item, "no such file or directory")
