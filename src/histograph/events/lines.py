"""Who took part in an event written as a line of a list or a headline: the clause after a
named event's colon on its own line ("Battle of X: A defeats B"), the names after it when the
parser found no verb there, and the names before a headline's verb the tagger took for a
noun ("X and Y order mobilisation"). Helpers of :mod:`.participants`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .phrases import PARTICIPANT_LABELS, argument_words, entity_like
from .reference import LabelOf

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["colon_clause_names", "colon_clause_verbs", "headline_subjects"]


def _opens_line(head: Token) -> bool:
    """Only a bullet, a date or capitalised words stand before ``head`` on its line
    ("• Oct 14 Battle of X, Y: ...")."""
    doc = head.doc
    k = head.i - 1
    while k >= 0 and "\n" not in doc[k].text_with_ws:
        t = doc[k]
        if t.text[:1].islower() or (t.dep_ == "ROOT" and t.pos_ == "VERB" and t.text.isalpha()):
            return False
        k -= 1
    return True


def colon_clause_verbs(head: Token, sent: Span) -> list[Token]:
    """For a named event that heads its own line ("Battle of X, Y:"), the verb of the clause
    written after the colon on the same line (a parse root of its own)."""
    doc = head.doc
    if (
        head.dep_ != "ROOT"
        and not (head.dep_ == "nsubj" and head.head.i > head.i)
        and not _opens_line(head)
    ):
        return []
    k = head.i + 1
    # the line, not the sentence: the model may end a sentence at the colon
    end = max(sent.end, min(len(doc), head.i + 9))
    while k < end and k - head.i <= 8 and doc[k].text != ":" and "\n" not in doc[k].text:
        k += 1
    if k >= end or doc[k].text != ":":
        return []
    out: list[Token] = []
    if head.dep_ == "nsubj" and head.head.i > head.i:  # the name made the verb's subject
        v = head.head
        return [v] if v.i > k and v.pos_ == "VERB" and "\n" not in doc[k : v.i].text else []
    for t in doc[k + 1 : min(len(doc), k + 40)]:  # the line may be parsed as a new sentence
        if "\n" in t.text_with_ws:
            if t.dep_ == "ROOT" and t.pos_ == "VERB":
                out.append(t)
            break
        if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.i != head.i:
            out.append(t)
    return out


def colon_clause_names(head: Token, label_of: LabelOf) -> list[Token]:
    """ "Battle of X: English army under King A defeat invading Danes led by B": when the
    parser found no verb in the clause after a named event's colon on its own line, the
    people and peoples named there (the last word of each name) fought it."""
    doc = head.doc
    if head.dep_ != "ROOT" and not _opens_line(head):
        return []
    k = head.i + 1
    while k < len(doc) and k - head.i <= 8 and doc[k].text != ":" and "\n" not in doc[k].text:
        k += 1
    if k >= len(doc) or doc[k].text != ":":
        return []
    out: list[Token] = []
    for t in doc[k + 1 : min(len(doc), k + 60)]:
        if "\n" in t.text:
            break
        label = label_of(t)
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if label in {"PERSON", "NORP"} and (nxt is None or label_of(nxt) != label):
            out.append(t)
        if "\n" in t.text_with_ws:
            break
    return out


def headline_subjects(head: Token, label_of: LabelOf) -> list[Token]:
    """ "X and Y order general mobilisation" parsed as a noun phrase (the verb tagged a noun
    modifying the act noun, the names left hanging elsewhere): the names written right
    before the verb, and those coordinated with them, carried the act out."""
    verbs = argument_words().ordering_verbs
    doc = head.doc
    for m in head.children:
        if m.i > head.i or m.dep_ not in {"nmod", "compound"} or m.pos_ != "NOUN":
            continue
        if m.lower_ not in verbs or m.i == 0:
            continue
        before = doc[m.i - 1]
        if "\n" in before.text_with_ws or not entity_like(before, label_of):
            return []
        if label_of(before) not in PARTICIPANT_LABELS:
            return []
        first = before
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        return [first, *first.conjuncts]
    return []
