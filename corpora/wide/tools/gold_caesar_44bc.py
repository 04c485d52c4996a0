"""Gold for corpora/wide cluster caesar_44bc (dates BC in astronomical years: 44 BC = -0043)."""

from gold_lib import NE, PER, C, E, M, R, V, dump

K = "caesar_44bc"
F1, F2, F3, F4, F5 = (f"{K}/0{i}.txt" for i in range(1, 6))

events = [
    E("c1", "Julius Caesar is stabbed to death by senators at a Senate meeting in the Curia of Pompey, Rome, on the Ides (15 March) 44 BC.",
      "assassination", "-0043-03-15", [
          M(F1, "The assassination of Julius Caesar took place on the Ides of March (15 March) 44 BC, when the dictator was stabbed to death by a group of senators at a meeting of the Senate in the Curia of Pompey, a hall attached to the Theatre of Pompey on the Campus Martius."),
          M(F1, "According to Suetonius, Caesar received 23 stab wounds, only one of which, the second in the chest, was fatal. Tillius Cimber gave the signal by pulling at Caesar's toga, and Servilius Casca struck the first blow."),
          M(F2, "44 B.C.\nJulius Caesar is assassinated"),
          M(F2, "Julius Caesar, the dictator of Rome, is stabbed to death in the Roman Senate house by his own senators on the Ides of March."),
          M(F2, "Inside the meeting hall, the conspirators surrounded him and stabbed him 23 times."),
          M(F3, "Caesar was killed in the Curia of Pompey, a temporary senate hall inside Pompey's theatre complex"),
          M(F3, "He was killed at the Capitol on March 13, 44 BC, stabbed 35 times."),
          M(F4, "the back of this square is where Emperor Julius Caesar was murdered"),
          M(F4, "On 15 March 44 BC, Caesar went to a Senate meeting in the Curia of Pompey, which stood at the eastern end of the Theatre of Pompey."),
          M(F5, "15 March – Caesar is assassinated at a meeting of the Senate in the Curia of Pompey; he receives 23 wounds."),
      ], acc=["-0043-03", "-0043"], place="Curia of Pompey, Rome",
      notes="03 has one poster dating it 13 March (the 'Ides = 13th' error); see conflicts."),
    E("c25", "Caesar's body lies at the foot of Pompey's statue until three slaves carry it home.", "other", "-0043-03-15", [
        M(F1, "The body lay at the foot of Pompey's statue for some time before three slaves carried it home."),
    ], salience="minor", acc=["-0043-03", "-0043"], part_of="c1"),
    E("c2", "Caesar crosses the Rubicon into Italy with a legion, starting the civil war.", "war_or_invasion", "-0048-01-10", [
        M(F1, "Caesar had crossed the Rubicon in January 49 BC"),
        M(F2, "In 49 B.C. he led his legion across the Rubicon River into Italy"),
        M(F5, "10 January – Caesar crosses the Rubicon with the Thirteenth Legion"),
    ], salience="secondary", acc=["-0048-01", "-0048"], place="Rubicon river"),
    E("c3", "Caesar's civil war against Pompey and the Senate (49 BC onwards), which Caesar wins.", "war_or_invasion", "-0048/-0044", [
        M(F1, "won the civil war that followed"),
        M(F2, "defeated Pompey the Great in the civil war that followed"),
        M(F5, "starting the civil war against Pompey and the Senate"),
    ], salience="secondary", acc=["-0048"], notes="Only the start (49 BC) is dated in the texts."),
    E("c4", "Battle of Pharsalus: Caesar defeats Pompey in Greece.", "war_or_invasion", "-0047-08-09", [
        M(F5, "9 August – Caesar defeats Pompey at the Battle of Pharsalus in Greece."),
    ], salience="minor", acc=["-0047-08", "-0047"], part_of="c3"),
    E("c5", "Pompey is murdered on landing in Egypt.", "assassination", "-0047-09-28", [
        M(F5, "28 September – Pompey is murdered on landing in Egypt."),
    ], salience="minor", acc=["-0047-09", "-0047"], alts=["other"]),
    E("c6", "Caesar is appointed dictator for ten years.", "took_office", "-0045", [
        M(F5, "Caesar is appointed dictator for ten years."),
    ], salience="minor"),
    E("c7", "The Senate names Caesar dictator perpetuo (dictator for life), February 44 BC.", "took_office", "-0043-02", [
        M(F1, "In February 44 BC the Senate named him dictator perpetuo (dictator in perpetuity)"),
        M(F2, "He was made dictator for life early in 44 B.C."),
        M(F4, "He had been declared dictator for life only a month before"),
        M(F5, "February – Caesar is named dictator perpetuo."),
    ], salience="secondary", acc=["-0043"]),
    E("c8", "At the Lupercalia Mark Antony offers Caesar a diadem, which Caesar refuses.", "other", "-0043-02-15", [
        M(F5, "15 February – At the Lupercalia, Mark Antony offers Caesar a diadem; Caesar refuses it before the crowd."),
    ], salience="minor", acc=["-0043-02", "-0043"]),
    E("c9", "The Senate, meeting in the Temple of Tellus on Cicero's suggestion, grants an amnesty to the assassins.", "other", "-0043-03-17", [
        M(F1, "Two days later, on 17 March, the Senate met in the Temple of Tellus and, at the suggestion of Cicero, granted an amnesty to the assassins."),
        M(F5, "17 March – The Senate grants an amnesty to the conspirators."),
    ], salience="secondary", acc=["-0043-03", "-0043"], alts=["agreement_signed"]),
    E("c10", "Caesar's public funeral; Antony's speech turns the crowd, which burns the body in the Forum.", "other", "-0043-03-20", [
        M(F1, "At the public funeral Mark Antony, Caesar's fellow consul, turned the crowd against the conspirators"),
        M(F4, "where Caesar's body was burned after his funeral"),
        M(F5, "20 March – Caesar's funeral; Antony's speech stirs the crowd, which burns the body in the Forum."),
    ], salience="secondary", acc=["-0043-03", "-0043"]),
    E("c11", "The conspirators flee Rome after the funeral.", "other", "-0043", [
        M(F1, "who fled the city."),
    ], salience="minor"),
    E("c12", "The Lex Titia sets up the Second Triumvirate of Octavian, Antony and Lepidus, who hunt down the assassins.", "other", "-0042-11-27", [
        M(F2, "Octavian, joined Mark Antony and Lepidus to hunt down the assassins"),
        M(F5, "27 November – The Lex Titia sets up the Second Triumvirate of Octavian, Antony and Lepidus."),
    ], salience="secondary", acc=["-0042-11", "-0042"], alts=["agreement_signed", "took_office"],
      notes="02 gives no date for the alliance."),
    E("c13", "Cicero is killed on Antony's orders.", "assassination", "-0042-12-07", [
        M(F5, "7 December – Cicero is killed on the orders of Antony."),
    ], salience="minor", acc=["-0042-12", "-0042"], alts=["purge_or_repression", "other"]),
    E("c14", "Caesar is officially deified as Divus Iulius.", "other", "-0041-01-01", [
        M(F5, "1 January – Caesar is officially deified as Divus Iulius."),
    ], salience="minor", acc=["-0041-01", "-0041"]),
    E("c15", "Battles of Philippi: Octavian and Antony defeat Brutus and Cassius.", "war_or_invasion", "-0041-10", [
        M(F2, "in 42 B.C. they defeated Brutus and Cassius at Philippi"),
        M(F5, "October – Two battles at Philippi"),
    ], salience="secondary", acc=["-0041"], place="Philippi"),
    E("c16", "Cassius and then Brutus take their own lives after Philippi.", "other", "-0041-10", [
        M(F5, "Cassius and then Brutus take their own lives."),
    ], salience="minor", acc=["-0041"], alts=["war_or_invasion"], part_of="c15"),
    E("c17", "Birth of Julius Caesar.", "other", "-0099", [
        M(F2, "Caesar, born in 100 B.C."),
    ], salience="minor"),
    E("c18", "Calpurnia dreams of Caesar's death the night before and begs him to stay home.", "other", "-0043-03-14", [
        M(F2, "His wife Calpurnia had also dreamed of his death the night before and begged him to stay home."),
    ], salience="minor", acc=["-0043-03", "-0043"]),
    E("c19", "The seer Spurinna warns Caesar to beware the Ides of March.", "letter_or_statement", None, [
        M(F2, "the seer Spurinna, who had warned him to beware of the Ides of March"),
    ], salience="minor", alts=["other"]),
    E("c20", "Brutus has coins struck with daggers, a cap of liberty and EID MAR.", "other", "-0042/-0041", [
        M(F3, "the conspirators minted coins afterwards with daggers and a cap of liberty, EID MAR. Brutus had them struck in 43/42 BC."),
    ], salience="minor", alts=["economic_event"]),
    E("c21", "The Senate house in the Forum (Curia Hostilia) had burned down years earlier.", "other", None, [
        M(F3, "the Senate house in the Forum (the Curia Hostilia) had burned down years earlier"),
    ], salience="minor"),
    E("c22", "Walkways open at Largo di Torre Argentina, letting visitors go down among the temples.", "other", "2023-06", [
        M(F4, "they opened in June 2023, three months after my visit"),
    ], salience="minor", acc=["2023"]),
    E("c26", "The Temple of Divus Iulius is built where Caesar's body was burned.", "other", None, [
        M(F4, "the Temple of Divus Iulius, built where Caesar's body was burned"),
    ], salience="minor"),
    E("c23", "Czar Nicholas II abdicates (15 March 1917, on the page's 'also on this day' list).", "other", "1917-03-15", [
        M(F2, "1917 Czar Nicholas II abdicates the Russian throne"),
    ], salience="minor", acc=["1917"], alts=["took_office", "revolution_or_coup"]),
    E("c24", "The first Internet domain name is registered (15 March 1985).", "other", "1985-03-15", [
        M(F2, "1985 The first Internet domain name is registered"),
    ], salience="minor", acc=["1985"], alts=["economic_event"]),
]

