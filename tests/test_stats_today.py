"""/stats' "today" is the press office's calendar day (`time_zone` in agency.yaml, UTC without it), never the
server's: a question asked at 00:01 in Baku is today's there while it is still yesterday evening in UTC, and a
server set to another zone changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pressbot.bot.core.storage import Storage, day_bounds
from pressbot.bot.telegram.botdata import app_storage
from tests.conftest import RunningBot
from tests.telegram_emulator import visible

ROOT = Path(__file__).resolve().parent.parent
BAKU = ZoneInfo("Asia/Baku")  # UTC+4, the bundled corpus's time_zone
BEFORE_BAKU_MIDNIGHT = datetime(2026, 11, 30, 19, 59, tzinfo=UTC).timestamp()  # 23:59 on 30 November in Baku
AFTER_BAKU_MIDNIGHT = datetime(2026, 11, 30, 20, 1, tzinfo=UTC).timestamp()  # 00:01 on 1 December in Baku
NOW = datetime(2026, 11, 30, 20, 30, tzinfo=UTC).timestamp()  # 00:30 in Baku, 20:30 the day before in UTC


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    with Storage.open(tmp_path / "state.sqlite3") as opened:
        yield opened


@pytest.fixture
def server_zone() -> Iterator[None]:
    """The server's own clock set to a zone far from Baku (UTC+14), as a misconfigured host would be."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


def straddling_baku_midnight(storage: Storage, now: float) -> None:
    """One question a minute before the press office's last midnight, one just after it."""
    start, _ = day_bounds(now, BAKU)
    storage.record_question("yesterday in Baku", answered=False, now=start - 60)
    storage.record_question("today in Baku", answered=True, now=min(start + 1, now))


def test_today_starts_at_the_press_offices_midnight(storage: Storage) -> None:
    for at in (BEFORE_BAKU_MIDNIGHT, AFTER_BAKU_MIDNIGHT):
        storage.record_question("q", answered=True, now=at)
    figures = storage.stats(now=NOW, zone=BAKU)
    assert (figures.questions_today, figures.questions_total) == (1, 2)


def test_today_is_the_utc_day_without_a_time_zone(storage: Storage) -> None:
    for at in (BEFORE_BAKU_MIDNIGHT, AFTER_BAKU_MIDNIGHT):
        storage.record_question("q", answered=True, now=at)
    assert storage.stats(now=NOW).questions_today == 2


def test_the_servers_own_time_zone_does_not_change_today(storage: Storage, server_zone: None) -> None:
    for at in (BEFORE_BAKU_MIDNIGHT, AFTER_BAKU_MIDNIGHT):
        storage.record_question("q", answered=True, now=at)
    assert storage.stats(now=NOW, zone=BAKU).questions_today == 1


def test_a_day_when_the_clocks_change_is_23_hours_long() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    start, end = day_bounds(datetime(2026, 3, 29, 12, tzinfo=berlin).timestamp(), berlin)
    assert end - start == 23 * 3600
    assert datetime.fromtimestamp(start, berlin).hour == 0


def test_pressbot_stats_counts_today_in_the_corpus_time_zone(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    with Storage.open(state) as storage:
        straddling_baku_midnight(storage, time.time())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    env |= {"PRESSBOT_STATE": str(state), "TZ": "Pacific/Kiritimati"}
    done = subprocess.run([sys.executable, "-m", "pressbot", "stats"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Questions: 1 today, 2 in total." in done.stdout


async def test_stats_in_telegram_count_today_in_the_corpus_time_zone(running_bot: RunningBot) -> None:
    straddling_baku_midnight(app_storage(running_bot.app), time.time())
    admin = running_bot.admin()
    await admin.send_command("/stats")
    assert "Questions: 1 today, 2 in total." in visible((await admin.next_reply())["message"]["text"]).splitlines()
    running_bot.assert_clean()
