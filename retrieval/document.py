"""The units the retriever works on: a press release, and the passages cut from it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One press release as the corpus holds it; `id` is its file name without the extension.

    Usage::

        Document(id="migration-en-9634", title="Meeting at State Migration Service", text="...",
                 lang="en", url="https://migration.gov.az/en/news_detail/9634", date="2016-07-30")
    """

    id: str
    title: str
    text: str
    lang: str = "en"
    url: str | None = None
    date: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    excerpt: bool = False
    translations: tuple[str, ...] = field(default=())


def passage_id(doc_id: str, position: int) -> str:
    """A passage's id, as citations and `ask --json` give it (INTERFACE.md): the document's id, "#", its position."""
    return f"{doc_id}#{position}"


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of whole sentences from one document; the title travels with it for scoring."""

    id: str
    doc_id: str
    position: int
    title: str
    text: str
    lang: str
