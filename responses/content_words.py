"""Whether a question's word is a content word, a thing it asks about, or the chat and grammar around it.

A question's word that no release uses is either what the question is about ("pension", "погода", "maaş",
"Canada": the releases say nothing of it) or words people wrap a question in: greetings and politeness
("good evening", "пожалуйста", "salam": the conversation phrases), question words ("kimlə", "harda"), verbs
and their forms ("handling",
"регулируется", "götürmək", "çıxır"), particles and adverbs ("вообще", "нужен"), shorthand of three letters or
fewer ("екб", "f1") and figures. Only the first kind decides that the quotes are about something else; the
others are read past (decision.unknown_topic). The word classes are each language's grammar, not any agency's:
endings of verb forms, and a few words of modality and emphasis.

Usage::

    is_content("pension", "en")        # True
    is_content("handling", "en")       # False: a verb form
    is_content("götürmək", "az")       # False: an infinitive
    is_content("погода", "ru")         # True
"""

from __future__ import annotations

import functools
import re

from pressbot.responses.conversation import chat_words
from pressbot.retrieval.analyzer import normalize

# A content word has more letters than this: shorter unknown words are shorthand ("екб", "f1", "gmc").
SHORTHAND = 3

# Endings of verb forms per language, on normalized words (Azerbaijani letters folded: ə→e, ı→i, ü→u, ö→o ...).
_VERB = {
    "en": re.compile(r"(ed|ing)$"),
    # Infinitive (-maq/-mək), present (-ır/-ir/-ur/-ür and its persons), past (-ıb, -dı, -mış), future
    # (-acaq/-əcək), passive stems (-ıl/-il/-ul/-ül, -ın/-in), participles (-an/-ən after y: "işləyən").
    "az": re.compile(r"(maq|mek|maga|meye|mag|meg|[iu]r(am|em|iq|ik|san|sen|siniz|lar|ler|dir|dur)?|[iu]b(dir|dur)?|"
                     r"(d|t)[iu](r|m|q|k|lar|ler)?|m[iu]s(dir|dur)?|acaq|ecek|yan|yen|[iu]l|[iu]lir|[iu]lur|"
                     r"[iu]lib|[iu]lub|[iu]lmaq|[iu]lmek)(m[iu])?$"),  # "verilirmi": the question particle after it
    # Infinitive, finite forms (-ет, -ит, -ют, -ят, -ешь, -ишь), reflexive (-ся, -сь), past (-л, -ла, -ли, -ло),
    # imperative ("подскажите"), participles (-щий, -вший); not "-ат", which ends more nouns ("штат",
    # "результат") than unknown verbs.
    "ru": re.compile(r"(ть|ти|ет|ёт|ит|ут|ют|ят|ешь|ишь|ем|им|ете|ите|ся|сь|л|ла|ли|ло|щий|щая|щее|щие|вший)$"),
}
# Question words in their forms ("kimlə", "haradan", "скольки"), also as people type them in a chat ("harda" for
# "harada", "neche" for "neçə", "скока" for "сколько"), normalized.
_ASKING = {
    "en": "what which who whom whose where when why how whats",
    "az": "kim kime kimi kimin kimle kimnen kimden kimler ne neye neyi neden neyle niye nie hara harda harada haradan "
          "hardan haraya hansi hansina hansini hansinda hansindan nece neche necedir necedi neceye neceden nevaxt",
    "ru": "что чего чему чем кто кого кому кем где куда откуда когда почему зачем как какой какая какое какие "
          "каким какого какому скольк сколько скольки скока скоко чей чья чьё чьи чё че шо",
}
# Words of modality and emphasis that are no verb forms ("вообще", "нужен", "really"), indefinite pronouns
# ("anything", "things") and irregular verb forms ("meant"), normalized.
_GRAMMAR = {
    "en": frozenset(("really actually just maybe possible possibly anyway still ever even fast quickly soon "
                     "thing things anything something everything nothing stuff anyone someone everyone "
                     "meant went got gone made took taken gave given came become became " + _ASKING["en"]).split()),
    "az": frozenset(("lazim lazimdir lazimdi mumkun mumkundur olar hec hele artiq yene gore " + _ASKING["az"]).split()),
    "ru": frozenset(("вообще нужен нужна нужно нужны надо можно нельзя поводу вопрос вопросу вопросом ли же уже "
                     "ещё еще вот это " + _ASKING["ru"]).split()),
}


@functools.lru_cache(maxsize=1)
def _chat() -> frozenset[str]:
    return chat_words()


def is_content(word: str, lang: str) -> bool:
    """Whether a question's word (as typed) names a thing: not a conversation word, a verb form, a word of
    modality or emphasis, shorthand or a figure."""
    text = normalize(word, lang)
    if len(text) <= SHORTHAND or not text.isalpha():
        return False
    if text in _chat() or text in _GRAMMAR.get(lang, frozenset()):
        return False
    verb = _VERB.get(lang)
    return verb is None or not verb.search(text)