people = [
    PER("Julius Caesar", ["Julius Caesar", "Gaius Julius Caesar", "Caesar", "Emperor Julius Caesar"], [
        R("dictator perpetuo", "the Senate named him dictator perpetuo", [F1], "-0043-02", "-0043-03-15"),
        R("dictator for life", "He was made dictator for life", [F2, F4], "-0043", "-0043-03-15"),
        R("dictator of Rome", "Julius Caesar, the dictator of Rome", [F2]),
        R("dictator for ten years", "Caesar is appointed dictator for ten years", [F5], "-0045"),
        R("Emperor", "Emperor Julius Caesar", [F4]),
    ], notes="04 calls him 'Emperor' (a commenter corrects it); kept as written, see conflicts."),
    PER("Marcus Junius Brutus", ["Marcus Junius Brutus", "Marcus Brutus", "Brutus"], []),
    PER("Gaius Cassius Longinus", ["Gaius Cassius Longinus", "Cassius"], []),
    PER("Decimus Junius Brutus Albinus", ["Decimus Junius Brutus Albinus"], []),
    PER("Mark Antony", ["Mark Antony", "Antony"], [
        R("consul", "Mark Antony, Caesar's fellow consul", [F1], "-0043")]),
    PER("Cicero", ["Cicero"], []),
    PER("Suetonius", ["Suetonius"], [], notes="Ancient biographer cited as a source."),
    PER("Tillius Cimber", ["Tillius Cimber"], []),
    PER("Servilius Casca", ["Servilius Casca"], []),
    PER("Pompey", ["Pompey the Great", "Pompey"], []),
    PER("Spurinna", ["Spurinna"], [R("seer", "the seer Spurinna", [F2])]),
    PER("Calpurnia", ["Calpurnia"], [], notes="Caesar's wife."),
    PER("Octavian", ["Octavian", "Augustus"], [R("first emperor", "Augustus was the first emperor", [F4])],
        notes="04's commenter calls him Augustus."),
    PER("Lepidus", ["Lepidus"], []),
    PER("Shakespeare", ["Shakespeare"], [], notes="Playwright, cited in 03."),
    PER("Nicholas II", ["Czar Nicholas II", "Nicholas II"], [
        R("Czar", "Czar Nicholas II abdicates the Russian throne", [F2], None, "1917-03-15")]),
    PER("Giulia Ferraro", ["Giulia Ferraro"], [], notes="Blog author (byline, photo credit)."),
    PER("P. Okafor", ["Dr. P. Okafor", "P. Okafor"], [], notes="Reviewer named in the revision guide's header."),
]

