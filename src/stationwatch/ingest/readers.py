"""Readers: files, folders, HTML and JSONL records -> :class:`Document`.

Nothing else in stationwatch reads input files. Every reader yields either a Document or a
:class:`BadInput` (never raises for bad input), so a run can report it and go on.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..document import Document
from ..errors import BadInput
from ._clean import clean_lines

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT

Item = Document | BadInput


def decode(data: bytes, source: str) -> str:
    """Bytes -> str, or BadInput when the bytes are not sensible text."""
    if not data:
        raise BadInput(source, "empty file (0 bytes)")
    if b"\x00" in data[:8192]:
        raise BadInput(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig").replace("\x00", "")
    except UnicodeDecodeError as exc:
        first_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise BadInput(source, f"not valid UTF-8 (byte {first_error.start}) and no other encoding fits")
    text = str(best)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > len(text) / 100:
        raise BadInput(source, "not valid UTF-8 and decodes to control characters")
    return text


def from_text(raw: str, source: str, **meta) -> Document:
    cleaned = clean_lines(raw, title=meta.pop("title", None))
    if not cleaned.paragraphs and not cleaned.title:
        raise BadInput(source, "no article text left after removing page furniture")
    return Document(source=source, text=cleaned.text, title=cleaned.title,
                    published=meta.pop("published", None) or cleaned.published,
                    dropped=cleaned.dropped, raw_format="text", **meta)


def from_html(html: str, source: str, **meta) -> Document:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=meta.get("url"), with_metadata=True,
                                             include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise BadInput(source, f"HTML could not be parsed ({type(exc).__name__})") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise BadInput(source, "no article text found in the HTML")
    title = meta.pop("title", None) or getattr(result, "title", None)
    if title and text.startswith(title):
        text = text[len(title):]
    cleaned = clean_lines(text, title=title)
    if not cleaned.paragraphs and not cleaned.title:
        raise BadInput(source, "no article text found in the HTML")
    published = meta.pop("published", None) or iso_date(getattr(result, "date", None)) or cleaned.published
    outlet = meta.pop("outlet", None) or getattr(result, "sitename", None)
    return Document(source=source, text=cleaned.text, title=cleaned.title, published=published,
                    outlet=outlet, dropped=cleaned.dropped, raw_format="html", **meta)


_RECORD_KEYS = {"url", "title", "published", "outlet", "language"}


def iso_date(value: str | None) -> str | None:
    """'2022-10-26T09:30:00Z' -> '2022-10-26'; anything that is not a real date -> None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def iso_language(value: str | None) -> str | None:
    """'en', 'en-GB', 'EN' -> 'en'; anything else -> None."""
    m = re.fullmatch(r"\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)?\s*", value or "")
    return m.group(1).lower() if m else None


def from_record(rec: object, source: str, line: int) -> Document:
    if not isinstance(rec, dict):
        raise BadInput(source, "JSON line is not an object", line)
    meta = {k: rec.get(k) for k in _RECORD_KEYS if isinstance(rec.get(k), str) and rec.get(k)}
    if "published" in meta:
        meta["published"] = iso_date(meta["published"])
    if "language" in meta:
        meta["language"] = iso_language(meta["language"])
    src = meta.get("url") or f"{source}#{line}"
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        return from_html(rec["html"], src, **meta)
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return from_text(rec["text"], src, **meta)
    raise BadInput(source, "record has no 'text' or 'html' string", line)


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    # split on "\n" only: U+2028 and friends may stand inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(source, f"not JSON ({exc.msg} at column {exc.colno})", n)
            continue
        except RecursionError:
            yield BadInput(source, "JSON nested too deeply", n)
            continue
        try:
            yield from_record(rec, source, n)
        except BadInput as bad:
            if bad.line is None:
                bad = BadInput(source, bad.reason, n)
            yield bad


def read_file(path: Path, max_bytes: int, source: str | None = None) -> Iterator[Item]:
    source = source or str(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        yield BadInput(source, f"unsupported file type '{ext or '(none)'}' (use .txt, .html, .htm or .jsonl)")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield BadInput(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                                   "(raise it with --max-bytes or STATIONWATCH_MAX_BYTES)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield BadInput(source, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_file_bytes(data, source)


def read_file_bytes(data: bytes, source: str) -> Iterator[Item]:
    """A file's bytes (read from disk, or uploaded) -> Documents and BadInputs; its name's extension says
    how to read it."""
    ext = Path(source).suffix.lower()
    if ext not in SUPPORTED:
        yield BadInput(source, f"unsupported file type '{ext or '(none)'}' (use .txt, .html, .htm or .jsonl)")
        return
    try:
        text = decode(data, source)
        if ext in JSONL_EXT:
            yield from read_jsonl(text, source)
        elif ext in HTML_EXT:
            yield from_html(text, source)
        else:
            yield from_text(text, source)
    except BadInput as bad:
        yield bad


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[Path | BadInput]:
    """Paths and folders (recursively, sorted, hidden files skipped) -> files."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    if child.suffix.lower() in SUPPORTED:
                        yield child
        elif path.exists():
            yield path
        else:
            yield BadInput(str(p), "no such file or folder")


def read(paths: Iterable[str | os.PathLike], max_bytes: int) -> Iterator[Item]:
    """Every input path -> Documents and BadInputs, in input order."""
    for item in expand(paths):
        if isinstance(item, BadInput):
            yield item
        else:
            yield from read_file(item, max_bytes, source=str(item))
