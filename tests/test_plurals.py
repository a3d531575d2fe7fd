"""Counts read as people write them: "1 press release" and "5 press releases"; Russian "1 пресс-релиз",
"2 пресс-релиза", "5 пресс-релизов", "21 пресс-релиз"; Azerbaijani "5 press-reliz" (no plural after a number),
in the phrases of Telegram, the console and the `pressbot` command alike."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.core.storage import Stats
from pressbot.responses.plurals import FORMS, plural_category
from pressbot.responses.render import Renderer, counted, locale
from tests.conftest import write_doc

ROOT = Path(__file__).resolve().parent.parent
NOUN_FIELD = re.compile(r"\{\w+:(\w+)\}")
RENDERER = Renderer()

PRESS_RELEASES = {  # 1, 2, 5, 21
    "en": ["1 press release", "2 press releases", "5 press releases", "21 press releases"],
    "az": ["1 press-reliz", "2 press-reliz", "5 press-reliz", "21 press-reliz"],
    "ru": ["1 пресс-релиз", "2 пресс-релиза", "5 пресс-релизов", "21 пресс-релиз"],
}
STATS_SUBSCRIPTIONS = {
    "en": ["Subscriptions: 1 topic, 1 subscriber.", "Subscriptions: 2 topics, 2 subscribers.",
           "Subscriptions: 5 topics, 5 subscribers.", "Subscriptions: 21 topics, 21 subscribers."],
    "az": ["Abunələr: 1 mövzu, 1 abunəçi.", "Abunələr: 2 mövzu, 2 abunəçi.", "Abunələr: 5 mövzu, 5 abunəçi.",
           "Abunələr: 21 mövzu, 21 abunəçi."],
    "ru": ["Подписки: 1 тема, 1 подписчик.", "Подписки: 2 темы, 2 подписчика.", "Подписки: 5 тем, 5 подписчиков.",
           "Подписки: 21 тема, 21 подписчик."],
}
RETENTION = {  # /privacy, rendered through its template
    "en": ["after 1 day.", "after 2 days.", "after 5 days.", "after 21 days."],
    "az": ["1 gündən sonra", "2 gündən sonra", "5 gündən sonra", "21 gündən sonra"],
    "ru": ["через 1 день.", "через 2 дня.", "через 5 дней.", "через 21 день."],
}


def stats_with(n: int) -> Stats:
    return Stats(questions_today=n, questions_total=n, answered_total=n, unanswered=(), thumbs_up=0,
                 thumbs_down=0, subscriptions=n, subscribers=n)


@pytest.mark.parametrize("n, category", [(1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"),
                                         (12, "many"), (14, "many"), (21, "one"), (22, "few"), (25, "many"),
                                         (101, "one"), (111, "many"), (0, "many")])
def test_russian_plural_categories_follow_the_last_digits(n: int, category: str) -> None:
    assert plural_category(n, "ru") == category


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_a_count_of_press_releases_takes_the_form_of_its_number(lang: str) -> None:
    assert [counted(n, "press_releases", lang) for n in (1, 2, 5, 21)] == PRESS_RELEASES[lang]


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_the_reload_report_counts_press_releases_in_the_right_form(lang: str) -> None:
    for n, expected in zip((1, 2, 5, 21), PRESS_RELEASES[lang], strict=True):
        text = RENDERER.phrase("text", lang, "reload_unchanged", documents=n)
        assert expected in text, text
        done = RENDERER.phrase("text", lang, "reload_done", documents=n, passages=n, old_documents=n,
                               seconds="0.10")
        assert expected in done, done


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_stats_count_topics_and_subscribers_in_the_right_form(lang: str) -> None:
    for n, expected in zip((1, 2, 5, 21), STATS_SUBSCRIPTIONS[lang], strict=True):
        for fmt in ("html", "text"):
            assert expected in RENDERER.render("stats", fmt, lang, stats=stats_with(n), share="100%").splitlines()


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_privacy_counts_the_retention_days_in_the_right_form(lang: str) -> None:
    for n, expected in zip((1, 2, 5, 21), RETENTION[lang], strict=True):
        assert expected in RENDERER.render("privacy", "html", lang, days=n)


def test_sources_count_one_press_release_in_the_singular() -> None:
    text = RENDERER.render("sources", "text", "en", documents=1, passages=1, languages=["en: 1"], first_date=None,
                           last_date=None, publishers=[])
    assert "1 press release (1 passage), in en: 1." in text


def test_every_counted_noun_of_a_phrase_has_each_form_its_language_needs_in_all_three_locales() -> None:
    used = {noun for lang in FORMS for value in locale(lang).values() if isinstance(value, str)
            for noun in NOUN_FIELD.findall(value)}
    assert used >= {"press_releases", "passages", "topics", "subscribers", "days", "records", "bytes"}
    keys = {lang: set(locale(lang)["counted"]) for lang in FORMS}
    assert keys["en"] == keys["az"] == keys["ru"] and used <= keys["en"]
    for lang, categories in FORMS.items():
        for noun, forms in locale(lang)["counted"].items():
            assert len(forms) == len(categories), f"{lang}.yaml: counted.{noun}: {forms} for {categories}"


def test_a_number_without_a_noun_stays_a_bare_number() -> None:
    assert RENDERER.phrase("text", "en", "unsubscribe_all", count=1) == "You no longer follow any topic (1 removed)."


def test_pressbot_check_counts_one_press_release_in_the_singular(tmp_path: Path) -> None:
    write_doc(tmp_path, "one.md", "One release", "Only one paragraph.", lang="en")
    done = subprocess.run([sys.executable, "-m", "pressbot", "check", "--corpus", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"ok: 1 press release in {tmp_path}" in done.stderr.splitlines()


def test_pressbot_check_counts_one_problem_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("no front matter\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pressbot", "check", "--corpus", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"1 problem in {tmp_path}" in done.stderr.splitlines()
