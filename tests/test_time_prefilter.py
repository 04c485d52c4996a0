"""The date grammar's gates: the words every match of a rule needs, a necessary condition only."""

from __future__ import annotations

import re
from typing import Any

from histograph.time import tagger
from histograph.time.prefilter import CASE_FOLDS, folded, gate, may_match
from histograph.time.tagger import find_candidates, grammar


def test_case_folds_are_every_character_re_matches_to_an_ascii_letter() -> None:
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.findall("[a-z0-9]", every, re.IGNORECASE))
    assert found == set(CASE_FOLDS)
    for ch, letter in CASE_FOLDS.items():
        assert re.fullmatch(letter, ch, re.IGNORECASE)


def test_gate_words_of_a_sequence_a_branch_and_a_repeat() -> None:
    assert gate(re.compile(r"(?<!\w)(?:the\s+)?millennium\b")) == ("millennium",)
    assert gate(re.compile(r"(?i:spring|autumn)\s+\d{4}")) == ("autumn", "spring")
    assert gate(re.compile(r"(?:noon){1,2}")) == ("noon",)


def test_no_gate_without_a_word_every_match_needs() -> None:
    assert gate(re.compile(r"\d{4}")) is None
    assert gate(re.compile(r"(?:winter)?\s*\d+")) is None  # the word is optional
    assert gate(re.compile(r"(?:winter|\d+)")) is None  # one alternative has no word
    assert gate(re.compile(r"(?:noon)*x")) is None  # repeated maybe zero times
    assert gate(re.compile(r"ab")) is None  # too short to be worth a test


def test_a_match_in_any_case_passes_its_gate() -> None:
    rx = re.compile(r"(?i:spring)")
    words = gate(rx)
    for text in ("In SPRING.", "in Spring", "in \u017fpring"):  # long s: re folds it to s
        assert rx.search(text)
        assert may_match(words, folded(text))
    assert not may_match(words, folded("In May."))
    assert may_match(None, "")


def test_gated_rules_find_the_same_dates_as_every_rule_run(monkeypatch: Any) -> None:
    text = (
        "The war of the 1850s ended in spring 1856; at noon on 3 May the treaty was signed.\n"
        "A decade later, in the third millennium's eve, the \u017fame council met twice a year."
    )
    gated = [(c.start, c.end, c.rule, c.f) for c in find_candidates(text)]
    assert any(c[2] == "season" for c in gated)
    assert sum(gate(rx) is not None for _, rx in grammar().rules) > len(grammar().rules) // 2
    monkeypatch.setattr(tagger, "gate", lambda rx: None)
    assert [(c.start, c.end, c.rule, c.f) for c in find_candidates(text)] == gated
