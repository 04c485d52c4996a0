"""Event types as data: loading ``data/event_types.yaml`` into typed specs."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..datafile import load_yaml

DATA_FILE = "event_types.yaml"


@dataclass(frozen=True)
class VerbSpec:
    lemmas: frozenset[str]
    objects: frozenset[str] = frozenset()
    object_labels: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    subject_labels: frozenset[str] = frozenset()
    subject_modifiers: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    preps: Mapping[str, frozenset[str]] = field(default_factory=dict)
    passive_only: bool = False
    #: the verb has no direct object ("Khrushchev accepted.")
    intransitive: bool = False
    #: only in the active voice ("Brutus killed Caesar", not "Harold was killed")
    active_only: bool = False
    priority: int = 0  # added to the type's priority when this spec matches

    @property
    def constrained(self) -> bool:
        """The spec names the verb's arguments: a reading of the verb, not the verb alone."""
        return bool(
            self.objects
            or self.object_labels
            or self.subjects
            or self.subject_labels
            or self.particle
            or self.preps
        )


@dataclass(frozen=True)
class NounSpec:
    lemmas: frozenset[str]
    of: frozenset[str] = frozenset()
    of_labels: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    anchor: bool = False
    priority: int = 0  # added to the type's priority when this spec matches

    @property
    def constrained(self) -> bool:
        return bool(self.of or self.of_labels or self.modifiers)


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    format_type: str
    group: str
    cameo: str | None
    plover: str | None
    priority: int
    identity: tuple[str, ...]
    durative: bool
    identity_joins: bool
    verbs: tuple[VerbSpec, ...]
    nouns: tuple[NounSpec, ...]
    argument_roles: Mapping[str, str]
    #: the participants of one such event form a closed set: sources naming different
    #: people disagree (talks, agreements, letters, visits), unlike wars or purges
    closed_participants: bool = False
    #: groups whose nominal trigger, as this type's verbal object, is this act ("declared war")
    absorbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Framing:
    """One way of framing an act ("first establishment", "restoration")."""

    id: str
    label: str
    triggers: frozenset[str]  # trigger words (any form) that carry this framing
    modifiers: frozenset[str]  # words just before the trigger that carry it ("first")


@dataclass(frozen=True)
class Durations:
    """Words that tie a stated length to an event."""

    #: "ending 16 years of X", "after two decades of X": the period ends with the event
    enders: frozenset[str] = frozenset()
    #: "16 years after X": a relative date; the period runs from X to the anchor event
    relative: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StateOfAffairs:
    """Lasting states ("a policy of non-recognition", "continued to withhold recognition"):
    typed ``other``, never asserted as the act they negate."""

    verbs: frozenset[str] = frozenset()  # "maintain", "continue", "keep", "remain"
    negating_verbs: frozenset[str] = frozenset()  # "withhold", "refuse", "deny"
    #: acts whose refusal is itself a lasting stance ("refused to recognise the regime")
    acts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Continuation:
    """Cues that an undated sentence continues the dated event of the sentence before."""

    same_time: tuple[str, ...] = ()  # "that day", "the same day", "then", "immediately"
    back_reference: frozenset[str] = frozenset()  # "now", "newly", "just", "thus"
    blockers: frozenset[str] = frozenset()  # "later", "afterwards", "eventually", "years"


