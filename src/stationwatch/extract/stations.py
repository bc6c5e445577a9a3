"""Stage: station facts — where the text says an overseas station is, was, or is suspected."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .. import _regex
from ..document import Document, Fact, Mention
from ..resolve import enclosing_city, gazetteer
from .common import (
    LIST_BACK,
    by_sentence,
    each_sentence,
    find,
    has,
    is_year,
    lex,
    may_match,
    on_topic,
    sentence_clauses,
)
from .mentions import is_host

NAME = "stations/1"
# (the cues a language words differently are in its pack: station_cues, read as `cue[...]` below)
_ADDRESS = _regex.compile(
    r"(?=[oai][nt]\s)\b(?:on|at|in)\s+((?:\d+[\w-]*\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|"
    r"Boulevard|Blvd\.|Lane|Square|Broadway|Place|Way|Quay|Drive))(?!\w)")
_NOT_LOCATION_AFTER = _regex.compile(r"^(?:-based|[’']s? (?:\w+ )?(?:diaspora|community|population|government|"
                                 r"police|authorities|prime minister|embassy|consulate)|\s+(?:Times|Post|Star|"
                                 r"Herald|Journal|Sun|Tribune|Globe|University|Airport|Police|Public Security))",
                                 re.IGNORECASE)
# "funded by the City of Vancouver", "the Government of Ireland": the body, not the place
_GOVERNMENT_OF = _regex.compile(r"\b(?:City|Town|Municipality|Government|Mayor|Parliament|Council|State) of\s+$")
# a city that acts is its government (in any position; a capital opening a sentence is handled above)
_GOVERNMENT_ACTS = _regex.compile(r"(?:(?:,| and) [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)*\s+(?:has |have |had )?(?:not |yet to |also )?"
                              r"(?:asked|ask|asks|told|tells|summoned|summons|demanded|demands|protested|protests|"
                              r"urged|urges|warned|warns|start|starts|started|begin|begins|began|launched|launches|"
                              r"ordered|orders|insisted|insists|requested|requests|responded|responds|reacted|"
                              r"said|say|says|announced|confirmed|denied|declined|refused|commented)\b")
_DISTRICT_AFTER = _regex.compile(r"\s+(?:district|neighbou?rhood|quarter|borough)\b", re.IGNORECASE)
_DISTRICT_BEFORE = _regex.compile(r"\b(?:district|neighbou?rhood|quarter|borough) of\s+$", re.IGNORECASE)
_CITY_POSSESSIVE = _regex.compile(r"\b[A-Z][\w-]+[’']s\s+$")  # "Madrid's Usera"
_LABEL = _regex.compile(r"(?:[A-Z][\w ]{0,20}:\s*)?")  # "Opinion: Ottawa has known …"
_MODIFIER_OF = _regex.compile(r"^\s+(?:residents?|citizens?|nationals?|man|men|woman|women|people|court|courts|police|"
                          r"officials?|authorities|government|prosecutors?|media|newspaper|times|post)\b", re.IGNORECASE)
_ADDRESS_WORDS = ("Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.", "Lane", "Square",
                  "Broadway", "Place", "Way", "Quay", "Drive")
# "Ottawa presses …", "Ottawa has launched …" (a government acting), not "Madrid has three of them"
_METONYM_VERB = _regex.compile(r"\s+(?:(?:has|have|had|is|was)\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|un|wn)|told|said|sent|made|kept)\b|"
                           r"(?:cannot|can't|must|should|will|won't|would|wants?|needs?|refuses?)\s+\w+|"
                           r"(?!(?:has|is|was|hosts|houses)\b)[a-z]+(?:s|ed)\b)")


_DATELINE = _regex.compile(r"^(?:\d+[.)]\s*|[-•*]\s*|\d{1,2}:\d{2}\s*)?$")
_HOME_OF_DIASPORA = _regex.compile(r"^(?:[’']s|\s+(?:has|had|is home to|hosts))\s+(?:an?\s+)?(?:\w+\s+){0,3}?"
                               r"(?:communit(?:y|ies)|diaspora|population|residents)\b", re.IGNORECASE)
_PATROL = _regex.compile(r"\bpatrol(?:s|led|ling)?\b", re.IGNORECASE)
# "Canada's financial hub", "Brazil's largest city": a city of the country is meant, not the country
_COUNTRY_OF_CITY = _regex.compile(r"[’']s\s+(?:[\w-]+\s+){0,3}?(?:hub|city|capital|metropolis|port|suburbs?|districts?|"
                              r"region|province|state)\b", re.IGNORECASE)
_IN_LIST = _regex.compile(r"(?:,|\band|\bor)\s+$")  # the place follows others in a list
_COUNTRY_INVESTIGATES = _regex.compile(
    r"(?:(?:,| and) (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)*(?:\s+(?:have|has|had))?(?:\s+(?:all|also|both))?"
    r"\s+(?:said|say|says|announced|confirmed|are|were|is|was|began|begun|started)\s+(?:\w+\s+){0,3}?"
    r"(?:review\w*|investigat\w*|look\w* into|examin\w*|check\w*|assess\w*|monitor\w*|inquir\w*|prob\w+)")
_IN_CAPITAL = _regex.compile(r"(?:[A-Z][\w ]{0,20}(?::|\s[—–-])\s*|\d{1,2}\s+\w+\s+\d{4}\s*[—–-]\s*)?In\s+")
_BODY_AFTER = _regex.compile(r",\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:minister|ministry|government|parliament|house|senate|"
                         r"congress|chancellor|president|cabinet|court|prosecutors?|lawmakers|MPs)\b", re.IGNORECASE)
_BACK_TO_CITY = _regex.compile(r"\b(?:in|across) the (?:city|capital)\b|\bthere\b", re.IGNORECASE)
_ALL_IN = _regex.compile(r"\b(?:all|both)(?: of them| three| two| four)? in\b", re.IGNORECASE)  # "three, all in Johannesburg"
# (an appositive may stand between: "Italy, home to a large community, hosts eleven of them")
_WITH_N = _regex.compile(r"(?:\s+[a-z]+){1,3},?\s+with\s+")
_VERB_PHRASE = _regex.compile(r"^(?:,[^,;.]{1,80},)?\s+(?:(?!among\b|of\b)[a-z]+\s+){1,5}(?:at least\s+)?$")
_AGE = _regex.compile(r"[A-Za-z)\"”]\s*,\s*$")


def _count_before(doc: Document, ms: list[Mention], place: Mention, lo: int) -> int | None:
    """A number just before the place: "two in London", "three Toronto stations"."""
    text = doc.text
    cue = lex(doc).station
    best = None
    for m in ms:
        if m.kind != "number" or m.end > place.start or m.start < lo:
            continue
        if is_year(m):
            continue  # "In 2019 Hungary …": a year
        if _AGE.search(text[max(lo, m.start - 3):m.start]) and text[m.end:m.end + 1] == ",":
            continue  # "Chen Jinping, 59, of Manhattan": an age
        if cue["filler"].match(text[m.end:place.start]):
            best = m.value
    if best is not None:
        return best
    for m in ms:
        if m.kind == "number" and m.start > place.end and cue["count_after"].match(text[place.end:m.start]) \
                and re.match(r"\s*(?:of (?:them|these|those|the \w+)\s*)?(?:[;.,]|$|in all|each)", text[m.end:m.end + 24]):
            return m.value
    after = text[place.end:place.end + 60]
    for m in ms:
        # "Italy stands out, with eleven."
        if m.kind == "number" and place.end < m.start <= place.end + 40 and _WITH_N.fullmatch(text, place.end, m.start) \
                and re.match(r"\s*[.;]", text[m.end:m.end + 2]):
            return m.value
    for m in ms:
        # "The Netherlands orders two stations … closed", "Italy tops the list with 11 stations"
        if m.kind == "number" and place.end < m.start <= place.end + 130 \
                and _VERB_PHRASE.match(text[place.end:m.start]) and cue["noun_after"].match(text[m.end:m.end + 40]):
            return m.value
    m2 = re.match(r"^[’']s?\s+(\w+(?:-\w+)?)\s+(?:\w+\s+){0,3}?(?:stations?|centres?|centers?|sites?|offices?)", after)
    if m2:
        nums = [m for m in ms if m.kind == "number" and m.start == place.end + m2.start(1)]
        if nums:
            return nums[0].value
    return None


# "Ireland: …" (a country-by-country list) or "Ireland | …" (a table row)
_ITEM_MARK = re.compile(f"(?:{_regex.LIST_ITEM}\\s*)?")
_HEAD_MARK = re.compile(r":|\s*\|")


def _list_heads(doc: Document, by_sent: dict[int, list[Mention]]) -> set[int]:
    """The paragraphs that open with "<Country>:" (a country-by-country list) or "<Country> |" (a table row)."""
    firsts: dict[int, int] = {}
    for i, s in enumerate(doc.sentences):
        firsts.setdefault(s.paragraph, i)
    return {p for p, i in firsts.items() if _opens_with_country(doc, i, by_sent)}


def _opens_with_country(doc: Document, first: int, by_sent: dict[int, list[Mention]]) -> bool:
    ms = by_sent.get(first, [])
    s = doc.sentences[first]
    # (a list item may carry its bullet: "- Spain: nine, …")
    return bool(ms) and ms[0].kind == "place" and ms[0].value.kind == "country" \
        and _ITEM_MARK.fullmatch(doc.text, s.start, ms[0].start) is not None \
        and _HEAD_MARK.match(doc.text, ms[0].end) is not None


def _place_list(doc: Document, ms: list[Mention], start: int, introduced: bool = False) -> bool:
    """Does the sentence hold a list of three or more places ("Milan, Rome, Prato, Florence…"; "Among the
    cities concerned are Milan, Rome and Prato")?"""
    cue = lex(doc).station
    places = [m for m in ms if m.kind == "place"]
    run = 1
    for i, (a, b) in enumerate(itertools.pairwise(places)):
        run = run + 1 if cue["list_join"].fullmatch(doc.text, a.end, b.start) else 1
        if run >= 3:
            first = places[i + 2 - run]
            # the list opens the sentence, or the sentence introduces it ("Among the cities concerned are …")
            opens = first.start - start <= 3 and not introduced
            return opens or cue["introduces"].search(doc.text, start, first.start) is not None
    return False


def _bigger_city_named(doc: Document, city) -> bool:
    """Does the text name a bigger city of the same country (the one a district belongs to)?"""
    return any(m.kind == "place" and m.value.kind == "city" and m.value.country == city.country
               and m.value.population > city.population for m in doc.mentions)


def _context_country(doc: Document, by_sent: dict[int, list[Mention]], si: int, before: int) -> str | None:
    for k in range(si, max(si - 3, -1), -1):
        for m in reversed(by_sent.get(k, [])):
            if m.kind == "place" and (k < si or m.start < before) and is_host(m.value):
                return m.value.country
    return None


def extract_stations(doc: Document) -> Document:
    if not on_topic(doc):
        return doc
    L = lex(doc)
    cue = L.station
    text = doc.text
    by_sent = by_sentence(doc)
    found: dict[tuple, Fact] = {}
    prev_station = False
    context = 0  # sentences left in which stations are still the subject (an interview's answers)
    list_heads = _list_heads(doc, by_sent)
    named_cities = list({m.value.name: m.value for m in doc.mentions
                         if m.kind == "place" and m.value.kind == "city"}.values())
    last_noun = -100
    factcheck = _FACTCHECK.search(text, 0, 1500) is not None  # (a fact-check says so near its top)
    for si, sent, stext, ms in each_sentence(doc):
        has_noun = has(doc, si, "station_noun", L.station_noun, stext)
        if has_noun:
            last_noun = si
        question = stext.rstrip().endswith("?")
        # a question keeps the stations as the subject of its answer while they were named a few
        # sentences back, or when it points back at them ("Where are these new ones?")
        context = 4 if has_noun else (max(context, 5) if question and (context > 0 or (
            si - last_noun <= 8 and cue["points_back"].search(stext))) else context - 1)
        if context > 0 and not prev_station:
            prev_station = True  # "Q: Where are they? A: … in Rome, Milan, Florence and Prato."
        places = [m for m in ms if m.kind == "place" and is_host(m.value)]
        # a "Country: …" paragraph of a country-by-country list
        para_head = sent.paragraph in list_heads
        is_station_sentence = has_noun or para_head or (places and cue["listing"].search(stext)) or (prev_station and (cue["anaphor"].match(stext) or any(
            _count_before(doc, ms, p, sent.start) is not None for p in places) or cue["located"].search(stext)
            or cue["others_in"].search(stext) or _place_list(doc, ms, sent.start)))
        prev_station = has_noun or (is_station_sentence and bool(places))
        if not is_station_sentence:
            continue
        if _HOME_OPENED.search(stext) and not _CHINESE_STATE.search(stext):
            continue  # "the municipality and the national police opened a new police post": the host's own
        maybe_unplaced = may_match(doc, si, "unplaced")
        if not places and not maybe_unplaced:
            continue  # no place and no "unknown location": nothing a clause could add
        unplaced_done = False
        for c_start, c_end in sentence_clauses(doc, si):
            cms = [m for m in ms if c_start <= m.start < c_end]
            cplaces = [m for m in cms if m.kind == "place" and is_host(m.value)]
            if not cplaces and not maybe_unplaced:
                continue
            ctext = text[c_start:c_end]
            status = "closed" if find(doc, si, "closure", L.closure, ctext) else (
                "suspected" if find(doc, si, "speculation", L.speculation, ctext) else "reported")
            bureaus = [m for m in cms if m.kind == "bureau"]
            operator = bureaus[0].value if bureaus and (L.operator_cue.search(ctext) or len(bureaus) == 1) else None
            addr = _ADDRESS.search(ctext) if cplaces and any(w in ctext for w in _ADDRESS_WORDS) else None
            address = re.sub(r"^\S+[’']s\s+", "", addr.group(1).strip()) if addr else None
            emitted = False
            # ("whose location was not disclosed" denies an address, not the station)
            negated = bool(cplaces) and cue["negated"].search(ctext) is not None and (
                not may_match(doc, si, "unplaced") or cue["negated"].search(L.unplaced.sub(" ", ctext)) is not None)
            # a clause about where people live, not about a station in it
            # (but in a list of the stations' cities, "Prato, which has a large Chinese community, …" is one of them)
            diaspora = bool(cplaces) and cue["diaspora"].search(ctext) is not None \
                and find(doc, si, "station_noun", L.station_noun, ctext) is None \
                and not (prev_station and _place_list(doc, ms, sent.start, introduced=True))
            for p in cplaces:
                after = text[p.end:p.end + 40]
                if (_NOT_LOCATION_AFTER.match(after) or _MODIFIER_OF.match(after)
                        or (L.link_end.search(text, max(c_start, p.start - 12), p.start)
                            and L.not_location_before.search(text[max(c_start, p.start - 30):p.start]))
                        or (_IN_LIST.search(text, max(c_start, p.start - 6), p.start) and L.not_location_before.search(
                            LIST_BACK.sub("", text[max(c_start, p.start - 60):p.start])))
                        or _GOVERNMENT_OF.search(text[max(c_start, p.start - 20):p.start])):
                    continue
                if diaspora:
                    continue
                if p.value.kind in ("country", "region") and _COUNTRY_OF_CITY.match(after):
                    continue
                if p.value.kind == "country" and _COUNTRY_INVESTIGATES.match(text, p.end):
                    continue  # "Portugal, Germany and Sweden have said they are reviewing …": responses only
                if _HOME_OF_DIASPORA.match(after):
                    continue  # "Calgary has a sizeable community …": where people live
                if address and address == p.text:
                    continue
                if _LABEL.fullmatch(text, sent.start, p.start) and gazetteer().is_capital(p.value) \
                        and _METONYM_VERB.match(after) \
                        and not L.station_noun.match(after.strip()):
                    continue  # "Ottawa presses Beijing …": the government, not a location
                if p.value.kind == "city" and p.value.population < 200_000 and (
                        _DISTRICT_AFTER.match(text, p.end) or _DISTRICT_BEFORE.search(text, max(c_start, p.start - 30), p.start)
                        or _CITY_POSSESSIVE.search(text, max(c_start, p.start - 30), p.start)) \
                        and _bigger_city_named(doc, p.value):
                    continue  # "the Usera district", "the district of Usera": a part of a city the text names
                if p.value.kind == "city" and gazetteer().is_capital(p.value) \
                        and _IN_CAPITAL.fullmatch(text, sent.start, p.start) and _BODY_AFTER.match(text, p.end) \
                        and not _BACK_TO_CITY.search(stext) \
                        and (not _ONE_STATION.search(stext)
                             or any(o is not p and o.value.kind in ("city", "part") for o in places)):
                    continue  # "In Berlin, the interior minister says …": where the government sits (unless
                    # the sentence puts the stations there too: "… two centres in the city")
                if p.value.kind == "city" and _GOVERNMENT_ACTS.match(text, p.end):
                    continue  # "… as Berlin and Vienna start checks", "The Hague had asked Beijing"
                if _DATELINE.match(text[sent.start:p.start]) and cue["dateline_after"].match(after):
                    continue  # "OTTAWA — …", "The Hague, Nov 1 (Wire) -": where the story was filed
                if factcheck and ((_CLAIM_VERB.search(stext) and (_inside_quotes(text, sent.start, p.start)
                                                                   or _DEBUNK.search(stext)))
                                  or stext.rstrip().endswith("?")):
                    continue  # a fact-check quoting the claim it checks: 'a post says "… a police station in Cork"'
                if _RESIDENT_OF.search(text, max(c_start, p.start - 14), p.start):
                    continue  # "Lu Jianwang, 62, of the Bronx": where a person lives
                if cue["to_place"].search(text, max(c_start, p.start - 12), p.start) and not cue["noun_after"].match(after):
                    continue  # "a railway line to Belgrade", "sent back to Wenzhou": a destination, not a location
                if cue["not_in"].search(text, max(c_start, p.start - 12), p.start):
                    continue  # "not in Florence, as some newspapers wrote, but in Prato"
                if _PATROL.search(text[max(c_start, p.start - 70):p.start]):
                    continue  # joint patrols in Rome and Milan are not stations there
                if negated:
                    continue  # "has not identified any station in Berlin"
                nxt = re.match(r" ([A-Z][a-z]+)", after)
                prv = re.search(r"\b([A-Z][a-z]+) $", text[max(sent.start, p.start - 20):p.start])
                if (nxt and p.value.kind in ("city", "part") and not L.nouns_capitalised) or (
                        prv and prv.group(1) not in L.lead_words and p.value.kind == "city"):
                    continue  # a name, not a place: "Marco Mendicino", "Alicia Kearns", "Washington Post"
                place = p.value
                if place.kind == "city" and (big := enclosing_city(place, named_cities)) is not None:
                    place = replace(place, kind="part", metro=big.name)  # a district of a city the text names
                count = _count_before(doc, cms, p, c_start)
                # a district (Markham, Akihabara) is reported under its city, and kept as `district`
                # "stations in Italy, Croatia and Serbia": the text places stations in the country itself
                lead = LIST_BACK.sub("", text[max(c_start, p.start - 120):p.start])
                direct = place.kind == "country" and bool(cue["stations_in"].search(lead) or cue["vague_count_in"].search(lead))
                data = {"country": place.country, "city": place.city,
                        "district": place.name if place.kind == "part" else None,
                        "count": count, "operator": operator, "address": address, "status": status,
                        "_explicit": False, "_direct": direct, "_metro": place.city,
                        "_all_placed": bool(_ALL_IN.search(stext))}
                _merge(found, data, (sent.start, sent.end))
                emitted = emitted or place.kind != "country"  # a country alone may still be the unplaced one's
            unplaced = find(doc, si, "unplaced", L.unplaced, ctext) if maybe_unplaced else None
            if unplaced is not None and emitted and (named := _country_right_after(cplaces, c_start + unplaced.end())):
                # "a station exists somewhere in South Korea" beside a district named for another one
                _unplaced(doc, found, by_sent, si, c_start, ctext, [named] + cms, operator, status)
            elif not emitted and unplaced is not None:
                # "… while the other is in an unknown location and is operated out of Nantong"
                unplaced_done = True
                _unplaced(doc, found, by_sent, si, c_start, ctext, cms, operator, status)
        if not unplaced_done and has(doc, si, "unplaced", L.unplaced, stext) and not any(
                m.value.kind in ("city", "part") for m in places):
            # the marker and the country or bureau sit in different clauses of the sentence
            bureaus = [m for m in ms if m.kind == "bureau"]
            status = "closed" if find(doc, si, "closure", L.closure, stext) else (
                "suspected" if find(doc, si, "speculation", L.speculation, stext) else "reported")
            _unplaced(doc, found, by_sent, si, sent.start, stext, [m for m in ms if m.kind == "place"],
                      bureaus[0].value if len(bureaus) == 1 else None, status)
    facts = _finish(found)
    return replace(doc, facts=doc.facts + facts)


# "a Chinese service office": one station, there where the sentence is ("In Prague, the ministry demanded
# that a Chinese service office be shut")
_ONE_STATION = _regex.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:station|office|centre|center|outpost|post|site)\b",
                              re.IGNORECASE)
