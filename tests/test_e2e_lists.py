"""End to end in Telegram: a procedure question typed in Azerbaijani without its letters gets the whole list
that the press release gives after its lead-in, through the real PTB Application on the emulator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CORPUS, RunningBot
from tests.test_e2e_core import visible

LIST_RELEASE = "mfa-warsaw-az-43.md"  # consular registration: a lead-in ending in ":" and three numbered documents


@pytest.fixture
def small_corpus(small_corpus: Path) -> Path:
    shutil.copy(BUNDLED_CORPUS / LIST_RELEASE, small_corpus / LIST_RELEASE)
    return small_corpus


async def test_an_azerbaijani_procedure_question_without_its_letters_gets_the_whole_list(
        running_bot: RunningBot) -> None:
    user = running_bot.user(language_code="az")
    await user.send_text("polsada konsulluq ucotuna durmaq ucun hansi senedler lazimdir")
    text = visible((await user.next_reply())["message"]["text"])
    assert "aşağıdakı sənədləri" in text
    assert "1. “Xarici ölkədə daimi yaşayan" in text
    assert "2. Azərbaycan Respublikası vətəndaşının ümumvətəndaş pasportunun surəti" in text
    assert "3. Polşa Respublikasında oturum hüququnu təsdiq edən sənədin surəti" in text
    assert "Mənbələr" in text
    running_bot.assert_clean()
