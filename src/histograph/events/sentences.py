"""The event mentions of one sentence: triggers found, filtered and retyped, each dated
(its own clause's date, else the line's or entry's structural date), given its evidence span,
place, participants, modality and confidence; plus the states the sentence describes."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import TYPE_CHECKING

from ..model import EventMention, RegionKind, TimeMention
from .arguments import Located, choose_time, clause_span, participants, place_of
from .confidence import (
    KIND_WEIGHT,
    fragment,
    generic_noun,
    impersonal_subject,
    noun_infinitive,
    pronoun_subject,
    timeless_present,
    trigger_confidence,
)
from .dating import (
    backdrop,
    is_range,
    offset_dates,
    outside_participle_clauses,
    person_term,
    under_temporal_marker,
)
from .entry_verbs import entry_present_verb, headline_verb
from .fallback import fallback_triggers, quoted_statement
from .lookups import Entities, TimesStarting, label_fn, locate
from .modality import immediate_governor, modality_of, not_until
from .nonevents import (
    back_reference,
    demanded_act,
    frame_clause,
    inside_happening,
    not_an_event,
    objects_of_acts,
    result_state,
    retype_contest,
    retype_figurative,
)
from .states import state_mentions
from .structure import SpanSet, Structure
from .triggers import Trigger, find_triggers
from .types import EventTypes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..state import DocState, Segment


#: the longest a sentence may be before the evidence span narrows to the trigger's clause
_LONG_SENTENCE = 160


def _phrase_span(tr: Trigger, sent: Span) -> tuple[int, int]:
    """Doc-relative char span of a nominal/named trigger's noun phrase (within the sentence)."""
    doc = sent.doc
    head = doc[tr.head]
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in {"conj", "cc", "relcl", "appos"}:
            skip |= {t.i for t in c.subtree}
    toks = [
        t
        for t in head.subtree
        if sent.start <= t.i < sent.end and t.dep_ != "punct" and t.i not in skip
    ]
    toks += [doc[i] for i in range(tr.start, tr.end)]
    s = min(t.idx for t in toks)
    e = max(t.idx + len(t.text) for t in toks)
    return s, e


def _names_own_span(tr: Trigger, seg: Segment, text: str, tm: TimeMention) -> bool:
    """A range in parentheses right after an event's name ("the Siege of X (1565–1566)",
    "Battle of Y (1 July – 18 November 1916)") is the span the named event lasted."""
    if tr.kind != "named":
        return False
    last = seg.doc[tr.end - 1]
    end = seg.offset + last.idx + len(last.text)
    return 0 <= tm.start - end <= 3 and text[end : tm.start].strip() == "("


def _definition_of(tr: Trigger, seg: Segment) -> Token | None:
    """ "The Great Fire of X was a conflagration that swept ... from 2 to 6 September 1666":
    the noun a name is defined as, whose clause dates the named event."""
    doc = seg.doc
    cur = doc[tr.head]
    for _ in range(6):
        nxt = cur.head
        if nxt.i == cur.i or not (tr.start <= nxt.i < tr.end):
            break
        cur = nxt
    verb = cur.head
    if cur.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)


def _defining_date(attr: Token, cands: list[Located], markers: frozenset[str]) -> Located | None:
    """The first date of the defining noun's clause that no temporal marker ("after",
    "before") puts before or after the event itself."""
    for x in sorted(cands, key=lambda x: x.root.i if x.root is not None else 0):
        root = x.root
        if root is None or not any(t.i == root.i for t in attr.subtree):
            continue
        cur = root
        marked = False
        while cur.i != attr.i and cur.head.i != cur.i:
            if cur.lower_ in markers and cur.i not in x.tokens:
                marked = True
            cur = cur.head
        if not marked:
            return x
    return None


def _mentioned_only(tr: Trigger, head: Token, et: EventTypes) -> bool:
    """A trigger the sentence mentions without stating its event: an act demanded (see
    :mod:`.nonevents`), the event an anniversary remembers."""
    gov = immediate_governor(head)
    return (
        (tr.kind == "verbal" and demanded_act(head, et))
        # "on the 90th anniversary of restoring relations": the event remembered
        or (gov is not None and gov.lemma_.lower() in et.modality.reference_heads)
    )


