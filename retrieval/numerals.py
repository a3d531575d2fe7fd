"""Numerals: a small number written in figures or in words is the same number ("4" and "four", "4 раза" and
"четырёх раз", "4 il" and "dörd il").

Releases write small counts in words ("more than four times", "within ten days") where people type the figure, and
the other way round; as said, the two share no term. A question's figure from 2 to MAX (or its word) is also
searched as the number's words in the language searched (or its figure). Language knowledge, not an agency's:
the words of each language's numbers, the forms a Russian numeral takes in its cases included (Snowball leaves
"четыре" and "четырех" apart; "два" and "три" are stopwords, their other cases are not).

Usage::

    numerals("4", "en", "en")      # (('four',),)
    numerals("четырех", "ru", "en")  # (('4',), ('four',))
"""

from __future__ import annotations

import functools
import re

from pressbot.retrieval.analyzer import analyze

_FIGURE = re.compile(r"[0-9]{1,2}")
MAX = 12  # "one" is too often no count ("one of the", "bir", "один из"); past twelve, releases write figures

_WORDS: dict[str, dict[int, str]] = {
    "en": {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
           11: "eleven", 12: "twelve"},
    # Not üç, beş, on: typed without the letters they are uc "tip", bəs "enough" (bəs edir), on (an English word).
    "az": {2: "iki", 4: "dörd", 6: "altı", 7: "yeddi", 8: "səkkiz", 9: "doqquz"},
    "ru": {2: "два две двух двум двумя", 3: "три трех трём трем тремя", 4: "четыре четырех четырём четырьмя",
           5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи семью", 8: "восемь восьми восемью",
           9: "девять девяти девятью", 10: "десять десяти десятью", 11: "одиннадцать одиннадцати",
           12: "двенадцать двенадцати"},
}


@functools.cache
def _forms(lang: str) -> dict[int, tuple[tuple[str, ...], ...]]:
    """Each number's words in `lang`, analyzed as a question's or a release's words are (stopwords dropped)."""
    out: dict[int, tuple[tuple[str, ...], ...]] = {}
    for number, words in _WORDS.get(lang, {}).items():
        said = (tuple(analyze(word, lang)) for word in words.split())
        out[number] = tuple(dict.fromkeys(t for t in said if t))
    return out


@functools.cache
def _numbers(lang: str) -> dict[str, int]:
    """A single analyzed word of `lang` → the number it is ("четыр" → 4)."""
    return {terms[0]: number for number, forms in _forms(lang).items() for terms in forms if len(terms) == 1}


def number(term: str, lang: str) -> int | None:
    """The number from 2 to MAX a question's term says, in figures or in one word of `lang`; else None."""
    if _FIGURE.fullmatch(term):  # ASCII figures only, and few of them: int() of a long digit string is refused
        value = int(term)
        return value if 2 <= value <= MAX and term == str(value) else None
    return _numbers(lang).get(term)


def numerals(term: str, lang: str, target: str) -> tuple[tuple[str, ...], ...]:
    """Other wordings in `target` of the number a term of `lang` says: its figure and its words, without the term
    itself; empty when the term says no number from 2 to MAX."""
    value = number(term, lang)
    if value is None:
        return ()
    wordings = [(str(value),), *_forms(target).get(value, ())]
    return tuple(w for w in dict.fromkeys(wordings) if w != (term,))
