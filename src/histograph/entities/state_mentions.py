"""STATE/NORP mentions of spans that name a state (``states.yaml``): seats of government
("Washington", "the Kremlin") are the government only when they act (subject, possessor, "the
Moscow government"), otherwise they are places (GPE)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import word_list
from .states import gazetteer
from .tokens import POSSESSIVE, SUBJECT_DEPS, SegMention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..state import Segment


def _is_actor(span: Span) -> bool:
    """A seat-of-government name used for the government (an actor), not the place."""
    root = span.root
    if span.end < len(span.doc):
        nxt = span.doc[span.end]
        if nxt.text in {"D.C.", "DC"} or (
            nxt.text == ","
            and span.end + 1 < len(span.doc)
            and span.doc[span.end + 1].text in {"D.C.", "DC"}
        ):
            return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in word_list("locative_prepositions"):
        return False
    if root.dep_ in SUBJECT_DEPS or root.dep_ == "dative":
        return True  # "Berlin answered", "sent Berlin an ultimatum": the government
    if root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in word_list(
        "government_nouns"
    ):
        return True
    if span.end < len(span.doc) and span.doc[span.end].text in POSSESSIVE:
        return True
    # object-control: "forced Washington to recognise"
    if root.dep_ == "dobj" and span.end + 1 < len(span.doc):
        nxt, nxt2 = span.doc[span.end], span.doc[span.end + 1]
        if nxt.lower_ == "to" and nxt2.pos_ in {"VERB", "AUX"}:
            return True
    return False


def state_mention(seg_i: int, seg: Segment, span: Span, year: int | None) -> SegMention | None:
    """A STATE/NORP mention for a state-naming span (trimmed to the longest state prefix)."""
    g = gazetteer()
    doc = span.doc
    s, e = span.start, span.end
    while e > s and (doc[e - 1].is_punct or doc[e - 1].text in POSSESSIVE):
        e -= 1
    # longest prefix (after an optional "the") that names a state
    for end in range(e, s, -1):
        sub = doc[s:end]
        if end - s > g.max_words + 1:
            continue
        hit = g.lookup(sub.text, year)
        if hit is None:
            continue
        if hit.form == "adjective" and span.label_ not in {"NORP"} and end - s > 1:
            # "Soviet Union Form ..." is fine, but "Soviet Union" is a name; adjectives alone
            # inside longer ORG names are not the state
            continue
        state_rec = g.state(hit.state_id)
        label = "STATE" if state_rec is None or state_rec.kind == "state" else "ORG"
        if hit.form == "adjective":
            label = "NORP"
        elif hit.form == "government" and not _is_actor(doc[s:end]):
            label = "GPE"
        a = seg.offset + doc[s].idx
        b = seg.offset + doc[end - 1].idx + len(doc[end - 1].text)
        key = hit.state_id if label != "GPE" else sub.text
        return SegMention(seg_i, s, end, a, b, sub.text, label, key)
    return None
