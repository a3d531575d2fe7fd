"""The common options (--corpus, --config) work before the command, as `pressbot --help` shows them, and after
it; after the command wins when both are given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressbot.bot.cli.main import main

QUESTION = "Where did the zebra parade take place?"
FACT = "The zebra parade took place in Quokkaville on Monday."


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PRESSBOT_CORPUS", "PRESSBOT_STATE", "PRESSBOT_LOG_LEVEL", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def corpus(directory: Path, doc_id: str) -> Path:
    """A corpus where only the release `doc_id` holds FACT (beside two unrelated ones, so that BM25's idf
    is positive)."""
    directory.mkdir()
    for n, text in enumerate(["Snow fell on the hills of Baku.", "The library opened a reading room."]):
        (directory / f"other-{n}.md").write_text(f'---\ntitle: "Other {n}"\n---\n{text}\n', encoding="utf-8")
    (directory / f"{doc_id}.md").write_text(
        f'---\ntitle: "Zebra parade"\nurl: https://example.org/{doc_id}\nlang: en\n---\n{FACT}\n', encoding="utf-8")
    return directory


def cited(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The doc ids cited by `pressbot ARGV` (an `ask --json` command line)."""
    assert main(argv) == 0
    return sorted({c["doc_id"] for c in json.loads(capsys.readouterr().out)["citations"]})


def test_corpus_before_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = corpus(tmp_path / "c", "zebra-before")
    assert cited(["--corpus", str(directory), "ask", "--json", QUESTION], capsys) == ["zebra-before"]


def test_corpus_after_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = corpus(tmp_path / "c", "zebra-after")
    assert cited(["ask", "--corpus", str(directory), "--json", QUESTION], capsys) == ["zebra-after"]


def test_corpus_after_the_command_wins_over_one_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = corpus(tmp_path / "a", "zebra-a"), corpus(tmp_path / "b", "zebra-b")
    assert cited(["--corpus", str(first), "ask", "--corpus", str(second), "--json", QUESTION], capsys) == ["zebra-b"]


def config_naming(tmp_path: Path, directory: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"corpus: {json.dumps(str(directory))}\n", encoding="utf-8")
    return path


def test_config_before_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = config_naming(tmp_path, corpus(tmp_path / "c", "zebra-config-before"))
    assert cited(["--config", str(config), "ask", "--json", QUESTION], capsys) == ["zebra-config-before"]


def test_config_after_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = config_naming(tmp_path, corpus(tmp_path / "c", "zebra-config-after"))
    assert cited(["ask", "--config", str(config), "--json", QUESTION], capsys) == ["zebra-config-after"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_bad_config_fails_before_or_after_the_command(where: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("no_such_key: 1\n", encoding="utf-8")
    argv = ["--config", str(bad), "ask", "hi"] if where == "before" else ["ask", "--config", str(bad), "hi"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("pressbot: configuration error: ") and "no_such_key" in err


def test_version_prints_the_installed_version_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"pressbot {version('pressbot')}\n"


@pytest.mark.parametrize("command", ["ask", "chat", "eval", "check", "import", "sync", "run", "init", "stats",
                                     "forget", "backup"])
def test_each_commands_help_says_what_it_does(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    usage, description = capsys.readouterr().out.split("\n\n")[:2]
    assert usage.startswith(f"usage: pressbot {command}")
    assert description[:1].isupper() and description.rstrip().endswith(".")


def test_an_import_that_fails_says_nothing_was_written_without_calling_the_input_a_non_release(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.faults import _closed_port

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    status = main(["import", "--corpus", str(corpus), f"http://127.0.0.1:{_closed_port()}/news/1"])
    assert status == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "nothing written: 1 input could not be imported (the corpus is unchanged)")
    assert list(corpus.iterdir()) == []
