"""Gold for corpora/fresh2 cluster titanic_1912 (ship's time vs GMT vs New York time, tolls, survivors, lifeboats)."""

from _lib import ROOT
from gold_lib import NE, PER, C, E, M, R, V, dump

K = "titanic_1912"
F1, F2, F3, F4, F5 = (f"{K}/0{i}.txt" for i in range(1, 6))
NIGHT = ["1912-04", "1912", "1912-04-14/1912-04-15"]

events = [
    E("t1", "RMS Titanic sinks in the North Atlantic at 2:20 a.m. ship's time on 15 April 1912; more than 1,500 die.",
      "other", "1912-04-15", [
          M(F1, "RMS Titanic sank in the early morning hours of 15 April 1912 in the North Atlantic Ocean, four days into her maiden voyage from Southampton to New York City."),
          M(F1, "and sank at 2:20 a.m. ship's time (05:18 GMT) on Monday, 15 April"),
          M(F1, "Of the estimated 2,224 people on board, more than 1,500 died"),
          M(F2, "Titanic lost; 1,500 feared drowned"),
          M(F2, "The White Star liner Titanic, the largest vessel afloat, went down off the Grand Banks of Newfoundland at 2.20 on Monday morning, less than three hours after striking an iceberg."),
          M(F2, "It is feared that more than 1,500 lives have been lost."),
          M(F3, "1912 – The British passenger liner RMS Titanic sinks in the North Atlantic at 2:20 a.m., less than three hours after striking an iceberg; 1,517 people die."),
          M(F4, "and sank at 2:20 a.m. ship's time (05:18 GMT) on Monday, 15 April"),
          M(F4, "She went down at 12:18 a.m. New York time."),
          M(F5, "sank less than three hours later"),
          M(F5, "Around 1,500 passengers and crew died"),
      ], acc=NIGHT, alts=["economic_event"], place="North Atlantic, south of Newfoundland",
      notes="02: 'Monday morning' under an April 16 dateline; 03: the day comes from the page heading (April 15)."),
    E("t2", "Titanic strikes an iceberg at 11:40 p.m. ship's time on 14 April (02:38 GMT on 15 April).", "other", "1912-04-14", [
        M(F1, "Titanic struck an iceberg at 11:40 p.m. (ship's time) on Sunday, 14 April 1912"),
        M(F4, "Titanic struck an iceberg at 11:40 p.m. (ship's time) on Sunday, 14 April 1912"),
        M(F4, "she hit the berg at 02:38 GMT on 15 April"),
        M(F4, "The collision came at 9:38 p.m. New York time on the 14th, which was already 02:38 on the 15th in London."),
        M(F5, "On the night of 14 April 1912 Titanic struck an iceberg about 400 miles south of Newfoundland"),
    ], acc=["1912-04-15", "1912-04", "1912", "1912-04-14/1912-04-15"], alts=["economic_event"], part_of="t1",
      notes="15 April in GMT (soft conflict); 04 copies 01's sentence."),
    E("t3", "Titanic leaves Southampton on her maiden voyage, 10 April 1912.", "other", "1912-04-10", [
        M(F1, "She left Southampton on 10 April 1912"),
        M(F4, "She sailed from Southampton on the 10th"),
        M(F4, "my book says she left Southampton on April 11"),
    ], salience="secondary", acc=["1912-04"], alts=["visit"], notes="04 cites a book that gives April 11 (conflict)."),
    E("t4", "Titanic calls at Cherbourg the same evening.", "visit", "1912-04-10", [
        M(F1, "called at Cherbourg in France the same evening"),
    ], salience="minor", acc=["1912-04"], alts=["other"], part_of="t3"),
    E("t5", "Titanic calls at Queenstown (Cobh), 11 April.", "visit", "1912-04-11", [
        M(F1, "at Queenstown (now Cobh) in Ireland on 11 April"),
        M(F4, "the 11th was Queenstown"),
    ], salience="minor", acc=["1912-04"], alts=["other"], part_of="t3"),
    E("t6", "Titanic is launched at Harland and Wolff, Belfast, 31 May 1911.", "other", "1911-05-31", [
        M(F1, "The ship was built by Harland and Wolff in Belfast and was launched on 31 May 1911."),
        M(F5, "SS Titanic was launched at the Harland and Wolff yard in Belfast on 31 May 1911, watched by some 100,000 people."),
    ], salience="secondary", acc=["1911-05", "1911"]),
    E("t7", "RMS Carpathia (Captain Rostron) reaches the scene about 4 a.m. and picks up the survivors.", "other", "1912-04-15", [
        M(F1, "The Cunard liner RMS Carpathia, commanded by Captain Arthur Rostron, reached the scene at about 4:00 a.m. and took on board 705 survivors"),
        M(F2, "the Cunard steamer Carpathia picked up the boats at daybreak"),
        M(F5, "712 were rescued by the Carpathia"),
    ], salience="secondary", acc=["1912-04"], part_of="t1",
      notes="05 gives no date of its own; the day comes from 01 and 02 (under an April 16 dateline)."),
    E("t8", "Carpathia lands the survivors in New York on the evening of 18 April.", "other", "1912-04-18", [
        M(F1, "whom she landed in New York on the evening of 18 April"),
    ], salience="minor", acc=["1912-04"], part_of="t7"),
    E("t9", "The United States Senate inquiry opens in New York, 19 April 1912.", "other", "1912-04-19", [
        M(F1, "A United States Senate inquiry opened in New York on 19 April 1912"),
    ], salience="secondary", acc=["1912-04"], alts=["summit_or_conference"]),
    E("t10", "The British inquiry under Lord Mersey begins its hearings in London, 2 May 1912.", "other", "1912-05-02", [
        M(F1, "a British inquiry under Lord Mersey, the Wreck Commissioner, began its hearings in London on 2 May"),
    ], salience="secondary", acc=["1912-05", "1912"], alts=["summit_or_conference"]),
    E("t11", "The first International Convention for the Safety of Life at Sea is signed in London, 20 January 1914.",
      "treaty_signed", "1914-01-20", [
          M(F1, "Their findings led to the first International Convention for the Safety of Life at Sea, signed in London on 20 January 1914."),
      ], salience="secondary", acc=["1914-01", "1914"], alts=["agreement_signed"]),
    E("t12", "The wreck is located by Jean-Louis Michel and Robert Ballard, 1 September 1985.", "other", "1985-09-01", [
        M(F1, "The wreck was located on 1 September 1985 by a Franco-American expedition led by Jean-Louis Michel and Robert Ballard"),
        M(F5, "The wreck was found by Dr Robert Ballard in September 1985"),
    ], salience="secondary", acc=["1985-09", "1985"]),
    E("t13", "The submersible Alvin first visits the wreck, July 1986.", "other", "1986-07", [
        M(F5, "first visited by the crewed submersible Alvin in July 1986"),
    ], salience="minor", acc=["1986"], alts=["visit"]),
    E("t14", "The International Ice Patrol is set up, 1914.", "other", "1914", [
        M(F5, "In 1914 the International Ice Patrol was set up to watch the North Atlantic shipping lanes for icebergs."),
    ], salience="minor", alts=["agreement_signed"]),
    E("t15", "Captain Edward Smith goes down with his ship.", "other", "1912-04-15", [
        M(F2, "Captain E. J. Smith, the commander of the ship, is believed to have gone down with her."),
        M(F5, "Captain Edward John Smith went down with the ship."),
    ], salience="secondary", acc=NIGHT, part_of="t1"),
    E("t16", "Thomas Andrews, the ship's chief designer, is lost with her.", "other", None, [
        M(F5, "sailed with her and was lost"),
    ], salience="minor", part_of="t1", notes="No date in its own paragraph."),
    E("t17", "Crowds wait for the lists of the saved outside the White Star offices in London, 16 April.", "other", "1912-04-16", [
        M(F2, "Crowds gathered throughout the day outside the offices of the White Star Line in Cockspur Street, waiting for the lists of the saved."),
    ], salience="minor", acc=["1912-04"]),
    E("t18", "False reports that Titanic is being towed to Halifax with all safe are published in New York (15 April).",
      "letter_or_statement", "1912-04-15", [
          M(F2, "the reports published here yesterday, that the Titanic was being towed to Halifax with all her passengers safe, were without foundation"),
      ], salience="minor", acc=["1912-04"], alts=["other"], notes="'yesterday' under an April 16 dateline."),
    E("t19", "Deckchair fragment recovered by the cable ship Mackay-Bennett, April 1912.", "other", "1912-04", [
        M(F5, "recovered from the sea by the cable ship Mackay-Bennett, April 1912"),
    ], salience="minor", acc=["1912"]),
    E("t20", "Leonardo da Vinci is born, 15 April 1452.", "other", "1452-04-15", [
        M(F3, "1452 – Leonardo da Vinci is born in Anchiano, near Vinci, in the Republic of Florence."),
    ], salience="minor", acc=["1452"]),
    E("t21", "Abraham Lincoln dies, 15 April 1865.", "other", "1865-04-15", [
        M(F3, "1865 – President Abraham Lincoln dies the morning after being shot at Ford's Theatre in Washington by John Wilkes Booth."),
    ], salience="minor", acc=["1865"], alts=["assassination"]),
    E("t22", "John Wilkes Booth shoots Lincoln at Ford's Theatre, 14 April 1865 (the day before).", "assassination", "1865-04-14", [
        M(F3, "being shot at Ford's Theatre in Washington by John Wilkes Booth"),
    ], salience="minor", acc=["1865", "1865-04"], part_of="t21", notes="Derived: 'the morning after being shot'."),
    E("t23", "Jackie Robinson's first game for the Brooklyn Dodgers, 15 April 1947.", "other", "1947-04-15", [
        M(F3, "1947 – Jackie Robinson plays his first game for the Brooklyn Dodgers, breaking the color line in Major League Baseball."),
    ], salience="minor", acc=["1947"]),
    E("t24", "Ray Kroc opens his first McDonald's in Des Plaines, 15 April 1955.", "economic_event", "1955-04-15", [
        M(F3, "1955 – Ray Kroc opens his first McDonald's restaurant in Des Plaines, Illinois."),
    ], salience="minor", acc=["1955"], alts=["other"]),
    E("t25", "Fire destroys the spire and much of the roof of Notre-Dame de Paris, 15 April 2019.", "other", "2019-04-15", [
        M(F3, "2019 – Fire destroys the spire and much of the roof of Notre-Dame de Paris."),
    ], salience="minor", acc=["2019"], alts=["economic_event"]),
]

