"""Extraction rules on sentences that none of the seed pages or corpora contain.

Each case states a general reading rule; the text is written for the test.
"""

from __future__ import annotations

from stationwatch.extract import run
from stationwatch.ingest import from_text

LEAD = "Chinese overseas police stations\n\n"


def facts(body: str, kind: str) -> list[dict]:
    doc = run(from_text(LEAD + body, "t.txt"))
    return [f.data for f in doc.facts if f.type == kind]


def keys(body: str, kind: str) -> set[tuple]:
    if kind == "station":
        return {(d["country"], d["city"]) for d in facts(body, kind) if d["status"] != "suspected"}
    if kind == "response":
        return {(d["country"], d["action"]) for d in facts(body, kind)}
    return {(d["stations"], d["countries"], d["cities"]) for d in facts(body, kind)}


def test_telling_the_embassy_to_close_is_a_closure_not_a_concern():
    got = keys("Sweden's foreign ministry said it had informed the Chinese embassy that the office in Stockholm "
               "must stop operating and close.", "response")
    assert ("SE", "closure") in got and ("SE", "concern") not in got


def test_telling_the_embassy_a_judgement_is_a_concern():
    got = keys("The Finnish government said it had told the Chinese ambassador that any such station in Helsinki "
               "would violate Finnish sovereignty.", "response")
    assert ("FI", "concern") in got


def test_informing_the_ambassador_of_a_decision_is_no_concern():
    got = keys("The Belgian minister said he had informed the Chinese ambassador of the decision to open an "
               "inquiry into the two police stations in Brussels.", "response")
    assert ("BE", "concern") not in got and ("BE", "investigation") in got


def test_authorities_in_a_list_of_countries_act():
    got = keys("Authorities in Norway, Denmark and Finland have said they are examining the reports of "
               "Chinese police stations.", "response")
    assert {("NO", "investigation"), ("DK", "investigation"), ("FI", "investigation")} <= got


def test_a_country_topping_a_list_is_a_station_row_not_a_headline_tally():
    body = "Hungary tops the latest list with seven stations, the researchers wrote."
    assert ("HU", None) in keys(body, "station")
    assert [d["count"] for d in facts(body, "station") if d["country"] == "HU"] == [7]
    assert (7, None, None) not in keys(body, "tally")


def test_stations_placed_in_a_list_of_countries():
    got = keys("Before the wider roll-out, the scheme was piloted at stations in Greece, Bulgaria and Slovakia.",
               "station")
    assert {("GR", None), ("BG", None), ("SK", None)} <= got


def test_another_station_at_an_undisclosed_location_is_kept_beside_a_placed_one():
    body = ("The report lists one in Auckland, linked to Lishui, and another, run from Putian, whose location "
            "in New Zealand was not disclosed.")
    got = keys(body, "station")
    assert ("NZ", "Auckland") in got and ("NZ", None) in got


def test_astonishing_if_is_speculation():
    got = facts("It would be astonishing if a port city such as Antwerp did not host one of these police "
                "stations too.", "station")
    assert all(d["status"] == "suspected" for d in got)


def test_a_country_heading_a_list_item_is_the_actor():
    got = keys("What happened next:\n- Portugal: the Lisbon office was ordered shut.\n- Austria: police opened an "
               "inquiry.", "response")
    assert ("PT", "closure") in got


def test_somewhere_in_a_country_is_an_unplaced_station():
    got = facts("A further police station, run from Lishui, is placed somewhere in Hungary.", "station")
    assert [(d["country"], d["city"], d["operator"]) for d in got] == [("HU", None, "Lishui")]


def test_raids_checks_and_opened_cases_are_investigations_and_prosecutors_are_no_arrest():
    assert ("HU", "investigation") in keys("Hungarian police raided a Chinese police station in Budapest.", "response")
    assert ("DE", "investigation") in keys("The German interior ministry said it was checking the reports of "
                                           "police stations.", "response")
    got = keys("Prosecutors in Milan have opened a case into the alleged police station.", "response")
    assert ("IT", "investigation") in got and ("IT", "arrest") not in got


def test_not_commenting_on_stations_does_not_deny_them():
    got = facts("The Greek government has not commented on the three police stations listed in Athens.", "station")
    assert [(d["country"], d["city"], d["count"]) for d in got] == [("GR", "Athens", 3)]
    assert not facts("Police said no such station had been found in Athens.", "station")
    assert not facts("The owner said the shop in Athens is absolutely not a police station.", "station")


def test_the_demonym_capital_is_the_capital_city():
    got = keys("Investigators are examining one such police outpost in the Austrian capital.", "station")
    assert got == {("AT", "Vienna")}


def test_the_one_spoken_to_is_not_the_speaker():
    got = facts("Ottawa has told Beijing that the police stations must close immediately.", "statement")
    assert all(d["speaker"] not in ("Beijing", "China") for d in got)
    got = facts("Several police stations were named. \"They harass people,\" said Safeguard Defenders director "
                "Laura Harth.", "statement")
    assert [(d["speaker"], d["stance"]) for d in got] == [("Laura Harth", "allegation")]


def test_he_is_a_person_and_not_the_government_before_him():
    body = ("Beijing denies that the police stations exist. Officials abroad were not convinced. "
            "The stations were used to harass critics, he added.")
    assert all(d["speaker"] != "Beijing" or d["stance"] == "denial" for d in facts(body, "statement"))
    assert [d for d in facts(body, "statement") if d["stance"] == "allegation"] == []


def test_a_station_that_closed_by_itself_is_no_host_closure():
    got = keys("Belgian police searched the premises in Antwerp last spring, and the police station has since "
               "closed.", "response")
    assert ("BE", "closure") not in got and ("BE", "investigation") in got
    got = keys("Two police stations in Warsaw have stopped operating, the Polish foreign ministry said, after "
               "Polish diplomats objected to the Chinese embassy.", "response")
    assert ("PL", "closure") in got
    assert ("PL", "closure") in keys("The Polish foreign ministry told the Chinese embassy that such police "
                                     "stations must not operate in Poland.", "response")


