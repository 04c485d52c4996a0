"""Gold for corpora/wide cluster poltava_1709 (New Style canonical; Old Style and Swedish-calendar readings accepted)."""

from gold_lib import NE, PER, C, E, M, R, V, dump

K = "poltava_1709"
F1, F2, F3, F4, F5 = (f"{K}/0{i}.txt" for i in range(1, 6))
BATTLE_ACC = ["1709-06-27", "1709-06-28", "1709-07"]

events = [
    E("p1", "Battle of Poltava: Peter I's Russian army defeats the Swedish army of Charles XII near Poltava; 8 July 1709 NS = 27 June OS = 28 June in the Swedish calendar.",
      "war_or_invasion", "1709-07-08", [
          M(F1, "The Battle of Poltava (8 July [O.S. 27 June] 1709) was the decisive victory of Peter I of Russia over the Swedish army of King Charles XII."),
          M(F1, "Before dawn the Swedish infantry attacked the Russian line of redoubts; the assault became disordered and the army was crushed in front of the fortified Russian camp by late morning."),
          M(F2, "The Poltava battle took place on 27 June 1709 (8 July, New Style) on the fields north of the city of Poltava, between the Russian army of Tsar Peter I and the Swedish army of King Charles XII."),
          M(F2, "After some two hours of fighting the Swedish army was routed."),
          M(F3, "Poltava, 28 June 1709: the day the Caroleans fell"),
          M(F3, "So the battle that Russians date to 27 June and most English books to 8 July is, for Swedes, 28 June."),
          M(F3, "Barely 16,000 Swedes went into the attack at dawn against more than 40,000 Russians."),
          M(F4, "1709 Battle of Poltava: Peter the Great's Russian army defeats Charles XII of Sweden, ending Sweden's status as a major European power."),
          M(F5, "on 27 June (8 July) 1709, the Battle of Poltava was fought"),
          M(F5, "At Poltava a Russian army of some 60,000 crushed the Swedes, who had fewer than 20,000 men in the battle."),
      ], acc=BATTLE_ACC, place="north of Poltava (present-day Ukraine)",
      notes="Three calendars: Gregorian (NS) 8 July, Julian (OS) 27 June, Swedish 28 June. 04 dates it by the page's day."),
    E("p2", "Field Marshal Rehnskiöld, Count Piper and about 3,000 Swedes are taken prisoner at Poltava.", "other", "1709-07-08", [
        M(F1, "Rehnskiöld was taken prisoner."),
        M(F3, "some 3,000 had been taken prisoner, among them Rehnskiöld and the king's first minister, Count Piper"),
    ], salience="secondary", acc=BATTLE_ACC, alts=["war_or_invasion"], part_of="p1"),
    E("p3", "Charles XII is wounded in the foot by a musket ball during a reconnaissance, on his birthday (27 June NS = 16 June OS = 17 June Swedish).",
      "other", "1709-06-27", [
          M(F1, "Charles had been wounded in the foot during a reconnaissance on 27 June [O.S. 16 June] and was carried on a litter"),
          M(F3, "On his birthday, 17 June, the king was hit in the foot by a Russian musket ball while riding along the river"),
      ], salience="secondary", acc=["1709-06-16", "1709-06-17", "1709-06"], alts=["war_or_invasion"]),
    E("p4", "Command of the Swedish army passes to Field Marshal Rehnskiöld.", "took_office", "1709", [
        M(F1, "so command passed to Field Marshal Rehnskiöld"),
        M(F3, "Field Marshal Rehnskiöld commanded"),
    ], salience="minor", alts=["other"]),
    E("p5", "Surrender at Perevolochna: Lewenhaupt surrenders the remains of the Swedish army to Menshikov (11 July NS = 30 June OS = 1 July Swedish).",
      "war_or_invasion", "1709-07-11", [
          M(F1, "The remnants of the army retreated south to Perevolochna on the Dnieper, where on 11 July [O.S. 30 June] 1709 General Lewenhaupt surrendered with about 12,000 men to Menshikov."),
          M(F2, "On 30 June the remains of the Swedish army, some 16,000 men, laid down their arms to the Russian cavalry of A. D. Menshikov at Perevolochna."),
          M(F3, "Three days later, on 1 July, Lewenhaupt surrendered the rest of the army, about 14,000 men including the baggage train, at Perevolochna."),
      ], acc=["1709-06-30", "1709-07-01", "1709-07"], alts=["other", "agreement_signed"], place="Perevolochna, on the Dnieper"),
    E("p6", "Charles XII and Mazepa escape across the Dnieper into Ottoman territory and reach Bender.", "other", "1709-07", [
        M(F1, "Charles and Mazepa escaped across the river into Ottoman territory and reached Bender."),
        M(F3, "The king had already crossed the Dnieper with Mazepa and about 1,500 men."),
        M(F5, "Mazepa fled with Charles into Ottoman Moldavia"),
    ], salience="secondary", acc=["1709"]),
    E("p7", "Charles XII's five years of Ottoman exile end with his ride back to Stralsund.", "other", "1714", [
        M(F3, "Karl XII would spend five years in Ottoman exile before riding back to Stralsund in 1714."),
    ], salience="minor", alts=["visit"]),
    E("p8", "Charles XII invades Russia.", "war_or_invasion", "1708", [
        M(F1, "Charles XII had invaded Russia in 1708."),
    ], salience="secondary"),
    E("p9", "Hetman Ivan Mazepa breaks with Peter I and goes over to Charles XII.", "other", "1708-10", [
        M(F1, "In the autumn of that year the Cossack Hetman Ivan Mazepa went over to the Swedes"),
        M(F5, "Hetman Ivan Mazepa had broken with Peter I and gone over to Charles XII in October 1708, hoping to free the Hetmanate from Moscow."),
    ], salience="secondary", acc=["1708", "1708-11"], alts=["break_relations"],
      notes="01 says only 'the autumn of that year' (1708)."),
    E("p10", "The Russians destroy Mazepa's capital Baturyn, killing thousands of its inhabitants.", "purge_or_repression", "1708-11", [
        M(F1, "the Russians destroyed his capital, Baturyn, in November 1708"),
        M(F5, "Peter had the hetman's capital Baturyn destroyed the year before, killing thousands of its inhabitants."),
    ], salience="secondary", acc=["1708"], alts=["war_or_invasion", "other"]),
    E("p11", "Battle of Lesnaya: Lewenhaupt's relief column loses its supply train.", "war_or_invasion", "1708-10-09", [
        M(F1, "At Lesnaya on 9 October [O.S. 28 September] 1708 Lewenhaupt's relief column lost its supply train."),
    ], salience="minor", acc=["1708-09-28", "1708-10"]),
    E("p12", "Siege of Poltava by the Swedish army.", "war_or_invasion", "1709-05", [
        M(F1, "the Swedes laid siege to the fortress of Poltava in May 1709"),
        M(F2, "when it besieged Poltava"),
    ], salience="secondary", acc=["1709"]),
    E("p13", "The Great Northern War ends with the Treaty of Nystad.", "treaty_signed", "1721", [
        M(F1, "The war itself continued until the Treaty of Nystad in 1721."),
    ], salience="minor", alts=["war_or_invasion"]),
    E("p14", "Ivan Skoropadsky is elected hetman in Mazepa's place at Peter's behest.", "took_office", "1708-11", [
        M(F5, "Back in November 1708 Peter had already had Ivan Skoropadsky elected hetman in Mazepa's place."),
    ], salience="minor", acc=["1708"]),
    E("p15", "Mazepa dies near Bender.", "other", "1709-10-02", [
        M(F5, "died near Bender on 2 October 1709"),
    ], salience="minor", acc=["1709-10", "1709"]),
    E("p16", "The hard winter of 1708–09 wears down the Swedish army.", "other", "1708/1709", [
        M(F3, "Karl XII's army had been worn down by the terrible winter of 1708–09."),
        M(F1, "After a hard winter"),
    ], salience="minor"),
    E("p17", "Peter's hat is shot through and a bullet hits the cross on his chest during the battle (Russian story).", "other", "1709-07-08", [
        M(F3, "Peter the Great's hat was supposedly shot through during the battle, or so the Russian story goes."),
        M(F3, "a bullet reportedly hit the cross on his chest too"),
    ], salience="minor", acc=BATTLE_ACC, part_of="p1", notes="Dated by the battle it is part of."),
    E("p18", "Peter the Great writes that 'the final stone has been laid in the foundation of St. Petersburg'.", "letter_or_statement", "1709", [
        M(F4, "After Poltava Peter the Great wrote that \"the final stone has been laid in the foundation of St. Petersburg\"."),
    ], salience="minor"),
    E("p19", "The Poltava battle museum opens for the 200th anniversary.", "other", "1909", [
        M(F2, "The museum was opened in 1909, for the 200th anniversary of the battle."),
    ], salience="minor"),
    E("p20", "Sweden erects its monument on the battlefield.", "other", "1909", [
        M(F2, "the Swedish monument erected by Sweden in 1909"),
    ], salience="minor"),
    E("p21", "The museum building is damaged in the Second World War and later restored.", "other", None, [
        M(F2, "Its building was damaged during the Second World War and later restored."),
    ], salience="minor"),
    E("p22", "Vasco da Gama sets sail from Lisbon for India (8 July 1497).", "other", "1497-07-08", [
        M(F4, "1497 Vasco da Gama sets sail from Lisbon on the first voyage from Europe to India by sea."),
    ], salience="minor", acc=["1497"], alts=["visit"]),
    E("p23", "The Liberty Bell rings for the first public reading of the Declaration of Independence (8 July 1776).", "other", "1776-07-08", [
        M(F4, "1776 The Liberty Bell rings out in Philadelphia to summon citizens to the first public reading of the Declaration of Independence."),
    ], salience="minor", acc=["1776"], alts=["letter_or_statement"]),
    E("p24", "Commodore Perry sails into Edo Bay demanding that Japan open its ports (8 July 1853).", "visit", "1853-07-08", [
        M(F4, "1853 US Commodore Matthew Perry sails into Edo Bay with four warships, demanding that Japan open its ports to trade."),
    ], salience="minor", acc=["1853"], alts=["negotiation", "other"]),
    E("p25", "First issue of The Wall Street Journal (8 July 1889).", "economic_event", "1889-07-08", [
        M(F4, "1889 The first issue of The Wall Street Journal is published in New York."),
    ], salience="minor", acc=["1889"], alts=["other"]),
    E("p26", "Birth of John D. Rockefeller (8 July 1839).", "other", "1839-07-08", [
        M(F4, "1839 John D. Rockefeller, American oil magnate and philanthropist, is born in Richford, New York."),
    ], salience="minor", acc=["1839"]),
    E("p27", "Death of Kim Il-sung (8 July 1994).", "other", "1994-07-08", [
        M(F4, "1994 Kim Il-sung, founder and first leader of North Korea, dies at 82."),
    ], salience="minor", acc=["1994"]),
]

