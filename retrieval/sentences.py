"""Sentence boundaries, shared by passage splitting and by the responder's quoting."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … (optionally closed by quotes or brackets) followed by white space and a
# capital, a digit or an opening quote; never after an initial ("V. Huseynov") or a known abbreviation.
_BOUNDARY = re.compile(r"""(?<=[.!?…])["'»”’)\]]*\s+(?=["'«“(\[]?[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ0-9])""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc jr sr inc ltd co gen col lt sgt rev hon art cf fig approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec tel ул г гг им т тт д проф акад e.g i.e".split()
)


def ends_with_abbreviation(text: str) -> bool:
    """True when the text before a full stop is an initial or an abbreviation, not a sentence end."""
    if not text.endswith("."):
        return False
    word = re.split(r"[\s(\"'«“]+", text[:-1])[-1] if text[:-1] else ""
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "A. Vitorino"
    return word.lower() in _ABBREVIATIONS


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping each sentence's text exactly as written."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start()]
        # Include closing quotes/brackets that the lookbehind left in the separator.
        head = paragraph[start : match.end()].rstrip()
        if ends_with_abbreviation(candidate.rstrip()):
            continue
        sentences.append(head)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are lines: press-release pages put one paragraph on each line."""
    return [line.strip() for line in text.splitlines() if line.strip()]
