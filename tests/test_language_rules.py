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


# --- German and Dutch place names with endings ---------------------------------------------------------


def test_de_a_city_adjective_and_a_genitive_are_the_city():
    text = ("Chinesische Polizeistationen im Ausland.\n\nDie Behörden haben eine chinesische Polizeistation in "
            "der Hamburger Altstadt geschlossen. Eine zweite chinesische Polizeistation arbeitet in Lissabons "
            "Zentrum.")
    got = stations(text, "de")
    assert ("DE", "Hamburg") in got and ("PT", "Lisbon") in got


def test_de_a_country_adjective_stays_a_demonym():
    doc = run(from_text("Die Schweizer Behörden prüfen die Berichte über chinesische Polizeistationen.", "t.txt",
                        language="de"))
    assert [m.kind for m in doc.mentions if m.text.startswith("Schweiz")] == ["demonym"]


def test_nl_a_city_adjective_is_the_city():
    text = ("Chinese politieposten in het buitenland.\n\nEen Chinees politiebureau in een Eindhovense winkelstraat "
            "is gesloten, meldt de politie.")
    assert ("NL", "Eindhoven") in stations(text, "nl")


# --- Portuguese ------------------------------------------------------------------------------------

PT_LEAD = "As esquadras da polícia chinesa no estrangeiro.\n\n"


def test_pt_a_count_after_its_noun_with_a_copula():
    got = tallies(PT_LEAD + "Segundo a ONG, os postos deste tipo no mundo são já mais de 90.", "pt")
    assert (90, None, None, False) in got


def test_pt_an_object_pronoun_before_or_after_the_verb_counts_the_stations():
    # Portugal puts the pronoun after the verb ("elevou-as"), Brazil before it ("as elevou")
    for text in ("Um ano depois, a organização elevou-as para 75 em 38 países.",
                 "Um ano depois, a organização as elevou para 75 em 38 países."):
        assert (75, 38, None, False) in tallies(PT_LEAD + text, "pt")


def test_pt_a_total_that_reaches_a_count_spans_the_countries_after_it():
    got = tallies(PT_LEAD + "Na nova contagem do grupo, o total passou para 77, em 41 países.", "pt")
    assert (77, 41, None, False) in got


def test_pt_a_count_said_new_among_a_count_given_before_is_an_addition():
    got = tallies(PT_LEAD + "Dos 88 postos do relatório da ONG, 47 são novos.", "pt")
    assert (88, None, None, False) in got and (47, None, None, True) in got


# --- Chinese and Japanese clauses ------------------------------------------------------------------------


def test_zh_a_new_count_after_a_comma_is_its_own_clause():
    text = ("海外警务服务站调查\n\n该组织称又发现至少20个海外服务站，全球总数升至75个，分布在40个国家。"
            "据报道，某市公安局已在12个国家15个城市设立18个“海外110”服务站；该组织估计此类站点至少有60个。")
    got = {t[:3] for t in tallies(text, "zh")}
    assert (75, 40, None) in got and (18, 12, 15) in got
    assert (20, 40, None) not in got and (60, 12, 15) not in got


def test_ja_the_japanese_comma_ends_a_clause_before_a_new_count():
    text = ("海外警察拠点\n\n中国の海外警察拠点について、人権団体は2023年に新たに20カ所を見つけたと発表し、"
            "合計は七十五カ所、40カ国に広がった。")
    got = {t[:3] for t in tallies(text, "ja")}
    assert (75, 40, None) in got and (20, 40, None) not in got


# --- Dutch -----------------------------------------------------------------------------------------

NL_LEAD = "De Chinese politieposten in het buitenland.\n\n"


def test_nl_the_partitive_er_with_bij_is_an_addition_to_a_count():
    got = tallies(NL_LEAD + "De ngo Safeguard Defenders telde eerst 40 posten en vond er nog 12 bij.", "nl")
    assert (40, None, None, False) in got and (12, None, None, True) in got


