"""Entity mentions (people, states, organisations, places) and roles/titles of people.

Stage ``histograph.entities.v1``: reads ``state.segments`` (content regions parsed by spaCy)
and ``state.times``; assigns ``state.entities`` (:class:`~histograph.model.EntityMention`,
labels PERSON, STATE, NORP, GPE, LOC, ORG; ``key`` = the fullest name of the person in the
document, or the state id of ``data/states.yaml``) and ``state.roles``
(:class:`~histograph.model.RoleClaim`, one per title stated in the text, with the span that
states it, the office of ``data/offices.yaml`` and dates when the text gives them).
People of bylines and credits in unparsed regions come from :mod:`.credits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import stage
from .credits import credit_people, credit_roles
from .mentions import find_mentions
from .roles import extract_roles

if TYPE_CHECKING:
    from ..state import DocState

__all__ = ["entities_stage", "extract_roles", "find_mentions"]


@stage(
    "histograph.entities.v1",
    requires=("segments", "times"),
    assigns=("entities", "roles"),
)
def entities_stage(state: DocState) -> None:
    ents = find_mentions(state)
    found = ents.to_entity_mentions(state.document.id)
    doc = state.document
    credited = credit_people(doc.id, doc.text, state.regions, found)
    state.entities = sorted([*found, *credited], key=lambda m: (m.start, m.end, m.label))
    roles = extract_roles(state, ents)
    credited_roles = credit_roles(doc.id, doc.text, state.entities)
    stated = {(r.person, r.start) for r in roles}
    state.roles = [*roles, *(r for r in credited_roles if (r.person, r.start) not in stated)]
