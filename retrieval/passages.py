"""Cutting documents into passages: small enough to quote, whole sentences, title kept with each."""

from __future__ import annotations

from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.sentences import split_paragraphs, split_sentences

# Target and ceiling in words. A passage grows paragraph by paragraph up to the target; a paragraph
# longer than the ceiling is cut at sentence boundaries. A text with no boundaries stays whole.
TARGET_WORDS = 90
MAX_WORDS = 160


def _words(text: str) -> int:
    return len(text.split())


def _body(doc: Document) -> list[str]:
    """The document's paragraphs, without a first line that only repeats the title."""
    paragraphs = split_paragraphs(doc.text)
    if paragraphs and paragraphs[0].strip().casefold() == doc.title.strip().casefold():
        paragraphs = paragraphs[1:]
    return paragraphs


def _chunks(paragraphs: list[str]) -> list[str]:
    """Group paragraphs (or, for long ones, their sentences) into passage texts."""
    units: list[tuple[str, bool]] = []  # (text, starts a new paragraph)
    for paragraph in paragraphs:
        if _words(paragraph) <= MAX_WORDS:
            units.append((paragraph, True))
            continue
        for i, sentence in enumerate(split_sentences(paragraph)):
            units.append((sentence, i == 0))
    chunks: list[list[tuple[str, bool]]] = []
    size = 0
    for unit in units:
        n = _words(unit[0])
        if (chunks and size + n <= TARGET_WORDS) or (chunks and not unit[1] and size + n <= MAX_WORDS):
            chunks[-1].append(unit)
            size += n
        else:
            chunks.append([unit])
            size = n
    return ["".join(("\n" if new and j else " " if j else "") + text
                    for j, (text, new) in enumerate(chunk)) for chunk in chunks]


def split_document(doc: Document) -> list[Passage]:
    """Passages of one document, numbered from 1 in reading order; an empty body gives one title passage."""
    texts = _chunks(_body(doc)) or [doc.title]
    return [
        Passage(id=f"{doc.id}#{i}", doc_id=doc.id, position=i, title=doc.title, text=text, lang=doc.lang)
        for i, text in enumerate(texts, start=1)
    ]
