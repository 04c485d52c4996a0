"""Role constructions of real history pages (sentences and small pages written for these tests):
fact cards, "served as X from … to …", lower-case titles, "named / sworn in as", "as Y, X"."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str, fmt: str = "txt") -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, fmt)
    return build().analyze(doc)


def titles(a: Analysis, person: str) -> set[str]:
    return {r.title for r in a.roles if person in r.person}


CASES: list[tuple[str, str, str]] = [
    (
        "Alfred Deakin served as Prime Minister of Australia from 1905 to 1908.",
        "Alfred Deakin",
        "Prime Minister of Australia",
    ),
    (
        "In 1909 Count Alois Aehrenthal, the Austrian foreign minister, annexed Bosnia.",
        "Alois Aehrenthal",
        "Austrian foreign minister",
    ),
    (
        "The crisis deepened when foreign minister Edward Grey spoke in the Commons in 1914.",
        "Edward Grey",
        "foreign minister",
    ),
    (
        "The dam was finished in 1936 under chief engineer Frank Crowe.",
        "Frank Crowe",
        "chief engineer",
    ),
    (
        "In 1931 plant director Ivan Petrov reported that the quota was met.",
        "Ivan Petrov",
        "plant director",
    ),
    (
        "In 1923 Stanley Baldwin was named Chancellor of the Exchequer.",
        "Stanley Baldwin",
        "Chancellor of the Exchequer",
    ),
    (
        "In 1914 Herbert Kitchener was made Secretary of State for War.",
        "Herbert Kitchener",
        "Secretary of State for War",
    ),
    (
        "On 4 March 1913 Woodrow Wilson was sworn in as President of the United States.",
        "Woodrow Wilson",
        "President of the United States",
    ),
    (
        "The note was drafted by Arthur Zimmermann, who was then German Foreign Secretary, in 1917.",
        "Arthur Zimmermann",
        "German Foreign Secretary",
    ),
    (
        "As Foreign Secretary, Austen Chamberlain negotiated the Locarno treaties in 1925.",
        "Austen Chamberlain",
        "Foreign Secretary",
    ),
    (
        "In 1925 the treaties were initialled by Aristide Briand (French foreign minister) at Locarno.",
        "Aristide Briand",
        "French foreign minister",
    ),
    (
        "The report was prepared by Henry Tizard, head of the Aeronautical Research Committee, in 1935.",
        "Henry Tizard",
        "head of the Aeronautical Research Committee",
    ),
    (
        "In 1933 David Lilienthal, director of the Tennessee Valley Authority, toured the dams.",
        "David Lilienthal",
        "director of the Tennessee Valley Authority",
    ),
    (
        "In 1932 Owen Young, chairman of the General Electric Company, testified in Congress.",
        "Owen Young",
        "chairman of the General Electric Company",
    ),
    (
        "In 1916 acting president Thomas Marshall opened the session.",
        "Thomas Marshall",
        "acting president",
    ),
    (
        "Deputy Prime Minister Herbert Morrison spoke for the government in 1950.",
        "Herbert Morrison",
        "Deputy Prime Minister",
    ),
    (
        "Assistant Secretary of the Navy Franklin Roosevelt visited the fleet in 1918.",
        "Franklin Roosevelt",
        "Assistant Secretary of the Navy",
    ),
    (
        "Emperor Franz Joseph of Austria signed the declaration in July 1914.",
        "Franz Joseph",
        "Emperor",
    ),
    (
        "In 1905 Tsar Nicholas II issued the October Manifesto.",
        "Nicholas II",
        "Tsar",
    ),
]


@pytest.mark.parametrize(("text", "person", "title"), CASES)
def test_running_text_constructions(text: str, person: str, title: str) -> None:
    a = analyze(text)
    assert title in titles(a, person), (person, [(r.person, r.title) for r in a.roles])


CASES_2: list[tuple[str, str, str]] = [
    (
        "The cabinet of 1910 included Winston Churchill, then Home Secretary, "
        "and David Lloyd George.",
        "Winston Churchill",
        "Home Secretary",
    ),
    (
        "Sergei Witte, then finance minister, pressed for the railway in 1892.",
        "Sergei Witte",
        "finance minister",
    ),
    (
        "Franz Joseph, Emperor of Austria, declared war on Serbia in July 1914.",
        "Franz Joseph",
        "Emperor of Austria",
    ),
    (
        "In 1914 Sir Edward Grey, the foreign secretary, warned the Commons.",
        "Edward Grey",
        "foreign secretary",
    ),
    (
        "The Kaiser's chancellor, Theobald von Bethmann Hollweg, feared a wider war in 1914.",
        "Bethmann Hollweg",
        "chancellor",
    ),
    (
        "Foreign ministers Aristide Briand and Gustav Stresemann shared the prize in 1926.",
        "Gustav Stresemann",
        "Foreign minister",
    ),
    (
        "The Austrian foreign minister, Count Leopold Berchtold, drafted the ultimatum in 1914.",
        "Leopold Berchtold",
        "Austrian foreign minister",
    ),
    (
        "In 1938 Neville Chamberlain (prime minister) flew to Munich.",
        "Neville Chamberlain",
        "prime minister",
    ),
]


@pytest.mark.parametrize(("text", "person", "title"), CASES_2)
def test_more_running_text(text: str, person: str, title: str) -> None:
    a = analyze(text)
    assert title in titles(a, person), (person, [(r.person, r.title) for r in a.roles])


def test_honorific_is_no_role() -> None:
    a = analyze("In 1914 Sir Edward Grey spoke in the Commons.")
    assert all(r.title.lower() not in {"sir", "sir edward"} for r in a.roles)


def test_fact_card() -> None:
    page = (
        "# Alcide De Gasperi\n\n"
        "Quick Facts\n\n"
        "Prime Minister of Italy: 1945 – 1953\n\n"
        "Born: April 3, 1881, Pieve Tesino, Austria-Hungary\n\n"
        "Died: August 19, 1954\n\n"
        "Preceded by: Ferruccio Parri\n\n"
        "Succeeded by: Giuseppe Pella\n\n"
        "Alcide De Gasperi led eight governments between 1945 and 1953.\n"
    )
    a = analyze(page, "md")
    got = titles(a, "Gasperi")
    assert "Prime Minister of Italy" in got, [(r.person, r.title) for r in a.roles]


def test_cast_of_characters() -> None:
    page = (
        "# Study guide: the Suez Crisis\n\n"
        "## Cast of Characters\n\n"
        "- **Gamal Abdel Nasser** – President of Egypt, who nationalised the canal in 1956\n"
        "- **Anthony Eden** – British prime minister, 1955–1957\n"
        "- **Guy Mollet** – French premier\n"
    )
    a = analyze(page, "md")
    assert "President of Egypt" in titles(a, "Nasser"), [(r.person, r.title) for r in a.roles]
    assert "British prime minister" in titles(a, "Eden")
    assert "French premier" in titles(a, "Mollet")


def test_office_heading_with_name() -> None:
    page = (
        "Secretaries of the Navy\n\n"
        "Charles Francis Adams\n"
        "Secretary of the Navy, 1929–1933\n\n"
        "Charles Francis Adams was a yachtsman from Massachusetts.\n"
    )
    a = analyze(page)
    assert "Secretary of the Navy" in titles(a, "Charles Francis Adams"), [
        (r.person, r.title) for r in a.roles
    ]


CASES_3: list[tuple[str, str, str]] = [
    (
        "In 1947 Harry Truman named George Marshall Secretary of State.",
        "George Marshall",
        "Secretary of State",
    ),
    (
        "In 1940 Winston Churchill took over as Prime Minister.",
        "Winston Churchill",
        "Prime Minister",
    ),
    (
        "Georgy Chicherin held the post of People's Commissar for Foreign Affairs from 1918 to 1930.",
        "Georgy Chicherin",
        "People's Commissar for Foreign Affairs",
    ),
    (
        "In 1926 Sergei Kirov rose to party chief of Leningrad.",
        "Sergei Kirov",
        "party chief of Leningrad",
    ),
    (
        "In 1929 Aristide Briand was appointed to the post of Prime Minister.",
        "Aristide Briand",
        "Prime Minister",
    ),
    (
        "1914 – Archduke Franz Ferdinand, heir to the Austro-Hungarian throne, is shot in Sarajevo.",
        "Franz Ferdinand",
        "heir to the Austro-Hungarian throne",
    ),
    (
        "Gustav Noske was the defence minister who crushed the rising in 1919.",
        "Gustav Noske",
        "defence minister",
    ),
    (
        "Ernest Bevin, who was then foreign secretary, signed the treaty in 1949.",
        "Ernest Bevin",
        "foreign secretary",
    ),
    (
        "In 1918 Friedrich Ebert became the first president of the republic.",
        "Friedrich Ebert",
        "first president of the republic",
    ),
]


@pytest.mark.parametrize(("text", "person", "title"), CASES_3)
def test_verbs_and_posts(text: str, person: str, title: str) -> None:
    a = analyze(text)
    assert title in titles(a, person), (person, [(r.person, r.title) for r in a.roles])


def test_served_from_to_dates() -> None:
    a = analyze("Alfred Deakin served as Prime Minister of Australia from 1905 to 1908.")
    (r,) = [r for r in a.roles if r.person == "Alfred Deakin"]
    assert r.began is not None and r.began.value == "1905"
    assert r.ended is not None and r.ended.value == "1908"


def test_card_dates_and_neighbours() -> None:
    page = (
        "# Alcide De Gasperi\n\n"
        "Prime Minister of Italy: 1945 – 1953\n\n"
        "Preceded by: Ferruccio Parri\n\n"
        "Born: April 3, 1881\n"
    )
    a = analyze(page, "md")
    (r,) = [r for r in a.roles if "Gasperi" in r.person]
    assert r.began is not None and r.began.value == "1945"
    assert r.ended is not None and r.ended.value == "1953"
    assert titles(a, "Ferruccio Parri") == {"Prime Minister of Italy"}
    assert all(r.title.lower() not in {"born", "died"} for r in a.roles)


def test_card_label_names_holder() -> None:
    page = "# Government of Italy, 1950\n\nPrime Minister: Alcide De Gasperi\n\nCapital: Rome\n"
    a = analyze(page, "md")
    assert "Prime Minister" in titles(a, "Alcide De Gasperi"), [
        (r.person, r.title) for r in a.roles
    ]


NEGATIVES: list[tuple[str, str]] = [
    ("In 1943 Josip Broz Tito held a meeting with the partisans in Bosnia.", "Tito"),
    ("In 1962 the board made Edwin Land an offer he accepted.", "Edwin Land"),
    ("The programme that Lyndon Johnson announced in 1964 was vast.", "Lyndon Johnson"),
    ("In 1920 Leon Trotsky took over the trains himself.", "Leon Trotsky"),
]


@pytest.mark.parametrize(("text", "person"), NEGATIVES)
def test_no_false_role(text: str, person: str) -> None:
    a = analyze(text)
    assert not [r.title for r in a.roles if person in r.person]


def test_social_post() -> None:
    post = (
        "On this day in 1961, Soviet premier Nikita Khrushchev met U.S. President John F. "
        "Kennedy in Vienna. #history #ColdWar"
    )
    a = analyze(post)
    assert "Soviet premier" in titles(a, "Nikita Khrushchev"), [
        (r.person, r.title) for r in a.roles
    ]
    assert "U.S. President" in titles(a, "Kennedy")


def test_infobox_in_office_rows() -> None:
    page = (
        "# Woodrow Wilson\n\n"
        "28th President of the United States\n\n"
        "In office\n\n"
        "March 4, 1913 – March 4, 1921\n\n"
        "Vice President: Thomas R. Marshall\n\n"
        "Preceded by William Howard Taft\n\n"
        "Succeeded by Warren G. Harding\n\n"
        "Wilson was born in Virginia in 1856.\n"
    )
    a = analyze(page, "md")
    rs = [r for r in a.roles if r.person == "Woodrow Wilson"]
    assert any(r.title == "28th President of the United States" for r in rs), [
        (r.person, r.title) for r in a.roles
    ]
    (r,) = [r for r in rs if r.title == "28th President of the United States"]
    assert r.began is not None and r.began.value == "1913-03-04"
    assert r.ended is not None and r.ended.value == "1921-03-04"
    assert "Vice President" in titles(a, "Thomas R. Marshall")
    assert "28th President of the United States" in titles(a, "William Howard Taft")


def test_biography_page_rows() -> None:
    page = (
        "# Robert Lansing (1864–1928)\n\n"
        "Secretary of State\n\n"
        "Term of Appointment: June 23, 1915 – February 13, 1920\n\n"
        "Robert Lansing was a lawyer from Watertown, New York.\n"
    )
    a = analyze(page, "md")
    rs = [r for r in a.roles if r.person == "Robert Lansing"]
    sec = [r for r in rs if r.title == "Secretary of State"]
    assert sec, [(r.person, r.title) for r in a.roles]
    assert sec[0].began is not None and sec[0].began.value == "1915-06-23"


def test_title_label_row() -> None:
    page = (
        "# Edward Kahn\n\n"
        "Title: Envoy Extraordinary and Minister Plenipotentiary\n\n"
        "Appointment: March 3, 1921\n"
    )
    a = analyze(page, "md")
    assert "Envoy Extraordinary and Minister Plenipotentiary" in titles(a, "Edward Kahn"), [
        (r.person, r.title) for r in a.roles
    ]


NEWS: list[tuple[str, str, str]] = [
    (
        '"It was chaos," said Martin Keller, the museum\'s chief curator.',
        "Martin Keller",
        "chief curator",
    ),
    (
        "Walter Brandt, 54, a former diplomat, recalled the talks of 1989.",
        "Walter Brandt",
        "former diplomat",
    ),
    (
        "Both Vyacheslav Molotov and Andrei Gromyko served as foreign minister.",
        "Vyacheslav Molotov",
        "foreign minister",
    ),
    (
        "Both Vyacheslav Molotov and Andrei Gromyko served as foreign minister.",
        "Andrei Gromyko",
        "foreign minister",
    ),
]


@pytest.mark.parametrize(("text", "person", "title"), NEWS)
def test_news_feature(text: str, person: str, title: str) -> None:
    a = analyze(text)
    assert title in titles(a, person), (person, [(r.person, r.title) for r in a.roles])


def test_reign_row_without_colon() -> None:
    page = "# Franz Joseph I\n\nEmperor of Austria\n\nReign 2 December 1848 – 21 November 1916\n"
    a = analyze(page, "md")
    rs = [r for r in a.roles if r.title == "Emperor of Austria"]
    assert rs, [(r.person, r.title) for r in a.roles]
    assert rs[0].began is not None and rs[0].began.value == "1848-12-02"
    assert rs[0].ended is not None and rs[0].ended.value == "1916-11-21"


def test_then_hyphen_nobility_and_shared_plural() -> None:
    a = analyze("In 1950 then-Secretary of State Dean Acheson spoke at the Press Club.")
    assert titles(a, "Dean Acheson") == {"Secretary of State"}
    a = analyze("In 1905 Count Sergei Witte signed the treaty.")
    assert titles(a, "Sergei Witte") == set()  # "Count" is a title of nobility, no office
    a = analyze("In 1952 the generals Mark Clark and Matthew Ridgway met in Tokyo.")
    assert titles(a, "Mark Clark") == {"general"}
    assert titles(a, "Matthew Ridgway") == {"general"}
