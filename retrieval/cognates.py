"""Cognates: an Azerbaijani or Russian word the vocabulary does not translate, read as the English term it is the
international loanword of ("biometrik" and "биометрический" for "biometric", "депортация" for "deportation").

Most releases are English, and a question in another language is searched there through the vocabulary's names
(glossary.py). A word the vocabulary lacks stays as said and finds nothing in English, although much of an
agency's field is international words written alike once transliterated. So, on the cross-language path only, a
question's term that is no vocabulary name and that no English release uses is matched to an English index term
by its *key*: the word in Latin letters (Russian Cyrillic transliterated the usual way, -ция stems ending in
t, -ическ read -ic; Azerbaijani x read h, c read j), then both sides spelled alike (c before e/i/y is s, else k;
q is g; x is ks; y is i; z is s; ph, th, ch, ck read f, t, h, k; doubled letters once). A term of at least
MIN_STEM letters matches

0. the English term with the key of its spelling stemmed as English ("prezident" → "presid", not "presidenti";
   "konferent" → "confer");
1. else an English term with the same key ("konsul" / "consul", "komis" / "commiss");
2. else an English term whose key extends the word's by at most MAX_EXTRA letters ("memorand" / "memorandum",
   "humanitar" / "humanitarian");
3. else the longest English term whose key begins the word's, with at most MAX_REST letters left over
   ("biometrik" / "biometr", "konferent" / "confer", "islamsk" / "islam"),

each level's terms kept only when English releases use them and none in the question's language (a name both
write, "Mehriban", is no translation of a longer word); the first level keeping any decides, and only when it
keeps exactly one term (two different English terms: no guess). A known false friend is never matched (фамилия
is a surname, not a family).

Nothing is built until a question needs it; a look-up costs a few dictionary probes and a binary search, and is
cached per index.

Usage::

    cognates = Cognates(vocabulary, offsets, postings, passage_docs, doc_langs)
    cognates.english("биометрическ", "ru")   # ('biometr',)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.analyzer import stem
from pressbot.retrieval.bags import Int32Array, IntArray

MIN_STEM = 5  # letters both sides must share: shorter words are too often another word
MAX_REST = 5  # letters of the word's ending beyond the English stem (-ation, -ik, -sk, -ent)
MAX_EXTRA = 3  # letters the English stem may have beyond the word's (memorand / memorandum)
MAX_LENGTH = 30
MAX_CACHED = 1 << 16  # words whose match is remembered per index
TARGET = "en"

_RU_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
})
# Russian stems of international words: -ция's stem ends in ц (миграц: migrat-ion), -ический's in ическ (-ic).
_RU_ENDINGS = ((re.compile(r"(?<=[аеиоуя])ц$"), "т"), (re.compile(r"ическ$"), "ик"))
# Azerbaijani letters that spell other sounds than the English ones: x is kh (arxiv), c is j; a ç, folded to c by
# the analyzer, is read as j too (the folded text no longer tells them apart).
_AZ_LATIN = str.maketrans({"x": "h", "c": "j"})
# Words written like an English one that mean another thing (language knowledge, not an agency's): by their
# question-language stems' beginnings.
FALSE_FRIENDS = {
    "ru": ("фамил", "магазин", "артист", "аккуратн", "декад", "клей", "конкурс", "лунатик",
           "гениальн", "интеллигент", "комфортабельн", "патетич", "симпатичн", "трансфер", "экстра", "дата",
           "мейкап", "рецепт", "бисквит", "старт", "презерватив", "фабрик", "анекдот", "ангин", "баллон",
           "кондуктор", "пионер", "карьер", "аудиенц", "тур"),
    "az": ("famil", "magaz", "konkurs", "aksiya", "dekada", "ambisiya", "fabrik", "kondisioner",
           "resept", "anekdot", "tur"),
}
_KEY_PAIRS = (("ph", "f"), ("th", "t"), ("ch", "h"), ("ck", "k"), ("qu", "kv"))
_SOFT_C = re.compile(r"c(?=[eiy])")
_KEY_LETTERS = str.maketrans({"c": "k", "q": "g", "y": "i", "z": "s", "w": "v"})
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"[a-z]+")


def key(latin: str) -> str:
    """A Latin word spelled as its sounds, the same for the English and the transliterated spelling: "consul" and
    "konsul", "certif" and "sertif", "commiss" and "komis"."""
    for pair, letter in _KEY_PAIRS:
        latin = latin.replace(pair, letter)
    latin = _SOFT_C.sub("s", latin).replace("x", "ks").translate(_KEY_LETTERS)
    return _DOUBLED.sub(r"\1", latin)


def latin(term: str, lang: str) -> str | None:
    """A question term in Latin letters as an English word would spell it, or None (not a word of `lang`'s
    alphabet)."""
    if lang == "ru":
        for ending, replacement in _RU_ENDINGS:
            term = ending.sub(replacement, term)
        text = term.translate(_RU_LATIN)
    elif lang == "az":
        text = term.translate(_AZ_LATIN)
    else:
        return None
    return text if _LATIN_WORD.fullmatch(text) else None


def false_friend(term: str, lang: str) -> bool:
    """Whether a term is the stem of a word that looks English and means another thing."""
    return term.startswith(FALSE_FRIENDS.get(lang, ()))


@dataclass(frozen=True)
class Cognates:
    """An index's terms (term → id), their postings (term t's passages are passages[offsets[t]:offsets[t + 1]]),
    each passage's document number and each document's language: shared with the index, not copied."""

    vocabulary: Mapping[str, int]
    offsets: Sequence[int] | IntArray
    passages: Int32Array
    passage_docs: Int32Array
    doc_langs: Sequence[str]
    _found: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @functools.cached_property
    def _by_key(self) -> dict[str, tuple[str, ...]]:
        """Key → the alphabetic Latin terms with that key."""
        out: dict[str, list[str]] = {}
        for term in self.vocabulary:
            if len(term) <= MAX_LENGTH and _LATIN_WORD.fullmatch(term):
                out.setdefault(key(term), []).append(term)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    def _keys(self) -> list[str]:
        return sorted(self._by_key)

    @functools.cached_property
    def _langs(self) -> npt.NDArray[np.object_]:
        return np.array(list(self.doc_langs) or [""], dtype=object)

    def _languages(self, term: str) -> frozenset[str]:
        """The languages of the releases using a term."""
        tid = self.vocabulary.get(term)
        if tid is None:
            return frozenset()
        rows = self.passages[int(self.offsets[tid]) : int(self.offsets[tid + 1])]
        return frozenset(str(lang) for lang in set(self._langs[self.passage_docs[rows]].tolist()))

    def _english(self, terms: Sequence[str], lang: str) -> list[str]:
        """The terms among `terms` used in English releases and in none of `lang`."""
        return [t for t in dict.fromkeys(terms) if TARGET in (langs := self._languages(t)) and lang not in langs]

    def english(self, term: str, lang: str) -> tuple[str, ...]:
        """The English index terms a question term of `lang` is the loanword of: one term, or its spellings that
        share one key ("presid", "prezid"); none when there is no match or no single one."""
        if (term, lang) not in self._found:
            if len(self._found) >= MAX_CACHED:  # a long-running bot meets ever new words: the cache stays bounded
                self._found.clear()
            self._found[(term, lang)] = self._match(term, lang)
        return self._found[(term, lang)]

    def _match(self, term: str, lang: str) -> tuple[str, ...]:
        if lang == TARGET or len(term) > MAX_LENGTH or false_friend(term, lang) or TARGET in self._languages(term):
            return ()
        spelled = latin(term, lang)
        if spelled is None:
            return ()
        word = key(spelled)
        if len(word) < MIN_STEM:
            return ()
        by_key = self._by_key
        keys = self._keys
        at = bisect.bisect_left(keys, word + "a")  # keys extending the word, after the word itself
        longer: list[str] = []
        while at < len(keys) and keys[at].startswith(word):
            if len(keys[at]) - len(word) <= MAX_EXTRA:
                longer.extend(by_key[keys[at]])
            at += 1
        stemmed = key(stem([spelled], TARGET)[0])  # as an English word of that spelling would be indexed
        levels = [by_key.get(stemmed, ()) if len(stemmed) >= MIN_STEM else (), by_key.get(word, ()), tuple(longer)]
        levels += [by_key[word[:n]] for n in range(len(word) - 1, max(MIN_STEM, len(word) - MAX_REST) - 1, -1)
                   if word[:n] in by_key]
        for terms in levels:
            fit = self._english(terms, lang)
            if fit:  # the first level naming an English term decides: one key's spellings, or (several keys) none
                return tuple(fit) if len({key(t) for t in fit}) == 1 else ()
        return ()
