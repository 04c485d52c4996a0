"""Gold for corpora/fresh2 cluster hungary_1956 (Budapest vs New York date of the second attack, tolls, refugees)."""

from _lib import ROOT
from gold_lib import NE, PER, C, E, M, R, V, dump

K = "hungary_1956"
F1, F2, F3, F4 = (f"{K}/0{i}.txt" for i in range(1, 5))
COPIED_START = ("It began on 23 October 1956, when a student demonstration in Budapest drew thousands of people "
                "marching towards the Parliament building.")
STATUE = "Demonstrators pulled down the statue of Stalin"
RADIO = ("when a delegation tried to enter the Radio building to broadcast its demands, the State Security Police "
         "(ÁVH) opened fire.")
NOV4 = ["1956-11", "1956", "1956-11-03/1956-11-04"]

events = [
    E("h1", "The Hungarian Revolution of 1956, 23 October – 10 November.", "revolution_or_coup", "1956-10-23/1956-11-10", [
        M(F1, "Date\t23 October – 10 November 1956"),
        M(F1, "The Hungarian Revolution of 1956, also called the Hungarian Uprising, was a countrywide revolt against the Hungarian People's Republic and the policies imposed by the Soviet Union."),
        M(F4, "The 1956 Hungarian Revolution in ten dates"),
    ], acc=["1956-10-23", "1956-10", "1956"], alts=["war_or_invasion"], place="Hungary"),
    E("h2", "The revolution breaks out with a student march in Budapest, 23 October 1956.", "revolution_or_coup", "1956-10-23", [
        M(F1, COPIED_START), M(F4, COPIED_START),
        M(F3, "The revolution began on 23 October 1956 with a peaceful march of university students."),
    ], acc=["1956-10", "1956"], alts=["other"], part_of="h1", notes="04 quotes 01's sentences verbatim."),
    E("h3", "Demonstrators pull down the statue of Stalin.", "other", "1956-10-23", [M(F1, STATUE), M(F4, STATUE)],
      salience="minor", acc=["1956-10", "1956"], part_of="h2"),
    E("h4", "The ÁVH opens fire at the Radio building.", "purge_or_repression", "1956-10-23", [M(F1, RADIO), M(F4, RADIO)],
      salience="secondary", acc=["1956-10", "1956"], alts=["war_or_invasion"], part_of="h2"),
    E("h5", "During the night the party leadership calls on Soviet troops for help (first intervention).", "war_or_invasion",
      "1956-10-23/1956-10-24", [
          M(F1, "During the night the party leadership called on Soviet troops stationed in Hungary for help"),
      ], salience="secondary", acc=["1956-10-23", "1956-10-24", "1956-10", "1956"], alts=["letter_or_statement"], part_of="h1"),
    E("h6", "Imre Nagy is appointed Prime Minister (24 October; 'the same night' in 04).", "took_office", "1956-10-24", [
        M(F1, "on 24 October Imre Nagy was appointed Prime Minister"),
        M(F4, "Imre Nagy becomes Prime Minister the same night."),
    ], acc=["1956-10-23", "1956-10-23/1956-10-24", "1956-10", "1956"]),
    E("h7", "Ernő Gerő makes a hard-line radio speech on the night of 23 October.", "letter_or_statement", "1956-10-23", [
        M(F4, "Ernő Gerő, First Secretary of the party, makes a hard-line radio speech"),
    ], salience="minor", acc=["1956-10", "1956"], part_of="h2"),
    E("h8", "Security forces fire on a crowd in Kossuth Square, 25 October.", "purge_or_repression", "1956-10-25", [
        M(F1, "On 25 October security forces fired on a crowd in Kossuth Square."),
        M(F4, "25 October: the massacre in Kossuth Square"),
    ], salience="secondary", acc=["1956-10", "1956"], alts=["war_or_invasion"], part_of="h1"),
    E("h9", "Gerő is replaced by János Kádár as First Secretary, 25 October.", "took_office", "1956-10-25", [
        M(F4, "Gerő is replaced by János Kádár as First Secretary"),
    ], salience="minor", acc=["1956-10", "1956"]),
    E("h10", "A ceasefire is arranged and Soviet units begin to leave Budapest (28 or 29 October).", "agreement_signed", "1956-10", [
        M(F1, "A ceasefire was arranged on 28 October, and Soviet units began to pull out of Budapest."),
        M(F4, "29 October: a ceasefire is declared."),
    ], salience="secondary", acc=["1956"], alts=["other", "letter_or_statement"], part_of="h1",
      notes="The day is disputed between the docs (hard conflict), so the gold keeps the month."),
    E("h11", "Nagy announces Hungary's withdrawal from the Warsaw Pact and its neutrality, 1 November.", "letter_or_statement", "1956-11-01", [
        M(F1, "On 1 November Nagy announced that Hungary was withdrawing from the Warsaw Pact and declared its neutrality, appealing to the United Nations for support."),
        M(F4, "1 November: Nagy leaves the Warsaw Pact."),
    ], acc=["1956-11", "1956"], alts=["break_relations", "other"], part_of="h1"),
    E("h12", "The Hungarian delegation under Pál Maléter goes to Tököl to negotiate the Soviet withdrawal, 3 November.", "negotiation", "1956-11-03", [
        M(F2, "the Hungarian delegation led by Defense Minister Pal Maleter had gone to the Soviet headquarters at Tokol to negotiate the withdrawal of Soviet forces"),
    ], salience="minor", acc=["1956-11", "1956"], part_of="h1", notes="'Last night' under a Sunday, Nov. 4 dateline."),
    E("h13", "Maléter is arrested at Tököl, 3 November.", "purge_or_repression", "1956-11-03", [
        M(F4, "Maléter is arrested at Tököl during \"negotiations\""),
    ], salience="minor", acc=["1956-11", "1956"], part_of="h12"),
    E("h14", "Soviet forces launch a general attack on Budapest at 4 a.m., 4 November (10 p.m. on 3 November, New York time).",
      "war_or_invasion", "1956-11-04", [
          M(F1, "In the early hours of 4 November Soviet forces launched a large-scale attack on Budapest and other cities"),
          M(F2, "REDS ATTACK BUDAPEST; NAGY CALLS FOR HELP"),
          M(F2, "Soviet Tanks Roll Into Capital — Radio Falls Silent"),
          M(F2, "Soviet troops and tanks launched a general attack on Budapest at 4 a.m. today (10 p.m. Saturday, New York time)"),
          M(F3, "It was crushed by the Soviet army, which attacked on 4 November."),
          M(F4, "4 November, 4 a.m.: the Soviet army attacks Budapest."),
      ], acc=["1956-11-03", *NOV4], part_of="h1", notes="The edition is dated Saturday, November 3 (New York); soft conflict."),
    E("h15", "Nagy broadcasts an appeal: Soviet troops have attacked the capital.", "letter_or_statement", "1956-11-04", [
        M(F2, "Premier Imre Nagy went on the air to announce that \"Soviet troops attacked our capital with the obvious intention of overthrowing the legal democratic Hungarian Government. Our troops are fighting.\""),
    ], salience="secondary", acc=NOV4, part_of="h14"),
    E("h16", "A government under János Kádár is proclaimed, 4 November.", "took_office", "1956-11-04", [
        M(F1, "Result\tRevolt suppressed; János Kádár's government installed"),
        M(F1, "a new government led by János Kádár was proclaimed"),
        M(F2, "a broadcast from an unidentified station announced that a \"Hungarian Revolutionary Worker-Peasant Government\" had been formed under János Kádár"),
    ], salience="secondary", acc=NOV4, alts=["revolution_or_coup"]),
    E("h17", "The United States calls for an emergency meeting of the UN Security Council.", "letter_or_statement", "1956-11", [
        M(F2, "At the United Nations, the United States called for an emergency meeting of the Security Council."),
    ], salience="minor", acc=["1956", "1956-11-03", "1956-11-04"]),
    E("h18", "Organised resistance ends by 10 November.", "other", "1956-11-10", [
        M(F1, "Organised resistance ended by 10 November."),
    ], salience="minor", acc=["1956-11", "1956"], alts=["war_or_invasion"], part_of="h1"),
    E("h19", "Nagy, refuged in the Yugoslav embassy, is abducted and tried in secret.", "purge_or_repression", None, [
        M(F1, "Nagy, who had taken refuge in the Yugoslav embassy, was later abducted, tried in secret"),
        M(F4, "after a secret trial"),
    ], salience="minor"),
    E("h20", "Imre Nagy is executed, 16 June 1958.", "purge_or_repression", "1958-06-16", [
        M(F1, "executed on 16 June 1958"),
        M(F3, "Some 230 people were executed after the revolution, among them Prime Minister Imre Nagy."),
        M(F4, "16 June 1958: Nagy is hanged"),
    ], salience="secondary", acc=["1958-06", "1958"], alts=["other"]),
    E("h21", "Refugees flee the country, most of them to Austria.", "other", None, [
        M(F3, "more than 180,000 people fled the country, most of them to Austria"),
        M(F4, "Over 200,000 refugees leave for the West."),
    ], salience="minor"),
    E("h22", "Acting President Mátyás Szűrös proclaims the Republic of Hungary, 23 October 1989.", "other", "1989-10-23", [
        M(F3, "On 23 October 1989, the thirty-third anniversary, acting President Mátyás Szűrös proclaimed the Republic of Hungary from the balcony of the Parliament building."),
    ], salience="secondary", acc=["1989-10", "1989"], alts=["letter_or_statement", "revolution_or_coup"]),
    E("h23", "Imre Nagy and his fellow martyrs are reburied in Budapest, 16 June 1989.", "other", "1989-06-16", [
        M(F3, "On 16 June 1989 Imre Nagy and his fellow martyrs were reburied in Budapest in a ceremony attended by some 250,000 people."),
    ], salience="secondary", acc=["1989-06", "1989"]),
    E("h24", "Death of Stalin, March 1953.", "other", "1953-03", [
        M(F1, "After the death of Stalin in March 1953"),
    ], salience="minor", acc=["1953"]),
    E("h25", "Imre Nagy replaces Mátyás Rákosi as head of government (1953).", "took_office", "1953", [
        M(F1, "Imre Nagy replaced Mátyás Rákosi as head of government"),
    ], salience="minor"),
    E("h26", "Nagy is removed (1955).", "other", "1955", [
        M(F1, "he was removed in 1955"),
    ], salience="minor", alts=["purge_or_repression", "took_office"]),
]

