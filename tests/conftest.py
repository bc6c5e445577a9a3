from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STATIONWATCH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"
CORPUS = ROOT / "benchmarks" / "corpus"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def scorer():
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared/eval/score.py not found")
    return load_scorer()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not found")
    return SEEDS


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def db(tmp_path) -> str:
    return str(tmp_path / "sw.db")


def cli(runner: CliRunner, *args: str):
    from stationwatch.cli import app

    return runner.invoke(app, list(args), catch_exceptions=False)


def python() -> str:
    return sys.executable
