"""Shared paths and helpers for the benchmark scripts (not tests)."""

from __future__ import annotations

import html
import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STATIONWATCH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "benchmarks" / "corpus"


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def as_html_page(text: str, n: int) -> str:
    """Wrap a plain-text report in a realistic news page: head, nav, sidebar, footer."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    title, body = lines[0], lines[1:]
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))
    related = "".join(f'<li><a href="/story/{n}-{i}">Related story number {i} about other news</a></li>'
                      for i in range(8))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-11-{1 + n % 28:02d}">
<script>window.dataLayer=[];function track(){{}}</script><style>body{{font-family:serif}}</style></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1><div class="byline">By Staff Reporter</div>{paras}</article>
<aside><h3>Related</h3><ul>{related}</ul></aside></main>
<footer><p>Copyright Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>"""
