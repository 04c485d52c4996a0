"""The date engine: a tagger that finds temporal expressions and a normaliser that
resolves them in their document context (DCT, narrative, other events).

Public functions (stable names):

* :func:`tag_dates` — standalone: every temporal expression of a text, normalised;
* :func:`tag_document` — a whole document, with its regions as structure (headings,
  list items, datelines) -> (mentions, publication date);
* :func:`normalise_date_string` — metadata dates (ISO 8601, RFC 2822, prose);
* :func:`parse_value` / :func:`to_timex3` — value strings <-> TimeValue (see
  :mod:`histograph.time.values` for the grammar: ``193X`` decades, ``19XX`` centuries,
  ``1933-SP`` seasons, ``A/B`` intervals, ``BC0550`` = 550 BC);
* :func:`explain_date_difference` — precision / calendar / time-zone explanations.

Language data lives in ``time/data/*.yaml``; the rules are compiled from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import TimeMention, TimeValue
from ..registry import stage
from .compare import explain_date_difference
from .document import tag_document
from .engine import coerce_dct, normalise_date_string, run, tag_timex3, to_mentions
from .values import parse_value, to_timex3

if TYPE_CHECKING:
    from ..state import DocState

__all__ = [
    "explain_date_difference",
    "normalise_date_string",
    "parse_value",
    "tag_dates",
    "tag_document",
    "tag_timex3",
    "to_timex3",
]


def tag_dates(
    text: str,
    dct: TimeValue | str | None = None,
    doc_id: str = "",
    *,
    day_first: bool | None = None,
) -> list[TimeMention]:
    """Find and normalise every temporal expression in ``text``.

    ``dct`` is the document creation time (a TimeValue or a value/metadata string).
    ``day_first`` chooses 05/06/1933 = 5 June (True) or May 6 (False/None, US order) when
    both readings are valid."""
    resolved = run(text, coerce_dct(dct), day_first=day_first)
    return to_mentions(text, resolved, doc_id)


@stage("histograph.time.v1", requires=("regions",), assigns=("times", "published"))
def time_stage(state: DocState) -> None:
    state.times, state.published = tag_document(state.document, state.regions)
