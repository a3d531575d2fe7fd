"""Every hostile input through `pressbot ask --json`: one polite, valid, unevaluated answer each, no trace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pressbot.responses.render import locale
from pressbot.retrieval.agency import load_profile
from tests.hostile_inputs import CATALOGUE, EVALUATED_MARKERS, Hostile
from tests.html_checker import problems, visible_text

ROOT = Path(__file__).resolve().parent.parent
SINGLE_LINE = [h for h in CATALOGUE if h.single_line]
MULTI_LINE = [h for h in CATALOGUE if not h.single_line]


def pressbot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process, with the bundled corpus and no PRESSBOT_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.run([sys.executable, "-m", "pressbot", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=120)


@pytest.fixture(scope="module")
def batch() -> subprocess.CompletedProcess[str]:
    """All single-line inputs through one `ask --json` process (stdin mode), as a script would send them."""
    return pressbot("ask", "--json", stdin="".join(h.text + "\n" for h in SINGLE_LINE))


@pytest.fixture(scope="module")
def answers(batch: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    """Input name → its JSON answer; the multi-line inputs asked one per process as an argument."""
    lines = [line for line in batch.stdout.split("\n") if line]  # U+2028 inside a line is not a break
    found = {h.name: json.loads(line) for h, line in zip(SINGLE_LINE, lines, strict=True)}
    for hostile in MULTI_LINE:
        done = pressbot("ask", "--json", hostile.text)
        assert done.returncode == 0, done.stderr
        found[hostile.name] = json.loads(done.stdout)
    return found


def test_the_catalogue_holds_at_least_forty_distinct_inputs() -> None:
    assert len(CATALOGUE) >= 40
    assert len({h.name for h in CATALOGUE}) == len({h.text for h in CATALOGUE}) == len(CATALOGUE)


def test_batch_mode_answers_every_line_once_in_order_and_exits_cleanly(
        batch: subprocess.CompletedProcess[str]) -> None:
    assert batch.returncode == 0, batch.stderr
    objects = [json.loads(line) for line in batch.stdout.split("\n") if line]
    assert [o["query"] for o in objects] == [h.text for h in SINGLE_LINE]
    assert "Traceback" not in batch.stderr


@pytest.mark.parametrize("hostile", CATALOGUE, ids=lambda h: h.name)
def test_the_answer_is_valid_telegram_html(hostile: Hostile, answers: dict[str, dict[str, Any]]) -> None:
    assert problems(answers[hostile.name]["html"]) == []


@pytest.mark.parametrize("hostile", CATALOGUE, ids=lambda h: h.name)
def test_the_answer_is_a_cited_quote_the_polite_abstention_or_a_request_for_words(
        hostile: Hostile, answers: dict[str, dict[str, Any]]) -> None:
    answer = answers[hostile.name]
    if answer["answered"]:
        assert answer["citations"] and "[1]" in answer["text"]
    elif answer["kind"] == "conversation":  # nothing to search in it: never quotes
        assert answer["citations"] == [] and answer["hits"] == []
        assert locale(answer["lang"])["start_examples_heading"] in answer["text"]
    else:
        assert answer["citations"] == []
        assert str(load_profile(ROOT / "corpus").text("contact", answer["lang"])) in answer["text"]


@pytest.mark.parametrize("hostile", CATALOGUE, ids=lambda h: h.name)
def test_nothing_in_the_input_is_evaluated(hostile: Hostile, answers: dict[str, dict[str, Any]]) -> None:
    answer = answers[hostile.name]
    shown = answer["text"] + visible_text(answer["html"])
    assert [m for m in EVALUATED_MARKERS if m in shown] == []


@pytest.mark.parametrize("hostile", CATALOGUE, ids=lambda h: h.name)
def test_the_plain_text_answer_carries_no_control_characters(hostile: Hostile,
                                                            answers: dict[str, dict[str, Any]]) -> None:
    text = answers[hostile.name]["text"]
    assert [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F] == []


def test_plain_text_mode_prints_no_terminal_escape() -> None:
    done = pressbot("ask", "\x1b[2J\x1b]0;pwned\x07 visa")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
