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

Of the words read past, the light ones (`is_light`: each language's generic verbs "get", "almaq", "получить" in
their forms, and its words of modality "lazımdır", "нужны") are also no topic where a kind is asked: a quote that
shares only those with the question is about something else (decision.topic_share).

Usage::

    is_content("pension", "en")        # True
    is_content("handling", "en")       # False: a verb form
    is_content("götürmək", "az")       # False: an infinitive
    is_content("погода", "ru")         # True
    is_content("yoldaşım", "az")       # False: the person asked for ("my spouse")
    is_light("almaq", "az")            # True: "get", a verb any question may ask with
    is_light("işləmək", "az")          # False: "work" says what is asked
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
    # -ed and -ing after a stem that holds a vowel ("handl-ing", "us-ed", "go-ing"; not "king", "spring", "shed"),
    # -eed only after a syllable ("agr-eed"; not "speed", "need", "seed"): the Porter stemmer's conditions.
    "en": re.compile(r"^([^aeiouy]*[aeiouy][^aeiouy]+eed|(?!.*eed$)[^aeiouy]*[aeiouy].*(ed|ing))$"),
    # Infinitive (-maq/-mək), present (-ır/-ir/-ur/-ür and its persons; after a vowel -yır: "işləyir", so a vowel
    # before a bare -ir is no present: "Əlcəzair"), past (-ıb, -dı, -mış), future (-acaq/-əcək), passive forms
    # (-ılır, -ılıb, -ılmaq; a bare passive stem -ıl is no form people ask with: "qızıl" is gold), participles
    # (-an/-ən after y: "işləyən").
    "az": re.compile(r"(maq|mek|maga|meye|mag|meg|(y|[^aeiou])[iu]r(am|em|iq|ik|san|sen|siniz|lar|ler|dir|dur)?|"
                     r"[iu]b(dir|dur)?|(d|t)[iu](r|m|q|k|lar|ler)?|m[iu]s(dir|dur)?|acaq|ecek|yan|yen|"
                     r"[iu]lir|[iu]lur|[iu]lib|[iu]lub|[iu]lmaq|[iu]lmek)(m[iu])?$"),  # "verilirmi": question particle
    # Infinitive, finite forms (-ет, -ит, -ют, -ят, -ешь, -ишь, -аю: "снимаю"), reflexive (-ся, -сь), past (-л,
    # -ла, -ли, -ло), imperative ("подскажите"), participles (-щий, -вший); not "-ат", which ends more nouns
    # ("штат", "результат") than unknown verbs.
    "ru": re.compile(r"(ть|ти|ет|ёт|ит|ут|ют|ят|ешь|ишь|ем|им|ете|ите|ся|сь|л|ла|ли|ло|щий|щая|щее|щие|вший|"
                     r"аю|яю|ею)$"),
}
# The verb endings names of places and people also have ("Misir", "Sinqapur", "Nadir", "Aqil", "Египет", "Кабул",
# "Дели", "Бейрут"): a capitalised word ending so is read as a name. The endings only verbs have
# (infinitives, persons, reflexives, imperatives: "Çıxmaq", "Выдается", "Подскажите") are verb forms capitalised
# too, as a question's first word is.
_NAME_LIKE = {
    "az": re.compile(r"([iu]r|[iu]b|(d|t)[iu]|yan|yen)$"),
    "ru": re.compile(r"(ет|ёт|ит|ут|ют|ят|ем|им|л|ла|ли|ло)$"),
}
# Question words in their forms ("kimlə", "haradan", "скольки"), also as people type them in a chat ("harda" for
# "harada", "neche" for "neçə", "скока" for "сколько"), normalized.
_ASKING = {
    "en": "what which who whom whose where when why how whats",
    "az": "kim kime kimi kimin kimle kimnen kimden kimler ne neye neyi neden neyle niye nie hara harda harada haradan "
          "hardan haraya hansi hansina hansini hansinda hansindan nece neche necedir necedi neceye neceden nevaxt",
    "ru": "что чего чему чем кто кого кому кем где куда откуда когда почему зачем как какой какая какое какие "
          "каким какого какому скольк сколько скольки скольким скольких скока скоко чей чья чьё чьи чё че шо",
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
# is asked. Stems of normalized words: a word beginning with a long one is such a person ("yoldasim", "супруги"); a
# short one (SHORT_STEM letters or fewer) must be followed by nothing but the language's endings (_ENDINGS: "anam",
# "мужу"), so that words merely beginning like one stay what they are ("analiz", "Женева", "папка", "Mumbai").
_PERSONS = {
    "en": ("wife", "wives", "husband", "spouse", "son", "sons", "daughter", "child", "kid", "baby", "babies", "mother",
           "father", "mom", "mum", "dad", "parent", "brother", "sister", "sibling", "grandmother", "grandfather",
           "grandma", "grandpa", "granny", "grandson", "granddaughter", "grandchild", "aunt", "uncle", "nephew",
           "niece", "cousin", "fiance", "girlfriend", "boyfriend", "friend", "relative", "pensioner", "retiree",
           "student", "tourist", "neighbo", "colleague", "boss", "employer", "family", "families", "myself"),
    "az": ("arvad", "yoldas", "erim", "ogl", "qiz", "usaq", "korpe", "ana", "ata", "qardas", "baci", "nene", "baba",
           "xala", "bibi", "emi", "dayi", "nisanli", "dost", "qohum", "teqaudcu", "telebe", "turist", "qonsu", "aile",
           "ozum"),
    "ru": ("жен", "муж", "супруг", "сын", "сыновь", "доч", "дочер", "дочк", "ребенок", "ребенк", "дет", "мам", "пап",
           "мать", "матер", "отец", "отц", "родител", "брат", "сестр", "бабушк", "дедушк", "внук", "внучк", "тет",
           "дяд", "племянни", "невест", "жених", "друг", "друз", "подруг", "родствен", "пенсионер", "студент",
           "турист", "сосед", "соседк", "коллег", "начальник", "работодател", "семь", "себ"),
}
# A short stem has this many letters or fewer.
SHORT_STEM = 5
# What may follow a short stem of _PERSONS and _OCCASIONS, per language, on normalized words: plurals and the
# familiar forms ("kids", "children", "mummy"); Azerbaijani plural, possessive, case and copula in their order
# ("usaqlarimin", "anamdir", "qizina"); Russian noun cases ("жене", "детьми", "семьей").
_ENDINGS = {
    "en": re.compile(r"(s|es|ren|dy|my|ie|ies)?"),
    "az": re.compile(r"(l[ae]r)?([iu]m|[iu]n|[iu]m[iu]z|[iu]n[iu]z|m|n|m[iu]z|n[iu]z|s?[iu]|l[ae]r[iu])?"
                     r"(n?[iu]n|y?[ae]|n?[iu]|n?d[ae]|n?d[ae]n|y?l[ae]|il[ae])?(d[iu]r|d[iu])?"),
    "ru": re.compile(r"(а|я|у|ю|е|ы|и|о|ь|ой|ей|ою|ею|ом|ем|ам|ям|ами|ями|ах|ях|ов|ев|ья|ьи|ье|ью|ьей|ьям|ьями|"
                     r"ьях|ьев|ьми)?"),
}


# The light verbs of each language, normalized: the generic verbs any question is asked with ("how to get ...",
# "necə almaq olar", "как получить ..."), which name no topic of their own; their forms by the language's verb
# endings (_VERB; Azerbaijani and Russian stems, whole English forms). "almaq" (get) names nothing of a visa to
# Canada that a passport's documents list would be about.
_LIGHT_FORMS = {
    "en": frozenset(("get gets getting got gotten obtain obtains obtained obtaining do does did done doing make makes "
                     "made making give gives gave given giving take takes took taken taking have has had having need "
                     "needs needed want wants wanted").split()),
}
_LIGHT_STEMS = {
    "az": ("al", "ol", "ver", "et", "ed", "ele", "eyle"),
    "ru": ("получ", "сдела", "дела", "дать", "даю", "дад", "дает", "даёт", "брат", "бер", "взя", "возьм"),
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
    return not _verb(word, text, lang)


def _verb(word: str, text: str, lang: str) -> bool:
    """Whether a word (as typed, and normalized) is a verb form by its ending (_VERB), unless it is a capitalised
    name with an ending names have too (_NAME_LIKE)."""
    verb = _VERB.get(lang)
    if verb is None or not verb.search(text):
        return False
    name_like = _NAME_LIKE.get(lang)
    return not (word[:1].isupper() and name_like is not None and name_like.search(text))


def _person(text: str, lang: str) -> bool:
    """Whether a normalized word names a person a question is asked for (_PERSONS) or its occasion (_OCCASIONS): a
    stem of SHORT_STEM letters or fewer must be the whole word or the word with the language's endings ("ana",
    "anam"; "муж", "мужу"), a longer one begins it ("yoldasim", "pensioners")."""
    endings = _ENDINGS.get(lang)
    for stem in (*_PERSONS.get(lang, ()), *_OCCASIONS.get(lang, ())):
        if text.startswith(stem) and (len(stem) > SHORT_STEM
                                      or (endings is not None and endings.fullmatch(text, len(stem)))):
            return True
    return False


def is_light(word: str, lang: str) -> bool:
    """Whether a question's word (as typed) only carries the asking: one of the language's light verbs in any of its
    forms ("get", "almaq", "olar", "получить") or a word of modality ("lazımdır", "нужны", "можно": _GRAMMAR's, not
    its question words). Such a word names no topic; the releases use it about anything."""
    text = normalize(word, lang)
    if text in _LIGHT_FORMS.get(lang, frozenset()):
        return True
    if text in _GRAMMAR.get(lang, frozenset()) and text not in _ASKING.get(lang, "").split():
        return True
    verb = _VERB.get(lang)
    found = verb.search(text) if verb is not None else None
    # the verb's ending right after the stem, or one letter on (a passive "al-ın-ır", a stem vowel "получ-и-ть")
    return any(text == stem or (text.startswith(stem) and found is not None and found.start() <= len(stem) + 1)
               for stem in _LIGHT_STEMS.get(lang, ()))
