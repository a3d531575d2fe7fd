"""`pressbot check`: one `PATH:LINE: message` line per problem on standard output; exit 1 on problems, 0 if valid."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pressbot(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed console script beside this interpreter (else `python -m bot.cli`), run from the root."""
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.run([*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_the_bundled_corpus_checks_clean() -> None:
    result = pressbot("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_valid_corpus_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    result = pressbot("check", "--corpus", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, "")


def test_each_problem_is_one_path_line_message_line_and_the_exit_status_is_one(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\ndate: 2020-13-45\nfoo: 1\n---\nText.\n", encoding="utf-8")
    (tmp_path / "c.md").write_bytes(b"---\ntitle: C\n---\nbad \xff byte\n")
    result = pressbot("check", "--corpus", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(re.fullmatch(r"[^:]+:\d+: \S.*", line) for line in lines), lines
    assert f"{tmp_path / 'b.md'}:3: bad date '2020-13-45': use YYYY-MM-DD" in lines
    assert any(line.startswith(f"{tmp_path / 'b.md'}:4: unknown key 'foo'") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'c.md'}:4: not UTF-8") for line in lines)


def test_a_missing_corpus_directory_is_a_problem(tmp_path: Path) -> None:
    result = pressbot("check", "--corpus", str(tmp_path / "missing"))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{tmp_path / 'missing'}:")


def test_an_empty_corpus_directory_is_a_problem(tmp_path: Path) -> None:
    result = pressbot("check", "--corpus", str(tmp_path))
    assert result.returncode == 1
    assert "no press releases" in result.stdout


def test_the_corpus_can_be_given_by_the_environment(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\nfoo: 1\n---\nText.\n", encoding="utf-8")
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "check"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PRESSBOT_CORPUS": str(tmp_path)})
    assert result.returncode == 1
    assert result.stdout.startswith(f"{tmp_path / 'a.md'}:3: unknown key 'foo'")