def test_a_generic_body_belongs_to_the_country_the_text_gives():
    got = keys("The Irish Department of Justice ordered the police station in Dublin to close.", "response")
    assert got == {("IE", "closure")}
    got = keys("Gardaí visited the police station in Dublin. The Department of Justice said it was examining "
               "the reports.", "response")
    assert ("IE", "investigation") in got and ("US", "investigation") not in got
    assert ("US", "arrest") in keys("The Department of Justice charged two men over a police station in "
                                    "Manhattan.", "response")


def test_more_host_actions():
    assert ("AU", "investigation") in keys("The Australian Federal Police said it was assessing the reports of a "
                                           "police station in Perth.", "response")
    assert ("IT", "investigation") in keys("Police in Turin are carrying out checks at the addresses of the "
                                           "alleged stations.", "response")
    assert ("NL", "other") in keys("The Dutch parliament adopted a motion on the Chinese police stations.",
                                   "response")
    assert ("CZ", "closure") in keys("Prague shuts two Chinese police outposts.", "response")
    assert ("NL", "concern") in keys("The Dutch cabinet asked Beijing for a full explanation of the police "
                                     "stations.", "response")


def test_an_order_to_close_marks_the_station_closed():
    got = facts("The Irish government ordered the police station in Cork to close.", "station")
    assert [(d["city"], d["status"]) for d in got] == [("Cork", "closed")]


def test_the_peoples_republic_is_china():
    assert not keys("Investigators asked whether the police stations worked for authorities in the People's "
                    "Republic.", "station")


def test_where_people_live_and_where_an_ngo_sits_are_not_stations():
    assert not keys("Chinese-Canadians are concentrated in suburbs such as Richmond and Markham, but no police "
                    "station has been tied to either.", "station")
    assert not keys("The count comes from Safeguard Defenders, a group with an office in Madrid, which lists "
                    "police stations worldwide.", "station")


def test_a_country_with_a_number_is_a_count():
    got = facts("The police stations? Hungary, with seven, followed by Greece, with four.", "station")
    assert sorted((d["country"], d["count"]) for d in got) == [("GR", 4), ("HU", 7)]


def test_cities_that_act_are_governments():
    assert not keys("Police stations: Warsaw shuts one as Berlin and Vienna start checks.", "station") & {
        ("DE", "Berlin"), ("AT", "Vienna")}
    assert ("NL", "The Hague") not in keys("The Hague had asked Beijing to explain the police stations.", "station")


def test_hypothetical_and_refused_arrests_are_not_arrests():
    assert ("GB", "arrest") not in keys("British police found no evidence at the police stations that could be "
                                        "prosecuted.", "response")
    assert ("ES", "arrest") not in keys("Spanish police searched the police station in Madrid; no one had been "
                                        "detained.", "response")
    assert ("US", "arrest") in keys("In Brooklyn, two men were charged with running the police station.",
                                    "response")


def test_they_said_continues_the_last_actor_and_no_sign_is_a_denial():
    body = ("The RCMP said it had closed three police stations in Toronto. They said inquiries into two more in "
            "Montreal were still open.")
    assert ("CA", "investigation") in keys(body, "response")
    assert not keys("Norwegian police said they had found no sign of any such police station operating in Norway.",
                    "station")


def test_surnames_and_small_far_towns_are_not_places():
    assert "Kearns" not in {d["city"] for d in facts(
        "In London, the MP Alicia Kearns asked about the police stations in Glasgow and in the United Kingdom.",
        "station")}


def test_closing_it_themselves_is_no_host_closure_and_no_government_is_nobody():
    assert ("US", "closure") not in keys("The men closed the police station themselves after the FBI searched "
                                         "it.", "response")
    assert not keys("In Latin America, no government has announced arrests or ordered any police station "
                    "closed.", "response")


def test_neither_lists_and_districts():
    body = "Neither report lists any police station in Lima, Bogota or Caracas."
    assert not keys(body, "station")
    got = keys("The report places three of the police stations in Madrid, one of them in the Usera district.",
               "station")
    assert got == {("ES", "Madrid")}


def test_a_generic_body_takes_the_country_of_the_sentence_before():
    body = ("A restaurant in Seoul was named as a police station. The National Intelligence Service opened an "
            "investigation.")
    assert ("KR", "investigation") in keys(body, "response")


def test_the_first_report_title_is_not_a_count():
    assert (110, 30, None) not in keys("Its September report, 110 Overseas, counted 54 police stations in 30 "
                                       "countries.", "tally")


def test_the_united_states_is_no_collective_and_in_country_openers_act():
    assert ("US", "arrest") in keys("In the United States, two men were arrested over a police station in "
                                    "Manhattan.", "response")
    got = keys("In the United States, federal agents searched the police station before Canadian politicians had "
               "said a word.", "response")
    assert ("US", "investigation") in got and ("CA", "investigation") not in got
    assert ("US", "arrest") not in keys("There are many people in the United States who have been prosecuted "
                                        "for this, the researcher said of the police stations.", "response")


def test_counts_in_words_worldwide_and_a_reports_own_count():
    assert (54, 30, None) in keys("The group first documented them in 2022, counting fifty-four in thirty "
                                  "countries.", "tally")
    assert (54, None, None) in keys("Safeguard Defenders listed more stations in Spain than anywhere else among "
                                    "the 54 identified worldwide.", "tally")
    body = "Safeguard Defenders now counts 102 police stations. Its first report had found 54."
    assert (54, None, None) in keys(body, "tally")
    assert not keys("Police in Oslo found 3.", "tally")


