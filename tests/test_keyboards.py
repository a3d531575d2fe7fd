"""Inline keyboards and their callback_data: within Telegram's 64 bytes, and decoded only when ours."""

from __future__ import annotations

import pytest

from pressbot.bot.telegram.keyboards import (
    CALLBACK_DATA_LIMIT,
    Press,
    answer_keyboard,
    callback_data,
    latest_keyboard,
    parse_press,
)


def test_callback_data_round_trips() -> None:
    assert parse_press(callback_data("src", "AbCd_1-2", 3)) == Press("src", "AbCd_1-2", 3)
    assert parse_press(callback_data("more", "AbCd_1-2")) == Press("more", "AbCd_1-2")


@pytest.mark.parametrize("data", [None, "", "like", "src:key", "more:key:2", "src:key:0", "src:k/y:1",
                                  "drop:key", "src:key:1:extra", "up:" + "k" * 17])
def test_data_this_bot_never_made_is_not_a_press(data: object) -> None:
    assert parse_press(data) is None


def test_too_long_callback_data_is_refused() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        callback_data("src", "k" * CALLBACK_DATA_LIMIT, 1)


def test_an_answer_keyboard_has_a_source_row_and_more_with_feedback_in_the_persons_language() -> None:
    rows = answer_keyboard("AbCd1234", sources=2, lang="ru").inline_keyboard
    assert [[b.text for b in row] for row in rows] == [["Источник 1", "Источник 2"], ["Ещё", "👍", "👎"]]
    assert [b.callback_data for b in rows[0]] == ["src:AbCd1234:1", "src:AbCd1234:2"]


def test_an_answer_keyboard_without_more() -> None:
    rows = answer_keyboard("k", sources=1, lang="en", more=False).inline_keyboard
    assert [[b.text for b in row] for row in rows] == [["Source 1"], ["👍", "👎"]]


def test_a_latest_keyboard_is_one_more_button() -> None:
    ((button,),) = latest_keyboard("k1", "az").inline_keyboard
    assert (button.text, button.callback_data) == ("Daha çox", "late:k1")
