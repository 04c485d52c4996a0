"""Gold for corpora/wide cluster apollo11_1969 (EDT vs British time vs UTC; the first step is 20 or 21 July)."""

from gold_lib import NE, PER, C, E, M, R, V, dump

K = "apollo11_1969"
F1, F2, F3, F4, F5 = (f"{K}/0{i}.txt" for i in range(1, 6))
STEP_ACC = ["1969-07-20", "1969-07"]

events = [
    E("a1", "Apollo 11 is launched on a Saturn V from Launch Complex 39A, Kennedy Space Center (9:32 a.m. EDT / 13:32 UTC).", "other", "1969-07-16", [
        M(F1, "Launch: July 16, 1969, 9:32 a.m. EDT, Launch Complex 39A, Kennedy Space Center, Florida"),
        M(F1, "Apollo 11 launched on a Saturn V rocket"),
        M(F3, "16 July 1969\n13:32 – Lift-off of the Saturn V from Launch Complex 39A."),
        M(F5, "a Saturn V lifted Apollo 11 off the pad in Florida"),
    ], acc=["1969-07"], place="Kennedy Space Center, Florida",
      notes="05 dates it only through 'Fifty-five years ago today' and its own post date."),
    E("a2", "Trans-lunar injection: Apollo 11 leaves Earth orbit.", "other", "1969-07-16", [
        M(F3, "16:22 – Trans-lunar injection burn; Apollo 11 leaves Earth orbit."),
    ], salience="minor", acc=["1969-07"], part_of="a1"),
    E("a3", "Apollo 11 enters lunar orbit.", "other", "1969-07-19", [
        M(F1, "entered lunar orbit on July 19"),
        M(F3, "19 July 1969\n17:21 – Lunar orbit insertion behind the Moon."),
    ], salience="secondary", acc=["1969-07"]),
    E("a4", "The lunar module Eagle undocks from the command module Columbia.", "other", "1969-07-20", [
        M(F1, "The next day Armstrong and Aldrin separated the lunar module Eagle from the command module Columbia, in which Collins remained in orbit."),
        M(F3, "17:44 – Eagle undocks from Columbia."),
    ], salience="minor", acc=["1969-07"]),
    E("a5", "Eagle lands in the Sea of Tranquility (4:17 p.m. EDT / 20:17 UTC / 9.17 p.m. British time, 20 July).", "other", "1969-07-20", [
        M(F1, "Lunar landing: July 20, 1969, 4:17 p.m. EDT, Sea of Tranquility"),
        M(F1, "Eagle touched down with less than 30 seconds of descent fuel to spare. \"Houston, Tranquility Base here. The Eagle has landed.\""),
        M(F2, "The lunar module Eagle had landed at 9.17 p.m. British time last night, after Armstrong steered it away from a crater full of rocks in the last minutes of the descent."),
        M(F3, "20:17 – Eagle lands in the Sea of Tranquility."),
        M(F5, "4:18 p.m. EDT, 20 July 1969: the moment Eagle touched down."),
        M(F5, "25 seconds: the fuel margin usually quoted at touchdown."),
    ], acc=["1969-07"], place="Sea of Tranquility, Moon"),
    E("a6", "Powered descent with 1202/1201 program alarms; the flight director's team decides to go on and Armstrong takes semi-manual control.", "other", "1969-07-20", [
        M(F1, "During the powered descent, computer program alarms and a boulder-strewn landing area forced Armstrong to take semi-manual control"),
        M(F3, "20:05 – Powered descent begins; program alarms 1202 and 1201 during the descent."),
        M(F5, "1202: the computer alarm that nearly aborted the landing. Flight director Gene Kranz and his team decided to go on; CAPCOM Charlie Duke relayed the \"Go\"."),
    ], salience="secondary", acc=["1969-07"], part_of="a5"),
    E("a7", "Neil Armstrong becomes the first person to step onto the Moon: 10:56 p.m. EDT 20 July = 02:56 UTC / 3.56 a.m. British time 21 July.",
      "other", "1969-07-21", [
          M(F1, "First step: July 20, 1969, 10:56 p.m. EDT"),
          M(F1, "About six and a half hours later Armstrong stepped onto the lunar surface"),
          M(F2, "MAN WALKS ON THE MOON"),
          M(F2, "'One small step for man, one giant leap for mankind'"),
          M(F2, "Neil Armstrong, the 38-year-old civilian commander of Apollo 11, became the first man to set foot on the moon at 3.56 a.m. British time today. As his left boot pressed into the grey dust of the Sea of Tranquillity he said: \"That's one small step for man, one giant leap for mankind.\""),
          M(F3, "21 July 1969\n02:56 – Armstrong steps onto the lunar surface."),
          M(F3, "The first step therefore fell on 20 July in the United States and on 21 July in Europe, Africa, Asia and Australia."),
          M(F4, "\"One small step for a man\" - he always insisted he said \"a\"."),
      ], acc=STEP_ACC, place="Sea of Tranquility, Moon",
      notes="UTC (and British, European, Asian, Australian) date 21 July; US date 20 July."),
    E("a8", "Aldrin joins Armstrong on the surface about 19–20 minutes later.", "other", "1969-07-21", [
        M(F1, "followed by Aldrin about 19 minutes later"),
        M(F2, "Twenty minutes later he was joined by Colonel Edwin Aldrin."),
        M(F3, "03:15 – Aldrin joins him on the surface."),
    ], salience="secondary", acc=STEP_ACC, part_of="a7"),
    E("a9", "The moonwalk: flag planted, plaque unveiled, experiments deployed, samples collected (about 2 h 31 min outside).", "other", "1969-07-21", [
        M(F1, "They planted the U.S. flag, deployed experiments, collected 47.5 pounds (21.5 kilograms) of lunar material and spent about 2 hours and 31 minutes outside the spacecraft."),
        M(F2, "The two men planted the Stars and Stripes and unveiled a plaque which reads: \"We came in peace for all mankind.\""),
        M(F3, "05:11 – Both astronauts are back inside Eagle; hatch closed."),
        M(F5, "2 hours 31 minutes: time Armstrong and Aldrin spent walking on the Moon."),
    ], salience="secondary", acc=STEP_ACC, part_of="a7"),
    E("a10", "Worldwide television broadcast of the first steps, received via Parkes and Honeysuckle Creek.", "other", "1969-07-21", [
        M(F2, "An estimated 600 million people, a fifth of the world's population, watched the pictures on television. In Britain, viewers stayed up through the night; the BBC stayed on the air until after 4 a.m."),
        M(F4, "Dad woke us all at about quarter to four in the morning on the Monday and we sat in our dressing gowns in front of the telly."),
        M(F4, "It was just before 1 pm on Monday 21 July here in Queensland and they wheeled two TV sets into the assembly hall. The pictures came through the dish at Parkes, or Honeysuckle Creek for the first few minutes."),
        M(F4, "Sunday evening July 20 for us in Houston."),
        M(F4, "Half a billion people watched it, they told us."),
        M(F5, "530 million: the estimated TV audience for the first steps."),
    ], salience="secondary", acc=STEP_ACC, part_of="a7"),
    E("a11", "President Nixon telephones the astronauts on the Moon from the White House.", "letter_or_statement", "1969-07-21", [
        M(F1, "President Richard Nixon spoke with them by telephone from the Oval Office."),
        M(F2, "President Nixon, who telephoned the astronauts from the White House, told them it \"certainly has to be the most historic telephone call ever made\"."),
    ], salience="secondary", acc=STEP_ACC, alts=["other"],
      notes="Late evening of 20 July in Washington, 21 July UTC."),
    E("a12", "Eagle lifts off from the Moon after 21 h 36 min on the surface.", "other", "1969-07-21", [
        M(F1, "On July 21 Eagle lifted off after 21 hours and 36 minutes on the Moon"),
        M(F3, "17:54 – Lift-off from the Moon."),
    ], salience="secondary", acc=["1969-07"]),
    E("a13", "Eagle docks with Columbia.", "other", "1969-07-21", [
        M(F1, "and docked with Columbia"),
        M(F3, "21:35 – Eagle docks with Columbia."),
    ], salience="minor", acc=["1969-07"]),
    E("a14", "Trans-earth injection: the crew leaves lunar orbit.", "other", "1969-07-22", [
        M(F3, "22 July 1969\n04:55 – Trans-earth injection; the crew leaves lunar orbit."),
    ], salience="minor", acc=["1969-07"]),
    E("a15", "Splashdown in the Pacific southwest of Hawaii; recovery by USS Hornet.", "other", "1969-07-24", [
        M(F1, "Splashdown: July 24, 1969, 12:50 p.m. EDT, Pacific Ocean"),
        M(F1, "The crew splashed down southwest of Hawaii and were recovered by the USS Hornet"),
        M(F3, "24 July 1969\n16:50 – Splashdown in the Pacific, 13 nautical miles from USS Hornet."),
        M(F5, "splashdown on 24 July"),
    ], acc=["1969-07"], place="Pacific Ocean, southwest of Hawaii"),
    E("a16", "President Nixon greets the crew aboard USS Hornet through the quarantine facility window.", "visit", "1969-07-24", [
        M(F1, "where President Nixon greeted them through the window of their quarantine facility"),
    ], salience="minor", acc=["1969-07"], alts=["other"], part_of="a15",
      notes="Dated by the splashdown it follows."),
    E("a17", "The crew's 21-day quarantine after splashdown.", "other", "1969-07", [
        M(F5, "21 days: the crew's quarantine after splashdown on 24 July."),
    ], salience="minor", acc=["1969-07-24", "1969-07-24/1969-08-14"]),
    E("a18", "President Kennedy sets the goal of a crewed lunar landing in his challenge to Congress.", "letter_or_statement", "1961-05-25", [
        M(F1, "a national goal set by President John F. Kennedy on May 25, 1961"),
        M(F5, "John F. Kennedy's challenge to Congress on 25 May 1961"),
    ], salience="secondary", acc=["1961-05", "1961"]),
    E("a19", "Ticker-tape parades in New York and Chicago and a state dinner in Los Angeles for the crew.", "other", "1969-08-13", [
        M(F5, "13 August 1969: ticker-tape parades in New York and Chicago, and a state dinner in Los Angeles the same evening."),
    ], salience="secondary", acc=["1969-08"], alts=["visit"]),
    E("a20", "Buzz Aldrin takes Communion on the Moon shortly after landing.", "other", "1969-07-20", [
        M(F5, "Buzz Aldrin took the first Communion on the Moon shortly after landing, a fact NASA kept quiet at the time."),
    ], salience="minor", acc=["1969-07"]),
    E("a21", "Michael Collins later writes that he never felt lonely in orbit.", "letter_or_statement", None, [
        M(F5, "Michael Collins, who orbited alone in Columbia, later wrote that he never felt lonely."),
    ], salience="minor", alts=["other"]),
]

