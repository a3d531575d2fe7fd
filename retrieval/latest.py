"""Choosing the newest press releases, optionally on a topic: how readers follow the news.

Only a date makes a release "newest": dated releases come first, newest first. What has no date follows
in parts of its own, never as news of the day: first the undated news of sites that number their news
in the url (`…/news_detail/<n>`: a trailing number in the path, found on several pages of one host), in
that site's numbering, highest first, with "date not given"; then every other undated page (reference
pages, FAQs) in corpus order. The site is found in the data, per host; no site is named here.

Usage::

    for entry in latest_entries(index, "consular", limit=5):
        print(entry.part, entry.document.title, entry.document.date)
    latest(index, "consular", limit=5, offset=5)     # the documents of the next page
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from pressbot.retrieval.document import Document
from pressbot.retrieval.index import Index

# A press release is "about" a topic when one of its passages covers at least this share of the topic.
TOPIC_COVERAGE = 0.5
TOPIC_CANDIDATES = 200
# A host numbers its news when at least this many of its pages end their url path in a number.
NUMBERED_PAGES = 2
_TRAILING_NUMBER = re.compile(r"/([0-9]+)/?$")
Part = Literal["dated", "numbered", "undated"]


@dataclass(frozen=True)
class Entry:
    """One line of a /latest list: the release and the part it is listed in."""

    document: Document
    part: Part


def site_of(url: str | None) -> str | None:
    """The url's host, without a leading "www." (one site either way)."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def sequence_number(url: str | None) -> int | None:
    """The number that ends the url's path (`/en/news_detail/13016` → 13016), if any."""
    match = _TRAILING_NUMBER.search(urlsplit(url).path) if url else None
    return int(match.group(1)) if match else None


def numbering_sites(documents: Sequence[Document]) -> Counter[str]:
    """The sites that number their pages in the url, with how many numbered pages each has."""
    counts = Counter(site_of(d.url) for d in documents if sequence_number(d.url) is not None)
    return Counter({site: n for site, n in counts.items() if site and n >= NUMBERED_PAGES})


def ordered(documents: Sequence[Document], sites: Counter[str] | None = None) -> list[Entry]:
    """Dated releases newest first (ties keep the corpus order); then undated news of numbering `sites`
    (by default found in `documents`), site by site (most pages first), highest number first; then the
    other undated pages in corpus order."""
    sites = numbering_sites(documents) if sites is None else sites
    order = {doc.id: i for i, doc in enumerate(documents)}
    dated = sorted((d for d in documents if d.date), key=lambda d: (d.date or "", -order[d.id]), reverse=True)
    numbered: list[tuple[int, str, int, Document]] = []
    undated: list[Document] = []
    for doc in documents:
        if doc.date:
            continue
        site, number = site_of(doc.url), sequence_number(doc.url)
        if site is not None and site in sites and number is not None:
            numbered.append((-sites[site], site, -number, doc))
        else:
            undated.append(doc)
    numbered.sort(key=lambda item: item[:3])
    return ([Entry(d, "dated") for d in dated] + [Entry(item[3], "numbered") for item in numbered]
            + [Entry(d, "undated") for d in undated])


def newest_first(documents: Sequence[Document]) -> list[Document]:
    """The documents in /latest order (see `ordered`)."""
    return [entry.document for entry in ordered(documents)]


def latest_entries(index: Index, topic: str = "", limit: int = 5, offset: int = 0) -> list[Entry]:
    """A page of the /latest list, of all releases or of those about `topic`; the numbering sites are found
    in the whole corpus, so that a topic's few pages keep their site's order."""
    every: Sequence[Document] = list(index.documents.values())
    docs = every
    if topic.strip():
        # Coverage is a share of the topic's positive idf. In a small corpus a topic word in half the releases
        # or more has none (rank-bm25's idf is <= 0), so every release holding a topic word is about it.
        informative = any(w > 0 for w in index.term_weights(index.query_terms(topic)).values())
        about = {h.doc_id for h in index.search(topic, k=TOPIC_CANDIDATES)
                 if h.coverage >= TOPIC_COVERAGE or not informative}
        docs = [d for d in every if d.id in about]
    return ordered(docs, numbering_sites(every))[offset : offset + limit]


def latest(index: Index, topic: str = "", limit: int = 5, offset: int = 0) -> list[Document]:
    """The documents of a /latest page (see `latest_entries`)."""
    return [entry.document for entry in latest_entries(index, topic, limit, offset)]