conflicts = [
    C("Where Caesar was killed", [
        V("Curia of Pompey (in the Theatre of Pompey complex)", F1, "in the Curia of Pompey, a hall attached to the Theatre of Pompey"),
        V("Curia of Pompey (in the Theatre of Pompey complex)", F3, "Caesar was killed in the Curia of Pompey"),
        V("Curia of Pompey (in the Theatre of Pompey complex)", F5, "at a meeting of the Senate in the Curia of Pompey"),
        V("the Capitol", F3, "He was killed at the Capitol"),
        V("the Roman Senate house", F2, "stabbed to death in the Roman Senate house"),
    ], "hard", notes="The Capitol is Shakespeare's setting; 03's top comment says the Senate house in the Forum had burned down."),
    C("Date of the assassination", [
        V("-0043-03-15", F1, "the Ides of March (15 March) 44 BC"),
        V("-0043-03-15", F4, "On 15 March 44 BC"),
        V("-0043-03-13", F3, "on March 13, 44 BC"),
    ], "hard", notes="13 March follows from the wrong 'Ides = 13th' rule, which 03 itself explains."),
    C("Number of stab wounds", [
        V("23", F1, "Caesar received 23 stab wounds"),
        V("23", F2, "stabbed him 23 times"),
        V("23", F5, "he receives 23 wounds"),
        V("35", F3, "stabbed 35 times"),
    ], "hard"),
    C("Number of conspirators", [
        V("more than 60 senators", F1, "Liberatores (more than 60 senators)"),
        V("as many as sixty", F4, "As many as sixty senators were in on the plot."),
        V("some 40", F2, "The conspirators, some 40 of them"),
    ], "hard"),
    C("Caesar's last words", [
        V("Et tu, Brute? (Shakespeare)", F3, "And \"Et tu, Brute?\" is Shakespeare too."),
        V("said nothing (Suetonius)", F3, "Suetonius says Caesar said nothing at all"),
        V("kai su, teknon? (Greek, reported)", F3, "he said in Greek \"kai su, teknon?\" (\"you too, child?\") to Brutus"),
    ], "hard", notes="All three readings are reported in one comment."),
    C("Caesar's title", [
        V("dictator (for life / perpetuo)", F2, "Julius Caesar, the dictator of Rome"),
        V("dictator (for life / perpetuo)", F4, "Caesar was never emperor, he was dictator"),
        V("Emperor", F4, "Emperor Julius Caesar"),
    ], "soft", notes="The blog post and its commenter disagree on the same page."),
    C("Date of the crossing of the Rubicon", [
        V("-0048-01-10", F5, "10 January – Caesar crosses the Rubicon"),
        V("-0048-01", F1, "crossed the Rubicon in January 49 BC"),
        V("-0048", F2, "In 49 B.C. he led his legion across the Rubicon River"),
    ], "soft", notes="Precision only."),
]

