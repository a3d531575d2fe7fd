"""Spelling: a question's word that no release uses, read as the corpus word it most likely stands for.

People type "servise", "ambasador", "Загатала" (a place the releases spell "Zagatala"), "Naxcivan" for
"Nakhchivan". Analysis (analyzer.py) folds case and the Azerbaijani letters, but a typo or another
alphabet's spelling of a name still finds nothing: BM25 ignores the word, and the evidence for answering
counts it as a part of the question that no passage covers. So a question term of at least MIN_LENGTH
letters that is not in the index's vocabulary (nor a vocabulary name, glossary.py) is read as a known term
occurring in at least MIN_PASSAGES passages (a once-seen word may itself be a typo), the most frequent of:

1. the terms with the same *skeleton*: Cyrillic transliterated to Latin, the English digraphs that spell
   one Azerbaijani letter merged (kh = x, ch = ç → c, sh = ş → s, gh = ğ → g), and the letters the
   languages' spellings swap made one (q/g, j/c, a/ə → e, y/i): "naxcivan", "nakhchivan" and "нахчыван";
2. for a Cyrillic word, a Latin term whose skeleton has one letter more or less at the end (the stems of
   one name differ: "загатал" for "zagatala");
3. else, for a word of at least MIN_TYPO_LENGTH letters, a term of the same alphabet one typo away (a
   letter deleted, inserted, changed or two swapped), never in the first letter: people mistype inside
   words, and a different first letter is more often a different word ("german" is not "perman").

Nothing is built until a question needs it; a look-up costs a few hundred dictionary probes.

Usage::

    >>> spelling = Spelling({"zagatala": 0, "servic": 1, "nakhchivan": 2}, [0, 4, 94, 99])  # in 4, 90, 5 passages
    >>> spelling.correct("загатал"), spelling.correct("servis"), spelling.correct("naxcivan")
    ('zagatala', 'servic', 'nakhchivan')
    >>> spelling.correct("servic") is None  # a known term stays as it is
    True
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pressbot.retrieval.bags import IntArray

MIN_LENGTH = 5  # letters a word needs before it is corrected (shorter words are too often another word)
MIN_TYPO_LENGTH = 6  # ... and before a typo is corrected: "manat" is not a mistyped "manag(e)"
MIN_PASSAGES = 2  # passages a known term must occur in to be a correction
# Longer "words" are no typo (a URL's run of letters, a hostile 20,000-letter input): never corrected, so a
# look-up stays a few hundred probes of short strings.
MAX_LENGTH = 30

_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "o", "ж": "j", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "x", "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a",
})
_DIGRAPHS = (("kh", "x"), ("ch", "c"), ("sh", "s"), ("gh", "g"), ("zh", "j"))
_LETTERS = str.maketrans({"q": "g", "j": "c", "a": "e", "y": "i", "w": "v"})
_ALPHABET = string.ascii_lowercase
_RUSSIAN = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


def _cyrillic(term: str) -> bool:
    return "а" <= term[0] <= "я" or term[0] == "ё"


def skeleton(term: str) -> str:
    """A term as its sounds' letters: the same for "naxcivan", "nakhchivan" and "нахчыван"."""
    if term.startswith("е"):  # a Russian initial е is said "ye": Евлах is Yevlakh
        term = "й" + term
    text = term.translate(_CYRILLIC)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    return text.translate(_LETTERS)


def _edits(word: str) -> set[str]:
    """Every string one deletion, swap, change or insertion away from `word` (Norvig's edits1), in its alphabet."""
    letters = _RUSSIAN if _cyrillic(word) else _ALPHABET
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters})


@dataclass(frozen=True)
class Spelling:
    """The index's terms (term → id) and their postings' offsets: term t occurs in offsets[t + 1] - offsets[t]
    passages (`Postings.offsets`, shared, not copied)."""

    vocabulary: Mapping[str, int]
    offsets: Sequence[int] | IntArray

    @functools.cached_property
    def _by_skeleton(self) -> dict[str, tuple[int, str]]:
        """Skeleton → (passages, term) of the most used alphabetic term with that skeleton."""
        best: dict[str, tuple[int, str]] = {}
        for term, count in self._known.items():
            key = skeleton(term)
            if key not in best or (count, term) > best[key]:
                best[key] = (count, term)
        return best

    @functools.cached_property
    def _known(self) -> dict[str, int]:
        """The alphabetic terms a word may be corrected to, with the passages each occurs in."""
        return {term: count for term, tid in self.vocabulary.items()
                if term.isalpha() and (count := int(self.offsets[tid + 1] - self.offsets[tid])) >= MIN_PASSAGES}

    def correct(self, term: str) -> str | None:
        """The known term an unknown one stands for, or None (a known term, a short one, nothing close)."""
        if term in self.vocabulary or not MIN_LENGTH <= len(term) <= MAX_LENGTH or not term.isalpha():
            return None
        index = self._by_skeleton
        key = skeleton(term)
        if key in index:
            return index[key][1]
        if _cyrillic(term):
            ends = [index[k] for k in (key[:-1], *(key + c for c in _ALPHABET))
                    if k in index and not _cyrillic(index[k][1])]
            if ends:
                return max(ends)[1]
        if len(term) < MIN_TYPO_LENGTH:
            return None
        known = self._known
        typos = [(known[e], e) for e in _edits(term) if e[:1] == term[:1] and e in known]
        return max(typos)[1] if typos else None
