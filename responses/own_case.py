"""A person's own case: "my application 48213, is it ready", "iş icazəm nə vaxt hazır olacaq", "подал на ВНЖ
месяц назад, когда будет готов?".

No press release can tell one person how their application stands, yet such a question shares most of its words
with releases on the same procedure, and was answered with quotes about it. A message that both speaks of the
person's own application (`MINE`: "my application", "i applied", "müraciət etmişəm", "подал", "моё
разрешение") and asks how it stands (`STATUS`: ready, result, when will, "hazır", "nəticə", "готов", "до сих
пор"; "status" only of an application: "refugee status" is a legal status, not how one's case stands) gets a
reply in its language saying that the bot cannot see individual applications, with the agency's official
contacts (as the abstention gives them). A procedure question that merely says "I" or "my"
("i lost my passport in russia, how do i get home") names no status and is answered as before.

Phrases are compared as conversation.py compares them: after the analyzer's normalization (case and the
Azerbaijani letters folded, so "muracietim" is "müraciətim"), word by word. A phrase word ending in "*" matches
any word it begins ("готов*": "готово", "готова"); the words of a phrase come in order with at most `GAP` other
words between them ("my residence permit application").

Usage::

    own_case("my application 48213, is it ready")         # 'en'
    own_case("iş icazəm nə vaxt hazır olacaq", profile.own_case)  # 'az': "icazəm*" is the agency's phrase
    own_case("i lost my passport in russia, how do i get home")  # None
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping

from pressbot.responses.answer_types import ADDRESS, CONTACT, HOURS, LIST, MONEY, PAYMENT, PLACE, asked
from pressbot.retrieval.analyzer import normalize, tokenize

GAP = 2  # other words allowed between two words of one phrase
# A message that also asks where, which documents, what fee, which contact or hours asks about the procedure,
# which the releases may answer ("my card is ready, where do i pick it up"), not how the person's case stands.
PROCEDURE = frozenset({PLACE, ADDRESS, LIST, MONEY, PAYMENT, CONTACT, HOURS})

# The person's own application or case, per language: words of any agency. What people apply to this agency for
# ("my residence permit", "pasportum") is the agency's data: its profile's `own_case` (agency.yaml).
MINE: dict[str, tuple[str, ...]] = {
    "en": ("my application*", "my case", "my request", "my document*", "my status", "my file", "i applied",
           "i have applied", "i ve applied", "i submitted", "i have submitted", "i sent my", "we applied",
           "we submitted", "application number", "application status", "my form"),
    "az": ("müraciətim*", "müraciət etmişəm", "müraciət etmişdim", "müraciət etdim", "ərizəm*", "sənədlərim*",
           "sənəd vermişəm", "sənədləri vermişəm", "sənədlərimi vermişəm", "sənəd verdim", "statusum*",
           "müraciət nömrəsi"),
    "ru": ("подал", "подала", "подавал", "подавала", "подали", "отправил документы", "отправила документы",
           "сдал документы", "сдала документы", "мой", "моя", "моё", "мое", "мою", "моего", "моей", "мои",
           "моих", "номер заявки", "номер заявления"),
}
# Asking how it stands, per language.
STATUS: dict[str, tuple[str, ...]] = {
    "en": ("ready", "application* status", "status of my", "status of the application", "case status",
           "when will i get", "when will i receive", "when will it be", "result*", "answer*", "decision",
           "approv*", "track*", "waiting", "any news", "is it done", "where is my", "check my"),
    "az": ("hazır*", "nəticə*", "cavab*", "müraciət* status*", "nə vaxt", "hələ də", "gözləyirəm", "baxılıb",
           "baxılır", "təsdiq*", "yoxlamaq", "yoxlaya"),
    "ru": ("готов*", "статус заявк*", "статус заявлени*", "статус моего", "статус моей", "статус дела",
           "когда будет", "когда придет", "когда придёт", "ответ", "ответа", "ответили", "ответят",
           "результат*", "до сих пор", "ещё нет", "еще нет", "жду", "рассмотрел*", "рассмотрен*", "проверить",
           "проверьте", "где мой", "где моя", "одобрен*", "одобрил*"),
}


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase's words as normalized; a "*" after a word is kept (a prefix)."""
    return tuple(tokenize(normalize(w.rstrip("*"), "az"))[0] + ("*" if w.endswith("*") else "")
                 for w in text.split())


@functools.cache
def _table(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    source = MINE if kind == "mine" else STATUS
    return {lang: tuple(_phrase(p) for p in phrases) for lang, phrases in source.items()}


@functools.lru_cache(maxsize=8)  # one per served profile (a reload brings a new one)
def _mine(agency: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The generic own-application phrases with the agency's own (its profile's `own_case`) added."""
    table = dict(_table("mine"))
    for lang, phrases in agency:
        table[lang] = (*table.get(lang, ()), *(_phrase(p) for p in phrases))
    return table


def _word(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _present(pattern: str, ordered: list[str]) -> bool:
    """Whether a phrase's word matches any of a message's words (`ordered`: sorted, each once): the first word
    not below it is the word itself, or one it begins, if there is any."""
    at = bisect.bisect_left(ordered, pattern.rstrip("*"))
    return at < len(ordered) and _word(pattern, ordered[at])


def _found(phrase: tuple[str, ...], words: list[str], ordered: list[str]) -> bool:
    """Whether the phrase's words occur in order, at most GAP words apart, the first anywhere (`ordered`: the
    message's words sorted, once each, to rule a phrase out without scanning a long message)."""
    if not all(_present(p, ordered) for p in phrase):
        return False

    def rest(at: int, i: int) -> bool:
        if i == len(phrase):
            return True
        return any(_word(phrase[i], words[j]) and rest(j + 1, i + 1)
                   for j in range(at, min(len(words), at + GAP + 1)))
    return any(_word(phrase[0], w) and rest(n + 1, 1) for n, w in enumerate(words))


def own_case(text: str, agency: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """The language of the phrase that speaks of the person's own application, when the message also asks how
    it stands (in any language); None otherwise. `agency`: the agency's own phrases per language (its
    profile's `own_case`: "my residence permit*", "pasportum*"), added to the generic ones here."""
    words = tokenize(normalize(text, "az"))
    ordered = sorted(set(words))
    status = [p for phrases in _table("status").values() for p in phrases if _found(p, words, ordered)]
    if not status:
        return None
    mine = _mine(tuple(sorted(agency.items()))) if agency else _table("mine")
    own = {lang: said for lang, phrases in mine.items()
           if (said := [p for p in phrases if _found(p, words, ordered)])}
    lang = next(iter(own), None)
    found = asked(text, lang) if lang is not None else None
    if found is not None and found[0] in PROCEDURE:
        # "my card is ready, where do i pick it up" asks about the procedure; "где мой паспорт" (a status phrase
        # itself) asks how the case stands, and so does a message whose "number" is its application's
        # ("müraciət nömrəsi 77120", an own-case phrase), not a contact asked for.
        cue = set(tokenize(normalize(found[1], "az")))
        if not cue & {w.rstrip("*") for phrase in [*status, *own.get(lang or "", [])] for w in phrase}:
            return None
    return lang
