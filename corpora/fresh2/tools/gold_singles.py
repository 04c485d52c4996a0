"""Gold for the two single long pages of corpora/fresh2: a museum's independence timeline (Finland) and an
on-this-day page (12 October)."""

from typing import Any

from _lib import ROOT
from gold_lib import NE, PER, C, E, M, R, V, dump

# ---------- museum timeline: year-led panel lines, one year on a line of its own, a "Did you know?" box ----------
K1 = "single_finland_timeline"
A = f"{K1}/01.txt"


def ta(id: str, summary: str, type: str, date: str | None, quote: str, sal: str = "main", **kw: Any) -> dict[str, Any]:
    return E(id, summary, type, date, [M(A, quote)], salience=sal, **kw)


ev_a = [
    ta("fi1809", "Sweden cedes Finland to Russia in the Treaty of Fredrikshamn, 17 September 1809.", "treaty_signed", "1809-09-17",
       "1809 – After the Finnish War, Sweden cedes Finland to Russia in the Treaty of Fredrikshamn (17 September).",
       acc=["1809-09", "1809"], alts=["agreement_signed"]),
    ta("fi1809b", "Finland becomes an autonomous Grand Duchy under the Tsar.", "other", "1809",
       "Finland becomes an autonomous Grand Duchy under the Tsar.", sal="secondary", part_of="fi1809"),
    ta("fi1812", "Helsinki is made the capital of the Grand Duchy.", "other", "1812",
       "1812 – Helsinki is made the capital of the Grand Duchy in place of Turku."),
    ta("fi1835", "Elias Lönnrot publishes the first edition of the Kalevala.", "other", "1835",
       "1835 – Elias Lönnrot publishes the first edition of the Kalevala, the national epic."),
    ta("fi1863", "The Language Decree.", "other", "1863",
       "1863 – The Language Decree promises Finnish equal status with Swedish in official business within twenty years.",
       alts=["agreement_signed", "letter_or_statement"]),
    ta("fi1899", "Tsar Nicholas II issues the February Manifesto (February 1899).", "letter_or_statement", "1899-02",
       "1899\nIn February Tsar Nicholas II issues the February Manifesto, restricting the Grand Duchy's autonomy.",
       acc=["1899"], alts=["other", "purge_or_repression"], notes="The year is on a line of its own."),
    ta("fi1899b", "More than half a million Finns sign the Great Address in protest.", "letter_or_statement", "1899",
       "More than half a million Finns sign the Great Address in protest.", sal="secondary", alts=["other"], part_of="fi1899"),
    ta("fi1900", "Sibelius's Finlandia is performed at the Paris World's Fair.", "other", "1900",
       "1900 – Jean Sibelius's Finlandia is performed at the Paris World's Fair."),
    ta("fi1904", "Governor-General Bobrikov is shot by Eugen Schauman, 16 June 1904.", "assassination", "1904-06-16",
       "1904 – Governor-General Nikolai Bobrikov is shot in the Senate building in Helsinki by Eugen Schauman on 16 June",
       acc=["1904-06", "1904"]),
    ta("fi1904b", "Bobrikov dies the next day, 17 June 1904.", "other", "1904-06-17", "he dies the next day",
       sal="secondary", acc=["1904-06", "1904"], alts=["assassination"], part_of="fi1904"),
    ta("fi1906", "Finland adopts a single-chamber parliament elected by universal suffrage; women gain the vote.", "other", "1906",
       "1906 – Finland adopts a single-chamber parliament elected by universal suffrage. Women gain both the right to vote and to stand for election, the first in Europe."),
    E("fi1917", "Parliament approves the Senate's declaration of independence, 6 December 1917.", "other", "1917-12-06", [
        M(A, "1917 – On 6 December the Senate's declaration of independence is approved by Parliament."),
        M(A, "Parliament approved it two days later"),
    ], acc=["1917-12", "1917", "1917-12-04/1917-12-06"], alts=["recognition", "revolution_or_coup"]),
    ta("fi1917b", "The Senate chaired by Svinhufvud presents its declaration of independence to Parliament, 4 December 1917.", "other",
       "1917-12-04", "Finland's independence was declared on 4 December 1917, when the Senate chaired by P. E. Svinhufvud presented its declaration to Parliament",
       sal="secondary", acc=["1917-12", "1917"], alts=["letter_or_statement", "recognition", "revolution_or_coup"], part_of="fi1917",
       notes="A 'Did you know?' box; soft conflict with the 6 December entry."),
    ta("fi1917c", "Lenin's Council of People's Commissars recognises Finland's independence, 31 December 1917.", "recognition", "1917-12-31",
       "On 31 December Lenin's Council of People's Commissars recognises Finland's independence.", acc=["1917-12", "1917"]),
    ta("fi1918", "The Finnish Civil War breaks out, 27 January 1918.", "war_or_invasion", "1918-01-27",
       "1918 – Civil war breaks out on 27 January between the Reds and the Whites.", acc=["1918-01", "1918"]),
    ta("fi1918b", "The Civil War ends in May 1918 with the defeat of the Reds.", "war_or_invasion", "1918-05",
       "The war ends in May with the defeat of the Reds", acc=["1918"], alts=["other"]),
    ta("fi1918c", "Mannerheim's White army holds a victory parade in Helsinki, 16 May 1918.", "other", "1918-05-16",
       "General Mannerheim's White army holds a victory parade in Helsinki on 16 May.", sal="secondary", acc=["1918-05", "1918"],
       part_of="fi1918b"),
    ta("fi1919", "The republican constitution is adopted in July 1919.", "other", "1919-07",
       "1919 – The republican constitution is adopted in July", acc=["1919"], alts=["agreement_signed"]),
    ta("fi1919b", "K. J. Ståhlberg becomes the first President of the Republic.", "took_office", "1919",
       "K. J. Ståhlberg becomes the first President of the Republic.", acc=["1919-07"]),
    ta("fi1920", "The Treaty of Tartu with Soviet Russia is signed, 14 October 1920.", "treaty_signed", "1920-10-14",
       "1920 – The Treaty of Tartu (Peace of Dorpat) with Soviet Russia is signed on 14 October, fixing the eastern border.",
       acc=["1920-10", "1920"], alts=["agreement_signed"]),
    ta("fi1939", "The Soviet Union attacks Finland, starting the Winter War, 30 November 1939.", "war_or_invasion", "1939-11-30",
       "1939 – The Soviet Union attacks on 30 November, starting the Winter War.", acc=["1939-11", "1939"]),
    ta("fi1940", "The Moscow Peace Treaty ends the Winter War, 12 March 1940.", "treaty_signed", "1940-03-12",
       "1940 – The Moscow Peace Treaty of 12 March ends the Winter War; Finland cedes Karelia.",
       acc=["1940-03", "1940"], alts=["agreement_signed"]),
    ta("fi1952", "Helsinki hosts the Summer Olympic Games.", "other", "1952",
       "1952 – Helsinki hosts the Summer Olympic Games."),
    ta("fi1955", "Finland joins the United Nations and the Nordic Council.", "other", "1955",
       "1955 – Finland joins the United Nations and the Nordic Council.", alts=["agreement_signed", "establish_relations"]),
    ta("fi1995", "Finland joins the European Union, 1 January 1995.", "other", "1995-01-01",
       "1995 – Finland joins the European Union on 1 January.", acc=["1995-01", "1995"], alts=["agreement_signed"]),
]

