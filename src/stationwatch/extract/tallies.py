"""Stage: tally facts — headline counts of stations (and the countries and cities they span)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .. import _regex
from ..document import Document, Fact, Mention
from ..resolve import gazetteer
from .common import by_sentence, each_sentence, has, lex, on_topic, sentence_clauses

NAME = "tallies/1"
_REPORT_NAME = _regex.compile(r"['\"“”‘’]?\s+Overseas\b")  # "110 Overseas", the first report's title
_YEAR = _regex.compile(r"\b(19[89]\d|20[0-4]\d)\b")


def _qualifier(L, text: str, start: int) -> str:
    before = text[max(0, start - 20):start].lower()
    for name, rx in L.qualifiers:
        hits = list(rx.finditer(before))
        if hits and before[hits[-1].end():].strip() == "":
            return name
    return "exact"


def _reference_year(doc: Document) -> int | None:
    if doc.published and doc.published[:4].isdigit():
        return int(doc.published[:4])
    years = [int(y) for y in _YEAR.findall(doc.text)]
    return max(years) if years else None


def _as_of(L, text: str, ref_year, published: str | None = None) -> str | None:
    """The first month named in ``text`` (with its year, or the document's: ``ref_year()``), never after
    publication."""
    rx = _month_rx(L.months)
    for m in rx.finditer(text):
        word = m.group(1)
        if word.lower() == "may" and not (word[0].isupper() and m.group(2)):
            continue  # the verb "may", unless "May 2023"
        year = int(m.group(2)) if m.group(2) else ref_year()
        if not year:
            continue
        value = f"{year:04d}-{L.months.index(word.lower()) + 1:02d}"
        if published and value > published[:7]:
            value = f"{year - 1:04d}-{value[5:]}" if not m.group(2) else value
        return value
    m = re.search(r"\b(?:as of|in|by|since)\s+(19[89]\d|20[0-4]\d)\b", text, re.IGNORECASE)
    return m.group(1) if m else None


@cache
def _dated_report_rx(months: tuple[str, ...]) -> re.Pattern:
    """'a report in September', 'its December 2022 report'."""
    if not months:
        return _regex.compile(r"(?!x)x")
    m = "(?:" + "|".join(months) + ")"
    return _regex.compile(rf"\b(?:report|paper|study)\b[^.]{{0,25}}?\b(?:in|on|of)\s+{m}(?:\s+\d{{4}})?|"
                      rf"\b{m}(?:\s+\d{{4}})?\s+(?:report|paper|study)\b", re.IGNORECASE)


@cache
def _month_rx(months: tuple[str, ...]) -> re.Pattern:
    if not months:
        return _regex.compile(r"(?!x)x()()")
    return _regex.compile(r"\b(" + "|".join(months) + r")\b(?:\s+(?:of\s+)?(\d{4}))?", re.IGNORECASE)


def _attribution(doc: Document, cue: dict, ms: list[Mention], prev: list[Mention], clause_text: str) -> str | None:
    for m in ms:
        if m.kind == "source":
            return m.value
    for m in ms:
        if m.kind == "bureau" and cue["bureau_police_after"].match(doc.text[m.end:m.end + 20]):
            return f"{m.value} police"
    if cue["attribution"].search(clause_text):
        for m in prev:
            if m.kind == "source":
                return m.value
        sources = [m.value for m in doc.mentions if m.kind == "source"]
        if sources:
            return max(set(sources), key=sources.count)
    return None


def extract_tallies(doc: Document) -> Document:
    if not on_topic(doc):
        return doc
    L = lex(doc)
    text = doc.text
    by_sent = by_sentence(doc)
    ref_year = cache(lambda: _reference_year(doc))  # only a month without a year needs it
    found: dict[tuple, Fact] = {}
    dated: list[str] = []
    growth_facts: list[Fact] = []
    cjk = L.script == "cjk"
    cue = L.tally
    for si, sent, stext, ms in each_sentence(doc):
        if not any(m.kind == "number" for m in ms):
            continue
        if not has(doc, si, "station_noun", L.station_noun, stext) and \
                not has(doc, si, "tally_noun", L.tally_noun, stext) and not cue["in_sentence"].search(stext):
            continue
        prev = by_sent.get(si - 1, [])
        for c_start, c_end in sentence_clauses(doc, si):
            cms = [m for m in ms if c_start <= m.start < c_end]
            nums = [m for m in cms if m.kind == "number" and not _YEAR.fullmatch(m.text)
                    and not _REPORT_NAME.match(text, m.end) and not cue["one_of_after"].match(text, m.end)
                    and not cue["not_before"].search(text, max(c_start, m.start - 8), m.start)]
            if not nums:
                continue
            ctext = text[c_start:c_end]
            values = {"stations": None, "countries": None, "cities": None}
            anchor = None
            additional = False
            added: list[Mention] = []
            for n in nums:
                rest = text[n.end:c_end]
                mods = L.tally_modifiers.match(rest)
                tail = rest[mods.end():]
                found_verb = cue["found_before"].search(text[max(c_start, n.start - 30):n.start])
                # "then a further 48, for a total of 102"
                further = cue["further_before"].search(text, max(c_start, n.start - 20), n.start) and \
                    cue["further_after"].match(rest)
                bare_more = further or found_verb and (cue["more_after"].match(rest)
                                                       or (re.match(r"\s*[.;]?\s*$", rest) and cue["reported"].search(stext)))
                count_of = (cue["count_of_before"].search(text[max(c_start, n.start - 70):n.start])
                            or cue["earlier_figure_after"].match(rest) or cue["new_ones_after"].match(rest)) \
                    and not L.country_noun.match(tail) and not L.city_noun.match(tail)
                # (in Chinese and Japanese the count may follow its noun: "设立服务站二十一个", "站点已有一百多个",
                # or stand with its counter alone in a sentence about stations: "披露的54个,新增至少48个")
                noun_first = cjk and L.counters.match(rest) is not None and not L.country_noun.match(tail) \
                    and not L.city_noun.match(tail) and (
                    L.tally_noun_end.search(text, max(c_start, n.start - 14), n.start) is not None
                    or _BARE_COUNT.match(rest) is not None)
                if L.tally_noun.match(tail) or noun_first or bare_more or count_of or (values["stations"] is not None and cue["are_new_after"].match(rest)) \
                        or (not L.country_noun.match(tail) and not L.city_noun.match(tail) and cue["span_after"].match(rest)):
                    # a count attached to a place is a local count, not a headline
                    if (_placed_before(cms, n) if cjk else _attached_to_place(cue, cms, n, text)):
                        continue
                    if values["stations"] is None:
                        values["stations"] = n.value
                        anchor = n
                        additional = bool(L.additional.search(rest[:mods.end()])) or bool(further) or bool(
                            cue["additional_before"].search(text, max(c_start, n.start - 20), n.start)) or (
                            cjk and L.additional.search(text, max(c_start, n.start - 6), n.start) is not None)
                    elif bare_more or cue["new_ones_after"].match(rest) or cue["are_new_after"].match(rest):
                        added.append(n)  # "… exposed 54 stations, says it has now found 48 more"
                elif L.country_noun.match(tail) and n.start > 0:
                    before = text[max(c_start, n.start - 30):n.start]
                    if values["countries"] is None and (anchor is not None or L.span_countries.search(before)):
                        values["countries"] = n.value
                        anchor = anchor or n
                elif L.city_noun.match(tail):
                    before = text[max(c_start, n.start - 30):n.start]
                    if anchor is not None or L.span_cities.search(before):
                        values["cities"] = n.value
                        anchor = anchor or n
            for n in added:
                data = {"stations": n.value, "countries": None, "cities": None, "qualifier": _qualifier(L, text, n.start),
                        "additional": True, "attributed_to": _attribution(doc, cue, ms, prev, stext),
                        "as_of": _as_of(L, ctext, ref_year, doc.published)}
                found.setdefault((n.value, None, None), Fact("tally", data, [(sent.start, sent.end)], 0.7, NAME))
            if anchor is None or (values["stations"] is None and values["countries"] is None):
                continue
            if values["stations"] is not None and values["stations"] < 5 and not additional and values["countries"] is None:
                continue  # "two offices" is a local count, not a headline
            if values["stations"] is None and (values["countries"] or 0) < 5:
                continue
            if values["stations"] is None and cue["response_span"].search(ctext):
                continue  # "investigations in more than a dozen countries": responses, not stations
            if not (values["countries"] or L.abroad.search(stext)
                    or _attribution(doc, cue, ms, prev, stext)):
                continue  # "12 new village service stations": a count at home, not of stations abroad
            data = dict(values)
            data["qualifier"] = _qualifier(L, text, anchor.start)
            data["additional"] = additional
            data["attributed_to"] = _attribution(doc, cue, ms, prev, stext)
            data["as_of"] = _as_of(L, ctext, ref_year, doc.published)
            if data["as_of"] is None and si > 0 and cue["report_ref"].search(stext):
                p = doc.sentences[si - 1]
                dated_report = _dated_report_rx(L.months).search(text[p.start:p.end])
                if dated_report:
                    data["as_of"] = _as_of(L, dated_report.group(0), ref_year, doc.published)
            key = (data["stations"], data["countries"], data["cities"])
            f = found.get(key)
            if f is None:
                f = found[key] = Fact("tally", data, [(sent.start, sent.end)], 0.7, NAME)
            else:
                if (sent.start, sent.end) not in f.evidence:
                    f.evidence.append((sent.start, sent.end))
                for k in ("attributed_to", "as_of"):
                    f.data[k] = f.data[k] or data[k]
            if data["as_of"]:
                dated.append(data["as_of"])
            if L.growth.search(ctext):
                growth_facts.append(f)
    for f in growth_facts:
        if not f.data["as_of"] and dated:
            f.data["after"] = max(dated)
    return replace(doc, facts=doc.facts + list(found.values()))


# a number and its counter with nothing after them: "披露的54个," (Chinese leaves the noun out)
_BARE_COUNT = _regex.compile(r"[个個处處座家ヵカヶか][所]?\s*(?:[,，。;；、)）]|$)")


def _placed_before(cms: list[Mention], n: Mention) -> bool:
    """In Chinese and Japanese a place comes before what it holds ("米兰设站两个", "意大利是站点最多的国家，达11个"):
    a host place earlier in the clause, with no other number between, makes a local count."""
    for m in reversed(cms):
        if m.end > n.start:
            continue
        if m.kind == "number":
            return False
        if m.kind == "place" and m.value.kind != "continent" and gazetteer().is_host(m.value.country):
            return n.start - m.end <= 20
    return False


def _attached_to_place(cue: dict, cms: list[Mention], n: Mention, text: str) -> bool:
    for m in cms:
        if m.kind == "number" and m.start > n.end:
            break  # another count comes first: "of the 54 …, nine were in Spain"
        if m.kind != "place" or m.start < n.start:
            continue
        p = m.value
        if (p.country and not gazetteer().is_host(p.country)) or p.kind == "continent":
            if p.kind == "continent" and m.start - n.end < 60:
                return True
            continue
        if (m.start - n.end > 60 and cue["by_or_based"].search(text, n.end, m.start)) or text.startswith("-based", m.end):
            continue  # ("a Madrid-based group": where the counter sits)  # "54 stations described in a report by a group based in Spain": not a count for Spain
        return True
    before = text[max(0, n.start - 30):n.start]
    # "Italy has 11 stations", "Spain tops the list with nine": the place is the count's subject
    for m in cms:
        if m.kind == "place" and m.end <= n.start and n.start - m.end < 45 and gazetteer().is_host(m.value.country) \
                and m.value.kind != "continent" and cue["subject_gap"].match(text[m.end:n.start]):
            return True
    # "Toronto's three stations"
    return bool(cue["possessive_before"].search(before)) and any(
        m.kind == "place" and m.end <= n.start and n.start - m.end < 5 for m in cms)