def test_an_actor_keeps_the_action_after_but_and_whether_is_a_question():
    got = keys("Lesotho's police commissioner said he knew of no such police station in Maseru but would look into "
               "it.", "response")
    assert ("LS", "investigation") in got
    assert not keys("Critics asked whether the Australian Federal Police had assessed the police station lists.",
                    "response")


def test_a_country_figure_beside_its_cities_only_when_it_counts_more():
    body = ("Greece, home to a large Chinese community, hosts nine of the police stations; the report names sites "
            "in Athens and Thessaloniki.")
    assert {("GR", None), ("GR", "Athens"), ("GR", "Thessaloniki")} <= keys(body, "station")
    body = "Kenya has two police stations, both in Nairobi."
    assert keys(body, "station") == {("KE", "Nairobi")}
    assert ("CA", None) not in keys("The group found three police stations operating in Canada's financial hub, "
                                    "Toronto.", "station")


def test_calls_on_governments_are_no_action_and_motions_adopted_by_a_house_are():
    assert not keys("A rights coalition called on the governments of Kenya and Uganda to investigate the police "
                    "stations.", "response")
    assert ("KE", "other") in keys("The coalition welcomed the motion on the police stations adopted by Kenya's "
                                   "National Assembly.", "response")


def test_lifting_the_total_and_a_follow_up_count():
    got = keys("Safeguard Defenders said it had found 48 additional police stations, lifting its worldwide total "
               "to 102 in 53 countries.", "tally")
    assert {(48, None, None), (102, 53, None)} <= got


def test_where_people_live_in_a_list_and_a_city_district_by_possessive():
    body = ("The office on the police station list worried the Chinese community in Ireland, most of whom live in "
            "Dublin and Cork.")
    assert ("IE", "Cork") not in keys(body, "station")
    assert keys("In Madrid's Usera, the police station that started a row.", "station") == {("ES", "Madrid")}


def test_a_list_of_n_is_a_count_but_a_list_of_countries_is_not():
    assert (54, None, None) in keys("Safeguard Defenders published a first list of 54 police stations' "
                                    "addresses in September.", "tally") | keys(
        "Safeguard Defenders, a human rights NGO, published a first list of 54 in September 2022.", "tally")
    assert not keys("Safeguard Defenders said the list of 54 countries was long.", "tally") & {(54, None, None)}
    assert ("NL", "closure") in keys("The Dutch minister said the police stations had been informed that they "
                                     "must stop their activities at once.", "response")


def test_a_list_that_includes_places_names_stations():
    got = keys("Chinese police stations worry rights groups. Elsewhere the lists include Accra in Ghana and Lusaka, "
               "the capital of Zambia.", "station")
    assert {("GH", "Accra"), ("ZM", "Lusaka")} <= got


def test_inquiries_in_cities_are_responses_not_stations_and_one_of_n_is_n():
    body = "The reaction to the police stations was swift: inquiries in Dublin and Amsterdam."
    assert {("IE", "investigation"), ("NL", "investigation")} <= keys(body, "response")
    assert not keys(body, "station")
    got = keys("The restaurant was named by Safeguard Defenders as one of the 102 police stations it has "
               "documented in 53 countries.", "tally")
    assert got == {(102, 53, None)}


def test_earlier_and_added_figures_in_one_sentence():
    got = keys("Safeguard Defenders said it had now documented 102 such police stations in 53 countries, after "
               "finding 48 more on top of the 54 it listed in September.", "tally")
    assert {(102, 53, None), (48, None, None), (54, None, None)} <= got
    got = keys("Safeguard Defenders now counts more than 100 police stations worldwide, up from the 54 it "
               "published in September. The first report had 54.", "tally")
    assert {(100, None, None), (54, None, None)} <= got
    assert ("NL", "Rotterdam") in keys("The Rotterdam offices were among 54 overseas police stations listed by "
                                       "Safeguard Defenders.", "station")
    assert [d["count"] for d in facts("The Rotterdam offices were among 54 overseas police stations listed by "
                                      "Safeguard Defenders.", "station")] == [None]


def test_more_parliamentary_and_diplomatic_acts():
    body = ("The Belgian foreign ministry said the police stations were illegal. It called in the Chinese "
            "ambassador and ordered both offices to close.")
    assert {("BE", "concern"), ("BE", "closure")} <= keys(body, "response")
    assert ("GB", "other") in keys("She pointed to an early day motion on the police stations signed by MPs from "
                                   "five parties in the House of Commons.", "response")
    body = ("British police visited the police stations. Following those representations, both London premises "
            "had stopped any such activity, the minister said.")
    assert ("GB", "closure") in keys(body, "response")


def test_governments_in_their_capitals_and_investigating_countries_are_not_stations():
    assert not keys("Chinese diplomats in Pretoria said the police stations were community service points.",
                    "station")
    assert not keys("Police stations abroad: Berlin has not said whether the office is still open.", "station") & {
        ("DE", "Berlin")}
    body = ("Portugal, Germany, Austria and Sweden have all said they are reviewing the activities of similar "
            "police stations, and Ireland has ordered one in Dublin to close.")
    got = keys(body, "station")
    assert ("IE", "Dublin") in got and not got & {("PT", None), ("DE", None), ("AT", None), ("SE", None)}


def test_vague_counts_lists_and_answers_in_an_interview():
    got = keys("Their list of police stations has a dozen entries in Greece, several in Poland and the UK.",
               "station")
    assert {("GR", None), ("PL", None), ("GB", None)} <= got
    body = ("Q: Where are these police stations? A: In Spain the capital has three, and there are others in "
            "Valencia and Malaga. Q: And Italy? A: Turin, Genoa, Naples, Bari... the list goes on.")
    got = keys(body, "station")
    assert {("ES", "Valencia"), ("ES", "Malaga"), ("IT", "Turin"), ("IT", "Genoa")} <= got
    assert ("JP", "Osaka") in keys("A police station in Osaka features on the NGO's list.", "station")


