"""Stage: response facts — a host government, police force or parliament acting on the stations."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .. import _regex
from ..document import Document, Fact, Mention
from ..resolve import gazetteer
from .common import LIST_BACK, by_sentence, each_match, each_sentence, lex, on_topic
from .mentions import is_host

NAME = "responses/1"
# ... unless the phrase names the acting body: "authorities in Germany, Portugal and Sweden"
_BODY_IN = _regex.compile(r"\b(?:authorities|police|officials|prosecutors|governments?|ministries|investigators|"
                      r"lawmakers|parliaments?|regulators|agencies)\s+(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_START = _regex.compile(r"^(?:Its|Their|His|Her)\s+(?:own\s+)?(?:investigation|inquiry|probe|review|ministry|force)")
_FOREIGN_INST = _regex.compile(r"(?:chinese|china['’]s|overseas|beijing['’]s)\s+(?:[\w-]+\s+){0,2}$|"
                           r"\b(?:public security|chinese)\s+$", re.IGNORECASE)
# (and "A spokesperson said …": the spokesperson of the body just named)
_PRONOUN_START = _regex.compile(r"^(?:They|It|He|She|(?:A|The|Its|Their) spokes(?:person|man|woman))\s+(?:(?:\w+\s+){0,2}?(?:said|says|told|added|confirmed|announced)|"
                            r"(?:has\s+|had\s+|also\s+)?[a-z]+ed)\b")
_BY_ITSELF = _regex.compile(r"\b(?:themselves|itself|of (?:its|their) own accord|on (?:its|their) own(?: initiative)?|"
                        r"voluntarily)\b", re.IGNORECASE)
# people, counted or named, who were arrested or charged ("two men were charged", "Lu Jianwang was arrested")
_CONCRETE_ARREST = _regex.compile(
    r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|a|an|one)\s+(?:\w+\s+){0,2}?(?:men|women|people|persons|"
    r"suspects|individuals|man|woman|officers|nationals|others)\b|\b[A-Z][a-z]+ [A-Z][a-z]+\b|\b(?:[Bb]oth|[Aa]ll (?:two|three|four|five))\b|\b(?:They|He|She) (?:were|was|had been|have been|has been)\b)[^.;]{0,40}?"
    r"\b(?:arrested|charged|detained|indicted|convicted)\b")
_ACTION_IN = _regex.compile(r"\b(?:inquir(?:y|ies)|enquir(?:y|ies)|investigations?|probes?|raids?|arrests?|closures?|"
                        r"crackdowns?) in\s+(?:the\s+)?$", re.IGNORECASE)
_PEOPLE_ACT = _regex.compile(r"\s+(?:\w+ly\s+)?(?:have\s+|has\s+|had\s+)?[a-z]+ed\b")
_IN_OPENER = _regex.compile(r"(?:In|Across|Throughout)\s+(?:the\s+)?", re.IGNORECASE)
_LOOKBACK = 4000  # how far back "the ministry" looks for the ministry it names
_THE = _regex.compile(r"\bthe\s+$", re.IGNORECASE)
_QUALIFIED = _regex.compile(r"\b(?!the\b|a\b|an\b|this\b|that\b|its\b)[\w'’-]+\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


_NEGATION = _regex.compile(r"\b(?:neither|nor|no|not|never|without)\s+(?:\w+\s+){0,3}$|"
                       r"\b(?:no one|nobody|none)\s+(?:\w+\s+){0,3}$|\bfac(?:e|es|ed|ing)\s+$|\bhow to\s+$|"
                       r"\b(?:took|take|takes|taking|answer(?:s|ed|ing)?|field(?:s|ed|ing)?)\s+(?:\w+\s+)?$|"
                       r"\bdoubt(?:s|ed|ing)?\s+(?:that\s+)?(?:\w+\s+){0,2}$|"
                       r"\bfor\s+(?:an?\s+|further\s+|criminal\s+)?$", re.IGNORECASE)  # "back to Fujian for investigation"
# ... and further back: "no government has announced arrests or ordered …", "asked whether the police had …"
_NEGATION_WIDE = _regex.compile(r"\bnot\s+(?:to\s+)?(?:say|claim|suggest|mean|imply)\b[^.;]*$|"
                            r"\bno\s+(?:\w+\s+)?(?:government|country|countries|authority|authorities|state|"
                            r"official)s?\b[^.;]*$|\bwhether\s+(?:\w+\s+){0,5}$|"
                            r"\b(?:call(?:s|ed|ing)? on|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)? to)\b[^.;]{0,80}\bto\s+$",
                            re.IGNORECASE)
# "could be prosecuted", "would be closed": only a possibility (but "would be concerned" is a concern)
_HYPOTHETICAL = _regex.compile(r"\b(?:could|would|might|may|can)\s+(?:not\s+)?(?:be\s+|have\s+been\s+)$", re.IGNORECASE)


_ITEM = re.compile(_regex.LIST_ITEM)
_CALL_LEAD = _regex.compile(r"\b(?:call(?:s|ed)? on|call(?:s|ed)? for|urg(?:e|es|ed)|demand(?:s|ed)?|ask(?:s|ed)?|"
                            r"want(?:s|ed)?|recommend(?:s|ed)?|propos(?:e|es|ed))\b[^.]*:\s*$", re.IGNORECASE)


def _asks_for(doc: Document, si: int) -> bool:
    """Is sentence ``si`` an item of a list whose lead-in asks for something ("The group calls on:")?"""
    for k in range(si - 1, max(si - 12, -1), -1):
        t = doc.sentence_text(k)
        if not _ITEM.match(t):
            return bool(_CALL_LEAD.search(t))
    return False


# "102 stations in fifty-three countries": where the stations are, not who acts
_WHERE_COUNT = _regex.compile(r"\b(?:in|across|spanning|throughout)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _asserted(found, stext: str, hypothetical_ok: bool = False) -> bool:
    """Does the action occur in the sentence (``found``: its matches), and not only negated
    ("announced neither arrests nor …", "no government has ordered …") or supposed ("could be prosecuted")?"""
    for m in found:
        before = stext[max(0, m.start() - 80):m.start()]
        if _NEGATION.search(before[-40:]) or _NEGATION_WIDE.search(before):
            continue
        if not hypothetical_ok and _HYPOTHETICAL.search(before[-40:]):
            continue
        return True
    return False


def _self_closure(L, actions: list[str], stext: str) -> list[str]:
    """"The office has since closed" is the host's closure only when the sentence says the host caused it;
    "the men closed the office themselves" is none."""
    if "closure" not in actions and "closure_self" not in actions:
        return actions
    caused = L.closure_cause.search(stext) is not None
    out = [a for a in actions if a != "closure_self"]
    if "closure" in out and _BY_ITSELF.search(stext) and not caused:
        out.remove("closure")
    elif "closure_self" in actions and "closure" not in out and (caused or "concern_contact" in actions):
        out.append("closure")  # "… raised them with the embassy, and later said both had stopped operating"
    return out


def _contact(L, actions: list[str], stext: str) -> list[str]:
    """A message to the Chinese side ("told the embassy that …") is a concern only when it passes a
    judgement ("unacceptable", "sovereignty"); "told the embassy the office must close" is a closure."""
    if "concern_firm" in actions:
        # "… would be unacceptable" is a concern when a body is said to pass that judgement
        actions = [a for a in actions if a != "concern_firm"]
        if "concern" not in actions and L.concern_said.search(stext):
            actions.append("concern")
    if "concern_contact" not in actions:
        return actions
    out = [a for a in actions if a != "concern_contact"]
    if "concern" not in out and L.concern_judgement.search(stext):
        out.append("concern")
    return out


def _hosts_named(ms: list[Mention]) -> set[str]:
    """The host countries a sentence names (places, demonyms, agencies)."""
    g = gazetteer()
    out = {m.value.country for m in ms if m.kind == "place" and is_host(m.value)}
    out |= {m.value for m in ms if m.kind == "demonym" and g.is_host(m.value)}
    out |= {m.value[1] for m in ms if m.kind == "agency" and g.is_host(m.value[1])}
    return out


def _dominant_host(doc: Document) -> str | None:
    """The host country a document is mostly about (over half of its host-country names), if any."""
    counts: dict[str, int] = {}
    for m in doc.mentions:
        code = m.value.country if m.kind == "place" else (m.value if m.kind == "demonym" else None)
        if code and gazetteer().is_host(code):
            counts[code] = counts.get(code, 0) + 1
    total = sum(counts.values())
    if total < 3:
        return None
    code, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return code if n > total / 2 else None


def _bare_institution(L, text: str, start: int, end: int) -> bool:
    """An unnamed host body ("officials", "the ministry") — not a Chinese one, and not "the ministry"
    of a story whose last named ministry was China's."""
    for m in L.institution.finditer(text, start, end):
        if _FOREIGN_INST.search(text[max(start, m.start() - 40):m.start()]):
            continue
        word = m.group(0).split()[-1].lower()
        if not _THE.search(text[max(start, m.start() - 4):m.start()]) or word == "police":
            return True  # only "the ministry", "the government" point back to one named before
        lo = max(0, start - _LOOKBACK)
        earlier = [e for e in re.finditer(rf"\b{re.escape(word)}\b", text[lo:start], re.IGNORECASE)
                   if _QUALIFIED.search(text[max(lo, lo + e.start() - 40):lo + e.start()])]
        if earlier and _FOREIGN_INST.search(text[max(lo, lo + earlier[-1].start() - 40):lo + earlier[-1].start()]):
            continue
        return True
    return False


