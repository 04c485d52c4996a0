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
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import CONTENT_REGIONS, CopyLink, Document

_WORD = re.compile(r"\w+", re.UNICODE)
_NUM_PERM = 128


def _content_text(doc: Document) -> str:
    from ..clean import mark_regions

    regions = [r for r in mark_regions(doc) if r.kind in CONTENT_REGIONS]
    if not regions:
        return doc.text
    return "\n".join(doc.text[r.start : r.end] for r in regions)


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
) -> list[CopyLink]:
    """Links from each near-copy to the earlier document it copies (input order).

    ``similarity`` in each link is the exact Jaccard similarity of the two shingle sets
    (or the containment of the later document in the earlier one, when that is what made
    it a copy). Documents with fewer than ``min_shingles`` shingles are too short to judge
    and are never linked (a one-line post matches anything that quotes it).
    """
    if len({d.id for d in documents}) < 2:
        return []  # documents with one id are one document: never linked (nor shingled)
    from datasketch import MinHash, MinHashLSH

    lsh_threshold = min(threshold, 0.2 if containment is not None else threshold)
    params = _lsh_params(max(lsh_threshold, 0.05), _NUM_PERM)
    lsh = MinHashLSH(num_perm=_NUM_PERM, params=params)
    sets: list[set[str]] = []
    links: list[CopyLink] = []
    seen_ids: dict[str, int] = {}
    for i, doc in enumerate(documents):
        sh = shingles(_content_text(doc), shingle_size)
        sets.append(sh)
        if doc.id in seen_ids or len(sh) < min_shingles:
            seen_ids.setdefault(doc.id, i)
            continue
        seen_ids[doc.id] = i
        perms, scheme = _permutations(_NUM_PERM)
        mh = MinHash(num_perm=_NUM_PERM, permutations=perms, scheme=scheme)
        mh.update_batch([s.encode("utf-8") for s in sh])
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


def find_copied_passages(
    documents: Sequence[Document],
    min_words: int = 25,
    *,
    ngram: int = 5,
    max_gap: int = 12,
    max_shift: int = 4,
    common_limit: int = 50,
) -> list[CopiedPassage]:
    """Long passages shared (nearly verbatim) between two documents.

    Word ``ngram``-grams found in both documents are chained when they follow each other in
    both texts with gaps of at most ``max_gap`` words and a drift (words inserted/deleted on
    one side) of at most ``max_shift``; a chain covering at least ``min_words`` words of the
    later document is reported. N-grams found in more than ``common_limit`` documents (site
    boilerplate, set phrases) are ignored. Pairs are reported once, earlier document first.
    """
    toks = [_tokens(d.text) for d in documents]
    index = _ngram_index(toks, ngram)
    ids = [d.id for d in documents]
    nd = len(documents)
    # occurrences of each n-gram, in (document, position) order: a pair of documents (a, b),
    # a < b, meets as an earlier occurrence in a with a later one in b
    pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)  # key a * nd + b
    for occ in index.values():
        if len(occ) < 2:
            continue
        docs = {d for d, _ in occ}
        if len(docs) < 2 or len(docs) > common_limit:
            continue
        for i, (a, pa) in enumerate(occ):
            ida = ids[a]
            base = a * nd
            for b, pb in occ[i + 1 :]:
                if a < b and ida != ids[b]:
                    pairs[base + b].append((pa, pb))
    need = _min_matches(min_words, ngram, max_gap)
    found: list[tuple[int, CopiedPassage]] = []
    for key, matches in pairs.items():
        if len(matches) < need:
            continue  # too few matches to chain over min_words words
        a, b = divmod(key, nd)
        matches.sort()
        chains: list[list[int]] = []  # [start_a, start_b, last_a, last_b]
        for pa, pb in matches:
            for ch in chains:
                da, db = pa - ch[2], pb - ch[3]
                if 0 < da <= max_gap and 0 < db <= max_gap and abs(da - db) <= max_shift:
                    ch[2], ch[3] = pa, pb
                    break
            else:
                chains.append([pa, pb, pa, pb])
        ta, tb = toks[a], toks[b]
        for sa, sb, la, lb in chains:
            ea, eb = la + ngram - 1, lb + ngram - 1
            if eb - sb + 1 < min_words or ea - sa + 1 < min_words:
                continue
            found.append(
                (key, CopiedPassage(ids[a], ta[sa][1], ta[ea][2], ids[b], tb[sb][1], tb[eb][2]))
            )
    # pairs in order (earlier document first), each pair's passages in the order found
    found.sort(key=lambda x: x[0])
    return [p for _, p in found]


def _ngram_index(
    toks: Sequence[Sequence[tuple[str, int, int]]], ngram: int
) -> dict[bytes, list[tuple[int, int]]]:
    """(document, position) of every word ``ngram``-gram, grouped by the n-gram's hash
    (:func:`_h`), each group in (document, position) order; the hash is computed once per
    distinct n-gram."""
    by_text: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for di, tk in enumerate(toks):
        words = [w for w, _, _ in tk]
        for p in range(len(tk) - ngram + 1):
            by_text[" ".join(words[p : p + ngram])].append((di, p))
    index: dict[bytes, list[tuple[int, int]]] = {}
    for text, occ in by_text.items():
        h = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
        prev = index.get(h)
        if prev is None:
            index[h] = occ
        else:  # two n-grams, one hash: one group, as before
            prev.extend(occ)
            prev.sort()
    return index


def _min_matches(min_words: int, ngram: int, max_gap: int) -> int:
    """The fewest n-gram matches a chain needs to span ``min_words`` words: consecutive
    matches of a chain are at most ``max_gap`` words apart, so ``m`` matches span at most
    ``(m - 1) * max_gap + ngram`` words."""
    if ngram < 1 or max_gap < 1 or min_words <= ngram:
        return 1
    return 1 + -(-(min_words - ngram) // max_gap)