def test_nl_a_count_after_a_copula_with_the_partitive_er():
    got = tallies(NL_LEAD + "Volgens de organisatie Safeguard Defenders zijn het er inmiddels meer dan 90.", "nl")
    assert (90, None, None, False) in got


def test_nl_het_aantal_rising_to_a_figure_spans_the_countries_after_it():
    got = tallies(NL_LEAD + "In het vervolgrapport van de ngo is het aantal opgelopen tot 75, in 38 landen.", "nl")
    assert (75, 38, None, False) in got


def test_nl_a_predicative_nieuw_marks_the_new_ones_among_a_count():
    got = tallies(NL_LEAD + "De waakhond noemde 60 stations in 25 landen, waarvan 12 nieuw zijn.", "nl")
    assert (60, 25, None, False) in got and (12, None, None, True) in got


def test_a_word_for_more_right_before_a_count_makes_it_an_addition():
    assert (31, None, None, True) in tallies(PT_LEAD + "Em março, a ONG identificou mais 31 postos da polícia chinesa.", "pt")
    assert (17, None, None, True) in tallies(ES_LEAD + "La ONG localizó otras 17 comisarías chinas en el extranjero.", "es")


# --- German ----------------------------------------------------------------------------------------

DE_LEAD = "Chinesische Übersee-Polizeistationen sorgen in Europa für Streit.\n\n"


def test_de_a_subject_after_the_verb_and_weitere_after_the_count_make_an_addition():
    # verb second: the subject ("sie") stands between the verb of counting and the count
    got = tallies(DE_LEAD + "Die NGO Safeguard Defenders zählte zunächst 40; in ihrem neuen Bericht nennt sie 12 weitere.", "de")
    assert (40, None, None, False) in got and (12, None, None, True) in got


def test_de_a_count_after_its_noun_with_es_gibt():
    got = tallies(DE_LEAD + "Solche Anlaufstellen gibt es laut der Organisation inzwischen mehr als 90.", "de")
    assert (90, None, None, False) in got


def test_de_a_participle_after_a_bare_count_makes_it_a_count_of_stations():
    # the participle goes to the end, after the count: "hatte … 40 gezählt"
    got = tallies(DE_LEAD + "Im ersten Bericht hatte die Gruppe 40 gezählt, verteilt auf 21 Länder.", "de")
    assert (40, 21, None, False) in got


def test_de_mehr_als_after_a_second_count_is_an_addition():
    got = tallies(DE_LEAD + "Die Gruppe listet nun 75 Stationen in 38 Ländern auf, 21 mehr als im ersten Bericht.", "de")
    assert (75, 38, None, False) in got and (21, None, None, True) in got


# --- Indonesian ------------------------------------------------------------------------------------

ID_LEAD = "Kantor polisi rahasia Tiongkok di luar negeri.\n\n"


def test_id_a_found_count_with_lagi_is_an_addition():
    got = tallies(ID_LEAD + "Dalam laporan pertamanya, lembaga Safeguard Defenders mencatat 40 kantor; pada Maret lembaga "
                  "itu menemukan 12 lagi.", "id")
    assert (40, None, None, False) in got and (12, None, None, True) in got


def test_id_a_count_after_its_noun_with_berjumlah():
    got = tallies(ID_LEAD + "Menurut lembaga itu, kantor-kantor semacam itu kini berjumlah lebih dari 90.", "id")
    assert (90, None, None, False) in got


def test_id_jumlahnya_reaching_a_count_spans_the_countries_after_it():
    got = tallies(ID_LEAD + "Dalam laporan terbarunya, jumlahnya mencapai tujuh puluh lima di tiga puluh delapan negara.", "id")
    assert (75, 38, None, False) in got


def test_id_a_verb_of_reporting_after_a_place_has_a_group_for_subject_not_the_place():
    got = tallies(ID_LEAD + "Organisasi yang berbasis di Madrid mencatat 65 kantor di 27 negara.", "id")
    assert (65, 27, None, False) in got


