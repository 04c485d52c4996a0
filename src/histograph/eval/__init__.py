"""Evaluation against the shared gold format (``../shared/eval/FORMAT.md``).

- :func:`score_cluster` / :func:`micro`: the scorer (FORMAT.md §4);
- :func:`system_output`: a :class:`~histograph.model.KnowledgeBase` as §3 JSON;
- :func:`run_eval`: build, convert, write and score a whole corpus.
"""

from __future__ import annotations

from .dates import date_range, to_gold_date
from .runner import run_eval, system_output
from .scorer import base, gold_skip_reason, micro, norm, score_cluster

__all__ = [
    "base",
    "date_range",
    "gold_skip_reason",
    "micro",
    "norm",
    "run_eval",
    "score_cluster",
    "system_output",
    "to_gold_date",
]
