"""End to end: pressbot's real PTB Application against the telegram-test-api emulator on 127.0.0.1."""

from __future__ import annotations

import html
import re

from tests.conftest import RunningBot, write_doc


def visible(telegram_html: str) -> str:
    """What the person sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", telegram_html))


async def test_start_greets_the_user_by_name_in_html(running_bot: RunningBot) -> None:
    user = running_bot.user(first_name="Leyla <b>")
    await user.send_command("/start")
    reply = (await user.next_reply())["message"]
    assert reply["parse_mode"] == "HTML"
    assert "Leyla &lt;b&gt;" in reply["text"]
    running_bot.assert_clean()


async def test_question_is_answered_with_a_quote_and_a_cited_source(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("Who met the IOM Director General in Geneva?")
    reply = (await user.next_reply())["message"]
    assert "Vitorino" in reply["text"]
    assert "[1]" in reply["text"]
    assert '<a href="https://migration.gov.az/en/news_detail/13016">' in reply["text"]
    running_bot.assert_clean()


async def test_question_shows_typing_before_the_answer(running_bot: RunningBot, emulator) -> None:  # type: ignore[no-untyped-def]
    user = running_bot.user()
    await user.send_text("Who met the IOM Director General in Geneva?")
    await user.next_reply()
    methods = emulator.methods_called(running_bot.token)
    assert methods.index("sendChatAction") < methods.index("sendMessage")


async def test_unanswerable_question_points_to_official_contacts(running_bot: RunningBot) -> None:
    user = running_bot.user()
    await user.send_text("How do I cook plov with saffron rice?")
    text = (await user.next_reply())["message"]["text"]
    assert "919" in text and "migration.gov.az" in text
    assert "[1]" not in text
    running_bot.assert_clean()


async def test_reload_is_refused_to_a_user_who_is_not_an_admin(running_bot: RunningBot) -> None:
    write_doc(running_bot.corpus, "new.md", "Zanzibar consular day", "The embassy visited Zanzibar.")
    user = running_bot.user(user_id=777)
    await user.send_command("/reload")
    text = visible((await user.next_reply())["message"]["text"])
    assert "only the bot's administrators" in text
    assert "new" not in running_bot.service.index.documents
    running_bot.assert_clean()


async def test_admin_reload_serves_a_new_press_release(running_bot: RunningBot) -> None:
    write_doc(running_bot.corpus, "zanzibar.md", "Mobile consular service in Zanzibar",
              "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May.")
    admin = running_bot.admin()
    await admin.send_command("/reload")
    started, done = [r["message"]["text"] for r in await admin.replies(2)]
    assert "Reloading" in started
    assert re.search(r"Reloaded: 8 press releases", done), done
    await admin.send_text("Where did the embassy provide mobile consular services in Zanzibar?")
    assert "Zanzibar" in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()


async def test_reload_of_a_broken_corpus_keeps_the_old_index_answering(running_bot: RunningBot) -> None:
    broken = running_bot.corpus / "broken.md"
    broken.write_text("---\ntitle: Broken\ndate: 2020-13-45\n---\nText.\n", encoding="utf-8")
    admin = running_bot.admin()
    await admin.send_command("/reload")
    _, report = [visible(r["message"]["text"]) for r in await admin.replies(2)]
    assert f"{broken}:3: bad date" in report
    assert "keep being served" in report
    await admin.send_text("Who met the IOM Director General in Geneva?")
    assert "Vitorino" in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()