people = [
    PER("Neil Armstrong", ["Neil Armstrong", "Neil A. Armstrong", "Armstrong"], [
        R("Commander", "Commander: Neil A. Armstrong", [F1]),
        R("civilian commander of Apollo 11", "the 38-year-old civilian commander of Apollo 11", [F2])]),
    PER("Buzz Aldrin", ["Edwin E. \"Buzz\" Aldrin Jr.", "Buzz Aldrin", "Aldrin", "Colonel Edwin Aldrin", "Edwin Aldrin"], [
        R("Lunar Module Pilot", "Lunar Module Pilot: Edwin E. \"Buzz\" Aldrin Jr.", [F1]),
        R("Colonel", "Colonel Edwin Aldrin", [F2])]),
    PER("Michael Collins", ["Michael Collins", "Collins", "Lieutenant-Colonel Michael Collins"], [
        R("Command Module Pilot", "Command Module Pilot: Michael Collins", [F1]),
        R("Lieutenant-Colonel", "Lieutenant-Colonel Michael Collins", [F2])]),
    PER("John F. Kennedy", ["John F. Kennedy", "President John F. Kennedy"], [
        R("President", "President John F. Kennedy", [F1])]),
    PER("Richard Nixon", ["Richard Nixon", "President Richard Nixon", "President Nixon", "Nixon"], [
        R("President", "President Richard Nixon", [F1, F2])]),
    PER("Gene Kranz", ["Gene Kranz"], [R("Flight director", "Flight director Gene Kranz", [F5])]),
    PER("Charlie Duke", ["Charlie Duke"], [R("CAPCOM", "CAPCOM Charlie Duke", [F5])]),
    PER("R. Castellano", ["R. Castellano"], [R("Editor", "Editor: R. Castellano", [F1])], notes="Page editor (byline)."),
    PER("Alan Priddy", ["ALAN PRIDDY"], [R("Science Correspondent", "From Our Science Correspondent, ALAN PRIDDY", [F2])],
        notes="Byline, in capitals."),
    PER("Priya Natarajan", ["Priya Natarajan"], [], notes="Blog author (byline)."),
]

