"""Dates stated nearby: a relative date restated by an explicit one, circa, intervals,
future weekdays (sentences written for these tests)."""

from __future__ import annotations

from histograph import tag_dates


def _values(text: str, dct: str | None = None) -> dict[str, tuple[str | None, bool]]:
    return {
        t.text: (t.value.value if t.value else None, bool(t.value and t.value.approximate))
        for t in tag_dates(text, dct=dct)
    }


def test_relative_date_restated_by_an_explicit_one() -> None:
    v = _values(
        "The duke died on 3 March 1702. Three weeks later, on 24 March 1702, the fleet sailed."
    )
    assert v["Three weeks later"][0] == "1702-03-24"


def test_relative_date_without_restatement_is_counted() -> None:
    v = _values("The duke died on 3 March 1702. The following day his heir was proclaimed.")
    assert v["The following day"][0] == "1702-03-04"


def test_circa_keeps_its_approximation() -> None:
    assert _values("Around 1520 the workshop moved to Antwerp.")["1520"] == ("1520", True)
    assert _values("The chapel was built c. 1130.")["c. 1130"] == ("1130", True)
    assert _values("The chapel was built in 1130.")["1130"] == ("1130", False)


def test_from_to_is_one_interval() -> None:
    assert (
        _values("From 3 to 9 May 1702 the siege went on.")["3 to 9 May 1702"][0]
        == "1702-05-03/1702-05-09"
    )


def test_due_to_reopen_on_friday_is_a_future_friday() -> None:
    # 4 March 2020 was a Wednesday
    assert (
        _values("The museum is due to reopen on Friday.", dct="2020-03-04")["Friday"][0]
        == "2020-03-06"
    )
