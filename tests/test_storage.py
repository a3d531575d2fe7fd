"""The SQLite state: what the bot remembers, and that it remembers it across a reopen."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.bot.core.storage import Storage, local_day, question_key, topic_key

NOON = 1_780_000_000.0  # a fixed moment, so "today" does not depend on when the test runs
DAY = 86_400.0


@pytest.fixture
def storage(tmp_path: Path) -> Storage:
    return Storage.open(tmp_path / "state" / "bot.sqlite3")


def test_open_creates_the_directory_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "state.sqlite3"
    Storage.open(path)
    assert path.is_file()


def test_button_state_is_found_again_by_its_short_key(storage: Storage) -> None:
    key = storage.put_button("answer", {"question": "Who met «IOM»?", "shown": ["d1"]})
    button = storage.button(key)
    assert button is not None
    assert (button.kind, button.payload) == ("answer", {"question": "Who met «IOM»?", "shown": ["d1"]})


def test_button_keys_are_short_and_safe_in_callback_data(storage: Storage) -> None:
    keys = {storage.put_button("latest", {"offset": i}) for i in range(200)}
    assert len(keys) == 200
    assert all(len(k) == 8 and k.replace("-", "").replace("_", "").isalnum() for k in keys)


def test_an_unknown_button_key_is_none(storage: Storage) -> None:
    assert storage.button("nope1234") is None


def test_state_survives_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = Storage.open(path)
    key = first.put_button("answer", {"question": "q"})
    first.subscribe(1001, "consular", "en")
    first.record_question("q", answered=True)
    again = Storage.open(path)
    assert again.button(key) is not None
    assert [s.topic for s in again.subscriptions(1001)] == ["consular"]
    assert again.stats().questions_total == 1


def test_forgetting_old_buttons_keeps_the_new_ones(storage: Storage) -> None:
    old = storage.put_button("answer", {}, now=NOON - 100 * DAY)
    new = storage.put_button("answer", {}, now=NOON)
    assert storage.forget_buttons(older_than=NOON - 90 * DAY) == 1
    assert storage.button(old) is None
    assert storage.button(new) is not None


def test_a_second_vote_by_the_same_person_replaces_the_first(storage: Storage) -> None:
    storage.vote("k1", user_id=1, vote=+1)
    storage.vote("k1", user_id=1, vote=-1)
    storage.vote("k1", user_id=2, vote=+1)
    stats = storage.stats()
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 1)


def test_stats_count_questions_today_and_in_total(storage: Storage) -> None:
    storage.record_question("a", answered=True, now=NOON - 2 * DAY)
    storage.record_question("b", answered=False, now=NOON)
    storage.record_question("c", answered=True, now=NOON + 1)
    stats = storage.stats(now=NOON)
    assert (stats.questions_today, stats.questions_total, stats.answered_total) == (2, 3, 2)


def test_most_frequent_unanswered_questions_come_first(storage: Storage) -> None:
    for text in ["Visa fee?", "visa   FEE", "Visa fee!", "Plov recipe?", "Who met IOM?"]:
        storage.record_question(text, answered=text.startswith("Who"))
    assert storage.stats().unanswered == (("visa fee", 3), ("plov recipe", 1))


def test_answered_questions_keep_no_text(storage: Storage) -> None:
    storage.record_question("my passport number is 123", answered=True)
    assert storage.stats().unanswered == ()


def test_question_key_ignores_case_spacing_and_final_punctuation() -> None:
    assert question_key("  Where is   the 919 call centre?!  ") == "where is the 919 call centre"


def test_subscribing_twice_to_the_same_topic_is_refused(storage: Storage) -> None:
    assert storage.subscribe(1001, "Consular  service", "en")
    assert not storage.subscribe(1001, "consular service", "en")
    assert [s.topic for s in storage.subscriptions(1001)] == ["Consular  service"]


def test_unsubscribe_one_topic_or_all(storage: Storage) -> None:
    storage.subscribe(1001, "consular", "en")
    storage.subscribe(1001, "visa", "en")
    storage.subscribe(2002, "visa", "ru")
    assert storage.unsubscribe(1001, "CONSULAR") == 1
    assert storage.unsubscribe(1001, "missing") == 0
    assert [s.topic for s in storage.subscriptions(1001)] == ["visa"]
    assert storage.unsubscribe(1001) == 1
    assert [(s.chat_id, s.lang) for s in storage.subscriptions()] == [(2002, "ru")]


def test_stats_count_subscriptions_and_subscribers(storage: Storage) -> None:
    storage.subscribe(1, "a", "en")
    storage.subscribe(1, "b", "en")
    storage.subscribe(2, "a", "az")
    stats = storage.stats()
    assert (stats.subscriptions, stats.subscribers) == (3, 2)


def test_a_notice_is_claimed_once_per_chat_and_press_release(storage: Storage) -> None:
    assert storage.claim_notice(1001, "doc-1")
    assert not storage.claim_notice(1001, "doc-1")
    assert storage.claim_notice(2002, "doc-1")


def test_topic_key_folds_case_and_spaces() -> None:
    assert topic_key("  Mobile   CONSULAR ") == "mobile consular"


def test_local_day_is_an_iso_date() -> None:
    assert len(local_day(NOON)) == 10 and local_day(NOON)[4] == "-"


# --- where the state lives (bot/config.py) -------------------------------------------------------------
def test_state_lives_beside_the_corpus_by_default(tmp_path: Path) -> None:
    from pressbot.bot.core.config import load_config

    corpus = tmp_path / "corpus"
    assert load_config(None, {}, corpus=corpus).state_path == tmp_path / ".pressbot-state" / "pressbot.sqlite3"


def test_pressbot_state_overrides_where_the_state_lives(tmp_path: Path) -> None:
    from pressbot.bot.core.config import load_config

    config = load_config(None, {"PRESSBOT_STATE": str(tmp_path / "s.sqlite3")}, corpus=tmp_path / "corpus")
    assert config.state_path == tmp_path / "s.sqlite3"


def test_a_state_that_is_not_a_path_is_a_config_error(tmp_path: Path) -> None:
    from pressbot.bot.core.config import ConfigError, load_config

    bad = tmp_path / "bad.yaml"
    bad.write_text("state: 42\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="state must be a file path"):
        load_config(bad, {}, corpus=tmp_path)
