"""The one object that flows through the pipeline, written stage by stage."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

FACT_TYPES = ("station", "response", "tally", "figure", "statement")

# Fields of each fact type, in contract order (FACTS.md). Extraction, storage and export
# all read this table.
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "station": ("country", "city", "count", "operator", "address", "status", "district"),
    "response": ("country", "actor", "action"),
    "tally": ("stations", "countries", "cities", "qualifier", "additional", "attributed_to", "as_of"),
    "figure": ("quantity", "value", "period"),
    "statement": ("speaker", "affiliation", "country", "stance"),
}


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Mention:
    kind: str          # place | demonym | bureau | agency | source | number
    start: int
    end: int
    text: str
    value: object      # a Place, an ISO code, an operator name, an int …
    sentence: int


@dataclass
class Fact:
    type: str
    data: dict
    evidence: list[tuple[int, int]]
    confidence: float = 0.8
    extractor: str = ""

    def key(self) -> tuple:
        return tuple(self.data.get(f) for f in FACT_FIELDS[self.type])

    def id(self, doc_id: str) -> str:
        raw = json.dumps([doc_id, self.type, self.key()], ensure_ascii=False, default=str)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]

    def to_json(self) -> dict:
        out = {"type": self.type}
        for f in FACT_FIELDS[self.type]:
            out[f] = self.data.get(f)
        for k, v in self.data.items():
            if k not in out and not k.startswith("_"):
                out[k] = v
        out["evidence"] = [{"start": s, "end": e} for s, e in self.evidence]
        out["confidence"] = round(self.confidence, 2)
        return out


@dataclass
class Document:
    """Source metadata and clean text; later stages fill ``sentences``, ``mentions``, ``facts``."""

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    raw_format: str = "text"
    dropped: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return text_hash(self.text)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def to_json(self) -> dict:
        """The FACTS.md contract line."""
        return {
            "doc_id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text_chars": len(self.text),
            "facts": [f.to_json() for f in self.facts],
        }
