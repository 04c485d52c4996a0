"""'X did not happen until <time>' tells when X happened: the act is asserted and dated by
its "until" phrase; a plain negation stays negated. The page is written for these tests."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow

PAGE = (
    "The long peace\n"
    "\n"
    "The envoys met at the castle in 1646. The delegates did not agree on the borders until "
    "October 1648. The emperor did not sign the second treaty.\n"
)


def _by_trigger() -> dict[str, tuple[str, str | None]]:
    a = build().analyze(read_text(PAGE, uri="t.txt", fmt="txt"))
    return {
        PAGE[m.trigger_start : m.trigger_end]: (m.modality, m.time.value if m.time else None)
        for m in a.events
    }


def test_not_until_is_asserted_at_its_time() -> None:
    assert _by_trigger()["agree"] == ("asserted", "1648-10")


def test_a_plain_negation_stays_negated() -> None:
    assert _by_trigger()["sign"][0] == "negated"


NEGATION_SCOPE = (
    "Talks\n"
    "\n"
    "The king was not satisfied and opened negotiations with Spain in 1493. "
    "The king did not sign or ratify the treaty in 1494. "
    "The council did not meet and the treaty was signed in 1496.\n"
)


@pytest.mark.parametrize(
    ("trigger", "modality"),
    [
        ("opened", "asserted"),  # a conjunct with a tense of its own
        ("ratify", "negated"),  # a bare conjunct shares the "not"
        ("signed", "asserted"),  # a conjunct with a subject of its own
        ("meet", "negated"),
    ],
)
def test_a_negation_reaches_only_the_conjuncts_that_share_it(trigger: str, modality: str) -> None:
    a = build().analyze(read_text(NEGATION_SCOPE, uri="t.txt", fmt="txt"))
    found = {NEGATION_SCOPE[m.trigger_start : m.trigger_end]: m.modality for m in a.events}
    assert found[trigger] == modality
