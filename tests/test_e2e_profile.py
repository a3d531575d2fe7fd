"""End to end: what the bot publishes about itself at start — command menus and descriptions in English,
Azerbaijani and Russian, and the admin commands only in admins' own chats.

The emulator lacks setMyCommands, setMyDescription and setMyShortDescription; the adapter answers True as
the real API does and records the calls. Telegram shows a person the menu and description for their app's
language, falling back to the one set without a language_code (English here), and for a chat scope
(BotCommandScopeChat) shows that chat's menu instead of the default one.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import ADMIN_ID, RunningBot
from tests.telegram_emulator import recorder, visible

USER_COMMANDS = ["start", "help", "latest", "sources", "subscribe", "unsubscribe", "subscriptions", "privacy",
                 "forget"]


def menus(bot: RunningBot) -> dict[tuple[str, str | None], list[dict[str, str]]]:
    """(scope type, language_code) → the commands set for it."""
    out = {}
    for call in recorder(bot.app).parameters("setMyCommands"):
        scope: dict[str, Any] = call.get("scope") or {"type": "default"}
        key = scope["type"] if scope["type"] != "chat" else f"chat {scope['chat_id']}"
        out[(key, call.get("language_code"))] = call["commands"]
    return out


async def test_the_command_menu_is_published_in_each_language(running_bot: RunningBot) -> None:
    published = menus(running_bot)
    for lang in (None, "az", "ru"):
        assert [c["command"] for c in published[("default", lang)]] == USER_COMMANDS
    descriptions = {lang: {c["command"]: c["description"] for c in published[("default", lang)]}
                    for lang in (None, "az", "ru")}
    assert descriptions[None]["help"] == "this help"
    assert descriptions["az"]["help"] == "bu kömək"
    assert descriptions["ru"]["help"] == "эта справка"


async def test_reload_and_stats_are_in_the_menu_of_admins_only(running_bot: RunningBot) -> None:
    published = menus(running_bot)
    for lang in (None, "az", "ru"):
        admin_menu = [c["command"] for c in published[(f"chat {ADMIN_ID}", lang)]]
        assert admin_menu == [*USER_COMMANDS, "reload", "stats", "add", "remove"]
        assert not {"reload", "stats"} & {c["command"] for c in published[("default", lang)]}


async def test_descriptions_are_published_in_each_language_within_telegrams_limits(running_bot: RunningBot) -> None:
    request = recorder(running_bot.app)
    long = {c.get("language_code"): c["description"] for c in request.parameters("setMyDescription")}
    short = {c.get("language_code"): c["short_description"] for c in request.parameters("setMyShortDescription")}
    assert set(long) == set(short) == {None, "az", "ru"}
    assert long[None].startswith("I answer questions about Azerbaijan's State Migration Service")
    assert "Dövlət Miqrasiya Xidməti" in long["az"] and "миграционной службе" in long["ru"]
    assert all(len(text) <= 512 for text in long.values())
    assert all(len(text) <= 120 for text in short.values())


async def test_start_greets_in_the_persons_telegram_language(running_bot: RunningBot) -> None:
    greetings = {}
    for user_id, code in [(1001, "az"), (1002, "ru-RU"), (1003, "de"), (1004, "en")]:
        user = running_bot.user(user_id, "Nigar", code)
        await user.send_command("/start")
        greetings[code] = visible((await user.next_reply())["message"]["text"]).splitlines()[0]
    assert greetings == {"az": "Salam, Nigar!", "ru-RU": "Здравствуйте, Nigar!", "de": "Hello, Nigar!",
                         "en": "Hello, Nigar!"}
    running_bot.assert_clean()


async def test_help_lists_the_commands_in_the_persons_language(running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="az")
    await user.send_command("/help")
    text = visible((await user.next_reply())["message"]["text"])
    assert text.startswith("Necə istifadə etməli")
    assert "/subscribe — mövzunu izlə" in text and "/reload" not in text
    running_bot.assert_clean()
