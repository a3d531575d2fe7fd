"""The commands' documentation keeps up with the commands: each `pressbot` subcommand beyond INTERFACE.md's
(ask, chat, run, check) has one section in docs/commands.md with an example, and the README's table names
every subcommand."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pressbot.bot.cli.main import _parser

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = {"ask", "chat", "run", "check"}  # INTERFACE.md's table, shown in the README


def subcommands() -> set[str]:
    [action] = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return set(action.choices)


def sections() -> dict[str, str]:
    """docs/commands.md's `### \\`pressbot NAME …\\`` sections by command name."""
    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    parts = re.split(r"^### `pressbot (\w+)", text, flags=re.MULTILINE)
    return {name: body for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_every_command_beyond_the_contract_has_one_section_with_an_example() -> None:
    documented = sections()
    for name in subcommands() - CONTRACT:
        assert name in documented, f"docs/commands.md has no section for `pressbot {name}`"
        assert f"$ pressbot {name}" in documented[name], f"`pressbot {name}` has no example"


def test_the_readme_table_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in subcommands():
        assert f"`pressbot {name}" in readme, f"README does not name `pressbot {name}`"
