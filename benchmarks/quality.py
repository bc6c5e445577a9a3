"""Extraction quality: FACTS.md scores on the seed pages and on our own annotated corpora.

    python benchmarks/quality.py [--json]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS, SEEDS, SHARED, scorer  # noqa: E402

from stationwatch.extract import pipe  # noqa: E402
from stationwatch.ingest import read  # noqa: E402

TYPES = ("station", "response", "tally", "figure", "statement")


def score_set(files: list[Path], gold: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for doc in pipe(d for d in read(files, 20_000_000) if not isinstance(d, Exception)):
            fh.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        out = fh.name
    return scorer().score(str(gold), out)


def _natural(path: Path) -> tuple:
    """en2 before en10."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name.removesuffix(".gold.jsonl")))


def sets() -> list[tuple[str, list[Path], Path]]:
    found = []
    if SEEDS.exists():
        found.append(("seeds", sorted(SEEDS.glob("*.txt")), SHARED / "eval" / "seeds.gold.jsonl"))
    for root in (CORPUS, CORPUS.parent / "heldout"):
        for gold in sorted(root.glob("*.gold.jsonl"), key=_natural):
            name = gold.name.removesuffix(".gold.jsonl")
            folder = root / name
            files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
            found.append((f"{root.name}/{name}", files, gold))
    return found


def language_of(set_name: str) -> str:
    """'heldout/zh2' -> 'zh' (a set is named after its language, then its number)."""
    return re.sub(r"\d+$", "", set_name.rsplit("/", 1)[-1])


def by_language(results: dict) -> dict[str, tuple[list, list]]:
    """language -> (development sets' results, held-out sets' results)."""
    out: dict[str, tuple[list, list]] = {}
    for name, res in results.items():
        if name == "seeds":
            continue
        dev, held = out.setdefault(language_of(name), ([], []))
        (dev if name.startswith("corpus/") else held).append(res)
    return dict(sorted(out.items()))


def pooled(results: list[dict]) -> dict:
    """Headline F1 over several sets, from their summed counts (not a mean of F1s)."""
    f1s = []
    for t in ("station", "response", "tally"):
        tp = sum(r["types"][t]["tp"] for r in results)
        fp = sum(r["types"][t]["fp"] for r in results)
        fn = sum(r["types"][t]["fn"] for r in results)
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r_ = tp / (tp + fn) if tp + fn else 1.0
        f1s.append(2 * p * r_ / (p + r_) if p + r_ else 0.0)
    return {"docs": sum(r["documents"] for r in results), "headline": sum(f1s) / 3}


def main() -> int:
    results = {name: score_set(files, gold) for name, files, gold in sets()}
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'set':<14} {'docs':>4} " + " ".join(f"{t:>9}" for t in TYPES) + f" {'headline':>9}")
    for name, res in results.items():
        f1 = " ".join(f"{res['types'][t]['f1']:>9.3f}" for t in TYPES)
        print(f"{name:<14} {res['documents']:>4} {f1} {res['headline_f1']:>9.3f}")
    print()
    print("headline F1 by language (pooled over its sets; the development corpus and the held-out sets apart)")
    print(f"{'language':<9} {'dev docs':>8} {'dev':>6} {'held-out docs':>13} {'held-out':>9}")
    for lang, (dev, held) in by_language(results).items():
        cells = [f"{pooled(r)['docs']:>8} {pooled(r)['headline']:>6.3f}" if r else f"{'':>8} {'-':>6}" for r in (dev,)]
        cells += [f"{pooled(r)['docs']:>13} {pooled(r)['headline']:>9.3f}" if r else f"{'':>13} {'-':>9}" for r in (held,)]
        print(f"{lang:<9} " + " ".join(cells))
    if "seeds" in results:
        for name, res in results.items():
            if name != "seeds":
                gap = results["seeds"]["headline_f1"] - res["headline_f1"]
                print(f"headline gap seeds - {name}: {gap:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