def test_a_second_added_figure_and_local_totals():
    body = ("Safeguard Defenders, the group that in September exposed 54 police stations, says it has now found 48 "
            "more.")
    assert {(54, None, None), (48, None, None)} <= keys(body, "tally")
    assert (5, None, None) not in keys("Canada's total of police stations in the lists rises to five.", "tally")


def test_and_then_another_country_acts_apart():
    body = ("Portugal and Sweden have said they are reviewing the police stations, and Ireland has ordered one in "
            "Dublin to close.")
    got = keys(body, "response")
    assert ("IE", "closure") in got and ("PT", "closure") not in got and ("PT", "investigation") in got
    assert ("JP", "concern") in keys("Japan had conveyed its concerns to Beijing about the police station in Tokyo.",
                                     "response")


def test_a_consulate_visa_service_centre_is_not_on_topic():
    doc = run(from_text("Consulate news\n\nThe Chinese consulate in Perth has moved its visa service centre to the "
                        "city centre, a spokesman said.", "t.txt"))
    assert not [f for f in doc.facts if f.type in ("station", "response", "tally")]


def test_collectives_with_named_members_and_the_dutch_as_an_actor():
    got = keys("Several countries, including Canada, Ireland and Germany, have since said they are making "
               "inquiries into the police stations.", "response")
    assert {("CA", "investigation"), ("IE", "investigation"), ("DE", "investigation")} <= got
    assert ("NL", "closure") in keys("Others hesitated over the police stations; the Dutch simply ordered the "
                                     "offices closed.", "response")
    assert not keys("Opposition lawmakers in Hungary said they doubted any inquiry into the police stations would "
                    "follow.", "response") & {("HU", "investigation")}


def test_more_station_phrasings():
    got = keys("Chinese police stations spread. A second one was reported in the west of Germany, without naming "
               "the city.", "station")
    assert ("DE", None) in got
    assert ("TZ", None) in keys("Chinese police stations: Tanzania is also mentioned, without a city.", "station")
    got = facts("Most of the police stations are in Europe, with Greece alone accounting for 7.", "station")
    assert [(d["country"], d["count"]) for d in got] == [("GR", 7)]
    assert not keys("Asked whether any such police station exists in Norway, the police declined to comment.",
                    "station")


def test_totals_after_and_and_investigations_across_countries():
    got = keys("The group added 48 more police stations and put the total at 102 across 53 countries.", "tally")
    assert {(48, None, None), (102, 53, None)} <= got
    assert not keys("The police stations have led to investigations in more than a dozen countries.", "tally")


def test_capitals_where_governments_sit_and_santiago():
    assert ("DE", "Berlin") not in keys("In Berlin, the interior minister says her ministry is aware of a police "
                                        "station in Frankfurt.", "station")
    assert ("CZ", "Prague") in keys("In Prague, the Czech foreign ministry said it had raised two police centres in "
                                    "the city with the Chinese embassy.", "station")
    got = keys("Chinese police stations were named in Rio de Janeiro in Brazil, in Buenos Aires and in Santiago.",
               "station")
    assert ("CL", "Santiago") in got and ("BR", "Santiago") not in got


def test_prosecution_talk_is_no_arrest_and_two_bureau_counts_stay_apart():
    assert ("GB", "arrest") not in keys("The British minister said decisions on prosecutions over the police "
                                        "stations were for the police.", "response")
    got = keys("Fuzhou's police said they had set up 30 overseas police stations in 25 countries, and Qingtian "
               "county police reported 21 stations in 15 countries.", "tally")
    assert {(30, 25, None), (21, 15, None)} <= got
    assert ("PT", "investigation") in keys("Portugal's interior ministry said the police station in Lisbon was being "
                                           "followed closely.", "response")


# --- rules taken from the en23 / en24 sets (each checked here on sentences written for the test) ---

def test_a_radio_or_railway_station_is_not_one_of_ours():
    body = ("Lin told a Perth radio station that he had been followed. Trains to Fremantle leave from the central "
            "railway station in Perth. The report lists no station in Australia.")
    assert ("AU", "Perth") not in keys(body, "station")
    body = "Delays are expected at Antwerp Centraal station this week, towards Mechelen and Brussels."
    assert not keys(body, "station")


def test_a_bare_police_station_does_not_make_a_report_about_overseas_stations():
    text = ("Scam gang returned to China\n\nThirty people were flown from Bangkok to Fuzhou on Friday. Their relatives "
            "had been asked to report to a police station in Fujian for a talk, a Thai officer said. Thai police "
            "have arrested two recruiters in Bangkok.")
    doc = run(from_text(text, "t.txt"))
    assert not [f for f in doc.facts if f.type in ("station", "response", "tally")]


def test_the_police_station_affair_is_the_story():
    text = ("Inside the Belgian police-station affair\n\nThe office in Brussels was named by the group last year. "
            "Belgian prosecutors are investigating it.")
    doc = run(from_text(text, "t.txt"))
    assert ("BE", "Brussels") in {(f.data["country"], f.data["city"]) for f in doc.facts if f.type == "station"}


def test_a_count_of_what_someone_calls_stations():
    assert (63, None, None) in keys("The researchers found sixty-three of what Beijing calls \"overseas service "
                                    "stations\".", "tally")


def test_n_more_with_a_relative_clause_then_so_the_total():
    got = keys("The update documents thirty more that had not been public, so the total is now 84, in 40 countries.",
               "tally")
    assert {(30, None, None), (84, 40, None)} <= got
    assert [d["additional"] for d in facts("The update documents thirty more that had not been public, so the total "
                                           "is now 84, in 40 countries.", "tally") if d["stations"] == 30] == [True]


