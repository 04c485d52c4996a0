"""Event mentions: triggers (as data), arguments from the parse, modality, structure.

STUB: the events owner replaces this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import stage

if TYPE_CHECKING:
    from ..pipeline import DocState


@stage(
    "histograph.events.v1",
    requires=("segments", "sentences", "times", "entities"),
    assigns=("events",),
)
def events_stage(state: DocState) -> None:
    return None