people_a = [
    PER("Elias Lönnrot", ["Elias Lönnrot"], []),
    PER("Nicholas II", ["Tsar Nicholas II", "Nicholas II"], [R("Tsar", "Tsar Nicholas II", [A])]),
    PER("Jean Sibelius", ["Jean Sibelius"], []),
    PER("Nikolai Bobrikov", ["Governor-General Nikolai Bobrikov", "Nikolai Bobrikov"], [
        R("Governor-General", "Governor-General Nikolai Bobrikov", [A])]),
    PER("Eugen Schauman", ["Eugen Schauman"], []),
    PER("P. E. Svinhufvud", ["P. E. Svinhufvud"], [], notes="Chaired the Senate ('the Senate chaired by')."),
    PER("Lenin", ["Lenin"], []),
    PER("Mannerheim", ["General Mannerheim", "Mannerheim"], [R("General", "General Mannerheim", [A])]),
    PER("K. J. Ståhlberg", ["K. J. Ståhlberg"], [
        R("first President of the Republic", "K. J. Ståhlberg becomes the first President of the Republic", [A], frm="1919")]),
    PER("K. Virtanen", ["K. Virtanen"], [], notes="Photo credit."),
]

conflicts_a = [
    C("Date of Finland's declaration of independence", [
        V("6 December 1917 (approved by Parliament)", A, "On 6 December the Senate's declaration of independence is approved by Parliament"),
        V("4 December 1917 (presented by the Senate)", A, "Finland's independence was declared on 4 December 1917"),
    ], "soft", notes="Two steps of one act: the Senate's declaration and Parliament's approval."),
    C("Name of the 1920 treaty", [
        V("Treaty of Tartu", A, "The Treaty of Tartu"),
        V("Peace of Dorpat", A, "Peace of Dorpat"),
    ], "soft"),
]