people = [
    PER("Charles XII", ["Charles XII", "King Charles XII", "Charles XII of Sweden", "Karl XII", "Charles"], [
        R("King", "the Swedish army of King Charles XII", [F1, F2])], notes="03 uses the Swedish form Karl XII."),
    PER("Peter I", ["Peter I", "Peter I of Russia", "Tsar Peter I", "Peter the Great", "Peter"], [
        R("Tsar", "the Russian army of Tsar Peter I", [F2])]),
    PER("Ivan Mazepa", ["Ivan Mazepa", "Mazepa", "Cossack Hetman Ivan Mazepa", "Hetman Ivan Mazepa"], [
        R("Cossack Hetman", "the Cossack Hetman Ivan Mazepa", [F1]),
        R("Hetman", "Hetman Ivan Mazepa had broken with Peter I", [F5], None, "1708-11")]),
    PER("Carl Gustaf Rehnskiöld", ["Carl Gustaf Rehnskiöld", "Rehnskiöld", "Field Marshal Rehnskiöld"], [
        R("Field Marshal", "Field Marshal Rehnskiöld", [F1, F3])]),
    PER("Adam Ludwig Lewenhaupt", ["Adam Ludwig Lewenhaupt", "Lewenhaupt", "General Lewenhaupt"], [
        R("General", "General Lewenhaupt", [F1, F3])]),
    PER("Alexander Menshikov", ["Alexander Menshikov", "Menshikov", "A. D. Menshikov"], []),
    PER("Boris Sheremetev", ["Boris Sheremetev"], []),
    PER("Ivan Skoropadsky", ["Ivan Skoropadsky", "Skoropadsky"], [
        R("hetman", "had Ivan Skoropadsky elected hetman", [F5], "1708-11")]),
    PER("Count Piper", ["Count Piper"], [
        R("first minister", "the king's first minister, Count Piper", [F3])]),
    PER("Erik Lindgren", ["Erik Lindgren"], [], notes="Blog author (byline)."),
    PER("Vasco da Gama", ["Vasco da Gama"], []),
    PER("Matthew Perry", ["Matthew Perry", "US Commodore Matthew Perry"], [
        R("Commodore", "US Commodore Matthew Perry", [F4])]),
    PER("John D. Rockefeller", ["John D. Rockefeller"], []),
    PER("Kim Il-sung", ["Kim Il-sung"], [
        R("founder and first leader of North Korea", "Kim Il-sung, founder and first leader of North Korea", [F4])]),
    PER("S. Hordiienko", ["S. Hordiienko"], [], notes="Photo credit."),
    PER("O. Kovalenko", ["O. Kovalenko"], [], notes="Photo credit."),
]

