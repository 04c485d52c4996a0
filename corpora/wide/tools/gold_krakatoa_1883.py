"""Gold for corpora/wide cluster krakatoa_1883 (disputed death toll, explosion time, wave height, local time vs UTC)."""

from gold_lib import NE, PER, C, E, M, R, V, dump

K = "krakatoa_1883"
F1, F2, F3, F4, F5 = (f"{K}/0{i}.txt" for i in range(1, 6))

events = [
    E("k1", "The 1883 eruption of Krakatoa (from 20 May 1883, climax 26–27 August) destroys most of the island; tens of thousands die.",
      "other", "1883", [
          M(F1, "Terrible volcanic eruption in the Straits of Sunda"),
          M(F2, "The 1883 eruption of Krakatoa in the Sunda Strait, between Java and Sumatra in the Dutch East Indies, began on 20 May 1883 and reached its climax on 26–27 August, when the volcano and most of the island of Krakatoa were destroyed."),
          M(F3, "The eruption and the waves it set off killed more than 36,000 people."),
          M(F4, "Its catastrophic 1883 eruption caused the collapse of most of the pre-existing island and generated tsunamis that killed 36,417 people along the coasts of the strait."),
          M(F4, "1883 May 20\t1884 Feb 21\t6\tCaldera collapse; tsunamis; 36,417 fatalities"),
          M(F5, "Total toll from the eruption was around 36,000 according to the Dutch."),
      ], acc=["1883-05-20/1884-02-21"], alts=["economic_event"], place="Krakatoa, Sunda Strait (Dutch East Indies)",
      notes="The eruptive episode as a whole; its climax and tsunamis are k2/k3/k5."),
    E("k2", "The climactic explosions of 27 August 1883; the third, at 10:02 local time, is the loudest sound in recorded history, heard on Rodrigues.",
      "other", "1883-08-27", [
          M(F1, "The eruption reached its height yesterday morning. Where Krakatoa stood the sea now rolls; the greater part of the island has disappeared."),
          M(F1, "It is said that the reports of the eruption were heard at Singapore and as far as the north coast of Australia."),
          M(F2, "On the morning of 27 August four enormous explosions took place, at 05:30, 06:44, 10:02 and 10:41 local time. The third, at 10:02, was the most violent; it was heard about 4,800 km (3,000 mi) away on the island of Rodrigues near Mauritius"),
          M(F3, "That is what the police chief there reported on the morning of August 27, 1883. The \"guns\" were in fact Krakatoa, exploding 3,000 miles away."),
          M(F3, "At 10:20 that morning the volcano blew itself apart in the biggest of its four explosions. The pressure wave was recorded by barometers all over the world, and it went around the planet seven times."),
          M(F3, "Sailors on the British ship Norham Castle, 40 miles away, wrote that the eardrums of over half the crew had been shattered."),
          M(F4, "The climactic explosion of 27 August 1883 took place at 10:02 local time (02:55 UTC). Ash was carried up to 80 km into the atmosphere."),
      ], acc=["1883-08"], alts=["economic_event"], part_of="k1"),
    E("k3", "The paroxysmal phase begins in the afternoon of 26 August; detonations heard through the night.", "other", "1883-08-26", [
        M(F1, "Terrible detonations from the volcanic island of Krakatoa were heard all yesterday afternoon and through the night"),
        M(F2, "The paroxysmal phase began in the early afternoon of 26 August."),
    ], salience="secondary", acc=["1883-08"], part_of="k1", notes="01: 'yesterday' in a telegram dated Aug. 27."),
    E("k4", "The volcano comes back to life with an eruption of Perboewatan.", "other", "1883-05-20", [
        M(F2, "began on 20 May 1883"),
        M(F2, "the volcano came back to life on 20 May 1883 with an eruption of Perboewatan, the northernmost of its three cones"),
    ], salience="secondary", acc=["1883-05"], part_of="k1"),
    E("k5", "Tsunamis sweep the coasts of the Sunda Strait, destroying Anjer, Tjeringin, Telok Betong and some 165 towns and villages.", "other", "1883-08-27", [
        M(F1, "Great waves have swept the coasts of the Straits. The towns of Anjer, Tjeringin and Telok Betong are destroyed, and it is feared that several thousand natives have perished."),
        M(F2, "most of them caused by tsunamis up to 30 m (98 ft) high that struck the coasts of western Java and southern Sumatra"),
        M(F2, "About 165 towns and villages were destroyed."),
        M(F3, "Tsunami waves 40 metres high wiped out coastal towns in Java and Sumatra."),
        M(F4, "generated tsunamis that killed 36,417 people along the coasts of the strait"),
    ], acc=["1883-08"], alts=["economic_event"], part_of="k1"),
    E("k6", "The gunboat Berouw is carried about 3.3 km inland up the Koeripan river at Telok Betong; all 28 crew die.", "other", "1883-08-27", [
        M(F5, "the paddle gunboat was carried almost two miles inland at Telok Betong by the tsunami on 27 August 1883 and that her whole crew died"),
        M(F5, "She was lying in the Koeripan river when the first wave on the morning of the 27th lifted her off her moorings. A later, bigger wave carried her about 3.3 km up the valley and dropped her in the jungle. All 28 crew were killed."),
    ], salience="secondary", acc=["1883-08"], part_of="k5"),
    E("k7", "The lighthouse at Fourth Point is destroyed.", "other", "1883-08", [
        M(F1, "The lighthouse at Fourth Point has gone."),
    ], salience="minor", acc=["1883-08-27"], part_of="k5", notes="Reported in the telegram of Aug. 28."),
    E("k8", "Governor-General s'Jacob sends a government steamer with doctors and supplies.", "other", "1883-08-28", [
        M(F1, "The Governor-General, Mr. s'Jacob, has dispatched a government steamer with doctors and supplies to the stricken districts."),
    ], salience="minor", acc=["1883-08"]),
    E("k9", "Shipping in the Sunda Strait is suspended (Lloyd's).", "economic_event", "1883-08-28", [
        M(F1, "Lloyd's report that shipping in the Straits is suspended."),
    ], salience="minor", acc=["1883-08"], alts=["other"]),
    E("k10", "Ash falls on Batavia; the sky is dark at noon.", "other", "1883-08-27", [
        M(F1, "Ashes are falling here; the sky is dark and the gas lamps are lit at noon."),
    ], salience="minor", acc=["1883-08"], part_of="k1"),
    E("k11", "Vivid red sunsets are seen around the world for months.", "other", "1883", [
        M(F2, "Vivid red sunsets were seen around the world for months"),
        M(F3, "For months the skies glowed red."),
    ], salience="secondary", acc=["1883/1884"]),
    E("k12", "Fire engines are called out in New York State because residents think the sky is ablaze.", "other", "1883-11", [
        M(F2, "in November 1883 fire engines were called out in New York State because residents thought the western sky was ablaze"),
    ], salience="minor", acc=["1883"], part_of="k11"),
    E("k13", "Average global temperatures fall in the year after the eruption.", "other", "1884", [
        M(F2, "In the year following the eruption, average global temperatures fell by as much as 1.2 °C (2.2 °F), and weather patterns remained chaotic until 1888."),
        M(F3, "The ash also cooled the planet: global temperatures dropped by about 0.4 °C over the next year."),
    ], salience="secondary", acc=["1883/1884"], alts=["economic_event"]),
    E("k14", "Anak Krakatau emerges from the caldera (eruption from 29 December 1927).", "other", "1927-12-29", [
        M(F2, "In December 1927 a new island, Anak Krakatau (\"Child of Krakatoa\"), rose from the caldera"),
        M(F4, "Since December 1927 the post-collapse cone Anak Krakatau has grown in the caldera through frequent eruptions."),
        M(F4, "1927 Dec 29\t1930 Aug\t2\tAnak Krakatau emerges above sea level"),
    ], salience="secondary", acc=["1927-12", "1927"]),
    E("k15", "Rogier Verbeek publishes the standard report on the eruption.", "letter_or_statement", "1885", [
        M(F2, "The Dutch geologist Rogier Verbeek published the standard report on the eruption in 1885."),
    ], salience="minor", alts=["other"]),
    E("k16", "Flank collapse of Anak Krakatau and tsunami killing more than 400 people.", "other", "2018-12-22", [
        M(F4, "2018 Jun 18\t2019 Mar 22\t3\tFlank collapse of Anak Krakatau on 22 December 2018; tsunami kills more than 400"),
    ], salience="secondary", acc=["2018-12", "2018"], alts=["economic_event"]),
    E("k17", "Eruption of 1680–1681 reported by Dutch mariners.", "other", "1680-05/1681-11", [
        M(F4, "1680 May\t1681 Nov\t2\tEruption reported by Dutch mariners"),
    ], salience="minor", acc=["1680"]),
]

