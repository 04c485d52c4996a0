"""Entity mentions (people, states, organisations, places) and roles/titles of people.

STUB: the entities owner replaces this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EntityMention
from ..registry import stage

if TYPE_CHECKING:
    from ..pipeline import DocState


@stage(
    "histograph.entities.v1",
    requires=("segments", "times"),
    assigns=("entities", "roles"),
)
def entities_stage(state: DocState) -> None:
    for seg in state.segments:
        for ent in seg.doc.ents:
            if ent.label_ == "PERSON":
                s = seg.offset + ent.start_char
                state.entities.append(
                    EntityMention(state.document.id, s, s + len(ent.text), ent.text, "PERSON", ent.text)
                )