conflicts = [
    C("Date of the Battle of Poltava", [
        V("1709-07-08 (New Style)", F1, "8 July [O.S. 27 June] 1709"),
        V("1709-06-27 (Old Style)", F2, "took place on 27 June 1709"),
        V("1709-06-27 (Old Style)", F5, "on 27 June (8 July) 1709"),
        V("1709-06-28 (Swedish calendar)", F3, "Poltava, 28 June 1709"),
    ], "soft", notes="Calendar only: Gregorian, Julian and the Swedish calendar of 1700-1712."),
    C("Size of the Russian army", [
        V("42,500", F1, "Strength\t24,500 (16,500 engaged) | 42,500"),
        V("over 40,000 (with 102 guns)", F2, "a Russian army of over 40,000 with 102 guns"),
        V("more than 40,000", F3, "against more than 40,000 Russians"),
        V("some 60,000", F5, "a Russian army of some 60,000"),
    ], "hard"),
    C("Size of the Swedish army", [
        V("24,500 (16,500 engaged)", F1, "Strength\t24,500 (16,500 engaged)"),
        V("about 30,000 at the siege, fewer than 20,000 on the field", F2, "about 30,000 strong when it besieged Poltava, brought fewer than 20,000 men onto the field"),
        V("barely 16,000", F3, "Barely 16,000 Swedes went into the attack"),
        V("fewer than 20,000", F5, "who had fewer than 20,000 men in the battle"),
    ], "soft", notes="Totals vs men engaged; the figures for the field are compatible."),
    C("Swedish losses in the battle", [
        V("6,900 killed and wounded, 2,800 captured", F1, "6,900 killed and wounded, 2,800 captured"),
        V("nearly 9,000 dead, some 3,000 prisoners", F3, "By midday nearly 9,000 Swedes lay dead on the field and some 3,000 had been taken prisoner"),
    ], "hard"),
    C("Men surrendered at Perevolochna", [
        V("about 12,000", F1, "surrendered with about 12,000 men"),
        V("some 16,000", F2, "some 16,000 men, laid down their arms"),
        V("about 14,000 (including the baggage train)", F3, "about 14,000 men including the baggage train"),
    ], "hard"),
    C("Date of the surrender at Perevolochna", [
        V("1709-07-11 (New Style)", F1, "on 11 July [O.S. 30 June] 1709"),
        V("1709-06-30 (Old Style)", F2, "On 30 June the remains of the Swedish army"),
        V("1709-07-01 (Swedish calendar)", F3, "Three days later, on 1 July"),
    ], "soft", notes="Calendar only."),
    C("Date Charles XII was wounded", [
        V("1709-06-27 (New Style; O.S. 16 June)", F1, "on 27 June [O.S. 16 June]"),
        V("1709-06-17 (Swedish calendar, his birthday)", F3, "On his birthday, 17 June"),
    ], "soft", notes="Calendar only."),
    C("Name of the Swedish king", [
        V("Charles XII", F1, "King Charles XII"),
        V("Karl XII", F3, "Karl XII's army"),
    ], "soft", notes="English vs Swedish form."),
    C("When Mazepa went over to the Swedes", [
        V("autumn 1708", F1, "In the autumn of that year the Cossack Hetman Ivan Mazepa went over to the Swedes"),
        V("October 1708", F5, "gone over to Charles XII in October 1708"),
    ], "soft", notes="Precision only."),
]

