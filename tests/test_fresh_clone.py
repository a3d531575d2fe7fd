"""What a fresh clone has: the README's links lead to files in the project, `pressbot eval` runs on the QA file
the project ships, and docs/ask-json.md documents exactly the fields `pressbot ask --json` prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from pressbot.bot.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_QA = ROOT / "benchmarks" / "data" / "citizen-dev.yaml"


def test_every_link_in_the_readme_and_docs_leads_to_a_file_in_the_project() -> None:
    checked = 0
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        targets = re.findall(r"\]\(([^)#]+)\)", page.read_text(encoding="utf-8"))
        local = [t for t in targets if not t.startswith(("http://", "https://"))]
        assert [t for t in local if not (page.parent / t).exists()] == [], page
        checked += len(local)
    assert checked >= 5


def test_eval_without_qa_asks_the_bundled_qa_file(capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(BUNDLED_QA.read_text(encoding="utf-8"))
    assert main(["eval", "--json"]) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert (overall["in_scope"], overall["out_of_scope"]) == (len(data["in_scope"]), len(data["out_of_scope"]))


def documented_example() -> dict[str, object]:
    text = (ROOT / "docs" / "ask-json.md").read_text(encoding="utf-8")
    example: dict[str, object] = json.loads(re.search(r"```json\n(.+?)```", text, re.DOTALL).group(1))  # type: ignore[union-attr]
    return example


def test_the_documented_json_fields_are_the_printed_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "Who met the IOM Director General in Geneva?"]) == 0
    printed = json.loads(capsys.readouterr().out)
    example = documented_example()
    assert set(example) == set(printed)
    for key in ("citations", "hits"):
        assert set(example[key][0]) == set(printed[key][0])  # type: ignore[index]
