"""ingest.channel and ingest.max_upload_bytes: the agency's channel is @username or a numeric chat id; anything
else is a one-line error naming the key and the value."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram import Chat

from pressbot.bot.core.config import ConfigError, load_config
from pressbot.bot.telegram.channel import is_configured, post_url


def config_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pressbot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_by_default_no_channel_is_read_and_uploads_are_limited() -> None:
    ingest = load_config().ingest
    assert ingest.channel is None
    assert ingest.max_upload_bytes == 2_000_000


@pytest.mark.parametrize(("value", "channel"), [('"@smsnews"', "@smsnews"), ("-1001555000222", "-1001555000222"),
                                                ('"-1001555000222"', "-1001555000222"), ("null", None)])
def test_a_channel_is_a_username_or_a_numeric_id(tmp_path: Path, value: str, channel: str | None) -> None:
    assert load_config(config_with(tmp_path, f"ingest:\n  channel: {value}\n")).ingest.channel == channel


@pytest.mark.parametrize("value", ['"smsnews"', '"@a b"', "true", '"https://t.me/smsnews"'])
def test_a_bad_channel_is_an_error_naming_the_key_and_value(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match=r"pressbot.yaml: ingest.channel must be @username or a numeric chat id"):
        load_config(config_with(tmp_path, f"ingest:\n  channel: {value}\n"))


def test_a_negative_upload_limit_is_an_error_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ingest\.max_upload_bytes must not be negative"):
        load_config(config_with(tmp_path, "ingest:\n  max_upload_bytes: -1\n"))


def test_a_username_matches_in_any_case_and_an_id_exactly() -> None:
    chat = Chat(-1001555000111, Chat.CHANNEL, username="SMSnews")
    assert is_configured(chat, "@smsnews") and is_configured(chat, "-1001555000111")
    assert not is_configured(chat, "@other") and not is_configured(chat, "-100155500011")
    assert not is_configured(chat, None)


def test_a_post_links_to_its_public_or_private_channel_address() -> None:
    assert post_url(Chat(-1001555000111, Chat.CHANNEL, username="smsnews"), 7) == "https://t.me/smsnews/7"
    assert post_url(Chat(-1001555000111, Chat.CHANNEL), 7) == "https://t.me/c/1555000111/7"
