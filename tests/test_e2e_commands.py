"""End to end: a command the bot does not have is named as unknown, with a pointer to /help, in the person's
language; in a group only when addressed to the bot."""

from __future__ import annotations

import pytest

from pressbot.responses.render import locale
from tests.conftest import RunningBot
from tests.telegram_emulator import EMULATOR_BOT, EmulatorUser, visible

pytestmark = pytest.mark.e2e
GROUP = {"id": -1001234999, "type": "supergroup", "title": "Compatriots in Kazan"}
BOT = "@" + str(EMULATOR_BOT["username"])


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
async def test_an_unknown_command_is_named_in_the_persons_language(running_bot: RunningBot, lang: str) -> None:
    user = running_bot.user(language_code=lang)
    await user.send_command("/frobnicate now")
    assert visible((await user.next_reply())["message"]["text"]) == locale(lang)["unknown_command"]
    assert await user.no_reply(0.3)
    running_bot.assert_clean()


async def test_an_unknown_command_addressed_to_the_bot_in_a_group_is_named(running_bot: RunningBot) -> None:
    person = EmulatorUser(running_bot.http, running_bot.api_url, running_bot.token, 2101, "Rauf", "en", chat=GROUP)
    await person.send_command(f"/weather{BOT}")
    assert visible((await person.next_reply())["message"]["text"]) == locale("en")["unknown_command"]
    running_bot.assert_clean()


async def test_a_private_only_command_in_a_group_gets_the_help_not_unknown(running_bot: RunningBot) -> None:
    person = EmulatorUser(running_bot.http, running_bot.api_url, running_bot.token, 2102, "Rauf", "en", chat=GROUP)
    await person.send_command(f"/stats{BOT}")
    assert "How to use me" in visible((await person.next_reply())["message"]["text"])
    running_bot.assert_clean()
