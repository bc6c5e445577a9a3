"""Find the names the fact stages reason about: places, bureaus, agencies, sources, numbers.

One Aho-Corasick automaton holds every name from the gazetteer and the data files; places are
then resolved against the whole document (countries named, metro cities nearby).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

import ahocorasick
import cn2an
import kanjize
from text_to_num import text2num

from .. import _regex
from .._data import load_yaml
from ..document import Document, Mention
from ..resolve import Place, choose, gazetteer
from .lexicon import lexicon, pack_for

# precedence when two names cover the same span
_RANK = {"bureau": 5, "agency": 4, "source": 3, "place": 2, "demonym": 1, "number": 0}
_DIGITS = _regex.compile(r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,]\d)")  # (the lookahead: only speed)
_CJK = _regex.compile(r"[\u3040-\u9fff]")
_KATAKANA = _regex.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]")  # (not the middle dot that joins names)
_SENTENCE_OPENING = _regex.compile(r"[\W\d]*")
_SMALL_TOWN = 50_000  # below this, a town in a country the text never names is more likely a surname
# "the Sea of Japan", "the Gulf of Mexico": a body of water named after the country, not the country
_WATER_OF = _regex.compile(r"\b(?:Sea|Gulf|Bay|Straits?) of\s+(?:the\s+)?$")
_REGION_CUE = _regex.compile(r"\b(?:province|state|region|county|prefecture) of\s+(?:the\s+)?$", re.IGNORECASE)
_REGION_AFTER = _regex.compile(r"\s+(?:province|state|region|county)\b", re.IGNORECASE)


def _with_plain(names: list[str]) -> list[str]:
    """Names, and their accent-free spellings ("Garda Síochána" is often typed "Garda Siochana")."""
    out = list(names)
    for n in names:
        plain = "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
        if plain != n and plain not in out and not _CJK.search(n):
            out.append(plain)
    return out


def script_of(language: str | None) -> str:
    """Which names a text in ``language`` is searched for: English ones only ("en", also when the
    language is unknown), or also other languages' names in Latin script ("latin") or in Chinese and
    Japanese script ("cjk"). A smaller automaton is a faster one."""
    if language in (None, "en"):
        return "en"
    return "cjk" if language in ("zh", "ja") else "latin"


@lru_cache(maxsize=3)
def _automaton(script: str = "en") -> ahocorasick.Automaton:
    g = gazetteer()
    auto = ahocorasick.Automaton()
    entries: dict[str, list[tuple[str, object]]] = {}

    def add(key: str, kind: str, value: object) -> None:
        entries.setdefault(key, []).append((kind, value))

    for name, places in g.names.items():
        if name in g.foreign and (script == "en" or (script == "latin") == bool(_CJK.search(name))):
            continue
        if len(name) <= 4 and not any(p.kind != "city" or p.population >= 200_000 for p in places):
            continue  # "Can", "Dar", "Ube": small towns whose names hide inside other words
        add(name, "place", name)
    if script == "en":  # (a big city's name in lower case is an English habit; "surat" is Indonesian for letter)
        for name in g.lower_ok:
            add(name, "place", name)
    for name, code in g.demonyms.items():
        add(name, "demonym", code)
        add(name.lower(), "demonym", code)
    for b in load_yaml("bureaus.yaml")["bureaus"]:
        for n in _with_plain(b["names"]):
            add(n, "bureau", b["operator"])
    for a in load_yaml("agencies.yaml")["agencies"]:
        for n in _with_plain(a["names"]):
            # a generic name ("Department of Justice") is some country's: the text decides whose
            add(n, "agency", (a["canonical"], None if a.get("generic") else a["country"], a["country"]))
    for s in load_yaml("sources.yaml")["sources"]:
        for n in _with_plain(s["names"]):
            add(n, "source", s["canonical"])
    for word, value in number_words("en").items():
        if len(word) < 3:
            continue  # "a", "an": everywhere inside words; the automaton would report thousands
        for form in {word, word.capitalize(), word.upper()}:
            add(form, "number", value)
    for key, vals in entries.items():
        if len(key) < 3 and not key.isupper() and not (len(key) == 2 and _CJK.match(key)):
            continue  # (two Chinese characters make a name: "法国", "米兰")
        best = max(vals, key=lambda kv: _RANK[kv[0]])
        auto.add_word(key, (len(key), best[0], best[1]))
    auto.make_automaton()
    return auto


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and not ("\u3040" <= ch <= "\u9fff")


def _raw_names(text: str, script: str = "en", endings: tuple[str, ...] = ()) -> list[tuple[int, int, str, object]]:
    """Every name in the text (leftmost-longest, one per span). ``endings``: what a place name may take
    in the text's language and stay that place (German "Manhattans Chinatown", "die Dubliner Innenstadt");
    a city name with its ending is read as the city even where the whole word is also a demonym."""
    found = []
    preferred: set[tuple] = set()
    suffixed: set[tuple] = set()
    elided = script == "latin"
    wc = _is_word_char if _CJK.search(text) else str.isalnum
    n = len(text)
    for end_idx, (length, kind, value) in _automaton(script).iter(text):
        start, end = end_idx - length + 1, end_idx + 1
        if start > 0 and wc(text[start]) and (
                wc(text[start - 1]) or (text[start - 1] in "-'’" and start > 1 and wc(text[start - 2])
                                        and not (elided and text[start - 1] in "'’" and text[start].isupper()))):
            continue  # inside a word or a hyphenated compound ("non-Chinese"); " -one" is fine; in French or
            # Italian a name follows an elided article ("l'Irlanda", "dell'FBI")
        if end < n and wc(text[end]) and wc(text[end - 1]):
            if endings and kind == "place" and text[start].isupper():
                j = end
                while j < n and wc(text[j]):
                    j += 1
                if text[end:j] in endings:  # (the mention is the whole word; its value the name in it)
                    found.append((start, j, kind, value))
                    suffixed.add((start, j, kind, value))
                    cands = gazetteer().names.get(value, ())
                    if cands and all(p.kind == "city" for p in cands) and max(p.population for p in cands) >= 100_000:
                        preferred.add((start, j, kind, value))
            continue
        if _KATAKANA.match(text, start) and ((start > 0 and _KATAKANA.match(text, start - 1))
                                            or (end < n and _KATAKANA.match(text, end))):
            continue  # a katakana name inside a longer katakana word ("コロ" in "コロナ")
        if end < len(text) - 1 and text[end] in "-" and text[end + 1].isalpha() and kind == "place" \
                and not text[end + 1:end + 6].lower().startswith(("area", "based")):
            continue  # part of a hyphenated word ("Spain-made"), but keep "Montreal-area"
        found.append((start, end, kind, value))
    # leftmost-longest, then precedence; drop overlaps
    found.sort(key=lambda m: (m[0], m not in preferred, -(m[1] - m[0]), m in suffixed, -_RANK[m[2]]))
    out = []
    last_end = -1
    for m in found:
        if m[0] >= last_end:
            out.append(m)
            last_end = m[1]
    return out


def number_words(language: str) -> dict[str, int]:
    """Every number word of the pack, with compounds ("forty-eight", "forty eight") spelled out."""
    words = dict(lexicon(language).numbers)
    tens = {w: v for w, v in words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90) and " " not in w}
    units = {w: v for w, v in words.items() if 1 <= v <= 9 and w not in ("a", "an", "another", "single", "both")}
    for tw, tv in tens.items():
        for uw, uv in units.items():
            words[f"{tw}-{uw}"] = tv + uv
            words[f"{tw} {uw}"] = tv + uv
    return words


def parse_number(token: str, language: str = "en") -> int | None:
    """'48' / '230,000' / 'forty-eight' / 'a dozen' / '二十一' -> int; None when it is not a number."""
    t = token.strip().lower()
    if not t:
        return None
    L = lexicon(language)
    if t[0].isdigit():
        digits = (t if t.isascii() else unicodedata.normalize("NFKC", t)).replace(L.thousands, "")
        if digits.isdigit():
            return int(digits)
        if not L.numerals:
            return None
    words = L.numbers
    if t in words:
        return words[t]
    if L.numerals:
        return _numeral(t, L.numerals)
    try:
        return int(text2num(t.replace("-", " "), language))
    except ValueError:
        return None


def _numeral(t: str, kind: str) -> int | None:
    """Chinese or Japanese numerals, also mixed with digits ("二十一", "23万", "百二" in Japanese)."""
    t = unicodedata.normalize("NFKC", t)
    if t.isdigit():
        return int(t)
    try:
        if kind == "ja":
            return int(kanjize.kanji2number(t))
        return int(cn2an.cn2an(t, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        try:
            return int(cn2an.cn2an(t, "smart"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


@lru_cache(maxsize=16)
def _digits_rx(thousands: str, cjk: bool) -> re.Pattern:
    """Numbers in digits, with the language's thousands separator; in Chinese and Japanese text a number
    touches the characters around it ("在21个国家"), and numerals count too ("二十一个")."""
    sep = re.escape(thousands)
    if cjk:
        return _regex.compile(r"(?<![0-9A-Za-z.,])([0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]*[零〇一二两三四五六七八九十百千万亿]+|[0-9０-９]+)(?![0-9０-９])")
    return _regex.compile(rf"(?=\d)(?<![\w.,])(\d{{1,3}}(?:{sep}\d{{3}})+|\d+)(?![\w,.]\d)" if thousands != ","
                          else _DIGITS.pattern)


def _numbers(text: str, language: str) -> list[tuple[int, int, int]]:
    L = lexicon(language)
    cjk = L.script == "cjk"
    out = []
    for m in _digits_rx(L.thousands, cjk).finditer(text):
        token = m.group(1)
        if cjk and len(token) < 2 and not token.isdigit() and not L.counters.match(text, m.end(1)):
            continue  # a one-character numeral is a word of its own only before a counter ("一些" is "some")
        if cjk and L.not_counts.match(text, m.end(1)):
            continue  # "4月", "12日": a date
        if L.not_numbers.match(text, m.start(1)):
            continue
        value = parse_number(token, language)
        if value is not None:
            out.append((m.start(1), m.end(1), value))
    if language != "en" and not cjk:
        # number words ("veintiún", "cinquante-quatre"): English ones come with the names
        for m in L.number_word.finditer(text):
            value = parse_number(m.group(0), language)
            if value is not None:
                out.append((m.start(), m.end(), value))
    return out


_NUMBER_GLUE = _regex.compile(r"^(?:[ -]+|\s+and\s+)$")


def _join_number_words(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """"two hundred and thirty thousand" is one number, not four."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (m.kind == "number" and prev is not None and prev.kind == "number" and m.sentence == prev.sentence
                and not prev.text[:1].isdigit() and not m.text[:1].isdigit()
                and _NUMBER_GLUE.match(text[prev.end:m.start])):
            span = text[prev.start:m.end]
            try:
                value = int(text2num(span.replace("-", " ").lower(), language))
            except ValueError:
                # "a hundred and two": the words' own values add up
                value = prev.value + m.value if isinstance(prev.value, int) and isinstance(m.value, int) \
                    and prev.value >= 100 and prev.value % 100 == 0 and 0 < m.value < 100 else None
            if value is not None:
                out[-1] = Mention("number", prev.start, m.end, span, value, prev.sentence)
                continue
        if (m.kind == "number" and prev is not None and prev.kind == "number" and m.sentence == prev.sentence
                and prev.text[:1].isdigit() and m.value in _SCALES and text[prev.end:m.start] == " "
                and isinstance(prev.value, int) and prev.value < 1000):
            # "230 thousand", "2 million": digits and a scale word
            out[-1] = Mention("number", prev.start, m.end, text[prev.start:m.end], prev.value * m.value, prev.sentence)
            continue
        out.append(m)
    return out


