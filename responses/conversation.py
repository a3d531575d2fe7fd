"""Conversation words: greetings, thanks, "ok", "more", "help", goodbyes — and messages with no content word.

People talk to a chat bot as to a person. "salam", "спасибо" or "more" are not questions about the
press releases: searching them quotes whatever release happens to say "thank" ("thanked the
President"), and the abstention template echoes them back as unanswered questions. A message made
only of such words gets a short friendly reply in its language with example questions instead; a
message with no content word at all (only numbers, symbols or stopwords: "2020", "{{ 7*7 }}", "???")
is never answered with quotes either.

A message is conversation when its words, read left to right, are entirely conversation phrases
(and a few fillers such as "please", "bot"), compared after the analyzer's normalization, so that
Azerbaijani typed without its letters ("sag ol", "tesekkur") matches as written ("sağ ol",
"təşəkkür").

Usage::

    turn = recognize("sag olun!")
    turn.act, turn.lang      # ('thanks', 'az')
    recognize("salam, pasport nece alinir?")   # None: a question follows the greeting
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pressbot.retrieval.analyzer import normalize, tokenize

# Acts, most specific first: a message mixing two ("ok thanks", "hi, help") gets the first one's reply.
ACTS = ("more", "help", "about", "thanks", "bye", "greeting", "ack", "empty")

# Phrases per act and language, as people type them (any case, with or without Azerbaijani letters:
# both are normalized the same way before comparing).
_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "greeting": {
        "en": ("hi", "hello", "hey", "hiya", "hi there", "hello there", "good morning", "good afternoon",
               "good evening", "greetings", "how are you", "good day", "hey there", "hi all", "hello everyone",
               "yo", "howdy", "morning", "hi hi"),
        "az": ("salam", "salamlar", "salam aleykum", "salam əleyküm", "sabahınız xeyir", "sabahın xeyir",
               "günortanız xeyir", "axşamınız xeyir", "necəsən", "necəsiniz", "necə sən", "xoş gördük"),
        "ru": ("привет", "здравствуйте", "здравствуй", "здрасте", "добрый день", "доброе утро", "добрый вечер",
               "приветствую", "как дела", "доброго дня", "салам", "салют", "хай", "здрасьте", "доброй ночи",
               "всем привет", "privet"),
    },
    "thanks": {
        "en": ("thanks", "thank you", "thanks a lot", "many thanks", "thank you very much", "thank you so much",
               "thx", "ty", "cheers", "thanks a lot for your help", "thank you for your help", "thx a lot",
               "thanks so much", "tysm", "thanx", "tnx", "much appreciated", "appreciate it", "thanks for help",
               "thank u"),
        "az": ("sağ ol", "sağ olun", "sağol", "sağolun", "çox sağ ol", "çox sağ olun", "təşəkkür", "təşəkkürlər",
               "təşəkkür edirəm", "çox təşəkkür", "çox təşəkkürlər", "çox təşəkkür edirəm", "minnətdaram",
               "təşəkkür edirik", "kömək etdiniz", "köməyinizə görə təşəkkür", "allah razı olsun", "çox sağ olasız",
               "sağ olasız", "çox minnətdaram"),
        "ru": ("спасибо", "спасибо большое", "большое спасибо", "благодарю", "спс", "огромное спасибо", "благодарю вас",
               "спасибо за помощь", "пасиб", "пасибо", "спасибки", "сенкс", "мерси", "вы помогли",
               "спасибо вам большое", "spasibo", "spasibo bolshoe"),
    },
    "ack": {
        "en": ("ok", "okay", "k", "fine", "great", "good", "cool", "got it", "i see", "alright", "all right",
               "yes", "no", "nice", "okey", "oki", "okie", "understood", "clear", "perfect", "noted", "sure",
               "ok ok", "i understand", "makes sense"),
        "az": ("ok", "oldu", "yaxşı", "əla", "aydındır", "anladım", "hə", "bəli", "yox", "super", "okey", "başa düşdüm",
               "aydın oldu", "anlaşıldı", "çox yaxşı", "oldu sağ ol"),
        "ru": ("ок", "окей", "хорошо", "понятно", "ясно", "ладно", "отлично", "да", "нет", "супер", "понял", "поняла",
               "поняли", "понятненько", "угу", "ага", "договорились", "принято", "хорошо понял"),
    },
    "more": {
        "en": ("more", "next", "show more", "more please", "continue", "tell me more"),
        "az": ("daha", "daha çox", "davam", "davam et", "növbəti", "başqa"),
        "ru": ("ещё", "еще", "дальше", "больше", "следующий", "продолжи", "продолжай", "ещё есть"),
    },
    "help": {
        "en": ("help", "help me", "menu", "what can you do", "how does it work", "what do you do"),
        "az": ("kömək", "kömək et", "kömək edin", "köməklik", "menyu", "nə edə bilərsən"),
        "ru": ("помощь", "помоги", "помогите", "справка", "меню", "что ты умеешь", "что вы умеете"),
    },
    "about": {  # questions about the bot itself, not about the releases
        "en": ("are you a bot", "are you a robot", "are you human", "are you a person", "are you real",
               "who are you", "what are you", "is this a bot", "am i talking to a bot", "are you ai"),
        "az": ("sən botsan", "siz botsunuz", "sən robotsan", "siz robotsunuz", "sən kimsən", "siz kimsiniz",
               "bu botdur", "sən insansan", "siz insansınız"),
        "ru": ("ты бот", "вы бот", "ты робот", "вы робот", "кто ты", "кто вы", "ты человек", "вы человек",
               "это бот", "ты живой", "вы живой человек"),
    },
    "bye": {
        "en": ("bye", "goodbye", "bye bye", "see you", "good night", "see you later"),
        "az": ("hələlik", "görüşənədək", "xudahafiz", "sağlıqla qalın", "gecəniz xeyrə qalsın"),
        "ru": ("пока", "до свидания", "всего доброго", "спокойной ночи", "до встречи"),
    },
}
# Words that may surround conversation phrases without making a question ("thanks bot", "ok please").
_FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("please", "pls", "bot", "dear", "so", "very", "much", "again", "and", "oh", "well"),
    "az": ("zəhmət olmasa", "bot", "əziz", "və", "çox"),
    "ru": ("пожалуйста", "бот", "очень", "и", "ну", "вам", "тебе", "а", "ок"),
}
# More of what people send that is not a question: asking for help without a question ("can you help me"),
# checking that someone is there ("are you there?", "ты тут?"), thanks that say what for ("thanks for the info",
# "спасибо большое за информацию"), colloquial forms ("how r u", "necəsiz"). Merged into the tables above.
_MORE_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "greeting": {
        "en": ("how r u", "how are u", "how r you", "are you there", "anybody here", "anyone here", "anyone there",
               "is anyone there", "hello again"),
        "az": ("necəsiz", "burdasız", "burdasan", "burada kimsə var"),
        "ru": ("ты тут", "вы тут", "ты здесь", "вы здесь", "есть кто", "есть кто нибудь", "кто нибудь есть",
               "как ты", "как вы", "как поживаете"),
    },
    "thanks": {
        "en": ("that helps", "that helped", "that was helpful", "very helpful", "helpful", "thanks for the info",
               "thanks for the information", "thank you for the information", "thanks for the answer",
               "thank you for the answer", "thanks for your answer"),
        "az": ("məlumat üçün təşəkkür", "məlumat üçün sağ olun", "cavab üçün təşəkkür", "cavab üçün sağ olun",
               "çox kömək etdiniz", "kömək etdin"),
        "ru": ("спасибо за информацию", "спасибо за ответ", "вы очень помогли", "очень помогли", "помогли",
               "спасибо помогли"),
    },
    "help": {
        "en": ("can you help me", "can you help", "could you help me", "i need help", "need help", "help please",
               "what can i ask", "what can i ask you", "what should i ask", "how to use", "how do i use you",
               "what are you able to do", "what else can you do"),
        "az": ("mənə kömək edin", "mənə kömək et", "kömək lazımdır", "köməyə ehtiyacım var", "nə soruşa bilərəm",
               "nə soruşum", "necə istifadə edim", "nə bacarırsan", "sən nə bacarırsan", "nə edə bilirsən",
               "sən nə edə bilərsən"),
        "ru": ("мне нужна помощь", "нужна помощь", "можете помочь", "можешь помочь", "помогите мне",
               "что можно спросить", "что у тебя спросить", "что спросить", "как пользоваться",
               "что умеешь", "что ты можешь", "что можешь", "что вы можете", "что умеет бот"),
    },
    "more": {  # asking for more detail on the last answer: what the More button does
        "en": ("more details", "more detail", "in more detail", "more info", "details please", "give me more",
               "elaborate"),
        "az": ("ətraflı", "daha ətraflı", "ətraflı yaz", "daha ətraflı yaz", "ətraflı de", "daha ətraflı de",
               "ətraflı izah et", "davamı", "davamını yaz"),
        "ru": ("подробнее", "поподробнее", "а подробнее", "расскажи подробнее", "расскажите подробнее",
               "напиши подробнее", "напишите подробнее", "продолжение"),
    },
    "about": {  # the other half of "are you a bot or a real person", "ты бот или человек", "botsan yoxsa insan"
        "en": ("or a real person", "or a person", "or a human", "or human", "or a bot", "or a robot", "or real",
               "or a real human", "are you a real person"),
        "az": ("yoxsa insan", "yoxsa insansan", "yoxsa bot", "yoxsa robot", "ya insan", "yoxsa canlı insan"),
        "ru": ("или человек", "или живой человек", "или бот", "или робот", "или живой"),
    },
    "ack": {
        "en": ("hmm", "hm", "lol", "haha", "ah ok", "oh ok", "ok then"),
        "az": ("hmm", "aha", "başa düşdüm sağ ol", "hə yaxşı"),
        "ru": ("хм", "ааа", "а понятно", "ну ладно", "ясненько"),
    },
}
# Words that may stand before or after conversation phrases too ("здравствуйте, подскажите пожалуйста").
_MORE_FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("excuse me", "hey", "you", "guys", "sir", "madam", "a lot"),
    "az": ("bir", "sualım var", "sizə", "sənə", "siz", "sən"),
    "ru": ("подскажите", "скажите", "вы", "ты", "мне", "большое", "за информацию", "за ответ", "за помощь"),
}
# A typed word matches a phrase's word one edit away ("thnaks", "spasibo" for "спасибо" is a phrase of its own)
# only when both are at least this long: shorter words are too close to other words ("more" / "move").
_FUZZY_LENGTH = 5


@dataclass(frozen=True)
class Turn:
    """A message that is conversation, not a question: what it does and the language it shows (None when
    its words belong to several languages, like "ok")."""

    act: str
    lang: str | None


# English chat shorthand read as the words it stands for, in the phrases and in what people type alike ("are u a
# bot", "thx"): one table instead of each phrase written once more with each shorthand.
_SHORTHAND = {"u": "you", "r": "are", "ur": "your", "plz": "please", "thx": "thanks", "thnx": "thanks"}


def _key(text: str) -> tuple[str, ...]:
    return tuple(_SHORTHAND.get(word, word) for word in tokenize(normalize(text, "az")))


# Languages whose word order is free: a phrase of up to three words is recognized in any order ("что ты умеешь",
# "ты что умеешь", "умеешь что ты").
FREE_ORDER = frozenset({"ru"})


def _table() -> dict[tuple[str, ...], tuple[str | None, set[str]]]:
    """Normalized phrase → (act, languages), a FREE_ORDER language's short phrases in every order; fillers have
    no act."""
    table: dict[tuple[str, ...], tuple[str | None, set[str]]] = {}
    for acts in (_PHRASES, _MORE_PHRASES):
        for act, by_lang in acts.items():
            for lang, phrases in by_lang.items():
                for phrase in phrases:
                    key = _key(phrase)
                    orders = itertools.permutations(key) if lang in FREE_ORDER and len(key) <= 3 else [key]
                    for order in orders:
                        table.setdefault(tuple(order), (act, set()))[1].add(lang)
    for fillers in (_FILLERS, _MORE_FILLERS):
        for lang, words in fillers.items():
            for word in words:
                table.setdefault(_key(word), (None, set()))[1].add(lang)
    return table


_TABLE = _table()
_LONGEST = max(len(k) for k in _TABLE)


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _by_lengths() -> dict[tuple[int, ...], list[tuple[int, tuple[str, ...]]]]:
    """The phrase table indexed by the lengths of a phrase's words, each phrase with its place in the table."""
    index: dict[tuple[int, ...], list[tuple[int, tuple[str, ...]]]] = {}
    for at, key in enumerate(_TABLE):
        index.setdefault(tuple(len(k) for k in key), []).append((at, key))
    return index


