"""Event typing that holds on unseen pages: one short sentence per shape a typing rule handles.

Sentences are written for these tests (other wars, reigns and journeys than any evaluation page);
each is dated "In <year>" with a hand-built date, so only the typing is under test."""

from __future__ import annotations

import pytest

from events_helpers import tm
from histograph.events.types import format_type, load_event_types
from histograph.model import EventMention
from test_events import run

pytestmark = pytest.mark.slow


def _typed(sentence: str) -> dict[str, str]:
    """Trigger text -> event type for a sentence opening with "In <year>"."""
    year = sentence.split()[1].rstrip(",")
    text, evs = run(sentence + "\n", lambda t, d: [tm(t, year, year, d)])
    return _by_trigger(text, evs)


def _by_trigger(text: str, evs: list[EventMention]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in evs:
        out.setdefault(text[e.trigger_start : e.trigger_end], e.type)
    return out


@pytest.mark.parametrize(
    ("sentence", "trigger", "typ"),
    [
        # a reading fixed by the verb's object beats the verb alone
        ("In 1701, the emperor declared war on France.", "declared", "war_declaration"),
        ("In 1529, Suleiman laid siege to Vienna.", "laid", "war_or_invasion"),
        ("In 1453, the Ottomans besieged the capital.", "besieged", "war_or_invasion"),
        ("In 1798, French troops landed at Aboukir.", "landed", "war_or_invasion"),
        ("In 1871, the garrison surrendered.", "surrendered", "war_or_invasion"),
        ("In 1917, the United States entered the war.", "entered", "war_or_invasion"),
        ("In 1588, the fleet set sail for England.", "set", "war_or_invasion"),
        ("In 1960, a reconnaissance plane was shot down.", "shot", "war_or_invasion"),
        # taking office: by the verb and the office it names
        ("In 1804, Napoleon was crowned emperor.", "crowned", "took_office"),
        ("In 1558, Elizabeth ascended the throne.", "ascended", "took_office"),
        ("In 1820, George succeeded his father as king.", "succeeded", "took_office"),
        ("In 1922, the cardinal was elected pope.", "elected", "took_office"),
        ("In 1933, Hitler was appointed chancellor.", "appointed", "took_office"),
        ("In 1913, Wilson was sworn in.", "sworn", "took_office"),
        # the same verb names an envoy's appointment when the role is an envoy's
        ("In 1933, Bullitt was appointed ambassador to Moscow.", "appointed", "appoint_ambassador"),
        # leaving office keeps its own type
        ("In 1936, the king abdicated.", "abdicated", "left_office"),
        ("In 1990, Thatcher resigned as prime minister.", "resigned", "left_office"),
        # killings: an attack on a named person, not a death in battle
        ("In 1914, a student shot the archduke.", "shot", "assassination"),
        ("In 1979, Mountbatten was killed by IRA gunmen.", "killed", "assassination"),
        ("In 1066, Harold was killed.", "killed", "death"),
        # risings
        ("In 1905, the sailors mutinied.", "mutinied", "revolution_or_coup"),
        ("In 1381, the peasants rose against the king.", "rose", "revolution_or_coup"),
        # alliances, meetings, journeys, messages, markets
        ("In 1894, France and Russia formed an alliance.", "formed", "treaty_signed"),
        ("In 1815, the minister presided over the congress.", "presided", "summit_or_conference"),
        ("In 1797, the envoy left Vienna for Paris.", "left", "visit"),
        ("In 1986, the government delegation arrived.", "arrived", "visit"),
        ("In 1914, Vienna handed Belgrade a note.", "handed", "letter_or_statement"),
        ("In 1929, the stock market crashed.", "crashed", "economic_event"),
        # events outside the corpus types keep a type of their own
        ("In 1787, the delegates adopted the constitution.", "adopted", "legislation"),
        ("In 1914, Austria mobilised.", "mobilised", "mobilization"),
        ("In 1876, Bell patented the telephone.", "patented", "discovery"),
        ("In 1755, an earthquake struck Lisbon.", "struck", "disaster"),
    ],
)
def test_typing_by_shape(sentence: str, trigger: str, typ: str) -> None:
    got = _typed(sentence)
    assert got.get(trigger) == typ, got


def test_declared_war_is_one_event_not_a_war_beside_it() -> None:
    got = _typed("In 1792, France declared war on Austria.")
    assert got == {"declared": "war_declaration"}


def test_statement_verbs_alone_stay_statements() -> None:
    got = _typed("In 1823, the president declared that the hemisphere was closed.")
    assert got.get("declared") == "letter_or_statement"


def test_set_forth_an_idea_is_no_statement() -> None:
    got = _typed("In 1809, the engineer set forth the concept of a glider.")
    assert got.get("set") != "letter_or_statement"


def test_a_figurative_subject_types_no_war() -> None:
    got = _typed("In 1881, a fare war broke out among the railways.")
    assert "war_or_invasion" not in got.values()


def test_leaving_the_country_for_war_is_not_a_visit() -> None:
    got = _typed("In 1415, the army left Southampton for France.")
    assert got.get("left") == "war_or_invasion"


def test_outside_types_map_to_the_format_vocabulary() -> None:
    """Every type of the knowledge base exports as a FORMAT.md type: the corpus's own types
    as themselves, the others as the README conventions say (births, deaths, foundings,
    disasters, legislation, ... as ``other``; battles and declarations of war as wars)."""
    et = load_event_types()
    for tid in ("left_office", "legislation", "discovery", "flight", "trial", "mobilization"):
        assert tid in et.types and format_type(tid) == "other", tid
    assert format_type("war_declaration") == "war_or_invasion"
    assert format_type("battle") == "war_or_invasion"


def test_verb_specs_rank_constrained_readings_first() -> None:
    et = load_event_types()
    declare = [v for v in et.types["war_declaration"].verbs if "declare" in v.lemmas]
    assert declare and all(v.constrained for v in declare)
    plain = [v for v in et.types["letter_or_statement"].verbs if "declare" in v.lemmas]
    assert plain and not any(v.constrained for v in plain)


def test_shared_word_lists_reach_every_spec() -> None:
    """The YAML's shared lists (aliases) are read into each spec that names them."""
    et = load_event_types()
    office = [v for v in et.types["took_office"].verbs if "crown" in v.lemmas and v.objects]
    assert office and {"king", "emperor", "pope", "dictator"} <= office[0].objects