@dataclass(frozen=True)
class Fallback:
    """Untyped events (``other``): which predicates are not events of their own."""

    enabled: bool = False
    confidence: float = 0.6
    stative: frozenset[str] = frozenset()  # be, have, remain, represent, ...
    reporting: frozenset[str] = frozenset()  # the page speaking: say, write, recall, ...
    #: verbs that only say when a typed event happened ("the conference opened")
    aspectual: frozenset[str] = frozenset()
    #: verbs too light to be an event of their own when their object is a typed event
    #: ("extended recognition"), or lexical evidence that two mentions tell one event
    light: frozenset[str] = frozenset()
    #: words that are never lexical evidence (determiners, pronouns, prepositions, ...)
    function_words: frozenset[str] = frozenset()
    #: subject nouns that name a thought or a condition, not an actor ("that assumption had
    #: collapsed", "hopes faded"): a clause about them is commentary, not a happening
    abstract_subjects: frozenset[str] = frozenset()
    #: "than at any other point", "than ever before": a clause compared with all other times
    comparison_scope: frozenset[str] = frozenset()
    #: catch-all types: type and date alone never merge two of their mentions
    generic_types: frozenset[str] = frozenset()
    #: "proposed in a letter", "ended with the armistice": a verb performed through a typed
    #: event of one of these groups takes its type
    instrument_preps: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Tenure:
    """Words that make "Title, 1909–1917" a tenure (:mod:`.tenure`)."""

    offices: frozenset[str] = frozenset()  # words that open a title: president, chancellor
    envoys: frozenset[str] = frozenset()  # an envoy's titles: ambassador, envoy, legate
    verbs: frozenset[str] = frozenset()  # "ruled the country from X to Y"
    verb_bases: frozenset[str] = frozenset()  # "would rule the country between X and Y"
    modals: frozenset[str] = frozenset()  # would, to, ...: what a base form must follow
    holding: frozenset[str] = frozenset()  # "was Secretary of State from X": was, as, became
    relatives: frozenset[str] = frozenset()  # "who would rule X between ...": who


@dataclass(frozen=True)
class Contests:
    """A war verb in a clause about a game or a championship is a contest (``contests``)."""

    words: frozenset[str] = frozenset()  # nouns of the clause: cup, medal, final, match
    groups: frozenset[str] = frozenset()  # the type groups retyped: war
    #: armed bodies: a clause naming one is a fight, whatever league or title it names
    #: ("the Holy League's fleet defeated the navy")
    armed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NotEvents:
    """Mentions that look like events but are not (``not_events`` in the YAML)."""

    #: "during the X War", "amid the war": a war named as the backdrop of another event
    backdrop_preps: frozenset[str] = frozenset()
    #: "in war", "in battle": a bare war noun under these prepositions is a kind, not an event
    generic_preps: frozenset[str] = frozenset()
    #: type groups the two rules above apply to
    backdrop_groups: frozenset[str] = frozenset()
    #: an era named like an event ("the Cold War"; ``named_periods``) is an event only as the
    #: subject of one of these verbs or the "of" of one of these nouns ("the Cold War ended",
    #: "the end of the Cold War"); elsewhere it is a backdrop ("a crisis of the Cold War")
    period_phases: frozenset[str] = frozenset()
    #: "3,000 people died", "destroyed 28,000 buildings", "claims totaled $250 million":
    #: a figure (attribute of another event), not an event, with these verbs
    figure_verbs: frozenset[str] = frozenset()
    #: the types a figure clause may have been given
    figure_types: frozenset[str] = frozenset()
    #: subjects of a frame clause ("the turning point came ..., when X"): not actors
    frame_subjects: frozenset[str] = frozenset()
    #: what introduces the embedded event of a frame clause
    frame_marks: frozenset[str] = frozenset()
    #: "the summit of Everest": a meeting noun naming the top of a place (tops, landforms)
    tops: frozenset[str] = frozenset()
    landforms: frozenset[str] = frozenset()
    #: subjects that make a statement a text's terms ("the charter outlined rights")
    document_subjects: frozenset[str] = frozenset()
    document_types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Modality:
    negators: frozenset[str]
    negative_prefixes: tuple[str, ...]
    intention: frozenset[str]
    prospective: frozenset[str]
    purpose_preps: frozenset[str]
    purpose_heads: frozenset[str]
    state_enders: frozenset[str]
    reference_heads: frozenset[str]
    temporal_markers: frozenset[str]
    #: governors whose "would" complement is a promise, not yet an act ("announced that X
    #: would withdraw")
    promising: frozenset[str] = frozenset()
    #: "did not sign until 9 June": the act happened then (prepositions after a negation)
    not_until: frozenset[str] = frozenset()
    #: verbs whose clausal complement is an act demanded, not one that happened ("demanded
    #: that X stop mobilising", "ordered the garrison to withdraw")
    directives: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventTypes:
    types: Mapping[str, EventType]
    groups: Mapping[str, str]  # type id -> group id
    named_heads: Mapping[str, str]
    named_blockers: frozenset[str]
    modality: Modality
    role_nouns: frozenset[str] = frozenset()
    #: word -> ids of the lexical classes it belongs to (synonymous trigger words)
    lemma_classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    framing: Mapping[str, Framing] = field(default_factory=dict)
    durations: Durations = Durations()
    states: StateOfAffairs = StateOfAffairs()
    continuation: Continuation = Continuation()
    fallback: Fallback = Fallback()
    not_events: NotEvents = NotEvents()
    tenure: Tenure = Tenure()
    contests: Contests = Contests()
    #: names of periods that look like events ("the Cold War"): eras, not happenings
    named_periods: frozenset[str] = frozenset()
    #: heads that name an event only as a verbless line "<Head> of <Name>" ("Sack of X",
    #: "Relief of Y"): head -> type
    named_of_heads: Mapping[str, str] = field(default_factory=dict)
    #: last words of a "<Head> of <Name>" that make the name no place ("Fall of the X Wall")
    named_of_blockers: frozenset[str] = frozenset()
    #: heads of names that are meetings when a place follows ("X Convention in Y")
    named_placed_meetings: frozenset[str] = frozenset()
    #: head noun -> modifiers that make it figurative ("price war", "green revolution")
    figurative_modifiers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    version: int = 1

    def framing_of(self, trigger: str, before: Sequence[str] = ()) -> str | None:
        """The framing class of a trigger word, given the words just before it."""
        words = [w.lower().strip(".,;:'\"’") for w in before]
        for f in self.framing.values():
            if any(w in f.modifiers for w in words):
                return f.id
        forms = _forms(trigger)
        for f in self.framing.values():
            if forms & f.triggers:
                return f.id
        return None

    def lemma_classes_of(self, word: str) -> frozenset[str]:
        """Lexical classes of a trigger word (tried as written, lower-cased, and without a
        plural/verbal ending)."""
        w = word.lower().strip(".,;:'\"’")
        for cand in (
            w,
            w[:-1] if w.endswith("s") else w,
            w[:-2] if w.endswith(("ed", "es")) else w,
            w[:-1] if w.endswith("d") else w,
            w[:-3] if w.endswith("ing") else w,
        ):
            if cand in self.lemma_classes:
                return self.lemma_classes[cand]
        return frozenset()

    def group(self, type_id: str) -> str:
        return self.groups.get(type_id, type_id)

    def compatible(self, a: str, b: str) -> bool:
        """Two types may describe one event (same compatibility group)."""
        return a == b or self.group(a) == self.group(b)

    def format_type(self, type_id: str) -> str:
        t = self.types.get(type_id)
        return t.format_type if t else "other"


