"""Inline keyboards under answers and /latest lists, and the callback_data they carry.

Telegram allows 1-64 bytes of callback_data, so a button carries only an action, a short key into the
bot's storage (where the question, the citations and the page live) and a source number:
``src:AbCd_123:2``, ``more:AbCd_123``, ``up:AbCd_123``, ``down:AbCd_123``, ``late:AbCd_123``.

Usage::

    markup = answer_keyboard(key, sources=2, lang="en")
    press = parse_press(query.data)     # None for data this bot never made
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from pressbot.responses.render import locale

CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit
SOURCE, MORE, UP, DOWN, LATEST_MORE = "src", "more", "up", "down", "late"
_DATA = re.compile(r"(src|more|up|down|late):([A-Za-z0-9_-]{1,16})(?::([1-9][0-9]?))?")


@dataclass(frozen=True)
class Press:
    """A button press decoded: what to do, on which stored state, and for `src` which source."""

    action: str
    key: str
    n: int = 0


def callback_data(action: str, key: str, n: int | None = None) -> str:
    data = f"{action}:{key}" if n is None else f"{action}:{key}:{n}"
    if len(data.encode()) > CALLBACK_DATA_LIMIT:
        raise ValueError(f"callback_data over {CALLBACK_DATA_LIMIT} bytes: {data!r}")
    return data


def parse_press(data: object) -> Press | None:
    """The press a button of ours stands for, or None (a button of an older version, or forged data)."""
    if not isinstance(data, str):
        return None
    match = _DATA.fullmatch(data)
    if match is None:
        return None
    action, key, n = match.groups()
    if (action == SOURCE) != (n is not None):
        return None
    return Press(action=action, key=key, n=int(n) if n else 0)


def answer_keyboard(key: str, sources: int, lang: str, more: bool = True) -> InlineKeyboardMarkup:
    """[Source 1] [Source 2] … on the first row; [More] [👍] [👎] on the second."""
    t = locale(lang)
    rows = [[InlineKeyboardButton(t["button_source"].format(n=n), callback_data=callback_data(SOURCE, key, n))
             for n in range(1, sources + 1)]]
    last = [InlineKeyboardButton(t["button_more"], callback_data=callback_data(MORE, key))] if more else []
    last += [InlineKeyboardButton("👍", callback_data=callback_data(UP, key)),
             InlineKeyboardButton("👎", callback_data=callback_data(DOWN, key))]
    return InlineKeyboardMarkup([row for row in [*rows, last] if row])


def latest_keyboard(key: str, lang: str) -> InlineKeyboardMarkup:
    """One [More] button under a /latest page."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(locale(lang)["button_more"],
                                                       callback_data=callback_data(LATEST_MORE, key))]])