people = [
    PER("Imre Nagy", ["Imre Nagy", "Nagy", "Premier Imre Nagy", "Prime Minister Imre Nagy", "Mr. Nagy"], [
        R("Prime Minister", "Imre Nagy was appointed Prime Minister", [F1, F3, F4], frm="1956-10-24"),
        R("Premier", "Premier Imre Nagy", [F2]),
        R("head of government", "Imre Nagy replaced Mátyás Rákosi as head of government", [F1], frm="1953", to="1955")]),
    PER("János Kádár", ["János Kádár", "Kádár"], [
        R("First Secretary", "Gerő is replaced by János Kádár as First Secretary", [F4], frm="1956-10-25")]),
    PER("Ernő Gerő", ["Ernő Gerő", "Gerő"], [
        R("First Secretary of the party", "Ernő Gerő, First Secretary of the party", [F4])]),
    PER("Pál Maléter", ["Pal Maleter", "Defense Minister Pal Maleter", "Maléter"], [
        R("Defense Minister", "Defense Minister Pal Maleter", [F2])]),
    PER("Mátyás Szűrös", ["Mátyás Szűrös", "acting President Mátyás Szűrös"], [
        R("acting President", "acting President Mátyás Szűrös", [F3])]),
    PER("Mátyás Rákosi", ["Mátyás Rákosi"], []),
    PER("Stalin", ["Stalin"], []),
    PER("Mr. Farkas", ["Mr. Farkas"], [], notes="Blog author (site line)."),
]

