"""Long Telegram HTML replies split into messages Telegram accepts, cut where a reader expects a break."""

from __future__ import annotations

import re

from pressbot.responses.splitting import TELEGRAM_LIMIT, split_message
from tests.html_checker import problems, visible_text

PARAGRAPH = " ".join(["word"] * 150)  # 749 characters


def letters(html: str) -> str:
    """The visible text without white space: what a split may not change."""
    return re.sub(r"\s", "", visible_text(html))


def test_a_reply_that_fits_is_one_message_unchanged() -> None:
    html = "«The chief met <b>A. Vitorino</b>.» [1]\n\n<b>Sources</b>"
    assert split_message(html) == [html]


def test_an_empty_reply_is_no_message() -> None:
    assert split_message("  \n ") == []


def test_no_message_exceeds_telegrams_limit() -> None:
    html = "\n\n".join(f"<b>{i}</b> {PARAGRAPH}" for i in range(30))
    chunks = split_message(html)
    assert len(chunks) > 1
    assert all(len(chunk) <= TELEGRAM_LIMIT for chunk in chunks)


def test_splits_fall_on_paragraph_boundaries_when_there_are_any() -> None:
    paragraphs = [f"<b>Paragraph {i}.</b> {PARAGRAPH}" for i in range(12)]
    chunks = split_message("\n\n".join(paragraphs))
    assert len(chunks) > 1
    assert [p for chunk in chunks for p in chunk.split("\n\n")] == paragraphs  # whole paragraphs, in order


def test_a_paragraph_longer_than_a_message_is_cut_between_words() -> None:
    words = [f"w{i}" for i in range(2000)]
    chunks = split_message(" ".join(words))
    assert len(chunks) > 1
    assert [w for chunk in chunks for w in chunk.split()] == words


def test_a_tag_open_at_a_cut_is_closed_and_reopened() -> None:
    html = "<b>" + " ".join(["bold"] * 1500) + "</b>"
    chunks = split_message(html)
    assert len(chunks) == 2
    assert all(chunk.startswith("<b>") and chunk.endswith("</b>") for chunk in chunks)
    assert all(problems(chunk) == [] for chunk in chunks)


def test_a_link_open_at_a_cut_is_reopened_with_its_address() -> None:
    href = '<a href="https://migration.gov.az/en/news_detail/13016">'
    chunks = split_message(href + " ".join(["link"] * 1500) + "</a>")
    assert len(chunks) == 2
    assert all(chunk.startswith(href) and chunk.endswith("</a>") for chunk in chunks)


def test_a_very_long_tag_is_never_cut() -> None:
    href = '<a href="https://migration.gov.az/' + "x" * 1100 + '">'  # longer than a quarter of the limit
    chunks = split_message(href + " ".join(["link"] * 1200) + "</a>")
    assert len(chunks) > 1
    assert all(problems(chunk) == [] for chunk in chunks)
    assert all(chunk.startswith(href) and chunk.endswith("</a>") for chunk in chunks)


def test_entities_are_never_cut() -> None:
    html = " ".join(["&amp;&lt;&gt;&quot;«»"] * 1200)
    chunks = split_message(html)
    assert len(chunks) > 1
    assert all(problems(chunk) == [] for chunk in chunks)  # a cut entity ("&am") is a Telegram error


def test_entities_in_a_run_without_spaces_are_not_cut() -> None:
    chunks = split_message("&amp;" * 2000, limit=300)
    assert len(chunks) > 1
    assert all(re.fullmatch(r"(&amp;)+", chunk) for chunk in chunks)


def test_every_visible_character_is_kept_in_order() -> None:
    html = "\n\n".join(f"«<i>Quote {i}</i> with &amp; and <b>bold {i}</b>» [{i}] {PARAGRAPH}" for i in range(10))
    assert "".join(letters(chunk) for chunk in split_message(html)) == letters(html)


def test_a_smaller_limit_is_respected() -> None:
    html = "\n\n".join(f"<b>Source {i}</b> {PARAGRAPH[:200]}" for i in range(10))
    chunks = split_message(html, limit=500)
    assert all(len(chunk) <= 500 and problems(chunk, 500) == [] for chunk in chunks)
    assert "".join(letters(chunk) for chunk in chunks) == letters(html)


def test_a_limit_barely_above_the_reopened_tags_still_makes_progress() -> None:
    html = ('<blockquote><strong><a href="https://migration.gov.az/en/news_detail/0">'
            '00000000000000000000000</a></strong></blockquote>')
    chunks = split_message(html, 120)  # once hung: each cut reopened the tags and left no room for text
    assert "".join(letters(chunk) for chunk in chunks) == letters(html)
    assert all(len(chunk) <= 120 and problems(chunk, 120) == [] for chunk in chunks)