people = [
    PER("Edward Smith", ["Captain Edward Smith", "Edward Smith", "Captain E. J. Smith", "E. J. Smith",
                         "Captain Edward John Smith", "Edward John Smith"], [
        R("Captain", "under Captain Edward Smith", [F1, F2, F5])]),
    PER("Arthur Rostron", ["Captain Arthur Rostron", "Arthur Rostron"], [
        R("Captain", "commanded by Captain Arthur Rostron", [F1])]),
    PER("J. Bruce Ismay", ["Mr. J. Bruce Ismay", "J. Bruce Ismay"], [
        R("chairman of the company", "Mr. J. Bruce Ismay, the chairman of the company", [F2])],
        notes="Chairman of the White Star Line."),
    PER("Thomas Andrews", ["Thomas Andrews"], [
        R("chief designer", "Her chief designer, Thomas Andrews", [F5])]),
    PER("Lord Mersey", ["Lord Mersey"], [R("Wreck Commissioner", "Lord Mersey, the Wreck Commissioner", [F1])]),
    PER("Jean-Louis Michel", ["Jean-Louis Michel"], []),
    PER("Robert Ballard", ["Robert Ballard", "Dr Robert Ballard"], []),
    PER("Stanley Lord", ["Captain Stanley Lord", "Stanley Lord"], [
        R("Captain", "Captain Stanley Lord of the Californian", [F4])]),
    PER("Abraham Lincoln", ["President Abraham Lincoln", "Abraham Lincoln"], [
        R("President", "President Abraham Lincoln", [F3])]),
    PER("John Wilkes Booth", ["John Wilkes Booth"], []),
    PER("Leonardo da Vinci", ["Leonardo da Vinci"], []),
    PER("Jackie Robinson", ["Jackie Robinson"], []),
    PER("Ray Kroc", ["Ray Kroc"], []),
]

