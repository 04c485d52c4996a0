"""Event types as data: the YAML loads, covers the FORMAT.md types, groups and codes."""

from __future__ import annotations

import pytest

from histograph.events.types import format_type, load_event_types, parse_event_types

FORMAT_TYPES = {
    "recognition",
    "establish_relations",
    "break_relations",
    "appoint_ambassador",
    "negotiation",
    "agreement_signed",
    "treaty_signed",
    "visit",
    "summit_or_conference",
    "letter_or_statement",
    "revolution_or_coup",
    "war_or_invasion",
    "assassination",
    "purge_or_repression",
    "took_office",
    "economic_event",
    "other",
}


def test_all_format_types_defined_and_exported_as_themselves() -> None:
    et = load_event_types()
    assert set(et.types) >= FORMAT_TYPES
    for t in FORMAT_TYPES:
        assert format_type(t) == t


def test_general_types_map_to_format_vocabulary() -> None:
    et = load_event_types()
    for t in ("birth", "death", "election", "battle", "founding", "disaster"):
        assert t in et.types
        assert format_type(t) in FORMAT_TYPES
    assert format_type("battle") == "war_or_invasion"
    assert format_type("no-such-type") == "other"


def test_codes_and_triggers() -> None:
    et = load_event_types()
    assert et.types["recognition"].cameo == "054"
    assert et.types["break_relations"].cameo == "161"
    assert et.types["negotiation"].plover == "CONSULT"
    for tid, t in et.types.items():
        if tid not in {"other", "state"}:  # states come from negated acts
            assert t.verbs or t.nouns, tid


def test_compatibility_groups() -> None:
    et = load_event_types()
    assert et.compatible("recognition", "establish_relations")
    assert et.compatible("agreement_signed", "treaty_signed")
    assert not et.compatible("recognition", "break_relations")
    assert not et.compatible("visit", "negotiation")


def test_lemma_classes() -> None:
    et = load_event_types()
    assert et.lemma_classes_of("crisis") & et.lemma_classes_of("Depression")
    assert et.lemma_classes_of("telegrams") & et.lemma_classes_of("letter")
    assert not et.lemma_classes_of("banana")


def test_bad_data_is_named() -> None:
    with pytest.raises(ValueError, match="E101"):
        parse_event_types({"types": []})
    with pytest.raises(ValueError, match="E103"):
        parse_event_types({"types": {"a": {}}, "groups": {"g": ["a", "b"]}})
    with pytest.raises(ValueError, match="E104"):
        parse_event_types({"types": {"a": {}}, "named_heads": {"war": "b"}})


def test_framing_durations_states_continuation_are_data() -> None:
    et = load_event_types()
    assert et.framing_of("restored") == "renewal"
    assert et.framing_of("resumption") == "renewal"
    assert et.framing_of("established") == "initial"
    assert et.framing_of("recognition", ["the", "first"]) == "initial"
    assert et.framing_of("recognition") is None
    assert "ending" in et.durations.enders and "after" in et.durations.relative
    assert "withhold" in et.states.negating_verbs and "continue" in et.states.verbs
    assert "recognition" in et.states.acts
    assert "that evening" in et.continuation.same_time and "later" in et.continuation.blockers
    assert et.types["state"].format_type == "other"
    assert et.types["negotiation"].closed_participants
    assert not et.types["war_or_invasion"].closed_participants
