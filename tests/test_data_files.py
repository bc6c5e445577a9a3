"""The data files are data: every list entry is a string (YAML 1.1 turns bare On/No/Yes into booleans)."""

from __future__ import annotations

from importlib import resources

import yaml


def _walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                yield f"{path} (a key)", k  # "NO: [Norwegian]" makes the key False
            if isinstance(v, (dict, list)):
                yield from _walk(v, f"{path}.{k}")
            elif k not in ("generic",):  # flags are the only booleans a data file may hold
                yield f"{path}.{k}", v
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, (dict, list)):
                yield from _walk(v, f"{path}[{i}]")
            else:
                yield path, v


def test_every_list_entry_is_text_or_a_number():
    root = resources.files("stationwatch").joinpath("data")
    files = [p for p in root.rglob("*.yaml")] if hasattr(root, "rglob") else []
    assert files
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for path, value in _walk(data, f.name):
            assert not isinstance(value, bool) and value is not None, (path, value)


def test_no_trigger_pattern_ends_in_a_space():
    """Patterns are wrapped in word boundaries, so one ending in a space could never match before a word."""
    root = resources.files("stationwatch").joinpath("data")
    for f in root.rglob("triggers.yaml"):
        for path, value in _walk(yaml.safe_load(f.read_text(encoding="utf-8")), f.name):
            if isinstance(value, str):
                assert not value.endswith((" ", r"\s", r"\s+", r"\s*")), (path, value)
