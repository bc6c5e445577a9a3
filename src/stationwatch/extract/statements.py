"""Stage: statement facts — who said what about the stations, and with which stance."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz

from .. import _regex
from .._data import load_yaml
from ..document import Document, Fact
from ..resolve import gazetteer
from .common import each_sentence, find, has, lex, on_topic

NAME = "statements/1"
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
_NAME = rf"{_TOKEN}(?:\s+(?:{_TOKEN}|[{_UP}]\.)){{1,5}}"
# (the lookahead only tells the regex engine where a name can start: the same matches, faster)
_PERSON = _regex.compile(rf"(?=[{_UP}])\b({_NAME})\b")  # titles in front are stripped word by word (_LEADING)
_BODY = _regex.compile(
    r"(?=[tTCcEefFmMgGrRaAoOsSbB])\b((?:the\s+)?(?:Chinese\s+|China['’]s\s+)?(?:[Cc]onsulate(?:\s+[Gg]eneral)?|[Ee]mbass(?:y|ies)|foreign ministry|Foreign Ministry|"
    r"ministry of foreign affairs|Ministry of Foreign Affairs|government|regime|authorities|officials)"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w’']*(?:\s+[A-Z][\w’']*)*)?"
    r"|(?:an?\s+|the\s+)?spokes(?:person|man|woman) for (?:the\s+)?[\w’' ]{2,50}?(?:ministry|embassy|government|office|department)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w’']*(?:\s+(?:[A-Z][\w’']*|of|and|the))*)?|(?:the\s+)?Beijing regime|Beijing|China)\b")
_BODY_KEYS = ("consulate", "embass", "ministry", "government", "regime", "authorities", "officials", "spokes",
              "beijing", "china")  # one of these is in every _BODY match
_PRONOUN = _regex.compile(r"\b(?:he|she|it)\s+(?:\w+ly\s+)?(?:said|says|told|added|argued|insisted|warned|stressed|denied|"
                      r"rejected|dismissed|described|called|accused)\b|"
                      r",[”\"]\s*(?:he|she)\s+said", re.I)
_NOT_PERSON = {"Safeguard Defenders", "Prime Minister", "United States", "Foreign Ministry", "Public Security",
               "Mounted Police", "National News", "Senate", "United Front", "Work Department", "Fox Hunt",
               "Sky Net", "State Council"}
_DENY_VERB = _regex.compile(r"\b(?:(?:flatly |firmly |strongly )?den(?:y|ies|ied)|rejected|dismissed|refuted)\b"
                        r"(?! (?:entry|visa|bail|asylum))", re.IGNORECASE)
_SURNAME = _regex.compile(r"(?=[A-Zas])(?:\b([A-Z][a-z]{2,})\b(?=\s+(?:said|says|told|added|argued|insisted|described|denied)\b)|"
                      r"\b(?:according to|said)\s+([A-Z][a-z]{2,})\b(?![ -][A-Z]))")
_MAX_GAP = 120  # a speaker more than this many characters before the verb is not its subject
_STREET = _regex.compile(r"\b(?:Street|Road|Avenue|Broadway|Hill|Square|Park|Lane|Bridge|Quay|Place|Centre|Center|"
                     r"Hall|House|Court|Station|Building|Tower|Plaza|District|Island|River|Valley|Bay|Times|Post|"
                     r"Province|Ministry|Department|Police|News|Press|Agency|Bureau|Council|Committee|Party|Front|"
                     r"Union|Group|Network|Daily|Journal|Herald|Skynet|Hunt|Defenders|Commons|Parliament|General|"
                     r"Consulate|Embassy)$|^(?:Operation|Consulate|Embassy|Centre|Center|Service)\b")
_OPERATION_OR_QUOTE = _regex.compile(r"(?:Operation|[“\"‘])\s*$")  # "Operation Fox Hunt", a quoted title
_PREP_BEFORE = _regex.compile(r"\b(?:in|of|to|from|by|with|on|at|against|for|about|into|over)\s+$", re.IGNORECASE)
_CHINESE = _regex.compile(r"\b(?:Chinese|China|Beijing|People['’]s Republic)\b")


@cache
def _people() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """Title words to strip, official markers and state roles (data/en/people.yaml)."""
    data = load_yaml("en/people.yaml")
    leading = frozenset(data["leading_words"]) | frozenset(gazetteer().demonyms)
    words = lambda key: "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))  # noqa: E731
    return (leading, _regex.compile(rf"\b(?:{words('official_words')})\b"),
            _regex.compile(rf"\b(?:{words('state_roles')})\b", re.IGNORECASE))


# the only verbs whose speaker may follow them ("said Peter Dahlin", "according to the embassy"); after
# "told", "urged" or "accused" comes the one spoken to
_INVERTING = _regex.compile(r"(?:said|says|added|adds|according to|wrote|writes|noted|explained|stated|argued|insisted|"
                        r"claimed|warned|stressed|acknowledged)$", re.IGNORECASE)
# between the verb and its speaker: articles, a day, titles and names ("said RCMP Sgt Charles Poirier")
_INVERTED_GAP = _regex.compile(r"^[\s,]*(?:(?:the|a|an|its|their|[Oo]n \w+|[Ii]n a statement|[A-Z][\w.’'-]*)[\s,]+){0,5}$")


@cache
def _lower_titles() -> frozenset[str]:
    return frozenset(w.lower() for w in _people()[0])


def _after_ok(text: str, speech, vpos: int, start: int) -> bool:
    """May a name that starts at ``start``, after the speech verb, be its speaker?"""
    vend = vpos + speech.end() - speech.start()
    if not _INVERTING.search(speech.group(0)) or start - vend > 45:
        return False
    gap = text[vend:start]
    titles = _lower_titles()
    # lower-case titles count as title words too ("said the group's director Laura Harth")
    gap = re.sub(r"\b[a-z][\w-]*\b", lambda m: m.group(0).capitalize() if m.group(0) in titles else m.group(0), gap)
    return bool(_INVERTED_GAP.match(gap))


def _stance(doc: Document, si: int, text: str, chinese: bool, official: bool = False) -> str | None:
    if chinese:
        return "denial"  # Beijing's statements about the stations deny what they are
    L = lex(doc)
    hits = {name for name, rx in L.stances if has(doc, si, f"stance:{name}", rx, text)}
    if _DENY_VERB.search(text) and "allegation" not in hits:
        return "denial"
    if "concern" in hits and ("allegation" not in hits or official):
        return "concern"
    if "allegation" in hits:
        return "allegation"
    if "concern" in hits:
        return "concern"
    return "neutral"  # a host official or researcher who "denies" is rebutting, not a Chinese denial


def _covered(doc: Document) -> bytearray:
    """1 at every character inside a place, agency, source, bureau or demonym name."""
    covered = bytearray(len(doc.text) + 1)
    for m in doc.mentions:
        if m.kind in ("place", "agency", "source", "bureau", "demonym"):
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


def _persons(doc: Document, covered: bytearray, s: int, e: int) -> list[tuple[int, int, str]]:
    text = doc.text
    out = []
    leading = _people()[0]
    for m in _PERSON.finditer(text, s, e):
        name = m.group(1)
        a, b = m.start(1), m.end(1)
        words = name.split()
        while words and words[0] in leading:
            a += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or name in _NOT_PERSON or _OPERATION_OR_QUOTE.search(text, max(s, a - 11), a) \
                or _STREET.search(name) or _PREP_BEFORE.search(text[max(s, a - 8):a]):
            continue
        if any(covered[a:b]):
            continue
        out.append((a, b, name))
    return out


def extract_statements(doc: Document) -> Document:
    if not on_topic(doc):
        return doc
    L = lex(doc)
    text = doc.text
    # full names in the document, for "Zhao said" / "Darling said"
    covered = _covered(doc)
    all_persons = _persons(doc, covered, 0, len(text))
    known = list(dict.fromkeys(name for _a, _b, name in all_persons))
    person_starts = [a for a, _b, _name in all_persons]  # in text order
    chinese_ministry = bool(re.search(r"(?:Chinese|China['’]s) (?:foreign ministry|Foreign Ministry)", text))
    chinese_people = set()
    for a, b, name in all_persons:
        parts = re.split(r"[.;:!?,\"“”()\n]", text[max(0, a - 50):a])
        # "the foreign ministry spokesman, Wang Wenbin, said": the role may stand before the comma
        before = parts[-2] if len(parts) > 1 and not parts[-1].strip() and text[a - len(parts[-1]) - 1] == "," else parts[-1]
        appos = re.match(r"\s*,([^,.]{0,80}),", text[b:b + 90])
        ctx = before + (appos.group(1) if appos else "")
        if not _people()[2].search(ctx):
            continue  # a Chinese dissident or community leader does not speak for Beijing
        sentence = text[max(0, a - 200):b + 200]
        if _CHINESE.search(ctx) or chinese_ministry or _CHINESE.search(sentence):
            chinese_people.add(name)
    found: dict[tuple[str, str], Fact] = {}
    last_speaker: tuple[str, bool] | None = None
    label: str | None = None  # a transcript's speaker label ("HARTH: …") holds for its paragraph
    label_para = -1
    for si, sent, stext, ms in each_sentence(doc):
        if sent.paragraph != label_para:
            label, label_para = _label(text, sent, known), sent.paragraph
        speech = find(doc, si, "speech", L.speech, stext)
        if speech is None and label:
            stance = _stance(doc, si, stext, label in chinese_people, False)
            if stance and stance != "neutral" and has(doc, si, "station_noun", L.station_noun, stext):
                key = (label, stance)
                if key not in found:
                    found[key] = Fact("statement", {"speaker": label, "affiliation": None,
                                                    "country": "CN" if label in chinese_people else None,
                                                    "stance": stance}, [(sent.start, sent.end)], 0.5, NAME)
            continue
        if speech is None:
            continue
        persons = all_persons[bisect_left(person_starts, sent.start):bisect_left(person_starts, sent.end)]
        speaker = None
        chinese = False
        # nearest candidate to the speech verb: a person, a state body, or a single surname
        vpos = sent.start + speech.start()
        cands: list[tuple[int, int, str, bool, bool]] = []  # (rank, distance, name, chinese, official)
        for a, b, name in persons:
            ctx = text[max(sent.start, a - 45):a]
            before = b <= vpos
            if (before and vpos - b > _MAX_GAP) or (not before and not _after_ok(text, speech, vpos, a)):
                continue
            cands.append((0 if before else 2, abs(vpos - (b if before else a)), name,
                          name in chinese_people, bool(_people()[1].search(ctx))))
        low = stext.lower()
        bodies = _BODY.finditer(text, sent.start, sent.end) if any(k in low for k in _BODY_KEYS) else ()
        for m in bodies:
            body = m.group(1)
            if body.lower() in ("government", "authorities", "officials", "the government", "the authorities",
                                "the officials", "regime", "the regime"):
                continue
            if _PREP_BEFORE.search(text[max(sent.start, m.start() - 12):m.start()]):
                continue
            before = m.end() <= vpos
            if (before and vpos - m.end() > _MAX_GAP) or (not before and not _after_ok(text, speech, vpos, m.start())):
                continue
            vague = body in ("Beijing", "China")
            # an embassy or consulate speaking about the stations is China's (a host's would be named)
            chinese_body = bool(_CHINESE.search(body)) or bool(re.search(r"(?i)embass|consulate", body))
            cands.append(((2 if vague else 1) if before else (4 if vague else 3),
                          abs(vpos - (m.end() if before else m.start())), body, chinese_body, False))
        for m in _SURNAME.finditer(stext):
            word = m.group(1) or m.group(2)
            pos = sent.start + m.start(1 if m.group(1) else 2)
            if covered[pos]:
                continue
            full = _resolve_surname(word, known)
            if full:
                cands.append((0, abs(speech.start() - m.start()), full, full in chinese_people, False))
        for m in ms:
            if m.kind == "source":
                before = m.end <= vpos
                if not before and not _after_ok(text, speech, vpos, m.start):
                    continue
                cands.append((1 if before else 3, abs(vpos - (m.end if before else m.start)), m.value, False, False))
        official = False
        if cands:
            cands.sort(key=lambda c: (c[0], c[1]))
            _rank, _dist, speaker, chinese, official = cands[0]
            if speaker in ("China", "Beijing"):
                chinese = True
        elif (pron := _PRONOUN.search(stext)) and last_speaker:
            # "he" and "she" are people; "it" is a body
            person = bool(re.match(r"[,”\"\s]*(?:he|she)\b", pron.group(0), re.IGNORECASE))
            if person == (last_speaker[0] in known):
                speaker, chinese = last_speaker
        if not speaker:
            continue
        last_speaker = (speaker, chinese)
        stance = _stance(doc, si, stext, chinese, official)
        if stance is None or (stance == "neutral" and (speaker not in known or not has(
                doc, si, "station_noun", L.station_noun, stext))):
            continue  # neutral remarks only from named people, and only about the stations
        # every organ of the Chinese state is one speaker: the most specific name is kept
        canon = "Chinese state" if chinese and speaker not in known else speaker
        key = (canon, stance)
        f = found.get(key)
        if f is not None and canon == "Chinese state" and len(speaker) > len(f.data["speaker"]):
            f.data["speaker"] = speaker.removeprefix("the ").strip()
        if f is None:
            found[key] = Fact("statement", {"speaker": speaker.removeprefix("the ").strip(), "affiliation": None,
                                            "country": "CN" if chinese else None, "stance": stance},
                              [(sent.start, sent.end)], 0.6, NAME)
        elif (sent.start, sent.end) not in f.evidence:
            f.evidence.append((sent.start, sent.end))
    return replace(doc, facts=doc.facts + _one_stance_each(found))


_LABEL = re.compile(r"([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,3})(?: \([^)]{1,40}\))?:\s")
_NOT_LABELS = {"HOST", "Q", "A", "CALLER", "PRESENTER", "ANCHOR", "INTERVIEWER", "NOTE", "UPDATE", "CLAIM",
               "VERDICT", "RATING", "CONTEXT", "SOURCE", "SOURCES", "BACKGROUND", "EDITOR'S NOTE"}


def _label(text: str, sent, known: list[str]) -> str | None:
    """The speaker of a transcript paragraph: "HARTH: We found …" names Laura Harth when the text does."""
    start = text.rfind("\n", 0, sent.start) + 1
    m = _LABEL.match(text, start)
    if m is None or m.group(1) in _NOT_LABELS:
        return None
    last = m.group(1).split()[-1].title()
    return next((name for name in known if name.split()[-1] == last), None)


_STRENGTH = {"denial": 3, "allegation": 2, "concern": 2, "neutral": 0}


def _one_stance_each(found: dict[tuple[str, str], Fact]) -> list[Fact]:
    """A speaker's neutral remarks are dropped when the same speaker takes a stance elsewhere."""
    stanced = {canon for (canon, stance) in found if stance != "neutral"}
    return [f for (canon, stance), f in found.items() if stance != "neutral" or canon not in stanced]


def _resolve_surname(word: str, known: list[str]) -> str | None:
    """'Zhao' -> 'Zhao Lijian'; a machine-translation variant ('Darling') -> 'Peter Dahlin'."""
    for full in known:
        parts = full.split()
        if word in parts:
            return full
    if len(word) < 6:
        return None  # "Chan" is not "Chen": only long names are matched loosely
    best = None
    for full in known:
        for part in full.split():
            score = fuzz.ratio(word.lower(), part.lower())
            if score >= 75 and (best is None or score > best[0]):
                best = (score, full)
    return best[1] if best else None