def test_a_place_far_after_the_count_in_a_by_phrase_is_not_the_counts_place():
    got = keys("The shop in Lyon is one of 70 stations listed in a study published in May by an advocacy group "
               "that is based in Portugal and tracks abuses abroad.", "tally")
    assert (70, None, None) in got


def test_a_consulate_general_in_a_city_is_not_a_station_there():
    body = ("The new help desk does not deal with visas, which remain the business of the Chinese Consulate General "
            "in Houston.")
    assert ("US", "Houston") not in keys(body, "station")


def test_a_wire_credit_line_is_not_article_text():
    doc = from_text("Probe opened\n\nPolice in Lima opened an inquiry on Monday into the office.\n\n"
                    "(Reporting by the Lima bureau and a correspondent in Cusco; editing by the Americas news desk)",
                    "t.txt")
    assert "Reporting by" not in doc.text and "Reporting by" in " ".join(doc.dropped)


def test_countries_named_without_their_cities_are_each_a_station_row():
    got = keys("In Asia the study names Laos, Cambodia and Mongolia as host countries of such stations, without "
               "giving the towns concerned.", "station")
    assert {("LA", None), ("KH", None), ("MN", None)} <= got


def test_somewhere_in_a_country_beside_a_district_of_another_place():
    got = keys("It is true that the group reports a Wenzhou-run station somewhere in Thailand, and that police "
               "suspect a tea house in Yangon's Lanmadaw township.", "station")
    assert ("TH", None) in got


def test_no_evidence_of_crime_at_the_sites_clears_them_but_they_exist():
    got = keys("Police found no evidence of criminal activity at the two sites, in Tilburg and Eindhoven, the "
               "minister said.", "station")
    assert {("NL", "Tilburg"), ("NL", "Eindhoven")} <= got
    assert ("DE", "Berlin") not in keys("Police found no station in Berlin.", "station")


def test_verifying_reports_and_checking_information_are_investigations():
    assert ("GR", "investigation") in keys("Greek police are verifying the reports about a station in Athens.",
                                           "response")
    assert ("HR", "investigation") in keys("In Croatia, police said they were checking information about a "
                                           "station in Zagreb.", "response")


def test_a_capital_opening_the_sentence_where_one_station_is_shut():
    got = keys("In Oslo, the Norwegian foreign ministry demanded that a Chinese service office be shut, and it has "
               "since closed.", "station")
    assert ("NO", "Oslo") in got


def test_countries_where_stations_are_do_not_act():
    got = keys("The group, whose investigations began the affair, counts 90 stations in forty countries. One of "
               "them is in Lisbon.", "response")
    assert ("PT", "investigation") not in got


def test_a_sea_named_after_a_country_is_not_the_country():
    got = keys("Across the Gulf of Finland, Estonia has been quicker: its authorities have examined an office in "
               "Tallinn that the group listed as a station.", "response")
    assert ("EE", "investigation") in got and ("FI", "investigation") not in got


def test_both_were_arrested_is_the_host_countrys_arrest():
    body = ("Two men ran a station in a Sydney suburb for the Fuzhou police, Australian prosecutors say. They "
            "deleted their messages in Sydney before the search. Both were arrested in March.")
    assert ("AU", "arrest") in keys(body, "response")


def test_construction_sites_are_not_stations():
    body = ("Thousands of Chinese nationals work on construction sites in Laos and Cambodia, and the stations "
            "are said to watch over them.")
    assert not {("LA", None), ("KH", None)} & keys(body, "station")


def test_a_police_post_opened_by_the_hosts_own_police_is_theirs():
    body = ("The city council and the national police inaugurated a new community police post beside the central "
            "market in Bogota, staffed by Colombian officers.")
    assert ("CO", "Bogota") not in keys(body, "station")


def test_sites_listed_in_countries_are_station_rows():
    assert {("CL", None), ("PE", None)} <= keys("The report also listed sites in Chile and Peru.", "station")


# --- rules taken from the en25 / en26 sets ---

def test_a_number_restated_in_brackets_is_one_number():
    assert (61, 28, None) in keys("The group counted sixty-one (61) such stations in twenty-eight (28) countries.",
                                  "tally")
    assert (61, 28, None) in keys("The group counted 61 (sixty-one) such stations in 28 (twenty-eight) countries.",
                                  "tally")


def test_bullet_lines_are_not_joined_into_one_sentence():
    body = ("Main points of the update, which covers reports published over the whole of the year so far\n"
            "- Twenty-two (22) additional stations identified since our March report on overseas policing\n"
            "- Total now eighty (80) stations in thirty-five (35) countries across five continents worldwide\n")
    got = keys(body, "tally")
    assert (22, None, None) in got and (80, 35, None) in got


def test_a_table_row_gives_its_countrys_stations_and_response():
    body = ("COUNTRY | SITE(S) | BUREAU | HOST RESPONSE\n"
            "Portugal | Lisbon (1); Porto (1) | Qingtian | Interior ministry ordered both closed, Jan. 2023\n"
            "Greece | Athens (1) | - | Police are investigating the claims\n")
    assert {("PT", "Lisbon"), ("PT", "Porto"), ("GR", "Athens")} <= keys(body, "station")
    got = keys(body, "response")
    assert ("PT", "closure") in got and ("GR", "investigation") in got and ("GR", "closure") not in got


def test_digits_with_a_scale_word_and_dates_that_are_not_counts():
    got = [(d["quantity"], d["value"]) for d in facts(
        "Between May 2021 and June 2022 some 120 thousand people were \"persuaded to return\", officials said.", "figure")]
    assert ("persuaded_returns", 120000) in got and ("persuaded_returns", 2022) not in got


