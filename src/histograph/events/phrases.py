"""Words and phrases the argument stage shares: which tokens can name a participant or a
place, the bounds of a name's phrase, and the word lists of ``participants.yaml`` and
``places.yaml``. Used by :mod:`.participants` and :mod:`.places`."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..entities.lexicon import is_head, load_yaml, name_words, norm, titles
from ..entities.states import gazetteer
from .reference import LabelOf

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: entity labels that can be participants
PARTICIPANT_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "STATE", "LOC", "FAC"})


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "STATE"})


#: places that are never participants (a state, "STATE", can be one)
PLACE_ONLY = frozenset({"GPE", "LOC", "FAC"})


PLACE_PREPS = ("in", "at", "near", "inside", "outside", "aboard")


EDGE = " ,.;:'\"’*_#()[]-–—"


CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "xcomp"})


#: a clause hanging on another: a place of the clause above is not the trigger's
CLAUSE_EDGES = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "conj"})


#: key of the segment's cached person words in ``Doc.user_data``
_PERSON_WORDS = "histograph.person_words"
#: key of the words of the names its document tags as people (set by the event stage)
DOC_PERSON_WORDS = "histograph.doc_person_words"


@dataclass(frozen=True)
class ArgumentWords:
    """Word lists of ``participants.yaml`` and ``places.yaml`` (normalised)."""

    fighting_verbs: frozenset[str]
    command_verbs: frozenset[str]
    act_nouns: frozenset[str]
    taking_part_verbs: frozenset[str]
    polity_nouns: frozenset[str]
    named_after_place: frozenset[str]
    never_alone: frozenset[str]
    departure_verbs: frozenset[str]
    address_verbs: frozenset[str]
    #: (verb lemma, word on it) pairs whose subject state is where the act happened
    subject_place_acts: frozenset[tuple[str, str]]
    #: capitalised collective names of sides and bodies ("the Allies", "the Axis")
    group_nouns: frozenset[str]
    #: verbs of a hyphened modifier naming who stood behind an act ("X-backed")
    backing_verbs: frozenset[str]
    #: head nouns of documents, plans and weapons ("the X Plan", "Y missiles"): no actors
    non_actor_heads: frozenset[str]
    #: first words of broadcasters' and operations' names ("Radio X", "Operation Y")
    non_actor_leads: frozenset[str]
    #: words of leaving a state ("independent from X", "seceded from X")
    separation_words: frozenset[str]
    #: nouns of one state's rule over another ("Spanish rule", "Ottoman control")
    rule_nouns: frozenset[str]
    #: nouns of taking part in an event named after in/into ("the Italian entry into the war")
    taking_part_nouns: frozenset[str]
    #: proper names of factions and movements ("the Jacobins"), actors wherever they stand
    faction_names: frozenset[str]
    #: verbs of demanding whose clause's subject is who the demand is addressed to
    demand_verbs: frozenset[str]
    #: verbs whose object is an act ("X and Y order mobilisation"), tagged nouns in headlines
    ordering_verbs: frozenset[str] = frozenset()
    #: titles that tell a person's sex ("King", "Queen"): which pronoun may stand for them
    #: verbs of taking something from a state ("captured X from the Portuguese")
    taking_verbs: frozenset[str] = frozenset()
    male_titles: frozenset[str] = frozenset()
    female_titles: frozenset[str] = frozenset()


def _words(items: object) -> frozenset[str]:
    return frozenset(
        norm(str(x)) for x in (items if isinstance(items, list) else ()) if norm(str(x))
    )


@functools.lru_cache(maxsize=1)
def argument_words() -> ArgumentWords:
    parts = load_yaml("participants.yaml") or {}
    places = load_yaml("places.yaml") or {}
    return ArgumentWords(
        fighting_verbs=_words(parts.get("fighting_verbs")),
        command_verbs=_words(parts.get("command_verbs")),
        act_nouns=_words(parts.get("act_nouns")),
        taking_part_verbs=_words(parts.get("taking_part_verbs")),
        polity_nouns=_words(places.get("polity_nouns")),
        named_after_place=_words(places.get("named_after_place")),
        never_alone=_words(places.get("never_alone")),
        departure_verbs=_words(places.get("departure_verbs")),
        address_verbs=_words(places.get("address_verbs")),
        subject_place_acts=frozenset(
            (norm(str(v)), norm(str(w)))
            for item in places.get("subject_place_acts") or ()
            for v, _, w in [str(item).partition(" ")]
        ),
        group_nouns=_words(parts.get("group_nouns")),
        backing_verbs=_words(parts.get("backing_verbs")),
        non_actor_heads=_words(parts.get("non_actor_heads")),
        non_actor_leads=_words(parts.get("non_actor_leads")),
        separation_words=_words(parts.get("separation_words")),
        rule_nouns=_words(parts.get("rule_nouns")),
        taking_part_nouns=_words(parts.get("taking_part_nouns")),
        faction_names=_words(parts.get("faction_names")),
        demand_verbs=_words(parts.get("demand_verbs")),
        ordering_verbs=_words(parts.get("ordering_verbs")),
        taking_verbs=_words(parts.get("taking_verbs")),
        male_titles=_words(parts.get("male_titles")),
        female_titles=_words(parts.get("female_titles")),
    )


def _person_words(doc: Doc, label_of: LabelOf) -> frozenset[str]:
    """The words of the segment written as (part of) a person's name somewhere in it, or in
    its document (``DOC_PERSON_WORDS``, titles left out)."""
    cached = doc.user_data.get(_PERSON_WORDS)
    if cached is None:
        cached = frozenset(t.text for t in doc if t.text[:1].isupper() and label_of(t) == "PERSON")
        known = doc.user_data.get(DOC_PERSON_WORDS, frozenset())
        cached |= frozenset(w for w in known if not is_head(w))
        doc.user_data[_PERSON_WORDS] = cached
    return cast("frozenset[str]", cached)


def person_word(t: Token, label_of: LabelOf) -> bool:
    """An untagged capitalised name (or one the tagger ran into a date) that the segment
    writes as a person elsewhere ("King X ... X's excommunication"): the same person."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and (label_of(t) == "" or run_into_date(t, label_of))
        and t.text in _person_words(t.doc, label_of)
    )


