"""Gold for the two single long pages of corpora/wide: an 18th-century chronology and an on-this-day page (2 September)."""

from gold_lib import NE, PER, C, E, M, R, V, dump

# ---------- chronology page: year-led lines, year headings, dates on their own line ----------
K1 = "single_chronology_18c"
A = f"{K1}/01.txt"


def ch(id: str, summary: str, type: str, date: str, quote: str, sal: str = "main", **kw: object) -> dict[str, object]:
    return E(id, summary, type, date, [M(A, quote)], salience=sal, **kw)  # type: ignore[arg-type]


ev_a = [
    ch("ch1701", "The War of the Spanish Succession breaks out.", "war_or_invasion", "1701",
       "1701- The War of the Spanish Succession breaks out over the vacant throne of Spain."),
    ch("ch1703", "Peter the Great founds Saint Petersburg.", "other", "1703",
       "1703- Peter the Great founds Saint Petersburg on the Neva."),
    ch("ch1707", "The Acts of Union join England and Scotland (1 May).", "other", "1707-05-01",
       "1707- The Acts of Union join England and Scotland in the Kingdom of Great Britain (1 May).",
       acc=["1707"], alts=["treaty_signed", "agreement_signed"],
       notes="Kept as written; the page does not mark the (Julian) calendar."),
    ch("ch1712", "Thomas Newcomen builds the first working atmospheric steam engine.", "other", "1712",
       "1712- Thomas Newcomen builds the first working atmospheric steam engine."),
    ch("ch1720", "The South Sea Bubble bursts.", "economic_event", "1720",
       "1720- The South Sea Bubble bursts in London.", alts=["other"]),
    ch("ch1745", "Charles Edward Stuart lands in Scotland to lead the Jacobite rising.", "war_or_invasion", "1745",
       "1745- Charles Edward Stuart lands in Scotland to lead the Jacobite rising", alts=["revolution_or_coup"]),
    ch("ch1746", "The Jacobite rising is crushed at Culloden, 16 April 1746 (derived from 'the next year').", "war_or_invasion", "1746-04-16",
       "it is crushed at Culloden on 16 April the next year", sal="secondary", acc=["1746-04", "1746", "1746-04-27"],
       part_of="ch1745", notes="Relative year resolved from the 1745 entry; kept as written (Old Style, unmarked)."),
    ch("ch1755", "Earthquake, tsunami and fire destroy Lisbon.", "other", "1755-11-01",
       "1755- An earthquake, tsunami and fire destroy Lisbon on 1 November, All Saints' Day.", acc=["1755"], alts=["economic_event"]),
    ch("ch1756", "The Seven Years' War.", "war_or_invasion", "1756/1763",
       "1756-1763- The Seven Years' War is fought in Europe, North America and India.", acc=["1756"]),
    ch("ch1762", "Catherine II takes the Russian throne in a palace coup against Peter III.", "revolution_or_coup", "1762",
       "1762- Catherine II takes the Russian throne in a palace coup against her husband, Peter III.", alts=["took_office"]),
    ch("ch1769", "James Watt patents his separate condenser.", "other", "1769",
       "1769- James Watt patents his separate condenser for the steam engine.", alts=["economic_event"]),
    ch("ch1770", "Captain James Cook lands at Botany Bay.", "other", "1770",
       "1770- Captain James Cook lands at Botany Bay.", alts=["visit"]),
    ch("ch1773", "Boston Tea Party: colonists dump 342 chests of tea into Boston Harbor.", "other", "1773-12-16",
       "**1773:**\n- Boston Tea Party (16 December): colonists dump 342 chests of tea into Boston Harbor.", acc=["1773"]),
    ch("ch1776a", "The Declaration of Independence is adopted.", "letter_or_statement", "1776-07-04",
       "The Declaration of Independence is adopted on 4 July", acc=["1776"]),
    ch("ch1776b", "Most delegates sign the Declaration of Independence.", "letter_or_statement", "1776-08-02",
       "most delegates sign it on 2 August", sal="secondary", acc=["1776"], alts=["agreement_signed"], part_of="ch1776a"),
    ch("ch1776c", "Adam Smith publishes The Wealth of Nations.", "other", "1776",
       "- Adam Smith publishes The Wealth of Nations."),
    ch("ch1783", "The Treaty of Paris ends the American War of Independence.", "treaty_signed", "1783",
       "1783\nThe Treaty of Paris ends the American War of Independence."),
    ch("ch1789a", "George Washington is inaugurated as the first US President.", "took_office", "1789-04-30",
       "30 April – George Washington is inaugurated as the first President of the United States.", acc=["1789"]),
    ch("ch1789b", "Storming of the Bastille.", "revolution_or_coup", "1789-07-14",
       "14 July – Storming of the Bastille in Paris.", acc=["1789"]),
    ch("ch1793", "Louis XVI is guillotined in Paris.", "other", "1793-01-21",
       "1793- Louis XVI is guillotined in Paris on 21 January.", acc=["1793"], alts=["purge_or_repression", "assassination"],
       notes="A commenter claims 1792; see conflicts."),
    ch("ch1796", "Edward Jenner performs the first smallpox vaccination.", "other", "1796",
       "1796- Edward Jenner performs the first smallpox vaccination."),
    ch("ch1799a", "French soldiers find the Rosetta Stone.", "other", "1799",
       "1799- French soldiers find the Rosetta Stone"),
    ch("ch1799b", "Napoleon Bonaparte seizes power in the coup of 18 Brumaire.", "revolution_or_coup", "1799-11",
       "in November Napoleon Bonaparte seizes power in the coup of 18 Brumaire", acc=["1799"], alts=["took_office"]),
    ch("ch1715", "The Jacobite rising of 1715 (named in a comment).", "war_or_invasion", "1715",
       "the Jacobite rising of 1715", sal="secondary", alts=["revolution_or_coup"]),
]
pe_a = [
    PER("Peter the Great", ["Peter the Great"], []),
    PER("Thomas Newcomen", ["Thomas Newcomen"], []),
    PER("Charles Edward Stuart", ["Charles Edward Stuart"], []),
    PER("Catherine II", ["Catherine II"], []),
    PER("Peter III", ["Peter III"], []),
    PER("James Watt", ["James Watt"], []),
    PER("James Cook", ["Captain James Cook", "James Cook"], [R("Captain", "Captain James Cook", [A])]),
    PER("Adam Smith", ["Adam Smith"], []),
    PER("George Washington", ["George Washington"], [
        R("first President of the United States", "George Washington is inaugurated as the first President of the United States", [A], "1789-04-30")]),
    PER("Louis XVI", ["Louis XVI"], []),
    PER("Edward Jenner", ["Edward Jenner"], []),
    PER("Napoleon Bonaparte", ["Napoleon Bonaparte"], []),
]
co_a = [
    C("Year of Louis XVI's execution", [
        V("1793-01-21", A, "1793- Louis XVI is guillotined in Paris on 21 January."),
        V("1792 (commenter)", A, "Surely Louis XVI was executed in 1792 though?"),
    ], "hard", notes="The author's reply defending the list is cut off by the excerpt cap."),
    C("Date of the Declaration of Independence", [
        V("1776-07-04 (adopted)", A, "adopted on 4 July"),
        V("1776-08-02 (signed by most delegates)", A, "most delegates sign it on 2 August"),
    ], "soft", notes="Adoption vs signing, as for 'sealed' vs 'signed' elsewhere."),
]
ne_a = [
    NE(A, "World History Timeline: The 18th Century (1701–1800)", "page heading"),
    NE(A, "Posted in Timelines | 14 Comments", "post metadata"),
    NE(A, "A quick chronology of the century of Enlightenment and revolution.", "page blurb"),
    NE(A, "14 thoughts on \"World History Timeline: The 18th Century\"", "comments heading"),
    NE(A, "Ravi S. — 3 May 2022 —", "comment header"),
    NE(A, "TimelineTom (author) — 4 May 2022 — Thanks Ravi, I have double-checked and the date on the list is correct,", "comment reply, truncated by the excerpt cap"),
]