_CONTRAST = _regex.compile(r",?\s(?:while|whereas|but)\s|;\s|,\sand\s(?=in\s+(?:the\s+)?[A-Z])|,\sand\s(?=(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+"
                       r"(?:has|have|had|is|are|was|were|said|says|ordered|orders|announced|closed|summoned)\b)")
_LIST_HEAD = _regex.compile(r"^((?:[-•*]|\d+[.)])?\s*)[A-Z][\w .'’-]{1,40}?(?::|\s*\|)\s")
_LIST_GLUE = _regex.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?$", re.IGNORECASE)


def _subject_countries(doc: Document, ms: list[Mention], sent_start: int) -> list[tuple[str, Mention]]:
    """Countries that act: named as a subject, not inside a prepositional phrase."""
    L = lex(doc)
    text = doc.text
    g = gazetteer()
    out: list[tuple[str, Mention]] = []
    places = [m for m in ms if m.kind == "place"]
    blocked_prev = None
    prev_end = None
    for m in places:
        p = m.value
        before = text[max(sent_start, m.start - 30):m.start]
        in_list = prev_end is not None and _LIST_GLUE.match(text[prev_end:m.start])
        if in_list:
            blocked = blocked_prev
        else:
            blocked = bool(L.place_preposition.search(before)) and not _BODY_IN.search(before)
        prev_end, blocked_prev = m.end, blocked
        if blocked or not is_host(p):
            continue
        if text[m.end:m.end + 7].startswith(("-based", "’s ", "'s ")):
            continue
        if p.kind == "country":
            out.append((p.country, m))
        elif p.kind == "city" and m.start - sent_start <= 12:
            # a capital standing for its government: "Ottawa joins …"
            if g.is_capital(p):
                out.append((p.country, m))
    return out


