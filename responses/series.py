"""Numbered names: "Migration School 6", "the 108th session", "VIII Round" name one release of a series.

The figure in such a question is part of a name, not a count to match anywhere ("6 months" is not "Migration
School - 6"): the release whose title carries the numbered name is the one the question is about, read first and
whole.

Usage::

    names = numbered_names("migration school 6 how many ppl were accepted", "en")
    carries(names, 'The opening ceremony of the "Migration School - 6" project held', "en")   # True
    carries(names, "The “Migration School-4” project launched", "en")                        # False
    numbers_other(names, "The “Migration School-4” project launched", "en")                  # True
    # Asked in Azerbaijani of English releases: the word by its English names (the vocabulary's), the figure kept.
    english = carried(numbered_names("Miqrasiya məktəbi 6 neçə iştirakçı", "az"), lambda word: [("school",)])
    carries(english, 'The opening ceremony of the "Migration School - 6" project held', "en")  # True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pressbot.responses.answer_types import MONTHS
from pressbot.retrieval.analyzer import normalize
from pressbot.retrieval.stopwords import STOPWORDS

# A figure right after a word ("school 6", "məktəbi 6", "школа 6"), an ordinal right before one ("108th session",
# "108-ci sessiya", "108-я сессия") or a Roman numeral written in capitals before or after one ("VIII Round").
_ORDINAL = r"(st|nd|rd|th|-?(ci|cu|cı|cü|ncı|nci|ncu|ncü|ü|u|i|ı|й|я|е|го|ой|ая|ое))"
_WORD = r"[^\W\d_]{3,}"
# Not a figure before a unit or a per cent ("6 months", "6 ay", "14 лет", "20 manat", "5 nəfər", "6%"): a quantity.
# Times, sums of money and head counts, each in en/az/ru (normalized: "nəfər" is "nefer", "AZN" is "azn").
_UNIT = (r"(%|ay|il|gun|hefte|saat|deqiqe|day|week|month|year|hour|minute|мес|год|лет|дн|сут|недел|час|минут|"
         r"manat|azn|usd|dollar|euro|манат|доллар|евро|рубл|nefer|people|persons|человек)")
_AFTER = re.compile(rf"\b({_WORD})\W{{0,3}}(\d{{1,4}})(?!\d)(?!{_ORDINAL}?\s*{_UNIT})")
_BEFORE = re.compile(rf"(?<!\d)(\d{{1,4}}){_ORDINAL}\s+({_WORD})(\s+({_WORD}))?")
# An anniversary numbered without an ordinal ending (normalized): "100 illiyi", "25 illiyində"; "25-летие", "100-летия".
_ANNIVERSARY = re.compile(r"(?<!\d)(\d{1,4})\s*-?\s*(illiy\w*|летие\w*|летия|летию|летием)")
# Each word read from its start ("\b" before the word of "Round VIII"): from inside a long word, a word of thousands
# of letters is tried again at every letter (seconds for a 20,000-character message).
_ROMAN = re.compile(r"\b([IVX]{2,6}|[IVX]+(?=\s+[A-ZƏÖÜĞŞÇİА-ЯЁ]))\b\W{0,3}(\w{3,})|\b(\w{3,})\W{0,3}\b([IVX]{2,6})\b")


def _names(word: str, figure: str) -> bool:
    """Whether a word and the figure beside it can be a numbered name: not a stopword ("the 919", "больше 4"; the
    words asking are stopwords too: "how many 6", "neçə 6"), a month ("november 27") or a year ("2019-cu ilin")."""
    return (not any(word in words for words in STOPWORDS.values())
            and not any(word.startswith(month[:4]) for month in MONTHS if len(month) > 3)
            and not (figure.isdigit() and 1800 <= int(figure) <= 2099))


@dataclass(frozen=True)
class Numbered:
    """A word of a name and the figure that numbers it ("school", "6"); the word's first letters only, so that
    inflections match ("mekteb" for "məktəbi", "sessi" for "sessiyası"). `said`: the word as the question wrote it
    (normalized), and `before` the word before it ("школа" of "школа миграции 6"), what `carried` translates."""

    word: str
    figure: str
    said: str = field(default="", compare=False)
    before: str = field(default="", compare=False)


def _stem(word: str) -> str:
    return word[:max(4, len(word) - 2)]


def numbered_names(question: str, lang: str) -> tuple[Numbered, ...]:
    """The numbered names a question says (see the module docstring); () when it says none."""
    text = normalize(question, lang)
    found: list[Numbered] = []
    for m in _AFTER.finditer(text):
        if _names(m.group(1), m.group(2)):
            before = re.search(r"([^\W\d_]+)\s+$", text[:m.start(1)])
            found.append(Numbered(_stem(m.group(1)), m.group(2), m.group(1), before.group(1) if before else ""))
    for m in _BEFORE.finditer(text):  # "the 108th council session": either word may be the title's
        found.extend(Numbered(_stem(word), m.group(1), word) for word in (m.group(4), m.group(6))
                     if word and _names(word, m.group(1)))
    for m in _ANNIVERSARY.finditer(text):  # "100 illiyi": the anniversary, not a span of a hundred years
        found.append(Numbered(_stem(m.group(2)), m.group(1), m.group(2)))
    for m in _ROMAN.finditer(question):
        roman, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if roman == "I" and lang == "en":  # the pronoun ("Can I Apply"), not the Roman one
            continue
        if _names(normalize(word, lang), roman):
            found.append(Numbered(_stem(normalize(word, lang)), roman.casefold(), normalize(word, lang)))
    return tuple(dict.fromkeys(found))


def carried(names: tuple[Numbered, ...], translate: Callable[[str], Iterable[Sequence[str]]]) -> tuple[Numbered, ...]:
    """The numbered names as releases in another language write them: each name's word by its names there
    (`translate`: words as said to the terms of each of their names in that language, e.g. the vocabulary's:
    "məktəbi" to ("school",)), and the word with the one before it by a name of several words they make together
    ("школа миграции" to ("migration", "school"): Russian writes the name's head first), the figure kept; the names
    as said too, for a word written alike in both ("COP 29")."""
    found = list(names)
    for name in names:
        word = name.said or name.word
        together = [terms for terms in translate(f"{name.before} {word}") if len(terms) > 1] if name.before else []
        found.extend(Numbered(_stem(term), name.figure, term)
                     for terms in [*translate(word), *together] for term in terms if len(term) >= 3)
    return tuple(dict.fromkeys(found))


def carries(names: tuple[Numbered, ...], text: str, lang: str) -> bool:
    """Whether a text (a release's title) writes one of the numbered names: the word, then at most a few marks
    ("School - 6", "School-6", "«Məktəb-6»"), then the figure; or the figure as an ordinal before the word."""
    if not names:
        return False
    folded = normalize(text, lang)
    for name in names:
        figure = re.escape(name.figure)
        word = re.escape(name.word)
        if re.search(rf"\b{word}\w*\W{{0,4}}{figure}(?![\w])", folded) or re.search(
                rf"(?<![\w]){figure}{_ORDINAL}?\W{{0,3}}{word}", folded):
            return True
    return False


def numbers_other(names: tuple[Numbered, ...], text: str, lang: str) -> bool:
    """Whether a text (a release's title) names another release of the series: the word of a numbered name, then at
    most a few marks, then another figure ("Migration School-4" when "Migration School 6" is asked), or another
    figure as an ordinal before the word ("108th Session" when "the 109th session" is asked, "8-ое заседание" when
    "17-е заседание")."""
    folded = normalize(text, lang)
    for name in names:
        word = re.escape(name.word)
        for found in [*re.finditer(rf"\b{word}\w*\W{{0,4}}(\d{{1,4}}|[ivx]{{1,6}})(?![\w])", folded),
                      *re.finditer(rf"(?<![\w])(\d{{1,4}}){_ORDINAL}\W{{0,3}}{word}", folded)]:
            figure = found.group(1)
            if figure != name.figure and not (figure.isdigit() and 1800 <= int(figure) <= 2099):  # a year
                return True
    return False
