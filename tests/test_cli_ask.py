"""`pressbot ask` as INTERFACE.md specifies it, run as a process from the project root on the bundled corpus."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GENEVA = "Who met the IOM Director General in Geneva?"
UNANSWERABLE = "How do I cook plov with saffron rice?"
FIELDS = {"query", "answered", "lang", "text", "html", "citations", "hits"}
CITATION_FIELDS = {"n", "doc_id", "passage_id", "title", "url", "date", "score"}
HIT_FIELDS = {"doc_id", "passage_id", "score", "title", "url"}


def command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m bot.cli`."""
    script = Path(sys.executable).with_name("pressbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]


def clean_env() -> dict[str, str]:
    """The default configuration: no PRESSBOT_* or TELEGRAM_* variables from the test's environment."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}


def pressbot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command(), *args], cwd=ROOT, env=clean_env(), input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def check_object(data: dict[str, Any]) -> None:
    """The documented fields, with their documented types (INTERFACE.md allows added fields)."""
    assert set(data) >= FIELDS and set(data) - FIELDS <= {"kind", "found_in", "reason"}
    assert isinstance(data["query"], str) and isinstance(data["answered"], bool)
    assert data["lang"] in ("en", "az", "ru")
    assert isinstance(data["text"], str) and isinstance(data["html"], str)
    for c in data["citations"]:
        assert set(c) == CITATION_FIELDS
        assert isinstance(c["n"], int) and isinstance(c["score"], float)
        assert all(isinstance(c[k], str) for k in ("doc_id", "passage_id", "title"))
        assert all(c[k] is None or isinstance(c[k], str) for k in ("url", "date"))
    assert len(data["hits"]) <= 10
    for h in data["hits"]:
        assert set(h) == HIT_FIELDS
        assert isinstance(h["score"], float) and (h["url"] is None or isinstance(h["url"], str))
        assert all(isinstance(h[k], str) for k in ("doc_id", "passage_id", "title"))
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_prints_the_answer_as_plain_text_with_numbered_sources() -> None:
    result = pressbot("ask", GENEVA)
    assert result.returncode == 0, result.stderr
    assert "Vitorino" in result.stdout
    assert "[1]" in result.stdout
    assert "https://migration.gov.az/en/news_detail/13016" in result.stdout
    assert "<b>" not in result.stdout and "<a " not in result.stdout


def test_ask_json_prints_one_object_with_exactly_the_documented_fields() -> None:
    result = pressbot("ask", "--json", GENEVA)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    data = json.loads(line)
    check_object(data)
    assert (data["query"], data["answered"], data["lang"]) == (GENEVA, True, "en")
    assert data["citations"] and data["citations"][0]["n"] == 1
    assert any(c["doc_id"] == "migration-en-13016" for c in data["citations"])
    assert any(c["passage_id"].startswith("migration-en-13016#") for c in data["citations"])
    assert "Vitorino" in data["text"] and "Vitorino" in data["html"]
    assert data["hits"]


def test_an_unanswerable_question_is_not_answered_and_gives_the_contact() -> None:
    data = json.loads(pressbot("ask", "--json", UNANSWERABLE).stdout)
    check_object(data)
    assert data["answered"] is False and data["citations"] == []
    assert "919" in data["text"] and "migration.gov.az" in data["text"]


def test_ask_json_without_a_question_answers_each_stdin_line_in_order() -> None:
    questions = [GENEVA, UNANSWERABLE, "Вопрос о миграции?", "Who met the Ambassador of Mexico?"]
    result = pressbot("ask", "--json", stdin="".join(f"{q}\r\n" if i == 1 else f"{q}\n"
                                                     for i, q in enumerate(questions)))
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["query"] for o in objects] == questions
    for data in objects:
        check_object(data)
    assert objects[0]["answered"] and not objects[1]["answered"]
    assert objects[2]["lang"] == "ru"


def test_ask_json_answers_each_line_before_the_next_is_written() -> None:
    process = subprocess.Popen([*command(), "ask", "--json"], cwd=ROOT, env=clean_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert process.stdin is not None and process.stdout is not None
    try:
        for question in (GENEVA, UNANSWERABLE):
            process.stdin.write(question + "\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 30)
            assert ready, f"no answer to {question!r} while stdin stays open: output is not flushed"
            assert json.loads(process.stdout.readline())["query"] == question
        process.stdin.close()
        assert process.wait(timeout=30) == 0
        assert process.stdout.read() == ""
    finally:
        process.kill()
        process.wait()


def test_ask_json_on_empty_stdin_prints_nothing_and_exits_zero() -> None:
    result = pressbot("ask", "--json", stdin="")
    assert (result.returncode, result.stdout) == (0, "")


def test_ask_without_a_question_or_json_is_a_usage_error() -> None:
    result = pressbot("ask", stdin=GENEVA + "\n")
    assert result.returncode == 2
    assert result.stdout == "" and "--json" in result.stderr


def test_a_question_is_echoed_as_received_including_markup_and_non_ascii() -> None:
    question = 'Vusal Hüseynov <b>"Cenevrə"</b> & {{ 7*7 }}'
    data = json.loads(pressbot("ask", "--json", question).stdout)
    assert data["query"] == question
    # The question's markup is never rendered (the reply's own <b> headings are the template's).
    assert '<b>"Cenevrə"</b>' not in data["html"] and "49" not in data["text"]
