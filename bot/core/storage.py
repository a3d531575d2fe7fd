"""The bot's memory in one SQLite file, so that buttons, feedback, subscriptions, notices sent and statistics
survive a restart. One connection in WAL mode, shared under a lock by the event loop and worker threads:
a write costs well under a millisecond, where a connection per call paid a checkpoint and fsync on close.

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
from datetime import datetime
from pathlib import Path
from typing import Any

KEY_BYTES = 6  # secrets.token_urlsafe(6): 8 characters, 48 random bits
UNANSWERED_CHARS = 200  # unanswered questions are kept for /stats, cut to this length
SCHEMA = """
CREATE TABLE IF NOT EXISTS buttons (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS votes (
    key TEXT NOT NULL, user_id INTEGER NOT NULL, vote INTEGER NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (key, user_id));
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY, at REAL NOT NULL, day TEXT NOT NULL, answered INTEGER NOT NULL,
    unanswered TEXT);
CREATE INDEX IF NOT EXISTS questions_day ON questions (day);
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER NOT NULL, topic_key TEXT NOT NULL, topic TEXT NOT NULL, lang TEXT NOT NULL,
    created REAL NOT NULL, PRIMARY KEY (chat_id, topic_key));
CREATE TABLE IF NOT EXISTS notices (
    chat_id INTEGER NOT NULL, doc_id TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (chat_id, doc_id));
"""


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


def topic_key(topic: str) -> str:
    """Topics are the same whatever their case and spacing."""
    return " ".join(topic.casefold().split())


def question_key(text: str) -> str:
    """Unanswered questions count as one when they differ only in case, spacing or final punctuation."""
    return re.sub(r"[\s?!.…]+$", "", " ".join(text.casefold().split()))[:UNANSWERED_CHARS]


def local_day(at: float) -> str:
    """The server's calendar day of a timestamp: what "today" means in /stats."""
    return datetime.fromtimestamp(at).date().isoformat()


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
        db.executescript(SCHEMA)
        return cls(path, db)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    # --- buttons --------------------------------------------------------------------------------
    def put_button(self, kind: str, payload: dict[str, Any], now: float | None = None) -> str:
        """Keep a button row's state; the returned key goes into callback_data."""
        text = json.dumps(payload, ensure_ascii=False)
        with self._connect() as db:
            while True:
                key = secrets.token_urlsafe(KEY_BYTES)
                try:
                    db.execute("INSERT INTO buttons VALUES (?, ?, ?, ?)",
                               (key, kind, text, time.time() if now is None else now))
                    return key
                except sqlite3.IntegrityError:  # the same 48 random bits twice: draw again
                    continue

    def button(self, key: str) -> Button | None:
        with self._connect() as db:
            row = db.execute("SELECT kind, payload FROM buttons WHERE key = ?", (key,)).fetchone()
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
        """Count a question; only unanswered ones keep their (shortened) text, to show what is missing."""
        at = time.time() if now is None else now
        with self._connect() as db:
            db.execute("INSERT INTO questions (at, day, answered, unanswered) VALUES (?, ?, ?, ?)",
                       (at, local_day(at), int(answered), None if answered else question_key(text)))

    def stats(self, now: float | None = None, top: int = 5) -> Stats:
        today = local_day(time.time() if now is None else now)
        with self._connect() as db:
            total, answered = db.execute("SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions").fetchone()
            (today_count,) = db.execute("SELECT COUNT(*) FROM questions WHERE day = ?", (today,)).fetchone()
            unanswered = db.execute(
                "SELECT unanswered, COUNT(*) AS n FROM questions WHERE answered = 0 AND unanswered != '' "
                "GROUP BY unanswered ORDER BY n DESC, MAX(at) DESC LIMIT ?", (top,)).fetchall()
            up, down = db.execute("SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM votes"
                                  ).fetchone()
            subscriptions, subscribers = db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT chat_id) FROM subscriptions").fetchone()
        return Stats(questions_today=today_count, questions_total=total, answered_total=answered,
                     unanswered=tuple((text, n) for text, n in unanswered), thumbs_up=up, thumbs_down=down,
                     subscriptions=subscriptions, subscribers=subscribers)

    # --- subscriptions and notices ---------------------------------------------------------------
    def subscribe(self, chat_id: int, topic: str, lang: str, now: float | None = None) -> bool:
        """Follow a topic; False if the chat already follows it."""
        with self._connect() as db:
            cursor = db.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?, ?)",
                                (chat_id, topic_key(topic), topic.strip(), lang,
                                 time.time() if now is None else now))
            return cursor.rowcount == 1

    def unsubscribe(self, chat_id: int, topic: str | None = None) -> int:
        """Stop following one topic, or every topic when `topic` is None; the number dropped."""
        with self._connect() as db:
            if topic is None:
                return db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount
            return db.execute("DELETE FROM subscriptions WHERE chat_id = ? AND topic_key = ?",
                              (chat_id, topic_key(topic))).rowcount

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
