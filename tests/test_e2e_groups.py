"""End to end: in a group the bot speaks only when spoken to.

The emulator stores group messages like private ones (its answers always say chat type "private", which
the bot does not read); the chat the person writes in is a supergroup here, as in Telegram. With privacy
mode on, real Telegram does not even deliver most other chatter to a bot; these tests deliver all of it,
so the bot's own filter is what keeps it quiet.
"""

from __future__ import annotations

import json
import re

from tests.conftest import RunningBot
from tests.telegram_emulator import EMULATOR_BOT, EmulatorUser, visible

GROUP = {"id": -1001234567, "type": "supergroup", "title": "Compatriots in Tanzania"}
BOT = "@" + str(EMULATOR_BOT["username"])
QUESTION = "who met the IOM Director General in Geneva?"


def member(bot: RunningBot, user_id: int = 2001, name: str = "Rauf") -> EmulatorUser:
    return EmulatorUser(bot.http, bot.api_url, bot.token, user_id, name, "en", chat=GROUP)


def mention(text: str, username: str = BOT) -> tuple[str, list[dict[str, object]]]:
    """`@username text`, with the mention entity Telegram attaches."""
    return f"{username} {text}", [{"type": "mention", "offset": 0, "length": len(username)}]


async def test_group_chatter_gets_no_reply(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_text(QUESTION)
    await person.send_text("Good morning everyone!")
    await person.send_raw({"sticker": {"file_id": "s1", "file_unique_id": "u1", "type": "regular",
                                       "width": 512, "height": 512, "is_animated": False, "is_video": False}})
    await person.send_command("/weather")
    await person.send_command("/latest@SomeOtherBot")
    await person.send_text(*mention(QUESTION, "@SomeOtherBot"))
    # Then a bare mention, which the bot must answer with its help: if any chatter had been answered, that
    # reply would come first (one chat's updates are handled in order); a lost update cannot pass as ignored.
    await person.send_text(*mention(""))
    assert "How to use me" in visible((await person.next_reply())["message"]["text"])
    assert await person.no_reply(0.5)
    running_bot.assert_clean()


async def test_a_mention_is_answered_as_a_reply_to_the_asker(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_text(*mention(QUESTION))
    reply = (await person.next_reply())["message"]
    assert "Vitorino" in reply["text"]
    assert json.loads(reply["reply_parameters"])["message_id"] > 0  # quotes the question in the group
    running_bot.assert_clean()


async def test_a_mention_in_the_middle_of_a_question_is_taken_out(running_bot: RunningBot) -> None:
    person = member(running_bot)
    text = f"Please {BOT}, {QUESTION}"
    await person.send_text(text, entities=[{"type": "mention", "offset": 7, "length": len(BOT)}])
    assert "Vitorino" in (await person.next_reply())["message"]["text"]
    assert running_bot.app.bot_data.storage.stats().answered_total == 1
    running_bot.assert_clean()


async def test_a_reply_to_the_bots_message_is_answered(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_command(f"/latest{BOT}")
    listing = await person.next_reply()
    await person.send_text(QUESTION, reply_to=listing)
    assert "Vitorino" in (await person.next_reply())["message"]["text"]
    running_bot.assert_clean()


async def test_a_command_addressed_to_the_bot_is_answered(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_command(f"/latest{BOT}")
    assert visible((await person.next_reply())["message"]["text"]).startswith("Press releases\n")  # none dated
    running_bot.assert_clean()


async def test_an_unknown_command_addressed_to_the_bot_is_named_as_unknown(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_command(f"/weather{BOT}")
    assert visible((await person.next_reply())["message"]["text"]) == "Unknown command. /help lists what I can do."
    running_bot.assert_clean()


async def test_a_bare_mention_gets_help(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_text(*mention(""))
    assert "How to use me" in visible((await person.next_reply())["message"]["text"])
    running_bot.assert_clean()


async def test_subscriptions_in_a_group_point_to_a_private_chat(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_command(f"/subscribe{BOT} consular")
    assert "private chat" in visible((await person.next_reply())["message"]["text"])
    assert running_bot.app.bot_data.storage.subscriptions() == []
    running_bot.assert_clean()


async def test_help_in_a_group_lists_only_the_commands_that_work_there(running_bot: RunningBot) -> None:
    person = member(running_bot)
    await person.send_command("/help@" + BOT.removeprefix("@"))
    shown = visible((await person.next_reply())["message"]["text"])
    listed = set(re.findall(r"^/(\w+) — ", shown, re.MULTILINE))
    assert listed == {"start", "help", "latest", "sources", "privacy"}
    running_bot.assert_clean()
