"""Near-duplicate detection: "copy of" links between documents, and copied passages.

* :func:`find_copies` — whole-document near-copies. Each document is shingled into word
  3-grams of its content regions (title, headings, narrative, lists, captions, quotes: the
  site's own debris does not make two pages similar); MinHash + LSH (datasketch) proposes
  candidate pairs, and the exact Jaccard similarity of the shingle sets decides. A later
  document is linked to the earlier one (input order) it resembles most when the Jaccard
  similarity reaches ``threshold``, or when at least ``containment`` of its shingles occur
  in the earlier document (an excerpt is a copy too). Documents with the same id are one
  document and are never linked.
* :func:`find_copied_passages` — long passages copied (nearly) verbatim between documents,
  with exact character offsets in both: word 5-gram matches chained along a diagonal,
  tolerating small edits, kept when they span at least ``min_words`` words. Use it to treat
  claims inside a copied passage as non-independent even when the documents as a whole
  are different.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import CONTENT_REGIONS, CopyLink, Document, Region

_WORD = re.compile(r"\w+", re.UNICODE)
_NUM_PERM = 128


def _content_text(doc: Document, regions: Sequence[Region] | None = None) -> str:
    """The text of the document's content regions (``regions``: the document's own, as the
    clean stage marked them, else marked here), or its whole text when it has none."""
    if regions is None:
        from ..clean import mark_regions

        regions = mark_regions(doc)
    content = [r for r in regions if r.kind in CONTENT_REGIONS]
    if not content:
        return doc.text
    return "\n".join(doc.text[r.start : r.end] for r in content)


class CopyPrint(NamedTuple):
    """What :func:`find_copies` compares of one document: its content shingles and their
    MinHash (None when it has fewer than ``min_shingles``: too short to judge). Made once
    per document (:func:`copy_print`), e.g. as its analysis arrives, not at each merge."""

    shingles: frozenset[str]
    minhash: Any
    shingle_size: int
    min_shingles: int


def copy_print(
    doc: Document,
    regions: Sequence[Region] | None = None,
    *,
    shingle_size: int = 3,
    min_shingles: int = 20,
) -> CopyPrint:
    """The :class:`CopyPrint` of ``doc``; ``regions``: its regions as the clean stage marked
    them (the same as :func:`histograph.clean.mark_regions` gives), else marked here."""
    sh = frozenset(shingles(_content_text(doc, regions), shingle_size))
    mh = None
    if len(sh) >= min_shingles:
        from datasketch import MinHash

        perms, scheme = _permutations(_NUM_PERM)
        mh = MinHash(num_perm=_NUM_PERM, permutations=perms, scheme=scheme)
        mh.update_batch([s.encode("utf-8") for s in sh])
    return CopyPrint(sh, mh, shingle_size, min_shingles)


@lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The bands and rows datasketch chooses for ``threshold``: its choice integrates
    numerically (about 0.3 s), once per threshold here instead of once per call (a merge
    of many small components calls :func:`find_copies` once a component)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[Any, Any]:
    """The permutations of datasketch's MinHash (seed 1) and their scheme, made once: a
    MinHash makes them afresh each time otherwise (a third of the hashing of a short page)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=num_perm)
    return mh.permutations, mh.scheme


