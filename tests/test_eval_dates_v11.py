"""FORMAT.md v1.1: BC dates are ISO 8601 expanded years with astronomical numbering."""

from __future__ import annotations

import pytest

from histograph import tag_dates
from histograph.eval.dates import date_range, to_gold_date, within
from histograph.model import day_number


@pytest.mark.parametrize(
    ("sentence", "gold"),
    [
        ("The consul was killed on 15 March 44 BC.", "-0043-03-15"),
        ("In 490 BC the fleet landed.", "-0489"),
        ("In March 44 BC the senate met.", "-0043-03"),
        ("The war lasted from 490 BC to 479 BC.", "-0489/-0478"),
        ("The reign ran from 10 BC to AD 5.", "-0009/0005"),
        ("It happened in 1 BC.", "0000"),
    ],
)
def test_bc_values_are_written_with_astronomical_years(sentence: str, gold: str) -> None:
    (tm,) = [t for t in tag_dates(sentence) if t.value is not None]
    assert to_gold_date(tm.value) == gold
    rng = date_range(gold)
    assert rng == (tm.value.earliest, tm.value.latest)


def test_bc_ranges_order_before_ad() -> None:
    assert date_range("-0043-03-15") == (day_number(-43, 3, 15), day_number(-43, 3, 15))
    a, b = date_range("-0044"), date_range("-0043")
    assert a is not None and b is not None and a[1] < b[0]
    inner = date_range("-0043-03-15")
    outer = date_range("-0490/-0043")
    assert inner is not None and outer is not None and within(inner, outer)
    assert date_range("-004X") is None and date_range("BC0044") is None
