"""The attribute ruler's look-up matches equal those of spaCy's Matcher (nlp_attrs)."""

from __future__ import annotations

from typing import Any

import pytest

from histograph.nlp_attrs import fast_match, speed_up

# one sentence per shape the ruler's patterns test: a tag alone, a word and its tag, the
# exceptions of two tokens (contractions, "gonna", "let's"), a dependency ("there is"),
# spaces inside a sentence, upper case, and text without any word
SENTENCES = [
    "The old mill was closed in 1911, and nobody came back to it.",
    "They ain't gonna wait; let's go, y'all, c'mon.",
    "There is a bridge and there were two roads , but  the  ford  was  deeper.",
    "WE GOTTA LEAVE NOW, SAID THE CAPTAIN.",
    "Whether or not the treaty holds, something will change once the winter ends.",
    "\n\n   \t",
    "",
    "Nothing!",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_the_matcher(nlp: Any, text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_match(ruler)
    assert fast is not None
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = nlp(text)
    assert fast(doc) == type(ruler).match(ruler, doc)
    # twice: the second time from the remembered rows
    assert fast(doc) == type(ruler).match(ruler, doc)


def test_same_attributes_as_bare_spacy(nlp: Any) -> None:
    import spacy

    from histograph.nlp import MODEL_NAME

    bare = spacy.load(MODEL_NAME)
    for text in SENTENCES:
        a, b = nlp(text), bare(text)
        assert [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in a] == [
            (t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in b
        ]


def test_an_unhandled_pattern_leaves_the_ruler_alone() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"IS_PUNCT": True, "OP": "?"}]], {"LEMMA": "x"})
    assert fast_match(ruler) is None
    assert not speed_up(nlp)
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": {"IN": ["a", "an"]}}]], {"LEMMA": "a"})
    assert fast_match(ruler2) is not None


def test_piped_lemmas_as_bare_spacy(nlp: Any) -> None:
    """``nlp.pipe`` runs the remembered lemmas (fast_lemmas): every token's lemma is the one
    spaCy's own lemmatizer gives, the second time (from the memo) too."""
    import spacy

    from histograph.nlp import MODEL_NAME

    bare = spacy.load(MODEL_NAME)
    texts = [*SENTENCES, "The kings were crowned; the crowns were older than the kings."]

    def rows(docs: Any) -> list[list[tuple[str, str, str]]]:
        return [[(t.text, t.pos_, t.lemma_) for t in d] for d in docs]

    expected = rows(bare.pipe(texts))
    assert rows(nlp.pipe(texts)) == expected
    assert rows(nlp.pipe(texts)) == expected


def test_no_fast_lemmas_for_a_lookup_lemmatizer() -> None:
    import spacy

    lemmatizer = spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"})
    from histograph.nlp_attrs import fast_lemmas

    assert fast_lemmas(lemmatizer) is None
