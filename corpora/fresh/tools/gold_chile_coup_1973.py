"""Gold for corpora/fresh/docs/chile_coup_1973 (three pages written for this project)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "wide" / "tools"))

from gold_lib import C, E, M, NE, PER, R, V, dump

A, B, D = "chile_coup_1973/01.txt", "chile_coup_1973/02.txt", "chile_coup_1973/03.txt"

events = [
    E("c01", "The armed forces overthrow the government of Salvador Allende.", "revolution_or_coup", "1973-09-11", [
          M(A, "On the morning of 11 September 1973 the armed forces of Chile overthrew the elected government of President Salvador Allende"),
          M(A, "The coup was led by a four-man junta"),
          M(B, "On 11 September the armed forces rose against the government"),
          M(D, "a junta headed by army chief Augusto Pinochet took power"),
      ], place="Santiago"),
    E("c02", "The navy seizes the port of Valparaíso.", "war_or_invasion", "1973-09-11", [
          M(A, "The navy moved first, seizing the port of Valparaíso at about 6 a.m."),
      ], salience="secondary", alts=["revolution_or_coup"], part_of="c01", place="Valparaíso"),
    E("c03", "Allende's last radio address on Radio Magallanes.", "letter_or_statement", "1973-09-11", [
          M(A, "At 9:10 a.m. Allende, who had gone to La Moneda palace with a few dozen aides and guards, made his last radio address over Radio Magallanes and told Chileans that he would not resign"),
          M(B, "At 9:03 a.m. Allende addressed the country for the last time on Radio Magallanes"),
          M(D, "Earlier that morning President Allende had spoken to the nation one last time on Radio Magallanes"),
      ], place="La Moneda"),
    E("c04", "Air force jets bomb La Moneda palace.", "war_or_invasion", "1973-09-11", [
          M(A, "Just before noon, Hawker Hunter jets of the air force fired rockets into the palace"),
          M(B, "At 11.52 a.m. the air force bombed the palace"),
          M(D, "On 11 September 1973, at 15:52 GMT, air force jets bombed La Moneda, the presidential palace in Santiago"),
      ], alts=["revolution_or_coup", "other"], part_of="c01", place="La Moneda, Santiago"),
    E("c05", "Army troops storm La Moneda.", "war_or_invasion", "1973-09-11", [
          M(A, "Army troops stormed La Moneda in the early afternoon"),
      ], salience="secondary", alts=["revolution_or_coup"], part_of="c01", place="La Moneda"),
    E("c06", "Allende dies inside La Moneda.", "other", "1973-09-11", [
          M(A, "Allende was found dead inside"),
          M(B, "Allende died inside La Moneda that afternoon"),
          M(D, "Allende was dead"),
      ], place="La Moneda"),
    E("c07", "A 2011 autopsy confirms that Allende shot himself.", "other", "2011", [
          M(A, "a 2011 autopsy confirmed that he had shot himself"),
      ], salience="minor", alts=["letter_or_statement"]),
    E("c08", "Allende appoints Augusto Pinochet commander-in-chief of the army.", "took_office", "1973-08-23", [
          M(A, "whom Allende had appointed commander-in-chief of the army on 23 August 1973"),
          M(B, "On 24 August 1973 President Allende appointed General Augusto Pinochet commander-in-chief of the army"),
      ], salience="secondary", acc=["1973-08-24"]),
    E("c09", "Thousands are detained in the National Stadium.", "purge_or_repression", "1973-09", [
          M(A, "In the following weeks thousands of people were detained in the National Stadium in Santiago"),
          M(B, "Those arrested were taken to the National Stadium"),
      ], salience="secondary", acc=["1973"], place="National Stadium, Santiago"),
    E("c10", "Military rule under Pinochet, until 1990.", "other", "1973-09-11/1990", [
          M(A, "The military government ruled until 1990"),
          M(D, "Pinochet would rule Chile for 15 years"),
      ], salience="secondary", acc=["1973/1990", "1990"]),
    E("c11", "The Tanquetazo: a tank regiment attacks La Moneda.", "revolution_or_coup", "1973-06-29", [
          M(B, "On 29 June 1973 a tank regiment under Lieutenant Colonel Roberto Souper attacked La Moneda"),
      ], salience="secondary", alts=["war_or_invasion"], place="La Moneda"),
    E("c12", "Troops loyal to Prats put down the Tanquetazo.", "war_or_invasion", "1973-06-29", [
          M(B, "The uprising, remembered as the Tanquetazo, was put down within hours by troops loyal to the army commander, General Carlos Prats"),
      ], salience="secondary", alts=["other", "revolution_or_coup"]),
    E("c13", "The Chamber of Deputies accuses the government of breaking the constitution.", "letter_or_statement",
      "1973-08-22", [
          M(B, "On 22 August 1973 the Chamber of Deputies passed a resolution accusing the government of breaking the constitution"),
      ], salience="secondary", alts=["other"]),
    E("c14", "General Carlos Prats resigns.", "other", "1973-08-23", [
          M(B, "Prats resigned the next day"),
      ], salience="secondary"),
]
events[0]["participants"] = [{"name": "Augusto Pinochet", "role": "leader"}, {"name": "Salvador Allende", "role": "target"}]
events[7]["participants"] = [{"name": "Salvador Allende", "role": "appointer"}, {"name": "Augusto Pinochet", "role": "appointee"}]

people = [
    PER("Salvador Allende", ["President Salvador Allende", "Salvador Allende", "Allende", "President Allende"], [
        R("President", "President Salvador Allende", [A, B, D])]),
    PER("Augusto Pinochet", ["General Augusto Pinochet", "Augusto Pinochet", "army chief Augusto Pinochet", "Pinochet"], [
        R("General", "General Augusto Pinochet", [A, B]),
        R("commander-in-chief of the army", "appointed commander-in-chief of the army", [A, B], frm="1973-08-23"),
        R("army chief", "army chief Augusto Pinochet", [D])]),
    PER("José Toribio Merino", ["Admiral José Toribio Merino", "José Toribio Merino"], [
        R("Admiral", "Admiral José Toribio Merino", [A])]),
    PER("Gustavo Leigh", ["General Gustavo Leigh", "Gustavo Leigh"], [R("General", "General Gustavo Leigh", [A])]),
    PER("César Mendoza", ["General César Mendoza", "César Mendoza"], [R("General", "General César Mendoza", [A])]),
    PER("Carlos Prats", ["General Carlos Prats", "Carlos Prats", "Prats"], [
        R("General", "General Carlos Prats", [B]),
        R("army commander", "the army commander, General Carlos Prats", [B])]),
    PER("Roberto Souper", ["Lieutenant Colonel Roberto Souper", "Roberto Souper"], [
        R("Lieutenant Colonel", "Lieutenant Colonel Roberto Souper", [B])]),
    PER("Lucía Herrera", ["Lucía Herrera"], [], notes="Byline."),
]

conflicts = [
    C("Date of Pinochet's appointment as commander-in-chief", [
        V("1973-08-23", A, "whom Allende had appointed commander-in-chief of the army on 23 August 1973"),
        V("1973-08-24", B, "On 24 August 1973 President Allende appointed General Augusto Pinochet commander-in-chief of the army")]),
    C("Time of Allende's last radio address", [
        V("09:10", A, "At 9:10 a.m. Allende"),
        V("09:03", B, "At 9:03 a.m. Allende addressed the country for the last time")]),
    C("Time of the bombing of La Moneda", [
        V("11:52 (local time)", B, "At 11.52 a.m. the air force bombed the palace"),
        V("15:52 GMT", D, "at 15:52 GMT, air force jets bombed La Moneda")], severity="soft",
      notes="The same instant: Santiago was four hours behind GMT."),
    C("Prisoners held in the National Stadium at its peak", [
        V("about 7000", A, "which held about 7,000 prisoners at its peak"),
        V("some 12000", B, "which at its peak held some 12,000 prisoners")]),
    C("Length of the military rule", [
        V("1973-1990 (about 16.5 years)", A, "The military government ruled until 1990"),
        V("15 years", D, "Pinochet would rule Chile for 15 years")]),
]

non_events = [
    NE(A, "Published 10 September 2023 · Updated 11 September 2023", "publication timestamp"),
    NE(A, "Related: The Tanquetazo, a failed rehearsal (June 2023)", "related link"),
    NE(A, "By Lucía Herrera", "byline"),
    NE(B, "Opening hours: Tuesday to Sunday, 10:00–18:00. Free admission.", "UI line"),
    NE(D, "HistoriaSur @HistoriaSur · 11 Sep", "post header"),
    NE(D, "♥ 1.2K  ↻ 480  💬 56", "engagement counters"),
]

dump("chile_coup_1973", [A, B, D], events, people, conflicts, non_events, root=Path(__file__).resolve().parents[1])