_BY_LENGTHS = _by_lengths()


def _lengths(word: str) -> tuple[int, ...]:
    """The lengths a phrase's word may have to be `word` or one edit from it: a short word only its own."""
    n = len(word)
    return (n,) if n < _FUZZY_LENGTH else tuple(m for m in (n - 1, n, n + 1) if m >= _FUZZY_LENGTH)


def _near(words: tuple[str, ...]) -> tuple[str | None, set[str]] | None:
    """A phrase of the same length whose long words are each at most one edit from the typed ones (typos).

    Only phrases whose words are as long as the typed ones, or one letter longer or shorter, can be one edit
    away, so only those buckets of the table are looked at (a miss no longer scans the whole table); among
    several near phrases the one first in the table wins, as in a scan of the whole table."""
    candidates = sorted(entry for lengths in itertools.product(*map(_lengths, words))
                        for entry in _BY_LENGTHS.get(lengths, ()))
    for _, key in candidates:
        if any(k != w for k, w in zip(key, words, strict=True)) and all(
                k == w or (min(len(k), len(w)) >= _FUZZY_LENGTH and _one_edit(k, w))
                for k, w in zip(key, words, strict=True)):
            return _TABLE[key]
    return None


def recognize(text: str) -> Turn | None:
    """The conversation act of a message made only of conversation words, or None for anything else."""
    words = _key(text)
    if not words or len(words) > 3 * _LONGEST:
        return None
    acts: set[str] = set()
    votes: dict[str, int] = {}
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            found = _TABLE.get(words[i : i + n]) or _near(words[i : i + n])
            if found is not None:
                break
        else:
            return None
        act, langs = found
        if act is not None:
            acts.add(act)
        if len(langs) == 1:
            lang = next(iter(langs))
            votes[lang] = votes.get(lang, 0) + 1
        i += n
    if not acts:
        return None
    return Turn(next(a for a in ACTS if a in acts), max(votes, key=lambda k: votes[k]) if votes else None)


def has_content(terms: list[str]) -> bool:
    """Whether a question's analyzed terms hold a word (not only numbers): something the releases can answer."""
    return any(any(ch.isalpha() for ch in term) for term in terms)


def chat_words() -> frozenset[str]:
    """Every word of the conversation phrases and fillers, normalized ("hello", "evening", "sir", "podskazhite"):
    words a question may hold around what it asks, never what it asks about."""
    return frozenset(word for key in _TABLE for word in key)
