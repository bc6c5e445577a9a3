"""Place resolution with context, on sentences the seeds do not contain."""

from __future__ import annotations

from stationwatch.document import Document
from stationwatch.extract import build_pipeline, run

PIPE = build_pipeline(["language", "sentences", "mentions"])


def places(text: str) -> dict[str, tuple]:
    doc = run(Document(source="t", text=text), PIPE)
    return {m.text: (m.value.kind, m.value.country, m.value.city) for m in doc.mentions if m.kind == "place"}


def test_scarborough_beside_toronto_is_toronto():
    p = places("Police in Toronto said a second office was found in Scarborough last week.")
    assert p["Scarborough"] == ("part", "CA", "Toronto")


def test_scarborough_in_england():
    p = places("The seaside town of Scarborough in England held a festival.")
    assert p["Scarborough"][1] == "GB"


def test_georgia_beside_atlanta_is_the_us_state():
    p = places("Investigators in Atlanta, Georgia, looked into a community office.")
    assert p["Georgia"] == ("region", "US", None)


def test_georgia_the_country():
    p = places("Georgia and Armenia both border Turkey.")
    assert p["Georgia"][:2] == ("country", "GE")


def test_london_with_glasgow_is_british_and_london_ontario_is_canadian():
    assert places("Offices were found in London and Glasgow.")["London"][1] == "GB"
    assert places("A station was reported in London, Ontario, near Toronto.")["London"][1] == "CA"


def test_lower_case_big_city_and_aliases():
    p = places("one in Amsterdam and another in rotterdam, and three in the Greater Toronto Area")
    assert p["rotterdam"][1] == "NL"
    assert p["Greater Toronto Area"][2] == "Toronto"


def test_common_words_are_not_places():
    p = places("Police said the Nice weather helped. Reading the report, Washington Post editors agreed.")
    assert "Police" not in p and "Nice" not in p and "Reading" not in p


def test_a_capitalised_first_word_is_no_town_in_a_country_the_text_never_names():
    text = "Man jailed over Chinese police outpost\n\nA man from Queens was sentenced in the United States on Friday."
    assert "Man" not in places(text)
    # the same town is kept when its country is named
    assert places("Man is a city in Ivory Coast. Offices were found in Man.")["Man"][1] == "CI"


def test_the_capital_is_the_capital_of_the_country_in_context():
    p = places("Police in Helsinki said they had heard of an office in the capital.")
    assert p["the capital"][1:] == ("FI", "Helsinki")
    assert "the capital" not in places("Officials said an office in the capital was empty.")


def test_countries_and_big_cities_in_the_languages_we_read():
    from stationwatch.resolve import gazetteer

    g = gazetteer()

    def top(name):
        got = g.candidates(name)
        return (got[0].kind, got[0].name, got[0].country) if got else None

    # countries from CLDR (babel), cities from GeoNames alternate names: data, not hand lists
    for name in ("荷兰", "荷蘭", "オランダ", "Países Bajos", "Paesi Bassi", "Belanda"):
        assert top(name) == ("country", "Netherlands", "NL"), name
    for name in ("阿姆斯特丹", "Ámsterdam", "Amsterdã"):
        assert top(name) == ("city", "Amsterdam", "NL"), name
    assert top("多伦多") == ("city", "Toronto", "CA")
    assert top("トロント") == ("city", "Toronto", "CA")
    assert top("Londres") == ("city", "London", "GB")
    assert top("Mailand") == ("city", "Milan", "IT")
    # an English demonym is never taken for a country's name in another language (French "Argentine")
    assert not g.candidates("Argentine")