def _dates_to_try(tr: Trigger, head: Token, cands: list[Located]) -> list[list[Located]]:
    """The candidate dates in the order to try: for an event noun, the dates inside its own
    phrase ("the treaty of X with Y (10 September 1919) ...; the others were signed in 1920":
    its parenthesis, not the next clause's year); then those outside a participle clause
    that does not hold the trigger (:func:`.dating.outside_participle_clauses`); then all."""
    groups: list[list[Located]] = []
    if tr.kind in {"nominal", "named"}:
        lo, hi = head.left_edge.i, head.right_edge.i
        own = [x for x in cands if x.root is not None and lo <= x.root.i <= hi]
        if own and len(own) < len(cands):
            groups.append(own)
    outside = outside_participle_clauses(head, cands)
    if len(outside) < len(cands):
        groups.append(outside)
    return [*groups, cands]


def _with_headline_verb(
    triggers: list[Trigger], verb: Trigger, sent: Span, et: EventTypes
) -> list[Trigger]:
    """The sentence's triggers with a headline's verb: it replaces a trigger the parser gave
    the same word inside a name; a name the tagger ran over the verb ("X Declares War")
    keeps only its words after the verb ("King Signs Treaty of Y" -> "Treaty of Y"), and
    none if one word is left; an event noun or a name right after the verb of the verb's
    own kind is its object, one event told once (the verb takes the name)."""
    doc = sent.doc
    out: list[Trigger] = []
    absorbs = et.types[verb.type].absorbs
    for tr in triggers:
        if tr.head == verb.head:
            continue
        if (
            tr.kind == "nominal"
            and all(
                not doc[i].is_punct and doc[i].tag_ not in {"IN", "TO"}
                for i in range(verb.head + 1, tr.head + 1)
            )
            and (et.compatible(tr.type, verb.type) or et.group(tr.type) in absorbs)
        ):
            continue  # "Declares War": the noun is the verb's object
        if tr.kind == "named" and tr.start <= verb.head < tr.end:
            start = verb.head + 1
            if tr.head < start or tr.end - start < 2:
                continue
            tr = dataclasses.replace(tr, start=start, name=doc[start : tr.end].text)
        out.append(tr)
    named_object = next(
        (
            tr
            for tr in out
            if tr.kind == "named"
            and tr.type == verb.type
            and all(doc[i].lower_ in {"the", "a", "an"} for i in range(verb.head + 1, tr.start))
        ),
        None,
    )
    if named_object is not None:
        out.remove(named_object)
        verb = dataclasses.replace(verb, name=named_object.name)
    return sorted([*out, verb], key=lambda tr: (tr.start, tr.end))


def _region_kind(seg: Segment, line_kind: str) -> RegionKind:
    kind = seg.region.kind
    if kind == "narrative" and line_kind in {"heading", "list_item"}:
        return "heading" if line_kind == "heading" else "list_item"
    return kind