#: month and weekday names: the words a date entity is made of
_CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name)
)


#: labels the tagger gives a date with the name after it ("3 August Blake" as a work of art)
_RUN_ON_LABELS = frozenset({"WORK_OF_ART", "LAW", "PRODUCT", "ORG", "FAC"})


def run_into_date(t: Token, label_of: LabelOf) -> bool:
    """A name the tagger ran into the date before it ("On 4 May Blake set out", "On the
    afternoon of 3 August Blake ..."): a word of a date, time or event entity after a number
    or a calendar word of the same entity, itself neither; in an entity of another kind
    (``_RUN_ON_LABELS``) after a calendar word ("3 August Blake" taken for a title)."""
    label = label_of(t)
    dated = label in {"DATE", "TIME", "EVENT"}
    if not (dated or label in _RUN_ON_LABELS) or t.ent_iob_ != "I":
        return False
    if t.lower_.rstrip(".") in _CALENDAR_WORDS or any(ch.isdigit() for ch in t.text):
        return False
    k = t.i - 1
    while k >= 0 and t.doc[k].ent_type_ == t.ent_type_:
        x = t.doc[k]
        if x.lower_.rstrip(".") in _CALENDAR_WORDS or (
            dated and any(ch.isdigit() for ch in x.text)
        ):
            return True
        if x.ent_iob_ == "B":
            break
        k -= 1
    return False


_REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})$")


def _regnal_name(t: Token) -> bool:
    """A name with a regnal number ("Olaf II Tryggvason", "Harald III"): a ruler, though the
    tagger took it for nothing."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and not battle_name(t)
        and any(_REGNAL.match(x.text) for x in t.subtree if x.i <= t.i and x.i >= t.i - 3)
    )


@functools.lru_cache(maxsize=4096)
def state_of_word(text: str, year: int | None = None) -> str | None:
    sn = gazetteer().lookup(text, year, forms=("name", "adjective"))
    return sn.state_id if sn is not None else None


@functools.lru_cache(maxsize=4096)
def state_of_people(text: str, year: int | None = None) -> str | None:
    """The state a people's demonym or plural names ("English", "Seljuks")."""
    sn = gazetteer().lookup(text, year, forms=("name", "adjective", "collective"))
    return sn.state_id if sn is not None else None


def sentence_year(t: Token) -> int | None:
    """The one year the sentence of ``t`` writes in its dates ("In 1588 the English ..."),
    else ``None``: the year a state's name or demonym there is read in."""
    years = {
        int(x.text)
        for x in t.sent
        if x.ent_type_ == "DATE" and x.text.isdigit() and len(x.text) in {3, 4}
    }
    return years.pop() if len(years) == 1 else None


