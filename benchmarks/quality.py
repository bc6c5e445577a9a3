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


def main() -> int:
    results = {name: score_set(files, gold) for name, files, gold in sets()}
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'set':<14} {'docs':>4} " + " ".join(f"{t:>9}" for t in TYPES) + f" {'headline':>9}")
    for name, res in results.items():
        f1 = " ".join(f"{res['types'][t]['f1']:>9.3f}" for t in TYPES)
        print(f"{name:<14} {res['documents']:>4} {f1} {res['headline_f1']:>9.3f}")
    if "seeds" in results:
        for name, res in results.items():
            if name != "seeds":
                gap = results["seeds"]["headline_f1"] - res["headline_f1"]
                print(f"headline gap seeds - {name}: {gap:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
