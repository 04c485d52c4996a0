"""Gold for corpora/fresh2 cluster adwa_1896 (Gregorian vs Ethiopian calendar, army sizes, losses, spellings)."""

from _lib import ROOT
from gold_lib import NE, PER, C, E, M, R, V, dump

K = "adwa_1896"
F1, F2, F3, F4 = (f"{K}/0{i}.txt" for i in range(1, 5))

events = [
    E("a1", "Battle of Adwa: Menelik II's army routes the Italian force of General Baratieri, 1 March 1896.",
      "war_or_invasion", "1896-03-01", [
          M(F1, "Date\t1 March 1896"),
          M(F1, "The Battle of Adwa (also spelled Adowa; Italian: Adua) was fought on 1 March 1896 between the Ethiopian Empire and the Kingdom of Italy near the town of Adwa in northern Ethiopia."),
          M(F1, "The army of Emperor Menelik II routed an Italian invasion force commanded by General Oreste Baratieri, ending the First Italo-Ethiopian War and securing Ethiopia's independence."),
          M(F1, "By noon the Italian army was in full retreat."),
          M(F2, "the Battle of Adwa, where Ethiopian forces defeated an Italian army on 1 March 1896"),
          M(F2, "At Adwa, Emperor Menelik II led more than 100,000 soldiers against an Italian force of about 17,000."),
          M(F2, "Empress Taytu, Menelik's consort, commanded her own troops at the battle"),
          M(F3, "Adwa, the battle fought in the hills of Tigray on 1 March 1896, in which an African army crushed a modern European one."),
          M(F3, "Over 6,000 Italians and askari were killed in a single day"),
          M(F4, "On this day in 1896, at Adwa, Emperor Menelik II's army destroyed the Italian invasion force of General Baratieri."),
          M(F4, "For us it was Yekatit 23, 1888."),
      ], acc=["1896-03", "1896"], place="Adwa, Tigray, Ethiopia",
      notes="Ethiopian calendar: Yekatit 23, 1888 (soft conflict). 04's 'On this day' refers to its post date, Mar 1."),
    E("a2", "Menelik signs the Treaty of Wuchale with Italy, 2 May 1889.", "treaty_signed", "1889-05-02", [
        M(F1, "On 2 May 1889 Menelik signed the Treaty of Wuchale with Italy."),
        M(F3, "The Treaty of Wuchale (the Italians wrote Ucciali) had two texts that did not say the same thing"),
    ], salience="secondary", acc=["1889-05", "1889"], alts=["agreement_signed"]),
    E("a3", "Menelik denounces the Treaty of Wuchale (1893).", "letter_or_statement", "1893", [
        M(F1, "Menelik denounced the treaty in 1893."),
        M(F3, "he rejected the whole treaty"),
    ], salience="secondary", alts=["break_relations", "other"]),
    E("a4", "Italian troops advance into Tigray (1895).", "war_or_invasion", "1895", [
        M(F1, "In 1895 Italian troops advanced into Tigray"),
    ], salience="minor"),
    E("a5", "Ras Makonnen's vanguard overwhelms the Italian outpost at Amba Alagi, 7 December 1895.", "war_or_invasion", "1895-12-07", [
        M(F1, "on 7 December 1895 an Ethiopian vanguard under Ras Makonnen overwhelmed the Italian outpost at Amba Alagi"),
    ], salience="secondary", acc=["1895-12", "1895"]),
    E("a6", "Major Pietro Toselli is killed at Amba Alagi.", "other", "1895-12-07", [
        M(F1, "killing Major Pietro Toselli"),
    ], salience="minor", acc=["1895-12", "1895"], alts=["war_or_invasion"], part_of="a5"),
    E("a7", "The Italian fort at Mekelle surrenders after a siege, January 1896.", "war_or_invasion", "1896-01", [
        M(F1, "in January 1896 the fort at Mekelle surrendered after a siege"),
    ], salience="secondary", acc=["1896"]),
    E("a8", "Baratieri's four brigades advance on Adwa during the night of 29 February.", "war_or_invasion", "1896-02-29/1896-03-01", [
        M(F1, "During the night of 29 February Baratieri's four brigades advanced towards Adwa."),
    ], salience="minor", acc=["1896-02-29", "1896"], part_of="a1"),
    E("a9", "Albertone's brigade is destroyed and Albertone taken prisoner.", "war_or_invasion", "1896-03-01", [
        M(F1, "Albertone's brigade lost its way and was destroyed in the morning; Albertone himself was taken prisoner"),
        M(F4, "Albertone was captured."),
    ], salience="minor", acc=["1896-03", "1896"], alts=["other"], part_of="a1"),
    E("a10", "Generals Arimondi and Dabormida are killed.", "other", "1896-03-01", [
        M(F1, "while Arimondi and Dabormida were killed with much of their men"),
        M(F4, "including two of its four brigade generals"),
    ], salience="minor", acc=["1896-03", "1896"], alts=["war_or_invasion"], part_of="a1"),
    E("a11", "The Crispi government falls in Rome (5 March or 10 March 1896).", "other", "1896-03", [
        M(F1, "In Rome the government of Francesco Crispi fell within days."),
        M(F3, "A few days later, on 5 March, Prime Minister Crispi resigned."),
        M(F4, "The news brought down the Crispi government in Rome on 10 March."),
    ], salience="secondary", acc=["1896"], alts=["took_office"],
      notes="The day is disputed between the docs (hard conflict), so the gold keeps the month."),
    E("a12", "Treaty of Addis Ababa: Italy annuls Wuchale and recognises Ethiopia's independence (26 or 23 October 1896).",
      "treaty_signed", "1896-10", [
          M(F1, "Result\tDecisive Ethiopian victory; Treaty of Addis Ababa"),
          M(F1, "Under the Treaty of Addis Ababa, signed on 26 October 1896, Italy annulled the Treaty of Wuchale and recognised the absolute independence of Ethiopia."),
          M(F3, "Peace was finally signed at Addis Ababa on 23 October 1896."),
      ], acc=["1896"], alts=["recognition", "agreement_signed"],
      notes="The day is disputed between the docs (hard conflict), so the gold keeps the month."),
    E("a13", "Menelik is crowned Emperor (1889).", "took_office", "1889", [
        M(F3, "Menelik, who had been crowned Emperor in 1889"),
    ], salience="minor"),
    E("a14", "Italy invades Ethiopia again, October 1935.", "war_or_invasion", "1935-10", [
        M(F2, "Italy invaded again in October 1935"),
        M(F3, "When Mussolini's armies invaded Ethiopia in 1935"),
        M(F4, "Ethiopia stayed free until 1935."),
    ], salience="secondary", acc=["1935"]),
    E("a15", "Italian troops occupy Addis Ababa, May 1936.", "war_or_invasion", "1936-05", [
        M(F2, "occupied Addis Ababa in May 1936"),
    ], salience="minor", acc=["1936"], part_of="a14"),
    E("a16", "Tens of thousands mark the 127th anniversary in Adwa and Addis Ababa, Thursday 2 March 2023.", "other", "2023-03-02", [
        M(F2, "Ethiopians mark 127 years since Adwa victory"),
        M(F2, "Tens of thousands of people gathered in the northern town of Adwa and in Menelik Square in the capital on Thursday to mark the 127th anniversary"),
    ], salience="secondary", acc=["2023-03", "2023"], notes="'Thursday' under a March 2 dateline."),
    E("a17", "A government spokesman addresses the crowd.", "letter_or_statement", "2023-03-02", [
        M(F2, "\"Adwa is not only ours, it belongs to all Africans,\" a government spokesman told the crowd."),
    ], salience="minor", acc=["2023-03", "2023"], part_of="a16"),
]

