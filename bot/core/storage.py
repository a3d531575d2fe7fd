"""The bot's memory in one SQLite file, so that buttons, feedback, subscriptions, notices sent and statistics
survive a restart. One connection in WAL mode, shared under a lock by the event loop and worker threads:
a write costs well under a millisecond, where a connection per call paid a checkpoint and fsync on close.

What people type is masked (bot/core/masking.py) before it is written here: the question in a button's
state, an unanswered question kept for /stats, a subscription's topic. Nothing is kept longer than the
retention period (`purge`), and everything tied to one person goes on request (`forget_user`).

Usage::

    storage = Storage.open(config.state_path)
    key = storage.put_button("answer", {"question": "…"})       # a short id for callback_data
    storage.button(key).payload["question"]
    storage.subscribe(chat_id=1001, topic="consular", lang="en")
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from datetime import time as clock
from pathlib import Path
from typing import Any

from pressbot.bot.core.masking import FIN, mask

KEY_BYTES = 6  # secrets.token_urlsafe(6): 8 characters, 48 random bits
UNANSWERED_CHARS = 200  # unanswered questions are kept for /stats, cut to this length
SCHEMA = """
CREATE TABLE IF NOT EXISTS buttons (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created REAL NOT NULL, user_id INTEGER);
CREATE TABLE IF NOT EXISTS votes (
    key TEXT NOT NULL, user_id INTEGER NOT NULL, vote INTEGER NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (key, user_id));
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY, at REAL NOT NULL, day TEXT NOT NULL, answered INTEGER NOT NULL,
    unanswered TEXT);
CREATE INDEX IF NOT EXISTS questions_day ON questions (day);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER NOT NULL, topic_key TEXT NOT NULL, topic TEXT NOT NULL, lang TEXT NOT NULL,
    created REAL NOT NULL, PRIMARY KEY (chat_id, topic_key));
CREATE TABLE IF NOT EXISTS notices (
    chat_id INTEGER NOT NULL, doc_id TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (chat_id, doc_id));
"""
TYPED_KEYS = ("question", "topic")  # the button-state fields that hold what a person typed: masked when stored


@dataclass(frozen=True)
class Button:
    """What a row of inline buttons refers to (kept here because callback_data holds only 64 bytes)."""

    key: str
    kind: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Subscription:
    """A chat following a topic; notices go out in `lang`."""

    chat_id: int
    topic: str
    lang: str


@dataclass(frozen=True)
class Stats:
    """What admins see in /stats."""

    questions_today: int
    questions_total: int
    answered_total: int
    unanswered: tuple[tuple[str, int], ...]
    thumbs_up: int
    thumbs_down: int
    subscriptions: int
    subscribers: int

    @property
    def answered_share(self) -> str:
        """The share of questions answered, as shown ("87%"; "—" before the first question)."""
        return f"{self.answered_total / self.questions_total:.0%}" if self.questions_total else "—"


def topic_key(topic: str) -> str:
    """Topics are the same whatever their case and spacing."""
    return " ".join(topic.casefold().split())


def question_key(text: str) -> str:
    """Unanswered questions count as one when they differ only in case, spacing or final punctuation."""
    key = re.sub(r"[\s?!.…]+$", "", " ".join(text.casefold().split()))[:UNANSWERED_CHARS]
    return key.replace("[fin]", FIN)  # the one marker (bot/core/masking.py) that is not lower case


def retention_start(days: int, now: float | None = None) -> float:
    """The moment before which stored questions, feedback and buttons are past `days` of retention."""
    return (time.time() if now is None else now) - days * 86_400


def local_day(at: float) -> str:
    """The server's calendar day of a timestamp, stored with each question (older state files have it; /stats
    counts "today" from the timestamps, in the press office's time zone: `day_bounds`)."""
    return datetime.fromtimestamp(at).date().isoformat()


def day_bounds(now: float, zone: tzinfo) -> tuple[float, float]:
    """The calendar day that holds `now` in `zone`, as [start, end) timestamps: "today" for the press office
    (23 or 25 hours long on a day the clocks change)."""
    day = datetime.fromtimestamp(now, zone).date()
    start = datetime.combine(day, clock(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), clock(), tzinfo=zone)
    return start.timestamp(), end.timestamp()


