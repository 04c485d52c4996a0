"""Places of events as their clause states them (sentences written for these tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def places(text: str) -> list[str | None]:
    return [e.place for e in analyze(text).events]


def test_region_after_a_comma_is_kept() -> None:
    assert "Calais, France" in places("On 3 May 1802 the French army landed at Calais, France.")
    got = places("On 4 July 1901 the treaty was signed in Albany, N.Y., by both envoys.")
    assert "Albany, N.Y." in got


def test_of_complements_of_a_building_belong_to_it() -> None:
    got = places("The treaty was signed on 2 June 1820 in the Hall of Lions of the Palace of Lyon.")
    assert "Hall of Lions of the Palace of Lyon" in got


def test_a_place_on_a_participle_clause_of_the_verb() -> None:
    got = places("While campaigning in Flanders in May 1304, the king fell ill.")
    assert any(p == "Flanders" for p in got)


def test_a_place_of_another_clause_is_not_taken() -> None:
    got = places(
        "The depression of 1931 hurt trade, and the rise of new regimes in Spain worried London."
    )
    assert "Spain" not in got


def test_the_place_of_the_target_and_a_chamber_tagged_as_an_organisation() -> None:
    got = places(
        "On 9 May 1911 a surprise raid was conducted against the naval depot at Port Carrow."
    )
    assert any(p is not None and "Carrow" in p for p in got)
    got = places("On 4 March 1902 the bill was introduced in the House of Lords by the premier.")
    assert "House of Lords" in got


def test_a_named_battle_is_placed_where_it_is_named() -> None:
    got = places("On 9 June 1402 the Battle of Drumlee ended the revolt.")
    assert any(p is not None and "Drumlee" in p for p in got)


def test_the_place_an_act_is_done_to() -> None:
    assert "Pollard Bay" in places("The surprise attack on Pollard Bay came on 7 May 1911.")
    assert "Moravia" in places("On 9 March 1871 Ruritanian troops entered neutral Moravia.")


def test_a_place_in_the_clause_on_the_object_or_on_the_date() -> None:
    got = places("Danish cavalry routed the rebel army in Kestrup on 2 April 1711.")
    assert any(p is not None and "Kestrup" in p for p in got)
    got = places("Three days later, on 4 March 1390 at Exeter, the statute was proclaimed.")
    assert "Exeter" in got


def test_the_town_whose_residents_act_and_a_town_naming_a_disaster() -> None:
    got = places("On 4 May 1920 the residents of Galway were evacuated after the flood.")
    assert "Galway" in got
    assert "Lisbon" in places("The great Lisbon earthquake struck on 1 November 1755.")


def test_an_epithet_is_no_part_of_the_place() -> None:
    got = places("On 9 March 1871 Ruritanian troops entered neutral Moravia.")
    assert "neutral Moravia" not in got


def test_a_town_naming_the_subject_event_places_the_verb() -> None:
    got = places("On 18 April 1906 the great Chicago earthquake struck.")
    assert got and all(p == "Chicago" for p in got)


def test_a_body_s_seat_is_a_place_and_a_meeting_s_name_never_is() -> None:
    assert "Imperial Senate" in places("On 4 May 1950 the envoy spoke at the Imperial Senate.")
    got = places("On 4 May 1950 the envoy spoke at the Lausanne Peace Conference.")
    assert "Lausanne" in got
    assert not any(p is not None and "Conference" in p for p in got)


def test_a_fronted_participle_clause_places_each_coordinated_verb() -> None:
    got = places("While campaigning in Norfolk in October 1316 King Edmund fell ill and died.")
    assert "Norfolk" in got


def test_a_participle_on_the_event_noun_places_it() -> None:
    got = places("In 1320 the young Henry was crowned, the coronation occurring at Ely Abbey.")
    assert "Ely Abbey" in got


def test_a_demonym_on_a_polity_noun_names_a_place() -> None:
    got = places(
        "Lord Halden was killed by rebels in May 1979 while on holiday in the Irish republic."
    )
    assert "Irish republic" in got


def test_the_battle_a_line_is_headed_with_places_its_verb() -> None:
    got = places(
        "Oct 3 Battle of Wexley, Kent: Olaf II Tryggvason defeats Earls Aldred and Osric\n"
    )
    assert any(p is not None and "Wexley" in p for p in got)


def test_a_state_acting_as_subject_is_no_place() -> None:
    got = places("On 3 May 1870 Prussia declared war on Denmark.")
    assert "Prussia" not in got


def test_a_place_written_on_the_act_s_object() -> None:
    got = places(
        "On 20 June 1963 the two states signed a memorandum of understanding in Geneva "
        "establishing a direct link."
    )
    assert "Geneva" in got


def test_a_disaster_named_after_a_town_is_placed_there_never_at_its_year() -> None:
    got = places("It was worse than the Brenford Hurricane of 1900.")
    assert "Brenford" in got and "1900" not in got


def test_a_compass_word_alone_is_never_a_place() -> None:
    got = places("Within a year, on 1 March 1871, East and West Varnia were reunited.")
    assert got and "East" not in got and "West" not in got


def test_an_envoy_recalled_from_a_capital_is_recalled_there() -> None:
    got = places("On 9 March 1852 Lisbon recalled its consul from Turin the same evening.")
    assert "Turin" in got


def test_a_journey_is_not_placed_where_it_started() -> None:
    got = places("On 3 April 1497 the fleet set sail from Cadiz for the Canaries.")
    assert "Cadiz" not in got


def test_words_said_to_a_chamber_are_said_in_it() -> None:
    got = places("On 4 May 1871 the minister set out the budget to the House of Deputies.")
    assert "House of Deputies" in got
    got = places("In 1823 President Ellery presented the new doctrine before Congress.")
    assert "Congress" in got


def test_no_place_the_page_does_not_state() -> None:
    # a seat of government is where such acts are often done, but no source says so: every
    # place is a span of the page
    assert "Lisbon" not in places("On 9 March 1916 Portugal declared war on the Ottoman Empire.")
    assert "Madrid" not in places("On 18 May 1898 the Spanish Cortes passed the new tariff law.")


def test_a_state_recognised_is_no_place_of_the_recognition() -> None:
    got = places("The Portuguese recognition of Brazil in 1825 ended the dispute.")
    assert "Brazil" not in got


def test_a_participle_on_the_subject_tells_where_it_acted() -> None:
    got = places("Envoys of the seven powers, meeting in Geneva, signed the convention in 1906.")
    assert "Geneva" in got


def test_a_date_the_parser_hung_on_a_place_name_is_not_part_of_it() -> None:
    got = places("On 9 May 1920 the treaty was signed in Lisbon.")
    assert "Lisbon" in got and not any(p and "1920" in p for p in got)


def test_where_the_subject_sits_is_where_it_acted() -> None:
    got = places("On 23 June 1849 the National Assembly at Frankfurt voted to accept the charter.")
    assert "Frankfurt" in got


def test_a_place_named_on_the_room_or_the_farm_it_happened_in() -> None:
    got = places("The armistice of 4 May 1801 was signed in a farmhouse near Lunéville.")
    assert "Lunéville" in got


def test_a_battle_named_after_a_place_gives_the_whole_name_not_a_fragment() -> None:
    got = places("On 3 May 1612 the earl routed the rebels at the Battle of Kelton Ford.")
    assert "Kelton Ford" in got
    assert not any(p is not None and p.startswith("Battle") for p in got)


def test_a_fronted_battle_places_the_verb_it_hangs_on() -> None:
    got = places("At the Battle of Morwick in 1703, a Danish army surprised the Swedes.")
    assert got and all(p == "Morwick" for p in got)


def test_a_state_that_became_independent_or_was_founded_is_the_place() -> None:
    assert "Norway" in places("On 7 June 1905 Norway became independent from Sweden.")
    assert "Belgium" in places("Belgium came into being in 1830.")
    # the active subject of "founded" founded something elsewhere: no place
    assert "France" not in places("In 1608 France founded a colony on the river.")


def test_a_chamber_after_in_or_inside_is_where_words_were_said() -> None:
    got = places("On 12 May 1880 the premier made a speech inside Parliament.")
    assert "Parliament" in got


def test_a_state_that_underwent_a_passive_act_is_the_place() -> None:
    # "unify *" in places.yaml: the "*" used to be read as no word and never matched
    assert "Freedonia" in places("On 2 May 1861 Freedonia was unified.")


def test_an_epithet_before_an_event_noun_is_no_place() -> None:
    got = places("1742 – The Great Flood breaks out in Dunmore.")
    assert "Great" not in got
    assert "Dunmore" in got


def test_the_place_on_the_agent_of_a_passive_act() -> None:
    got = places("1921 – The charter is signed by forty nations in Porto Alegre.")
    assert "Porto Alegre" in got


def test_where_the_subject_sits_when_an_infinitive_states_the_act() -> None:
    got = places("On 3 June 1871 the Provincial Diet at Lyon voted to accept the treaty.")
    assert "Lyon" in got


def test_a_hyphenated_town_after_at() -> None:
    got = places(
        "In May 1809 the rebels signed a truce with Norland at Nova-Ruska, ending the war."
    )
    assert any(p is not None and "Nova-Ruska" in p for p in got)


def test_a_lone_name_tagged_a_person_after_at_is_a_site_unless_aimed_at() -> None:
    from histograph.events.place_names import site_tagged_person as _site_tagged_person
    from histograph.nlp import get_nlp

    def check(text: str, name: str) -> bool:
        doc = get_nlp()(text)
        o = next(t for t in doc if t.text == name and t.dep_ == "pobj")
        return _site_tagged_person(o, o.head, lambda t: "PERSON" if t.text == name else "")

    assert check("On 4 May 1902 the mayor and the bishop gathered at Ambrose.", "Ambrose")
    assert not check("On 3 May 1901 a gunman fired at Ambrose in the square.", "Ambrose")
    assert not check("Tom Ambrose spoke, and the crowd gathered at Ambrose.", "Ambrose")


def test_a_later_coordinated_verb_takes_the_place_of_the_first() -> None:
    got = places("On 2 March 1871 the delegates met in Ghent and signed the accord.")
    assert got.count("Ghent") == 2
    got = places("In Tarvia, the foreign minister read the note on 4 July 1890 and told the envoy.")
    assert got.count("Tarvia") == 2


def test_no_place_of_the_first_verb_after_a_move_or_for_another_date() -> None:
    assert places("He was born in Dunmore in 1801 and died in 1870.") == ["Dunmore", None]
    got = places("In 1901 he was elected mayor in Dunmore and resigned in 1905.")
    assert got.count("Dunmore") == 1


def test_a_place_through_or_along_which_an_act_went() -> None:
    assert "Tarvia" in places("Thousands marched through Tarvia on 7 March 1911.")


def test_on_a_land_feature_but_never_on_a_state() -> None:
    got = places("On 6 June 1702 the marines landed on Hollow Beach.")
    assert any(p is not None and "Hollow Beach" in p for p in got)
    assert "Norland" not in places("On 4 August 1790 Sweden declared war on Norland.")


def test_a_verb_that_only_says_it_happened_takes_its_when_clause_place() -> None:
    got = places(
        "In 1905 the deadliest fire in the city's history took place when a blaze caused"
        " 120 deaths at the Grand Theatre in Lyon, France."
    )
    assert "Grand Theatre in Lyon, France" in got


def test_the_place_of_an_occasion_written_before_the_act() -> None:
    got = places(
        "On 3 May 1790, over dinner at Windsor, the king promised the Spanish envoy that"
        " France would send troops."
    )
    assert "Windsor" in got


def test_the_place_on_the_acts_own_object_before_the_verb_it_hangs_on() -> None:
    got = places(
        "The peace was signed in the Great Hall of Kronborg Castle on 12 May 1720, two years"
        " after the assassination of Count Adler in Bergen."
    )
    assert "Bergen" in got


def test_a_town_that_underwent_an_act_of_war_or_ruin_is_its_place() -> None:
    assert "Dover" in places("Dover, the port's old town, was evacuated on 4 June 1870.")
    assert "Dover" in places("On 4 June 1870 Dover was shelled by the fleet.")
    # a person who underwent it is no place; the active subject acted elsewhere
    assert places("On 4 June 1870 the king was captured by rebels.") == [None]


def test_a_building_keeps_the_town_it_stands_in() -> None:
    got = places(
        "In 1887 an explosion resulted in 30 deaths at the Northgate Mill in Ambersley, Yorkshire."
    )
    assert "Northgate Mill in Ambersley, Yorkshire" in got
    # a building's own "of"-complements stay as they were
    assert "Hall of Lions of the Palace of Lyon" in places(
        "The treaty was signed on 2 June 1820 in the Hall of Lions of the Palace of Lyon."
    )


def test_a_movement_into_a_place_happened_there() -> None:
    assert "Bohemia" in places("On 5 May 1805 the Prussian army marched into Bohemia.")
    assert "Tuscany" in places("On 2 March 1799 French troops crossed into Tuscany.")
    # "divided into" names what came of the act, not where it happened
    assert places("In 1807 the kingdom was divided into two provinces.") == [None]


def test_a_chamber_that_acted_as_a_body_is_the_place() -> None:
    assert "Senate" in places("In March 1806 the Senate rejected the tariff bill by four votes.")
    # an act told inside the chamber's act ("in a ballot held in March")
    got = places("The Senate voted down the tariff in a ballot held in March 1806.")
    assert "Senate" in got
    assert "Congress" in places("On 6 May 1862 Congress passed the Homestead Bill.")
    # the agent of a passive is left alone (one body named in many ways would split the merge)
    got = places("The act was passed by the Imperial Parliament on 2 June 1807.")
    assert "Imperial Parliament" not in got


def test_a_journey_is_not_placed_where_it_set_out_even_without_a_goal() -> None:
    # the origin as a place would keep apart two pages telling the voyage (one names where
    # it went)
    assert "Brest" not in places("The fleet sailed from Brest on 2 June 1798.")


def test_the_act_after_a_journey_happened_where_the_journey_went() -> None:
    got = places(
        "On 2 May 1848 the count rode from Lima to Quito, and the council of the town"
        " named him its mayor."
    )
    assert "Quito" in got
    # never where a verb of no journey named a place
    got = places("In 1790 the poet was born in Porto and died in Lisbon in 1850.")
    assert got.count("Porto") <= 1


def test_a_state_named_after_the_noun_of_its_act_is_the_place() -> None:
    assert "Moravia" in places("The division of Moravia was carried out in spring 1742.")
    got = places("The congress ended with the formation of two duchies, Parma and Lucca, in 1815.")
    assert "Parma" in got
    # the states a noun undergoing the act is "of"
    assert "Moldavia" in places("The principalities of Moldavia and Wallachia were united in 1859.")
    # an organisation founded is no place
    assert places("The founding of the Hanseatic League in 1356 was slow.") == [None]


def test_a_battle_told_by_its_verb_is_where_it_is_named_after() -> None:
    got = places("The siege of Tarvia was fought between Austrian and French forces in 1809.")
    assert "Tarvia" in got


def test_another_nouns_place_and_a_clocks_zone_are_not_the_place() -> None:
    # "from A in X to B": the place of A, not of B
    got = places("Between the riot in Turin and the declaration of war by Savoy lay nine weeks.")
    assert "Turin" not in got
    # a clock time told as an aside in another place's zone
    got = places("On Friday (noon in Lisbon) the herald proclaimed the new king in Madrid.")
    assert "Lisbon" not in got
    # a clock time in the sentence's own run is where it happened; an act "of" a noun too
    assert "Lisbon" in places("At 5 a.m. in Lisbon the earthquake struck on 1 November 1755.")
    assert "Ghent" in places(
        "The signing of the treaty at Ghent on 24 December 1814 ended the war."
    )


def test_a_name_an_apposition_calls_a_town_is_the_place_of_its_ruin() -> None:
    got = places("Karsk, an old mill town on the river, was abandoned on 4 May 1902.")
    assert "Karsk" in got
    assert "Marlow" in places("Marlow, a small port on the coast, was shelled on 9 June 1916.")
    # a person with a title in apposition is none
    assert places("John Smith, the town clerk, was captured on 9 June 1916.") == [None]


def test_a_wreck_or_a_sea_fight_off_a_coast_or_a_cape() -> None:
    assert "Portugal" in places("The galleon sank off the coast of Portugal on 7 May 1588.")
    assert "Cape Farrow" in places("The steamer sank off Cape Farrow on 12 April 1871.")
    assert "Dunmore" in places("The frigate was sunk off Dunmore in 1797.")
    # a particle "off" names no place
    assert places("The army was cut off from its base in 1812.") == [None]
