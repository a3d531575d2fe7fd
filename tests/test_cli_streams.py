"""The `pressbot` commands' streams and exit statuses (docs/commands.md, "Output and exit statuses"): the result
on stdout and only there, so that it can be piped or saved; counts, notes and errors on stderr, one line each,
never a traceback; 0 done, 1 ran and found a problem, 2 could not run, 130 interrupted (but for the chat)."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.cli.main import main
from pressbot.bot.core.storage import Storage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, restore_logging: None) -> None:
    for name in ("PRESSBOT_CORPUS", "PRESSBOT_STATE", "PRESSBOT_LOG_LEVEL", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state file with one question and one subscription of user 1001, used by every command below."""
    path = tmp_path / "state" / "pressbot.sqlite3"
    with Storage.open(path) as storage:
        storage.record_question("how do I cook plov", answered=False)
        storage.subscribe(chat_id=1001, topic="visa", lang="en")
    monkeypatch.setenv("PRESSBOT_STATE", str(path))
    return path


@pytest.fixture
def not_a_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pressbot.sqlite3"
    path.write_text("this is not SQLite\n", encoding="utf-8")
    monkeypatch.setenv("PRESSBOT_STATE", str(path))
    monkeypatch.chdir(tmp_path)  # `backup copy.sqlite3` is relative
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_backup_prints_the_copy_it_made_on_stdout(state: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    status, out, err = run(capsys, "backup", str(copy))
    assert (status, err) == (0, "")
    assert out.startswith(f"backed up {state} to {copy} (") and out.endswith(" pages)\n")


def test_forget_prints_what_it_deleted_on_stdout(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "forget", "--user", "1001")
    assert (status, err) == (0, "")
    assert out == "deleted 1 row about user 1001: buttons 0, votes 0, subscriptions 1, notices 0\n"


def test_forget_without_a_state_file_notes_it_on_stderr_and_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PRESSBOT_STATE", str(tmp_path / "none.sqlite3"))
    status, out, err = run(capsys, "forget", "--user", "1001")
    assert (status, out) == (0, "")
    assert len(err.splitlines()) == 1 and "nothing is stored" in err


def test_stats_print_the_report_on_stdout(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "stats")
    assert (status, err) == (0, "")
    assert "Questions: 1 today, 1 in total." in out and "Subscriptions: 1 topic, 1 subscriber." in out


def test_stats_without_a_state_file_are_one_line_on_stderr_and_exit_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PRESSBOT_STATE", str(tmp_path / "none.sqlite3"))
    status, out, err = run(capsys, "stats")
    assert (status, out) == (1, "")
    assert err == f"pressbot stats: no state file at {tmp_path / 'none.sqlite3'} (the bot has not run yet)\n"


@pytest.mark.parametrize("argv", [["stats"], ["forget", "--user", "1001"], ["backup", "copy.sqlite3"]])
def test_a_state_file_that_is_not_sqlite_is_one_line_naming_it_and_exit_1(
        argv: list[str], not_a_database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (1, "")
    [line] = err.splitlines()
    assert line == f"pressbot {argv[0]}: {not_a_database}: cannot read the state file: file is not a database"
    assert not_a_database.read_text(encoding="utf-8") == "this is not SQLite\n"


def test_a_backup_into_a_directory_is_one_line_and_writes_nothing(state: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    status, out, err = run(capsys, "backup", str(folder))
    assert (status, out) == (1, "")
    assert err.startswith(f"pressbot backup: {folder}: is a directory") and len(err.splitlines()) == 1
    assert list(folder.iterdir()) == [] and not (tmp_path / "backups.partial").exists()


def test_a_backup_is_a_readable_database(state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "backup", str(tmp_path / "copy.sqlite3"))
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("SELECT COUNT(*) FROM subscriptions").fetchone() == (1,)


def test_init_prints_the_files_it_created_on_stdout_and_the_next_steps_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "init", str(tmp_path / "registry"))
    assert status == 0
    assert all(line.startswith("created ") for line in out.splitlines()) and len(out.splitlines()) == 4
    assert "pressbot check --config" in err


def test_a_usage_error_exits_2_with_nothing_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["stats", "--lang", "fr"])
    out, err = capsys.readouterr()
    assert (stop.value.code, out) == (2, "")
    assert "invalid choice: 'fr'" in err


def test_ask_without_a_question_or_json_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "ask")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1


class Terminal(io.StringIO):
    """Standard input as typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_ask_json_at_a_terminal_says_on_stderr_that_it_reads_questions_and_answers_on_stdout(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("salam\n"))
    status, out, err = run(capsys, "ask", "--json")
    assert status == 0
    assert err == "pressbot ask --json: reading one question per line; Ctrl-D ends\n"
    assert json.loads(out)["query"] == "salam"


def test_ask_json_from_a_pipe_writes_nothing_on_stderr(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("salam\n"))
    status, out, err = run(capsys, "ask", "--json")
    assert (status, err) == (0, "") and json.loads(out)["lang"] == "az"


def pressbot_process(*argv: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.Popen([sys.executable, "-m", "pressbot", *argv], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def test_a_command_interrupted_by_ctrl_c_says_so_and_exits_130() -> None:
    process = pressbot_process("ask", "--json")
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("salam\n")
    process.stdin.flush()
    assert json.loads(process.stdout.readline())["query"] == "salam"  # running, now waiting for the next line
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip() == "pressbot ask: interrupted"


def test_ctrl_c_leaves_the_chat_with_status_0() -> None:
    process = pressbot_process("chat")
    assert process.stdout is not None
    assert process.stdout.readline().startswith("Hello")  # the greeting: the chat waits for a line
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, "")