people = [
    PER("Frederik s'Jacob", ["s'Jacob", "Mr. s'Jacob"], [
        R("Governor-General", "The Governor-General, Mr. s'Jacob", [F1])], notes="Governor-General of the Dutch East Indies."),
    PER("Rogier Verbeek", ["Rogier Verbeek"], [R("geologist", "The Dutch geologist Rogier Verbeek", [F2])]),
    PER("Edvard Munch", ["Edvard Munch", "Munch"], [], notes="Named only in a speculative aside (non_event)."),
    PER("Simon Winchester", ["Simon Winchester"], [], notes="Author of a recommended book."),
    PER("Dana Whitcombe", ["Dana Whitcombe"], [], notes="Blog author (site line)."),
]

conflicts = [
    C("Death toll of the eruption", [
        V("36,417 (official Dutch toll)", F2, "The official Dutch toll was 36,417 deaths"),
        V("36,417", F4, "36,417 fatalities"),
        V("as high as 120,000 (later estimates)", F2, "Some later estimates put the toll as high as 120,000."),
        V("more than 36,000", F3, "killed more than 36,000 people"),
        V("around 36,000", F5, "Total toll from the eruption was around 36,000"),
        V("several thousand feared (first reports)", F1, "it is feared that several thousand natives have perished"),
    ], "hard"),
    C("Time of the largest explosion", [
        V("10:02 local time", F2, "The third, at 10:02, was the most violent"),
        V("10:02 local time", F4, "took place at 10:02 local time"),
        V("10:20", F3, "At 10:20 that morning"),
    ], "hard"),
    C("Time of the largest explosion, local vs UTC", [
        V("10:02 local time", F4, "10:02 local time"),
        V("02:55 UTC", F4, "02:55 UTC"),
    ], "soft", notes="The same instant in two time scales."),
    C("Height of the tsunami waves", [
        V("up to 30 m (98 ft)", F2, "tsunamis up to 30 m (98 ft) high"),
        V("40 metres", F3, "Tsunami waves 40 metres high"),
    ], "hard"),
    C("Global cooling in the following year", [
        V("as much as 1.2 °C", F2, "average global temperatures fell by as much as 1.2 °C (2.2 °F)"),
        V("about 0.4 °C", F3, "global temperatures dropped by about 0.4 °C over the next year"),
    ], "hard"),
    C("Distance at which the explosion was heard", [
        V("about 4,800 km (3,000 mi)", F2, "it was heard about 4,800 km (3,000 mi) away"),
        V("3,000 miles", F3, "exploding 3,000 miles away"),
    ], "soft", notes="Units only; the figures agree."),
    C("How far inland the Berouw was carried", [
        V("almost two miles", F5, "carried almost two miles inland"),
        V("about 3.3 km", F5, "carried her about 3.3 km up the valley"),
    ], "soft", notes="Units only; the posters agree."),
    C("Name of the volcano", [
        V("Krakatoa", F2, "the island of Krakatoa"),
        V("Krakatau", F4, "Krakatau (Indonesia)"),
    ], "soft"),
]