non_events = [
    NE(F1, "Jump to navigation Jump to search", "UI line"),
    NE(F1, "This is an old revision of this page, as edited by Lupercus (talk | contribs) at 09:14, 2 March 2012. It may differ significantly from the current version.", "revision banner"),
    NE(F1, "(diff) ← Previous revision | Latest revision (diff) | Newer revision → (diff)", "UI line"),
    NE(F1, "{{Infobox civilian attack}}", "template debris"),
    NE(F1, "Categories: 44 BC | Assassinations in Ancient Rome | Julius Caesar", "category line"),
    NE(F1, "Hidden categories: Articles with unsourced statements from March 2012", "category line"),
    NE(F1, "This page was last modified on 2 March 2012, at 09:14.", "page timestamp"),
    NE(F2, "Topics | Shows | This Day in History | Podcasts | Subscribe", "navigation"),
    NE(F2, "By Editors of The History Vault", "byline"),
    NE(F2, "Published: November 13, 2009 | Last updated: March 14, 2024", "publication timestamps"),
    NE(F2, "ADVERTISEMENT", "UI line"),
    NE(F2, "Article Title: Julius Caesar is assassinated", "citation metadata"),
    NE(F2, "Access Date: March 15, 2025", "citation metadata"),
    NE(F3, "r/AskHistorians_Lite • Posted by u/tunic_of_doom 3y ago", "post metadata"),
    NE(F3, "Share   Save   Hide   Report", "UI line"),
    NE(F3, "more replies (14)", "UI line"),
    NE(F4, "Posted on 21 March 2023 by Giulia Ferraro · 6 comments", "byline and timestamp"),
    NE(F4, "[Photo: the cat sanctuary at Largo Argentina, March 2023. © Giulia Ferraro]", "photo caption and credit"),
    NE(F4, "Every Ides of March a costumed group re-enacts the murder here.", "habitual commemoration, no dated occurrence"),
    NE(F4, "I did not go this year but maybe next year, if I can get a flight!", "speculation"),
    NE(F4, "People still leave flowers on the altar every 15 March.", "habitual commemoration, no dated occurrence"),
    NE(F4, "Marco B. says: 22 March 2023 at 18:02", "comment timestamp"),
    NE(F5, "Last reviewed by Dr. P. Okafor · 8 min read", "byline"),
    NE(F5, "Exam tip: examiners reward precise dates, but \"early 44 BC\" for the dictatorship is accepted.", "study tip"),
    NE(F5, "Next: The Second Triumvirate and the road to Actium →", "navigation link"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4, F5], events, people, conflicts, non_events)
