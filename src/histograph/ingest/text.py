"""Plain text and Markdown: front matter, title and publication date of a stored text.

The stored text of a ``.txt``/``.md`` file is the WHOLE file text, front matter included,
so that offsets into the file and into the store agree; the front matter is parsed into
``Document.meta`` here and marked as a ``metadata`` region by :mod:`histograph.clean`.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from ..model import Region, TimeValue

_FRONT_MATTER = re.compile(
    r"\A\ufeff?[ \t\r\n]*(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)[ \t]*(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)

#: metadata keys that may hold the publication date, in order of preference
PUBLISHED_KEYS: tuple[str, ...] = (
    "published",
    "date_published",
    "datePublished",
    "published_at",
    "publication_date",
    "pubdate",
    "date",
    "created",
    "created_at",
    "timestamp",
)
TITLE_KEYS: tuple[str, ...] = ("title", "headline", "name")


def jsonable(value: Any) -> Any:
    """Metadata as plain JSON values (YAML dates become ISO strings)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if isinstance(value, _dt.date | _dt.datetime | _dt.time):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


#: front matter above this many characters is not parsed (the text is kept as it is)
FRONT_MATTER_MAX_CHARS = 64_000
#: bounds on parsed front matter: nesting depth, aliases, and values in all
FRONT_MATTER_MAX_DEPTH = 32
FRONT_MATTER_MAX_ALIASES = 64
FRONT_MATTER_MAX_NODES = 20_000


class FrontMatterRefused(ValueError):
    """Front matter beyond the bounds (too deep, too many aliases or values)."""


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with bounds: an alias bomb (aliases of aliases expanding to
    billions of values) or deeply nested front matter is refused before it is built."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > FRONT_MATTER_MAX_ALIASES:
                raise FrontMatterRefused(f"more than {FRONT_MATTER_MAX_ALIASES} aliases")
        self._nodes += 1
        if self._nodes > FRONT_MATTER_MAX_NODES:
            raise FrontMatterRefused(f"more than {FRONT_MATTER_MAX_NODES} values")
        self._depth += 1
        try:
            if self._depth > FRONT_MATTER_MAX_DEPTH:
                raise FrontMatterRefused(f"nested more than {FRONT_MATTER_MAX_DEPTH} deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _bounded(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """``jsonable`` with the same bounds (JSON and TOML front matter, shared references)."""
    budget = budget if budget is not None else [FRONT_MATTER_MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise FrontMatterRefused(f"more than {FRONT_MATTER_MAX_NODES} values")
    if depth > FRONT_MATTER_MAX_DEPTH:
        raise FrontMatterRefused(f"nested more than {FRONT_MATTER_MAX_DEPTH} deep")
    if isinstance(value, Mapping):
        return {str(k): _bounded(v, depth + 1, budget) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_bounded(v, depth + 1, budget) for v in value]
    return jsonable(value)


def read_front_matter(text: str) -> tuple[dict[str, Any], str | None]:
    """(front matter, None), or ({}, why it was not parsed) when it is beyond a bound."""
    try:
        return _parse_front_matter(text), None
    except FrontMatterRefused as exc:
        return {}, str(exc)


def parse_front_matter(text: str) -> dict[str, Any]:
    """The front matter at the top of ``text`` (YAML or JSON between ``---``, TOML between
    ``+++``) as a dict; ``{}`` when there is none, it is not a mapping, or it is beyond the
    bounds (:data:`FRONT_MATTER_MAX_CHARS`, depth, aliases, values): the body is kept."""
    try:
        return _parse_front_matter(text)
    except FrontMatterRefused:
        return {}


def _parse_front_matter(text: str) -> dict[str, Any]:
    if not text.lstrip("\ufeff \t\r\n").startswith(("---", "+++")):
        return {}
    m = _FRONT_MATTER.match(text[: FRONT_MATTER_MAX_CHARS + 200])
    if not m:
        if len(text) > FRONT_MATTER_MAX_CHARS and _FRONT_MATTER.match(text):
            raise FrontMatterRefused(f"front matter longer than {FRONT_MATTER_MAX_CHARS} characters")
        return {}
    body = m.group(2)
    if len(body) > FRONT_MATTER_MAX_CHARS:
        raise FrontMatterRefused(f"front matter longer than {FRONT_MATTER_MAX_CHARS} characters")
    data: Any = None
    try:
        if m.group(1) == "+++":
            data = tomllib.loads(body)
        else:
            data = yaml.load(body, Loader=_BoundedLoader)  # a SafeLoader subclass
    except FrontMatterRefused:
        raise
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            data = None
    if not isinstance(data, Mapping):
        return {}
    out = _bounded(data)
    assert isinstance(out, dict)
    return out


def meta_title(meta: Mapping[str, Any]) -> str | None:
    for key in TITLE_KEYS:
        v = meta.get(key)
        if isinstance(v, str) and v.strip():
            return " ".join(v.split())
    return None


def meta_published(meta: Mapping[str, Any]) -> str | None:
    for key in PUBLISHED_KEYS:
        v = meta.get(key)
        if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip():
            return str(v).strip()
    return None


def normalise(raw: str | None) -> TimeValue | None:
    """``histograph.time.normalise_date_string``, tolerant of a missing or failing engine."""
    if not raw:
        return None
    try:
        from ..time import normalise_date_string

        return normalise_date_string(raw)
    except Exception:  # the date engine must never stop ingest
        return None


_TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_STAMP_LABEL = re.compile(
    r"^\s*(?:first published|published|last updated|updated|posted|last modified|dated|date)\b",
    re.IGNORECASE,
)


def dateline_published(text: str, regions: Sequence[Region]) -> str | None:
    """A publication stamp in the text: a ``dateline`` region near the top that carries a
    time of day or a "Published/Updated" label, stands next to a byline or right under
    the title."""
    narrative_seen = 0
    for i, r in enumerate(regions):
        if r.kind == "narrative":
            narrative_seen += 1
            if narrative_seen > 1:
                break
        if r.kind != "dateline":
            continue
        s = text[r.start : r.end]
        near = [regions[j].kind for j in (i - 1, i + 1) if 0 <= j < len(regions)]
        # histograph.clean keeps the kind "dateline" for publication stamps only
        if (
            _TIME_OF_DAY.search(s)
            or _STAMP_LABEL.match(s)
            or "byline" in near
            or near[:1] == ["title"]
        ):
            s = _STAMP_LABEL.sub("", s).strip()
            return " ".join(re.sub(r"^(?:on\b)?\s*:?\s*", "", s).split())
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")
_HASHTAGS = re.compile(r"(?:^|\s)#\w[\w-]*")


def fallback_title(text: str, regions: Sequence[Region], limit: int = 120) -> str | None:
    """The opening sentence of the first narrative region (for pages without a heading)."""
    for r in regions:
        if r.kind in {"narrative", "list_item", "quote"}:
            first = _SENTENCE_END.split(" ".join(text[r.start : r.end].split()), maxsplit=1)[0]
            first = _HASHTAGS.sub(" ", first).strip()
            if not first:
                continue
            return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
    return None