class Storage:
    """One SQLite file; each method is one short transaction (autocommit)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> Storage:
        """Create the file and its tables if needed."""
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; a power cut may lose the last writes
        columns = {row[1] for row in db.execute("PRAGMA table_info(buttons)")}
        if columns and "user_id" not in columns:  # a state file from before buttons named their person
            db.execute("ALTER TABLE buttons ADD COLUMN user_id INTEGER")
        db.executescript(SCHEMA)
        return cls(path, db)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- buttons --------------------------------------------------------------------------------
    def put_button(self, kind: str, payload: dict[str, Any], now: float | None = None,
                   user_id: int | None = None) -> str:
        """Keep a button row's state (what the person typed masked), on behalf of `user_id` (for /forget);
        the returned key goes into callback_data."""
        payload = {k: mask(v) if k in TYPED_KEYS and isinstance(v, str) else v for k, v in payload.items()}
        text = json.dumps(payload, ensure_ascii=False)
        with self._connect() as db:
            while True:
                key = secrets.token_urlsafe(KEY_BYTES)
                try:
                    db.execute("INSERT INTO buttons VALUES (?, ?, ?, ?, ?)",
                               (key, kind, text, time.time() if now is None else now, user_id))
                    return key
                except sqlite3.IntegrityError:  # the same 48 random bits twice: draw again
                    continue

    def button(self, key: str, newer_than: float = 0.0) -> Button | None:
        """A button's state, unless it is gone or was made before `newer_than` (past the retention period)."""
        with self._connect() as db:
            row = db.execute("SELECT kind, payload FROM buttons WHERE key = ? AND created >= ?",
                             (key, newer_than)).fetchone()
        return Button(key=key, kind=row[0], payload=json.loads(row[1])) if row else None

    def forget_buttons(self, older_than: float) -> int:
        """Drop button state created before a time; presses on those buttons then get the 'expired' notice."""
        with self._connect() as db:
            return db.execute("DELETE FROM buttons WHERE created < ?", (older_than,)).rowcount

    # --- feedback and statistics ------------------------------------------------------------------
    def vote(self, key: str, user_id: int, vote: int, now: float | None = None) -> None:
        """A 👍 (+1) or 👎 (-1) on one answer; a second press by the same person replaces the first."""
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO votes VALUES (?, ?, ?, ?)",
                       (key, user_id, 1 if vote > 0 else -1, time.time() if now is None else now))

    def record_question(self, text: str, answered: bool, now: float | None = None) -> None:
        """Count a question; only unanswered ones keep their text (masked, shortened), to show what is missing."""
        at = time.time() if now is None else now
        with self._connect() as db:
            db.execute("INSERT INTO questions (at, day, answered, unanswered) VALUES (?, ?, ?, ?)",
                       (at, local_day(at), int(answered), None if answered else question_key(mask(text))))

    def stats(self, now: float | None = None, top: int = 5, zone: tzinfo = UTC) -> Stats:
        """The figures of /stats; "today" is the calendar day in `zone` (the press office's, agency.yaml's
        `time_zone`), whatever the server's own time zone."""
        start, end = day_bounds(time.time() if now is None else now, zone)
        with self._connect() as db:
            total, answered = db.execute("SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions").fetchone()
            (today_count,) = db.execute("SELECT COUNT(*) FROM questions WHERE at >= ? AND at < ?",
                                        (start, end)).fetchone()
            unanswered = db.execute(
                "SELECT unanswered, COUNT(*) AS n FROM questions WHERE answered = 0 AND unanswered != '' "
                "GROUP BY unanswered ORDER BY n DESC, MAX(at) DESC LIMIT ?", (top,)).fetchall()
            up, down = db.execute("SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM votes"
                                  ).fetchone()
            subscriptions, subscribers = db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT chat_id) FROM subscriptions").fetchone()
        return Stats(questions_today=today_count, questions_total=total, answered_total=answered,
                     unanswered=tuple((mask(text), n) for text, n in unanswered), thumbs_up=up, thumbs_down=down,
                     subscriptions=subscriptions, subscribers=subscribers)

    # --- subscriptions and notices ---------------------------------------------------------------
    def subscribe(self, chat_id: int, topic: str, lang: str, now: float | None = None) -> bool:
        """Follow a topic; False if the chat already follows it."""
        with self._connect() as db:
            cursor = db.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?, ?)",
                                (chat_id, topic_key(mask(topic)), mask(topic.strip()), lang,
                                 time.time() if now is None else now))
            return cursor.rowcount == 1

    def unsubscribe(self, chat_id: int, topic: str | None = None) -> int:
        """Stop following one topic, or every topic when `topic` is None; the number dropped."""
        with self._connect() as db:
            if topic is None:
                return db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount
            return db.execute("DELETE FROM subscriptions WHERE chat_id = ? AND topic_key = ?",
                              (chat_id, topic_key(mask(topic)))).rowcount

    def subscriptions(self, chat_id: int | None = None) -> list[Subscription]:
        """One chat's topics in the order they were added, or everyone's when chat_id is None."""
        query = "SELECT chat_id, topic, lang FROM subscriptions"
        args: tuple[int, ...] = ()
        if chat_id is not None:
            query += " WHERE chat_id = ?"
            args = (chat_id,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY created, rowid", args).fetchall()
        return [Subscription(chat_id=c, topic=t, lang=lang) for c, t, lang in rows]

    def claim_notice(self, chat_id: int, doc_id: str, now: float | None = None) -> bool:
        """True the first time a press release is claimed for a chat, False ever after: one notice at most."""
        with self._connect() as db:
            cursor = db.execute("INSERT OR IGNORE INTO notices VALUES (?, ?, ?)",
                                (chat_id, doc_id, time.time() if now is None else now))
            return cursor.rowcount == 1

    # --- retention, deletion on request, backup ------------------------------------------------------
    def purge(self, older_than: float) -> dict[str, int]:
        """Delete questions, feedback, button state and notice records made before a time (the retention
        period's start); subscriptions stay until their person ends them. The rows deleted per table."""
        with self._transaction() as db:  # all tables or none
            return {"questions": db.execute("DELETE FROM questions WHERE at < ?", (older_than,)).rowcount,
                    "votes": db.execute("DELETE FROM votes WHERE at < ?", (older_than,)).rowcount,
                    "buttons": db.execute("DELETE FROM buttons WHERE created < ?", (older_than,)).rowcount,
                    "notices": db.execute("DELETE FROM notices WHERE at < ?", (older_than,)).rowcount}

    def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete everything stored about one person: their buttons (with their questions), votes, subscriptions
        and notice records (a private chat's id is its person's id). The rows deleted per table."""
        with self._transaction() as db:
            return {"buttons": db.execute("DELETE FROM buttons WHERE user_id = ?", (user_id,)).rowcount,
                    "votes": db.execute("DELETE FROM votes WHERE user_id = ?", (user_id,)).rowcount,
                    "subscriptions": db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (user_id,)).rowcount,
                    "notices": db.execute("DELETE FROM notices WHERE chat_id = ?", (user_id,)).rowcount}


class BackupError(OSError):
    """A backup that could not be written; the message is one line naming the file."""


def backup(source: Path, target: Path) -> int:
    """Copy the state file to `target` with SQLite's online backup API: a consistent snapshot even while the
    bot writes (WAL). Written beside the target and renamed, so a failure leaves no half file; the source is
    opened read-only, so it is never created or changed. The number of pages copied."""
    if not source.is_file():
        raise BackupError(f"{source}: no state file to back up")
    if target.is_dir():
        raise BackupError(f"{target}: is a directory; give the backup's file name (e.g. {target / source.name})")
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise BackupError(f"{source}: cannot open the state file: {exc}") from None
    try:
        src.execute("PRAGMA schema_version")  # reads the header: a file that is not SQLite fails here, not as the copy
    except sqlite3.Error as exc:
        src.close()
        raise BackupError(f"{source}: cannot read the state file: {exc}") from None
    try:
        dst = sqlite3.connect(partial)
    except sqlite3.Error as exc:
        src.close()
        raise BackupError(f"{target}: cannot write the backup: {exc}") from None
    try:
        src.backup(dst)
        (pages,) = dst.execute("PRAGMA page_count").fetchone()
        dst.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        dst.close()
        partial.unlink(missing_ok=True)
        raise BackupError(f"{target}: cannot write the backup: {exc}") from None
    finally:
        src.close()
    return int(pages)