def test_of_which_n_are_new():
    got = {(d["stations"], d["additional"]) for d in facts(
        "The new dossier counts ninety (90) structures in forty (40) countries, of which thirty (30) are new.", "tally")}
    assert (30, True) in got and (90, False) in got


def test_put_the_number_of_stations_at():
    assert (61, 28, None) in keys("A report put the number of such stations around the world at 61 in 28 countries.",
                                  "tally")


def test_a_short_city_name_in_lower_case_is_a_word():
    body = ("Councillor Els van Dijk said the city works closely with the police on the two stations in Utrecht, "
            "which the national police are investigating.")
    assert not {c for c, _a in keys(body, "response")} - {"NL"}


def test_a_list_under_a_call_for_action_asks_and_does_not_act():
    body = ("The association calls on:\n"
            "- the Kenyan police to open a formal investigation into the two reported sites in Nairobi;\n"
            "- parliament to hold hearings on foreign interference.\n")
    assert ("KE", "investigation") not in keys(body, "response")


def test_they_were_arrested_in_a_story_about_one_country():
    body = ("Two men ran a station in Vienna for the Qingtian police, Austrian prosecutors say. The office in "
            "Vienna was searched in May. They were arrested in June.")
    assert ("AT", "arrest") in keys(body, "response")


def test_an_agency_name_typed_without_its_accents():
    body = ("We asked An Garda Siochana about the office on Parnell Street in Dublin this afternoon. A spokesperson "
            "said that inquiries are being conducted.")
    assert ("IE", "investigation") in keys(body, "response")


def test_a_town_a_few_kilometres_from_a_big_city_the_text_names_is_its_district():
    got = keys("The Paris site, in Montreuil, is said to be run by the Wenzhou police, like the other station in "
               "Paris.", "station")
    assert ("FR", "Paris") in got and ("FR", "Montreuil") not in got
    got = keys("The group lists a station in Prato and another in Florence.", "station")
    assert {("IT", "Prato"), ("IT", "Florence")} <= got


def test_closed_after_contact_from_the_ministry_is_the_hosts_closure():
    body = "Slovenia | Ljubljana (1) | - | Ceased operating after contact from the foreign ministry"
    assert ("SI", "closure") in keys(body, "response")


# --- rules taken from the en27 / en28 sets ---

def test_a_wire_paragraph_ending_in_its_agency_tag_is_text():
    doc = from_text("Round-up\n\nVIENNA - Austrian police have opened an inquiry into a reported station in Graz, "
                    "a spokesman said on Monday. (XNS)\n\nMore items follow below in this evening round-up of news.",
                    "t.txt")
    assert "Graz" in doc.text


def test_an_outlet_is_a_station_noun():
    assert ("SE", "Gothenburg") in keys("The group named two outlets in Gothenburg last year.", "station")


def test_a_closure_ordered_in_the_passive_or_as_a_noun():
    got = keys("Within a week, their closure is ordered by the Danish foreign ministry, which named the office in "
               "Copenhagen.", "response")
    assert ("DK", "closure") in got
    got = keys("In Oslo, the shutting of the office is ordered by the Norwegian justice ministry.", "response")
    assert ("NO", "closure") in got


def test_none_of_them_still_operating_means_closed_not_absent():
    got = keys("The minister said police had visited three sites - Leeds and Bradford in England, and Cardiff - "
               "and that none of them is still operating.", "station")
    assert {("GB", "Leeds"), ("GB", "Bradford"), ("GB", "Cardiff")} <= got


def test_a_sentence_that_introduces_a_list_of_cities():
    body = ("Spain hosts more stations than its neighbours, with nine. Among the Spanish cities concerned are "
            "Bilbao, Zaragoza and Valencia.")
    assert {("ES", "Bilbao"), ("ES", "Zaragoza"), ("ES", "Valencia")} <= keys(body, "station")
    body = ("The report names an office in Madrid. Police officers from the two countries walked the streets of "
            "Bilbao, Zaragoza and Valencia together in 2019.")
    assert ("ES", "Zaragoza") not in keys(body, "station")


def test_stations_in_a_region_then_its_countries():
    got = keys("Stations have also been identified in Central Asia, in Kazakhstan, Uzbekistan and Kyrgyzstan, "
               "among others.", "station")
    assert {("KZ", None), ("UZ", None), ("KG", None)} <= got


def test_the_total_now_stands_at_is_its_own_clause():
    got = keys("New report: 31 further stations identified, total now stands at 85 across 44 countries", "tally")
    assert (85, 44, None) in got and (31, 44, None) not in got


def test_a_group_with_offices_in_a_city_is_not_a_station_there():
    got = keys("Last month a rights organisation with offices in Geneva published a list of 60 such outposts "
               "in 25 countries.", "station")
    assert ("CH", "Geneva") not in got


def test_a_police_station_a_minister_inaugurated_is_the_hosts():
    body = ("In other news, Chile's interior minister inaugurated a new police station in the port of Valparaiso, "
            "paid for by a Chinese-Chilean business chamber.")
    assert ("CL", "Valparaiso") not in keys(body, "station")


def test_not_in_a_city_as_first_reported():
    got = keys("It was in Bologna, and not in Modena as some papers first wrote, that the office operated.",
               "station")
    assert ("IT", "Bologna") in got and ("IT", "Modena") not in got


def test_transit_and_scam_centres_are_not_ours():
    body = "The new tram station in Lyon opened on Monday, and police raided a scam-centre in Manila."
    assert not keys(body, "station")


def test_a_year_before_a_country_is_no_station_count():
    body = "Officials said two outlets operate in Sofia. In 2019 Bulgaria agreed to joint patrols with Chinese police."
    assert all(d["count"] != 2019 for d in facts(body, "station"))


def test_asking_the_ambassador_for_an_explanation_is_a_concern():
    got = keys("In Ljubljana, the Slovenian foreign ministry said it had asked the Chinese ambassador for an "
               "explanation of a listed address in the city.", "response")
    assert ("SI", "concern") in got


