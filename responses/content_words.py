"""Whether a question's word is a content word, a thing it asks about, or the chat and grammar around it.

A question's word that no release uses is either what the question is about ("pension", "погода", "maaş", "Canada":
the releases say nothing of it) or words people wrap a question in: greetings and politeness ("good evening",
"пожалуйста", "salam": the conversation phrases), question words ("kimlə", "harda"), verbs and their forms
("handling", "регулируется", "götürmək", "çıxır"), particles, adverbs and words of time ("вообще", "нужен",
"yesterday"), the people a question is asked for and its occasion ("my wife", "nənəm", "сестра", "командировка": the
releases name people by their status, foreigners or citizens), shorthand of three letters or fewer ("екб", "f1") and
figures. Only the first kind decides that the quotes are about something else; the others are read past
(decision.unknown_topic). The word classes are each language's grammar and everyday words, not any agency's: endings
of verb forms, words of modality, emphasis and time, kinship and travel.

Usage::

    is_content("pension", "en")        # True
    is_content("handling", "en")       # False: a verb form
    is_content("götürmək", "az")       # False: an infinitive
    is_content("погода", "ru")         # True
    is_content("yoldaşım", "az")       # False: the person asked for ("my spouse")
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
    # Infinitive, finite forms (-ет, -ит, -ют, -ят, -ешь, -ишь, -аю: "снимаю"), reflexive (-ся, -сь), past (-л,
    # -ла, -ли, -ло), imperative ("подскажите"), participles (-щий, -вший); not "-ат", which ends more nouns
    # ("штат", "результат") than unknown verbs.
    "ru": re.compile(r"(ть|ти|ет|ёт|ит|ут|ют|ят|ешь|ишь|ем|им|ете|ите|ся|сь|л|ла|ли|ло|щий|щая|щее|щие|вший|"
                     r"аю|яю|ею)$"),
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
# ("anything", "things"), irregular verb forms ("meant") and words of time ("yesterday", "bugün", "сегодня"),
# normalized.
_GRAMMAR = {
    "en": frozenset(("really actually just maybe possible possibly anyway still ever even fast quickly soon "
                     "thing things anything something everything nothing stuff anyone someone everyone "
                     "meant went got gone made took taken gave given came become became "
                     "today tomorrow yesterday now tonight currently " + _ASKING["en"]).split()),
    "az": frozenset(("lazim lazimdir lazimdi mumkun mumkundur olar hec hele artiq yene gore "
                     "bugun dunen sabah indi hazirda " + _ASKING["az"]).split()),
    "ru": frozenset(("вообще нужен нужна нужно нужны надо можно нельзя поводу вопрос вопросу вопросом ли же уже "
                     "ещё еще вот это сегодня вчера завтра сейчас " + _ASKING["ru"]).split()),
}

# Why or how the asker travels or stays ("on vacation", "ezamiyyətə gedirəm", "командировка"): the occasion of
# a question, not what it asks. Stems, as for _PERSONS.
_OCCASIONS = {
    "en": ("trip", "vacation", "holiday", "honeymoon", "weekend"),
    "az": ("ezamiyyet", "tetil", "mezuniyyet", "istirahet", "heftesonu"),
    "ru": ("командировк", "отпуск", "поездк", "путешеств", "каникул", "отдых", "выходн"),
}
# The people a question is asked for ("can my wife…", "nənəm xaricdədir…", "сестра хочет…", "pensioners"): who the
# asker is or asks about, which the releases name by their status (foreigners, citizens, family members), not what
# is asked. Stems of normalized words: a word beginning with one is such a person ("yoldasim", "супруги").
_PERSONS = {
    "en": ("wife", "wives", "husband", "spouse", "son", "sons", "daughter", "child", "kid", "baby", "babies", "mother",
           "father", "mom", "mum", "dad", "parent", "brother", "sister", "sibling", "grandmother", "grandfather",
           "grandma", "grandpa", "granny", "grandson", "granddaughter", "grandchild", "aunt", "uncle", "nephew",
           "niece", "cousin", "fiance", "girlfriend", "boyfriend", "friend", "relative", "pensioner", "retiree",
           "student", "tourist", "neighbo", "colleague", "boss", "employer", "family", "families", "myself"),
    "az": ("arvad", "yoldas", "erim", "ogl", "qiz", "usaq", "korpe", "ana", "ata", "qardas", "baci", "nene", "baba",
           "xala", "bibi", "emi", "dayi", "nisanli", "dost", "qohum", "teqaudcu", "telebe", "turist", "qonsu", "aile",
           "ozum"),
    "ru": ("жен", "муж", "супруг", "сын", "доч", "ребен", "ребён", "дет", "мам", "пап", "мать", "матер", "отец", "отц",
           "родител", "брат", "сестр", "бабушк", "дедушк", "внук", "внучк", "тет", "дяд", "племянни", "невест",
           "жених", "друг", "подруг", "родствен", "пенсионер", "студент", "турист", "сосед", "коллег", "начальник",
           "работодател", "семь", "себ"),
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
    if _person(text, lang):
        return False
    verb = _VERB.get(lang)
    return verb is None or not verb.search(text)


def _person(text: str, lang: str) -> bool:
    """Whether a normalized word names a person a question is asked for (_PERSONS) or its occasion (_OCCASIONS): a
    stem of three letters or fewer must be the whole word or the word with an ending of up to three letters ("ana",
    "anam"; "муж", "мужу"), a longer one begins it ("yoldasim", "сестре", "pensioners")."""
    for stem in (*_PERSONS.get(lang, ()), *_OCCASIONS.get(lang, ())):
        if text.startswith(stem) and (len(stem) > 3 or len(text) - len(stem) <= 3):
            return True
    return False
