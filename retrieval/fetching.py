"""Fetching a press release's page or a feed over HTTP(S), within limits: a timeout for the whole
download, a size limit (the body is streamed and dropped past it), a bounded number of redirects, and
only http/https at every hop. httpx does the HTTP; this module only keeps it within bounds.

Usage::

    fetched = fetch("https://migration.gov.az/en/news_detail/21450", FetchLimits(timeout=10))
    fetched.url, fetched.suffix, len(fetched.data)   # final url, ".html", bytes
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

_USER_AGENT = "pressbot (press-release importer)"
_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
             "text/markdown": ".md", "text/x-markdown": ".md"}
_FEED_TYPES = ("xml", "rss", "atom")


class FetchError(ValueError):
    """Why a url could not be fetched, in one line that names the url."""


@dataclass(frozen=True)
class FetchLimits:
    """How long, how much and how many redirects one fetch may take."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """A fetched body: the url it finally came from, its bytes and its content type."""

    url: str
    data: bytes
    content_type: str

    @property
    def suffix(self) -> str:
        """The file suffix the importer reads the body as (.html, .txt, .md); "" for anything else."""
        return _SUFFIXES.get(self.content_type, "")

    @property
    def is_feed(self) -> bool:
        return any(kind in self.content_type for kind in _FEED_TYPES)


def check_url(url: str) -> str:
    """The url if it is an absolute http(s) address with a host; FetchError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: not an http(s) address")
    return url.strip()


def fetch(url: str, limits: FetchLimits, *, client: httpx.Client | None = None) -> Fetched:
    """Download one url within the limits; FetchError with the reason otherwise."""
    own = client is None
    http = client or httpx.Client(headers={"User-Agent": _USER_AGENT}, follow_redirects=False,
                                  timeout=httpx.Timeout(limits.timeout))
    deadline = time.monotonic() + limits.timeout
    try:
        current = check_url(url)
        for _hop in range(limits.max_redirects + 1):
            with http.stream("GET", current, timeout=httpx.Timeout(max(0.1, deadline - time.monotonic()))) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = check_url(urljoin(current, location))
                    continue
                if response.status_code != 200:
                    raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
                data = _read_body(response, url, limits, deadline)
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(url=str(response.url), data=data, content_type=content_type)
        raise FetchError(f"{url}: more than {limits.max_redirects} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {limits.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}".rstrip(": ")) from None
    finally:
        if own:
            http.close()


def _read_body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"{url}: too large ({int(declared):,} bytes; the limit is {limits.max_bytes:,})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: too large (more than {limits.max_bytes:,} bytes)")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: no complete answer within {limits.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
