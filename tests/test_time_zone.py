"""The press office's time zone (`time_zone` in agency.yaml, UTC without it): an IANA name checked when the
profile is read, and the zone in which the dates of channel posts and forwarded posts are given."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pressbot.bot.telegram.channel import local_date
from pressbot.retrieval.agency import Profile, load_profile, parse_profile

ROOT = Path(__file__).resolve().parent.parent
VALID = 'name: {en: "Registry"}\nabout: {en: "About."}\ncontact: {en: "Call 1414."}\n'
LATE_EVENING_UTC = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # 02:30 on 1 December in Baku (UTC+4)


def profile_of(text: str) -> Profile:
    profile, problems = parse_profile(text, "corpus/agency.yaml")
    assert problems == [] and profile is not None
    return profile


def test_a_profile_without_a_time_zone_is_in_utc() -> None:
    assert profile_of(VALID).zone == ZoneInfo("UTC")


def test_a_profile_names_its_time_zone_by_its_iana_name() -> None:
    assert profile_of(VALID + "time_zone: Asia/Baku\n").zone == ZoneInfo("Asia/Baku")


@pytest.mark.parametrize("value", ["Mars/Olympus", "+04:00", "Asia", "../../etc/passwd", "4", "''"])
def test_an_unknown_time_zone_is_refused_at_its_line_with_its_value(value: str) -> None:
    _, problems = parse_profile(VALID + f"time_zone: {value}\n", "corpus/agency.yaml")
    [problem] = [str(p) for p in problems]
    assert problem.startswith("corpus/agency.yaml:4: time_zone: expected an IANA time zone such as Asia/Baku")


def test_the_bundled_press_office_is_in_baku() -> None:
    profile = load_profile(ROOT / "corpus")
    assert profile is not None and profile.time_zone == "Asia/Baku"


def test_a_late_evening_post_in_utc_is_dated_the_next_day_in_baku() -> None:
    assert local_date(LATE_EVENING_UTC, profile_of(VALID + "time_zone: Asia/Baku\n")) == "2026-12-01"


def test_a_post_is_dated_in_utc_when_the_profile_names_no_time_zone() -> None:
    assert local_date(LATE_EVENING_UTC, profile_of(VALID)) == "2026-11-30"


def test_a_post_is_dated_in_utc_when_the_corpus_has_no_profile() -> None:
    assert local_date(LATE_EVENING_UTC, None) == "2026-11-30"


def test_a_time_zone_west_of_utc_dates_an_early_post_the_day_before() -> None:
    early = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 22:00 on 30 November in New York
    assert local_date(early, profile_of(VALID + "time_zone: America/New_York\n")) == "2026-11-30"
