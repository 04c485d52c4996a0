"""Near-duplicate documents and copied passages."""

from __future__ import annotations

from conftest import SAMPLES
from histograph.ingest import read_paths, read_text
from histograph.ingest.dedup import find_copied_passages, find_copies, shingles
from histograph.model import Document

BASE = (
    "The Congress of Vienna opened in September 1814 and brought together the great powers "
    "of Europe after the defeat of Napoleon. Its Final Act was signed on 9 June 1815, nine "
    "days before the Battle of Waterloo. The delegates redrew the borders of the continent, "
    "restored several monarchies and created a German Confederation of thirty-nine states. "
    "The settlement kept a balance of power that lasted, with interruptions, for almost a "
    "century, and its system of regular conferences is often called the Concert of Europe."
)
OTHER = (
    "The Treaty of Versailles was signed on 28 June 1919 in the Hall of Mirrors. It ended the "
    "state of war between Germany and the Allied Powers and imposed reparations, territorial "
    "losses and limits on the German army. Many historians argue that its terms fed the "
    "resentment that the Nazi movement later exploited, while others stress the failures of "
    "enforcement in the 1920s and 1930s rather than the treaty itself."
)


def test_near_copy_links_to_the_earlier_document() -> None:
    a = read_text(BASE, "a.txt")
    b = read_text(OTHER, "b.txt")
    c = read_text(BASE.replace("great powers", "major powers") + " Reprinted here.", "c.txt")
    links = find_copies([a, b, c])
    assert len(links) == 1
    (link,) = links
    assert (link.doc_id, link.source_id) == (c.id, a.id)
    assert 0.5 <= link.similarity < 1.0


def test_different_documents_are_not_linked() -> None:
    a, b = read_text(BASE, "a.txt"), read_text(OTHER, "b.txt")
    assert find_copies([a, b]) == []


def test_exact_duplicates_are_one_document() -> None:
    a = read_text(BASE, "a.txt")
    a2 = read_text(BASE, "copy-of-a.txt")
    assert a.id == a2.id
    assert find_copies([a, a2]) == []


def test_excerpt_is_a_copy_by_containment() -> None:
    a = read_text(BASE + " " + OTHER, "long.txt")
    b = read_text(BASE, "excerpt.txt")
    (link,) = find_copies([a, b])
    assert (link.doc_id, link.source_id) == (b.id, a.id)
    assert find_copies([a, b], threshold=0.9, containment=None) == []


def test_short_documents_are_not_judged() -> None:
    a = read_text("The Wall fell.", "a.txt")
    b = read_text("The Wall fell!", "b.txt")
    assert find_copies([a, b]) == []


def test_boilerplate_does_not_make_pages_similar() -> None:
    debris = "\n".join(["Top Stories", "Share on Facebook", "Sign up for our newsletter"] * 30)
    a = read_text(debris + "\n\n" + BASE, "a.txt")
    b = read_text(debris + "\n\n" + OTHER, "b.txt")
    assert find_copies([a, b]) == []


def test_copied_passage_offsets() -> None:
    a = read_text("Intro to the first text. " + BASE + " End of the first.", "a.txt")
    b = read_text(
        "A blog post begins differently. "
        + BASE.replace("great powers", "major powers")
        + " And ends in its own words.",
        "b.txt",
    )
    c = read_text(OTHER, "c.txt")
    passages = find_copied_passages([a, b, c])
    assert len(passages) >= 1
    p = passages[0]
    assert (p.doc_a, p.doc_b) == (a.id, b.id)
    copied_a = a.text[p.start_a : p.end_a]
    copied_b = b.text[p.start_b : p.end_b]
    assert "Concert of Europe" in copied_a and "Concert of Europe" in copied_b
    assert len(copied_b.split()) >= 60  # one chain across the small edit
    assert isinstance(tuple(p), tuple) and len(p) == 6


def test_shingles() -> None:
    assert shingles("A b c d", 3) == {"a b c", "b c d"}
    assert shingles("one two", 3) == {"one two"}
    assert shingles("", 3) == set()


def test_sample_corpus_copy_is_found() -> None:
    docs = [d for d in read_paths([str(SAMPLES / "berlin_wall")]) if isinstance(d, Document)]
    by_name = {d.uri.rsplit("/", 1)[-1]: d for d in docs}
    enc, blog = by_name["03_encyclopedia.txt"], by_name["06_blog.jsonl#1"]
    passages = find_copied_passages(docs)
    pairs = {(p.doc_a, p.doc_b) for p in passages}
    assert (enc.id, blog.id) in pairs
    p = next(p for p in passages if (p.doc_a, p.doc_b) == (enc.id, blog.id))
    assert "press conference" in blog.text[p.start_b : p.end_b]
    # the blog as a whole is not a near-duplicate of the encyclopedia article
    assert not [c for c in find_copies(docs) if c.doc_id == blog.id]


def _chains_every_time(pas: list[int], pbs: list[int]) -> list[list[int]]:
    """The chaining as first written: every chain looked at for every match."""
    chains: list[list[int]] = []
    for pa, pb in zip(pas, pbs, strict=True):
        for ch in chains:
            da, db = pa - ch[2], pb - ch[3]
            if 0 < da <= 12 and 0 < db <= 12 and abs(da - db) <= 4:
                ch[2], ch[3] = pa, pb
                break
        else:
            chains.append([pa, pb, pa, pb])
    return chains


def test_chains_that_can_no_longer_grow_are_not_looked_at_again() -> None:
    from histograph.ingest.dedup import _matches, passage_print

    words = [f"w{i}" for i in range(80)]
    passage = " ".join(words[:40])
    a = f"{passage} and then a long tail of other words follows here {passage}"
    # the passage twice in b, the second copy with words left out and added
    b = f"{passage} middle text {' '.join(words[:15])} extra words {' '.join(words[15:40])}"
    docs = [Document("a", "a.txt", a, "txt"), Document("b", "b.txt", b, "txt")]
    prints = [passage_print(d.text, 5) for d in docs]
    [(_, pas, pbs)] = list(_matches(prints, ["a", "b"], 50, 1))
    expected = _chains_every_time(pas, pbs)
    got = find_copied_passages(docs, min_words=1)
    spans = [(p.start_a, p.start_b) for p in got]
    ta, tb = prints[0].spans, prints[1].spans
    assert spans == [(ta[sa][0], tb[sb][0]) for sa, sb, _, _ in expected]
    assert len(expected) >= 3  # several chains, some interleaved
