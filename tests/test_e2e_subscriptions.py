"""End to end: /subscribe, /unsubscribe, /subscriptions, and the notices an admin's reload sets off."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import RunningBot, write_doc
from tests.html_checker import assert_valid
from tests.telegram_emulator import EmulatorUser, visible


def zanzibar(corpus_dir: Path, name: str = "zanzibar.md") -> None:
    write_doc(corpus_dir, name, "Mobile consular service in Zanzibar",
              "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May.",
              url="https://example.org/news/zanzibar", date="2024-05-03")


async def reload(bot: RunningBot) -> None:
    admin = bot.admin()
    await admin.send_command("/reload")
    await admin.replies(2)


async def say(user: EmulatorUser, command: str) -> str:
    await user.send_command(command)
    return visible((await user.next_reply())["message"]["text"])


async def test_subscribe_confirms_and_subscriptions_list_the_topic(running_bot: RunningBot) -> None:
    user = running_bot.user()
    assert (await say(user, "/subscribe mobile consular")).startswith("Subscribed to “mobile consular”.")
    listing = await say(user, "/subscriptions")
    assert listing.splitlines()[:3] == ["Topics you follow", "", "• mobile consular"]
    running_bot.assert_clean()


async def test_subscribe_without_a_topic_says_how(running_bot: RunningBot) -> None:
    reply = await say(running_bot.user(), "/subscribe")
    assert reply == "Tell me the topic to follow: /subscribe TOPIC (a word or a few)"
    running_bot.assert_clean()


async def test_subscribing_twice_to_a_topic_is_noticed(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await say(user, "/subscribe Visa")
    assert await say(user, "/subscribe visa") == "You already follow “visa”."
    running_bot.assert_clean()


async def test_unsubscribe_one_topic_then_all(running_bot: RunningBot) -> None:
    user = running_bot.user()
    for topic in ("visa", "consular", "passports"):
        running_bot.app.bot_data.storage.subscribe(user.chat["id"], topic, "en")
    assert await say(user, "/unsubscribe Visa") == "You no longer follow “Visa”."
    assert await say(user, "/unsubscribe visa") == "You do not follow “visa”. /subscriptions lists your topics."
    assert await say(user, "/unsubscribe") == "You no longer follow any topic (2 removed)."
    assert (await say(user, "/subscriptions")).startswith("You follow no topics.")
    running_bot.assert_clean()


async def test_topics_are_escaped_in_replies(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_command("/subscribe <b>visa</b> & {topic}")
    text = (await user.next_reply())["message"]["text"]
    assert "“&lt;b&gt;visa&lt;/b&gt; &amp; {topic}”" in text
    running_bot.assert_clean()


async def test_a_reload_with_a_new_press_release_notifies_subscribers_of_its_topic(running_bot: RunningBot) -> None:
    follower, other = running_bot.user(1001, "Aysel"), running_bot.user(1002, "Boris")
    await say(follower, "/subscribe mobile consular")
    await say(other, "/subscribe refugee documents")
    zanzibar(running_bot.corpus)
    await reload(running_bot)
    notice = (await follower.next_reply())["message"]["text"]
    assert visible(notice).splitlines() == ["New press releases on “mobile consular”", "",
                                            "• Mobile consular service in Zanzibar — 2024-05-03"]
    assert '<a href="https://example.org/news/zanzibar">' in notice
    assert_valid(notice)
    assert await other.no_reply()
    running_bot.assert_clean()


async def test_a_press_release_is_noticed_at_most_once_per_subscriber(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await say(user, "/subscribe mobile consular")
    await say(user, "/subscribe Zanzibar")  # the same release matches both topics: one notice
    zanzibar(running_bot.corpus)
    await reload(running_bot)
    await user.next_reply()
    (running_bot.corpus / "zanzibar.md").unlink()
    await reload(running_bot)
    zanzibar(running_bot.corpus, "zanzibar-again.md")  # back under another file: a new id, noticed again
    zanzibar(running_bot.corpus)  # back under its old id: already noticed
    await reload(running_bot)
    again = visible((await user.next_reply())["message"]["text"])
    assert again.count("Mobile consular service in Zanzibar") == 1
    assert await user.no_reply(1.5)
    running_bot.assert_clean()


async def test_no_notice_when_a_reload_brings_nothing_new(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await say(user, "/subscribe mobile consular")
    await reload(running_bot)
    assert await user.no_reply(1.0)
    running_bot.assert_clean()


async def test_notices_are_in_the_subscribers_language(running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="ru")
    assert (await say(user, "/subscribe mobile consular")).startswith("Вы подписаны на тему «mobile consular».")
    zanzibar(running_bot.corpus)
    await reload(running_bot)
    notice = visible((await user.next_reply())["message"]["text"])
    assert notice.startswith("Новые пресс-релизы по теме «mobile consular»")
    running_bot.assert_clean()


async def test_two_notices_to_one_chat_are_paced_by_the_rate_limiter(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await say(user, "/subscribe Zanzibar")
    await say(user, "/subscribe Kigali")
    zanzibar(running_bot.corpus)
    write_doc(running_bot.corpus, "kigali.md", "Consular day in Kigali", "The embassy held a consular day in Kigali.")
    await reload(running_bot)
    first, second = await user.replies(2)
    assert second["time"] - first["time"] >= 900  # milliseconds, stamped by the emulator on arrival
    running_bot.assert_clean()


async def test_a_subscription_limit_keeps_topics_in_check(running_bot: RunningBot) -> None:
    user = running_bot.user()
    storage = running_bot.app.bot_data.storage
    for i in range(10):
        storage.subscribe(user.chat["id"], f"topic {i}", "en", now=time.time())
    assert (await say(user, "/subscribe one more")).startswith("You already follow 10 topics")
    running_bot.assert_clean()


async def test_subscription_commands_in_a_group_point_to_a_private_chat_and_store_nothing(
        running_bot: RunningBot) -> None:
    group = {"id": -1001234567, "type": "supergroup", "title": "Compatriots in Tanzania"}
    member = EmulatorUser(running_bot.http, running_bot.api_url, running_bot.token, 2001, "Rauf", "en", chat=group)
    for command in ("/subscribe mobile consular", "/unsubscribe", "/subscriptions"):
        assert await say(member, command) == "Subscriptions work in a private chat with me."
    assert running_bot.app.bot_data.storage.subscriptions() == []
    running_bot.assert_clean()
