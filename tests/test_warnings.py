"""Warnings are errors where they announce breakage: PTB's deprecations, and anything the project's own code
warns (pyproject.toml's pytest filterwarnings); and a 429 from Telegram raises no deprecation warning."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from telegram.error import RetryAfter
from telegram.warnings import PTBDeprecationWarning

import pressbot.bot.telegram.retries  # noqa: F401  (opts in to PTB's timedelta time periods)


def test_a_429s_retry_after_is_a_timedelta_without_a_deprecation_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert RetryAfter(3).retry_after == dt.timedelta(seconds=3)


def test_a_warning_raised_from_a_pressbot_module_fails_the_test() -> None:
    with pytest.raises(UserWarning, match="from pressbot"):
        warnings.warn_explicit("from pressbot", UserWarning, "config.py", 1, module="pressbot.bot.core.config")


def test_a_ptb_deprecation_warning_fails_the_test() -> None:
    with pytest.raises(PTBDeprecationWarning):
        warnings.warn_explicit(PTBDeprecationWarning("v99", "old"), PTBDeprecationWarning, "_bot.py", 1,
                               module="telegram._bot")


def test_a_warning_from_another_library_is_left_as_a_warning() -> None:
    with pytest.warns(UserWarning, match="elsewhere"):
        warnings.warn_explicit("elsewhere", UserWarning, "lib.py", 1, module="somelib")
