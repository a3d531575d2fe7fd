"""Admins add press releases from Telegram: `/add` + text, a forwarded post, or a file (.txt, .md, .html),
each shown back as parsed under Add / Cancel; Add writes it into the corpus and reloads, Remove (or /remove
ID) takes it out again. Through the real bot on the emulator.

telegram-test-api has no files and no getFile: `EmulatorUser.send_document` keeps the bytes on the test
side and the adapter (tests/telegram_emulator.py) answers the bot's getFile and download from there, as
Telegram's file server would. Forwarded messages are ordinary messages with a Bot API `forward_origin`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pressbot.bot.telegram.uploads import ADD, CANCEL, REMOVE
from tests.conftest import BUNDLED_CORPUS, RunningBot, start_bot
from tests.html_checker import problems
from tests.telegram_emulator import EmulatorProcess, EmulatorUser, channel_origin, keyboard, recorder, visible

pytestmark = pytest.mark.e2e
PAGES = Path(__file__).parent / "data" / "pages"
ZANZIBAR = ("Mobile consular service in Zanzibar\n"
            "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May.\n"
            "Passports of 12 compatriots were renewed on the spot.")
ZANZIBAR_QUESTION = "Where did the embassy provide mobile consular services in Zanzibar?"
CHANNEL = {"id": -1001555000111, "type": "channel", "title": "State Migration Service", "username": "smsnews"}


def button(record: dict[str, Any], action: str) -> str:
    """The callback_data of the button under a bot message whose data starts with `action:`."""
    found = [data for row in keyboard(record) for _, data in row if data.startswith(f"{action}:")]
    assert found, f"no {action} button under {record['message']['text']!r}"
    return found[0]


def releases(corpus: Path) -> set[str]:
    """The corpus's files; fails if a temporary file of a write is left behind."""
    names = {p.name for p in corpus.iterdir() if p.name != ".index"}
    assert [n for n in names if n.endswith(".tmp") or n.startswith(".")] == []
    return names


async def draft_reply(admin: EmulatorUser) -> dict[str, Any]:
    """The bot's answer to an upload: valid HTML with Add and Cancel under it."""
    record = await admin.next_reply()
    assert problems(record["message"]["text"]) == []
    assert [label for row in keyboard(record) for label, _ in row] == ["Add", "Cancel"]
    return record


async def press(admin: EmulatorUser, record: dict[str, Any], action: str) -> dict[str, Any]:
    """Press a button under a bot message; the bot's next message."""
    await admin.press_button(record, button(record, action))
    return await admin.next_reply(20)


async def add_text(bot: RunningBot, text: str = ZANZIBAR) -> dict[str, Any]:
    """/add TEXT, then Add; the confirmation."""
    admin = bot.admin()
    await admin.send_command(f"/add {text}")
    return await press(admin, await draft_reply(admin), ADD)


