"""End to end: the bot speaking for another agency. Pointed at a corpus with its own agency.yaml (the
fictional Civil Registry Office of Nordlandia), every reply and the bot's Telegram descriptions name that
agency and its contact, never the State Migration Service, 919 or migration.gov.az; an edited agency.yaml
reaches /start on /reload, and the descriptions on the next start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import start_bot
from tests.telegram_emulator import EmulatorProcess, recorder, visible, wait_for_calls

EXAMPLE = Path(__file__).resolve().parent / "data" / "agency-example"
NAME = "Civil Registry Office of Nordlandia"
CONTACT = "call the Civil Registry Office hotline 1414"
FORBIDDEN = ("State Migration Service", "919", "migration.gov.az")


@pytest.fixture
def example_corpus(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "corpus", ignore=shutil.ignore_patterns(".*")))


def clean(text: str) -> bool:
    return not any(word in text for word in FORBIDDEN)


async def test_every_reply_names_the_other_agency_and_its_contact(
        emulator: EmulatorProcess, example_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with start_bot(emulator, example_corpus, caplog) as bot:
        user = bot.user()
        replies = {}
        for line in ("/start", "/help", "How long does it take to get a birth certificate?",
                     "What is the plov recipe with saffron?", "/sources", "/latest"):
            await (user.send_command(line) if line.startswith("/") else user.send_text(line))
            replies[line] = (await user.next_reply())["message"]["text"]
        query_id = await user.send_inline_query("plov recipe with saffron")
        calls = await wait_for_calls(recorder(bot.app), "answerInlineQuery", 1)
        [inline] = [c for c in calls if c["inline_query_id"] == query_id]
        bot.assert_clean()
    assert NAME in replies["/start"] and NAME in replies["/help"] and CONTACT in replies["/help"]
    assert "within one working day" in replies["How long does it take to get a birth certificate?"]
    assert NAME in replies["How long does it take to get a birth certificate?"]  # the cited publisher
    assert CONTACT in replies["What is the plov recipe with saffron?"]
    assert f"{NAME} — https://registry.nordlandia.example" in visible(replies["/sources"])
    assert "Mobile registry office visits mountain villages" in replies["/latest"]
    assert inline["results"] == [] and inline["button"]["text"].startswith(f"{NAME}: ")
    for text in [*replies.values(), inline["button"]["text"]]:
        assert clean(text), text


async def test_the_telegram_descriptions_name_the_other_agency_in_every_language(
        emulator: EmulatorProcess, example_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with start_bot(emulator, example_corpus, caplog) as bot:
        request = recorder(bot.app)
        long = {c.get("language_code"): c["description"] for c in request.parameters("setMyDescription")}
        short = {c.get("language_code"): c["short_description"] for c in request.parameters("setMyShortDescription")}
    assert set(long) == set(short) == {None, "az", "ru"}
    assert "Civil Registry Office of Nordlandia" in long[None] and "Нордландии" in long["ru"]
    assert short[None].startswith(NAME) and short["az"].startswith("Nordlandiya Vətəndaşlıq Qeydiyyatı İdarəsi")
    assert all(clean(text) and len(text) <= 120 for text in short.values())
    assert all(clean(text) and len(text) <= 512 for text in long.values())


async def test_reload_after_editing_the_profile_changes_start_and_the_next_start_the_description(
        emulator: EmulatorProcess, example_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    profile = example_corpus / "agency.yaml"
    async with start_bot(emulator, example_corpus, caplog) as bot:
        profile.write_text(profile.read_text(encoding="utf-8").replace(
            "I answer questions about the Civil Registry Office", "I answer questions about the Registry Office"),
            encoding="utf-8")
        admin = bot.admin()
        await admin.send_command("/reload")
        _, done = [r["message"]["text"] for r in await admin.replies(2)]
        assert done.startswith("Reloaded")
        await admin.send_command("/start")
        assert "I answer questions about the Registry Office" in (await admin.next_reply())["message"]["text"]
        bot.assert_clean()
    async with start_bot(emulator, example_corpus, caplog) as restarted:
        long = {c.get("language_code"): c["description"]
                for c in recorder(restarted.app).parameters("setMyDescription")}
    assert long[None].startswith("I answer questions about the Registry Office")


async def test_a_broken_profile_on_reload_is_reported_and_the_old_one_keeps_serving(
        emulator: EmulatorProcess, example_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    profile = example_corpus / "agency.yaml"
    async with start_bot(emulator, example_corpus, caplog) as bot:
        written = profile.read_text(encoding="utf-8")
        line = written.count("\n") + 1  # the appended key's line
        profile.write_text(written + "colour: red\n", encoding="utf-8")
        admin = bot.admin()
        await admin.send_command("/reload")
        _, report = [visible(r["message"]["text"]) for r in await admin.replies(2)]
        assert f"{profile}:{line}: unknown key 'colour'" in report
        await admin.send_text("What is the plov recipe with saffron?")
        assert CONTACT in (await admin.next_reply())["message"]["text"]
        bot.assert_clean()