conflicts = [
    C("Hungarian dead", [
        V("about 2,500", F1, "about 2,500 Hungarians"),
        V("some 2,700 (fighting and reprisals)", F3, "some 2,700 Hungarians lost their lives"),
        V("about 2,500", F4, "Hungarian losses: about 2,500 dead"),
    ], "hard"),
    C("Soviet dead", [
        V("about 700", F1, "700 Soviet soldiers killed"),
        V("720", F4, "Soviet losses: 720 dead"),
    ], "soft", notes="A rounded and an exact figure."),
    C("Number of refugees", [
        V("some 200,000", F1, "some 200,000 refugees"),
        V("more than 180,000", F3, "more than 180,000 people fled the country"),
        V("over 200,000", F4, "Over 200,000 refugees"),
    ], "soft"),
    C("Date of Nagy's appointment as Prime Minister", [
        V("24 October", F1, "on 24 October Imre Nagy was appointed Prime Minister"),
        V("23 October, night", F4, "Imre Nagy becomes Prime Minister the same night"),
    ], "soft", notes="Night of 23-24 October; precision."),
    C("Date of the ceasefire", [
        V("28 October", F1, "A ceasefire was arranged on 28 October"),
        V("29 October", F4, "29 October: a ceasefire is declared."),
    ], "hard"),
    C("Date of the second Soviet attack (Budapest vs New York time)", [
        V("4 November, early hours", F1, "In the early hours of 4 November"),
        V("4 a.m. Sunday, Nov. 4 (Budapest)", F2, "at 4 a.m. today"),
        V("10 p.m. Saturday (New York time)", F2, "10 p.m. Saturday, New York time"),
        V("4 November, 4 a.m.", F4, "4 November, 4 a.m."),
    ], "soft", notes="One instant in two time zones."),
    C("Name of the event", [
        V("Hungarian Revolution", F1, "The Hungarian Revolution of 1956"),
        V("Hungarian Uprising", F1, "also called the Hungarian Uprising"),
        V("Revolution and War of Independence", F3, "the 1956 Revolution and War of Independence"),
    ], "soft"),
]

