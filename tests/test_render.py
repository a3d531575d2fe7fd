"""Rendering replies from template files: Telegram HTML escapes every value, plain text carries no markup,
and every language has every phrase."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markupsafe
import pytest
import yaml

from pressbot.responses.answering import answer_question
from pressbot.responses.render import LOCALES, TEMPLATES, Renderer, locale
from pressbot.retrieval import Document, Index
from pressbot.retrieval.latest import ordered
from tests.html_checker import problems

LANGS = ("en", "az", "ru")
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% if 1 %}x{% endif %} & <b>bold</b>"
# Press releases whose own text looks like markup: it must reach the reader as text.
DOCS = [
    Document(id="d1", title="Meeting <i>at</i> the Service & the IOM", lang="en",
             url="https://migration.gov.az/en/news_detail/1?a=1&b=2", date="2019-11-27",
             source="State Migration Service",
             text="The chief met <b>Antonio Vitorino</b> & {{ 7*7 }} in Geneva. Talks covered migration data."),
    Document(id="d2", title="Visa regime", text="Electronic visas are issued through the ASAN Visa system."),
    Document(id="d3", title="Passports", text="Passports are issued by the ministry in ten days."),
]
PLAIN_DOCS = [Document(id="p1", title="Meeting in Geneva", url="https://migration.gov.az/en/news_detail/1",
                       date="2019-11-27", text="The chief met Antonio Vitorino in Geneva."), *DOCS[1:]]


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def contexts(renderer: Renderer, docs: list[Document] = DOCS) -> dict[str, dict[str, Any]]:
    """A realistic context for each reply template, answer included (from the real question path)."""
    answer = answer_question(Index.build(docs), "Who met Antonio Vitorino in Geneva?", renderer).answer
    assert answer.answered
    return {
        "answer": {"quotes": answer.quotes, "citations": answer.citations},
        "no_answer": {"query": "How do I cook plov?"},
        "start": {"name": "Leyla"},
        "help": {"admin": True},
        "sources": {"documents": 3, "passages": 3, "languages": ["en: 3"], "first_date": "2019-11-27",
                    "last_date": "2019-11-27", "publishers": [("State Migration Service", 1), ("—", 2)]},
        "latest": {"entries": ordered(docs), "topic": "visa", "offset": 0},
        "reload_failed": {"problems": ["corpus/x.md:3: bad date '2020-13-45': use YYYY-MM-DD"], "limit": 20},
    }


TEMPLATE_NAMES = ("answer", "no_answer", "start", "help", "sources", "latest", "reload_failed")


def keys(data: Any, prefix: str = "") -> set[str]:
    """Every key path of a locale, nested mappings included (help_commands.start, ...)."""
    if not isinstance(data, dict):
        return set()
    return {f"{prefix}{k}" for k in data} | {p for k, v in data.items() for p in keys(v, f"{prefix}{k}.")}


def test_every_language_has_the_same_phrase_keys() -> None:
    english = keys(yaml.safe_load((LOCALES / "en.yaml").read_text(encoding="utf-8")))
    for lang in LANGS:
        assert keys(yaml.safe_load((LOCALES / f"{lang}.yaml").read_text(encoding="utf-8"))) == english, lang


def test_an_unknown_language_falls_back_to_english() -> None:
    assert locale("fr") == locale("en")


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_reply_template_exists_as_html_and_as_text(name: str) -> None:
    assert (TEMPLATES / f"{name}.html.j2").is_file() and (TEMPLATES / f"{name}.txt.j2").is_file()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_renders_valid_telegram_html_in_every_language(renderer: Renderer, name: str,
                                                                      lang: str) -> None:
    html = renderer.render(name, "html", lang, **contexts(renderer)[name])
    assert problems(html) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_renders_plain_text_without_markup_in_every_language(renderer: Renderer, name: str,
                                                                            lang: str) -> None:
    text = renderer.render(name, "text", lang, **contexts(renderer, PLAIN_DOCS)[name])  # values without markup
    assert text.strip()
    assert not re.search(r"</?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);", text), text


def test_a_question_with_markup_and_template_syntax_is_escaped_and_not_evaluated(renderer: Renderer) -> None:
    html = renderer.render("no_answer", "html", "en", query=HOSTILE)
    assert problems(html) == []
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "{% if 1 %}x{% endif %}" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&amp;" in html


def test_a_question_is_echoed_verbatim_in_plain_text_and_not_evaluated(renderer: Renderer) -> None:
    text = renderer.render("no_answer", "text", "en", query=HOSTILE)
    assert HOSTILE in text and "49" not in text


def test_a_users_name_is_escaped_in_the_greeting(renderer: Renderer) -> None:
    html = renderer.render("start", "html", "en", name="Leyla <b>{{ 7*7 }}</b> & {name}")
    assert "Leyla &lt;b&gt;{{ 7*7 }}&lt;/b&gt; &amp; {name}" in html


def test_a_topic_is_escaped_in_the_latest_heading(renderer: Renderer) -> None:
    html = renderer.render("latest", "html", "en", entries=[], topic="<i>visa</i> {{ 7*7 }}", offset=0)
    assert problems(html) == []
    assert "&lt;i&gt;visa&lt;/i&gt; {{ 7*7 }}" in html


def test_corpus_text_titles_and_urls_are_escaped_in_an_answer(renderer: Renderer) -> None:
    html = renderer.render("answer", "html", "en", **contexts(renderer)["answer"])
    assert problems(html) == []
    assert "Meeting &lt;i&gt;at&lt;/i&gt; the Service &amp; the IOM" in html
    assert 'href="https://migration.gov.az/en/news_detail/1?a=1&amp;b=2"' in html
    assert "met &lt;b&gt;Antonio Vitorino&lt;/b&gt; &amp; {{ 7*7 }} in Geneva" in html


def test_an_answer_numbers_its_quotes_and_lists_its_sources(renderer: Renderer) -> None:
    text = renderer.render("answer", "text", "en", **contexts(renderer)["answer"])
    assert "Antonio Vitorino" in text and "[1]" in text
    assert "2019-11-27" in text and "https://migration.gov.az/en/news_detail/1" in text


def test_the_no_answer_reply_gives_the_agencys_contact_in_every_language(renderer: Renderer) -> None:
    agency = renderer.with_texts(lambda lang: {"contact": f"Call 555 ({lang})."})
    for lang in LANGS:
        assert agency.render("no_answer", "text", lang, query="plov").endswith(f"Call 555 ({lang}).")


def test_without_an_agency_the_locales_name_none(renderer: Renderer) -> None:
    for lang in LANGS:
        for template in ("no_answer", "start"):
            text = renderer.render(template, "text", lang, query="plov", name="Leyla")
            assert "919" not in text and "migration.gov.az" not in text and "Migration" not in text, lang


def test_an_agency_text_is_printed_as_a_value_never_run_as_a_template_or_format(renderer: Renderer) -> None:
    hostile = "<b>Call</b> {{ 7 * 7 }} {name} {0.__class__} {% if 1 %}x{% endif %}"
    agency = renderer.with_texts(lambda lang: {"contact": hostile})
    html = agency.render("no_answer", "html", "en", query="plov")
    assert "&lt;b&gt;Call&lt;/b&gt; {{ 7 * 7 }} {name} {0.__class__} {% if 1 %}x{% endif %}" in html
    assert agency.phrase("html", "en", "contact") == str(markupsafe.escape(hostile))


def test_control_characters_in_user_text_are_not_printed(renderer: Renderer) -> None:
    text = renderer.render("no_answer", "text", "en", query="clear\x1b[2J screen \u202eevil")
    assert "\x1b" not in text and "\u202e" not in text and "clear[2J screen evil" in text


def test_a_phrase_is_filled_in_and_escaped_for_html(renderer: Renderer) -> None:
    assert renderer.phrase("html", "en", "start_greeting", name="<Leyla>") == "Hello, &lt;Leyla&gt;!"
    assert renderer.phrase("text", "en", "start_greeting", name="<Leyla>") == "Hello, <Leyla>!"


def test_templates_are_files_not_strings_in_code() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in Path(TEMPLATES).parent.glob("*.py"))
    assert "from_string" not in code and "Template(" not in code
