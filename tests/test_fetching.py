"""retrieval/fetching.py and retrieval/feeds.py against a local HTTP server on 127.0.0.1: limits on
time, size and redirects, http(s) only; RSS, Atom and sitemaps read, broken XML refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pressbot.retrieval.feeds import FeedError, feed_entries
from pressbot.retrieval.fetching import FetchError, FetchLimits, fetch
from tests.local_http import LocalServer, Route

LIMITS = FetchLimits(timeout=1.0, max_bytes=100_000, max_redirects=3)
PAGE = b"<html><body><p>Hello.</p></body></html>"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def test_a_page_is_fetched_with_its_content_type(server: LocalServer) -> None:
    server.routes["/a"] = Route(body=PAGE)
    fetched = fetch(server.url("/a"), LIMITS)
    assert (fetched.data, fetched.content_type, fetched.suffix) == (PAGE, "text/html", ".html")


def test_redirects_are_followed_up_to_the_limit(server: LocalServer) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/mid"})
    server.routes["/mid"] = Route(status=302, headers={"Location": server.url("/new")})
    server.routes["/new"] = Route(body=PAGE)
    assert fetch(server.url("/old"), LIMITS).url == server.url("/new")


def test_a_redirect_loop_is_cut_after_the_limit(server: LocalServer) -> None:
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(server.url("/loop"), LIMITS)
    assert server.hits["/loop"] == 4


def test_a_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    server.routes["/r"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http"):
        fetch(server.url("/r"), LIMITS)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "http://"])
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetch(url, LIMITS)


def test_a_server_that_does_not_answer_in_time_is_given_up(server: LocalServer) -> None:
    server.routes["/slow"] = Route(body=PAGE, delay=3)
    with pytest.raises(FetchError, match="no answer within 1 s"):
        fetch(server.url("/slow"), LIMITS)


def test_a_body_declared_too_large_is_not_downloaded(server: LocalServer) -> None:
    server.routes["/big"] = Route(body=b"x" * 200_000)
    with pytest.raises(FetchError, match="too large"):
        fetch(server.url("/big"), LIMITS)


def test_an_endless_body_is_cut_at_the_size_limit(server: LocalServer) -> None:
    server.routes["/endless"] = Route(endless=True)
    with pytest.raises(FetchError, match="too large"):
        fetch(server.url("/endless"), LIMITS)


def test_an_error_status_is_named(server: LocalServer) -> None:
    with pytest.raises(FetchError, match="404"):
        fetch(server.url("/missing"), LIMITS)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title><link>https://agency.example/</link>
<item><title>First</title><link>https://agency.example/en/news/2</link>
<pubDate>Fri, 20 Nov 2026 10:00:00 +0400</pubDate></item>
<item><title>Second</title><link>/en/news/1</link></item>
<item><title>Again</title><link>https://agency.example/en/news/2</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>One</title><link href="https://agency.example/az/news/7"/><updated>2026-11-21T09:00:00Z</updated></entry>
</feed>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://agency.example/ru/news/5</loc><lastmod>2026-11-22</lastmod></url>
</urlset>"""


def test_an_rss_feed_lists_its_links_absolute_dated_and_once() -> None:
    entries = feed_entries(RSS.encode(), "https://agency.example/rss")
    assert [(e.url, e.date) for e in entries] == [("https://agency.example/en/news/2", "2026-11-20"),
                                                  ("https://agency.example/en/news/1", None)]


def test_an_atom_feed_lists_its_links() -> None:
    assert [(e.url, e.date) for e in feed_entries(ATOM.encode(), "https://agency.example/atom")] == [
        ("https://agency.example/az/news/7", "2026-11-21")]


def test_a_sitemap_lists_its_pages() -> None:
    assert [(e.url, e.date) for e in feed_entries(SITEMAP.encode(), "https://agency.example/sitemap.xml")] == [
        ("https://agency.example/ru/news/5", "2026-11-22")]


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>x</titl", b"<html><body>Not a feed</body></html>",
                                  b"\x89PNG\r\n\x1a\n", b"<urlset><url><loc>x</url>"])
def test_broken_xml_or_a_page_is_not_a_feed(data: bytes) -> None:
    with pytest.raises(FeedError, match=r"^https://agency\.example/rss: "):
        feed_entries(data, "https://agency.example/rss")