_SCALES = {1_000, 1_000_000, 1_000_000_000}


def _restated_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """"fifty-four (54)", "102 (one hundred and two)": one number, written twice (legal and translated style)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (m.kind == "number" and prev is not None and prev.kind == "number" and m.value == prev.value
                and _RESTATE_OPEN.fullmatch(text, prev.end, m.start) and _RESTATE_CLOSE.match(text, m.end)):
            end = _RESTATE_CLOSE.match(text, m.end).end()
            out[-1] = Mention("number", prev.start, end, text[prev.start:end], prev.value, prev.sentence)
            continue
        out.append(m)
    return out


_RESTATE_OPEN = _regex.compile(r"\s*\(\s*")
_RESTATE_CLOSE = _regex.compile(r"\s*\)")
_CAPITAL_AFTER = _regex.compile(r"\s+capital\b(?!\s+(?:city\s+)?of\b)", re.IGNORECASE)
_THE_BEFORE = _regex.compile(r"\bthe\s+$", re.IGNORECASE)


def _capital_phrase(text: str, s: int, e: int, code: str) -> tuple[int, Place] | None:
    """(end, capital) when a demonym opens "the <demonym> capital"."""
    after = _CAPITAL_AFTER.match(text, e)
    if after is None or not _THE_BEFORE.search(text[max(0, s - 6):s]):
        return None
    capital = gazetteer().capitals.get(code)
    return (after.end(), capital) if capital is not None else None


_OWNER_GAP = _regex.compile(r"^(?:[’']s)?\s+(?:the\s+)?$")


def _owner(text: str, s: int, raw: list, idx: int, candidates, near: set[str], before: set[str],
           default: str) -> str:
    """Whose is a generic body: the country or demonym just before it ("the Irish Department of
    Justice", "Chile's Policía de Investigaciones"), else its usual country when the sentence names
    that, else the one host country this sentence or the one before names, else its usual country."""
    if idx > 0:
        ps, pe, pkind, pvalue = raw[idx - 1]
        if _OWNER_GAP.match(text[pe:s]):
            if pkind == "demonym":
                return pvalue
            if pkind == "place":
                cands = [p for p in candidates(pvalue) if p.kind == "country"]
                if cands:
                    return cands[0].country
    g = gazetteer()
    if default in near:
        return default
    for countries in (near, before):
        here = {c for c in countries if g.is_host(c)}
        if len(here) == 1:
            return here.pop()
    return default


_THE_CAPITAL = _regex.compile(r"\bthe (?:country's |nation's )?capital\b(?!\s+(?:city\s+)?of\b)(?![-’']s)")


def _the_capital(text: str, covered: set[int], sent_of, near: dict[int, set[str]]) -> list[Mention]:
    """"an office in the capital": the capital of the one host country this sentence, or the one before,
    names ("Police in Stockholm say … an office in the capital")."""
    g = gazetteer()
    out = []
    for m in _THE_CAPITAL.finditer(text):
        if m.start() in covered:
            continue
        si = sent_of(m.start())
        for countries in (near.get(si, set()), near.get(si - 1, set())):
            hosts = {c for c in countries if g.is_host(c)}
            if len(hosts) == 1:
                capital = g.capitals.get(hosts.pop())
                if capital is not None:
                    out.append(Mention("place", m.start(), m.end(), m.group(0), capital, si))
                break
    return out


def _place_info(name: str, candidates, info: dict) -> tuple:
    """(candidates, their countries, the countries named as such, their cities) of a name, once per text."""
    got = info.get(name)
    if got is None:
        cands = candidates(name)
        got = info[name] = (cands, {p.country for p in cands}, [p.country for p in cands if p.kind == "country"],
                            [p.city for p in cands if p.city])
    return got


def find_mentions(doc: Document) -> Document:
    """Stage: fill ``doc.mentions`` (needs sentences)."""
    text = doc.text
    language = pack_for(doc.language)
    starts = [s.start for s in doc.sentences]

    def sent_of(pos: int) -> int:
        return max(bisect_right(starts, pos) - 1, 0)

    g = gazetteer()
    raw = _raw_names(text, script_of(doc.language), lexicon(language).name_endings)
    cand_cache: dict[str, list] = {}

    def candidates(name: str) -> list:
        got = cand_cache.get(name)
        if got is None:
            got = cand_cache[name] = g.candidates(name)
        return got

    # context for place disambiguation
    weights: dict[str, float] = {}
    near: dict[int, set[str]] = {}
    metros: set[str] = set()
    support: dict[str, set[str]] = {}  # country -> the names in the text that point to it
    named: set[str] = set()  # countries named outright, or by a demonym or an agency
    info: dict[str, tuple] = {}
    not_places = lexicon(language).not_places
    raw = [r for r in raw if not (r[2] == "place" and r[3] in not_places)]  # words of the text's language
    for s, _e, kind, value in raw:
        si = sent_of(s)
        if kind == "demonym" or (kind == "agency" and value[1]):
            named.add(value if kind == "demonym" else value[1])
        if kind == "place":
            cands, countries, named_here, cities = _place_info(value, candidates, info)
            for code in countries:
                support.setdefault(code, set()).add(value)
            named.update(named_here)
            if len(countries) == 1:
                code = next(iter(countries))
                weights[code] = weights.get(code, 0.0) + (1.0 if cands[0].kind == "country" else 0.5)
                near.setdefault(si, set()).add(code)
                metros.update(cities)
        elif kind == "demonym":
            weights[value] = weights.get(value, 0.0) + 0.25
            near.setdefault(si, set()).add(value)  # "London … the British capital"
        elif kind == "agency" and value[1]:
            weights[value[1]] = weights.get(value[1], 0.0) + 0.5
            near.setdefault(si, set()).add(value[1])
    mentions: list[Mention] = []
    for idx, (s, e, kind, value) in enumerate(raw):
        si = sent_of(s)
        if kind == "place":
            cands = candidates(value)
            if not cands or (s > 3 and _WATER_OF.search(text, max(0, s - 16), s)):
                continue
            hint = None
            if idx + 1 < len(raw):
                ns, _ne, nkind, nvalue = raw[idx + 1]
                if nkind == "place" and text[e:ns] in (", ", " , ", " ("):
                    nc = {p.country for p in candidates(nvalue) if p.kind in ("country", "region")}
                    hint = next(iter(nc)) if len(nc) == 1 else None
            place = cands[0] if len(cands) == 1 else choose(cands, weights, near.get(si, set()), metros, hint)
            if place.kind == "region" and (place.admin1 == "2" or any(
                    p.kind == "city" and p.country == place.country and p.population >= 1_000_000 for p in cands)) \
                    and not _REGION_CUE.search(text[max(0, s - 25):s]) \
                    and not _REGION_AFTER.match(text[e:e + 12]):
                # a province named after its capital ("Prato"): the city is meant
                same = [p for p in cands if p.kind == "city" and p.country == place.country]
                if same:
                    place = max(same, key=lambda p: p.population)
            if place.kind == "city" and support.get(place.country) == {value} \
                    and (place.population < _SMALL_TOWN or (place.population < 1_000_000 and _SENTENCE_OPENING.fullmatch(
                        text[starts[si] if starts else 0:s]))) \
                    and any(code != place.country and (len(names) > 1 or code in named)
                            for code, names in support.items()):
                # "Man admits …" in a story about New York, "Alicia Kearns" in a debate in London: a
                # capitalised first word, or a small town, in a country the text never names while it
                # does name others
                continue
            mentions.append(Mention("place", s, e, text[s:e], place, si))
        elif kind == "agency":
            canonical, code, default = value
            if code is None:
                code = _owner(text, s, raw, idx, candidates, near.get(si, set()), near.get(si - 1, set()), default)
                canonical = canonical if code == default else text[s:e]
            mentions.append(Mention(kind, s, e, text[s:e], (canonical, code), si))
        elif kind == "demonym" and (cap := _capital_phrase(text, s, e, value)) is not None:
            # "the Austrian capital", "the Dutch capital": the capital city itself
            mentions.append(Mention("place", s, cap[0], text[s:cap[0]], cap[1], si))
        else:
            mentions.append(Mention(kind, s, e, text[s:e], value, si))
    covered = set()
    for m in mentions:
        covered.update(range(m.start, m.end))
    if "capital" in text:
        mentions.extend(_the_capital(text, covered, sent_of, near))
    for s, e, value in _numbers(text, language):
        if s not in covered:
            mentions.append(Mention("number", s, e, text[s:e], value, sent_of(s)))
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = _restated_numbers(text, _join_number_words(text, mentions, language))
    L = lexicon(language)
    families = L.prefilter.sentence_families(text, starts)
    index: dict[int, list[Mention]] = {}
    for m in mentions:
        index.setdefault(m.sentence, []).append(m)
    notes = {**doc.notes, "on_topic": bool(L.topic.search(text)), "families": families,
             "by_sentence": index}
    return replace(doc, mentions=mentions, notes=notes)


def is_host(place: Place) -> bool:
    return gazetteer().is_host(place.country)
