"""What kind of answer a question asks for (a number, a duration, a date), and whether a sentence holds one.

"How many…", "neçə…", "сколько…" ask for a number; "how long…", "как долго…" for a duration (a number and
a unit of time); "when…", "nə vaxt…", "когда…" for a date. The
composer prefers, among sentences that match the question, one that holds the kind of answer asked for:
it is the classic expected-answer-type cue of question answering, written once per language.

Usage::

    kind = expected_kind("How many applications were received?", "en")   # "number"
    holds(kind, "In total 57851 applications were received.")            # True
"""

from __future__ import annotations

import re

from pressbot.retrieval.analyzer import normalize

NUMBER = "number"
DURATION = "duration"
DATE = "date"

# Questions, matched on normalized text (lower case; Azerbaijani letters folded: ə→e, ı→i, ç→c ...).
_ASKS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        (DATE, re.compile(r"\b(when|since when|(what|which) (year|date|day|month))\b")),
        (DURATION, re.compile(r"\b(how (long|soon)|within how (many|much) (days|weeks|months|years|hours))\b")),
        (NUMBER, re.compile(r"\b(how (many|much|often|old)|what (number|percentage|share))\b")),
    ],
    "az": [
        (DATE, re.compile(r"\b(ne vaxt|hacan|hansi (il|tarix|gun|ay)\w*|nececi il\w*)\b")),
        (DURATION, re.compile(r"\b(ne qeder (muddet|vaxt)|nece (gun|hefte|ay|il|saat)\w*)\b")),
        (NUMBER, re.compile(r"\b(nece|ne qeder|nece\w+)\b")),
    ],
    "ru": [
        (DATE, re.compile(r"\b(когда|с каких пор|(с |до )?какого числа|в каком году|какого года|какого месяца)\b")),
        (DURATION, re.compile(r"\b(как долго|какой срок|в течение какого|за какой срок|за сколько (дней|недель|"
                              r"месяцев|лет|часов))\b")),
        (NUMBER, re.compile(r"\b(скольк\w*|каково количество|какое количество)\b")),
    ],
}

_NUMBER_WORDS = frozenset(
    # en
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "thousand million half dozen "
    # az (folded)
    "bir iki uc dord bes alti yeddi sekkiz doqquz on iyirmi otuz qirx elli yuz min milyon yarim "
    # ru
    "один одна одно два две три четыре пять шесть семь восемь девять десять двадцать тридцать сорок "
    "пятьдесят сто тысяча тысяч миллион половина".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr "
    "январь января февраль февраля март марта апрель апреля мая май июнь июня июль июля август августа "
    "сентябрь сентября октябрь октября ноябрь ноября декабрь декабря".split()
)
_DIGITS = re.compile(r"\d")
# "1.1." or "2)" opening a list item numbers the item; it is not a figure the sentence states.
_ENUMERATION = re.compile(r"^\s*(\d+[.)])+\s*")
_UNITS = ("day", "week", "month", "year", "hour", "minute", "gun", "hefte", "ay", "il", "saat", "deqiq",
          "ден", "дн", "недел", "месяц", "год", "лет", "час", "минут", "сут")
_QUANTITY = re.compile(r"(\d++|\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))\b\W*+(\w++\W++)?("
                       + "|".join(_UNITS) + r")", re.IGNORECASE)
_YEAR_OR_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_WORD = re.compile(r"\w+")


def expected_kind(question: str, lang: str) -> str | None:
    """NUMBER or DATE when the question asks for one, else None."""
    text = normalize(question, lang)
    for kind, pattern in _ASKS.get(lang, []):
        if pattern.search(text):
            return kind
    return None


def holds(kind: str | None, sentence: str, lang: str = "en") -> bool:
    """Whether a sentence states something of the kind asked for."""
    if kind is None:
        return False
    text = _ENUMERATION.sub("", normalize(sentence, lang))
    words = set(_WORD.findall(text))
    if kind == DATE:
        return bool(_YEAR_OR_DATE.search(text)) or bool(words & _MONTHS)
    if kind == DURATION:
        return bool(_QUANTITY.search(text))
    return bool(_DIGITS.search(text)) or bool(words & _NUMBER_WORDS)