def _forms(word: str) -> set[str]:
    """A word and crude stems of it (restored -> restore, resuming -> resume)."""
    w = word.lower().strip(".,;:'\"’")
    out = {w}
    for suf, add in (("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            out.add(w[: -len(suf)] + add)
    return out


def _fs(v: Any) -> frozenset[str]:
    if v is None:
        return frozenset()
    if isinstance(v, str):
        return frozenset([v.lower()])
    return frozenset(str(x).lower() for x in v)


def _verb(d: Mapping[str, Any]) -> VerbSpec:
    return VerbSpec(
        lemmas=_fs(d.get("lemmas")),
        objects=_fs(d.get("objects")),
        object_labels=frozenset(str(x) for x in d.get("object_labels") or ()),
        subjects=_fs(d.get("subjects")),
        subject_labels=frozenset(str(x) for x in d.get("subject_labels") or ()),
        subject_modifiers=_fs(d.get("subject_modifiers")),
        particle=_fs(d.get("particle")),
        preps={_prep(k): _fs_keep_labels(v) for k, v in (d.get("preps") or {}).items()},
        passive_only=bool(d.get("passive_only", False)),
        intransitive=bool(d.get("intransitive", False)),
        active_only=bool(d.get("active_only", False)),
        priority=int(d.get("priority", 0)),
    )


def _prep(key: Any) -> str:
    """A preposition key of the YAML; YAML 1.1 reads a bare on/off/yes/no as a boolean."""
    if isinstance(key, bool):
        raise ValueError(
            f"E105 {DATA_FILE}: preposition key {key!r} must be quoted "
            '("on": [...]), else YAML reads it as a boolean'
        )
    return str(key).lower()


def _fs_keep_labels(v: Any) -> frozenset[str]:
    """Lemmas are lower-cased; entity labels (all upper case) are kept as written."""
    return frozenset(str(x) if str(x).isupper() else str(x).lower() for x in v or ())


def _noun(d: Mapping[str, Any]) -> NounSpec:
    return NounSpec(
        lemmas=_fs(d.get("lemmas")),
        of=_fs(d.get("of")),
        of_labels=frozenset(str(x) for x in d.get("of_labels") or ()),
        modifiers=_fs(d.get("modifiers")),
        anchor=bool(d.get("anchor", False)),
        priority=int(d.get("priority", 0)),
    )


def _classes(raw: Any) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for k, words in enumerate(raw):
        for w in words:
            out.setdefault(str(w).lower(), set()).add(f"c{k}")
    return {w: frozenset(c) for w, c in out.items()}


def parse_event_types(data: Mapping[str, Any]) -> EventTypes:
    """Build :class:`EventTypes` from the YAML mapping; raises ValueError naming the problem."""
    raw_types = data.get("types")
    if not isinstance(raw_types, Mapping):
        raise ValueError(f"E101 {DATA_FILE}: 'types' must be a mapping")
    groups: dict[str, str] = {}
    for gid, members in (data.get("groups") or {}).items():
        for m in members:
            groups[str(m)] = str(gid)
    default_roles = {str(k): str(v) for k, v in (data.get("default_argument_roles") or {}).items()}
    types: dict[str, EventType] = {}
    for tid, t in raw_types.items():
        if not isinstance(t, Mapping):
            raise ValueError(f"E102 {DATA_FILE}: type {tid!r} must be a mapping")
        roles = dict(default_roles)
        roles.update({str(k): str(v) for k, v in (t.get("argument_roles") or {}).items()})
        cameo = t.get("cameo")
        types[str(tid)] = EventType(
            id=str(tid),
            label=str(t.get("label", tid)),
            format_type=str(t.get("format_type", tid)),
            group=groups.get(str(tid), str(tid)),
            cameo=None if cameo is None else str(cameo),
            plover=t.get("plover"),
            priority=int(t.get("priority", 0)),
            identity=tuple(str(x) for x in t.get("identity") or ()),
            durative=bool(t.get("durative", False)),
            identity_joins=bool(t.get("identity_joins", False)),
            verbs=tuple(_verb(v) for v in t.get("verbs") or ()),
            nouns=tuple(_noun(n) for n in t.get("nouns") or ()),
            argument_roles=roles,
            closed_participants=bool(t.get("closed_participants", False)),
            absorbs=frozenset(str(x) for x in t.get("absorbs") or ()),
        )
    for tid in list(groups):
        if tid not in types:
            raise ValueError(f"E103 {DATA_FILE}: group member {tid!r} is not a defined type")
    named = {str(k).lower(): str(v) for k, v in (data.get("named_heads") or {}).items()}
    for head, tid in named.items():
        if tid not in types:
            raise ValueError(f"E104 {DATA_FILE}: named head {head!r} -> unknown type {tid!r}")
    mod = data.get("modality") or {}
    modality = Modality(
        negators=_fs(mod.get("negators")),
        negative_prefixes=tuple(str(x).lower() for x in mod.get("negative_prefixes") or ()),
        intention=_fs(mod.get("intention")),
        prospective=_fs(mod.get("prospective")),
        purpose_preps=_fs(mod.get("purpose_preps")),
        purpose_heads=_fs(mod.get("purpose_heads")),
        state_enders=_fs(mod.get("state_enders")),
        reference_heads=_fs(mod.get("reference_heads")),
        temporal_markers=_fs(mod.get("temporal_markers")),
        promising=_fs(mod.get("promising")),
        not_until=_fs(mod.get("not_until")),
        directives=_fs(mod.get("directives")),
    )
    framing = {
        str(fid): Framing(
            id=str(fid),
            label=str(f.get("label", fid)),
            triggers=_fs(f.get("triggers")),
            modifiers=_fs(f.get("modifiers")),
        )
        for fid, f in (data.get("framing") or {}).items()
    }
    dur = data.get("durations") or {}
    st = data.get("states") or {}
    cont = data.get("continuation") or {}
    fb = data.get("fallback") or {}
    ne = data.get("not_events") or {}
    ten = data.get("tenure") or {}
    con = data.get("contests") or {}
    return EventTypes(
        contests=Contests(
            words=_fs(con.get("words")),
            groups=frozenset(str(x) for x in con.get("groups") or ()),
            armed=_fs(con.get("armed")),
        ),
        tenure=Tenure(
            offices=_fs(ten.get("offices")) | _fs(ten.get("envoys")),
            envoys=_fs(ten.get("envoys")),
            verbs=_fs(ten.get("verbs")),
            verb_bases=_fs(ten.get("verb_bases")),
            modals=_fs(ten.get("modals")),
            holding=_fs(ten.get("holding")),
            relatives=_fs(ten.get("relatives")),
        ),
        not_events=NotEvents(
            backdrop_preps=_fs(ne.get("backdrop_preps")),
            generic_preps=_fs(ne.get("generic_preps")),
            backdrop_groups=frozenset(str(x) for x in ne.get("backdrop_groups") or ()),
            period_phases=_fs(ne.get("period_phases")),
            figure_verbs=_fs(ne.get("figure_verbs")),
            figure_types=frozenset(str(x) for x in ne.get("figure_types") or ()),
            frame_subjects=_fs(ne.get("frame_subjects")),
            frame_marks=_fs(ne.get("frame_marks")),
            tops=_fs(ne.get("tops")),
            landforms=_fs(ne.get("landforms")),
            document_subjects=_fs(ne.get("document_subjects")),
            document_types=frozenset(str(x) for x in ne.get("document_types") or ()),
        ),
        fallback=Fallback(
            enabled=bool(fb.get("enabled", bool(fb))),
            confidence=float(fb.get("confidence", 0.6)),
            stative=_fs(fb.get("stative")),
            reporting=_fs(fb.get("reporting")),
            aspectual=_fs(fb.get("aspectual")),
            light=_fs(fb.get("light")),
            function_words=_fs(fb.get("function_words")),
            abstract_subjects=_fs(fb.get("abstract_subjects")),
            comparison_scope=_fs(fb.get("comparison_scope")),
            generic_types=frozenset(str(x) for x in fb.get("generic_types") or ()),
            instrument_preps={
                _prep(k): frozenset(str(g) for g in v or ())
                for k, v in (fb.get("instrument_preps") or {}).items()
            },
        ),
        framing=framing,
        durations=Durations(enders=_fs(dur.get("enders")), relative=_fs(dur.get("relative"))),
        states=StateOfAffairs(
            verbs=_fs(st.get("verbs")),
            negating_verbs=_fs(st.get("negating_verbs")),
            acts=frozenset(str(x) for x in st.get("acts") or ()),
        ),
        continuation=Continuation(
            same_time=tuple(str(x).lower() for x in cont.get("same_time") or ()),
            back_reference=_fs(cont.get("back_reference")),
            blockers=_fs(cont.get("blockers")),
        ),
        types=types,
        groups={tid: t.group for tid, t in types.items()},
        named_heads=named,
        named_placed_meetings=_fs(data.get("named_placed_meetings")),
        named_of_heads={
            str(k).lower(): str(v) for k, v in (data.get("named_of_heads") or {}).items()
        },
        named_of_blockers=_fs(data.get("named_of_blockers")),
        figurative_modifiers={
            str(k).lower(): _fs(v) for k, v in (data.get("figurative_modifiers") or {}).items()
        },
        named_blockers=_fs(data.get("named_blockers")),
        named_periods=_fs(data.get("named_periods")),
        role_nouns=_fs(data.get("role_nouns")),
        lemma_classes=_classes(data.get("lemma_classes") or []),
        modality=modality,
        version=int(data.get("version", 1)),
    )


@functools.lru_cache(maxsize=1)
def load_event_types() -> EventTypes:
    """The packaged event types (read once per process)."""
    text = resources.files("histograph").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return parse_event_types(load_yaml(text))


def format_type(type_id: str) -> str:
    """The FORMAT.md §2 type a histograph event type is exported as (``other`` if unknown)."""
    return load_event_types().format_type(type_id)