conflicts = [
    C("Number of survivors", [
        V("705", F1, "took on board 705 survivors"),
        V("868 (first wireless reports)", F2, "with 868 survivors"),
        V("712", F5, "712 were rescued by the Carpathia"),
    ], "hard"),
    C("Death toll of the sinking", [
        V("more than 1,500", F1, "more than 1,500 died"),
        V("more than 1,500 feared", F2, "It is feared that more than 1,500 lives have been lost."),
        V("1,517", F3, "1,517 people die"),
        V("1,503 (British inquiry)", F4, "The British inquiry put the dead at 1,503"),
        V("1,517 (American inquiry)", F4, "the American one at 1,517"),
        V("around 1,500", F5, "Around 1,500 passengers and crew died"),
    ], "hard"),
    C("Date of the collision (ship's time vs GMT)", [
        V("14 April 1912 (ship's time)", F1, "at 11:40 p.m. (ship's time) on Sunday, 14 April 1912"),
        V("15 April 1912 (02:38 GMT)", F4, "at 02:38 GMT on 15 April"),
        V("14 April (9:38 p.m. New York time)", F4, "9:38 p.m. New York time on the 14th"),
    ], "soft", notes="One instant in three time scales."),
    C("Time of the sinking", [
        V("2:20 a.m. ship's time", F1, "2:20 a.m. ship's time"),
        V("05:18 GMT", F1, "05:18 GMT"),
        V("12:18 a.m. New York time", F4, "12:18 a.m. New York time"),
    ], "soft", notes="One instant in three time scales."),
    C("Day Titanic left Southampton", [
        V("10 April 1912", F1, "She left Southampton on 10 April 1912"),
        V("April 11 (a book cited in the forum)", F4, "she left Southampton on April 11"),
        V("10 April 1912 (forum reply)", F4, "She sailed from Southampton on the 10th"),
    ], "hard"),
    C("Number of lifeboats", [
        V("20", F1, "Titanic carried only 20 lifeboats"),
        V("16 (a book cited in the forum)", F4, "carried only 16 lifeboats"),
        V("20 (16 wooden boats plus 4 collapsibles)", F4, "16 wooden boats plus 4 collapsibles makes the 20"),
    ], "hard"),
    C("Name of the ship", [
        V("RMS Titanic", F1, "RMS Titanic sank"),
        V("SS Titanic", F5, "SS Titanic was launched"),
    ], "soft"),
    C("Distance from Newfoundland", [
        V("some 370 nautical miles (690 km) south-south-east (the wreck)", F1, "some 370 nautical miles (690 km) south-south-east of Newfoundland"),
        V("about 400 miles south (the collision)", F5, "about 400 miles south of Newfoundland"),
    ], "soft", notes="Different units and reference points."),
]