conflicts = [
    C("Date of the first step on the Moon", [
        V("1969-07-20 (EDT)", F1, "First step: July 20, 1969, 10:56 p.m. EDT"),
        V("1969-07-20 (Houston)", F4, "Sunday evening July 20 for us in Houston."),
        V("1969-07-21 (British time)", F2, "at 3.56 a.m. British time today"),
        V("1969-07-21 (UTC)", F3, "21 July 1969\n02:56 – Armstrong steps onto the lunar surface."),
        V("1969-07-21 (Queensland)", F4, "Monday 21 July here in Queensland"),
    ], "soft", notes="Time zones; 03 states the difference itself."),
    C("Time of the first step", [
        V("10:56 p.m. EDT", F1, "10:56 p.m. EDT"),
        V("3.56 a.m. British time", F2, "3.56 a.m. British time"),
        V("02:56 UTC", F3, "02:56 – Armstrong steps"),
        V("just before 1 pm (Queensland)", F4, "just before 1 pm"),
    ], "soft", notes="The same instant in four time zones."),
    C("Time of the landing", [
        V("4:17 p.m. EDT", F1, "July 20, 1969, 4:17 p.m. EDT"),
        V("9.17 p.m. British time", F2, "9.17 p.m. British time last night"),
        V("20:17 UTC", F3, "20:17 – Eagle lands"),
        V("4:18 p.m. EDT", F5, "4:18 p.m. EDT, 20 July 1969"),
    ], "soft", notes="Time zones, and rounding of 4:17:40 p.m. EDT in 05."),
    C("Armstrong's words", [
        V("one small step for man", F2, "\"That's one small step for man, one giant leap for mankind.\""),
        V("one small step for a man", F4, "\"One small step for a man\""),
    ], "soft"),
    C("Television audience", [
        V("600 million", F2, "An estimated 600 million people"),
        V("half a billion", F4, "Half a billion people watched it"),
        V("530 million", F5, "530 million: the estimated TV audience"),
    ], "hard"),
    C("Fuel left at touchdown", [
        V("less than 30 seconds", F1, "less than 30 seconds of descent fuel to spare"),
        V("25 seconds (usually quoted)", F5, "25 seconds: the fuel margin usually quoted at touchdown"),
        V("about 45 seconds (later analysis)", F5, "Eagle actually had about 45 seconds left"),
    ], "hard"),
    C("Interval before Aldrin followed Armstrong", [
        V("about 19 minutes", F1, "followed by Aldrin about 19 minutes later"),
        V("twenty minutes", F2, "Twenty minutes later he was joined by Colonel Edwin Aldrin."),
    ], "soft"),
    C("Where Nixon telephoned from", [
        V("the Oval Office", F1, "by telephone from the Oval Office"),
        V("the White House", F2, "telephoned the astronauts from the White House"),
    ], "soft", notes="Room vs building."),
    C("Spelling of the landing site", [
        V("Sea of Tranquility", F1, "Sea of Tranquility"),
        V("Sea of Tranquillity", F2, "Sea of Tranquillity"),
    ], "soft"),
]

