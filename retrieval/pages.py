"""Saved web pages to press-release fields: the article's text without the page's furniture (menus,
banners, related news, footers), its headline, canonical url, publication date and language.

trafilatura (with htmldate) does the extraction: it is the field's standard, and on the fixtures in
tests/data/pages it finds title, url and date right out of the box. What it needs help with is here:
on pages without <article>/<main> it drops the article's lists unless the container holding the
article's paragraphs is marked as the article body; it leaves the headline as the first line and
standalone links ("Follow APA on Google News"); it never sets the language; and it accepts a page
with no article at all.

Usage::

    page = read_page(Path("saved.html").read_bytes(), "saved.html")
    page.title, page.date, page.url, page.lang   # headline, "2026-11-20", canonical link, "en"
    page.text                                     # one paragraph or list item per line
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from pressbot.retrieval.analyzer import detect_language
from pressbot.retrieval.corpus import LANGS
from pressbot.retrieval.dates import find_dates

# trafilatura and htmldate log what they discard at WARNING; the importer reports its own reasons.
for _noisy in ("trafilatura", "htmldate"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

# Less than this is not a press release but a page's leftovers (a caption, a menu, a cookie note).
MIN_CHARS = 200
MIN_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.!?…:;](?:\s|$)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_BULLET = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
# Elements whose text is the page's visible publication date, by class or id.
_DATE_HINT = re.compile(r"date|time|tarix|data|publish", re.IGNORECASE)


class PageError(ValueError):
    """A saved page that holds no press release, with the reason in one line."""


@dataclass(frozen=True)
class Page:
    """What a saved page says about its press release."""

    title: str
    text: str
    url: str | None
    date: str | None
    lang: str | None
    source: str | None


def read_page(data: bytes, name: str) -> Page:
    """The press release of a saved web page; PageError when the page holds none."""
    import trafilatura
    from lxml import html as lxml_html

    tree = trafilatura.load_html(data)
    if tree is None:
        raise PageError(f"{name}: not an HTML page")
    page_lang = _html_lang(tree)
    visible_dates = _visible_dates(tree)
    links = _standalone_link_texts(tree)
    scripts = len(tree.xpath("//script"))
    _mark_article_body(tree)
    html_text = lxml_html.tostring(tree, encoding="unicode")
    found = trafilatura.bare_extraction(html_text, with_metadata=True, favor_precision=True, include_tables=True,
                                        include_formatting=False, include_comments=False)
    title = " ".join(str(getattr(found, "title", None) or "").split())
    text = _tidy(str(getattr(found, "text", None) or ""), title, links)
    if not _is_article(text):
        what = "only scripts and no article text" if scripts and len(text) < MIN_CHARS // 4 else "no article text"
        raise PageError(f"{name}: {what} ({len(text)} characters of text; a press release has at least "
                        f"{MIN_CHARS})")
    if not title:
        raise PageError(f"{name}: no headline found")
    date = _choose_date(getattr(found, "date", None), visible_dates)
    url = getattr(found, "url", None)
    lang = page_lang or detect_language(f"{title}\n{text}")
    source = getattr(found, "sitename", None)
    return Page(title=title, text=text, url=url if isinstance(url, str) and url.startswith("http") else None,
                date=date, lang=lang, source=source if isinstance(source, str) and "." not in source else None)


def _html_lang(tree: Any) -> str | None:
    root = tree.getroottree().getroot()
    value = str(root.get("lang") or root.get("xml:lang") or "").strip().lower()[:2]
    return value if value in LANGS else None


def _visible_dates(tree: Any) -> list[str]:
    """Dates shown near the headline: <time> elements and elements whose class or id speaks of a date."""
    found: list[str] = []
    for element in tree.iter("time", "span", "div", "p", "small", "li"):
        if element.tag != "time" and not _DATE_HINT.search(f"{element.get('class', '')} {element.get('id', '')}"):
            continue
        text = " ".join(element.text_content().split())
        if len(text) <= 80:
            found.extend(find_dates(text))
        if element.tag == "time" and element.get("datetime"):
            found.extend(find_dates(str(element.get("datetime"))[:10]))
    return found


def _choose_date(extracted: object, visible: list[str]) -> str | None:
    """The metadata date when it is a real day; a visible date where metadata gives only a year
    (htmldate's YYYY-01-01 when it cannot read a month) or nothing (it refuses dates after today)."""
    meta = extracted if isinstance(extracted, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", extracted) else None
    if meta and (not meta.endswith("-01-01") or meta in visible or not visible):
        return meta
    if visible:
        same_year = [d for d in visible if meta and d[:4] == meta[:4]]
        return same_year[0] if same_year else visible[0]
    return meta


def _standalone_link_texts(tree: Any) -> set[str]:
    """Texts of links that stand alone as a block (not inside a paragraph, list item or table cell)."""
    texts: set[str] = set()
    for link in tree.iter("a"):
        if any(ancestor.tag in ("p", "li", "td", "th") for ancestor in link.iterancestors()):
            continue
        text = " ".join(link.text_content().split())
        if text:
            texts.add(text)
    return texts


def _mark_article_body(tree: Any) -> None:
    """Mark the element whose own <p> children hold the most text as the article body, so that the
    extractor keeps its lists and tables even on pages without <article> or <main>."""
    best, best_chars = None, 0
    for element in tree.iter("div", "section", "article", "main", "td"):
        chars = sum(len(child.text_content()) for child in element if child.tag == "p")
        if chars > best_chars:
            best, best_chars = element, chars
    if best is not None and not best.get("itemprop"):
        best.set("itemprop", "articleBody")


def _tidy(text: str, title: str, links: set[str]) -> str:
    """One paragraph, list item or table row per line: the headline repeated at the top, standalone
    links, blank lines and table rules left out; table rows as cells joined by " | "."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line or _TABLE_RULE.match(line):
            continue
        if line.startswith("|") and line.endswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip("|").split("|"))
        if not lines and line == title:
            continue
        if line in links and not _BULLET.match(line):
            continue
        lines.append(line)
    return "\n".join(lines)


def _is_article(text: str) -> bool:
    return len(text) >= MIN_CHARS and len(_SENTENCE_END.findall(text)) >= MIN_SENTENCES
