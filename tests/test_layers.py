"""The store depends on the data model only: a backend never imports a pipeline stage."""

from __future__ import annotations

import ast
from pathlib import Path

import histograph.store

STORE = Path(histograph.store.__file__).parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.add("." * node.level + (node.module or ""))
    return found


def test_store_modules_import_only_the_model_and_each_other() -> None:
    for path in sorted(STORE.glob("*.py")):
        parents = {m for m in _imports(path) if m.startswith("..")}
        assert parents <= {"..model"}, f"{path.name} imports {sorted(parents)}"


def test_authority_record_is_a_model_type() -> None:
    from histograph.entities.authority import AuthorityRecord as Reexported
    from histograph.model import AuthorityRecord

    assert Reexported is AuthorityRecord
    rec = AuthorityRecord("Q1", "Ada Example", ("A. Example",), earliest=0, latest=10)
    assert rec.names == ("Ada Example", "A. Example")
    assert rec.dates == "0001-01-01/0001-01-11" and rec.alive(5, 20) and not rec.alive(11, 20)