def shingles(text: str, n: int = 3) -> set[str]:
    """Lower-cased word n-grams of ``text`` (the whole text as one shingle when shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def find_copies(
    documents: Sequence[Document],
    threshold: float = 0.5,
    *,
    containment: float | None = 0.8,
    shingle_size: int = 3,
    min_shingles: int = 20,
    prints: Mapping[str, CopyPrint] | None = None,
) -> list[CopyLink]:
    """Links from each near-copy to the earlier document it copies (input order).

    ``similarity`` in each link is the exact Jaccard similarity of the two shingle sets
    (or the containment of the later document in the earlier one, when that is what made
    it a copy). Documents with fewer than ``min_shingles`` shingles are too short to judge
    and are never linked (a one-line post matches anything that quotes it). ``prints``:
    documents' :class:`CopyPrint` made beforehand (by id; the others are made here).
    """
    if len({d.id for d in documents}) < 2:
        return []  # documents with one id are one document: never linked (nor shingled)
    from datasketch import MinHashLSH

    lsh_threshold = min(threshold, 0.2 if containment is not None else threshold)
    params = _lsh_params(max(lsh_threshold, 0.05), _NUM_PERM)
    lsh = MinHashLSH(num_perm=_NUM_PERM, params=params)
    links: list[CopyLink] = []
    seen_ids: dict[str, int] = {}
    sets: list[frozenset[str]] = []
    for i, doc in enumerate(documents):
        cp = prints.get(doc.id) if prints is not None else None
        if cp is None or (cp.shingle_size, cp.min_shingles) != (shingle_size, min_shingles):
            cp = copy_print(doc, shingle_size=shingle_size, min_shingles=min_shingles)
        sh = cp.shingles
        sets.append(sh)
        if doc.id in seen_ids or cp.minhash is None:
            seen_ids.setdefault(doc.id, i)
            continue
        seen_ids[doc.id] = i
        mh = cp.minhash
        best: tuple[float, int] | None = None
        for key in lsh.query(mh):
            j = int(key)
            other = sets[j]
            if documents[j].id == doc.id:
                continue
            inter = len(sh & other)
            if not inter:
                continue
            jac = inter / len(sh | other)
            score = jac if jac >= threshold else 0.0
            if containment is not None and score == 0.0 and inter / len(sh) >= containment:
                score = inter / len(sh)
            if score > 0.0 and (
                best is None or score > best[0] or (score == best[0] and j < best[1])
            ):
                best = (score, j)
        if best is not None:
            links.append(CopyLink(doc.id, documents[best[1]].id, round(best[0], 4)))
        lsh.insert(str(i), mh)
    return links


class CopiedPassage(NamedTuple):
    """A passage of ``doc_a`` (earlier in input order) copied into ``doc_b``: offsets are
    ``[start, end)`` character spans of each document's text."""

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _h(words: Sequence[tuple[str, int, int]]) -> bytes:
    return hashlib.blake2b(" ".join(w for w, _, _ in words).encode("utf-8"), digest_size=8).digest()


class PassagePrint(NamedTuple):
    """What :func:`find_copied_passages` reads of one document: its words' character spans
    and the hash of the word ``ngram``-gram starting at each word (:func:`_h`, as an
    unsigned 64-bit integer). Made once per document (:func:`passage_print`), e.g. as its
    analysis arrives."""

    spans: tuple[tuple[int, int], ...]
    hashes: Any  # numpy array of uint64, one per n-gram position
    ngram: int


def passage_print(text: str, ngram: int = 5) -> PassagePrint:
    """The :class:`PassagePrint` of a document's ``text``."""
    import numpy as np

    toks = _tokens(text)
    words = [w for w, _, _ in toks]
    memo: dict[str, bytes] = {}
    hashes: list[bytes] = []
    for p in range(len(toks) - ngram + 1):
        gram = " ".join(words[p : p + ngram])
        h = memo.get(gram)
        if h is None:
            h = memo[gram] = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
        hashes.append(h)
    codes = np.frombuffer(b"".join(hashes), dtype="<u8").astype(np.uint64)
    return PassagePrint(tuple((s, e) for _, s, e in toks), codes, ngram)


def find_copied_passages(
    documents: Sequence[Document],
    min_words: int = 25,
    *,
    ngram: int = 5,
    max_gap: int = 12,
    max_shift: int = 4,
    common_limit: int = 50,
    prints: Mapping[str, PassagePrint] | None = None,
) -> list[CopiedPassage]:
    """Long passages shared (nearly verbatim) between two documents.

    Word ``ngram``-grams found in both documents are chained when they follow each other in
    both texts with gaps of at most ``max_gap`` words and a drift (words inserted/deleted on
    one side) of at most ``max_shift``; a chain covering at least ``min_words`` words of the
    later document is reported. N-grams found in more than ``common_limit`` documents (site
    boilerplate, set phrases) are ignored. Pairs are reported once, earlier document first.
    ``prints``: documents' :class:`PassagePrint` made beforehand (by id; the others are
    made here).
    """
    pp: list[PassagePrint] = []
    for d in documents:
        got = prints.get(d.id) if prints is not None else None
        pp.append(got if got is not None and got.ngram == ngram else passage_print(d.text, ngram))
    need = _min_matches(min_words, ngram, max_gap)
    found: list[tuple[int, CopiedPassage]] = []
    ids = [d.id for d in documents]
    nd = len(documents)
    for key, pas, pbs in _matches(pp, ids, common_limit, need):
        a, b = divmod(key, nd)
        chains: list[list[int]] = []  # [start_a, start_b, last_a, last_b]
        # the chains that may still grow, in the order made: the matches come by position in
        # a, so a chain ending more than max_gap words before one never grows again
        live: list[list[int]] = []
        at_a = -1
        for pa, pb in zip(pas, pbs, strict=True):
            if pa != at_a:
                at_a = pa
                live = [ch for ch in live if pa - ch[2] <= max_gap]
            for ch in live:
                da, db = pa - ch[2], pb - ch[3]
                if 0 < da <= max_gap and 0 < db <= max_gap and abs(da - db) <= max_shift:
                    ch[2], ch[3] = pa, pb
                    break
            else:
                ch = [pa, pb, pa, pb]
                chains.append(ch)
                live.append(ch)
        ta, tb = pp[a].spans, pp[b].spans
        for sa, sb, la, lb in chains:
            ea, eb = la + ngram - 1, lb + ngram - 1
            if eb - sb + 1 < min_words or ea - sa + 1 < min_words:
                continue
            found.append(
                (key, CopiedPassage(ids[a], ta[sa][0], ta[ea][1], ids[b], tb[sb][0], tb[eb][1]))
            )
    # pairs in order (earlier document first), each pair's passages in the order found
    found.sort(key=lambda x: x[0])
    return [p for _, p in found]


