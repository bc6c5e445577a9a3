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
    """Wrap a plain-text report in a news page of realistic weight.

    Real article pages are mostly furniture: a head full of meta tags, inline scripts and
    styles (analytics, ad configuration), a mega-menu, teaser rails, a long footer. This page
    has the same parts, sized like a typical news page (about 90 KB), so trafilatura's share
    of the work is measured on the kind of input it really gets.
    """
    lines = [ln for ln in text.split("\n") if ln.strip()]
    title, body = lines[0], lines[1:]
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    metas = "".join(f'<meta name="keyword-{i}" content="topic {i} section {n}">' for i in range(40))
    config = ",".join(f'"slot{i}":{{"size":[300,250],"targeting":{{"pos":"{i}","section":"world"}}}}' for i in range(260))
    script = f"<script>window.__CONFIG__={{{config}}};</script>"
    analytics = "<script>" + ";".join(f"function f{i}(a,b){{return a*{i}+b}}" for i in range(500)) + "</script>"
    style = "<style>" + "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i % 999:03d}}}" for i in range(700)) + "</style>"
    nav = "".join(f'<li class="menu-item"><a href="/section/{i}">Section {i}</a><ul>' +
                  "".join(f'<li><a href="/section/{i}/{j}">Topic {i}.{j}</a></li>' for j in range(6)) + "</ul></li>"
                  for i in range(20))
    teasers = "".join(f'<div class="teaser"><a href="/story/{n}-{i}"><img src="/img/{i}.jpg" alt=""><h4>Other story '
                      f'number {i}</h4></a><p>Short teaser text for another article in this section.</p></div>'
                      for i in range(24))
    footer = "".join(f'<a href="/info/{i}">Footer link {i}</a> ' for i in range(90))
    return (f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-11-{1 + n % 28:02d}">
{metas}{style}{script}{analytics}</head>
<body><header><div class="top-bar">Subscribe | Sign in</div><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1><div class="byline">By Staff Reporter</div>{paras}
<div class="share">Share this article</div></article>
<aside><h3>More from this section</h3>{teasers}</aside></main>
<section class="comments"><h3>Comments</h3><p>Comments are closed.</p></section>
<footer>{footer}<p>Copyright Example News.</p></footer></body></html>""")
