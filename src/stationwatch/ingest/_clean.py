"""Clean text pasted from a web page: drop menus, share lines, captions, credits, bylines.

Works line by line with the patterns in ``data/boilerplate.yaml``; the same cleaner runs on
trafilatura's output for HTML, so both paths give the same kind of clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from .. import _regex
from .._data import languages, load_yaml
from .._langid import language_of

_TERMINAL = _regex.compile(r"[.!?…:;)\]\"”’'。！？：；）」』]\s*$")
_DATE = _regex.compile(
    r"(?:release time|published|posted|updated|date|publicado|publicada|publié|publiée|pubblicato|gepubliceerd|"
    r"veröffentlicht|diterbitkan|dipublikasikan|发布时间|發佈時間|发布日期|時間|时间|日期|公開日|掲載日|更新日)"
    r"\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})",
    re.IGNORECASE)
# a word glued to the next sentence's first word by a scraper ("reportThe paper")
_GLUED = _regex.compile(r"(?=[a-z])\b([a-z]{3,})(The|A|An|In|On|It|This|That|These|Those|He|She|They|We)\b")
_RELATED_HEAD = _regex.compile(
    r"^(?:keep reading|read more|related(?: stories| articles| news)?|you might also like|you may also like|"
    r"similar stories|more stories|recommended|more from .*)\s*:?\s*$", re.IGNORECASE)


@dataclass
class Cleaned:
    title: str | None
    paragraphs: list[str]
    dropped: list[str] = field(default_factory=list)
    published: str | None = None

    @property
    def text(self) -> str:
        parts = ([self.title] if self.title else []) + self.paragraphs
        return "\n\n".join(parts)


@lru_cache(maxsize=16)
def _patterns(language: str | None = None) -> tuple[re.Pattern, re.Pattern, int, int]:
    """The English lines (English furniture turns up on sites in every language) and those of the text's
    language (only its own: "Reporter:" ends an Indonesian page but opens a line of an English transcript)."""
    cfg = load_yaml("en/boilerplate.yaml")
    data = resources.files("stationwatch").joinpath("data")
    packs = [cfg] + [load_yaml(f"{lang}/boilerplate.yaml") for lang in languages()
                     if lang == language != "en" and data.joinpath(lang, "boilerplate.yaml").is_file()]
    lines = [p for pack in packs for p in pack.get("drop_line") or ()]
    suffixes = [p for pack in packs for p in pack.get("drop_suffix") or ()]
    whole = _regex.compile("^(?:" + "|".join(f"(?:{p})" for p in lines) + r")\s*$", re.IGNORECASE)
    suffix = _regex.compile("(?:" + "|".join(f"(?:{p})" for p in suffixes) + r")\s*$", re.IGNORECASE)
    return whole, suffix, int(cfg["min_words_untitled"]), int(cfg["breadcrumb_separators"])


def _is_credit(line: str) -> bool:
    return len(line) < 200 and _CREDIT.search(line) is not None


_BULLET = re.compile(_regex.LIST_ITEM)


def _unwrap(raw: str) -> str:
    """Join hard-wrapped lines: inside a block of text separated from others by blank lines, a line
    that does not end a sentence continues on the next one."""
    if "\n\n" not in raw:
        return raw
    blocks = raw.split("\n\n")
    out = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if len(lines) > 1 and sum(len(ln) >= 40 for ln in lines) >= len(lines) - 1:
            joined = [lines[0]]
            for ln in lines[1:]:
                # a list item or a table row starts its own line
                if _TERMINAL.search(joined[-1]) or _BULLET.match(ln) or ln.count(" | ") >= 2 \
                        or joined[-1].count(" | ") >= 2:
                    joined.append(ln)
                else:
                    joined[-1] += " " + ln
            out.append("\n".join(joined))
        else:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def _looks_like_caption(line: str) -> bool:
    """A photo caption: describes a picture ("… stand guard …", "… is seen …") or has no full stop."""
    return not line.rstrip().endswith((".", "!", "?", "”", '"')) or bool(
        re.search(r"\b(?:stands?|seen|pictured|walks?|poses?|sits?|gather(?:s|ed)?) (?:guard|outside|in front|during|near|at)\b",
                  line, re.IGNORECASE))


def _words(line: str) -> int:
    return len(line.split())


_LOWER_UPPER = _regex.compile(r"[a-z][A-Z]")
# a tab or no-break space, or two or more spaces in a row (a single space stays as it is)
_SPACES = re.compile(r"[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+")
_CREDIT = _regex.compile(r"/\s*(?:getty images|afp|reuters|ap|shutterstock|epa|alamy|bloomberg)\s*$|\b(?:photo|image)\s*$",
                     re.IGNORECASE)
_CJK = _regex.compile(r"[\u3040-\u9fff]")


def _has_cjk(line: str) -> bool:
    return _CJK.search(line) is not None


def _next_line(lines: list[str], i: int) -> str:
    return next((ln for ln in lines[i + 1:] if ln), "")


def clean_lines(raw: str, title: str | None = None) -> Cleaned:
    """Split ``raw`` into lines and keep the article's title and paragraphs."""
    drop_rx, suffix_rx, min_words, crumbs = _patterns(language_of(raw))
    raw = _SPACES.sub(" ", raw.replace("\r\n", "\n"))
    if _LOWER_UPPER.search(raw):  # only then can two words be glued ("sayingThe")
        raw = _GLUED.sub(r"\1 \2", raw)
    lines = [ln.strip() for ln in _unwrap(raw).split("\n")]
    out = Cleaned(title=title, paragraphs=[])
    seen: set[str] = set()
    in_related = False
    last_kept = -1  # index in ``lines`` of the last paragraph kept
    for i, line in enumerate(lines):
        if not line:
            continue
        if out.published is None and len(line) < 200:
            m = _DATE.search(line)
            if m:
                y, mo, d = (int(g) for g in m.groups())
                try:
                    out.published = date(y, mo, d).isoformat() if 1990 < y < 2100 else None
                except ValueError:
                    pass
        cjk = _has_cjk(line)
        long_enough = _words(line) >= min_words or (cjk and len(line) >= 12)
        if _RELATED_HEAD.match(line):
            in_related = True
            out.dropped.append(line)
            continue
        if _is_credit(line):
            out.dropped.append(line)
            prev = out.paragraphs[-1] if out.paragraphs else ""
            if prev and _words(prev) <= 60 and not any(lines[last_kept + 1:i]) and _looks_like_caption(prev):
                out.dropped.append(out.paragraphs.pop())
            continue
        if drop_rx.match(line) or line.count(" > ") >= crumbs or (len(line) < 400 and suffix_rx.search(line[-120:])):
            out.dropped.append(line)
            continue
        if in_related:
            if _TERMINAL.search(line) and long_enough:
                in_related = False
            else:
                out.dropped.append(line)
                continue
        if out.title is None:
            if long_enough or (_words(line) >= 4 and not _TERMINAL.search(line)):
                out.title = line.rstrip()
                seen.add(line)
            else:
                out.dropped.append(line)
            continue
        if line in seen or line == out.title:
            out.dropped.append(line)
            continue
        lead_in = line.endswith(":") and _words(line) >= 2 and _BULLET.match(_next_line(lines, i))
        if not long_enough and not lead_in and not (_TERMINAL.search(line) and _words(line) >= 3):
            out.dropped.append(line)
            continue
        if not long_enough and not lead_in and line.strip("“”\"'‘’ ").count(" ") < 4 \
                and not line.rstrip("”\"’'").endswith((".", "!", "?")):
            out.dropped.append(line)
            continue
        tag = re.search(r"\([^()]{2,60}\)$", line)
        if tag and not _TERMINAL.search(line.rstrip(")")) and not _TERMINAL.search(line[:tag.start()].rstrip()):
            # (a wire paragraph that ends "… Madeira. (INS)" is text with its agency's tag, not a caption)
            out.dropped.append(line)  # a caption ending in its credit: "Map of … (Agency)"
            continue
        seen.add(line)
        last_kept = i
        out.paragraphs.append(line)
    return out