def _matches(
    prints: Sequence[PassagePrint], ids: Sequence[str], common_limit: int, need: int
) -> Iterator[tuple[int, list[int], list[int]]]:
    """For each pair of documents ``a < b`` (of different ids) sharing at least ``need``
    n-grams found in at most ``common_limit`` documents: ``(a * len(ids) + b, positions in
    a, positions in b)``, the matches sorted, the pairs in key order. Every occurrence of an
    n-gram (grouped by hash) in ``a`` meets every occurrence in ``b``; the pairs of
    occurrences are made with NumPy (a corpus with many copies has millions of them)."""
    import numpy as np

    nd = len(ids)
    sizes = [len(p.hashes) for p in prints]
    if sum(sizes) == 0:
        return
    hs = np.concatenate([p.hashes for p in prints])
    ds = np.repeat(np.arange(nd, dtype=np.int64), sizes)
    ps = np.concatenate([np.arange(n, dtype=np.int64) for n in sizes])
    order = np.lexsort((ps, ds, hs))  # by n-gram, then (document, position)
    hs, ds, ps = hs[order], ds[order], ps[order]
    n = len(hs)
    first = np.ones(n, dtype=bool)
    first[1:] = hs[1:] != hs[:-1]
    group = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    ends = np.append(starts[1:], n)
    new_doc = first.copy()
    new_doc[1:] |= ds[1:] != ds[:-1]
    docs = np.add.reduceat(new_doc.astype(np.int64), starts)
    kept = (docs >= 2) & (docs <= common_limit)
    at = np.flatnonzero(kept[group])
    # every later occurrence of the same n-gram after each kept occurrence
    count = ends[group[at]] - at - 1
    total = int(count.sum())
    if total == 0:
        return
    left = np.repeat(at, count)
    right = left + 1 + (np.arange(total) - np.repeat(np.cumsum(count) - count, count))
    da, db = ds[left], ds[right]
    uid = np.unique(np.asarray(ids, dtype=object), return_inverse=True)[1]
    ok = (da < db) & (uid[da] != uid[db])
    keys = da[ok] * nd + db[ok]
    pa, pb = ps[left][ok], ps[right][ok]
    order = np.lexsort((pb, pa, keys))
    keys, pa, pb = keys[order], pa[order], pb[order]
    if not len(keys):
        return
    cut = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    lo = np.concatenate(([0], cut))
    hi = np.append(cut, len(keys))
    for i, j in zip(lo.tolist(), hi.tolist(), strict=True):
        if j - i >= need:  # else too few matches to chain over min_words words
            yield int(keys[i]), pa[i:j].tolist(), pb[i:j].tolist()


def _min_matches(min_words: int, ngram: int, max_gap: int) -> int:
    """The fewest n-gram matches a chain needs to span ``min_words`` words: consecutive
    matches of a chain are at most ``max_gap`` words apart, so ``m`` matches span at most
    ``(m - 1) * max_gap + ngram`` words."""
    if ngram < 1 or max_gap < 1 or min_words <= ngram:
        return 1
    return 1 + -(-(min_words - ngram) // max_gap)