non_events_a = [
    NE(A, "Nordic House of History", "site line"),
    NE(A, "Exhibitions | Collections | Visit | Schools | Shop", "navigation"),
    NE(A, "Permanent exhibition › Gallery 3", "breadcrumb"),
    NE(A, "Panel texts from Gallery 3, \"From Grand Duchy to Republic\". Audio guide stop 12.", "page note"),
    NE(A, "Object in focus: a copy of the Great Address, 1899 (loan from a private collection).", "object label and credit"),
    NE(A, "[Photo: Visitors in Gallery 3. © Nordic House of History / Photo: K. Virtanen]", "photo caption and credit"),
    NE(A, "Opening hours Tue–Sun 11–18 · Free entry on the first Friday of each month", "opening hours"),
    NE(A, "Share this page · Print", "UI line"),
]

# ---------- on-this-day page: the day (12 October) only in the heading; events, births, deaths ----------
K2 = "single_onthisday_oct12"
B = f"{K2}/01.txt"


def od(id: str, summary: str, type: str, year: str, quote: str, sal: str = "main", **kw: Any) -> dict[str, Any]:
    acc = kw.pop("acc", [])
    return E(id, summary, type, f"{year}-10-12", [M(B, quote)], salience=sal, acc=[year, f"{year}-10", *acc], **kw)


ev_b = [
    od("o1492", "Columbus's expedition makes landfall in the Bahamas.", "other", "1492",
       "1492 – Christopher Columbus's expedition makes landfall in the Bahamas, on an island he names San Salvador.",
       alts=["visit", "war_or_invasion"], notes="Julian date, kept as written."),
    od("o1810", "Crown Prince Ludwig marries Princess Therese; the first Oktoberfest.", "other", "1810",
       "1810 – Crown Prince Ludwig of Bavaria marries Princess Therese of Saxe-Hildburghausen; the public celebrations in Munich are the first Oktoberfest."),
    od("o1822", "Pedro is acclaimed Emperor Pedro I of Brazil.", "took_office", "1822",
       "1822 – Pedro, the Prince Regent of Brazil, is acclaimed Emperor Pedro I of Brazil in Rio de Janeiro"),
    E("o1822b", "Brazil's independence from Portugal is declared, five weeks earlier (7 September 1822).", "other", "1822-09-07", [
        M(B, "five weeks after declaring the country's independence from Portugal"),
    ], salience="secondary", acc=["1822-09", "1822"], alts=["recognition", "revolution_or_coup", "letter_or_statement"],
      notes="Derived: five weeks (35 days) before 12 October."),
    od("o1915", "Edith Cavell is executed by a German firing squad in Brussels.", "purge_or_repression", "1915",
       "1915 – British nurse Edith Cavell is executed by a German firing squad in occupied Brussels for helping some 200 Allied soldiers escape.",
       alts=["other"]),
    od("o1960", "Khrushchev bangs his fist (and perhaps his shoe) at the UN General Assembly.", "other", "1960",
       "1960 – At the United Nations General Assembly, Soviet leader Nikita Khrushchev bangs his fist, and according to some witnesses his shoe, on his desk in protest at a speech by a Philippine delegate.",
       alts=["letter_or_statement"]),
    od("o1968", "Equatorial Guinea gains its independence from Spain.", "other", "1968",
       "1968 – Equatorial Guinea gains its independence from Spain.", alts=["recognition", "revolution_or_coup"]),
    od("o1984", "The IRA bombs the Grand Hotel in Brighton in an attempt to kill Margaret Thatcher.", "assassination", "1984",
       "1984 – The IRA bombs the Grand Hotel in Brighton during the Conservative Party conference in an attempt to kill Prime Minister Margaret Thatcher; five people are killed and Thatcher escapes unhurt.",
       alts=["war_or_invasion", "other"]),
    od("o1999", "Pervez Musharraf seizes power in a bloodless coup, deposing Nawaz Sharif.", "revolution_or_coup", "1999",
       "1999 – General Pervez Musharraf seizes power in Pakistan in a bloodless coup, deposing Prime Minister Nawaz Sharif.",
       alts=["took_office"]),
    od("o2000", "Suicide bombers attack USS Cole in Aden.", "war_or_invasion", "2000",
       "2000 – Suicide bombers in a small boat attack the destroyer USS Cole in the port of Aden, Yemen, killing 17 American sailors.",
       alts=["other"]),
    od("o2002", "The Bali bombings kill 202 people.", "other", "2002",
       "2002 – Bombs in the nightclub district of Kuta on Bali kill 202 people, most of them foreign tourists.",
       alts=["war_or_invasion"]),
    od("o1537", "Birth of Edward VI at Hampton Court.", "other", "1537",
       "1537 – Edward VI, King of England from 1547 to 1553, is born at Hampton Court Palace.", notes="Julian date, kept as written."),
    od("o1935", "Birth of Luciano Pavarotti in Modena.", "other", "1935",
       "1935 – Luciano Pavarotti, Italian operatic tenor, is born in Modena."),
    od("o1870", "Death of Robert E. Lee in Lexington, Virginia.", "other", "1870",
       "1870 – Robert E. Lee, commander of the Confederate Army of Northern Virginia, dies in Lexington, Virginia."),
    od("o1999b", "Death of Wilt Chamberlain.", "other", "1999",
       "1999 – Wilt Chamberlain, American basketball player who once scored 100 points in a single game, dies aged 63."),
    E("o1999c", "Wilt Chamberlain once scores 100 points in a single game.", "other", None, [
        M(B, "once scored 100 points in a single game"),
    ], salience="secondary", part_of="o1999b", notes="No date in the text."),
]