async def test_add_shows_the_parsed_release_with_add_and_cancel(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_command(f"/add {ZANZIBAR}")
    shown = visible((await draft_reply(admin))["message"]["text"])
    assert "Title: Mobile consular service in Zanzibar" in shown
    assert "Language: en" in shown and "Date: none" in shown and "Link: none" in shown
    assert "The embassy provided mobile consular services to compatriots in Zanzibar" in shown
    assert "no date found" in shown
    running_bot.assert_clean()


async def test_an_added_text_release_answers_a_question(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    confirmation = visible((await add_text(running_bot))["message"]["text"])
    assert "Added as doc-en-mobile-consular-service-in-zanzibar" in confirmation
    assert "Reloaded: 8 press releases" in confirmation
    assert releases(running_bot.corpus) - before == {"doc-en-mobile-consular-service-in-zanzibar.md"}
    admin = running_bot.admin()
    await admin.send_text(ZANZIBAR_QUESTION)
    assert "compatriots in Zanzibar on 3 May" in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()


async def test_cancel_writes_nothing(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    admin = running_bot.admin()
    await admin.send_command(f"/add {ZANZIBAR}")
    reply = await press(admin, await draft_reply(admin), CANCEL)
    assert visible(reply["message"]["text"]) == "Cancelled: nothing was added."
    assert releases(running_bot.corpus) == before
    assert len(running_bot.service.index.documents) == 7
    running_bot.assert_clean()


async def test_remove_under_the_confirmation_takes_the_release_out(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    admin = running_bot.admin()
    confirmation = await add_text(running_bot)
    removed = visible((await press(admin, confirmation, REMOVE))["message"]["text"])
    assert "Removed doc-en-mobile-consular-service-in-zanzibar" in removed
    assert releases(running_bot.corpus) == before
    assert "doc-en-mobile-consular-service-in-zanzibar" not in running_bot.service.index.documents
    await admin.send_text(ZANZIBAR_QUESTION)
    assert "compatriots in Zanzibar on 3 May" not in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()


async def test_remove_command_takes_a_release_out(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_command("/remove migration-en-9634")
    reply = visible((await admin.next_reply(20))["message"]["text"])
    assert reply.startswith("Removed migration-en-9634: “Meeting at State Migration Service”.")
    assert "migration-en-9634.md" not in releases(running_bot.corpus)
    assert "migration-en-9634" not in running_bot.service.index.documents
    running_bot.assert_clean()


async def test_remove_of_an_unknown_id_touches_nothing(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    admin = running_bot.admin()
    await admin.send_command("/remove ../../etc/passwd")
    assert visible((await admin.next_reply())["message"]["text"]) == (
        "There is no press release “../../etc/passwd” in the corpus.")
    assert releases(running_bot.corpus) == before
    running_bot.assert_clean()


async def test_removing_the_last_release_is_refused_by_the_reload_and_puts_the_file_back(
        emulator: EmulatorProcess, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    only = BUNDLED_CORPUS / "migration-en-9634.md"
    (corpus / only.name).write_bytes(only.read_bytes())
    async with start_bot(emulator, corpus, caplog) as bot:
        admin = bot.admin()
        await admin.send_command("/remove migration-en-9634")
        reply = visible((await admin.next_reply(20))["message"]["text"])
        assert reply.startswith("The new corpus has problems, so the current press releases keep being served:")
        assert (corpus / only.name).read_bytes() == only.read_bytes()
        assert "migration-en-9634" in bot.service.index.documents
        bot.assert_clean()


async def test_a_txt_file_is_added(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_document("zanzibar.txt", f"{ZANZIBAR}\n".encode())
    draft = await draft_reply(admin)
    assert "From: zanzibar.txt" in visible(draft["message"]["text"])
    confirmation = visible((await press(admin, draft, ADD))["message"]["text"])
    assert "Added as doc-en-mobile-consular-service-in-zanzibar" in confirmation
    assert "doc-en-mobile-consular-service-in-zanzibar" in running_bot.service.index.documents
    running_bot.assert_clean()


async def test_an_md_file_is_added_as_written(running_bot: RunningBot) -> None:
    text = ("---\ntitle: \"Mobile consular service in Zanzibar\"\nurl: https://baku.example.org/news/7\n"
            "date: 2026-05-03\nlang: en\n---\n" + ZANZIBAR.split("\n", 1)[1] + "\n")
    admin = running_bot.admin()
    await admin.send_document("zanzibar.md", text.encode())
    draft = await draft_reply(admin)
    shown = visible(draft["message"]["text"])
    assert "Date: 2026-05-03" in shown and "Link: https://baku.example.org/news/7" in shown
    await press(admin, draft, ADD)
    assert (running_bot.corpus / "zanzibar.md").read_text(encoding="utf-8") == text
    running_bot.assert_clean()


async def test_a_saved_html_page_is_added_with_its_headline_date_and_link(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_document("page.html", (PAGES / "migration-en-mobile-service.html").read_bytes())
    draft = await draft_reply(admin)
    shown = visible(draft["message"]["text"])
    assert "Title: State Migration Service organized mobile service in Zagatala" in shown
    assert "Date: 2026-11-20" in shown and "Link: https://migration.gov.az/en/news_detail/21450" in shown
    await press(admin, draft, ADD)
    await admin.send_text("How many persons used the mobile service in Zagatala?")
    assert "A total of 17 persons" in (await admin.next_reply())["message"]["text"]
    running_bot.assert_clean()


async def test_a_forwarded_channel_post_is_added_with_its_link_and_date(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.forward(ZANZIBAR, channel_origin(CHANNEL, 314, date=1_777_777_777))
    draft = await draft_reply(admin)
    shown = visible(draft["message"]["text"])
    assert "Link: https://t.me/smsnews/314" in shown and "Date: 2026-05-03" in shown
    confirmation = visible((await press(admin, draft, ADD))["message"]["text"])
    assert "Added as t-en-314" in confirmation
    assert running_bot.service.index.documents["t-en-314"].url == "https://t.me/smsnews/314"
    running_bot.assert_clean()


async def test_a_forwarded_photo_without_text_gets_a_one_line_reason(running_bot: RunningBot) -> None:
    before, served = releases(running_bot.corpus), running_bot.service.served
    admin = running_bot.admin()
    photo = [{"file_id": "AgADBAAD", "file_unique_id": "AQADBAAD", "width": 90, "height": 90}]
    await admin.forward(None, channel_origin(CHANNEL, 315), photo=photo)
    reply = (await admin.next_reply())["message"]
    assert visible(reply["text"]) == "Not added: this message has no text (only a photo, a sticker or the like)."
    assert "reply_markup" not in reply
    assert releases(running_bot.corpus) == before
    assert running_bot.service.served is served
    running_bot.assert_clean()


async def test_a_duplicate_is_refused_naming_the_release(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    admin = running_bot.admin()
    await admin.send_document("again.md", (BUNDLED_CORPUS / "migration-en-9634.md").read_bytes())
    reply = visible((await admin.next_reply())["message"]["text"])
    assert reply == ("Not added: this press release is already in the corpus as migration-en-9634 "
                     "(“Meeting at State Migration Service”).")
    assert releases(running_bot.corpus) == before
    running_bot.assert_clean()


async def test_pressing_add_twice_adds_once(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_command(f"/add {ZANZIBAR}")
    draft = await draft_reply(admin)
    await press(admin, draft, ADD)
    again = visible((await press(admin, draft, ADD))["message"]["text"])
    assert again.startswith("Not added: this press release is already in the corpus as "
                            "doc-en-mobile-consular-service-in-zanzibar")
    assert len(running_bot.service.index.documents) == 8
    running_bot.assert_clean()


async def test_a_subscriber_hears_about_an_added_release(running_bot: RunningBot) -> None:
    reader = running_bot.user(user_id=3003, first_name="Reader")
    await reader.send_command("/subscribe Zanzibar")
    await reader.next_reply()
    await add_text(running_bot)
    notice = visible((await reader.next_reply(20))["message"]["text"])
    assert "Mobile consular service in Zanzibar" in notice
    running_bot.assert_clean()


async def test_a_file_from_someone_else_is_declined_and_never_downloaded(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    user = running_bot.user(user_id=777)
    await user.send_document("zanzibar.txt", ZANZIBAR.encode())
    assert visible((await user.next_reply())["message"]["text"]) == (
        "I read text questions only: please write your question.")
    assert recorder(running_bot.app).parameters("getFile") == []
    assert releases(running_bot.corpus) == before
    running_bot.assert_clean()


async def test_add_and_remove_are_refused_to_someone_else(running_bot: RunningBot) -> None:
    before = releases(running_bot.corpus)
    user = running_bot.user(user_id=777)
    await user.send_command(f"/add {ZANZIBAR}")
    await user.send_command("/remove migration-en-9634")
    refusals = {visible(r["message"]["text"]) for r in await user.replies(2)}
    assert refusals == {"Sorry, only the bot's administrators can use this command."}
    assert releases(running_bot.corpus) == before
    running_bot.assert_clean()


async def test_a_forwarded_post_from_someone_else_stays_a_question(running_bot: RunningBot) -> None:
    user = running_bot.user(user_id=777)
    await user.forward("Who met the IOM Director General in Geneva?", channel_origin(CHANNEL, 316))
    reply = await user.next_reply()
    assert "Vitorino" in reply["message"]["text"]
    running_bot.assert_clean()


async def test_an_admins_plain_text_is_still_a_question(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_text("Who met the IOM Director General in Geneva?")
    reply = await admin.next_reply()
    assert "Vitorino" in reply["message"]["text"]
    assert [label for row in keyboard(reply) for label, _ in row][:1] == ["Source 1"]
    running_bot.assert_clean()


async def test_a_file_over_the_size_limit_is_refused_before_download(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    limit = running_bot.service.config.ingest.max_upload_bytes
    await admin.send_document("huge.html", b"<html></html>", file_size=limit + 1)
    reply = visible((await admin.next_reply())["message"]["text"])
    assert reply == f"Not added: the file is {limit + 1} bytes, over the limit of {limit} bytes."
    assert recorder(running_bot.app).parameters("getFile") == []
    running_bot.assert_clean()


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "Not added: photo.html: a binary file, not html text."),
    ("report.pdf", b"%PDF-1.4", "Not added: I read .html, .htm, .txt, .md files, not “report.pdf”."),
    ("empty.txt", b"Only a title line\n", "Not added: empty.txt: no text after the title line."),
], ids=["binary named .html", "pdf", "title only"])
async def test_a_bad_file_gets_a_one_line_reason(running_bot: RunningBot, name: str, data: bytes,
                                                 reason: str) -> None:
    before, served = releases(running_bot.corpus), running_bot.service.served
    admin = running_bot.admin()
    await admin.send_document(name, data)
    reply = (await admin.next_reply())["message"]
    assert visible(reply["text"]) == reason
    assert "reply_markup" not in reply
    assert releases(running_bot.corpus) == before
    assert running_bot.service.served is served  # the index was not even rebuilt
    running_bot.assert_clean()


async def test_html_in_an_upload_is_shown_escaped(running_bot: RunningBot) -> None:
    admin = running_bot.admin()
    await admin.send_command("/add <b>{{ 7*7 }}</b> & co\nThe embassy <i>met</i> compatriots in {% raw %} Zanzibar.")
    text = (await draft_reply(admin))["message"]["text"]
    assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt; &amp; co" in text
    assert "&lt;i&gt;met&lt;/i&gt;" in text and "49" not in text
    running_bot.assert_clean()
