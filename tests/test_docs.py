"""Every CLI command has help text and is mentioned in the README (as sqlite-utils does)."""

from __future__ import annotations

import re

from stationwatch.cli import app

from .conftest import ROOT, cli


def _commands():
    import typer.main

    group = typer.main.get_command(app)
    return group.commands


def test_every_command_has_help_and_is_in_readme(runner):
    readme = (ROOT / "README.md").read_text()
    for name, command in _commands().items():
        assert command.help, name
        assert f"stationwatch {name}" in readme, name
        res = cli(runner, name, "--help")
        assert res.exit_code == 0 and "Usage" in res.output


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert len(blocks) >= 2
    assert blocks[1].strip() in ci