people_b = [
    PER("Christopher Columbus", ["Christopher Columbus"], []),
    PER("Ludwig of Bavaria", ["Crown Prince Ludwig of Bavaria", "Crown Prince Ludwig"], [
        R("Crown Prince", "Crown Prince Ludwig of Bavaria", [B])]),
    PER("Therese of Saxe-Hildburghausen", ["Princess Therese of Saxe-Hildburghausen", "Princess Therese"], [
        R("Princess", "Princess Therese of Saxe-Hildburghausen", [B])]),
    PER("Pedro I", ["Pedro", "Emperor Pedro I of Brazil", "Pedro I"], [
        R("Prince Regent of Brazil", "Pedro, the Prince Regent of Brazil", [B]),
        R("Emperor", "Emperor Pedro I of Brazil", [B], frm="1822-10-12")]),
    PER("Edith Cavell", ["Edith Cavell"], [R("nurse", "British nurse Edith Cavell", [B])]),
    PER("Nikita Khrushchev", ["Nikita Khrushchev", "Soviet leader Nikita Khrushchev"], [
        R("Soviet leader", "Soviet leader Nikita Khrushchev", [B])]),
    PER("Margaret Thatcher", ["Margaret Thatcher", "Prime Minister Margaret Thatcher", "Thatcher"], [
        R("Prime Minister", "Prime Minister Margaret Thatcher", [B])]),
    PER("Pervez Musharraf", ["Pervez Musharraf", "General Pervez Musharraf"], [
        R("General", "General Pervez Musharraf", [B])]),
    PER("Nawaz Sharif", ["Nawaz Sharif", "Prime Minister Nawaz Sharif"], [
        R("Prime Minister", "Prime Minister Nawaz Sharif", [B])]),
    PER("Edward VI", ["Edward VI"], [R("King of England", "Edward VI, King of England from 1547 to 1553", [B], frm="1547", to="1553")]),
    PER("Luciano Pavarotti", ["Luciano Pavarotti"], [R("operatic tenor", "Luciano Pavarotti, Italian operatic tenor", [B])]),
    PER("Robert E. Lee", ["Robert E. Lee"], [
        R("commander of the Confederate Army of Northern Virginia", "Robert E. Lee, commander of the Confederate Army of Northern Virginia", [B])]),
    PER("Wilt Chamberlain", ["Wilt Chamberlain"], []),
]

non_events_b = [
    NE(B, "Almanac Daily", "site line"),
    NE(B, "Home | On This Day | Births | Deaths | Quiz | Newsletter", "navigation"),
    NE(B, "Jump to: Events · Births · Deaths", "UI line"),
    NE(B, "Sponsored: Discover your family tree – start a free trial", "advertisement"),
    NE(B, "Quote of the day: \"It is better to be feared than loved.\" (Have your say in the comments.)", "quote box"),
    NE(B, "Today is also Columbus Day in parts of the United States; 2042 will mark the 550th anniversary of the first landfall.", "holiday and anniversary statement"),
    NE(B, "Related: What happened on October 11 · What happened on October 13", "navigation"),
    NE(B, "© Almanac Daily. All rights reserved.", "footer"),
]

if __name__ == "__main__":
    dump(K1, [A], ev_a, people_a, conflicts_a, non_events_a, root=ROOT)
    dump(K2, [B], ev_b, people_b, [], non_events_b, root=ROOT)
