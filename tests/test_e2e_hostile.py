"""Every hostile input through the real bot on the emulator: exactly one polite reply each, valid Telegram HTML,
nothing evaluated, no stack trace; media, edits and channel posts get a short notice or nothing."""

from __future__ import annotations

import time
from typing import Any

import pytest

from pressbot.responses.render import locale
from tests.conftest import RunningBot
from tests.hostile_inputs import CATALOGUE, EVALUATED_MARKERS
from tests.html_checker import problems, visible_text
from tests.telegram_emulator import EmulatorUser

pytestmark = pytest.mark.e2e
FIRST_USER = 5000
FILE = {"file_id": "AgADBAAD", "file_unique_id": "AQADBAAD"}
# Messages a person can send that carry no text (as the Bot API delivers them).
MEDIA: dict[str, dict[str, Any]] = {
    "sticker": {"sticker": {**FILE, "width": 512, "height": 512, "is_animated": False, "is_video": False,
                            "type": "regular", "emoji": "😀"}},
    "photo with a hostile caption": {"photo": [{**FILE, "width": 90, "height": 90}],
                                     "caption": "<b>{{ 1234*5678 }}</b> &"},
    "voice": {"voice": {**FILE, "duration": 3, "mime_type": "audio/ogg"}},
    "document": {"document": {**FILE, "file_name": "../../etc/passwd", "mime_type": "text/plain"}},
    "location": {"location": {"latitude": 40.4093, "longitude": 49.8671}},
    "contact": {"contact": {"phone_number": "+994000000000", "first_name": "<i>Eve"}},
}


def message_from(user: EmulatorUser, text: str, message_id: int, **fields: Any) -> dict[str, Any]:
    """A Bot API Message object from this user in their chat."""
    return {"message_id": message_id, "date": int(time.time()), "chat": user.chat, "from": user.user,
            "text": text, **fields}


async def bot_messages_to(user: EmulatorUser) -> list[str]:
    """Every message the bot has sent to this user's chat so far."""
    return [r["message"]["text"] for r in await user.history()
            if str(r["message"].get("chat_id")) == str(user.chat["id"])]


async def collect_one_reply_each(bot: RunningBot, users: list[EmulatorUser]) -> list[str]:
    """The single reply each user got; fails if one got none or two."""
    replies = [str((await user.next_reply(30))["message"]["text"]) for user in users]
    for user in users:
        assert await user.no_reply(0.05), f"user {user.user['id']} got a second reply"
    return replies


def assert_polite(reply: str) -> None:
    """Valid Telegram HTML, no error notice, no trace of evaluation or of a crash."""
    assert problems(reply) == []
    assert locale("en")["error"] not in reply
    shown = visible_text(reply)
    assert [m for m in EVALUATED_MARKERS if m in shown] == []


async def test_every_hostile_input_gets_exactly_one_polite_valid_reply(running_bot: RunningBot) -> None:
    users = [running_bot.user(user_id=FIRST_USER + i) for i in range(len(CATALOGUE))]
    for user, hostile in zip(users, CATALOGUE, strict=True):
        await (user.send_command if hostile.command else user.send_text)(hostile.text)
    replies = await collect_one_reply_each(running_bot, users)
    failures = {}
    for hostile, reply in zip(CATALOGUE, replies, strict=True):
        try:
            assert_polite(reply)
        except AssertionError as exc:
            failures[hostile.name] = str(exc)[:300]
    assert failures == {}
    running_bot.assert_clean()


async def test_a_template_in_a_question_is_shown_as_typed(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("{{ 1234*5678 }} {% raw %}")
    reply = visible_text((await user.next_reply())["message"]["text"])
    assert "{{ 1234*5678 }} {% raw %}" in reply
    running_bot.assert_clean()


async def test_html_in_a_question_is_escaped_not_rendered(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("<b>bold</b> & <script>")
    reply = (await user.next_reply())["message"]["text"]
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in reply
    running_bot.assert_clean()


@pytest.mark.parametrize("kind", MEDIA, ids=list(MEDIA))
async def test_a_message_without_text_gets_the_i_read_text_notice(running_bot: RunningBot, kind: str) -> None:
    user = running_bot.user()
    await user.send_raw(MEDIA[kind])
    reply = (await user.next_reply())["message"]["text"]
    assert visible_text(reply) == locale("en")["non_text"]
    assert await user.no_reply(0.3)
    running_bot.assert_clean()


async def answered_next(user: EmulatorUser) -> str:
    """Send /start and return the bot's next message to this chat: the greeting, if nothing came before it.
    A follow-up the bot must answer, so that an update lost on the way cannot pass for one ignored."""
    await user.send_command("/start")
    return visible_text((await user.next_reply(30))["message"]["text"])


async def test_an_edited_question_is_ignored_without_error(running_bot: RunningBot) -> None:
    user = running_bot.user()
    edited = message_from(user, "Who met the IOM Director General in Geneva?", 77, edit_date=int(time.time()))
    await user.send_update({"edited_message": edited})
    assert (await answered_next(user)).startswith("Hello, Alice!")  # the edit got nothing before it
    assert await user.no_reply(0.3)
    running_bot.assert_clean()


async def test_an_edited_command_is_answered_once_politely(running_bot: RunningBot) -> None:
    user = running_bot.user()
    edited = message_from(user, "/start", 78, edit_date=int(time.time()),
                          entities=[{"type": "bot_command", "offset": 0, "length": 6}])
    await user.send_update({"edited_message": edited})
    reply = (await user.next_reply(30))["message"]["text"]
    assert_polite(reply)
    assert visible_text(reply).startswith("Hello, Alice!")
    assert (await answered_next(user)).startswith("Hello, Alice!")  # the follow-up's: no second reply to the edit
    assert await user.no_reply(0.3)
    running_bot.assert_clean()


async def test_a_channel_post_is_ignored_without_error(running_bot: RunningBot) -> None:
    channel = {"id": -1001234567890, "type": "channel", "title": "SMS news <b>"}
    reader = EmulatorUser(running_bot.http, running_bot.api_url, running_bot.token, chat=channel)
    post = {"message_id": 79, "date": int(time.time()), "chat": channel, "sender_chat": channel,
            "text": "/reload {{ 1234*5678 }} Who met the IOM Director General in Geneva?",
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}]}
    await reader.send_update({"channel_post": post})
    # A later update in another chat is answered: the bot was polling past the post, not stalled before it.
    assert (await answered_next(running_bot.user())).startswith("Hello, Alice!")
    assert await reader.no_reply(0.5)
    running_bot.assert_clean()
