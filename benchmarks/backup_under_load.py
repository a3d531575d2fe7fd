"""A backup taken while the bot is under load: the load benchmark's people (benchmarks/load.py) ask through the
Bot API emulator, a real pressbot Application answers in its own process, and half-way through the operator
runs `pressbot backup FILE` (SQLite's online backup API) on the live state file. The copy must pass
`PRAGMA integrity_check` and hold every question answered before the backup started (the bot records a
question before it sends the reply, so a reply seen means a row written).

Usage::

    python -m benchmarks.backup_under_load               # 200 people × 5 questions; writes results/backup.md
    python -m benchmarks.backup_under_load --users 20 --questions 2 --no-write
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from benchmarks.load import (
    FIRST_USER,
    ROOT,
    Chat,
    Mailroom,
    Phase,
    machine,
    person,
    question_pool,
    start_bot_process,
    stop_bot_process,
)
from tests.telegram_emulator import EmulatorProcess

RESULT = ROOT / "benchmarks" / "results" / "backup.md"


def count_questions(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT COUNT(*) FROM questions").fetchone()[0])
    finally:
        db.close()


async def backup_half_way(api_url: str, users: int, per_user: int, tmp: Path, seed: int = 7) -> dict[str, object]:
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    state = tmp / ".pressbot-state" / "pressbot.sqlite3"  # the default: beside the corpus
    target = tmp / "backup.sqlite3"
    token = f"{950_000 + seed}:BACKUP-{os.getpid()}-{time.monotonic_ns()}"
    rng = random.Random(seed)
    pool = question_pool(corpus)
    phase = Phase("backup under load", users, per_user, 0)
    process = start_bot_process(api_url, token, corpus, tmp / "bot.log", rate_limit=True, pool=256)
    try:
        async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=32)) as http:
            mailroom, stop = Mailroom(http, api_url, token), asyncio.Event()
            sorting = asyncio.create_task(mailroom.run(stop))
            progress = [0]
            chats = [Chat(http, api_url, token, FIRST_USER + i, mailroom) for i in range(users)]
            people = asyncio.gather(*(person(c, rng.sample(pool, per_user), phase, progress,
                                             random.Random(rng.random())) for c in chats))
            while progress[0] < users * per_user // 2:
                await asyncio.sleep(0.05)
            answered_before = phase.answered
            env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
            env["PRESSBOT_STATE"] = str(state)
            started = time.perf_counter()
            backup = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "pressbot", "backup", str(target), cwd=ROOT, env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await backup.communicate()
            backup_seconds = time.perf_counter() - started
            answered_during = phase.answered - answered_before
            await people
            stop.set()
            await sorting
    finally:
        stop_bot_process(process)
    copy = sqlite3.connect(target)
    integrity = copy.execute("PRAGMA integrity_check").fetchone()[0]
    copy.close()
    in_backup, in_state = count_questions(target), count_questions(state)
    return {"users": users, "per_user": per_user, "answered": phase.answered, "lost": phase.lost,
            "answered_before": answered_before, "answered_during": answered_during, "in_backup": in_backup,
            "in_state": in_state, "integrity": integrity, "exit": backup.returncode,
            "message": (err or out).decode().strip(), "backup_ms": backup_seconds * 1000,
            "ok": backup.returncode == 0 and integrity == "ok" and in_backup >= answered_before
            and in_backup <= in_state and phase.lost == 0}


def report(result: dict[str, object]) -> str:
    return (f"| people × questions | answered | lost | answered before the backup | questions in the backup | "
            f"in the state at the end | integrity_check | `pressbot backup` time | verdict |\n"
            f"|---|---:|---:|---:|---:|---:|---|---:|---|\n"
            f"| {result['users']} × {result['per_user']} | {result['answered']} | {result['lost']} | "
            f"{result['answered_before']} | {result['in_backup']} | {result['in_state']} | {result['integrity']} | "
            f"{result['backup_ms']:.0f} ms (process start included) | {'pass' if result['ok'] else 'FAIL'} |\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        emulator = EmulatorProcess(Path(tmp) / "emulator.log", debug=False)
        try:
            result = asyncio.run(backup_half_way(emulator.api_url, args.users, args.questions, Path(tmp)))
        finally:
            emulator.stop()
    table = report(result)
    print(table + f"\n{result['message']}")
    if not args.no_write:
        RESULT.write_text(
            f"# A backup taken under load\n\n{machine()}\n\nThe load benchmark's people (production pacing) ask "
            f"through the Bot API emulator; half-way through, `pressbot backup FILE` copies the live state with "
            f"SQLite's online backup API while the bot keeps answering.\n\n{table}\n- \"answered before\": replies "
            f"the people had received when the backup started; the bot writes a question's row before it "
            f"replies, so each of them must be in the copy (the copy may hold more: questions answered while it "
            f"ran).\n- Command: `python -m benchmarks.backup_under_load`.\n", encoding="utf-8")
        print(f"written: {RESULT}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
