"""JSON and JSON Lines: one document per record.

Accepted shapes: a JSON object with a text field (one document), a JSON array of records,
an object holding a list of records (under any key, ``records``/``items``/``posts``/``data``
… preferred), and JSON Lines (one record per line; a bad line is an error of that line
only). Field names come from :class:`~histograph.ingest.ReadOptions`. A record that looks
like a social post (a ``type``/``platform`` saying so, or an author/handle and no title)
gets the format ``social``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .errors import IngestError, IngestFailure, one_line
from .text import jsonable

if TYPE_CHECKING:
    from . import ReadOptions

RecordDoc = tuple[str, str, str, dict[str, Any]]  # (text, uri, format, meta)

_LIST_KEYS = ("records", "items", "posts", "data", "documents", "docs", "entries", "results")
_SOCIAL_TYPES = frozenset({"social", "post", "tweet", "toot", "status", "skeet", "social_post"})
_AUTHOR_KEYS = ("author", "user", "username", "handle", "screen_name", "account")


def is_social(record: Mapping[str, Any], options: ReadOptions) -> bool:
    for key in ("type", "kind", "platform", "format"):
        v = record.get(key)
        if isinstance(v, str) and v.strip().lower() in _SOCIAL_TYPES:
            return True
    title = record.get(options.title_field)
    has_author = any(record.get(k) for k in _AUTHOR_KEYS)
    text = record.get(options.text_field)
    return has_author and not title and isinstance(text, str) and len(text) <= 3000


def _record(rec: Any, uri: str, fmt: str, options: ReadOptions) -> RecordDoc | IngestError:
    if not isinstance(rec, Mapping):
        return IngestError(uri, f"record is a JSON {type(rec).__name__}, not an object")
    text = rec.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        fields = ", ".join(sorted(map(str, rec))[:12]) or "none"
        what = "is empty" if isinstance(text, str) else "is missing"
        return IngestError(
            uri, f"text field {options.text_field!r} {what} (fields: {fields}; see --text-field)"
        )
    meta: dict[str, Any] = {str(k): jsonable(v) for k, v in rec.items() if k != options.text_field}
    for canon, field in (
        ("title", options.title_field),
        ("url", options.url_field),
        ("published", options.published_field),
        ("source", options.source_field),
    ):
        v = rec.get(field)
        if v is not None and not isinstance(v, Mapping | list):
            meta[canon] = str(v)
        elif canon in meta and field != canon:
            del meta[canon]
    meta.update(options.extra_meta)
    return text, uri, ("social" if is_social(rec, options) else fmt), meta


def _records_of(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        for key in _LIST_KEYS:
            v = value.get(key)
            if isinstance(v, list):
                return v
        for v in value.values():
            if isinstance(v, list) and v and all(isinstance(x, Mapping) for x in v):
                return v
    return None


def _json_error(exc: json.JSONDecodeError) -> str:
    return one_line(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _loads(text: str) -> Any:
    """``json.loads`` with every failure as a ValueError saying what is wrong: too deep
    (RecursionError), a number too long to convert, …"""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        if "digits" in str(exc):
            raise ValueError("invalid JSON: a number too long to read") from None
        raise ValueError(one_line(f"invalid JSON: {exc}", 160)) from None


def _clean(value: Any, depth: int = 0) -> Any:
    """Lone surrogates (``"\\ud800"`` escapes, which no file can store) become U+FFFD, one
    character for one, so offsets are unchanged."""
    if depth > 200:
        raise ValueError("record nested too deeply")
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [_clean(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {_clean(k, depth + 1): _clean(v, depth + 1) for k, v in value.items()}
    return value


def _safe_record(rec: Any, uri: str, fmt: str, options: ReadOptions) -> RecordDoc | IngestError:
    """One record, or one error naming it: a record never costs another record."""
    try:
        return _record(_clean(rec), uri, fmt, options)
    except RecursionError:
        return IngestError(uri, "record nested too deeply to read")
    except (ValueError, TypeError) as exc:
        return IngestError(uri, one_line(f"record not usable: {exc}"))


def read_json_records(
    text: str, name: str, fmt: str, options: ReadOptions
) -> Iterator[RecordDoc | IngestError]:
    """Records of a ``.json`` (``fmt="json"``) or ``.jsonl`` (``fmt="jsonl"``) text."""
    if fmt == "json":
        try:
            value = _loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and text.lstrip().startswith("{"):
                yield from read_json_records(text, name, "jsonl", options)
                return
            raise IngestFailure(_json_error(exc)) from None
        except ValueError as exc:
            raise IngestFailure(str(exc)) from None
        if isinstance(value, Mapping) and options.text_field in value:
            yield _safe_record(value, name, "json", options)
            return
        records = _records_of(value)
        if records is None:
            raise IngestFailure(f"JSON has no {options.text_field!r} field and no list of records")
        if not records:
            raise IngestFailure("JSON holds an empty list of records")
        for i, rec in enumerate(records, 1):
            yield _safe_record(rec, f"{name}#{i}", "json", options)
        return
    lines = text.splitlines()
    count = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        count += 1
        uri = f"{name}#{lineno}"
        try:
            value = _loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(uri, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except ValueError as exc:
            yield IngestError(uri, str(exc))
            continue
        yield _safe_record(value, uri, "jsonl", options)
    if count == 0:
        raise IngestFailure("JSON Lines file holds no records")