def sentence_mentions(
    state: DocState,
    seg: Segment,
    sent: Span,
    et: EventTypes,
    structure: Structure,
    ents: Entities,
    times_at: TimesStarting,
    stated: Collection[str] = frozenset(),
    refs: list[EventMention] | None = None,
) -> list[EventMention]:
    """The event mentions of one sentence. ``stated``: the types of the events the page's
    earlier sentences state (a definite noun repeating one points back to it); the mentions
    that only point back so are also appended to ``refs`` (the caller drops them once it
    has carried dates over from the sentence before)."""
    doc_id = state.document.id
    label_of = label_fn(seg, ents)
    triggers = find_triggers(sent, et, label_of)
    abs_s = seg.offset + sent.start_char
    abs_e = seg.offset + sent.end_char
    label = structure.label_date(abs_s)
    text = state.document.text
    times = [
        t
        for t in structure.times_in(abs_s, abs_e)
        if (label is None or t is not label) and not person_term(text, t, ents)
    ]
    located = [locate(seg, t) for t in times]
    if (
        label is not None
        and abs_s <= label.start < abs_e
        and not any(tr.kind == "verbal" for tr in triggers)
    ):
        # "1630 – Swedish forces land in X": the entry's present tense read as a noun
        present = entry_present_verb(
            sent,
            label.end - seg.offset,
            et,
            label_of,
            {i for tr in triggers for i in range(tr.start, tr.end)},
        )
        if present is not None:
            triggers = sorted([*triggers, present], key=lambda tr: (tr.start, tr.end))
    #: verbs the parser hung inside a name ("X Declares War": a compound of "War")
    misread = {
        tr.head for tr in triggers if tr.kind == "verbal" and seg.doc[tr.head].dep_ == "compound"
    }
    if all(tr.head in misread for tr in triggers if tr.kind == "verbal"):
        # "X Declares War on Y": a Title Case headline's verb read as part of a name
        verb = headline_verb(
            sent,
            et,
            label_of,
            {
                i
                for tr in triggers
                if tr.kind != "named" and tr.head not in misread
                for i in range(tr.start, tr.end)
            },
            label.end - seg.offset if label is not None and abs_s <= label.start < abs_e else 0,
        )
        if verb is not None:
            triggers = _with_headline_verb(triggers, verb, sent, et)
    untyped = fallback_triggers(sent, et, triggers, {i for x in located for i in x.tokens})
    said = quoted_statement(sent, label_of) if et.fallback.enabled else None
    if said is not None and not any(tr.head == said.head for tr in triggers):
        untyped.append(said)
    spans = [(tm.start, tm.end) for tm in structure.times_in(abs_s, abs_e)] + [
        (tm.start, tm.end) for tm in times
    ]
    in_date = SpanSet(spans)
    date_toks = {t.i for t in sent if seg.offset + t.idx in in_date}
    triggers = [retype_figurative(tr, seg.doc[tr.head], et) for tr in triggers]
    triggers = [retype_contest(tr, seg.doc[tr.head], et, date_toks) for tr in triggers]
    #: typed triggers the sentence names (a long sentence with several narrows each mention's
    #: evidence to its clause, even when some are only labels or objects of another)
    found = len(triggers)
    triggers = objects_of_acts(triggers, seg.doc, et)
    triggers = [tr for tr in triggers if not not_an_event(tr, seg.doc[tr.head], et, date_toks)]
    untyped = [tr for tr in untyped if not not_an_event(tr, seg.doc[tr.head], et, date_toks)]
    untyped = [tr for tr in untyped if not frame_clause(seg.doc[tr.head], triggers, et)]
    untyped = [tr for tr in untyped if not inside_happening(seg.doc[tr.head], untyped, et)]
    # what the sentence mentions but does not state: an act demanded, an event remembered
    triggers = [tr for tr in triggers if not _mentioned_only(tr, seg.doc[tr.head], et)]
    #: definite nouns pointing back to an event the page told before: they go once the
    #: sentence's dates are settled (they tie it to that event's date, see ``refs``)
    all_heads = {tr.head for tr in triggers} | {tr.head for tr in untyped}
    back = {
        tr.head
        for tr in triggers
        if back_reference(tr, seg.doc[tr.head], et, date_toks, stated, all_heads - {tr.head})
    }
    untyped = [tr for tr in untyped if not demanded_act(seg.doc[tr.head], et)]
    if (
        not triggers
        and not untyped
        and not any(t.lower_.startswith(et.modality.negative_prefixes) for t in sent)
    ):
        return []  # no act, and no "non-X" that could name a state
    heads = {tr.head for tr in triggers} | {tr.head for tr in untyped}
    untyped_heads = {tr.head for tr in untyped}
    #: bare event nouns ("the treaty"): they name, but do not date, another act's object
    weak = {tr.head for tr in triggers if tr.kind == "nominal" and not tr.anchor}
    #: several clauses state events: each mention's evidence is its own clause
    clauses = len({tr.head for tr in triggers if tr.kind == "verbal"} | untyped_heads) > 1
    markers = et.modality.temporal_markers
    #: a question ("Where were you when the wall fell?", "Did the fleet sail in 1588?") asks,
    #: it does not state: its events are never asserted by it
    question = sent.text.rstrip(" \t\n\"'”’)*_").endswith("?")
    line_kind = structure.line_kind(abs_s)
    rkind = _region_kind(seg, line_kind)
    out: list[EventMention] = []
    back_at: list[int] = []  # positions in ``out`` of the mentions that only point back
    for tr in [*triggers, *untyped]:
        typ = et.types[tr.type]
        head = seg.doc[tr.head]
        modality = "hypothetical" if question else modality_of(head, et.modality)
        fallback = tr.head in untyped_heads
        if fallback and modality != "asserted":
            continue
        others = heads - {tr.head}
        time: TimeMention | None = None
        own_time: TimeMention | None = None
        gov = immediate_governor(head)
        referenced = gov is not None and gov.lemma_.lower() in et.modality.reference_heads
        if not referenced:
            cands = (
                located
                if typ.durative
                else [
                    x
                    for x in located
                    if not is_range(x.mention) or _names_own_span(tr, seg, text, x.mention)
                ]
            )
            own_markers = (
                markers - et.modality.not_until if not_until(head, et.modality) else markers
            )
            # a noun's own date first; a participle clause's date only when no other date of
            # the sentence reaches the trigger
            loc = next(
                (
                    found_loc
                    for group in _dates_to_try(tr, head, cands)
                    if (
                        found_loc := choose_time(
                            tr,
                            group,
                            own_markers,
                            others,
                            max_distance=3 if tr.kind == "named" else None,
                            weak=weak,
                        )
                    )
                    is not None
                ),
                None,
            )
            if loc is None and tr.kind == "named":
                attr = _definition_of(tr, seg)
                if attr is not None:
                    loc = _defining_date(attr, cands, markers)
            time = loc.mention if loc is not None else None
            own_time = time
            if fallback and loc is not None and result_state(head, loc, others):
                continue
            if time is None:
                # a table row's first cell ("| X War | 1853 | 1856 |"): the row's dates
                at = seg.offset + seg.doc[tr.start].idx
                time = structure.row_date(at) or structure.card_head_date(at)
            if time is None and not under_temporal_marker(head, markers):
                # a name ("the Battle of X") takes only its own entry's date: the line's
                # leading label or the date line right above it
                structurals = (
                    (
                        (label, structure.card_date(abs_s), structure.tail_date(abs_s))
                        if not backdrop(head, et)
                        else ()
                    )
                    if tr.kind == "named"
                    else (
                        label,
                        structure.heading_date(abs_s),
                        structure.card_date(abs_s),
                        structure.tail_date(abs_s),
                        structure.lead_date(abs_s),
                    )
                )
                if rkind == "title":
                    # the page's title names the event its fact box dates
                    structurals = (
                        *structurals,
                        structure.fact_box_date(),
                        structure.title_date_line(abs_s),
                    )
                for structural in structurals:
                    if structural is not None and (typ.durative or not is_range(structural)):
                        time = structural
                        break
        if fallback and (
            time is None or time.value is None or (own_time is None and pronoun_subject(head))
        ):
            # an untyped clause is an event only with a date of its own; "He sends ..." in
            # a dated timeline entry elaborates the entry's event
            continue
        if tr.kind in {"nominal", "named"}:
            cs, ce = _phrase_span(tr, sent)
        elif clauses or (len(sent.text) > _LONG_SENTENCE and found > 1):
            cs, ce = clause_span(tr, sent, others)
        else:
            cs, ce = sent.start_char, sent.end_char
        start, end = seg.offset + cs, seg.offset + ce
        while end > start and text[end - 1].isspace():
            end -= 1
        t_start = seg.offset + seg.doc[tr.start].idx
        last = seg.doc[tr.end - 1]
        t_end = seg.offset + last.idx + len(last.text)
        parts = participants(
            tr, sent, typ, seg.offset, label_of, ents.at, et.role_nouns, ents.topic
        )
        if tr.head in back:
            back_at.append(len(out))
        out.append(
            EventMention(
                doc_id=doc_id,
                start=start,
                end=end,
                trigger_start=t_start,
                trigger_end=t_end,
                type=tr.type,
                time=time.value if time is not None else None,
                time_start=time.start if time is not None else None,
                time_end=time.end if time is not None else None,
                place=place_of(tr, sent, label_of),
                participants=parts,
                modality=modality,
                region_kind=rkind,
                confidence=round(et.fallback.confidence * KIND_WEIGHT.get(rkind, 0.7), 3)
                if fallback
                else trigger_confidence(
                    tr,
                    rkind,
                    generic=(
                        time is None
                        and (
                            generic_noun(seg.doc[tr.head], tr)
                            or (tr.kind == "verbal" and impersonal_subject(head))
                            or (tr.kind == "verbal" and timeless_present(head, rkind))
                            # "the 200th anniversary of the Battle of X": named in passing
                            or (tr.kind != "verbal" and referenced)
                        )
                    )
                    or (tr.kind == "verbal" and (fragment(head) or noun_infinitive(head))),
                ),
            )
        )
    out = offset_dates(out, text, abs_s, abs_e)
    if refs is not None and back:
        refs.extend(out[k] for k in back_at)
    typed_out = out[: len(triggers)]  # one per typed trigger, in order (none is skipped)
    anchor = next(
        (m.time for m in typed_out if m.time is not None and m.modality == "asserted"),
        label.value if label is not None else None,
    )
    typ_of = et.types
    out.extend(
        state_mentions(
            doc_id=doc_id,
            sent=sent,
            offset=seg.offset,
            et=et,
            mentions=typed_out,
            heads=[tr.head for tr in triggers],
            times=times_at(abs_s, abs_e),
            anchor=anchor,
            structural=label or structure.heading_date(abs_s) or structure.card_date(abs_s),
            region_kind=rkind,
            make_participants=lambda tr: participants(
                tr, sent, typ_of[tr.type], seg.offset, label_of, ents.at, et.role_nouns, ents.topic
            ),
            text=state.document.text,
        )
    )
    return out