non_events = [
    NE(F1, "From Openpedia, the free reference work", "site line"),
    NE(F1, "\"Hungarian uprising\" redirects here. For other uses, see Hungarian uprising (disambiguation).", "template debris"),
    NE(F1, "Location\tHungarian People's Republic", "infobox line"),
    NE(F1, "Contents\n1 Background\n2 Events\n3 Aftermath", "table of contents"),
    NE(F2, "THE DAILY CLARION-HERALD", "masthead"),
    NE(F2, "Saturday, November 3, 1956 — LATE CITY EDITION — Price Five Cents", "edition date and price"),
    NE(F2, "By the Associated Wire Service", "byline"),
    NE(F2, "VIENNA, Sunday, Nov. 4 –", "dateline"),
    NE(F2, "according to broadcasts picked up here", "source attribution"),
    NE(F2, "Continued on Page 4, Column 3", "layout line"),
    NE(F2, "Weather: Fair and cooler tonight", "weather box"),
    NE(F3, "Office of National Remembrance", "site line"),
    NE(F3, "Home › Commemorations › 23 October", "breadcrumb"),
    NE(F3, "23 October: national holiday", "heading of a commemoration day"),
    NE(F3, "Since 1989 the anniversary of the outbreak of the 1956 Revolution and War of Independence has been a national holiday.", "anniversary statement"),
    NE(F3, "Downloads: Commemoration programme (PDF, 2.1 MB)", "download link"),
    NE(F3, "This page was last updated on 12 October 2023.", "update stamp"),
    NE(F3, "Accessibility statement | Privacy | Contact", "footer"),
    NE(F4, "Mr. Farkas's History Corner", "site line"),
    NE(F4, "Lessons, timelines and worksheets for Year 10", "site tagline"),
    NE(F4, "Posted 19 October 2016 · Filed under Cold War", "publication date and category"),
    NE(F4, "Worksheet: download here (Word, 40 KB)", "download link"),
    NE(F4, "Comments are closed.", "UI line"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4], events, people, conflicts, non_events, root=ROOT)