def state_word(t: Token) -> str | None:
    """The state a capitalised word the tagger left alone names ("Soviet" in "US-Soviet"),
    as it was named in the year its sentence writes ("the English" in 1588: England)."""
    if not t.text[:1].isupper() or t.is_punct or state_of_word(t.text) is None:
        return None
    return state_of_word(t.text, sentence_year(t))


@functools.lru_cache(maxsize=4096)
def _people_plural(text: str) -> bool:
    """ "Seljuks": a people's plural (``collective``, states.yaml)."""
    return gazetteer().lookup(text, forms=("collective",)) is not None


def collective_people(t: Token, label_of: LabelOf) -> bool:
    """ "the English", "the Seljuks": a people named by its demonym or plural with the
    article, which the tagger took for the language, a group or (a plural, or a people's
    plural of ``collective`` in states.yaml tagged as one name) a person, or left untagged."""
    label = label_of(t)
    plural = t.tag_ in {"NNS", "NNPS"} or _people_plural(t.text)
    return (
        (label in {"LANGUAGE", "NORP"} or (label in {"PERSON", ""} and plural))
        and t.pos_ in {"PROPN", "NOUN"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        and t.text[:1].isupper()
        and state_of_people(t.text) is not None
    )


def entity_like(t: Token, label_of: LabelOf) -> bool:
    if label_of(t) in PARTICIPANT_LABELS or person_word(t, label_of):
        return True
    if label_of(t) == "" and (_regnal_name(t) or state_word(t) is not None):
        return True
    if collective_people(t, label_of):
        return True
    if (
        t.text[:1].isupper()
        and t.i > t.sent.start
        and "\n" not in t.doc[t.i - 1].text_with_ws
        and norm(t.lemma_) in argument_words().group_nouns
    ):
        return True  # "the Allies", "the Central Powers", "the Axis" (not a sentence's first word)
    if t.text[:1].isupper() and (
        norm(t.text) in argument_words().faction_names
        or norm(t.lemma_) in argument_words().faction_names
    ):
        return True  # "Jacobins seize the Tuileries": a faction's name, first word or not
    return any(
        label_of(c) in PARTICIPANT_LABELS
        for c in t.children
        if c.dep_ in {"compound", "amod", "flat"}
    )


def phrase_bounds(t: Token) -> tuple[int, int]:
    """Token bounds of a participant's noun phrase (left modifiers, no determiners/clauses)."""
    left = t.i
    for c in t.lefts:
        if c.dep_ in {"compound", "amod", "flat", "nmod", "poss"} and c.i < left:
            left = min(left, c.left_edge.i if c.dep_ != "poss" else c.i)
    right = t.i
    for c in t.rights:
        if c.dep_ in {"flat", "compound"}:
            right = max(right, c.i)
    return left, right + 1


#: lower-case words before a name that locate a part of it ("western X"): they stay
_PART_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "inner",
        "outer",
        "greater",
    }
)


def skip_epithets(doc: Doc, s: int, e: int) -> int:
    """Skip lower-case adjectives before a name ("neutral X", "occupied X"): an epithet, not
    part of the name (a compass word, "western X", names a part and stays)."""
    while (
        s < e - 1
        and doc[s].dep_ == "amod"
        and doc[s].text[:1].islower()
        and doc[s].lower_ not in _PART_WORDS
    ):
        s += 1
    return s


def title_before_name(t: Token) -> bool:
    """A capitalised title or honorific written before a name ("Earl", "General", "Sir")."""
    return t.text[:1].isupper() and (is_head(t.text) or norm(t.text) in titles().honorifics)


#: labels of a modifier that names the state or people a group belongs to
STATE_LABELS = frozenset({"NORP", "GPE", "STATE"})


def named_after_place(noun: Token, o: Token, label_of: LabelOf) -> bool:
    """ "the Battle of X", "the Siege of X": a noun of fighting whose "of"-complement is a
    place (``battle_nouns`` of names.yaml) and a capitalised name there that is no state."""
    return (
        norm(noun.lemma_) in name_words().battle_nouns
        and o.pos_ == "PROPN"
        and o.text[:1].isupper()
        and label_of(o) not in {"PERSON", "STATE", "NORP"}
    )


def battle_name(t: Token) -> bool:
    return norm(t.lemma_) in name_words().battle_nouns


def names_person(t: Token, label_of: LabelOf) -> bool:
    """A word of the noun phrase of ``t`` is a person ("King Edward the Confessor" with only
    "Edward" tagged a person)."""
    s, e = phrase_bounds(t)
    return any(label_of(x) == "PERSON" for x in t.doc[s:e])
