"""The links a news feed lists: RSS and Atom read by feedparser (the standard, tolerant of real-world
feeds), sitemaps (<urlset>) read here with lxml, entities and network access off.

Usage::

    for entry in feed_entries(Fetched.data, "https://migration.gov.az/en/rss"):
        entry.url, entry.date     # "https://migration.gov.az/en/news_detail/21450", "2026-11-20"
"""

from __future__ import annotations

import time
import xml.sax
from dataclasses import dataclass
from urllib.parse import urljoin

from pressbot.retrieval.dates import parse_date


class FeedError(ValueError):
    """A feed that cannot be read, in one line naming the feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the page's link, and the title and date the feed gives, if any."""

    url: str
    title: str | None = None
    date: str | None = None


def feed_entries(data: bytes, feed_url: str) -> list[FeedEntry]:
    """The http(s) links of an RSS/Atom feed or a sitemap, in the feed's order, without repeats."""
    head = data[:2048].lstrip()
    if b"<urlset" in head or b"<sitemapindex" in head:
        entries = _sitemap(data, feed_url)
    else:
        entries = _rss_or_atom(data, feed_url)
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.url.startswith(("http://", "https://")) and entry.url not in seen:
            seen.add(entry.url)
            unique.append(entry)
    return unique


def _rss_or_atom(data: bytes, feed_url: str) -> list[FeedEntry]:
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    # Broken XML (a SAX error) is refused even where feedparser salvaged items: what it salvaged may be cut
    # short or wrong. A declared encoding that was overridden is harmless and read on.
    if parsed.get("bozo") and (isinstance(problem, xml.sax.SAXException) or not parsed.get("entries")):
        reason = " ".join(str(problem or "not a feed").split())
        raise FeedError(f"{feed_url}: broken XML, not a readable RSS/Atom feed or sitemap ({reason})")
    if not parsed.get("version") and not parsed.get("entries"):
        raise FeedError(f"{feed_url}: not an RSS/Atom feed or sitemap")
    entries = []
    for item in parsed.get("entries", []):
        link = item.get("link")
        if not isinstance(link, str) or not link.strip():
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        title = item.get("title")
        entries.append(FeedEntry(url=urljoin(feed_url, link.strip()), title=title if isinstance(title, str) else None,
                                 date=date))
    return entries


def _sitemap(data: bytes, feed_url: str) -> list[FeedEntry]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{feed_url}: broken sitemap XML ({exc})") from None
    entries = []
    for url in root.iter("{*}url"):
        loc = url.findtext("{*}loc")
        if loc and loc.strip():
            lastmod = parse_date(url.findtext("{*}lastmod") or "")
            entries.append(FeedEntry(url=urljoin(feed_url, loc.strip()), date=lastmod))
    return entries
