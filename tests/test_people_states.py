"""The people merge beyond persons: states and organisations as entities, honorific aliases,
given-name variants across documents, coarser titles (hand-built analyses, no spaCy)."""

from __future__ import annotations

from histograph.merge.people import merge_people, merge_states
from histograph.model import Analysis, Document, EntityMention, RoleClaim


def _analysis(
    doc_id: str,
    text: str,
    ents: list[tuple[str, str, str]],
    roles: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
) -> Analysis:
    """ents: (surface, label, key); roles: (title, person key, text stating it)."""
    out: list[EntityMention] = []
    pos = 0
    for surface, label, key in ents:
        i = text.index(surface, pos)
        out.append(EntityMention(doc_id, i, i + len(surface), surface, label, key))
        pos = i + len(surface)
    rcs = []
    for title, key, stated in roles:
        i = text.index(stated)
        rcs.append(RoleClaim(doc_id, i, i + len(stated), key, title))
    return Analysis(
        Document(doc_id, f"mem:{doc_id}", text, "txt"), entities=tuple(out), roles=tuple(rcs)
    )


def test_states_and_organisations_become_entities() -> None:
    a = _analysis(
        "d1",
        "The Soviet Union and the United Nations met the Comintern. Soviet troops moved.",
        [
            ("Soviet Union", "STATE", "USSR"),
            ("United Nations", "ORG", "UN"),
            ("Comintern", "ORG", "Comintern"),
            ("Soviet", "NORP", "USSR"),
        ],
    )
    b = _analysis("d2", "The USSR protested.", [("USSR", "STATE", "USSR")])
    ents = {e.id: e for e in merge_states([a, b])}
    ussr = ents["s-USSR"]
    assert ussr.kind == "state" and ussr.name == "Union of Soviet Socialist Republics"
    assert {"Soviet Union", "USSR", "Soviet"} <= set(ussr.aliases)
    assert {m.doc_id for m in ussr.mentions} == {"d1", "d2"}
    assert ents["s-UN"].kind == "organisation"
    (org,) = [e for e in ents.values() if e.id.startswith("o-")]
    assert org.name == "Comintern" and org.kind == "organisation"


def test_states_follow_the_people_and_are_not_persons() -> None:
    a = _analysis(
        "d1",
        "Maxim Litvinov of the USSR spoke.",
        [("Maxim Litvinov", "PERSON", "Maxim Litvinov"), ("USSR", "STATE", "USSR")],
    )
    people, _ = merge_people([a])
    assert [p.kind for p in people] == ["person", "state"]


def test_an_organisation_named_like_a_person_of_the_document_is_left_out() -> None:
    a = _analysis(
        "d1",
        "Halifax spoke. Halifax (the firm) grew.",
        [("Halifax", "PERSON", "Halifax"), ("Halifax", "ORG", "Halifax")],
    )
    assert merge_states([a]) == []


def test_honorific_before_a_name_is_an_alias() -> None:
    a = _analysis(
        "d1",
        "Lord Halifax arrived. Mr. Hull waited.",
        [("Halifax", "PERSON", "Halifax"), ("Hull", "PERSON", "Hull")],
    )
    people, _ = merge_people([a])
    aliases = {p.name: set(p.aliases) for p in people}
    assert "Lord Halifax" in aliases["Halifax"]
    assert "Mr. Hull" in aliases["Hull"]


def test_given_name_variants_join_across_documents() -> None:
    a = _analysis(
        "d1",
        "Aleksandr Troyanovsky arrived.",
        [("Aleksandr Troyanovsky", "PERSON", "Aleksandr Troyanovsky")],
    )
    b = _analysis(
        "d2",
        "Alexander Troyanovskii left.",
        [("Alexander Troyanovskii", "PERSON", "Alexander Troyanovskii")],
    )
    people, _ = merge_people([a, b])
    assert len(people) == 1
    assert {"Aleksandr Troyanovsky", "Alexander Troyanovskii"} <= set(people[0].aliases)


def test_different_given_names_stay_apart() -> None:
    a = _analysis(
        "d1", "Theodore Roosevelt won.", [("Theodore Roosevelt", "PERSON", "Theodore Roosevelt")]
    )
    b = _analysis(
        "d2", "Franklin Roosevelt won.", [("Franklin Roosevelt", "PERSON", "Franklin Roosevelt")]
    )
    people, _ = merge_people([a, b])
    assert len(people) == 2


def test_a_coarser_title_is_not_a_conflict() -> None:
    a = _analysis(
        "d1",
        "spokesman Karl Weber",
        [("Karl Weber", "PERSON", "Karl Weber")],
        [("spokesman", "Karl Weber", "spokesman Karl Weber")],
    )
    b = _analysis(
        "d2",
        "Politburo spokesman Karl Weber",
        [("Karl Weber", "PERSON", "Karl Weber")],
        [("Politburo spokesman", "Karl Weber", "Politburo spokesman Karl Weber")],
    )
    _, conflicts = merge_people([a, b])
    assert conflicts == []


def test_similar_titles_that_differ_are_still_a_naming_conflict() -> None:
    a = _analysis(
        "d1",
        "Party press secretary Karl Weber",
        [("Karl Weber", "PERSON", "Karl Weber")],
        [("Party press secretary", "Karl Weber", "Party press secretary Karl Weber")],
    )
    b = _analysis(
        "d2",
        "Politburo press secretary Karl Weber",
        [("Karl Weber", "PERSON", "Karl Weber")],
        [("Politburo press secretary", "Karl Weber", "Politburo press secretary Karl Weber")],
    )
    _, conflicts = merge_people([a, b])
    assert [c.kind for c in conflicts] == ["naming"]
