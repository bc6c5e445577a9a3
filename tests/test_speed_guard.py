"""A loose guard against pathological slow-downs (benchmarks/speed.py measures the real figure:
about 320 documents/s on one core for seed pages when this was written)."""

from __future__ import annotations

import time

from stationwatch.extract import build_pipeline, run
from stationwatch.ingest import from_text


def test_extraction_stays_far_from_pathological(seeds):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] * 10
    pipeline = build_pipeline()
    run(from_text(texts[0], "warm"), pipeline)
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        run(from_text(t, str(i)), pipeline)
    per_doc = (time.perf_counter() - t0) / len(texts)
    assert per_doc < 0.05, f"{per_doc * 1000:.1f} ms per document (the benchmark reached ~3 ms)"
