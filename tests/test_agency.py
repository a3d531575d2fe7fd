"""The agency's profile (agency.yaml beside the corpus): validated with PATH:LINE problems naming the key and
the bad value, English required and the fallback for other languages, served and reloaded with the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.core.texts import Texts
from pressbot.retrieval.agency import FILE_NAME, load_profile, parse_profile
from pressbot.retrieval.corpus import CorpusError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "agency-example"
VALID = 'name: {en: "Registry"}\nabout: {en: "About."}\ncontact: {en: "Call 1414."}\n'
FORBIDDEN = ("State Migration Service", "919", "migration.gov.az")


def problems_of(text: str) -> list[str]:
    _, problems = parse_profile(text, "corpus/agency.yaml")
    return [str(p) for p in problems]


@pytest.fixture
def example_corpus(tmp_path: Path) -> Path:
    """The fictional Civil Registry Office of Nordlandia: three releases and its profile, writable."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "corpus"))


def service_for(corpus: Path) -> Service:
    return Service.start(load_config(None, {}, corpus=corpus))


def test_the_bundled_profile_is_the_state_migration_services() -> None:
    profile = load_profile(ROOT / "corpus")
    assert profile is not None
    assert profile.name("en") == "State Migration Service" and profile.website == "https://migration.gov.az"
    assert "919" in str(profile.text("contact", "az"))


def test_a_missing_english_name_is_refused_at_its_line() -> None:
    assert problems_of('name: {az: "Qeydiyyat"}\nabout: {en: "A."}\ncontact: {en: "C."}\n') == [
        "corpus/agency.yaml:1: name.en is missing: English is required (other languages fall back to it)"]


def test_an_unknown_key_is_refused_naming_it() -> None:
    [problem] = problems_of(VALID + "colour: red\n")
    assert problem.startswith("corpus/agency.yaml:4: unknown key 'colour' (known: name, about, contact")


def test_a_website_that_is_not_a_url_is_refused_with_its_value() -> None:
    assert problems_of(VALID + "website: registry.example.org\n") == [
        "corpus/agency.yaml:4: website: expected an http(s) URL, got 'registry.example.org'"]


def test_an_example_that_is_not_a_text_is_refused_at_its_line() -> None:
    assert problems_of(VALID + "examples:\n  en:\n    - How long?\n    - {a: 1}\n") == [
        "corpus/agency.yaml:7: examples.en: a question must be a text, got {'a': 1}"]


def test_a_description_longer_than_telegram_allows_is_refused() -> None:
    [problem] = problems_of(VALID + f"short_description: {{en: {'x' * 121}}}\n")
    assert problem == "corpus/agency.yaml:4: short_description.en: 121 characters, Telegram allows 120"


def test_a_missing_language_falls_back_to_english() -> None:
    profile, _ = parse_profile(VALID.replace('{en: "Call 1414."}', '{en: "Call 1414.", ru: "Звоните 1414."}'))
    assert profile is not None
    assert (profile.text("contact", "az"), profile.text("contact", "ru")) == ("Call 1414.", "Звоните 1414.")


def test_a_corpus_without_a_profile_serves_agency_neutral_wording(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE / "registry-en-101.md", tmp_path / "a.md")
    service = service_for(tmp_path)
    reply = service.ask("What is the plov recipe with saffron?")
    assert not reply.answer.answered and "contact the agency that published these press releases" in reply.text


def test_the_example_agency_is_named_with_its_contact_and_never_the_bundled_one(example_corpus: Path) -> None:
    texts = Texts(service_for(example_corpus))
    for lang in ("en", "az", "ru"):
        replies = [texts.start_text("Ann", lang), texts.help_text(lang, admin=True), texts.sources_text(lang),
                   texts.latest_text("", lang)]
        assert "Nordlandi" in replies[0].text or "Нордланди" in replies[0].text  # `about`, or its English fallback
        assert "1414" in replies[1].text and "https://registry.nordlandia.example" in replies[2].text
        for reply in replies:
            assert not any(word in reply.text + reply.html for word in FORBIDDEN), reply.text


def test_reload_swaps_the_profile_with_the_index(example_corpus: Path) -> None:
    service = service_for(example_corpus)
    path = example_corpus / FILE_NAME
    path.write_text(path.read_text(encoding="utf-8").replace("I answer questions about the Civil Registry",
                                                             "I now answer questions about the Civil Registry"),
                    encoding="utf-8")
    assert service.reload().changed
    assert "I now answer questions" in Texts(service).start_text("Ann", "en").text


