from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import RoleClaim

if TYPE_CHECKING:
    from ..pipeline import DocState
    from .mentions import DocEntities


def extract_roles(state: DocState, ents: DocEntities) -> list[RoleClaim]:
    return []
