"""What the bot keeps about people: masked text in the state, retention by a controlled clock (also across a
restart), deletion of everything tied to one person, consistent backups, the `privacy` configuration, and
log lines that carry no identifier in text or JSON."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.core.config import ConfigError, load_config
from pressbot.bot.core.logs import CURRENT_UPDATE, configure_logging
from pressbot.bot.core.storage import BackupError, Storage, backup, retention_start
from tests.conftest import ROOT

NOW = 1_780_000_000.0
DAY = 86_400.0
PERSON, OTHER = 5551234, 7770001
IDENTIFIERS = ("AA1234567", "+994 50 123 45 67", "leyla@mail.az", "5ZRT4KL", "4111 1111 1111 1111", "20241234")
TYPED = "my passport AA1234567, call +994 50 123 45 67 or leyla@mail.az, FIN 5ZRT4KL, card 4111 1111 1111 1111"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "bot.sqlite3"


@pytest.fixture
def storage(state: Path) -> Storage:
    return Storage.open(state)


def raw_dump(path: Path) -> str:
    """Every value in every table of a state file, as one text."""
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(row) for table in tables for row in db.execute(f"SELECT * FROM {table}"))
    finally:
        db.close()


def rows_holding(path: Path, value: int) -> list[tuple[str, tuple[object, ...]]]:
    """(table, row) for every row of every table in which some column equals `value`."""
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [(table, row) for table in tables for row in db.execute(f"SELECT * FROM {table}") if value in row]
    finally:
        db.close()


# --- masked before it is stored ----------------------------------------------------------------------------
def test_unanswered_questions_are_stored_masked(storage: Storage, state: Path) -> None:
    storage.record_question(TYPED, answered=False)
    dump = raw_dump(state)
    assert all(identifier not in dump for identifier in IDENTIFIERS)
    assert "[passport]" in dump and "[phone]" in dump and "[e-mail]" in dump and "[FIN]" in dump
    assert "[card]" in storage.stats().unanswered[0][0]


def test_a_question_that_is_only_a_phone_number_is_stored_as_its_marker(storage: Storage) -> None:
    storage.record_question("+994501234567", answered=False)
    assert storage.stats().unanswered == (("[phone]", 1),)


def test_the_question_in_a_buttons_state_is_stored_masked_and_the_rest_as_given(storage: Storage,
                                                                                 state: Path) -> None:
    key = storage.put_button("answer", {"question": TYPED, "citations": [{"passage": "ref. 123456"}]})
    button = storage.button(key)
    assert button is not None and "[passport]" in button.payload["question"]
    assert button.payload["citations"] == [{"passage": "ref. 123456"}]  # corpus text is quoted verbatim
    assert all(identifier not in raw_dump(state) for identifier in IDENTIFIERS[:5])


def test_a_subscription_topic_is_stored_masked(storage: Storage) -> None:
    storage.subscribe(PERSON, "visa AA1234567", "en")
    assert [s.topic for s in storage.subscriptions(PERSON)] == ["visa [passport]"]
    assert storage.unsubscribe(PERSON, "visa AA1234567") == 1


def test_stats_mask_questions_stored_before_masking_existed(storage: Storage, state: Path) -> None:
    db = sqlite3.connect(state)
    db.execute("INSERT INTO questions (at, day, answered, unanswered) VALUES (?, '2026-01-01', 0, ?)",
               (NOW, "call 0501234567"))
    db.commit()
    db.close()
    assert storage.stats().unanswered == (("call [phone]", 1),)


# --- retention ----------------------------------------------------------------------------------------------
def fill(storage: Storage, ages_in_days: list[float]) -> None:
    """One question, vote, button and notice at each age."""
    for i, age in enumerate(ages_in_days):
        at = NOW - age * DAY
        storage.record_question(f"question {i}", answered=False, now=at)
        key = storage.put_button("answer", {"question": f"q{i}"}, now=at, user_id=PERSON)
        storage.vote(key, PERSON, +1, now=at)
        storage.claim_notice(PERSON, f"doc-{i}", now=at)
    storage.subscribe(PERSON, "visa", "en", now=NOW - 400 * DAY)


def counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("questions", "votes", "buttons", "notices", "subscriptions")}
    finally:
        db.close()


def test_retention_deletes_exactly_the_rows_older_than_the_period(storage: Storage, state: Path) -> None:
    fill(storage, [0, 1, 89.99, 90.01, 91, 365])
    deleted = storage.purge(retention_start(90, now=NOW))
    assert deleted == {"questions": 3, "votes": 3, "buttons": 3, "notices": 3}
    assert counts(state) == {"questions": 3, "votes": 3, "buttons": 3, "notices": 3, "subscriptions": 1}
    assert {q for q, _ in storage.stats().unanswered} == {"question 0", "question 1", "question 2"}


def test_retention_across_a_restart_deletes_what_expired_while_the_bot_was_down(state: Path) -> None:
    first = Storage.open(state)
    fill(first, [0, 10, 80])
    first.purge(retention_start(90, now=NOW))
    assert counts(state)["questions"] == 3
    first.close()
    second = Storage.open(state)  # 15 days later
    assert second.purge(retention_start(90, now=NOW + 15 * DAY))["questions"] == 1
    assert counts(state) == {"questions": 2, "votes": 2, "buttons": 2, "notices": 2, "subscriptions": 1}


def test_a_button_older_than_the_period_is_expired_even_before_the_purge(storage: Storage) -> None:
    key = storage.put_button("answer", {"question": "q"}, now=NOW - 91 * DAY)
    assert storage.button(key) is not None
    assert storage.button(key, newer_than=retention_start(90, now=NOW)) is None


# --- deletion on request ---------------------------------------------------------------------------------
def test_forget_user_leaves_no_row_with_the_persons_id_in_any_table(storage: Storage, state: Path) -> None:
    fill(storage, [0, 1, 2])
    storage.subscribe(PERSON, "consular", "az")
    storage.put_button("answer", {"question": "someone else's"}, user_id=OTHER)
    storage.subscribe(OTHER, "visa", "ru")
    storage.vote("k", OTHER, -1)
    assert rows_holding(state, PERSON)
    deleted = storage.forget_user(PERSON)
    assert deleted == {"buttons": 3, "votes": 3, "subscriptions": 2, "notices": 3}
    assert rows_holding(state, PERSON) == []
    assert len(rows_holding(state, OTHER)) == 3  # nobody else's


def test_a_state_file_from_before_buttons_named_their_person_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE buttons (key TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, "
               "created REAL NOT NULL)")
    db.execute("INSERT INTO buttons VALUES ('old12345', 'answer', '{}', 1.0)")
    db.commit()
    db.close()
    storage = Storage.open(path)
    assert storage.button("old12345") is not None
    storage.put_button("answer", {}, user_id=PERSON)
    assert storage.forget_user(PERSON)["buttons"] == 1


# --- backup -------------------------------------------------------------------------------------------------
def test_a_backup_is_a_consistent_copy_while_the_bot_keeps_writing(storage: Storage, tmp_path: Path) -> None:
    fill(storage, [0, 1])
    target = tmp_path / "backup.sqlite3"
    assert backup(storage.path, target) > 0
    storage.record_question("after the backup", answered=False)
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT COUNT(*) FROM questions").fetchone() == (2,)
    copy.close()


def test_a_backup_to_an_unwritable_path_fails_in_one_line_and_leaves_the_state_untouched(
        storage: Storage, tmp_path: Path) -> None:
    fill(storage, [0])
    before = storage.path.read_bytes()
    with pytest.raises(BackupError) as failure:
        backup(storage.path, tmp_path / "no" / "such" / "dir" / "backup.sqlite3")
    assert "\n" not in str(failure.value) and "cannot write the backup" in str(failure.value)
    assert storage.path.read_bytes() == before
    assert not list((tmp_path).glob("**/*.partial"))


def test_a_backup_of_a_missing_state_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no state file"):
        backup(tmp_path / "missing.sqlite3", tmp_path / "b.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()


# --- the privacy section ----------------------------------------------------------------------------------
def test_retention_is_90_days_unless_configured(tmp_path: Path) -> None:
    assert load_config(corpus=tmp_path).privacy.retention_days == 90
    path = tmp_path / "c.yaml"
    path.write_text("privacy:\n  retention_days: 30\n")
    assert load_config(path, corpus=tmp_path).privacy.retention_days == 30


@pytest.mark.parametrize(("text", "line", "named"), [
    ("log_level: INFO\nprivacy:\n  retention_days: soon\n", 3, "privacy.retention_days"),
    ("privacy:\n  retention_days: 0\n", 2, "privacy.retention_days"),
    ("privacy:\n  retention_days: true\n", 2, "privacy.retention_days"),
    ("\nprivacy:\n  keep_days: 5\n", 3, "privacy.keep_days"),
    ("answer: {}\nprivacy: 90\n", 2, "privacy must be a mapping"),
])
def test_a_malformed_privacy_section_is_a_path_line_error(tmp_path: Path, text: str, line: int, named: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as failure:
        load_config(path, corpus=tmp_path)
    assert str(failure.value).startswith(f"{path}:{line}: ") and named in str(failure.value)


def test_a_malformed_privacy_section_stops_pressbot_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("privacy:\n  retention_days: -5\n")
    done = pressbot("stats", "--config", str(path), state=tmp_path / "s.sqlite3")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert f"{path}:2: privacy.retention_days" in line and "-5" in line


# --- logs ---------------------------------------------------------------------------------------------------
def test_debug_lines_from_any_logger_are_masked_and_the_update_id_kept(restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging("DEBUG", [], stream=stream)
    handling = CURRENT_UPDATE.set("u987654321")  # as the bot's first handler sets it for each update
    try:
        logging.getLogger("httpx").debug("request body %s", {"chat_id": 1, "text": TYPED})
        logging.getLogger("pressbot").debug("u987654321: question %r", TYPED)
    finally:
        CURRENT_UPDATE.reset(handling)
    output = stream.getvalue()
    assert all(identifier not in output for identifier in IDENTIFIERS)
    assert "[u987654321] pressbot: u987654321: question" in output and "[passport]" in output


def test_a_traceback_is_masked(restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging("INFO", [], stream=stream)
    try:
        raise ValueError(f"bad text {TYPED}")
    except ValueError:
        logging.getLogger("telegram.ext.Application").exception("error")
    assert "Traceback" in stream.getvalue() and "AA1234567" not in stream.getvalue()


def test_json_log_lines_are_one_object_each_masked_and_redacted(restore_logging: None) -> None:
    stream = io.StringIO()
    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"
    configure_logging("DEBUG", [token], stream=stream, fmt="json")
    logging.getLogger("pressbot.x").info("token %s text %s", token, TYPED)
    try:
        raise RuntimeError("leyla@mail.az")
    except RuntimeError:
        logging.getLogger("pressbot.y").exception("failed")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{"))
    assert set(first) == {"time", "level", "update", "logger", "message"} and first["level"] == "INFO"
    assert token not in first["message"] and "[passport]" in first["message"]
    assert "RuntimeError: [e-mail]" in second["exc"]


def test_the_log_format_comes_from_the_environment(tmp_path: Path) -> None:
    assert load_config(None, {"PRESSBOT_LOG_FORMAT": "json"}, corpus=tmp_path).log_format == "json"
    with pytest.raises(ConfigError, match="PRESSBOT_LOG_FORMAT: log_format must be one of text, json"):
        load_config(None, {"PRESSBOT_LOG_FORMAT": "xml"}, corpus=tmp_path)


# --- the operator's commands -------------------------------------------------------------------------------
def pressbot(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    env["PRESSBOT_STATE"] = str(state)
    return subprocess.run([sys.executable, "-m", "pressbot", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_pressbot_stats_prints_what_stats_shows_masked(storage: Storage, state: Path) -> None:
    storage.record_question("how do I renew AA1234567?", answered=False)
    storage.record_question("Who met the IOM?", answered=True)
    done = pressbot("stats", state=state)
    assert done.returncode == 0, done.stderr
    assert "Questions: 2 today, 2 in total." in done.stdout and "Answered: 50%" in done.stdout
    assert "1. how do i renew [passport] — 1" in done.stdout and "AA1234567" not in done.stdout


def test_pressbot_forget_deletes_everything_about_one_user(storage: Storage, state: Path) -> None:
    fill(storage, [0, 1])
    done = pressbot("forget", "--user", str(PERSON), state=state)
    assert done.returncode == 0, done.stderr
    assert "deleted 7 rows about user 5551234" in done.stdout
    assert rows_holding(state, PERSON) == []


def test_pressbot_backup_writes_a_copy_and_an_unwritable_path_is_one_line(storage: Storage, state: Path,
                                                                          tmp_path: Path) -> None:
    fill(storage, [0])
    done = pressbot("backup", str(tmp_path / "copy.sqlite3"), state=state)
    assert done.returncode == 0, done.stderr
    assert counts(tmp_path / "copy.sqlite3")["questions"] == 1
    failed = pressbot("backup", "/proc/no-such-dir/copy.sqlite3", state=state)
    assert failed.returncode == 1
    [line] = failed.stderr.splitlines()
    assert line.startswith("pressbot backup: /proc/no-such-dir/copy.sqlite3: cannot write the backup")