non_events = [
    NE(F1, "Skip to main content", "UI line"),
    NE(F1, "Missions › Human Spaceflight › Apollo › Apollo 11", "breadcrumb"),
    NE(F1, "Page Last Updated: Jul 17, 2023 | Editor: R. Castellano", "update stamp and editor"),
    NE(F1, "Image credit: National Space Archive", "image credit"),
    NE(F1, "Related: Apollo 12 · Apollo 13 · Moon to Mars", "related links"),
    NE(F1, "Sources: Apollo 11 Press K", "source line, truncated by the excerpt cap"),
    NE(F2, "The Northern Courier · Archive edition · Page 1", "masthead"),
    NE(F2, "Monday, July 21, 1969 · Price 5d", "publication date"),
    NE(F2, "From Our Science Correspondent, ALAN PRIDDY", "byline"),
    NE(F2, "HOUSTON, Monday", "dateline"),
    NE(F2, "Continued on Page 2", "UI line"),
    NE(F2, "This page is reproduced from the Courier's digital archive, 20 July 2019. Archive scans © Northern Courier Ltd.", "reproduction date and credit"),
    NE(F3, "Compiled by the Orbital Heritage Society · v2.3", "credit"),
    NE(F3, "Notes: EDT = UTC − 4 h.", "note on time zones"),
    NE(F3, "Download CSV · Report an error · Licence: CC BY 4.0", "UI line"),
    NE(F4, "Forum › Nostalgia Corner › \"Where were you when man landed on the moon?\"", "breadcrumb and thread title"),
    NE(F4, "Page 1 of 6", "UI line"),
    NE(F4, "MargaretW (Sheffield) · 20 Jul 2019, 08:14", "post header"),
    NE(F4, "BruceinBrisbane · 20 Jul 2019, 09:02", "post header"),
    NE(F4, "Tex_Ron · 20 Jul 2019, 11:40", "post header"),
    NE(F4, "DaveTheSceptic · 20 Jul 2019, 12:05", "post header"),
    NE(F4, "Nice stories but the shadows in the photos don't add up. I'll believe it when someone goes back.", "conspiracy speculation"),
    NE(F4, "MargaretW (Sheffield) · 20 Jul 2019, 12:31", "post header"),
    NE(F4, "Anyone else going to the 50th anniversary screening at the cinema tonight?", "anniversary statement"),
    NE(F4, "👍 34   Reply   Quote   Report", "UI line"),
    NE(F5, "Orbit & Ink · notes on space history", "site line"),
    NE(F5, "Blog · Newsletter · Books · Contact", "navigation"),
    NE(F5, "by Priya Natarajan · July 16, 2024 · filed under Apollo, Anniversaries", "byline, publication date and categories"),
    NE(F5, "Fifty-five years ago today", "anniversary statement"),
    NE(F5, "What will the 60th anniversary look like? Maybe with astronauts back on the Moon.", "speculation"),
    NE(F5, "Share this: Email · Bluesky · Mastodon", "UI line"),
    NE(F5, "Related posts: Apollo 8 by the numbers · Why the LRO photos matter", "related links"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4, F5], events, people, conflicts, non_events)
