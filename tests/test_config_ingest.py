"""The configuration's ingest: section (feeds, sync, fetch limits): documented defaults, strict values."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.bot.core.config import ConfigError, IngestConfig, load_config
from pressbot.retrieval.fetching import FetchLimits


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_documented_ingest_defaults_are_the_dataclasss() -> None:
    assert load_config().ingest == IngestConfig()
    assert IngestConfig().limits == FetchLimits()


def test_feeds_sync_and_limits_are_read_from_the_file(tmp_path: Path) -> None:
    path = config_file(tmp_path, "ingest:\n  feeds: [https://migration.gov.az/en/rss]\n  sync_minutes: 15\n"
                                 "  fetch_timeout: 5\n  max_page_bytes: 1000\n  max_redirects: 2\n")
    ingest = load_config(path).ingest
    assert (ingest.feeds, ingest.sync_minutes) == (("https://migration.gov.az/en/rss",), 15.0)
    assert ingest.limits == FetchLimits(timeout=5.0, max_bytes=1000, max_redirects=2)


@pytest.mark.parametrize(("text", "named"), [
    ("ingest:\n  feeds: https://a.example/rss\n", "ingest.feeds must be a list"),
    ("ingest:\n  feeds: [file:///etc/passwd]\n", "'file:///etc/passwd' is not an http(s) url"),
    ("ingest:\n  feeds: [42]\n", "42 is not an http(s) url"),
    ("ingest:\n  sync_minutes: often\n", "ingest.sync_minutes has a bad value 'often'"),
    ("ingest:\n  max_redirects: -1\n", "ingest.max_redirects must not be negative"),
    ("ingest:\n  max_page_bytes: 0\n", "must be above 0"),
    ("ingest:\n  feed: []\n", "unknown key 'ingest.feed'"),
])
def test_a_bad_ingest_value_is_named(tmp_path: Path, text: str, named: str) -> None:
    path = config_file(tmp_path, text)
    with pytest.raises(ConfigError, match=named.replace("(", r"\(").replace(")", r"\)")) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