def test_checking_a_reported_site_is_an_investigation():
    assert ("HR", "investigation") in keys("Croatia's interior ministry says police are checking a reported site "
                                           "in Split.", "response")


def test_it_had_counted_takes_the_source_of_the_sentence_before():
    body = "Safeguard Defenders now counts 97 stations in 50 countries. In June it had counted 61."
    got = {(d["stations"], d["attributed_to"]) for d in facts(body, "tally")}
    assert (61, "Safeguard Defenders") in got


# --- rules taken from the en29 / en30 sets ---

def test_so_n_in_total_is_its_own_clause():
    got = keys("We've now found 27 more, so 75 in total, in 38 countries.", "tally")
    assert (75, 38, None) in got and (27, 38, None) not in got


def test_we_do_not_know_which_city():
    got = keys("The Lishui police even have one in Norway, though we don't know which city.", "station")
    assert ("NO", None) in got
    got = keys("Among them is a station in Sweden whose exact location we have not been able to establish.", "station")
    assert ("SE", None) in got


def test_countries_that_closed_theirs():
    got = keys("Yes - Belgium and Austria closed theirs after the reports of these stations.", "response")
    assert {("BE", "closure"), ("AT", "closure")} <= got


def test_not_to_say_that_a_country_closed_them():
    got = keys("What the minister was careful not to say is that Sweden closed them; the two stations in Stockholm "
               "simply went quiet.", "response")
    assert ("SE", "closure") not in got


def test_a_number_after_not_is_a_correction():
    got = keys("Its count is 88 stations, not 88 countries, spread over 41 countries.", "tally")
    assert (88, 41, None) in got and (88, 88, None) not in got


def test_a_year_in_brackets_after_a_month_is_no_figure():
    body = ("Officials claim 150,000 people were \"persuaded to return\". Sources: the group's report "
            "(\"Persuaded to return\", March 2023).")
    assert ("persuaded_returns", 2023) not in {(d["quantity"], d["value"]) for d in facts(body, "figure")}


def test_a_further_n_for_a_total():
    got = {(d["stations"], d["additional"]) for d in facts(
        "The group reported 40 stations in 20 countries in May, then a further 25, for a total of 65 in 31 "
        "countries, in August.", "tally")}
    assert (25, True) in got


def test_a_count_before_a_city_based_group_is_not_that_citys():
    got = keys("They belong to a network of 61 such offices worldwide counted by the Geneva-based group.", "tally")
    assert (61, None, None) in got


def test_an_interview_answer_after_a_question_pointing_back():
    body = ("HOST: Your group found sixty of these so-called service stations. Today it is ninety. What changed?\n"
            "GUEST: People sent us material. We kept digging through police announcements. And we found two more "
            "bureaus.\n"
            "HOST: Where are these new ones?\n"
            "GUEST: All over. Greece stands out, with seven. Poland has several, in Warsaw. The Lishui police even "
            "have one in Norway, though we don't know which city.")
    got = keys(body, "station")
    assert {("GR", None), ("PL", "Warsaw"), ("NO", None)} <= got
    assert [d["count"] for d in facts(body, "station") if d["country"] == "GR"] == [7]


# --- rules taken from the en31 / en32 sets ---

def test_a_hundred_and_two_is_one_number():
    assert (102, 53, None) in keys("By December they had counted a hundred and two of these stations in "
                                   "fifty-three countries.", "tally")


def test_one_of_n_that_a_named_group_identified():
    got = keys("The office was one of 61 that the human rights group Safeguard Defenders identified this spring in "
               "27 countries.", "tally")
    assert (61, 27, None) in got and (None, 27, None) not in got


def test_a_translated_count_with_its_correction():
    got = keys("In its second report it counted at least 77 denominated \"overseas police service stations\", "
               "but in 31 countries, not in 80.", "tally")
    assert any(k[0] == 77 for k in got) and (None, 80, None) not in got


def test_bulleted_country_heads():
    body = ("Where are they? Among the locations named:\n"
            "- Greece: four, including Athens and Thessaloniki.\n"
            "- Sweden: one in Stockholm.\n"
            "- Poland: Warsaw.\n")
    assert {("GR", "Athens"), ("GR", "Thessaloniki"), ("SE", "Stockholm"), ("PL", "Warsaw")} <= keys(body, "station")


def test_a_ministry_statement_in_translated_style():
    body = ("At this meeting the Slovak side expressed its serious concern and stated that the operation of any "
            "such centres in Bratislava without consent is unacceptable and must be terminated. The competent "
            "security bodies of Slovakia continue to examine the matter.")
    got = keys(body, "response")
    assert {("SK", "concern"), ("SK", "closure"), ("SK", "investigation")} <= got


def test_after_that_came_a_list_of_cities():
    body = ("Around 2018 Lyon got what looks to have been the pilot station, set up by the Wenzhou police. After "
            "that came Paris, Marseille, Toulouse and others.")
    assert {("FR", "Paris"), ("FR", "Marseille"), ("FR", "Toulouse")} <= keys(body, "station")


def test_a_fact_check_quoting_the_claim_it_checks():
    body = ("CLAIM: A post shared widely this week says \"China has opened a secret police station in Split\". "
            "VERDICT: False. The photo shows a motorway service station near Zadar.")
    got = keys(body, "station")
    assert ("HR", "Split") not in got and ("HR", "Zadar") not in got


def test_a_transcript_label_names_the_speaker():
    body = ("HOST: Our guest is Marta Kowalczyk of the rights group Safeguard Defenders.\n"
            "KOWALCZYK: These stations are used to threaten and pressure people into going home.")
    got = {(d["speaker"], d["stance"]) for d in facts(body, "statement")}
    assert ("Marta Kowalczyk", "allegation") in got


