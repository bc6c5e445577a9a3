"""Stage: the document's language (ISO 639-1).

A record's own ``language`` wins. Otherwise a light script-and-function-word check tells
English and Chinese apart; other languages are left undetected (null) until a detector
library is wired in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document

_CJK = re.compile(r"[\u4e00-\u9fff]")
_EN = frozenset(("the", "and", "of", "to", "in", "that", "is", "was", "for", "with", "said", "by", "on", "have", "has"))
_WORD = re.compile(r"[A-Za-z]+")


def detect_language(doc: Document) -> Document:
    if doc.language:
        return doc
    sample = doc.text[:1500]
    if not sample:
        return doc
    cjk = len(_CJK.findall(sample))
    if cjk > len(sample) * 0.2:
        return replace(doc, language="zh")
    words = len(sample.split())
    if words and sum(1 for w in _WORD.findall(sample.lower()) if w in _EN) / words > 0.12:
        return replace(doc, language="en")
    return doc
