"""FollowTheMoney export: stations as organisations with addresses, documents as articles, and the
evidence linking them as documentation entities — one JSON entity per line, as Aleph-style tools load."""

from __future__ import annotations

import json

from followthemoney import model

_NS = "stationwatch"


def _id(*parts: str) -> str:
    return _NS + "-" + "-".join(p.replace(":", "") for p in parts)


def to_ftm(registry: dict, documents: dict[str, dict], evidence: dict[str, list[tuple[str, str]]]) -> str:
    """``documents``: id -> stored document metadata; ``evidence``: row id -> [(document id, sentence)]."""
    out = []
    articles: dict[str, object] = {}

    def article(doc_id: str):
        if doc_id not in articles and doc_id in documents:
            d = documents[doc_id]
            a = model.make_entity("Article")
            a.id = _id("doc", doc_id[7:23] if doc_id.startswith("sha256:") else doc_id)
            a.add("title", d.get("title") or d.get("source"))
            a.add("publishedAt", d.get("published"))
            a.add("language", d.get("language"), quiet=True)
            a.add("sourceUrl", d.get("url"), quiet=True)
            a.add("publisher", d.get("outlet"))
            a.add("contentHash", doc_id.removeprefix("sha256:"), quiet=True)
            articles[doc_id] = a
        return articles.get(doc_id)

    for row in registry["stations"]:
        org = model.make_entity("Organization")
        org.id = _id("station", row["id"])
        place = ", ".join(p for p in (row.get("city"), row.get("country")) if p) or "unplaced"
        org.add("name", f"Overseas police service station ({place})")
        org.add("country", row.get("country"), quiet=True)
        org.add("topics", "gov.police", quiet=True)
        ops = row["operator"] if isinstance(row["operator"], list) else [row["operator"]] if row["operator"] else []
        for op in ops:
            org.add("description", f"Operated by the {op} public security bureau")
        org.add("status", row.get("status"))
        if row.get("city") or row.get("address"):
            addr = model.make_entity("Address")
            addr.id = _id("address", row["id"])
            full = ", ".join(p for p in (row.get("address"), row.get("city"), row.get("country")) if p)
            addr.add("full", full)
            addr.add("city", row.get("city"))
            addr.add("street", row.get("address"))
            addr.add("country", row.get("country"), quiet=True)
            if row.get("lat") is not None:
                addr.add("latitude", str(row["lat"]))
                addr.add("longitude", str(row["lon"]))
            org.add("addressEntity", addr.id)
            org.add("address", full)
            out.append(addr)
        out.append(org)
        by_doc: dict[str, list[str]] = {}
        for doc_id, sentence in evidence.get(row["id"], []):
            by_doc.setdefault(doc_id, []).append(sentence)
        for doc_id in row.get("sources", []):
            a = article(doc_id)
            if a is None:
                continue
            link = model.make_entity("Documentation")
            link.id = _id("evidence", row["id"], a.id)
            link.add("entity", org.id)
            link.add("document", a.id)
            link.add("role", "evidence")
            for sentence in dict.fromkeys(by_doc.get(doc_id, [])):
                link.add("summary", sentence)
            out.append(link)
    out.extend(articles.values())
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in out)