_HOME_OPENED = _regex.compile(
    r"\b(?:[Mm]unicipality|[Cc]ity [Cc]ouncil|[Cc]ouncil|[Mm]ayor|[Nn]ational [Pp]olice|[Pp]olice [Ff]orce|[Pp]olice [Dd]epartment|"
    r"[Mm]inistry of (?:the )?[Ii]nterior|(?:[Ii]nterior |[Ss]ecurity )?[Mm]inister|[Gg]overnor)\b[^.;]{0,120}\b(?:opened|opens|inaugurated|inaugurates|launched|launches|unveiled)\s+"
    r"(?:a|an|its|their)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}(?:post|station|office|desk|centre|center|kiosk)s?\b")
_CHINESE_STATE = _regex.compile(r"\b(?:China|Chinese(?!-)|Beijing|PRC|[Pp]ublic [Ss]ecurity)\b")
_RESIDENT_OF = _regex.compile(r"(?<=\d),\s+of\s+(?:the\s+)?$")
_FACTCHECK = _regex.compile(r"\bfact[- ]?check|\bverdict\b|\bclaim:|\brating:", re.IGNORECASE)
_DEBUNK = _regex.compile(r"\b(?:no (?:source|evidence)|cite no|unsupported|unfounded|false|fabricated|misleading|"
                         r"not true|no basis)\b", re.IGNORECASE)
