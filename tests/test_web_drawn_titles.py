"""The drawn timeline reads stored titles by index; a stored clause that starts inside its
sentence ("was removed in June 1922") takes its headline from the source, as the list does."""

from __future__ import annotations

from pathlib import Path

from histograph.api import Histograph
from histograph.ingest import read_text
from histograph.render.titles import headline
from histograph.web.views import Filters, Views

PAGE = """Border crossings of the old town

The river gate was built in 1870 to control the trade across the bridge.
The old crossing lost its purpose after the border opened in May 1921 and was removed in June 1922.
"""


def test_no_drawn_title_starts_inside_its_sentence(tmp_path: Path) -> None:
    hg = Histograph(str(tmp_path / "kb.db"))
    hg.add_documents([read_text(PAGE, "crossings.md")])
    items = Views(hg).timeline_items(Filters())["items"]
    assert items
    by_id = {e.id: e for e in hg.events(limit=None)}
    for item in items:
        first = next(c for c in item["title"] if c.isalpha())
        assert first.isupper(), item["title"]
        e = by_id[item["id"]]
        if next(c for c in e.title if c.isalpha()).islower():
            assert item["title"] == headline(e, hg.quote)
