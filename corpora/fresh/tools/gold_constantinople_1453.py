"""Gold for corpora/fresh/docs/constantinople_1453 (three pages written for this project)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "wide" / "tools"))

from gold_lib import C, E, M, NE, PER, R, V, dump

A, B, D = "constantinople_1453/01.txt", "constantinople_1453/02.txt", "constantinople_1453/03.txt"

events = [
    E("k01", "The Ottoman army captures Constantinople, ending the Byzantine Empire.", "war_or_invasion",
      "1453-05-29", [
          M(A, "The Fall of Constantinople was the capture of the capital of the Byzantine Empire by the Ottoman army on 29 May 1453"),
          M(A, "The city fell after a siege of 53 days"),
          M(B, "The end came on Tuesday, 29 May 1453."),
          M(D, "1453 – Ottoman forces under Sultan Mehmed II capture Constantinople, ending the Byzantine Empire"),
      ], place="Constantinople"),
    E("k02", "The Ottoman siege of Constantinople.", "war_or_invasion", "1453-04-06/1453-05-29", [
          M(A, "Date: 6 April – 29 May 1453"),
          M(A, "a siege of 53 days that began on 6 April 1453"),
          M(B, "The siege began on 2 April 1453, when the Ottoman vanguard appeared before these walls"),
      ], acc=["1453-04-02/1453-05-29"], place="Constantinople"),
    E("k03", "Mehmed II succeeds his father Murad II as sultan.", "took_office", "1451-02", [
          M(A, "Sultan Mehmed II succeeded his father Murad II in February 1451"),
      ], salience="secondary"),
    E("k04", "Mehmed builds the fortress of Rumeli Hisarı on the Bosphorus.", "other", "1452", [
          M(A, "In 1452 he built the fortress of Rumeli Hisarı on the European shore of the Bosphorus"),
      ], salience="secondary", place="Bosphorus"),
    E("k05", "Constantine XI appeals to the West for aid.", "letter_or_statement", None, [
          M(A, "Emperor Constantine XI Palaiologos appealed to the West for aid"),
      ], salience="minor", alts=["other"]),
    E("k06", "The union of the Greek and Latin churches is proclaimed in Hagia Sophia.", "agreement_signed",
      "1452-12", [
          M(A, "In December 1452 the union of the Greek and Latin churches was proclaimed in Hagia Sophia"),
      ], salience="secondary", alts=["letter_or_statement", "other"], place="Hagia Sophia"),
    E("k07", "Giustiniani arrives with 700 Genoese soldiers.", "other", "1453-01", [
          M(A, "who had arrived in January 1453"),
      ], salience="minor", alts=["visit"]),
    E("k08", "Three Genoese ships and a Byzantine grain ship break through the Ottoman fleet.", "war_or_invasion",
      "1453-04-20", [
          M(A, "On 20 April three Genoese ships and a Byzantine grain ship broke through the Ottoman fleet"),
      ], salience="secondary", alts=["other"]),
    E("k09", "Ottoman ships are dragged overland into the Golden Horn.", "other", "1453-04-22", [
          M(A, "Two days later Mehmed had some 70 ships dragged overland into the Golden Horn"),
          M(B, "On the night of 21 to 22 April the sultan's men hauled their galleys over the hill of Galata on greased logs and launched them into the Golden Horn"),
      ], salience="secondary", alts=["war_or_invasion"], acc=["1453-04-21/1453-04-22", "1453-04-21"],
      place="Golden Horn"),
    E("k10", "The final assault on the walls.", "war_or_invasion", "1453-05-29", [
          M(A, "The final assault began before dawn on 29 May"),
          M(A, "the Janissaries broke through near the Gate of St. Romanus"),
      ], salience="secondary", part_of="k01"),
    E("k11", "Giustiniani is badly wounded and carried from the walls.", "other", "1453-05-29", [
          M(A, "Giustiniani was badly wounded and carried from the walls"),
      ], salience="minor"),
    E("k12", "Emperor Constantine XI is killed in the fighting.", "other", "1453-05-29", [
          M(A, "Constantine XI was killed in the fighting"),
          M(B, "Emperor Constantine XI Palaeologus threw off his imperial insignia and charged into the fighting; his body was never identified"),
          M(D, "Emperor Constantine XI dies defending the walls"),
      ], salience="main", alts=["war_or_invasion"]),
    E("k13", "Mehmed enters the city and rides to Hagia Sophia.", "visit", "1453-05-29", [
          M(A, "Mehmed entered the city the same afternoon and rode to Hagia Sophia"),
      ], salience="secondary", alts=["other"], place="Constantinople"),
    E("k14", "Hagia Sophia is converted into a mosque.", "other", "1453", [
          M(A, "which was converted into a mosque"),
      ], salience="secondary", place="Hagia Sophia"),
    E("k15", "The first Friday prayer is held in Hagia Sophia.", "other", "1453-06-01", [
          M(B, "Three days later, the first Friday prayer was held in Hagia Sophia"),
      ], salience="secondary", place="Hagia Sophia"),
    E("k16", "Mehmed makes Constantinople his capital.", "other", None, [
          M(A, "Mehmed made Constantinople his capital"),
      ], salience="secondary"),
    E("k17", "Giustiniani dies of his wounds on Chios.", "other", "1453-06", [
          M(A, "Giustiniani died of his wounds on the island of Chios in June 1453"),
      ], salience="minor", place="Chios"),
    E("k18", "Urban offers his services to the emperor, who cannot pay him.", "other", None, [
          M(B, "The cannon founder Urban, a Hungarian, had first offered his services to the emperor"),
      ], salience="minor"),
    E("k19", "Mehmed II arrives with the main army a few days after the vanguard.", "other", None, [
          M(B, "Sultan Mehmed II arrived with the main army a few days later"),
      ], salience="minor", alts=["war_or_invasion"], acc=["1453-04"]),
    E("d02", "Charles II enters London to reclaim the English throne.", "other", "1660-05-29", [
          M(D, "1660 – Charles II enters London to reclaim the English throne on his 30th birthday"),
      ], alts=["took_office", "visit"], place="London"),
    E("d03", "The Rite of Spring premieres in Paris, provoking a riot.", "other", "1913-05-29", [
          M(D, "1913 – Igor Stravinsky's ballet The Rite of Spring premieres in Paris, provoking a riot in the audience"),
      ], place="Paris"),
    E("d04", "Hillary and Tenzing reach the summit of Mount Everest.", "other", "1953-05-29", [
          M(D, "1953 – Edmund Hillary and Tenzing Norgay become the first climbers to reach the summit of Mount Everest"),
      ], place="Mount Everest"),
]
events[1]["participants"] = [{"name": "Ottoman Empire", "role": "attacker"}, {"name": "Byzantine Empire", "role": "defender"}]
events[0]["participants"] = [{"name": "Ottoman Empire", "role": "attacker"}, {"name": "Byzantine Empire", "role": "defender"}, {"name": "Mehmed II", "role": "commander"}]
events[2]["participants"] = [{"name": "Mehmed II", "role": "successor"}, {"name": "Murad II", "role": "predecessor"}]

people = [
    PER("Mehmed II", ["Sultan Mehmed II", "Mehmed II", "Mehmed"], [
        R("Sultan", "Sultan Mehmed II", [A, B, D])]),
    PER("Murad II", ["Murad II"], []),
    PER("Constantine XI Palaiologos", ["Emperor Constantine XI Palaiologos", "Constantine XI Palaiologos",
                                        "Constantine XI", "Emperor Constantine XI Palaeologus",
                                        "Constantine XI Palaeologus", "Emperor Constantine XI"], [
        R("Emperor", "Emperor Constantine XI Palaiologos", [A, B, D])]),
    PER("Orban", ["Orban", "Urban"], [
        R("engineer", "the Hungarian engineer Orban", [A]),
        R("cannon founder", "The cannon founder Urban", [B])], notes="Spelled Orban in 01, Urban in 02."),
    PER("Giovanni Giustiniani Longo", ["Giovanni Giustiniani Longo", "Giustiniani"], []),
    PER("Ines Duarte", ["Ines Duarte"], [], notes="Blog author and photo credit."),
    PER("Charles II", ["Charles II"], []),
    PER("Igor Stravinsky", ["Igor Stravinsky"], []),
    PER("Edmund Hillary", ["Edmund Hillary"], []),
    PER("Tenzing Norgay", ["Tenzing Norgay"], []),
]

conflicts = [
    C("Start date of the siege", [
        V("1453-04-06", A, "a siege of 53 days that began on 6 April 1453"),
        V("1453-04-02", B, "The siege began on 2 April 1453")]),
    C("Size of the Ottoman army", [
        V("80000", A, "The Ottoman army, estimated at 80,000 men"),
        V(">100000", B, "his army numbered more than 100,000")]),
    C("Number of defenders", [
        V("about 7000", A, "The defenders numbered about 7,000"),
        V("<5000", B, "were fewer than 5,000")]),
    C("Spelling of the cannon founder's name", [
        V("Orban", A, "the Hungarian engineer Orban"),
        V("Urban", B, "The cannon founder Urban")], severity="soft"),
    C("Spelling of the emperor's name", [
        V("Palaiologos", A, "Emperor Constantine XI Palaiologos"),
        V("Palaeologus", B, "Emperor Constantine XI Palaeologus")], severity="soft"),
]

non_events = [
    NE(A, "This page was last edited on 3 March 2024, at 10:12 (UTC).", "page timestamp"),
    NE(A, "Privacy policy · About Worldpedia · Disclaimers", "UI line"),
    NE(A, "Categories: 1453 in the Ottoman Empire | Sieges involving the Byzantine Empire", "categories"),
    NE(A, "1. ^ Runciman, The Fall of Constantinople 1453, p. 85.", "reference"),
    NE(B, "Posted 14 May 2023 · 7 min read", "publication timestamp"),
    NE(B, "[Photo: The land walls near Edirnekapı. Photo © Ines Duarte]", "image caption and credit"),
    NE(B, "Leave a comment (12)", "UI line"),
    NE(D, "Sign up for our daily history email", "UI line"),
]

dump("constantinople_1453", [A, B, D], events, people, conflicts, non_events, root=Path(__file__).resolve().parents[1])