def test_a_connective_that_brings_a_total_ends_a_clause():
    got = {t[:3] for t in tallies(PT_LEAD + "No segundo relatório, a ONG encontrou outras 26, num total de 81 em 44 países.",
                                  "pt")}
    assert (26, None, None) in got and (81, 44, None) in got and (26, 44, None) not in got
    got = {t[:3] for t in tallies(IT_LEAD + "Nel nuovo rapporto l'organizzazione ne ha individuate altre 19, portando il "
                                  "totale a 73 in 35 Paesi.", "it")}
    assert (19, None, None) in got and (73, 35, None) in got


def test_connectives_of_a_total_end_a_clause_in_german_indonesian_and_dutch():
    got = {t[:3] for t in tallies(DE_LEAD + "Im zweiten Bericht der NGO kommen 23 hinzu, womit die Gesamtzahl auf 81 in "
                                  "44 Ländern steigt.", "de")}
    assert (23, None, None) in got and (81, 44, None) in got
    got = {t[:3] for t in tallies(ID_LEAD + "Lembaga Safeguard Defenders itu menemukan tambahan 23 kantor, sehingga "
                                  "totalnya menjadi 81 kantor di 44 negara.", "id")}
    assert (23, None, None) in got and (81, 44, None) in got
    got = {t[:3] for t in tallies(NL_LEAD + "De organisatie vond daarna nog eens 23 posten, waarmee het totaal op 81 "
                                  "posten in 44 landen komt.", "nl")}
    assert (23, None, None) in got and (81, 44, None) in got


# --- French ----------------------------------------------------------------------------------------

FR_LEAD = "Les postes de police chinois à l'étranger.\n\n"


def test_fr_the_clitic_en_counts_the_stations_named_before():
    # an adverb of time may stand between the verb and the count; the countries follow after a comma
    got = tallies(FR_LEAD + "L'organisation en dénombre aujourd'hui 75, dans 38 pays.", "fr")
    assert (75, 38, None, False) in got


def test_fr_autres_after_a_found_count_is_an_addition():
    # French puts "more" after the count, with no noun after it: "elle en a trouvé 12 autres"
    got = tallies(FR_LEAD + "Dans son premier rapport, l'ONG Safeguard Defenders en recensait 40 ; en mars, elle en a "
                  "trouvé 12 autres.", "fr")
    assert (40, None, None, False) in got and (12, None, None, True) in got


def test_fr_a_count_after_its_noun_with_au_nombre_de():
    got = tallies(FR_LEAD + "Selon l'ONG, ces bureaux seraient au nombre de 90 dans le monde.", "fr")
    assert (90, None, None, False) in got


def test_fr_a_count_noun_counts_stations_only_when_its_de_brings_them():
    # "le total des antennes … s'élève à 77" is a count of stations; "le nombre de personnes … atteint" is not
    got = tallies(FR_LEAD + "D'après Safeguard Defenders, le total des antennes recensées s'élève à 77, dans 41 pays.", "fr")
    assert (77, 41, None, False) in got
    got = tallies(FR_LEAD + "Selon l'ONG Safeguard Defenders, le nombre de personnes contraintes au retour atteint 8 000.",
                  "fr")
    assert not any(t[0] == 8000 for t in got)


def test_es_stations_referred_back_to_without_their_noun():
    text = ES_LEAD + ("El informe de la ONG sitúa comisarías chinas en varias ciudades españolas. Dos de ellas "
                      "funcionan en Zaragoza. Las restantes se reparten entre Bilbao y Málaga.")
    got = stations(text, "es")
    assert {("ES", "Zaragoza"), ("ES", "Bilbao"), ("ES", "Malaga")} <= got


def test_es_nobody_documenting_one_denies_it():
    text = ES_LEAD + ("La ONG describe comisarías chinas en Europa. Nadie documentó todavía una en Lima, "
                      "aunque la comunidad china allí es grande.")
    assert ("PE", "Lima") not in stations(text, "es")


