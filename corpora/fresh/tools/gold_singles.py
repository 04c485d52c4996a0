"""Gold for corpora/fresh/docs/single_polar_timeline (a chronology page written for this project)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "wide" / "tools"))

from gold_lib import E, M, NE, PER, dump

A = "single_polar_timeline/01.txt"


def P(*names: str) -> list[dict[str, str]]:
    return [{"name": n, "role": "participant"} for n in names]


events = [
    E("p01", "Bellingshausen's expedition sights the Antarctic ice shelf.", "other", "1820-01", [
        M(A, "A Russian expedition under Fabian Gottlieb von Bellingshausen sights the Antarctic ice shelf in January")],
      place="Antarctica"),
    E("p02", "The Vega passes through the Northeast Passage and reaches the Bering Strait.", "other", "1879-07", [
        M(A, "The Vega, under Adolf Erik Nordenskiöld, sails through the Northeast Passage and reaches the Bering Strait in July")],
      acc=["1879"], place="Bering Strait"),
    E("p03", "Nansen's Fram is frozen into the Arctic pack ice.", "other", "1893-09", [
        M(A, "1893 – In September, Fridtjof Nansen's ship Fram is deliberately frozen into the Arctic pack ice")]),
    E("p04", "Peary claims to have reached the North Pole.", "letter_or_statement", "1909-04-06", [
        M(A, "6 April: Robert Peary claims to have reached the North Pole")], alts=["other"], place="North Pole"),
    E("p05", "Amundsen's party reaches the South Pole.", "other", "1911-12-14", [
        M(A, "14 December – Roald Amundsen's Norwegian party reaches the South Pole")], place="South Pole"),
    E("p06", "Scott's party reaches the South Pole.", "other", "1912-01-17", [
        M(A, "17 January: Robert Falcon Scott's party reaches the Pole, 34 days after Amundsen")], place="South Pole"),
    E("p07", "Scott and his companions die on the return journey.", "other", "1912-03", [
        M(A, "Scott and his four companions die on the return journey")], acc=["1912", "1912-03-29"]),
    E("p08", "The Endurance is crushed by the ice and sinks.", "other", "1915-11-21", [
        M(A, "1915 – The Endurance of Ernest Shackleton's Imperial Trans-Antarctic Expedition is crushed by the ice of the Weddell Sea and sinks on 21 November")],
      place="Weddell Sea"),
    E("p09", "Amundsen, Ellsworth and Nobile fly over the North Pole in the Norge.", "other", "1926-05-12", [
        M(A, "1926 – Roald Amundsen, Lincoln Ellsworth and Umberto Nobile fly over the North Pole in the airship Norge on 12 May")],
      place="North Pole"),
    E("p10", "Byrd's flight over the South Pole.", "other", "1929-11-29", [
        M(A, "1929 – Richard E. Byrd's flight over the South Pole (29 November)")], place="South Pole"),
    E("p11", "Fuchs's expedition completes the first overland crossing of Antarctica.", "other", "1958-03-02", [
        M(A, "The Commonwealth Trans-Antarctic Expedition led by Vivian Fuchs completes the first overland crossing of Antarctica on 2 March")],
      place="Antarctica"),
    E("p12", "The submarine Nautilus passes under the North Pole.", "other", "1958-08-03", [
        M(A, "The US submarine Nautilus passes under the North Pole on 3 August")], place="North Pole"),
]
for ev, names in zip(events, [("Fabian Gottlieb von Bellingshausen",), ("Adolf Erik Nordenskiöld",), ("Fridtjof Nansen",),
                              ("Robert Peary",), ("Roald Amundsen",), ("Robert Falcon Scott",), ("Robert Falcon Scott",),
                              ("Ernest Shackleton",), ("Roald Amundsen", "Lincoln Ellsworth", "Umberto Nobile"),
                              ("Richard E. Byrd",), ("Vivian Fuchs",), ("United States",)]):
    ev["participants"] = P(*names)

people = [PER(n, a, []) for n, a in [
    ("Fabian Gottlieb von Bellingshausen", ["Fabian Gottlieb von Bellingshausen"]),
    ("Adolf Erik Nordenskiöld", ["Adolf Erik Nordenskiöld"]),
    ("Fridtjof Nansen", ["Fridtjof Nansen"]),
    ("Robert Peary", ["Robert Peary"]),
    ("Roald Amundsen", ["Roald Amundsen", "Amundsen"]),
    ("Robert Falcon Scott", ["Robert Falcon Scott", "Scott"]),
    ("Ernest Shackleton", ["Ernest Shackleton"]),
    ("Lincoln Ellsworth", ["Lincoln Ellsworth"]),
    ("Umberto Nobile", ["Umberto Nobile"]),
    ("Richard E. Byrd", ["Richard E. Byrd"]),
    ("Vivian Fuchs", ["Vivian Fuchs"]),
]]

non_events = [
    NE(A, "Updated 2 February 2022", "page timestamp"),
    NE(A, "Share this timeline: Facebook · X · Email", "UI line"),
    NE(A, "Home > Timelines > Polar exploration", "breadcrumb"),
]

dump("single_polar_timeline", [A], events, people, [], non_events, root=Path(__file__).resolve().parents[1])