non_events = [
    NE(F1, "Article  Talk  Read  Edit  View history", "UI line"),
    NE(F1, "From Openpedia, the free reference work", "site line"),
    NE(F1, "[Image: Contemporary engraving of the liner going down by the bow. Credit: Openpedia Commons]", "image caption and credit"),
    NE(F1, "Contents  [hide]", "UI line"),
    NE(F1, "See also: List of shipwrecks in April 1912 · Titanic in", "link line, truncated by the excerpt cap"),
    NE(F2, "THE MORNING COURIER · From the archive", "site line"),
    NE(F2, "Home | World | Archive | Crosswords | Subscribe", "navigation"),
    NE(F2, "From the archive, 17 April 1912:", "heading part with the original publication date"),
    NE(F2, "Originally published in the Morning Courier on 17 April 1912. Republished Mon 15 Apr 2024 09.00 BST", "publication and republication dates"),
    NE(F2, "NEW YORK, April 16. –", "dateline"),
    NE(F2, "LONDON, April 16. –", "dateline"),
    NE(F2, "SOUTHAMPTON, April 16. –", "dateline"),
    NE(F2, "Wireless messages relayed through the Marconi station at Cape Race state that", "source attribution"),
    NE(F2, "[Photograph: Relatives waiting for news outside the Southampton offices of the White Star Line. Courier Picture Library]", "photo caption and credit"),
    NE(F2, "Share on Facebook · Share on X · Reuse this content", "UI line"),
    NE(F2, "Most viewed in Archive", "UI line"),
    NE(F3, "OnThisDay Archive", "site line"),
    NE(F3, "Today | Births | Deaths | Events | Search", "navigation"),
    NE(F3, "Advertisement", "UI line"),
    NE(F3, "Did you know? The Titanic's band played on as the ship went down, according to many survivors.", "trivia box"),
    NE(F3, "More from April: 14 April | 16 April", "navigation"),
    NE(F4, "Ocean Liners Forum › Famous Ships › White Star Line", "breadcrumb"),
    NE(F4, "Post by stokehold_sam » Tue Apr 14, 2015 8:12 pm", "post header"),
    NE(F4, "Post by CapeRaceOperator » Tue Apr 14, 2015 9:03 pm", "post header"),
    NE(F4, "Post by stokehold_sam » Tue Apr 14, 2015 9:20 pm", "post header"),
    NE(F4, "Post by CapeRaceOperator » Tue Apr 14, 2015 10:47 pm", "post header"),
    NE(F4, "Post by Marconi_fan » Wed Apr 15, 2015 7:30 am", "post header"),
    NE(F4, "If he had come, everyone would have been saved.", "speculation"),
    NE(F4, "Display posts from previous: All posts ▾ Sort by Post time ▾", "UI line"),
    NE(F4, "Return to \"White Star Line\" · Jump to ▾", "UI line"),
    NE(F5, "Visit | Collections | Learning | Shop | Support us", "navigation"),
    NE(F5, "Collections › Ocean liners › Titanic", "breadcrumb"),
    NE(F5, "Opening hours: daily 10:00–17:00. Last admission 16:15.", "opening hours"),
    NE(F5, "Catalogue no. MH.1998.214. Gift of the Hadley family, 1998.", "catalogue metadata and credit"),
    NE(F5, "[Photo: The deckchair fragment in the Ocean Liners gallery. © Harbour City Maritime Museum]", "photo caption and credit"),
    NE(F5, "Plan your visit · Buy tickets · Sign up to our newsletter", "UI line"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4, F5], events, people, conflicts, non_events, root=ROOT)
