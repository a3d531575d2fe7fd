"""Cutting documents into passages: small enough to quote, whole sentences, title kept with each.

A heading, a lead-in or a FAQ question stays in one passage with what it introduces (retrieval/structure.py),
and an excerpt's cut paragraphs end at their last whole word with "…".

Usage::

    split_document(Document(id="d1", title="T", text="Send these:\n1. Passport\n2. Photo"))[0].text
"""

from __future__ import annotations

from pressbot.retrieval.document import Document, Passage, passage_id
from pressbot.retrieval.sentences import split_paragraphs, split_sentences
from pressbot.retrieval.structure import ELLIPSIS, introduced, is_cut, is_heading, join_wrapped, trim_cut

# Target and ceiling in words. A passage grows paragraph by paragraph up to the target; a paragraph
# longer than the ceiling is cut at sentence boundaries. A text with no boundaries stays whole.
TARGET_WORDS = 90
MAX_WORDS = 160


def _words(text: str) -> int:
    return len(text.split())


def _body(doc: Document) -> list[str]:
    """The document's paragraphs (hard-wrapped lines joined), without lines that only repeat the title; in an
    excerpt, a paragraph the excerpt cut ends at its last whole word with "…"."""
    paragraphs = join_wrapped(split_paragraphs(doc.text))
    title = doc.title.strip().casefold()
    paragraphs = [p for p in paragraphs if p.strip().casefold() != title]  # the title, repeated in the text
    if doc.excerpt:
        last = len(paragraphs) - 1
        paragraphs = [trim_cut(p) if is_cut(p, i == last) else p for i, p in enumerate(paragraphs)]
    return paragraphs


def _blocks(paragraphs: list[str]) -> list[int]:
    """For each paragraph, the number of its block: a paragraph that introduces others (a heading, a lead-in, a
    FAQ question) shares its block with them, so that no passage separates them."""
    blocks: list[int] = []
    i = 0
    while i < len(paragraphs):
        size = 1 + sum(1 for line in introduced(paragraphs, i) if line != ELLIPSIS)
        blocks.extend([i] * min(size, len(paragraphs) - i))
        i += size
    return blocks


def _chunks(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """Group paragraphs (or, for long ones, their sentences) into passage texts, each with the heading it
    falls under (the last heading line before it), if any."""
    units: list[tuple[str, bool, int]] = []  # (text, starts a new paragraph, block)
    for paragraph, block in zip(paragraphs, _blocks(paragraphs), strict=True):
        if _words(paragraph) <= MAX_WORDS:
            units.append((paragraph, True, block))
            continue
        for i, sentence in enumerate(split_sentences(paragraph)):
            units.append((sentence, i == 0, block))
    chunks: list[list[tuple[str, bool, int]]] = []
    headings: list[str | None] = []
    heading: str | None = None
    size = 0
    for unit in units:
        n = _words(unit[0])
        if chunks and (size + n <= TARGET_WORDS or (not unit[1] and size + n <= MAX_WORDS)
                       or (unit[1] and unit[2] == chunks[-1][-1][2])):
            chunks[-1].append(unit)
            size += n
        else:
            chunks.append([unit])
            headings.append(heading)
            size = n
        if unit[1] and is_heading(unit[0]):
            heading = unit[0]
    return [("".join(("\n" if new and j else " " if j else "") + text for j, (text, new, _) in enumerate(chunk)),
             under) for chunk, under in zip(chunks, headings, strict=True)]


def split_document(doc: Document) -> list[Passage]:
    """Passages of one document, numbered from 1 in reading order; an empty body gives one title passage. A
    passage under a heading carries it after the title: it counts towards the passage's terms like the title
    does (the citation still shows the release's title)."""
    chunks = _chunks(_body(doc)) or [(doc.title, None)]
    return [
        Passage(id=passage_id(doc.id, i), doc_id=doc.id, position=i, lang=doc.lang, text=text,
                title=f"{doc.title}\n{under}" if under and under.casefold() != doc.title.casefold() else doc.title)
        for i, (text, under) in enumerate(chunks, start=1)
    ]