_CLAIM_VERB = _regex.compile(r"\b(?:claim(?:s|ed|ing)?|viral|posts?|posted|shared|says that|said that|naming)\b",
                             re.IGNORECASE)


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a double-quoted stretch that opens in the same sentence?"""
    before = text[start:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")




def _country_right_after(places: list[Mention], pos: int) -> Mention | None:
    """The country named right after an "unknown location" phrase ("somewhere in South Korea")."""
    return next((m for m in places if m.value.kind == "country" and 0 <= m.start - pos <= 5), None)


def _unplaced(doc: Document, found: dict, by_sent: dict, si: int, start: int, span_text: str,
              ms: list[Mention], operator: str | None, status: str) -> None:
    """A station whose place the text says is unknown: its country from the text or context."""
    sent = doc.sentences[si]
    cue = lex(doc).station
    named = [m for m in ms if m.kind == "place" and m.value.kind in ("country", "region")
             and is_host(m.value) and not doc.text.startswith("-based", m.end)]
    # "it names Nigeria, Tanzania and Lesotho as host countries, without giving the cities": each of them
    listed = named[:1]
    for m in named[1:]:
        if cue["list_join"].fullmatch(doc.text, listed[-1].end, m.start):
            listed.append(m)
    if len(listed) > 1:
        for m in listed:
            _unplaced(doc, found, by_sent, si, start, span_text, [m], operator, status)
        return
    country = listed[0].value.country if listed else _context_country(doc, by_sent, si, start)
    count = next((m.value for m in ms if m.kind == "number"), None) or (
        1 if re.search(r"\b(?:the other|another|one)\b", span_text, re.I) else None)
    data = {"country": country, "city": None, "district": None, "count": count, "operator": operator,
            "address": None, "status": status, "_explicit": True, "_metro": None}
    _merge(found, data, (sent.start, sent.end))


def _merge(found: dict[tuple, Fact], data: dict, span: tuple[int, int]) -> None:
    key = (data["country"], data["city"], data.get("district"),
           data["operator"] if data["city"] is None else None)
    old = found.get(key)
    if old is None:
        found[key] = Fact("station", data, [span], 0.7, NAME)
        return
    d = old.data
    if span not in old.evidence:
        old.evidence.append(span)
    if data["count"] is not None and (d["count"] is None or data["count"] > d["count"]):
        d["count"] = data["count"]
    for f in ("operator", "address"):
        d[f] = d[f] or data[f]
    rank = {"closed": 2, "reported": 1, "suspected": 0}
    if rank[data["status"]] > rank[d["status"]]:
        d["status"] = data["status"]
    d["_explicit"] = d["_explicit"] or data["_explicit"]
    d["_direct"] = d.get("_direct", False) or data.get("_direct", False)
    d["_all_placed"] = d.get("_all_placed", False) or data.get("_all_placed", False)
    old.confidence = min(0.95, old.confidence + 0.1)


def _finish(found: dict[tuple, Fact]) -> list[Fact]:
    placed: dict[str, int] = {}  # country -> stations placed in its cities (a city without a count is one)
    for f in found.values():
        if f.data["city"] and f.data["status"] != "suspected":
            placed[f.data["country"]] = placed.get(f.data["country"], 0) + (f.data["count"] or 1)
    out = []
    for f in found.values():
        d = f.data
        # a country's own figure stays beside its cities only when it counts more than they hold
        # ("Italy has eleven", five of them named); otherwise the cities say it all
        if d["city"] is None and not d["_explicit"] and (d["country"] is None or (
                d["country"] in placed and ((d["count"] or 0) <= placed[d["country"]] or d.get("_all_placed")))):
            continue
        if d["city"] is None and d["country"] is None:
            continue
        if d["city"] is None and not d["_explicit"] and d["count"] is None and d["status"] != "closed" \
                and not d.get("_direct"):
            continue  # "offices in Italy" without a number is too vague to be a station row (but a closure
            # order on a country's offices does assert that they exist)
        out.append(f)
    return out