def _actors(doc: Document, ms: list[Mention], sent_start: int, sent_end: int) -> list[tuple[str, str | None, int]]:
    """(country, body as written or None, position) of every host actor named in the sentence."""
    L = lex(doc)
    text = doc.text
    actors: list[tuple[str, str | None, int]] = []
    for m in ms:
        if m.kind == "agency" and gazetteer().is_host(m.value[1]):
            actors.append((m.value[1], m.value[0], m.start))
        elif m.kind == "demonym" and gazetteer().is_host(m.value):
            follow = text[m.end:min(sent_end, m.end + 60)]
            # "Irish and Dutch governments": the noun after a list of demonyms belongs to each
            tail = re.match(r"(?:(?:,| and| or) [A-Z][a-z]+)*\s", follow)
            rest = follow[tail.end():] if tail else ""
            inst = L.institution.match(rest)
            if inst and tail:
                actors.append((m.value, text[m.start:m.end] + " " + rest[:inst.end()], m.start))
            elif text[max(sent_start, m.start - 4):m.start].lower() == "the " and _PEOPLE_ACT.match(text, m.end):
                actors.append((m.value, None, m.start))  # "the Dutch simply ordered the offices closed"
    for m in ms:
        if m.kind == "place" and m.value.kind == "country" and is_host(m.value):
            follow = text[m.end:min(sent_end, m.end + 50)]
            poss = re.match(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?=(?:federal |national |local )?(?:police|authorities|"
                            r"government|ministry|minister|prosecutors?|intelligence|security|objections?|protests?|"
                            r"concerns?|decision|position)\b)", follow, re.IGNORECASE)
            inst = L.institution.match(follow[poss.end():]) if poss else None
            if inst:
                actors.append((m.value.country, text[m.start:m.end + poss.end() + inst.end()], m.start))
    for m in ms:
        if m.kind == "place" and is_host(m.value) and _ACTION_IN.search(
                LIST_BACK.sub("", text[max(sent_start, m.start - 60):m.start])):
            actors.append((m.value.country, None, m.start))  # "inquiries in Dublin and Amsterdam"
    for code, m in _subject_countries(doc, ms, sent_start):
        actors.append((code, None, m.start))
    return actors


def _side_actions(L, part: str, actions: list[str]) -> list[str]:
    """Which of the sentence's ``actions`` one side of a contrast asserts (a firm judgement or a message
    to the Chinese side counts as a concern there too)."""
    wanted = set(actions) | ({"concern_firm", "concern_contact"} if "concern" in actions else set())
    found = [name for name, rx in L.actions if name in wanted
             and _asserted(rx.finditer(part), part, name == "concern_firm")]
    return [n for n in actions if n in _contact(L, found, part)]


def _by_contrast(L, text: str, start: int, end: int, actors: list, actions: list[str]) -> list:
    """(country, body, actions) for each actor. In "Sweden is investigating, while Finland said it had no
    evidence" each side of the contrast keeps its own actions, and a side with none adds no response."""
    cuts = [start] + [m.end() for m in _CONTRAST.finditer(text, start, end)] + [end]
    if len(cuts) == 2:
        return [(code, actor, actions) for code, actor, _pos in actors]
    parts = [(a, b, _side_actions(L, text[a:b], actions)) for a, b in itertools.pairwise(cuts)]
    holders = {i for i, (a, b, _acts) in enumerate(parts) if any(a <= pos < b for _c, _a, pos in actors)}
    out = []
    for code, actor, pos in actors:
        i = next((i for i, (a, b, _acts) in enumerate(parts) if a <= pos < b), None)
        if i is None:
            out.append((code, actor, actions))
            continue
        own = parts[i][2]
        # "… knows of no such activity, but will look into it": a side with no actor of its own
        # continues the actor before it
        j = i + 1
        while not own and j < len(parts) and j not in holders:
            own = parts[j][2]
            j += 1
        if own:
            out.append((code, actor, own))
    # "… ordered to shut; his ministry says it will investigate": a side that opens with a pronoun acts
    # for the actor of the side before it
    for i, (a, b, acts) in enumerate(parts):
        if i in holders or not acts or not _PRONOUN_SIDE.match(text, a, b):
            continue
        j = max((h for h in holders if h < i), default=None)
        if j is not None:
            out += [(code, actor, acts) for code, actor, pos in actors if parts[j][0] <= pos < parts[j][1]]
    return out


_PRONOUN_SIDE = _regex.compile(r"\s*(?:his|her|its|their|it|they|he|she)\b", re.IGNORECASE)


def extract_responses(doc: Document) -> Document:
    if not on_topic(doc):
        return doc
    L = lex(doc)
    found: dict[tuple[str, str], Fact] = {}
    pending: str | None = None  # an action whose actor was "other countries"
    last: tuple[int, str] | None = None  # (sentence, country) of the last named actor
    dominant = _dominant_host(doc)
    by_sent = by_sentence(doc)
    action_keys = [(name, f"action:{name}", rx) for name, rx in L.actions]
    fams = doc.notes.get("families")
    for si, sent, stext, ms in each_sentence(doc):
        # each action's own literals (the prefilter) decide which of its patterns run at all
        hit = fams[si] if fams is not None and si < len(fams) else None
        actions = [name for name, key, rx in action_keys if (hit is None or key in hit)
                   and _asserted(each_match(doc, si, key, rx, stext), stext, name.startswith("concern"))]
        actions = _contact(L, _self_closure(L, actions, stext), stext)
        if actions and _ITEM.match(stext) and _asks_for(doc, si):
            actions = []  # "The coalition calls on: - the police to open an investigation …": a demand, not an act
        if not actions and not pending:
            continue
        actors = _actors(doc, ms, sent.start, sent.end) if actions else []
        if actions and not actors and (coll := L.collective.search(stext)) \
                and not _WHERE_COUNT.search(stext, 0, coll.start()):
            named = [m.value.country for m in ms if m.kind == "place" and m.value.kind == "country"
                     and is_host(m.value) and m.start > sent.start + coll.end()]
            if named:  # "several countries, including Canada, Ireland and Germany, are making inquiries"
                for code in named:
                    for action in actions:
                        _add(found, code, None, action, (sent.start, sent.end))
                continue
            pending = actions[0]
            continue
        if not actions and pending:
            named = [m.value.country for m in ms if m.kind == "place" and m.value.kind == "country"
                     and is_host(m.value)]
            if named:
                for code in named:
                    _add(found, code, None, pending, (sent.start, sent.end))
            pending = None
            continue
        pending = None
        if actions and actors:
            last = (si, actors[0][0])
            actors = _by_contrast(L, doc.text, sent.start, sent.end, actors, actions)
        elif actions and ((unnamed := _bare_institution(L, doc.text, sent.start, sent.end)
                           or _POSSESSIVE_START.match(stext) or _PRONOUN_START.match(stext))
                          or ("arrest" in actions and _CONCRETE_ARREST.search(stext))):
            if not unnamed:
                actions = ["arrest"]  # an arrest is the act of the country where it happens ("charged in Brooklyn")
            # "officials are investigating", "his ministry had started looking into it": the
            # country is the one host country of the sentence, or the last actor's
            hosts = {m.value.country for m in ms if m.kind == "place" and is_host(m.value)
                     and not doc.text.startswith("-based", m.end)}
            hosts |= {m.value for m in ms if m.kind == "demonym" and gazetteer().is_host(m.value)}
            opener = next((m.value.country for m in ms if m.kind == "place" and m.value.kind == "country"
                           and is_host(m.value) and _IN_OPENER.fullmatch(doc.text, sent.start, m.start)), None)
            if len(hosts) == 1:
                actors = [(hosts.pop(), None, actions)]
            elif opener:
                actors = [(opener, None, actions)]  # "In the United States, federal agents searched …"
            elif not hosts and last and si - last[0] <= 1:
                actors = [(last[1], None, actions)]
            elif not hosts and (before := _hosts_named(by_sent.get(si - 1, []))) and len(before) == 1:
                actors = [(before.pop(), None, actions)]  # "The Belgian ministry said … . It called in …"
            elif not hosts and dominant:
                actors = [(dominant, None, actions)]  # a story about one country: its police, its ministry
            elif not hosts and last and si - last[0] <= 3:
                actors = [(last[1], None, actions)]
            if "concern" in actions and not L.diplomatic.search(stext):
                actors = [(c, a, [x for x in acts if x != "concern"]) for c, a, acts in actors]
        if actions and not actors:
            head = _LIST_HEAD.match(stext)  # "- Ireland: the Dublin station has been ordered shut."
            lead = next((m for m in ms if m.kind == "place" and m.start == sent.start + (head.end(1) if head else -1)), None)
            if lead is not None and lead.value.kind == "country" and is_host(lead.value):
                actors = [(lead.value.country, None, actions)]
        if not actions or not actors:
            continue
        for code, actor, acts in actors:
            for action in acts:
                _add(found, code, actor, action, (sent.start, sent.end))
    return replace(doc, facts=doc.facts + list(found.values()))


def _add(found: dict, code: str, actor: str | None, action: str, span: tuple[int, int]) -> None:
    key = (code, action)
    f = found.get(key)
    if f is None:
        found[key] = Fact("response", {"country": code, "actor": actor, "action": action}, [span], 0.7, NAME)
    else:
        if span not in f.evidence:
            f.evidence.append(span)
        f.data["actor"] = f.data["actor"] or actor
        f.confidence = min(0.95, f.confidence + 0.1)
