"""Sanctions on people named by what they were, not by name ("fifteen leaders were executed",
"the ringleaders were hanged") are repression, as they are for named people. The page is
written for these tests."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow

PAGE = (
    "The mutiny\n"
    "\n"
    "In 1797 the ringleaders were hanged at the dockyard. "
    "In 1798 twelve officers were imprisoned in the fortress.\n"
)


@pytest.mark.parametrize("trigger", ["hanged", "imprisoned"])
def test_sanctions_on_unnamed_people_are_repression(trigger: str) -> None:
    a = build().analyze(read_text(PAGE, uri="t.txt", fmt="txt"))
    types = {PAGE[m.trigger_start : m.trigger_end]: m.type for m in a.events}
    assert types.get(trigger) == "purge_or_repression"
