"""Another agency from the command line: `pressbot init DIR` creates its folder, `pressbot check` validates its
profile, and the console chat over it names that agency and its contact, never the bundled one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "agency-example"
FORBIDDEN = ("State Migration Service", "919", "migration.gov.az")


def pressbot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The installed console script beside this interpreter (else python -m pressbot), run from the root."""
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.run([*command, *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_check_reports_a_broken_profile_as_path_line_naming_the_key(tmp_path: Path) -> None:
    corpus = Path(shutil.copytree(EXAMPLE, tmp_path / "corpus"))
    (corpus / "agency.yaml").write_text('name: {en: "R"}\nabout: {en: "A."}\ncontact: {en: "C."}\nwebsite: nope\n',
                                        encoding="utf-8")
    result = pressbot("check", "--corpus", str(corpus))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{corpus / 'agency.yaml'}:4: website: expected an http(s) URL, got 'nope'"]


def test_init_creates_an_agency_folder_whose_next_three_commands_work(tmp_path: Path) -> None:
    folder = tmp_path / "registry"
    created = pressbot("init", str(folder), "--name", "Civil Registry Office", "--website", "https://cro.example.org")
    assert created.returncode == 0, created.stderr
    assert {p.relative_to(folder).as_posix() for p in folder.rglob("*")} == {
        "corpus", "corpus/agency.yaml", "corpus/glossary.yaml", "sample-release.md", "pressbot.yaml"}
    commands = [line.strip() for line in created.stderr.splitlines() if line.startswith("  pressbot ")]
    assert [c.split()[1] for c in commands] == ["import", "check", "chat"]
    agency_yaml = (folder / "corpus" / "agency.yaml").read_text(encoding="utf-8")
    assert all(f"\n{key}:" in agency_yaml for key in ("name", "about", "contact", "website", "examples", "sources"))
    outputs = [pressbot(*command.split()[1:], stdin="/start\nplov recipe with saffron\n") for command in commands]
    assert [o.returncode for o in outputs] == [0, 0, 0], [o.stderr for o in outputs]
    chat = outputs[2].stdout
    assert "Civil Registry Office" in chat and "https://cro.example.org" in chat
    assert not any(word in chat for word in FORBIDDEN)


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    result = pressbot("init", str(tmp_path))
    assert result.returncode == 2 and "not empty" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_the_console_chat_over_another_agency_names_it_and_its_contact_only(tmp_path: Path) -> None:
    corpus = shutil.copytree(EXAMPLE, tmp_path / "corpus")
    lines = ["/start", "/help", "How long does it take to get a birth certificate?", "What is the plov recipe?",
             "/sources", "/latest"]
    result = pressbot("chat", "--corpus", str(corpus), stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    replies = result.stdout.split("\n\n\n")
    assert "Civil Registry Office of Nordlandia" in replies[0]
    assert "within one working day" in result.stdout
    assert result.stdout.count("call the Civil Registry Office hotline 1414") == 2  # /help and the abstention
    assert "Civil Registry Office of Nordlandia — https://registry.nordlandia.example" in result.stdout  # /sources
    assert "Mobile registry office visits mountain villages" in result.stdout  # /latest
    assert not any(word in result.stdout for word in FORBIDDEN), result.stdout


def test_a_broken_profile_stops_the_start_with_path_line(tmp_path: Path) -> None:
    corpus = Path(shutil.copytree(EXAMPLE, tmp_path / "corpus"))
    (corpus / "agency.yaml").write_text('name: {az: "Qeydiyyat"}\nabout: {en: "A."}\ncontact: {en: "C."}\n',
                                        encoding="utf-8")
    result = pressbot("ask", "--corpus", str(corpus), "How long does it take to get a birth certificate?")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (f"{corpus / 'agency.yaml'}:1: name.en is missing: English is required "
                                             "(other languages fall back to it)")