people = [
    PER("Menelik II", ["Menelik II", "Emperor Menelik II", "Menelik"], [
        R("Emperor", "Emperor Menelik II", [F1, F2, F4])]),
    PER("Taytu Betul", ["Taytu Betul", "Empress Taytu", "Taytu"], [R("Empress", "Empress Taytu", [F2, F4])]),
    PER("Ras Makonnen", ["Ras Makonnen", "Makonnen"], [R("Ras", "under Ras Makonnen", [F1])]),
    PER("Ras Alula", ["Ras Alula", "Alula"], [R("Ras", "Ras Alula", [F1])]),
    PER("Oreste Baratieri", ["Oreste Baratieri", "General Oreste Baratieri", "Baratieri", "General Baratieri"], [
        R("General", "General Oreste Baratieri", [F1, F3, F4]),
        R("governor of Eritrea", "General Baratieri, the governor of Eritrea", [F3])]),
    PER("Matteo Albertone", ["Matteo Albertone", "Albertone"], []),
    PER("Giuseppe Arimondi", ["Giuseppe Arimondi", "Arimondi"], []),
    PER("Vittorio Dabormida", ["Vittorio Dabormida", "Dabormida"], []),
    PER("Pietro Toselli", ["Major Pietro Toselli", "Pietro Toselli"], [R("Major", "Major Pietro Toselli", [F1])]),
    PER("Francesco Crispi", ["Francesco Crispi", "Prime Minister Crispi", "Crispi"], [
        R("Prime Minister", "Prime Minister Crispi", [F3])]),
    PER("Mussolini", ["Mussolini"], []),
    PER("Selam Tadesse", ["Selam Tadesse"], [], notes="Byline (fictional reporter)."),
    PER("Mark Hollis", ["Mark Hollis"], [], notes="Editor credit."),
    PER("Tom Achterberg", ["Tom Achterberg"], [], notes="Blog author (site line)."),
]