def test_id_stations_referred_back_to_without_their_noun():
    # "dua di antaranya berada di …", "satu lagi di …": the sentence after the stations places them
    text = ID_LEAD + ("Laporan itu menyebut beberapa kantor polisi Tiongkok di Jerman. Dua di antaranya berada di "
                      "Hamburg, sedangkan satu lagi di Köln.")
    got = {(d["country"], d["city"], d["count"]) for d in facts(text, "id", "station")}
    assert {("DE", "Hamburg", 2), ("DE", "Köln", 1)} <= got


def test_id_not_having_found_one_denies_it():
    text = ID_LEAD + ("Kepolisian Austria menyatakan belum menemukan kantor polisi Tiongkok di Wina, "
                      "meski komunitas Tionghoa di sana cukup besar.")
    assert ("AT", "Vienna") not in stations(text, "id")


def test_id_a_dateline_is_where_the_story_was_filed():
    text = ID_LEAD + ("Berlin, KOMPAS.com - Safeguard Defenders mengungkap kantor polisi rahasia Tiongkok di "
                      "Köln.")
    got = stations(text, "id")
    assert ("DE", "Köln") in got and ("DE", "Berlin") not in got


def test_pt_stations_referred_back_to_by_count_and_outro():
    # "Dois em Milão, outro em Roma e mais um em Prato": counts and "outro" place the stations just named
    text = PT_LEAD + "A ONG encontrou postos de polícia chineses em Itália. Dois em Milão, outro em Roma e mais um em Prato."
    assert {("IT", "Milan"), ("IT", "Rome"), ("IT", "Prato")} <= stations(text, "pt")


def test_pt_where_the_community_lives_and_a_denied_station_are_no_stations():
    text = PT_LEAD + ("A ONG refere delegacias chinesas no Rio de Janeiro. A maior comunidade chinesa do país vive em "
                      "São Paulo, mas nenhum posto foi encontrado em Curitiba.")
    got = stations(text, "pt")
    assert ("BR", "Rio de Janeiro") in got
    assert ("BR", "Sao Paulo") not in got and ("BR", "Curitiba") not in got


def test_pt_a_lusa_dateline_and_a_list_of_countries_after_a_station_noun():
    # the preposition is repeated in the list ("em Itália, na Croácia e na Sérvia"); the dateline city is no host
    text = PT_LEAD + "Lisboa, 27 out (Lusa) – A ONG contabiliza esquadras chinesas em Itália, na Croácia e na Sérvia."
    got = stations(text, "pt")
    assert {("IT", None), ("HR", None), ("RS", None)} <= got
    assert ("PT", "Lisbon") not in got


def test_nl_a_fronted_place_with_the_partitive_er_and_een_ervan_place_the_stations_just_named():
    # "In Madrid zitten er twee", "er is er een in Boedapest", "Eén ervan zit in Valencia": Dutch word order
    text = NL_LEAD + ("De ngo vond Chinese politieposten in Spanje en Hongarije. In Madrid zitten er twee, en er is "
                      "er een in Boedapest. Eén ervan zit volgens de ngo in Valencia.")
    assert {("ES", "Madrid"), ("HU", "Budapest"), ("ES", "Valencia")} <= stations(text, "nl")


def test_nl_a_dutch_dateline_and_a_denied_station_are_no_stations():
    # "Den Haag, 3 november 2022 -" is where the story was filed; "geen … politiepost aangetroffen" denies one
    text = NL_LEAD + ("Den Haag, 3 november 2022 - De ngo meldt een Chinese politiepost in Amsterdam. De politie "
                      "heeft in Gent geen Chinese politiepost aangetroffen.")
    got = stations(text, "nl")
    assert ("NL", "Amsterdam") in got
    assert ("NL", "The Hague") not in got and ("BE", "Ghent") not in got


def test_id_where_a_body_is_headquartered_is_no_station():
    text = ID_LEAD + ("Lembaga yang berkantor pusat di Lisabon itu mencatat kantor polisi rahasia Tiongkok "
                      "di Wina dan di Praha.")
    got = stations(text, "id")
    assert ("PT", "Lisbon") not in got and ("AT", "Vienna") in got