non_events = [
    NE(F1, "THE EVENING LEDGER · From the archive", "site line"),
    NE(F1, "News | Sport | Culture | Archive | Puzzles | Sign in", "navigation"),
    NE(F1, "From the archive, 29 August 1883:", "heading part with the original publication date"),
    NE(F1, "Originally published in the Evening Ledger on 29 August 1883. Republished Tue 29 Aug 2023 06.00 BST", "publication and republication dates"),
    NE(F1, "We have received the following telegrams through the Eastern Extension Company.", "source attribution"),
    NE(F1, "BATAVIA, Aug. 27. –", "dateline"),
    NE(F1, "BATAVIA, Aug. 28. –", "dateline"),
    NE(F1, "LONDON, Aug. 28. –", "dateline"),
    NE(F1, "[Illustration: The island of Krakatoa as sketched by a naval officer in May 1883. Ledger archive]", "illustration caption and credit"),
    NE(F1, "Share on Facebook · Share on X · Reuse this content", "UI line"),
    NE(F1, "Most viewed in Archive", "UI line"),
    NE(F2, "Article Talk Read Edit View history", "UI line"),
    NE(F2, "From Wikiversum, the open encyclopedia", "site line"),
    NE(F2, "See also: List of volcanic eruptions by death ", "link line, truncated by the excerpt cap"),
    NE(F3, "Sound & Fury · a science blog by Dana Whitcombe", "site line"),
    NE(F3, "Home | Acoustics | Earth | Space | About | Newsletter", "navigation"),
    NE(F3, "August 26, 2021 · 7 min read · 214 comments", "publication date and counters"),
    NE(F3, "Some art historians have even suggested that the blood-red sky in Edvard Munch's The Scream owes something to those sunsets, though Munch was painting in Norway ten years later.", "speculation"),
    NE(F3, "If you want the full story I recommend Simon Winchester's book Krakatoa: The Day the World Exploded (2003).", "book recommendation (source attribution)"),
    NE(F3, "[Image: 1888 lithograph of the eruption. Public domain]", "image caption and credit"),
    NE(F3, "Like this post? Subscribe to get new posts every Thursday.", "UI line"),
    NE(F3, "Tags: acoustics, volcanoes, Indonesia, history of science", "tags"),
    NE(F4, "Search volcanoes | Weekly reports | Data | About", "navigation"),
    NE(F4, "Volcano number 262000 · Last updated: 5 March 2024", "metadata and update stamp"),
    NE(F4, "Start date\tStop date\tVEI\tNotes", "table header"),
    NE(F4, "Current alert level: Level II (Waspada) as of 24 April 2023.", "status line"),
    NE(F4, "Visitors must stay more than 2 km from the active crater.", "advisory"),
    NE(F4, "Cite this page: Volcano Information Service, 2024. Krakatau (262000). Accessed 12 May 2024.", "citation metadata"),
    NE(F5, "Maritime History Forum › Ships & Wrecks › Steam era (1840–1914)", "breadcrumb"),
    NE(F5, "Post by harbourmaster_jan » Sun Mar 12, 2017 9:41 pm", "post header"),
    NE(F5, "Post by Ketelbinkie » Mon Mar 13, 2017 8:02 am", "post header"),
    NE(F5, "Post by harbourmaster_jan » Mon Mar 13, 2017 10:15 am", "post header"),
    NE(F5, "Post by Ketelbinkie » Mon Mar 13, 2017 6:47 pm", "post header"),
    NE(F5, "I heard 1930s but can't confirm.", "speculation"),
    NE(F5, "Possibly in the 1970s.", "speculation"),
    NE(F5, "Display posts from previous: All posts ▾ Sort by Post time ▾", "UI line"),
    NE(F5, "Return to \"Steam era (1840–1914)\" · Jump to ▾", "UI line"),
]

if __name__ == "__main__":
    dump(K, [F1, F2, F3, F4, F5], events, people, conflicts, non_events)