non_events = [
    NE(F1, "From Historipedia", "site line"),
    NE(F1, "Part of the Great Northern War", "infobox line"),
    NE(F1, "1. Englund, Peter (1992). The Battle That Sh", "reference entry, truncated by the excerpt cap"),
    NE(F2, "NATIONAL MUSEUM-RESERVE \"FIELD OF THE POLTAVA BATTLE\"", "site masthead (institution name)"),
    NE(F2, "UA | EN | SV", "language switcher"),
    NE(F2, "Visit · Exhibitions · Monuments · Education · Contacts", "navigation"),
    NE(F2, "Opening hours: Tue–Sun 9:00–17:00 (ticket office closes at 16:30). Closed on Mondays.", "opening hours"),
    NE(F2, "In 2024 the Reserve marks 315 years since the Poltava battle. Programme of events to be announced.", "anniversary statement"),
    NE(F2, "Tickets: adults – 80 UAH, pupils and students – 40 UAH.", "prices"),
    NE(F2, "© 2009–2024 Museum-reserve. All rights reserved. Photo: S. Hordiienko.", "copyright and photo credit"),
    NE(F3, "Start | Arkiv | Om bloggen", "navigation"),
    NE(F3, "Written by Erik Lindgren, 28 June 2019", "byline and publication date"),
    NE(F3, "Anders H. — 29 June 2019 —", "comment header"),
    NE(F3, "Erik Lindgren — 29 June 2019 —", "comment header"),
    NE(F4, "What Happened on July 8 in History", "page heading"),
    NE(F4, "Home > Calendar > July > 8", "breadcrumb"),
    NE(F4, "Famous events, births and deaths on July 8. Jump to: Events | Births | Deaths", "UI line"),
    NE(F4, "Advertisement", "UI line"),
    NE(F4, "More on July 8 › Holidays · Birthdays · Weddings & Divorces", "navigation"),
    NE(F4, "The anniversary is now the Day of Military Glory of Russia, marked on July 10.", "recurring commemoration, no dated occurrence"),
    NE(F4, "Quiz: Which Swedish king lost at Poltava? Take the quiz →", "UI line"),
    NE(F5, "Ukrainian History Daily @UkrHistDaily · Jul 8, 2024", "account and post timestamp"),
    NE(F5, "315 years ago today", "anniversary statement"),
    NE(F5, "#Poltava1709 #UkrainianHistory #OnThisDay", "hashtags"),
    NE(F5, "Read more: ukrhistdaily.example/poltava", "link line"),
    NE(F5, "Photo: Monument of Glory, Poltava. Credit: Wikimedia Commons / O. Kovalenko", "photo caption and credit"),
    NE(F5, "💬 48   🔁 312   ❤️ 1.2K   📊 41K views", "engagement counters"),
    NE(F5, "Translate post", "UI line"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4, F5], events, people, conflicts, non_events)
