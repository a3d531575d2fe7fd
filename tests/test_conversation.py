"""Conversation words and messages with no content word: a short reply in the message's language with example
questions, through the one question path, never quotes and never the abstention template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressbot.bot.core.service import profile_renderer
from pressbot.responses import conversation
from pressbot.responses.answering import Reply, answer_question, reply_json
from pressbot.responses.conversation import recognize
from pressbot.responses.render import Renderer, locale
from pressbot.retrieval import Index
from pressbot.retrieval.agency import load_profile
from pressbot.retrieval.corpus import require_corpus


@pytest.fixture
def index(small_corpus: Path) -> Index:
    return Index.build(require_corpus(small_corpus))


# The examples come from the agency's profile (the bundled corpus's agency.yaml), as in the bot.
RENDERER = profile_renderer(Renderer(), load_profile(Path(__file__).parent.parent / "corpus"))


def ask(index: Index, text: str) -> Reply:
    return answer_question(index, text, RENDERER)


@pytest.mark.parametrize(("text", "act", "lang"), [
    ("hi", "greeting", "en"), ("Hello!", "greeting", "en"), ("thanks!", "thanks", "en"),
    ("thank you very much", "thanks", "en"), ("more", "more", "en"), ("help", "help", "en"),
    ("bye", "bye", "en"), ("salam", "greeting", "az"), ("Salam əleyküm", "greeting", "az"),
    ("sag ol", "thanks", "az"), ("çox sağ olun", "thanks", "az"), ("tesekkur edirem", "thanks", "az"),
    ("daha çox", "more", "az"), ("kömək", "help", "az"), ("привет", "greeting", "ru"),
    ("Спасибо большое!", "thanks", "ru"), ("ещё", "more", "ru"), ("помогите", "help", "ru"),
    ("до свидания", "bye", "ru"),
])
def test_conversation_words_are_recognized_with_their_act_and_language(text: str, act: str, lang: str) -> None:
    turn = recognize(text)
    assert turn is not None and (turn.act, turn.lang) == (act, lang)


def test_a_word_shared_by_two_languages_leaves_the_language_open() -> None:
    turn = recognize("ok")
    assert turn is not None and turn.act == "ack" and turn.lang is None


def test_two_acts_in_one_message_get_the_more_specific_reply() -> None:
    turn = recognize("ok thanks")
    assert turn is not None and turn.act == "thanks"


@pytest.mark.parametrize("text", ["salam, pasport nece alinir?", "thanks for the visa information",
                                  "спасибо, а сколько стоит паспорт", "help with residence permit"])
def test_a_greeting_or_thanks_followed_by_a_question_is_a_question(text: str) -> None:
    assert recognize(text) is None


@pytest.mark.parametrize(("text", "lang", "phrase"), [
    ("hi", "en", "Hello!"), ("salam", "az", "Salam!"), ("sag olun", "az", "Dəyməz"), ("спасибо", "ru", "Пожалуйста!"),
])
def test_a_conversation_word_gets_a_friendly_reply_in_its_language_with_examples(
        index: Index, text: str, lang: str, phrase: str) -> None:
    reply = ask(index, text)
    assert reply.kind == "conversation" and not reply.answer.answered and reply.answer.lang == lang
    assert phrase in reply.text
    examples = RENDERER.texts(lang)["start_examples"]
    assert sum(example in reply.text for example in examples) >= 2
    assert locale(lang)["no_answer"] not in reply.text and "[1]" not in reply.text


@pytest.mark.parametrize(("text", "lang"), [("more", "en"), ("daha çox", "az"), ("ещё", "ru")])
def test_more_explains_the_more_button(index: Index, text: str, lang: str) -> None:
    reply = ask(index, text)
    assert locale(lang)["button_more"] in reply.text
    assert reply.kind == "conversation"


@pytest.mark.parametrize("text", ["2020", "{{ 7*7 }}", "???", "what is it?", "12 345", "..."])
def test_a_message_with_no_content_word_is_never_answered_with_quotes(index: Index, text: str) -> None:
    reply = ask(index, text)
    assert not reply.answer.answered and not reply.answer.quotes
    assert reply.kind == "conversation"
    assert "49" not in reply.text  # the template is never rendered from the user's text


def test_a_question_with_content_words_is_searched_as_before(index: Index) -> None:
    reply = ask(index, "Who met the IOM Director General in Geneva?")
    assert reply.kind == "corpus" and reply.answer.answered


def test_the_json_reply_says_its_kind_and_keeps_the_interface_fields(index: Index) -> None:
    data = json.loads(json.dumps(reply_json(ask(index, "salam"))))
    assert data["kind"] == "conversation" and data["answered"] is False and data["lang"] == "az"
    assert {"query", "answered", "lang", "text", "html", "citations", "hits"} <= set(data)
    assert data["citations"] == [] and data["hits"] == []



@pytest.mark.parametrize(("text", "act", "lang"), [
    ("hey there", "greeting", "en"), ("thx a lot!!", "thanks", "en"), ("ok got it", "ack", "en"),
    ("окей понял", "ack", "ru"), ("спасибо за помощь", "thanks", "ru"), ("spasibo", "thanks", "ru"),
    ("başa düşdüm", "ack", "az"), ("allah razı olsun", "thanks", "az"), ("а ещё?", "more", "ru"),
    ("а ты что умеешь?", "help", "ru"), ("что можешь?", "help", "ru"), ("sen ne bacarirsan?", "help", "az"),
    ("what can u do", "help", "en"),
])
def test_everyday_variants_of_conversation_words_are_recognized(text: str, act: str, lang: str) -> None:
    turn = recognize(text)
    assert turn is not None and (turn.act, turn.lang) == (act, lang)


@pytest.mark.parametrize(("text", "lang"), [("are you a bot?", "en"), ("who are you", "en"),
                                            ("sen robotsan?", "az"), ("ты бот?", "ru"), ("кто вы", "ru")])
def test_a_question_about_the_bot_itself_is_answered_as_conversation(index: Index, text: str, lang: str) -> None:
    reply = ask(index, text)
    assert reply.kind == "conversation" and reply.answer.lang == lang
    assert locale(lang)["conversation_about"] in reply.text and "[1]" not in reply.text


@pytest.mark.parametrize(("text", "act"), [("thnaks", "thanks"), ("привт", "greeting"), ("tesekur edirem", "thanks")])
def test_a_conversation_word_typed_one_letter_off_is_still_recognized(text: str, act: str) -> None:
    turn = recognize(text)
    assert turn is not None and turn.act == act


@pytest.mark.parametrize("text", ["move", "more visa", "passport", "helo visa", "visa fee", "hotel"])
def test_a_word_near_a_conversation_word_but_short_or_with_content_is_not_conversation(text: str) -> None:
    assert recognize(text) is None


def _scan(words: tuple[str, ...]) -> tuple[str | None, set[str]] | None:
    """The near-phrase look-up as a scan of the whole table: what the length index must give."""
    for key, found in conversation._TABLE.items():
        if len(key) == len(words) and any(k != w for k, w in zip(key, words, strict=True)) and all(
                k == w or (min(len(k), len(w)) >= conversation._FUZZY_LENGTH and conversation._one_edit(k, w))
                for k, w in zip(key, words, strict=True)):
            return found
    return None


def _typos(word: str) -> set[str]:
    """Every deletion, swap of neighbours, and a substitution and an insertion at each place."""
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    out |= {word[:i] + "q" + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + "q" + word[i:] for i in range(len(word) + 1)}
    return out


def test_the_near_phrase_found_through_the_length_index_is_the_one_a_whole_table_scan_finds() -> None:
    typed: set[tuple[str, ...]] = set()
    for key in conversation._TABLE:
        typed.add(key)
        for at, word in enumerate(key):
            typed |= {(*key[:at], typo, *key[at + 1:]) for typo in _typos(word)}
    typed |= {("passport",), ("more", "visa"), ("hotel",), ("visa", "fee")}
    assert len(typed) > 5000
    assert [conversation._near(words) for words in sorted(typed)] == [_scan(words) for words in sorted(typed)]
