"""The merge's per-document preparation, made once as each analysis arrives.

Ingest stores each document's analysis as it completes (from a worker, a Dask task or this
process) and merges once at the end. What the merge reads of one document alone does not
depend on the others: its component keys (:func:`.incremental.document_keys`), the
shingles and MinHash of its content (:func:`histograph.ingest.dedup.copy_print`: the
content is that of the regions the clean stage already marked, not marked a second time)
the hashes of its word n-grams (:func:`histograph.ingest.dedup.passage_print`) and the
counts and amounts it states (:func:`histograph.events.quantities.find_quantities`).
:class:`Prepared` makes them as each analysis arrives (while workers are still parsing the
next documents) and keeps them, with the analysis itself, for the merge that follows: the
merge neither reads the analyses back from the store nor repeats that work. What it keeps is
bounded (:data:`KEEP_CHARS` characters of text); past that, a document's analysis is read
back and its prints made at the merge, as before. Results are the same either way.

With workers (``--jobs``, ``--dask``) the preparation is made on the worker, right after
the analysis (:func:`prepare_analysed` is the task they run): it is a function of the
one document, and the parent, which stores every analysis and merges them at the end, is
the busiest process of an ingest. The :class:`DocPrep` arrives with its analysis and is
kept as it is (:meth:`Prepared.keep`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ..events.quantities import Quantity, find_quantities
from ..ingest.dedup import CopyPrint, PassagePrint, copy_print, passage_print
from ..model import Analysis
from ..pipeline import WINDOW_CHARS, Pipeline
from .incremental import document_keys

#: the most characters of document text whose analyses and prints are kept for the merge
#: (the analyses of 20 million characters take about a gigabyte)
KEEP_CHARS = 20_000_000


@lru_cache(maxsize=1)
def warm_merge() -> None:
    """Load the tables the merge builds on first use and that a short page does not reach
    (the gazetteer's subdivisions from pycountry, the data files of the measures, of open
    headings and of office titles), once per process: an add calls it as its first analysis
    arrives, so that with workers this overlaps their parsing instead of lengthening the
    merge that follows."""
    import importlib

    from ..entities.states import gazetteer
    from ..events.quantities import side_measures
    from .conflicts import _open_bounds
    from .person_conflicts import _data

    gazetteer().states_within("")
    side_measures()
    _open_bounds()
    _data()
    importlib.import_module("datasketch")  # copy detection's (prints made on workers)


@dataclass(frozen=True)
class DocPrep:
    """One document's analysis and what the merge reads of it alone."""

    analysis: Analysis
    keys: dict[str, int]
    copy: CopyPrint
    passages: PassagePrint
    #: the counts and amounts the document states, in text order
    quantities: tuple[Quantity, ...] = ()


#: the stage whose regions are those :func:`histograph.clean.mark_regions` gives
_CLEAN_STAGE = "histograph.clean.v1"


def regions_marked(pipeline: Pipeline, analysis: Analysis) -> bool:
    """True when ``analysis``'s regions are those :func:`histograph.clean.mark_regions`
    gives for its document (``pipeline`` has the clean stage and read it whole, not in
    windows), so that copy detection may use them."""
    return _CLEAN_STAGE in pipeline.names and len(analysis.document.text) <= WINDOW_CHARS


def prepare_analysed(pipeline: Pipeline, analysis: Analysis) -> DocPrep:
    """The task an ingest's workers run on each analysis they make
    (:data:`histograph.pipeline.Task`): its :class:`DocPrep`, made where the analysis was."""
    return prepare(analysis, regions_marked=regions_marked(pipeline, analysis))


def prepare(analysis: Analysis, *, regions_marked: bool) -> DocPrep:
    """The :class:`DocPrep` of ``analysis``; ``regions_marked``: its regions are those that
    :func:`histograph.clean.mark_regions` gives for its text (the default clean stage ran on
    the whole text), so copy detection uses them instead of marking them again."""
    doc = analysis.document
    return DocPrep(
        analysis=analysis,
        keys=document_keys(analysis),
        copy=copy_print(doc, analysis.regions if regions_marked else None),
        passages=passage_print(doc.text),
        quantities=tuple(find_quantities(analysis)),
    )


_T = TypeVar("_T")


class _View(Mapping[str, _T]):
    """A read-only view of one field of every kept :class:`DocPrep`, by document id."""

    def __init__(self, docs: Mapping[str, DocPrep], field: Callable[[DocPrep], _T]) -> None:
        self._docs = docs
        self._field = field

    def __getitem__(self, doc_id: str) -> _T:
        return self._field(self._docs[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


class Prepared:
    """The :class:`DocPrep` of the documents that arrived since the last merge, up to
    ``keep_chars`` characters of their text."""

    def __init__(self, keep_chars: int = KEEP_CHARS) -> None:
        self.keep_chars = keep_chars
        self._docs: dict[str, DocPrep] = {}
        self._chars = 0

    def add(self, analysis: Analysis, *, regions_marked: bool) -> DocPrep:
        """Prepare ``analysis`` and keep it while the budget allows."""
        return self.keep(prepare(analysis, regions_marked=regions_marked))

    def keep(self, prep: DocPrep) -> DocPrep:
        """Keep ``prep`` (made elsewhere, e.g. on a worker) while the budget allows."""
        doc = prep.analysis.document
        n = len(doc.text)
        if doc.id not in self._docs and self._chars + n <= self.keep_chars:
            self._docs[doc.id] = prep
            self._chars += n
        return prep

    def get(self, doc_id: str) -> DocPrep | None:
        return self._docs.get(doc_id)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def copy_prints(self) -> Mapping[str, CopyPrint]:
        return _View(self._docs, lambda p: p.copy)

    @property
    def passage_prints(self) -> Mapping[str, PassagePrint]:
        return _View(self._docs, lambda p: p.passages)

    @property
    def quantities(self) -> Mapping[str, tuple[Quantity, ...]]:
        return _View(self._docs, lambda p: p.quantities)

    def clear(self) -> None:
        self._docs.clear()
        self._chars = 0
