"""Reading rules of the non-English packs, on sentences written for the test (no corpus contains them).

Each case states the rule of one language's pack; the text is given its language explicitly, so a
failure is the rule's and not the language detector's.
"""

from __future__ import annotations

from stationwatch.extract import run
from stationwatch.ingest import from_text


def facts(text: str, language: str, kind: str) -> list[dict]:
    doc = run(from_text(text, "t.txt", language=language))
    return [f.data for f in doc.facts if f.type == kind]


def tallies(text: str, language: str) -> set[tuple]:
    return {(d["stations"], d["countries"], d["cities"], d["additional"]) for d in facts(text, language, "tally")}


def stations(text: str, language: str) -> set[tuple]:
    return {(d["country"], d["city"]) for d in facts(text, language, "station") if d["status"] != "suspected"}


def responses(text: str, language: str) -> set[tuple]:
    return {(d["country"], d["action"]) for d in facts(text, language, "response")}


# --- Italian ---------------------------------------------------------------------------------------

IT_LEAD = "Le stazioni di polizia cinesi all'estero.\n\n"


def test_it_a_count_after_its_noun_with_a_copula():
    got = tallies(IT_LEAD + "Secondo l'organizzazione, i presidi di questo genere nel mondo sarebbero almeno "
                  "settanta.", "it")
    assert (70, None, None, False) in got


def test_it_a_count_that_rises_to_a_figure_spans_the_countries_after_it():
    got = tallies(IT_LEAD + "Nel nuovo rapporto gli uffici censiti salgono a novantuno, in quaranta Paesi.", "it")
    assert (91, 40, None, False) in got


def test_it_the_clitic_ne_counts_the_stations_named_before():
    got = tallies(IT_LEAD + "La polizia di Lishui dichiarava di averne aperte diciotto in dodici Paesi.", "it")
    assert (18, 12, None, False) in got


def test_it_altre_after_a_first_count_is_an_addition():
    got = tallies(IT_LEAD + "Rispetto al primo rapporto di Safeguard Defenders, che ne elencava 60, l'organizzazione ne ha trovate "
                  "altre 25.", "it")
    assert (60, None, None, False) in got and (25, None, None, True) in got


# --- Spanish ---------------------------------------------------------------------------------------

ES_LEAD = "Las comisarías de la policía china en el extranjero.\n\n"


def test_es_a_found_count_with_mas_is_an_addition():
    got = tallies(ES_LEAD + "En su primer informe la ONG Safeguard Defenders contó 40; en marzo sumó 12 más.", "es")
    assert (40, None, None, False) in got and (12, None, None, True) in got


def test_es_raised_to_a_count_spans_the_countries_after_it():
    got = tallies(ES_LEAD + "Un año después, la organización la elevó a 75 en 38 países.", "es")
    assert (75, 38, None, False) in got


def test_es_a_count_after_its_noun():
    got = tallies(ES_LEAD + "Según la ONG, las oficinas de este tipo en el mundo ya son más de 90.", "es")
    assert (90, None, None, False) in got
