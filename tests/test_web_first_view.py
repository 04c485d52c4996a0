"""What a server does once at its start so that its first reader does not pay: the data
and templates read when the app is made, the loaded objects moved out of the cyclic
collector's walks (``settle``)."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from histograph.model import KnowledgeBase
from histograph.store import open_store
from histograph.web import templating, views_base
from histograph.web.app import create_app, settle
from histograph.web.views import Filters
from test_store_queries import small_kb


def test_the_app_reads_its_templates_when_made(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(str(db)) as s:
        s.replace_knowledge(small_kb())
    templating.environment.cache_clear()
    create_app(str(db))
    env = templating.environment()
    assert env.cache is not None
    names = {name for (_, name) in env.cache}
    assert {"timeline.html", "event.html", "people.html"} <= names


def test_settle_freezes_what_is_loaded_and_can_be_undone() -> None:
    try:
        settle()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def _counting_summaries(app: object) -> list[int]:
    """Counts the drawn timeline's reads of the app's store from now on."""
    store = app.state.histograph.store  # type: ignore[attr-defined]
    calls = [0]
    read = store.event_summaries

    def counted(**kw: object) -> object:
        calls[0] += 1
        return read(**kw)

    store.event_summaries = counted
    return calls


def test_the_app_reads_the_whole_timelines_facets_and_drawn_items_when_made(
    tmp_path: Path,
) -> None:
    db = tmp_path / "k.db"
    with open_store(str(db)) as s:
        s.replace_knowledge(small_kb())
    app = create_app(str(db))
    views = app.state.views
    assert views._facets and views._items  # read at the start
    calls = _counting_summaries(app)
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
        assert client.get("/?offset=50").status_code == 200
    assert calls[0] == 0  # the first view drew the items read at the start


def test_a_write_after_the_app_is_made_is_seen_by_its_first_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "k.db"
    with open_store(str(db)) as s:
        s.replace_knowledge(small_kb())
    now = time.monotonic()
    monkeypatch.setattr(views_base.time, "monotonic", lambda: now)  # no time passes
    app = create_app(str(db))
    assert app.state.views.timeline_items(Filters())["items"]
    with open_store(str(db)) as s:  # another process re-ingests into the same file
        s.replace_knowledge(KnowledgeBase())
    app = create_app(str(db))
    with open_store(str(db)) as s:
        s.replace_knowledge(small_kb())
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
    assert app.state.views.timeline_items(Filters())["items"]