def test_a_broken_profile_on_reload_keeps_the_old_profile_and_index_serving(example_corpus: Path) -> None:
    service = service_for(example_corpus)
    path = example_corpus / FILE_NAME
    path.write_text(path.read_text(encoding="utf-8").replace("website: https://", "website: "), encoding="utf-8")
    result = service.reload()
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        f"{path}:13: website: expected an http(s) URL, got 'registry.nordlandia.example'"]
    assert "1414" in service.ask("What is the plov recipe with saffron?").text
    assert service.ask("How long does it take to get a birth certificate?").answer.answered


def test_a_broken_profile_at_start_is_a_corpus_error_naming_the_line(example_corpus: Path) -> None:
    (example_corpus / FILE_NAME).write_text(VALID + "examples: {en: [1]}\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        service_for(example_corpus)
    assert [str(p) for p in error.value.problems] == [
        f"{example_corpus / FILE_NAME}:4: examples.en: a question must be a text, got 1"]


def test_profile_texts_are_escaped_in_html_and_never_run_as_templates(example_corpus: Path) -> None:
    (example_corpus / FILE_NAME).write_text(
        'name: {en: "<b>Registry</b>"}\nabout: {en: "{{ 6 * 7 }} <a href=x>hi</a>"}\n'
        'contact: {en: "{name} {0.__class__} <script>"}\n', encoding="utf-8")
    service = service_for(example_corpus)
    start = Texts(service).start_text("Ann", "en").html
    assert "{{ 6 * 7 }} &lt;a href=x&gt;hi&lt;/a&gt;" in start and "42" not in start
    abstention = service.ask("What is the plov recipe with saffron?").html
    assert "{name} {0.__class__} &lt;script&gt;" in abstention
    assert "&lt;b&gt;Registry&lt;/b&gt;" in Texts(service).help_text("en", admin=False).html


# Today's replies, as they were when the agency's texts were in the locale files: unchanged, byte for byte.
START_EN = ("Hello, Alice!\n\nI answer questions about the State Migration Service of Azerbaijan and the embassies' "
            "consular services, quoting their own press releases and showing the source of every quote.\n\n"
            "Try, for example:\n  - Who met the IOM Director General in Geneva?\n"
            "  - Where did the embassy provide mobile consular services?\n"
            "  - How can foreigners register their place of stay?")
START_AZ_HTML = ("<b>Salam, Alice!</b>\n\nMən Azərbaycan Dövlət Miqrasiya Xidməti və səfirliklərin konsulluq "
                 "xidmətləri haqqında suallara onların öz press-relizlərindən sitat gətirərək cavab verirəm və hər "
                 "sitatın mənbəyini göstərirəm.\n\nMəsələn, soruşun:\n• Cenevrədə BMqT-nin Baş direktoru ilə kim "
                 "görüşüb?\n• 919 Çağrı mərkəzinə neçə zəng daxil olub?\n• Səyyar xidmətdən neçə nəfər istifadə "
                 "edib?\n\n/help")
ABSTENTION_RU = ('В моих пресс-релизах нет ответа на этот вопрос: "Рецепт плова с шафраном?"\n\nЗа официальным '
                 "ответом обратитесь в колл-центр Государственной миграционной службы 919 или на сайт "
                 "https://migration.gov.az.")


@pytest.fixture(scope="module")
def bundled() -> Service:
    return service_for(ROOT / "corpus")


def test_the_bundled_start_is_unchanged_byte_for_byte(bundled: Service) -> None:
    assert Texts(bundled).start_text("Alice", "en").text == START_EN
    assert Texts(bundled).start_text("Alice", "az").html == START_AZ_HTML


def test_the_bundled_abstention_is_unchanged_byte_for_byte(bundled: Service) -> None:
    assert bundled.ask("Рецепт плова с шафраном?").text == ABSTENTION_RU


def test_the_agencys_own_case_phrases_get_the_reply_with_its_contacts(example_corpus: Path) -> None:
    reply = service_for(example_corpus).ask("is my birth certificate ready yet")
    assert not reply.answer.answered and not reply.answer.citations
    assert reply.text.startswith("I cannot see individual applications") and "1414" in reply.text


def test_own_case_phrases_that_are_not_texts_are_refused_at_their_line() -> None:
    assert problems_of(VALID + "own_case: {en: [my passport, 7]}\n") == [
        "corpus/agency.yaml:4: own_case.en: a phrase must be a text, got 7"]
