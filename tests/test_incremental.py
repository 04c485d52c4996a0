"""The incremental contract: documents ingested in several batches (each one a merge that
writes only what changed), then some removed, give the same knowledge base -- the same
``export --format json`` -- as one merge of the same documents from scratch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import shared_path
from histograph.api import Histograph
from histograph.ingest import read_paths, read_text
from histograph.model import Document
from histograph.render.export import export

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _hash(hg: Histograph) -> str:
    return hashlib.sha256(export(hg, "json").encode("utf-8")).hexdigest()


def _documents(folder: Path) -> list[Document]:
    return [d for d in read_paths([str(folder)]) if isinstance(d, Document)]


def _from_scratch(tmp: Path, name: str, source: Histograph, keep: set[str]) -> str:
    """A new store holding the analyses of ``keep`` (taken from ``source``), merged once."""
    with Histograph(str(tmp / name)) as hg:
        for a in source.analyses():
            if a.document.id in keep:
                hg.store.add_analysis(a)
        hg.rebuild()
        return _hash(hg)


def _check(folder: Path, tmp: Path) -> None:
    docs = _documents(folder)
    assert docs, folder
    batches = [docs[k::3] for k in range(3)]
    with Histograph(str(tmp / "inc.db")) as hg:
        for batch in batches:
            report = hg.add_documents(batch)
            assert report.failure is None and not report.errors
        everything = {d.id for d in docs}
        assert _hash(hg) == _from_scratch(tmp, "all.db", hg, everything)
        gone = batches[1][:2]
        hg.remove([d.id for d in gone])
        assert _hash(hg) == _from_scratch(tmp, "rest.db", hg, everything - {d.id for d in gone})


@pytest.mark.parametrize("corpus", ["heldout", "test", "wide"])
def test_batches_equal_one_merge_on_the_project_corpora(corpus: str, tmp_path: Path) -> None:
    _check(ROOT / "corpora" / corpus / "docs", tmp_path)


@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["eval", "eval-wide"])
def test_batches_equal_one_merge_on_the_shared_corpora(corpus: str, tmp_path: Path) -> None:
    _check(shared_path(corpus, "docs"), tmp_path)


def test_a_new_version_of_a_file_equals_a_merge_of_the_versions_kept(tmp_path: Path) -> None:
    first = (
        "On 3 May 1712 the envoy Anton Keller signed a treaty with the duchy of Varnia in "
        "Hollstadt. On 9 June 1712 Keller met the duke in Ostrel."
    )
    other = "On 4 May 1712 the council of Varnia ratified the treaty that Anton Keller signed."
    changed = first.replace("9 June", "19 June")
    with Histograph(str(tmp_path / "inc.db")) as hg:
        hg.add_documents([read_text(first, uri="a.txt", meta={"origin": "a.txt"})])
        hg.add_documents([read_text(other, uri="b.txt", meta={"origin": "b.txt"})])
        report = hg.add_documents([read_text(changed, uri="a.txt", meta={"origin": "a.txt"})])
        assert report.replaced
        kept = {d.id for d in hg.sources()}
        assert len(kept) == 2
        assert _hash(hg) == _from_scratch(tmp_path, "all.db", hg, kept)