conflicts = [
    C("Date of the battle (calendar)", [
        V("1 March 1896 (Gregorian)", F1, "fought on 1 March 1896"),
        V("Yekatit 23, 1888 (Ethiopian calendar)", F2, "Yekatit 23, the date of the battle in the Ethiopian calendar, which fell in the year 1888"),
        V("Yekatit 23, 1888 (Ethiopian calendar)", F4, "Yekatit 23, 1888"),
    ], "soft", notes="The same day in two calendars."),
    C("Size of Menelik's army", [
        V("about 100,000", F1, "Strength\tabout 100,000"),
        V("more than 100,000", F2, "more than 100,000 soldiers"),
        V("80,000 to 120,000", F3, "an army estimated at 80,000 to 120,000"),
        V("120,000", F4, "Menelik had 120,000 men, not 100,000"),
    ], "hard"),
    C("Size of the Italian force", [
        V("17,700", F1, "| 17,700"),
        V("about 17,000", F2, "an Italian force of about 17,000"),
        V("perhaps 14,500", F3, "had perhaps 14,500 men"),
    ], "hard"),
    C("Italian dead", [
        V("about 7,000", F1, "about 7,000 killed, 3,000 captured"),
        V("some 6,000", F2, "Italy lost some 6,000 men dead"),
        V("over 6,000 (Italians and askari)", F3, "Over 6,000 Italians and askari were killed"),
        V("about 7,000", F4, "about 7,000 dead"),
    ], "hard"),
    C("Italian prisoners", [
        V("3,000", F1, "3,000 captured"),
        V("close to 2,000", F2, "close to 2,000 taken prisoner"),
    ], "hard"),
    C("Date of the fall of the Crispi government", [
        V("within days", F1, "fell within days"),
        V("5 March", F3, "on 5 March, Prime Minister Crispi resigned"),
        V("10 March", F4, "in Rome on 10 March"),
    ], "hard"),
    C("Date of the Treaty of Addis Ababa", [
        V("26 October 1896", F1, "signed on 26 October 1896"),
        V("23 October 1896", F3, "signed at Addis Ababa on 23 October 1896"),
    ], "hard"),
    C("Name of the battle", [
        V("Adwa", F1, "The Battle of Adwa"),
        V("Adowa", F1, "also spelled Adowa"),
        V("Adua (Italian)", F1, "Italian: Adua"),
        V("Adowa", F4, "Adowa is how my grandfather's schoolbooks spelled it."),
    ], "soft"),
    C("Name of the 1889 treaty", [
        V("Wuchale", F1, "Treaty of Wuchale with Italy"),
        V("Ucciali (Italian)", F3, "the Italians wrote Ucciali"),
    ], "soft"),
]

non_events = [
    NE(F1, "From Worldpedia, the open encyclopedia", "site line"),
    NE(F1, "Location\tNear Adwa, Tigray, Ethiopian Empire", "infobox line"),
    NE(F1, "Commanders\tMenelik II · Taytu Betul · Ras Makonnen · Ras Alula | Oreste Baratieri · Matteo Albertone (POW) · Giuseppe Arimondi † · Vittorio Dabormida †", "infobox line"),
    NE(F2, "HORN WIRE", "site line"),
    NE(F2, "Politics | Business | Region | Culture | Opinion", "navigation"),
    NE(F2, "By Selam Tadesse", "byline"),
    NE(F2, "Published 2 March 2023, 18:42 EAT · Updated 3 March 2023", "publication timestamp"),
    NE(F2, "ADDIS ABABA, March 2 (Horn Wire) –", "dateline"),
    NE(F2, "[Photo: Horsemen in traditional dress parade in Adwa. Horn Wire/Staff]", "photo caption and credit"),
    NE(F2, "Reporting by Selam Tadesse; Editing by Mark Hollis", "credits"),
    NE(F2, "Read more: Ethiopia's new Adwa museum opens its doors", "link line"),
    NE(F3, "Footnotes & Frontiers — a history blog by Tom Achterberg", "site line"),
    NE(F3, "Home · Archive · About · Contact", "navigation"),
    NE(F3, "Posted on 28 February 2021 by Tom Achterberg · 9 comments", "publication date and byline"),
    NE(F3, "I suspect that if Baratieri had waited one more week, his enemy's supplies would have run out and the battle might never have been fought.", "speculation"),
    NE(F3, "[Image: Ethiopian painting of the battle, 20th century. Wikimedia, public domain]", "image caption and credit"),
    NE(F3, "Tags: Africa, colonialism, Ethiopia, Italy", "tags"),
    NE(F3, "9 comments · Leave a reply", "UI line"),
    NE(F4, "Horn History @HornHistory · Mar 1", "post header"),
    NE(F4, "#AdwaVictory #Ethiopia", "hashtags"),
    NE(F4, "🧵 1/3", "thread marker"),
    NE(F4, "#Adwa127", "hashtag"),
    NE(F4, "Abebe K. @abebek_history · Mar 1", "post header"),
    NE(F4, "Lucia R. @lucia_reads · Mar 1", "post header"),
    NE(F4, "Replying to @HornHistory", "reply marker"),
    NE(F4, "1.2K Reposts · 3.4K Likes · 212 Bookmarks", "counters"),
    NE(F4, "Show more replies", "UI line"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4], events, people, conflicts, non_events, root=ROOT)
