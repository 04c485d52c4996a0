"""What a server does once at its start so that its first reader does not pay: the data
and templates read when the app is made, the loaded objects moved out of the cyclic
collector's walks (``settle``)."""

from __future__ import annotations

import gc
from pathlib import Path

from histograph.store import open_store
from histograph.web import templating
from histograph.web.app import create_app, settle
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
