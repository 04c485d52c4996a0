"""What every page shows, as JSON-ready dicts built from the Python API.

The web pages, the JSON API (``/api/...``) and the static site export all render these
dicts, so a page never knows anything its API does not return. Nothing here writes to the
store, and nothing here produces markup: escaping is the templates' job (autoescape on).

Split by page family, each a class over :class:`~.views_base.ViewsBase` (the cached
lookups every page shares: names, flags, documents, facets per state of the store, and the
summary of an event), brought together here as :class:`Views`:

- :mod:`.views_timeline`: the timeline, its facets and drawn items, on-this-day;
- :mod:`.views_people`: the people and a person's page;
- :mod:`.views_events`: an event's page, the conflicts, search;
- :mod:`.views_sources`: the sources and a source's page.
"""

from __future__ import annotations

from .views_base import (
    MAX_FACETS,
    MAX_PAGE,
    MAX_TIMELINE_ITEMS,
    PAGE_SIZE,
    PERSON_COUNT_UP_TO,
    PERSON_EVENTS,
    BadRequest,
    Filters,
    NotFound,
    check_page,
    css_class,
    date_info,
    page_info,
    source_name,
)
from .views_events import OPEN_PASSAGES, EventViews, _by_source, _one_per_span
from .views_people import PeopleViews
from .views_sources import SourceViews, Span, segment
from .views_timeline import TimelineViews, drawn_item, focus_window, summarise


class Views(TimelineViews, PeopleViews, EventViews, SourceViews):
    """Builds page data from a :class:`Histograph` (opened read-only by the web app)."""


__all__ = [
    "MAX_FACETS",
    "MAX_PAGE",
    "MAX_TIMELINE_ITEMS",
    "OPEN_PASSAGES",
    "PAGE_SIZE",
    "PERSON_COUNT_UP_TO",
    "PERSON_EVENTS",
    "BadRequest",
    "Filters",
    "NotFound",
    "Span",
    "Views",
    "_by_source",
    "_one_per_span",
    "check_page",
    "css_class",
    "date_info",
    "drawn_item",
    "focus_window",
    "page_info",
    "segment",
    "source_name",
    "summarise",
]