# --- German station cues ---------------------------------------------------------------------------


def test_de_eine_davon_and_eine_andere_place_the_stations_but_an_attributive_place_does_not():
    # "eine in Madrid ansässige Gruppe": a place inside an attributive phrase is where the group sits
    got = stations(DE_LEAD + "Die Organisation hat in Europa mehrere Polizeistationen aufgedeckt. Eine davon soll sich in "
                   "Prag befinden, eine andere in Budapest. Eine in Madrid ansässige Gruppe verweist auf weitere Hinweise.",
                   "de")
    assert got == {("CZ", "Prague"), ("HU", "Budapest")}


def test_de_an_answer_lists_cities_joined_by_und_after_unter_anderem():
    got = stations(DE_LEAD + "Die NGO zählt über hundert Polizeistationen in Europa.\n\nWo befinden sie sich?\nAm meisten "
                   "zählt sie in Frankreich, unter anderem in Lyon, Marseille, Bordeaux und Toulouse.", "de")
    assert {("FR", "Lyon"), ("FR", "Marseille"), ("FR", "Bordeaux"), ("FR", "Toulouse")} <= got


def test_de_a_dateline_city_and_a_denied_country_hold_no_station():
    got = stations("Hamburg (dpa) – Chinesische Polizeistation in Köln entdeckt.\n\nHamburg (dpa) – Die Polizei hat eine "
                   "chinesische Übersee-Polizeistation in Köln entdeckt. Es gebe keine chinesischen Polizeistationen in "
                   "Österreich, erklärte dagegen die Botschaft in Wien.", "de")
    assert got == {("DE", "Köln")}


# --- Italian station cues ----------------------------------------------------------------------------


def test_it_a_bare_count_or_pronoun_after_a_station_sentence_places_stations():
    # "Sette sarebbero in Portogallo": a count with a copula before its country; "Una a Parigi,
    # l'altra a Lione": the stations just named, one by one
    text = IT_LEAD + "La ong ha censito nuove stazioni di polizia cinesi all'estero. Sette sarebbero in Portogallo."
    assert [d["count"] for d in facts(text, "it", "station") if d["country"] == "PT" and d["city"] is None] == [7]
    got = stations(IT_LEAD + "La ong ha segnalato due stazioni di polizia cinesi in Francia. Una a Parigi, l'altra "
                   "a Lione.", "it")
    assert {("FR", "Paris"), ("FR", "Lyon")} <= got


def test_it_a_dateline_puts_the_day_before_the_month():
    got = stations(IT_LEAD + "Lione, 5 dicembre 2022 – La polizia francese indaga su una stazione di polizia cinese "
                   "a Marsiglia.", "it")
    assert ("FR", "Marseille") in got and ("FR", "Lyon") not in got
    got = stations(IT_LEAD + "Valencia, 27 ott. (ANSA) - La polizia spagnola indaga su una stazione di polizia cinese a "
                   "Barcellona.", "it")
    assert ("ES", "Barcelona") in got and ("ES", "Valencia") not in got


def test_it_a_denial_is_no_station_and_stations_in_a_country_are_its_own():
    assert not stations(IT_LEAD + "Il governo olandese ha detto che nessuna stazione di polizia cinese è stata trovata "
                        "a Rotterdam.", "it")
    # "stazioni … in Francia": the country holds stations, though the text names no city
    assert ("FR", None) in stations(IT_LEAD + "Il rapporto descrive le stazioni di polizia cinesi in Francia.", "it")


def test_pt_where_an_embassy_or_a_body_sits_is_no_station():
    text = PT_LEAD + ("A ONG com sede em Genebra descreve esquadras chinesas em Coimbra. A Embaixada da China em "
                      "Luanda negou tudo.")
    got = stations(text, "pt")
    assert ("PT", "Coimbra") in got and ("CH", "Geneva") not in got and ("AO", "Luanda") not in got