# ---------- on-this-day page: 2 September, the day only in the heading ----------
K2 = "single_onthisday_sep2"
OTD = f"{K2}/01.txt"


def od(id: str, summary: str, type: str, year: str, quote: str, sal: str = "main", date: str | None = None,
       acc: list[str] | None = None, **kw: object) -> dict[str, object]:
    return E(id, summary, type, date or f"{year}-09-02", [M(OTD, quote)], salience=sal,  # type: ignore[arg-type]
             acc=acc if acc is not None else [year], **kw)


ev_b = [
    od("d-0030", "Battle of Actium: Octavian's fleet under Agrippa defeats Antony and Cleopatra (2 September 31 BC).", "war_or_invasion", "-0030",
       "31 BC – Battle of Actium: Octavian's fleet under Agrippa defeats the forces of Mark Antony and Cleopatra off western Greece."),
    od("d1192", "Richard I and Saladin agree the Treaty of Jaffa, ending the Third Crusade.", "treaty_signed", "1192",
       "1192 – Richard I of England and Saladin agree the Treaty of Jaffa, ending the Third Crusade with a three-year truce.",
       alts=["agreement_signed"]),
    od("d1666", "The Great Fire of London breaks out in Pudding Lane (2 September Old Style = 12 September New Style).", "other", "1666",
       "1666 – (Old Style) The Great Fire of London breaks out in Thomas Farriner's bakery on Pudding Lane; it burns for four days and destroys some 13,200 houses.",
       date="1666-09-12", acc=["1666-09-02", "1666-09", "1666"], alts=["economic_event"],
       notes="Marked Old Style on the page: New Style canonical, the Old Style day accepted (FORMAT v1.1)."),
    od("d1789", "The US Department of the Treasury is founded.", "other", "1789",
       "1789 – The United States Department of the Treasury is founded.", alts=["establish_relations"]),
    od("d1870", "Napoleon III surrenders to the Prussians at Sedan with more than 100,000 men.", "war_or_invasion", "1870",
       "1870 – A day after the Battle of Sedan, Emperor Napoleon III surrenders to the Prussians with more than 100,000 men.", alts=["other", "agreement_signed"]),
    od("d1870b", "Battle of Sedan (1 September 1870, derived from 'a day after').", "war_or_invasion", "1870",
       "A day after the Battle of Sedan", sal="secondary", date="1870-09-01", acc=["1870-09", "1870"]),
    od("d1898", "Battle of Omdurman: Kitchener's British and Egyptian troops defeat the Khalifa's army.", "war_or_invasion", "1898",
       "1898 – Battle of Omdurman: British and Egyptian troops under Herbert Kitchener defeat the army of the Khalifa Abdullahi, securing Sudan."),
    od("d1945a", "Japan formally surrenders aboard USS Missouri, ending World War II.", "treaty_signed", "1945",
       "1945 – Japan formally surrenders aboard the battleship USS Missouri in Tokyo Bay, ending World War II.",
       alts=["agreement_signed", "war_or_invasion"]),
    od("d1945b", "Ho Chi Minh proclaims the independence of the Democratic Republic of Vietnam.", "other", "1945",
       "1945 – Ho Chi Minh proclaims the independence of the Democratic Republic of Vietnam in Hanoi.",
       alts=["letter_or_statement", "recognition", "revolution_or_coup"]),
    od("d1969", "The first US automated teller machine goes into service.", "economic_event", "1969",
       "1969 – The first automated teller machine in the United States goes into service at a bank in Rockville Centre, New York.",
       alts=["other"]),
    od("d1998", "The Rwanda tribunal finds Jean-Paul Akayesu guilty of genocide.", "other", "1998",
       "1998 – The International Criminal Tribunal for Rwanda finds Jean-Paul Akayesu guilty of genocide, the first such conviction by an international court.",
       alts=["purge_or_repression"]),
    od("b1850", "Birth of Albert Spalding.", "other", "1850",
       "1850 – Albert Spalding, American baseball pitcher and sporting-goods businessman"),
    od("b1948", "Birth of Christa McAuliffe.", "other", "1948",
       "1948 – Christa McAuliffe, American teacher and astronaut"),
    od("x1937", "Death of Pierre de Coubertin.", "other", "1937",
       "1937 – Pierre de Coubertin, French educator and founder of the modern Olympic Games"),
    od("x1973", "Death of J. R. R. Tolkien.", "other", "1973",
       "1973 – J. R. R. Tolkien, English writer and philologist"),
    od("y1752", "Great Britain and its colonies adopt the Gregorian calendar: 2 September is followed by 14 September 1752.", "other", "1752",
       "In 1752 Great Britain and its colonies went straight from Wednesday 2 September to Thursday 14 September when they adopted the Gregorian calendar.",
       sal="secondary", date="1752-09-14", acc=["1752-09-02", "1752-09", "1752"],
       notes="A 'Did you know?' box, not an entry; the first Gregorian day is canonical."),
]
pe_b = [
    PER("Octavian", ["Octavian"], []),
    PER("Agrippa", ["Agrippa"], []),
    PER("Mark Antony", ["Mark Antony"], []),
    PER("Cleopatra", ["Cleopatra"], []),
    PER("Richard I", ["Richard I of England", "Richard I"], []),
    PER("Saladin", ["Saladin"], []),
    PER("Thomas Farriner", ["Thomas Farriner"], []),
    PER("Napoleon III", ["Emperor Napoleon III", "Napoleon III"], [R("Emperor", "Emperor Napoleon III", [OTD])]),
    PER("Herbert Kitchener", ["Herbert Kitchener"], []),
    PER("Abdullahi", ["Khalifa Abdullahi", "Abdullahi"], [R("Khalifa", "the Khalifa Abdullahi", [OTD])]),
    PER("Ho Chi Minh", ["Ho Chi Minh"], []),
    PER("Jean-Paul Akayesu", ["Jean-Paul Akayesu"], []),
    PER("Albert Spalding", ["Albert Spalding"], []),
    PER("Christa McAuliffe", ["Christa McAuliffe"], []),
    PER("Pierre de Coubertin", ["Pierre de Coubertin"], []),
    PER("J. R. R. Tolkien", ["J. R. R. Tolkien"], []),
]
ne_b = [
    NE(OTD, "ON THIS DAY", "site line"),
    NE(OTD, "Today in History: September 2", "page heading"),
    NE(OTD, "Share · Print · Add to calendar · Change date ▾", "UI line"),
    NE(OTD, "National Day (Vietnam)", "recurring observance"),
    NE(OTD, "There were no riots, whatever later stories claim", "denied event"),
    NE(OTD, "Advertisement", "UI line"),
    NE(OTD, "More events on September 2 → 44 BC · 1752 · 1864 · 19", "navigation, truncated by the excerpt cap"),
]

if __name__ == "__main__":
    dump(K1, [A], ev_a, pe_a, co_a, ne_a)
    dump(K2, [OTD], ev_b, pe_b, [], ne_b)
