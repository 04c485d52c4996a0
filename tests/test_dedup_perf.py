"""Copied-passage detection with its pair filter and without the global sort gives exactly what
the plain detector gives (random small corpora full of copied, edited and repeated passages).
No timing here: the growth is measured by ``benchmarks/merge.py --full``."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from histograph.ingest.dedup import CopiedPassage, _min_matches, _tokens, find_copied_passages
from histograph.model import Document


def _reference(
    documents: Sequence[Document],
    min_words: int = 25,
    *,
    ngram: int = 5,
    max_gap: int = 12,
    max_shift: int = 4,
    common_limit: int = 50,
) -> list[CopiedPassage]:
    """Every pair of documents sharing an n-gram, in order, chained (no filter)."""
    toks = [_tokens(d.text) for d in documents]
    index: dict[bytes, list[tuple[int, int]]] = defaultdict(list)
    for di, tk in enumerate(toks):
        for p in range(len(tk) - ngram + 1):
            text = " ".join(w for w, _, _ in tk[p : p + ngram])
            index[hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()].append((di, p))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for occ in index.values():
        docs = {d for d, _ in occ}
        if len(docs) < 2 or len(docs) > common_limit:
            continue
        for a, pa in occ:
            for b, pb in occ:
                if a < b and documents[a].id != documents[b].id:
                    pairs[(a, b)].append((pa, pb))
    out: list[CopiedPassage] = []
    for (a, b), matches in sorted(pairs.items()):
        matches.sort()
        chains: list[list[int]] = []
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
            out.append(
                CopiedPassage(
                    documents[a].id, ta[sa][1], ta[ea][2], documents[b].id, tb[sb][1], tb[eb][2]
                )
            )
    return out


_WORDS = ["the", "treaty", "was", "signed", "in", "Paris", "on", "June", "28", "1919", "and"]


@st.composite
def _documents(draw: st.DrawFn) -> list[Document]:
    """Documents of a small vocabulary (chance matches everywhere) or a larger one (few), some
    copying stretches of earlier ones with words inserted, dropped or changed, some repeating
    themselves."""
    size = draw(st.integers(3, 60))
    vocab = _WORDS if size < 12 else [f"w{i}" for i in range(size)]
    texts: list[list[str]] = []
    for _ in range(draw(st.integers(2, 7))):
        words = draw(st.lists(st.sampled_from(vocab), max_size=40))
        for _ in range(draw(st.integers(0, 2)) if texts else 0):
            src = texts[draw(st.integers(0, len(texts) - 1))]
            i = draw(st.integers(0, len(src)))
            copied = list(src[i : i + draw(st.integers(0, 60))])
            for _ in range(draw(st.integers(0, 4))):  # small edits
                if not copied:
                    break
                j = draw(st.integers(0, len(copied) - 1))
                op = draw(st.sampled_from(["insert", "drop", "change"]))
                if op == "insert":
                    copied.insert(j, draw(st.sampled_from(vocab)))
                elif op == "drop":
                    copied.pop(j)
                else:
                    copied[j] = draw(st.sampled_from(vocab))
            k = draw(st.integers(0, len(words)))
            words = words[:k] + copied + words[k:]
        if words and draw(st.integers(0, 4)) == 0:
            words = words + words  # a document repeating itself
        texts.append(words)
    docs: list[Document] = []
    for i, words in enumerate(texts):
        doc_id = f"d{i}" if i == 0 or draw(st.integers(0, 5)) else "d0"  # duplicate ids happen
        sep = draw(st.sampled_from([" ", ", ", "\n"]))
        docs.append(Document(doc_id, f"mem:{i}", sep.join(words), "txt"))
    return docs


@st.composite
def _params(draw: st.DrawFn) -> dict[str, int]:
    return {
        "min_words": draw(st.integers(1, 15)),
        "ngram": draw(st.integers(1, 6)),
        "max_gap": draw(st.integers(1, 12)),
        "max_shift": draw(st.integers(0, 4)),
        "common_limit": draw(st.integers(2, 8)),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), _params())
def test_copied_passages_equal_reference(docs: list[Document], params: dict[str, int]) -> None:
    assert find_copied_passages(docs, **params) == _reference(docs, **params)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_default_parameters_equal_reference(docs: list[Document]) -> None:
    assert find_copied_passages(docs) == _reference(docs)


@given(
    st.integers(1, 60),
    st.integers(1, 8),
    st.integers(1, 15),
)
def test_min_matches_is_a_lower_bound(min_words: int, ngram: int, max_gap: int) -> None:
    """m matches, each at most max_gap words after the last, span (m-1)*max_gap + ngram
    words at most: fewer than _min_matches never reach min_words, that many can."""
    m = _min_matches(min_words, ngram, max_gap)
    assert m >= 1
    assert (m - 1) * max_gap + ngram >= min_words
    if m > 1:
        assert (m - 2) * max_gap + ngram < min_words


def test_a_chain_of_the_fewest_matches_is_found() -> None:
    """Two one-word matches two words apart span three words: reported at min_words=3."""
    docs = [
        Document("a", "mem:a", "alpha beta gamma", "txt"),
        Document("b", "mem:b", "alpha delta gamma", "txt"),
    ]
    params = {"min_words": 3, "ngram": 1, "max_gap": 2, "max_shift": 0, "common_limit": 2}
    got = find_copied_passages(docs, **params)
    assert got == _reference(docs, **params) == [CopiedPassage("a", 0, 16, "b", 0, 17)]


def test_pairs_come_in_document_order() -> None:
    """The first document shares its first words with the third and its last with the second:
    the pair (first, second) is still reported before (first, third)."""
    w = [f"w{i}" for i in range(20)]
    docs = [
        Document("a", "mem:a", " ".join(w), "txt"),
        Document("b", "mem:b", " ".join(["x", *w[10:]]), "txt"),
        Document("c", "mem:c", " ".join([*w[:10], "y"]), "txt"),
    ]
    params = {"min_words": 5, "ngram": 2, "max_gap": 3, "max_shift": 1, "common_limit": 3}
    got = find_copied_passages(docs, **params)
    assert got == _reference(docs, **params)
    assert [(p.doc_a, p.doc_b) for p in got] == [("a", "b"), ("a", "c")]