def test_a_role_before_the_comma_makes_a_spokesman_speak_for_beijing():
    body = ("Here is what the foreign ministry spokesman, Zhao Lijian, said in Beijing: the stations are only "
            "service centres run by volunteers.")
    got = {(d["speaker"], d["stance"]) for d in facts(body, "statement")}
    assert ("Zhao Lijian", "denial") in got


# --- rules taken from the en33 / en34 sets ---

def test_the_total_is_now_n():
    got = keys("It says it has found 20 additional stations, so the total is now 71, spread over 35 countries.",
               "tally")
    assert (71, 35, None) in got


def test_a_list_the_speaker_names_despite_a_community_in_the_middle():
    body = ("HOST: Your guest counts the stations in Spain. Where are they?\n"
            "GUEST: They name Madrid, Bilbao, Zaragoza, which has a large Chinese community working in shops, "
            "and Valencia.")
    assert {("ES", "Madrid"), ("ES", "Bilbao"), ("ES", "Zaragoza"), ("ES", "Valencia")} <= keys(body, "station")
    body = "Lyon, Lille and Nantes all host big Chinese-origin populations too."
    assert not keys(body, "station")


def test_places_a_fact_check_finds_unsupported():
    body = ("FACT CHECK: claims of more stations in the US. Posts naming Denver, Seattle and Atlanta cite no source. "
            "The group lists one station, in New York.")
    got = keys(body, "station")
    assert not {("US", "Denver"), ("US", "Seattle"), ("US", "Atlanta")} & got


def test_raising_the_matter_with_the_embassy_is_a_concern():
    got = keys("Police service stations run from Fuzhou were reported in Vienna. The Austrian foreign ministry "
               "said it had raised the matter with the Chinese embassy.", "response")
    assert ("AT", "concern") in got


def test_taking_it_up_with_the_embassy_and_a_closure():
    got = keys("When the Slovak interior ministry heard of a police service station in Bratislava, it took the "
               "issue up with the Chinese embassy, and the office closed a month later.", "response")
    assert {("SK", "concern"), ("SK", "closure")} <= got


def test_a_host_body_saying_it_will_not_accept_it_is_a_concern():
    got = keys("A Chinese police station was reported in Lima. Peru's interior ministry stated that any foreign "
               "police activity on Peruvian soil would be unacceptable.", "response")
    assert ("PE", "concern") in got
    # China's own embassy saying so is a statement, not a host response
    got = keys("A Chinese police station was reported in Lima. The Chinese embassy said the accusations were "
               "unacceptable and groundless.", "response")
    assert not {k for k in got if k[1] == "concern"}


def test_conveying_it_to_the_chinese_side_is_a_concern():
    got = keys("A Chinese police station was reported in Oslo. The Norwegian government said it had conveyed "
               "that to the Chinese side: any such activity infringing Norwegian sovereignty is unacceptable.",
               "response")
    assert ("NO", "concern") in got


def test_a_destination_after_to_is_no_station_location():
    got = keys("A Chinese police service station was found in Sofia, near the highway to Plovdiv.", "station")
    assert ("BG", "Sofia") in got and ("BG", "Plovdiv") not in got
    # but "the Plovdiv station" after "to" still places one there
    got = keys("Several men were linked to the Plovdiv station, which police from Qingtian run.", "station")
    assert ("BG", "Plovdiv") in got


def test_police_visiting_the_sites_is_an_investigation():
    got = keys("Two Chinese police stations were named in Lisbon and Porto. The Portuguese interior minister told "
               "parliament that officers had visited both addresses.", "response")
    assert ("PT", "investigation") in got


def test_checks_carried_out_in_the_passive():
    got = keys("A Chinese police station was reported in Athens. The Greek citizen protection minister said checks "
               "were being carried out at the address.", "response")
    assert ("GR", "investigation") in got


def test_a_pronoun_after_a_semicolon_keeps_the_actor():
    got = keys("The Danish justice minister says the two stations in Copenhagen have been ordered to close; his "
               "ministry says it will investigate who ran them.", "response")
    assert {("DK", "closure"), ("DK", "investigation")} <= got


def test_ways_a_host_government_states_its_concern():
    lead = "A Chinese police station was reported in Riga. "
    for said in ("The Latvian foreign ministry said the Chinese ambassador had been called in.",
                 "The Latvian foreign ministry said it had called in an official of the Chinese embassy.",
                 "The Latvian foreign ministry said it had made its position clear to the Chinese embassy.",
                 "The Latvian foreign minister said his ministry had protested the station's presence to the Chinese side.",
                 "The Latvian foreign ministry said it had asked the Chinese embassy in Riga for an explanation.",
                 "The Latvian government said it will not tolerate any such activity on its soil.",
                 "The Latvian foreign ministry said officials had raised our concerns with the embassy.",
                 "The Latvian interior minister said the reports were deeply concerning.",
                 "The Latvian interior ministry said it had noted the report with concern."):
        assert ("LV", "concern") in keys(lead + said, "response"), said


def test_an_ngo_noting_with_concern_is_no_host_response():
    got = keys("A Chinese police station was reported in Nairobi. The coalition notes with concern that the "
               "Kenyan police have opened no investigation.", "response")
    assert ("KE", "concern") not in got


def test_any_country_s_demonym_names_the_actor():
    # demonyms come from countryinfo for every country, not only from our hand list
    got = keys("A Chinese police station was reported in Vilnius. The Lithuanian government said such "
               "activity will not be tolerated.", "response")
    assert ("LT", "concern") in got


def test_where_a_defendant_lives_is_no_station():
    got = keys("A Chinese police station operated in Boston, prosecutors said. Wu Ming, 58, of Worcester, "
               "was charged with running it.", "station")
    assert ("US", "Boston") in got and ("US", "Worcester") not in got
