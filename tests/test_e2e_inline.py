"""End to end: inline mode ("@thebot question" typed in any chat).

The emulator has neither inline queries nor answerInlineQuery. The adapter delivers the inline_query update
as Telegram would and records the bot's answerInlineQuery call, which real Telegram answers with True and
shows as a list of results under the person's text field; choosing one posts its input_message_content.
"""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import RunningBot
from tests.html_checker import assert_valid
from tests.telegram_emulator import EmulatorUser, recorder, visible, wait_for_calls


async def inline(bot: RunningBot, user: EmulatorUser, query: str) -> dict[str, Any]:
    """The answerInlineQuery call the bot made for one inline query."""
    query_id = await user.send_inline_query(query)
    calls = await wait_for_calls(recorder(bot.app), "answerInlineQuery", 1)
    (answer,) = [c for c in calls if c["inline_query_id"] == query_id]
    return answer


async def test_inline_query_offers_matching_press_releases(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(), "International Organization for Migration")
    results = answer["results"]
    assert 1 <= len(results) <= 5
    assert all(r["type"] == "article" and len(r["id"].encode()) <= 64 for r in results)
    assert len({r["id"] for r in results}) == len(results)
    assert any("Vitorino" in r["title"] for r in results)
    running_bot.assert_clean()


async def test_an_inline_result_posts_one_quoted_sentence_with_its_source(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(), "Who met the IOM Director General in Geneva?")
    content = answer["results"][0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert_valid(content["message_text"])
    quote, source = visible(content["message_text"]).split("\n\n")
    assert quote.startswith("«") and quote.endswith("»") and "Vitorino" in quote
    assert source.startswith("— ")
    assert re.search(r'<a href="https://migration\.gov\.az/en/news_detail/\d+">', content["message_text"])
    running_bot.assert_clean()


async def test_an_inline_quote_is_verbatim_from_the_press_release(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(), "Who met the IOM Director General in Geneva?")
    assert len(answer["results"]) >= 2  # several quotes checked, not an empty loop
    corpus_text = " ".join(p.read_text(encoding="utf-8") for p in running_bot.corpus.glob("*.md"))
    for result in answer["results"]:
        quote = visible(result["input_message_content"]["message_text"]).split("\n\n")[0]
        assert quote.startswith("«") and quote.endswith("»")
        assert len(quote) > 40 and quote[1:-1] in corpus_text
    running_bot.assert_clean()


async def test_an_inline_query_nothing_answers_offers_a_private_chat_instead(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(), "How do I cook plov with saffron rice?")
    assert answer["results"] == []
    assert answer["button"] == {"text": "State Migration Service: no press release matches. Ask me in a private chat",
                                "start_parameter": "inline"}
    running_bot.assert_clean()


async def test_an_empty_inline_query_is_answered_with_no_results(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(), "")
    assert answer["results"] == [] and "button" not in answer
    running_bot.assert_clean()


async def test_inline_labels_follow_the_persons_language(running_bot: RunningBot) -> None:
    answer = await inline(running_bot, running_bot.user(language_code="ru"), "plov saffron")
    assert answer["button"]["text"] == ("Государственная миграционная служба: подходящих пресс-релизов нет. "
                                        "Спросите меня в личном чате")
    running_bot.assert_clean()
