"""Extraction speed on one core: plain text, and the full HTML path against trafilatura alone.

    python benchmarks/speed.py [--docs N]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trafilatura  # noqa: E402
from _common import ROOT, SEEDS, as_html_page  # noqa: E402

from stationwatch.extract import build_pipeline, run  # noqa: E402
from stationwatch.ingest import from_html, from_text  # noqa: E402


def texts(seeds_only: bool, languages: tuple[str, ...] | None = ("en",)) -> list[str]:
    """The seed pages, and unless ``seeds_only`` our own corpus in ``languages`` (None: every language)."""
    files = sorted(SEEDS.glob("*.txt"))
    if not seeds_only:
        for folder in sorted(p for p in (ROOT / "benchmarks" / "corpus").iterdir() if p.is_dir()):
            if languages is None or folder.name in languages:
                files += sorted(folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def corpus_languages() -> list[str]:
    return sorted(p.name for p in (ROOT / "benchmarks" / "corpus").iterdir() if p.is_dir())


def _stream(results) -> int:
    """Consume results one by one, as `extract` and `ingest` do (nothing is kept)."""
    n = 0
    for _ in results:
        n += 1
    return n


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def languages_cost(pipeline) -> None:
    """Per-document cost of language detection (English: the function-word shortcut; other languages: the
    py3langid model), and of extraction in each language of the corpus."""
    from stationwatch.extract.language import language_of

    for label, langs in (("English", ("en",)), ("other languages", tuple(x for x in corpus_languages() if x != "en"))):
        sample = texts(label != "English", langs) if label == "English" else texts(False, langs)[5:]
        if not sample:
            continue
        t = best_of(lambda s=sample: [language_of(x) for x in s])
        print(f"language detection, {label}: {1e6 * t / len(sample):7.0f} µs/doc")
    for lang in corpus_languages():
        sample = texts(False, (lang,))[5:] if lang != "en" else texts(False, ("en",))
        t = best_of(lambda s=sample: _stream(run(from_text(x, f"d{i}"), pipeline) for i, x in enumerate(s)), repeat=3)
        chars = sum(len(x) for x in sample) / len(sample)
        print(f"extraction, {lang}: {1000 * t / len(sample):6.2f} ms/doc ({chars:.0f} chars/doc, {len(sample)} docs)")


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    n = int(sys.argv[sys.argv.index("--docs") + 1]) if "--docs" in sys.argv else 300
    pipeline = build_pipeline()
    run(from_text(texts(True)[0], "warmup"), pipeline)  # load gazetteer and patterns once
    for label, seeds_only, langs in (("text path, seed pages", True, ("en",)),
                                     ("text path, seeds + own English corpus", False, ("en",)),
                                     ("text path, seeds + corpus in every language", False, None)):
        base = texts(seeds_only, langs)
        sample = [base[i % len(base)] for i in range(n)]
        t = best_of(lambda s=sample: _stream(run(from_text(x, f"d{i}"), pipeline) for i, x in enumerate(s)))
        chars = sum(len(x) for x in sample) / len(sample)
        print(f"{label}: {n / t:8.1f} documents/s on one core ({chars:.0f} chars/doc, {1000 * t / n:.2f} ms/doc)")
    languages_cost(pipeline)
    docs = [texts(True)[i % 5] for i in range(n)]
    pages = [as_html_page(t, i) for i, t in enumerate(docs[: max(n // 3, 20)])]
    # the two are timed in turns, so a slow spell of the machine weighs on both alike
    t_traf, t_html = float("inf"), float("inf")
    for _ in range(5):
        t_traf = min(t_traf, best_of(lambda: _stream(trafilatura.bare_extraction(
            p, with_metadata=True, include_comments=False, include_tables=False) for p in pages), repeat=1))
        t_html = min(t_html, best_of(lambda: _stream(run(from_html(p, f"p{i}"), pipeline) for i, p in enumerate(pages)),
                                     repeat=1))
    size = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"HTML path:  {len(pages) / t_html:8.1f} documents/s ({1000 * t_html / len(pages):.2f} ms/page, {size:.0f} KB/page)")
    print(f"trafilatura alone: {len(pages) / t_traf:8.1f} documents/s ({1000 * t_traf / len(pages):.2f} ms/page)")
    print(f"HTML path / trafilatura alone: {t_html / t_traf:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
