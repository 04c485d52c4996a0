from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from histograph.model import civil_from_day, day_number


@given(st.dates())
def test_day_number_matches_python_ordinals(d: dt.date) -> None:
    assert day_number(d.year, d.month, d.day) == d.toordinal() - 1


@given(st.integers(min_value=-2_000_000, max_value=3_000_000))
def test_civil_round_trip_including_bc(n: int) -> None:
    assert day_number(*civil_from_day(n)) == n
