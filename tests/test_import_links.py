"""`pressbot import URL…` and `pressbot sync` against a local HTTP server on 127.0.0.1: pages and feeds
become releases; every bad input ends in one line on stderr, a non-zero exit, and the corpus folder
exactly as it was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressbot.bot.cli.main import main
from pressbot.retrieval.corpus import load_corpus
from tests.local_http import LocalServer, Route

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300)


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def files_of(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        running.routes["/news/21450"] = Route(body=page("migration-en-mobile-service.html"))
        running.routes["/news/call-centre"] = Route(body=page("migration-ru-call-centre.html"))
        running.routes["/news/apa"] = Route(body=page("apa-en-readmission.html"))
        yield running


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "corpus"
    directory.mkdir()
    for name in ("migration-en-9634.md", "migration-en-13016.md"):
        shutil.copy(ROOT / "corpus" / name, directory / name)
    return directory


def config_with_feeds(tmp_path: Path, *feeds: str, timeout: float = 2.0) -> Path:
    path = tmp_path / "config.yaml"
    lines = "".join(f"    - {feed}\n" for feed in feeds)
    path.write_text(f"ingest:\n  feeds:\n{lines}  fetch_timeout: {timeout}\n  max_page_bytes: 200000\n"
                    f"  max_redirects: 3\n", encoding="utf-8")
    return path


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title>{items}</channel></rss>'.encode()


# --- import URL -----------------------------------------------------------------------------------------

def test_a_link_is_imported_with_the_pages_canonical_url(server: LocalServer, corpus: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--corpus", str(corpus), server.url("/news/21450")]) == 0
    assert capsys.readouterr().out == f"added {corpus / 'migration-en-21450.md'}\n"
    docs = {d.id: d for d in load_corpus(corpus)[0]}
    doc = docs["migration-en-21450"]
    assert (doc.url, doc.date, doc.title) == ("https://migration.gov.az/en/news_detail/21450", "2026-11-20",
                                              "State Migration Service organized mobile service in Zagatala")


def test_a_link_to_a_page_without_canonical_url_keeps_the_fetched_url(server: LocalServer, corpus: Path) -> None:
    assert main(["import", "--corpus", str(corpus), server.url("/news/call-centre")]) == 0
    [doc] = [d for d in load_corpus(corpus)[0] if d.lang == "ru"]
    assert doc.url == server.url("/news/call-centre")


def test_a_link_already_imported_is_skipped(server: LocalServer, corpus: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", "--corpus", str(corpus), server.url("/news/21450")])
    before = files_of(corpus)
    capsys.readouterr()
    assert main(["import", "--corpus", str(corpus), server.url("/news/21450")]) == 0
    assert capsys.readouterr().out.startswith(f"skipped {server.url('/news/21450')}: same url as ")
    assert files_of(corpus) == before


SCRIPTS = b"<html><head><title>News</title>" + b"<script>var a = 'x';</script>" * 2000 + b"</head><body></body></html>"
BAD_LINKS = {
    "/scripts.html": (Route(body=SCRIPTS), "only scripts and no article text"),
    "/huge.html": (Route(body=b"<p>" + b"word " * 60_000 + b"</p>"), "too large"),
    "/endless.html": (Route(endless=True), "too large"),
    "/photo.html": (Route(body=PNG), "a binary file"),
    "/empty.html": (Route(body=page("empty-article.html")), "no article text"),
    "/slow.html": (Route(body=page("apa-en-readmission.html"), delay=3), "no answer within 1 s"),
    "/loop.html": (Route(status=302, headers={"Location": "/loop.html"}), "more than 3 redirects"),
    "/photo.png": (Route(body=PNG, content_type="image/png"), "not a web page"),
}


@pytest.mark.parametrize("path", sorted(BAD_LINKS))
def test_a_bad_link_is_one_line_on_stderr_and_leaves_the_corpus_as_it_was(
        server: LocalServer, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str) -> None:
    route, reason = BAD_LINKS[path]
    server.routes[path] = route
    before = files_of(corpus)
    config = config_with_feeds(tmp_path, timeout=1.0)
    status = main(["import", "--config", str(config), "--corpus", str(corpus), server.url("/news/apa"),
                   server.url(path)])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert err[0].startswith(f"pressbot import: {server.url(path)}: ") and reason in err[0]
    assert files_of(corpus) == before


# --- sync -----------------------------------------------------------------------------------------------

def test_sync_imports_what_the_feed_lists_and_the_corpus_lacks(server: LocalServer, corpus: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/rss"] = Route(body=rss("/news/21450", "/news/apa"), content_type="application/rss+xml")
    config = config_with_feeds(tmp_path, server.url("/rss"))
    assert main(["sync", "--config", str(config), "--corpus", str(corpus)]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == [
        f"added {corpus / 'apa-en-azerbaijan-and-eu-review-implementation-of.md'}",
        f"added {corpus / 'migration-en-21450.md'}"]
    assert load_corpus(corpus)[1] == []


def test_a_second_sync_adds_nothing_and_fetches_no_page_whose_url_it_has(
        server: LocalServer, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/rss"] = Route(body=rss("/news/call-centre", "/news/21450"), content_type="application/rss+xml")
    config = config_with_feeds(tmp_path, server.url("/rss"))
    main(["sync", "--config", str(config), "--corpus", str(corpus)])
    before, hits = files_of(corpus), dict(server.hits)
    capsys.readouterr()
    assert main(["sync", "--config", str(config), "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "0 added, 0 skipped, 2 already in the corpus" in err
    assert files_of(corpus) == before
    assert server.hits["/news/call-centre"] == hits["/news/call-centre"]  # its url is the release's url
    assert server.hits["/news/21450"] == hits["/news/21450"] + 1  # its canonical url differs: fetched, known


def test_a_sync_dry_run_says_would_add_and_writes_nothing(server: LocalServer, corpus: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/rss"] = Route(body=rss("/news/21450"), content_type="application/rss+xml")
    before = files_of(corpus)
    assert main(["sync", "--dry-run", "--config", str(config_with_feeds(tmp_path, server.url("/rss"))),
                 "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out == f"would add {corpus / 'migration-en-21450.md'}\n"
    assert files_of(corpus) == before


@pytest.mark.parametrize(("route", "reason"), [
    (Route(body=b'<?xml version="1.0"?><rss version="2.0"><channel><item><link>/a</li', content_type="text/xml"),
     "broken XML"),
    (Route(body=b"x", delay=3), "no answer within 1 s"),
    (Route(status=302, headers={"Location": "/rss"}), "more than 3 redirects"),
])
def test_a_bad_feed_is_one_line_on_stderr_and_leaves_the_corpus_as_it_was(
        server: LocalServer, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], route: Route,
        reason: str) -> None:
    server.routes["/rss"] = route
    before = files_of(corpus)
    config = config_with_feeds(tmp_path, server.url("/rss"), timeout=1.0)
    assert main(["sync", "--config", str(config), "--corpus", str(corpus)]) == 1
    [line] = [line for line in capsys.readouterr().err.splitlines() if line.startswith("pressbot sync:")]
    assert line.startswith(f"pressbot sync: {server.url('/rss')}: ") and reason in line
    assert files_of(corpus) == before


def test_sync_without_feeds_says_so(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync", "--corpus", str(corpus)]) == 2
    assert "no feeds configured" in capsys.readouterr().err
