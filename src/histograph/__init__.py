"""histograph: documents about history in, a cited, cross-checked knowledge base out.

>>> from histograph import Histograph
>>> hg = Histograph("history.db")
>>> report = hg.ingest(["docs/"])
>>> for event in hg.timeline(entity="Litvinov"):
...     print(event.date, event.title)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Histograph", "IngestReport", "__version__", "tag_dates"]

if TYPE_CHECKING:
    from .api import Histograph, IngestReport
    from .time import tag_dates


def __getattr__(name: str) -> Any:
    # lazy: importing histograph must not load spaCy
    if name in ("Histograph", "IngestReport"):
        from . import api

        return getattr(api, name)
    if name == "tag_dates":
        from .time import tag_dates

        return tag_dates
    raise AttributeError(name)
