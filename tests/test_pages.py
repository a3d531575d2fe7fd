"""Saved web pages (tests/data/pages, expected results in expected.yaml) become press releases: the
article's text without the page's furniture, the headline, date, url and language right on every page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from pressbot.retrieval.corpus import parse_document
from pressbot.retrieval.drafts import DraftError, corpus_text, draft_from_bytes
from pressbot.retrieval.pages import PageError, read_page

PAGES = Path(__file__).resolve().parent / "data" / "pages"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))
ARTICLES = sorted(name for name, spec in EXPECTED.items() if not spec.get("error"))
BAD = sorted(name for name, spec in EXPECTED.items() if spec.get("error"))
_BULLET = re.compile(r"^(?:[-*•]|\d+[.)])\s+")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages() -> dict[str, Any]:
    return {name: read_page((PAGES / name).read_bytes(), name) for name in ARTICLES}


def test_there_are_at_least_ten_article_pages_in_three_languages() -> None:
    assert len(ARTICLES) >= 10
    assert {EXPECTED[name]["lang"] for name in ARTICLES} == {"en", "az", "ru"}


@pytest.mark.parametrize("name", ARTICLES)
def test_the_headline_date_url_and_language_are_the_pages(pages: dict[str, Any], name: str) -> None:
    page, spec = pages[name], EXPECTED[name]
    assert (page.title, page.date, page.url, page.lang) == (spec["title"], spec["date"], spec["url"], spec["lang"])


@pytest.mark.parametrize("name", ARTICLES)
def test_every_sentence_of_the_article_is_kept(pages: dict[str, Any], name: str) -> None:
    text = flat(pages[name].text)
    assert [s for s in EXPECTED[name]["must_have"] if flat(s) not in text] == []


@pytest.mark.parametrize("name", ARTICLES)
def test_no_page_furniture_is_left_in_the_text_or_the_title(pages: dict[str, Any], name: str) -> None:
    page = pages[name]
    found = [f for f in EXPECTED[name]["must_not_have"] if flat(f) in flat(page.text) or flat(f) in page.title]
    assert found == []


@pytest.mark.parametrize("name", [n for n in ARTICLES if EXPECTED[n].get("list_items")])
def test_list_items_stay_lines_of_their_own(pages: dict[str, Any], name: str) -> None:
    lines = {_BULLET.sub("", line).strip() for line in pages[name].text.split("\n")}
    assert [item for item in EXPECTED[name]["list_items"] if item.strip() not in lines] == []


@pytest.mark.parametrize("name", [n for n in ARTICLES if EXPECTED[n].get("table_rows")])
def test_the_cells_of_a_table_row_stay_on_one_line_in_order(pages: dict[str, Any], name: str) -> None:
    lines = pages[name].text.split("\n")
    for row in EXPECTED[name]["table_rows"]:
        pattern = re.compile(".*".join(re.escape(str(cell)) for cell in row))
        assert any(pattern.search(line) for line in lines), row


@pytest.mark.parametrize("name", ARTICLES)
def test_the_headline_is_not_repeated_as_the_first_line(pages: dict[str, Any], name: str) -> None:
    assert pages[name].text.split("\n")[0] != pages[name].title


@pytest.mark.parametrize("name", BAD)
def test_a_page_without_an_article_is_refused_with_a_reason(name: str) -> None:
    with pytest.raises(PageError, match=f"^{re.escape(name)}: .*no article text"):
        read_page((PAGES / name).read_bytes(), name)


def test_a_page_of_scripts_is_refused_as_such(tmp_path: Path) -> None:
    script = "<script>" + "var x = 'State Migration Service news text. ' ;" * 500 + "</script>"
    html = f"<html lang='en'><head><title>News</title>{script}</head><body>{script}<p>Menu</p></body></html>"
    with pytest.raises(DraftError, match="only scripts"):
        draft_from_bytes(html.encode(), "scripts.html", tmp_path)


def test_a_page_without_html_lang_gets_the_language_of_its_text(tmp_path: Path) -> None:
    html = (PAGES / "report-ru-stay-extension.html").read_text(encoding="utf-8")
    html = re.sub(r"<html[^>]*>", "<html>", html, count=1)
    assert draft_from_bytes(html.encode(), "p.html", tmp_path).document.lang == "ru"


def test_a_page_in_a_legacy_encoding_is_read(tmp_path: Path) -> None:
    html = (PAGES / "report-ru-stay-extension.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="windows-1251">')
    data = html.encode("cp1251", errors="ignore")
    title = EXPECTED["report-ru-stay-extension.html"]["title"]
    assert draft_from_bytes(data, "p.html", tmp_path).document.title == title


def article(date_html: str, head: str = "") -> bytes:
    body = "<p>" + "The State Migration Service held a meeting with the delegation in Baku. " * 4 + "</p>"
    return (f"<html lang='az'><head><title>Xəbər | Site</title>{head}</head><body><nav><a href='/'>Ana səhifə</a>"
            f"</nav><h1>Xəbər</h1>{date_html}<div class='text'>{body}<p>The sides discussed cooperation.</p>"
            f"</div></body></html>").encode()


@pytest.mark.parametrize(("shown", "iso"), [
    ("20 noyabr 2026", "2026-11-20"), ("12 ноября 2026 г.", "2026-11-12"), ("Nov 20, 2026", "2026-11-20"),
    ("20.11.2026", "2026-11-20"), ("15 January 2027", "2027-01-15"),
])
def test_a_date_shown_only_on_the_page_is_read_even_after_today(shown: str, iso: str) -> None:
    assert read_page(article(f"<span class='news-date'>{shown}</span>"), "p.html").date == iso


def test_a_month_the_metadata_cannot_give_is_taken_from_the_shown_date() -> None:
    head = "<meta property='article:published_time' content='2026-01-01'>"
    assert read_page(article("<div class='date'>20 noyabr 2026</div>", head), "p.html").date == "2026-11-20"


def test_a_page_without_any_date_has_none() -> None:
    assert read_page(article(""), "p.html").date is None


@pytest.mark.parametrize("name", ARTICLES)
def test_each_imported_page_parses_back_to_the_same_document(tmp_path: Path, name: str) -> None:
    draft = draft_from_bytes((PAGES / name).read_bytes(), name, tmp_path)
    parsed, problems = parse_document(Path(f"{draft.doc_id}.md"), corpus_text(draft).encode("utf-8"))
    assert problems == [] and parsed == draft.document
