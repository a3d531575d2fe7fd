"""What kind of answer a question asks for, and whether a sentence holds one.

"How many…", "neçə…", "сколько…" ask for a number; "how long…", "как долго…" for a duration (a number and a unit
of time); "when…", "nə vaxt…", "когда…" for a date; "fee", "price", "ödəniş", "пошлина" for money (an amount in
a currency, or "free of charge"); "where", "harada", "где" for a place; "address", "ünvanı", "адрес" for a
street address (a street, avenue, building or floor, not a district: "the Ganja regional department" is none);
"phone", "e-mail", "website" for a contact; "what time", "which days", "qəbul günləri", "часы работы" for
reception hours or days; "what documents", "hansı sənədlər", "какие документы" for a list of documents or steps;
"who", "kim", "кто" for a person (or a body named as the doer: "accepted by the State Migration Service",
"принимаются Службой"); "what languages", "hansı dillərdə", "на каких языках" for languages (a
sentence holds them when it names languages, "in Azerbaijani, Russian and English", "rus dilində", "на трёх
языках"); "when was X set up", "nə vaxt yaradılıb", "когда создана" for the date it was founded (a date said
with "established", "yaradılıb", "создана"); "from what age", "neçə yaşdan", "с какого возраста" for an age (a
figure said as one: "the age of 18", "18 yaşına çatmış", "старше 16 лет"); "which countries", "mostly from
where", "hansı ölkələr", "из каких стран", "откуда приехали" for countries or nationalities (a sentence holds them
when it names them: "citizens of Turkey", "5 of Georgia", "Türkiyə vətəndaşları", "граждане Турции", a series of
names). A list of documents or steps is an enumeration, not a sentence that mentions documents. The composer
prefers, among sentences that match the question, one that holds the kind of answer asked for (the classic
expected-answer-type cue of question answering, written once per language); when none of the quoted ones holds it,
the answer says that the press releases do not state it.

Usage::

    kind = expected_kind("How many applications were received?", "en")   # "number"
    holds(kind, "In total 57851 applications were received.")            # True
    holds(expected_kind("is the appointment free?", "en"), "Appointments are free of charge.")  # True
"""

from __future__ import annotations

import functools
import re

from pressbot.retrieval.analyzer import normalize
from pressbot.retrieval.stopwords import STOPWORDS
from pressbot.retrieval.structure import is_item, is_lead_in

NUMBER = "number"
DURATION = "duration"
DATE = "date"
MONEY = "money"
PLACE = "place"
CONTACT = "contact"
HOURS = "hours"
LIST = "list"
PERSON = "person"
LANGUAGE = "language"
FOUNDED = "founded"  # the date something was set up or started
COUNTRY = "country"  # which countries, where people are from: countries or nationalities named
AGE = "age"  # the age from which or until which something is so ("neçə yaşdan", "с какого возраста")
ADDRESS = "address"  # a place asked for as a street address ("address", "ünvanı", "адрес"), not "where"
PAYMENT = "payment"  # how one pays ("how do i pay the fee", "как оплатить", "necə ödəmək"): by what means, not how much
KINDS = (NUMBER, DURATION, DATE, MONEY, PLACE, CONTACT, HOURS, LIST, PERSON, LANGUAGE, FOUNDED, COUNTRY, AGE, ADDRESS,
         PAYMENT)

# Words saying that something was set up or started, per language (normalized): "established", "yaradılıb",
# "создана"; a founding date is a date stated with one of them.
_FOUNDING = {
    "en": r"(set up|establish\w*|found(ed|ing|ation)|creat(ed|ion)|start(ed|s)?|launch(ed)?|beg[au]n|open(ed|ing)|since"
          r"|inaugurat\w*|put into (use|operation|service))\b",
    "az": r"(yarad\w*|tesis\w*|basla\w*|acil\w*|qurul\w*)",
    "ru": r"(созда\w*|учрежд\w*|основа\w*|начал\w*|открыт\w*|открыл\w*|запущ\w*|запуск\w*|функционир\w*|с \d{4})",
}
_FOUNDED = re.compile(r"\b(" + "|".join(_FOUNDING.values()) + ")")

# Questions, matched on normalized text (lower case; Azerbaijani letters folded: ə→e, ı→i, ç→c ...).
# "when applying…" asks no date: "when" before a gerund is a conjunction.
# The order matters: the first kind whose pattern matches is the one asked for ("how much is the fee" asks
# for money, not for a number).
_ASKS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        # First: "what languages does the call centre answer in" names a call centre but asks for languages.
        (LANGUAGE, re.compile(r"\b((what|which|how many) languages?|in (what|which) languages?|languages)\b")),
        (AGE, re.compile(r"\b(how old|(from|at|until|till|up to) (what|which) age|(what|which) age|age limit|"
                         r"(minimum|maximum) age)\b")),
        (HOURS, re.compile(r"\b(what time|(which|what) (hours|days)|(opening|working|office|reception) (hours|days)"
                           r"|open (at night|on weekends?|on (saturday|sunday)s?)|(at|during the) night|weekends?)\b")),
        # "a paid job", "paid work" and "visa-free travel" ask about work and visas, not about money; "in charge of"
        # and "chargé d'affaires" about who ("d'affaires" normalized: "charge d affaires"), "charged with" (accused)
        # about an offence.
        (MONEY, re.compile(r"\b(fees?|price|prices|costs?|(?<!in )charged?(?! (d|of|with)\b)"
                           r"|paid(?! (jobs?|work|employment|positions?|labou?r))"
                           r"|state duty|tariff|pay|payment|how much money)\b")),
        (CONTACT, re.compile(r"\b((tele)?phone|e-?mail address|website|web site|contact (details|number|info\w*)|"
                             r"hotline number|number to call|how (can|do) i (contact|reach|call))\b")),
        (LIST, re.compile(r"\b((what|which) (documents|docs|papers)|documents? (are |is )?(needed|required|necessary)"
                          r"|required documents|what (are the )?steps)\b")),
        # "which countries took part", "mostly from where": countries or nationalities, not an address.
        # "from where" only at the end ("from where can i collect the card" asks a place).
        (COUNTRY, re.compile(r"\b((what|which) (countries|country|nationalit\w*|states)|from where\s*\??$"
                             r"|where (are|were|is|was)( \w+){1,6} from\b|where (do|does|did)( \w+){1,6} come from\b"
                             r"|(citizens|nationals) of (what|which))\b")),
        (ADDRESS, re.compile(r"\b(address|adress)\b")),
        (PLACE, re.compile(r"\b(where|location|located)\b")),
        (PERSON, re.compile(r"\b(who|whom)\b")),
        # "when was X set up": the words between the two ask nothing ("X" is what the question is about).
        (FOUNDED, re.compile(r"\b(when|since when|(what|which) year)\b(?P<gap>.*)\b(set up|establish\w*|"
                             r"found(ed|ing)?|creat\w*|start\w*|launch\w*|beg[ai]n\w*|opened|inaugurat\w*)\b")),
        (DATE, re.compile(r"\b(when(?! \w+ing\b)|since when|(what|which) (year|date|day|month))\b")),
        # "how many yrs": a time unit written short in a chat is still one.
        (DURATION, re.compile(r"\b(how (long|soon)|(within )?how (many|much) "
                              r"(days|weeks|months|years|hours|minutes|yrs|wks|hrs|mins))\b")),
        (NUMBER, re.compile(r"\b(how (many|much|often)|what (number|percentage|share))\b")),
        # Last: "free" asks whether something is free only when no other word asks ("how many got free legal help"
        # asks how many, "who gives free consultations" who).
        (MONEY, re.compile(r"\b((?<!visa.)free)\b")),
    ],
    "az": [
        (LANGUAGE, re.compile(r"\b((hansi|nece) dil\w*|dillerde\w*|dillerinde\w*)\b")),
        (AGE, re.compile(r"\b((nece|neche|hansi) yas(dan|da|a|i|in|ina|indan|inda)?|yas hedd\w*)\b")),
        (HOURS, re.compile(r"\b(saat nece\w*|hansi gunler\w*|qebul gun\w*|qebul saat\w*|is saat\w*|is vaxt\w*|"
                           r"gece\w*|heftesonu\w*|bazar gun\w*)\b")),
        # "nə qədər ödəyir", "ödəmək", "ödənilir": how much one pays asks for money, as "pay" and "paid" in English
        # ("xarici işçi nə qədər ödəyir" was a count, answered by any figure the releases give about foreign workers).
        (MONEY, re.compile(r"\b(odenis\w*|pullu\w*|rusum\w*|qiymeti?|manat\w*|nece pul\w*|ne qeder pul\w*|"
                           r"haqqi|xidmet haqq\w*|ode(y|mek|meli|nil)\w*)\b")),
        (CONTACT, re.compile(r"\b(telefon\w*|nomre\w*|elaqe nomre\w*|e-?poct\w*|sayt\w*|"
                             r"internet sehife\w*|elektron unvan\w*)\b")),
        (LIST, re.compile(r"\b(hansi sened\w*|sened\w* (lazim|teleb|teqdim)\w*|ne(ler)? lazim\w*|hansi addim\w*)\b")),
        # Not "haradan" alone: "kartı haradan götürmək olar" asks where to collect it; "haradan gəliblər", countries.
        (COUNTRY, re.compile(r"\b(hansi (olke|dovlet)\w*|hara vetendas\w*|hansi milliyyet\w*|"
                             r"haradan( \w+){0,5} gel\w*|gel\w*( \w+){0,2} haradan)\b")),
        (ADDRESS, re.compile(r"\b(unvan\w*)\b")),
        (PLACE, re.compile(r"\b(harada|hara|haraya|haradan|yerlesir)\b")),
        (PERSON, re.compile(r"\b(kim|kime|kimdir|kimler\w*|kimin|kimle|kimnen|kimden)\b")),
        (FOUNDED, re.compile(rf"\b(ne vaxt\w*|hacan|hansi il\w*|nececi il\w*)\b(?P<gap>.*)\b{_FOUNDING['az']}|"
                             rf"\b{_FOUNDING['az']}(?P<gap2>.*)\b(ne vaxt\w*|hacan|hansi il\w*|nececi il\w*)\b")),
        (DATE, re.compile(r"\b(ne vaxt|hacan|hansi (il|tarix|gun|ay)\w*|nececi il\w*)\b")),
        # "nə qədər çəkir / baxılır / gözləmək": how long something takes, not how much of it.
        (DURATION, re.compile(r"\b(ne qeder (muddet|vaxt)|nece vaxta?|nece (gun|hefte|ay|il|saat)\w*|"
                              r"ne qeder (\w+ )?(ceker|cekir|baxil\w*|gozle\w*|davam ed\w*|qal(ir|maq)\w*))\b")),
        # "neçə nəfər" asks how many, "necə götürülür" how: typed without letters both are "nece", told apart by
        # the verb after the second ("nece goturulur", "nece almaq olar").
        (NUMBER, re.compile(r"\b(nece(?!\s+\w+(maq|mek|ir|ur|ib|ub|lur|lir|acaq|ecek)\b)|ne qeder|nece\w+)\b")),
        (MONEY, re.compile(r"\b(pulsuz\w*)\b")),  # last, as "free" in English
    ],
    "ru": [
        (LANGUAGE, re.compile(r"\b((как\w*|скольк\w*) язык\w*|языках|языки)\b")),
        (AGE, re.compile(r"\b((со|с|до|во) скольк\w* лет|с каких лет|(с|до) какого возраста|в каком возрасте|"
                         r"какого возраста|возрастн\w* (ограничени|предел|ценз)\w*)\b")),
        (HOURS, re.compile(r"\b(во сколько|в какие дни|какие дни|(часы|режим|график) (работы|приема)|"
                           r"приемн\w* (дни|часы)|круглосуточн\w*|ночью|по ночам|выходн\w*)\b")),
        # "сколько платят / платит": how much one pays asks for money, not a count or a duration.
        (MONEY, re.compile(r"\b(стоимост\w*|сколько (\w+ )?стоит|скольк\w* (манат|доллар|евро|рубл)\w*|"
                           r"цен[аыуе]|платн\w*|пошлин\w*|оплат\w*|"
                           r"заплатить|платить|плат(ят|ит|ишь|им|ите)|сбор[аы]?)\b")),
        (CONTACT, re.compile(r"\b(телефон\w*|позвонить|звонить|колл.?центр\w*|горяч\w* лини\w*|"
                             r"электронн\w* (почт|адрес)\w*|сайт\w*|контакт\w*)\b")),
        (LIST, re.compile(r"\b(как(ие|ой|ая) (документ|док|бумаг|справк)\w*|документ\w* (нужн|необходим|требу)\w*|"
                          r"что (нужно|надо|необходимо)|доки)\b")),
        # Not "откуда" alone: "откуда забрать карту" asks a place; people arriving "from where" come from countries.
        (COUNTRY, re.compile(r"\b((как\w*|скольк\w*) (стран|государств|национальност)\w*|"
                             r"из каких (стран|государств)\w*|граждан\w* как\w*|"
                             r"откуда( \w+){0,5} (приех|прибы|въех|родом)\w*|"
                             r"(приех|прибы|въех)\w*( \w+){0,2} откуда)\b")),
        (ADDRESS, re.compile(r"\b(адрес\w*)\b")),
        (PLACE, re.compile(r"\b(где|куда|откуда|находится)\b")),
        (PERSON, re.compile(r"\b(кто|кому|кем|кого)\b")),
        (FOUNDED, re.compile(rf"\b(когда|с каких пор|в каком году|с какого года)\b(?P<gap>.*)\b{_FOUNDING['ru']}|"
                             rf"\b{_FOUNDING['ru']}(?P<gap2>.*)\b(когда|с каких пор|в каком году|с какого года)\b")),
        (DATE, re.compile(r"\b(когда|с каких пор|(с |до )?какого числа|в каком году|какого года|какого месяца)\b")),
        (DURATION, re.compile(r"\b(как долго|какой срок|в течение какого|за какой срок|на какой срок|срок действия|"
                              r"сколько (действует|длится|действителен|действительна|времени|ждать)|"
                              # "сколько рассматривают", "сколько делается": a present-tense verb after "сколько"
                              # asks how long it takes ("сколько человек", "сколько задержали" ask how many)
                              r"сколько \w+(ют|ет|ит|ется|ются|ится|ятся|ать|ить|ять)|"
                              r"(за )?сколько (дней|недель|месяцев|лет|часов|минут|суток))\b")),
        (NUMBER, re.compile(r"\b(скольк\w*|каково количество|какое количество)\b")),
        (MONEY, re.compile(r"\b(бесплатн\w*)\b")),  # last, as "free" in English
    ],
}

# Per language: Azerbaijani "on" (ten) and "min" (thousand) are English words too.
_NUMBER_WORDS_OF = {
    "en": frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                    "fifty hundred thousand million half dozen".split()),
    "az": frozenset("bir iki uc dord bes alti yeddi sekkiz doqquz on iyirmi otuz qirx elli yuz min milyon yarim"
                    .split()),
    "ru": frozenset("один одна одно два две три четыре пять шесть семь восемь девять десять двадцать тридцать "
                    "сорок пятьдесят сто тысяча тысяч миллион половина".split()),
}
_NUMBER_WORDS = frozenset().union(*_NUMBER_WORDS_OF.values())
# The words for one, also an article or a pronoun ("bir əcnəbi", "one can apply", "один иностранец").
_ONE = frozenset({"one", "bir", "один", "одна", "одно"})
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr "
    "январь января февраль февраля март марта апрель апреля мая май июнь июня июль июля август августа "
    "сентябрь сентября октябрь октября ноябрь ноября декабрь декабря "
    # "в мае", "в январе"; Azerbaijani "mayda", "yanvarın" (folded: "yanvarin")
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split()
    + [f"{month}{ending}" for month in "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr"
       .split() for ending in ("da", "de", "in", "un", "inda", "unda", "inde")]
)
# The months' names (normalized), for what reads a question's names: a month is capitalized like a name but names
# no place, organisation or person (decision.names_kept).
MONTHS = _MONTHS
_DIGITS = re.compile(r"\d")
# "May" is a month beside a day or a year ("3 May", "May 2015"), else the verb ("persons may apply").
_MAY = re.compile(r"\b\d{1,2}\s+may\b|\bmay\s+\d{1,4}\b")
# "1.1." or "2)" opening a list item numbers the item; it is not a figure the sentence states.
_ENUMERATION = re.compile(r"^\s*(\d+[.)])+\s*")
_UNITS = ("day", "week", "month", "year", "hour", "minute", "gun", "hefte", "ay", "il", "saat", "deqiq",
          "ден", "дн", "недел", "месяц", "год", "лет", "час", "минут", "сут")
# A figure is read from its first digit only ("(?<!\d)", and in _TIME, _HOLDS[MONEY], _IN_LANGUAGES): tried from every
# digit of a long run of figures, each try scanning to the run's end, a 5,000-digit line took seconds.
_QUANTITY = re.compile(r"((?<!\d)\d++|\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
                       + r"))\b\W*+(\w++\W++)?(" + "|".join(_UNITS) + r")", re.IGNORECASE)
_YEAR_OR_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_WORD = re.compile(r"\w+")
# Years, dd.mm.yyyy dates and day-of-month figures beside a month's name.
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_CALENDAR = re.compile(rf"\b(1[89]\d\d|20\d\d)(-ci|-cu|-cü|-ci il\w*)?\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|"
                       rf"\b\d{{1,2}}(\s*[-–]\s*\d{{1,2}})?\s+({_MONTH_NAMES})\b|\b({_MONTH_NAMES})\s+\d{{1,2}}\b")

# "six-month", "3-day": a figure joined to a unit of time describes a span, not a count.
_SPAN = re.compile(r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
                   + r")-(day|week|month|year|hour)s?\b")
# A figure right before a unit of time (normalized text): "one minute's silence", "6 months", "15 gun", "10 дней"
# say how long (a number question about days asks for a duration: _ASKS), not how many of what was asked.
_TIME = re.compile(r"((?<!\d)\d++|\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))\s*"
                   r"(days?|weeks?|months?|years?|hours?|minutes?)(['’`]s)?\b|"
                   r"((?<!\d)\d++|\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))\s*"
                   r"(gun(u|e|de|den|luk|ler)?|hefte(de|lik|ler)?|ay(a|i|in|da|dan|liq|lar)?|il(i|in|de|den|lik|ler)?|"
                   r"saat(i|da|liq|lar)?|deqiqe(de|lik|ler)?)\b|"
                   r"(?<!\d)\d++\s*(дн(я|ей)\b|день\b|недел\w*|месяц\w*|год\w*|лет\b|час(а|ов)?\b|минут\w*|сут(ки|ок)\b)")
# Figures that name rather than count (normalized text): an ordinal ("22nd anniversary", "3-cü", "8-й"), a
# number joined to a name ("COVID-19", "School-4"), the number of an article, item or decree ("Item 32 of
# article 109", "No. 923", "maddə 64", "статья 64", "№1993", "paragraph 2.2"), a decade ("1990s"), a telephone
# line ("108 Call Center", "(012) 919", "919 çağrı mərkəzi"), and "one of" (one among others). "how many
# foreigners got work permits in 2020" was answered by "… via “ASAN service” mobile application, website and
# 108 Call Center", "sms applications first half 2012 how many" by "… paragraph 2.2 of the Order №1993".
_NAMING = re.compile(
    r"\b\d+(st|nd|rd|th)\b|\b\d+-(ci|cu|ncu|nci|inci|uncu)\b|\b\d+-(й|я|е|го|му|м|ом|ой|ый|ий|ая|ое|ые)\b|"
    r"\b[^\W\d_]+-\d+\b|"
    r"\b(no\.|no(?=\d)|nr\.?|item|article|clause|paragraph|chapter|madde\w*|bend\w*|стать\w*|пункт\w*|глав\w*)"
    r"\s*\d+(\.\d+)*|№\s*\d+|\b\d+'?s\b|"  # NFKC writes "№" as "No"; "the 1990s" is a decade
    r"\(\d+\)\s*\d+|\b\d{3}\s+(call|hotline|cagri|zeng|колл|горяч)|"
    r"(call cent(er|re)|hotline|cagri merkez\w*|колл.?центр\w*)\s+\d{3}\b|"
    r"\bone of\b|\b(один|одна|одно|одним|одной) из\b")
# "within a month", "в течение месяца": a period without a figure.
_PERIOD = re.compile(r"\b(within|in|during|for|after) (a|an|one) (day|week|month|year|hour)|"
                     r"в течение (\w+ )?(дн|недел|месяц|год|час|сут)")
# A place named in the sentence as written: "in Geneva", "в Женеве", "Bakıda".
_PLACE_NAME = re.compile(r"\b(in|at) ([A-Z][a-z]|the \w)|\b(в|во) [А-ЯЁ][а-яё]|"
                         r"\b[A-ZƏÖÜĞŞÇİ][a-zəöüğışç]+(da|də|ta|tə|dakı|dəki)\b")
# Countries or nationalities named, as written (capital letters kept): a name after "citizens of", "from", "of" with a
# figure ("5 of Georgia"), "граждан(е) Турции", "из Грузии", before "vətəndaşı" ("Türkiyə vətəndaşları") or as
# "-dan/-dən" ("Gürcüstandan"); or three names in a row ("Kyrgyzstan, Tajikistan and Turkmenistan").
_UPPER = "A-ZƏÖÜĞŞÇİА-ЯЁ"
_NAME = rf"[{_UPPER}][\w'’-]+"
_COUNTRIES = re.compile(
    rf"\b(citizens?|nationals?|natives?|residents?) of (the )?{_NAME}|\b\d+ of (the )?{_NAME}|"
    # "from Georgia", "из Грузии": one name; "from the State Migration Service" names an organisation.
    rf"\bfrom {_NAME}(?!\s+[{_UPPER}])|\bграждан\w* {_NAME}|\b(из|от) {_NAME}(?!\s+[{_UPPER}])|"
    rf"\b{_NAME} (Respublikas\w* )?vətəndaş\w*|(?<=[\s,(])[{_UPPER}]\w+(dan|dən|tan|tən)\b|"
    rf"\b{_NAME}(\s+{_NAME})*,\s+{_NAME}(\s+{_NAME})*(,\s+|\s+(and|və|и)\s+){_NAME}|"
    rf"\b(Republic|Kingdom|State) of {_NAME} and {_NAME}")
# "at nine", "at 10": a time of day.
_CLOCK = re.compile(r"\b(at|by|until|from) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"noon|midnight)\b")
# How one pays (PAYMENT): a word of paying and the means ("by paying the state fee electronically through the
# Government Payment Portal ... or Expresspay terminals", "оплачивается через банк", "bank kartı ilə ödənilir").
_PAYING = (r"(pay(s|ing|ment|ments)?\b|paid(?! (jobs?|work|employment|labou?r))|"
           r"оплат\w*|оплачива\w*|плат[её]ж\w*|ode\w*)")
# A card or an account is a means only with its preposition or compound ("by card", "bank card", "into the
# account", "на счёт", "bank kartı", "hesaba"): "the residence permit card", "taking into account", "за счёт",
# "hesabat" (a report) name no way of paying.
_MEANS = (r"(through|via|online|electronic\w*|terminals?|portal|bank\w*|cash|receipt|"
          r"(by|with|via|using) (an? |the |your |their )?(\w+ )?cards?|(credit|debit|payment|plastic) cards?|"
          r"(to|into|on) (the|an?|its|their|your) (\w+ ){0,2}accounts?|"
          r"через|онлайн|электронн\w*|терминал\w*|портал\w*|банк\w*|наличн\w*|квитанц\w*|"
          r"(на|по) (\w+ )?сч[её]т\w*|(на|по) карт\w*|карт(ой|ами)|(платежн|кредитн|дебетов|пластиков)\w* карт\w*|"
          r"vasitesile|onlayn|elektron\w*|terminal\w*|portal\w*|bank\w*|kartla|(kredit|debet|odenis) kart\w*|"
          r"nagd\w*|hesaba|hesabina kocur\w*|qebz\w*)\b")
# Both on one line, in either order; sought apart, as "P.*M|M.*P" tried from every word of paying read a line of
# 5,000 "pay" in quadratic time.
_PAYING_RE = re.compile(rf"\b{_PAYING}")
_MEANS_RE = re.compile(rf"\b{_MEANS}")
# What a sentence must hold for each of the kinds added to number, duration and date (normalized text).
_HOLDS: dict[str, re.Pattern[str]] = {
    # A figure's run is read from its first separator or digit only: "1 , 1 , …" read from each of its digits
    # (lookbehinds covering two separators) took quadratic time.
    MONEY: re.compile(r"(?<![\d\s.,])[\s.,]*+\d[\d\s.,]*+\s*(us\s+|u\.s\.\s+)?"
                      # Currency codes as whole words: "6106 gəlib" (came) is no amount of lari (GEL).
                      r"(manat|(azn|usd|eur|lari|gel)\b|euro|dollar|rubl|руб|манат|доллар|евро)|"
                      r"[$€₼]\s*\d|\b(azn|usd|eur|manat)\s*\d|"  # "AZN 20"
                      # "twenty manats", "iki manat", "сорок манатов"
                      r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+(us\s+)?"
                      r"(manat|azn|dollar|euro|манат|доллар|евро|руб)|"
                      r"\bfree\b|free of charge|no (fee|charge)|without (fee|charge)|pulsuz|odenissiz|"
                      r"rusumsuz|бесплатн|безвозмездн|без оплаты"),
    # Whole words: "office" is not "officials", "дом" not "домашний".
    PLACE: re.compile(r"\b((street|avenue|road|building|floor|office|centre|center|district|city|region|"
                      r"regional)s?\b|str\.|ave\.|cities|"
                      r"kucesi|kuc\.|prospekti|pr\.|bina\w*|mertebe\w*|merkez\w*|rayon\w*|seher\w*|unvan\w*|"
                      r"улиц\w*|ул\.|проспект\w*|пр\.|дом\b|здани\w*|этаж\w*|центр\w*|район\w*|город\w*|адрес\w*)"),
    # A short number beside a word for calling: see _CALLING.
    CONTACT: re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+\.\w|https?://|www\.|\.gov\.az|\+?\d[\d\s()-]{6,}\d|"
                        # a site named by its domain: "migrationto.az"; read from a name's first letter only
                        r"(?<![\w-])[a-z][\w-]++\.(az|com|org|net|int|ru)\b"),
    # A time of day; midnight ("from 00:00 on October 24") is when a rule takes effect, not an hour of reception.
    HOURS: re.compile(r"\b(?!00[:.]00|24[:.]00)\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)|"
                      r"\bfrom \d{1,2} (to|till|until) \d{1,2}\b|\bс \d{1,2} до \d{1,2}\b|\bsaat \d{1,2}\b|"
                      r"\b24\b.{0,12}(hour|saat|час)|round the clock|24/7|\bdaily\b|"
                      r"\b(mon|tues|wednes|thurs|fri|satur|sun)day|working days|business days|weekdays|"
                      # Azerbaijani days as whole words: "cümə" (Friday) is inside "document"
                      r"\b(is gun\w*|her gun\w*|bazar ertesi\w*|cume\w*|(car)?senbe\w*|gece-gunduz\w*)|"
                      r"рабоч\w* дн\w*|ежедневн\w*|круглосуточн\w*|понедельник|пятниц|суббот|воскресень"),
    LIST: re.compile(r"\b(document|copy|copies|passport|photo|certificate|application|form|card|"
                     r"sened|suret|sekil|ariza|ereze|pasport|vesiqe|arayis|kart|sehadetname|"
                     r"документ|копи|паспорт|фото|свидетельств|удостоверени|заявлени|справк|анкет|карт)\w*"),
    PERSON: re.compile(r"\b(chief|head|minister|director|ambassador|consul|officer|chairman|president|deputy|"
                       r"party|citizens?|persons?|foreigners?|employees?|staff|"
                       r"reis\w*|nazir\w*|sefir\w*|direktor\w*|konsul\w*|sedr\w*|prezident\w*|muavin\w*|teref\w*|"
                       r"vetendas\w*|sexs\w*|ecnebi\w*|emekdas\w*|"
                       r"начальник\w*|министр\w*|посол\w*|директор\w*|консул\w*|председател\w*|президент\w*|"
                       r"заместител\w*|сторон\w*|граждан\w*|лиц[аоу]?|иностран\w*|сотрудник\w*)\b"),
    # A street address: a street, avenue, building or floor ("2741 34th Street", "Mərdanov qardaşları küçəsi 9",
    # "ул. Низами, 12"); not a district or a city ("Ganja regional migration department").
    ADDRESS: re.compile(r"\b(streets?|avenue|road|lane|boulevard|blvd|suite|floor|str|ave|kucesi|kuc|prospekti|"
                        r"dongesi|mertebe\w*|улиц\w*|ул|проспект\w*|просп|пр-т|переул\w*|шоссе|этаж\w*)\b|"
                        r"\b(building|bina|дом|здание) (no\.? ?)?\d"),
    # An age, a figure with what makes it one: "18 years old", "the age of 18", "under 5 years of age", "18 yaşına
    # çatmış", "старше 18 лет", "достигшие 16-летнего возраста"; not "for 5 years" or "18 nəfər" (a duration, a
    # count), nor "minors" (no age said).
    AGE: re.compile(r"\b\d{1,2}[\s-]*(years?|yrs?)[\s-]*old\b|\bage[ds]? (of )?(under |over )?\d{1,2}\b|"
                    r"\b\d{1,2} years of age\b|"
                    r"\b\d{1,2}\s*-?\s*yas(i|in|ina|inadek|inda|indan|inin|a|da|dan|li|lilar)?\b|"
                    r"(возраст\w*|старше|младше|достигш\w*|достиж\w*|исполнил\w*|исполнит(ся|ь)|исполнени[иея])\D{0,25}\d{1,2}\b|"
                    r"\b\d{1,2}[\s-]*(лет|года|летн\w*)\D{0,25}(возраст\w*|старше|младше)"),
}

# Languages, by the names people and releases write them in (normalized: lower case, Azerbaijani letters
# folded), with the word for "language" in each language. Russian names are adjective stems ("русском",
# "английский"); Azerbaijani names a language only with "dil" after it ("rus dilində"), the same words
# alone being peoples and countries ("Azərbaycan", "rus").
_LANGUAGE_NAMES = {
    "en": "english russian azerbaijani azeri turkish arabic french german persian farsi georgian chinese spanish "
          "italian ukrainian kazakh uzbek japanese korean hindi urdu hebrew polish",
    "az": "ingilis rus azerbaycan turk ereb fransiz alman fars gurcu cin ispan italyan ukrayna qazax ozbek yapon "
          "koreya hind urdu polyak",
    "ru": "английск русск азербайджанск турецк арабск французск немецк персидск фарси грузинск китайск испанск "
          "итальянск украинск казахск узбекск японск корейск польск",
}
_LANGUAGE_WORD = r"(languages?|dil\w*|язык\w*)"
_LANGUAGE_NAME = "|".join(
    [rf"{name}\b" for name in (_LANGUAGE_NAMES["en"] + " " + _LANGUAGE_NAMES["az"]).split()]
    + [rf"{stem}\w*" for stem in _LANGUAGE_NAMES["ru"].split()])
_IN_LANGUAGES = re.compile(
    # "Azerbaijani, Russian and English languages", "rus dilində", "на русском языке", "languages - Azerbaijani"
    rf"\b({_LANGUAGE_NAME})(\W+\w+){{0,3}}?\W+{_LANGUAGE_WORD}\b|\b{_LANGUAGE_WORD}\W+({_LANGUAGE_NAME})"
    # "in 3 languages", "three languages", "üç dildə", "на трёх языках"
    rf"|((?<!\d)\d++|\b(two|three|four|five|iki|uc|dord|bes|двух|трех|четырех|пяти))\s+{_LANGUAGE_WORD}\b")
# "Azerbaijani, English and Russian": two language names in a row (English and Russian names only).
_LISTED = "|".join([rf"{name}\b" for name in _LANGUAGE_NAMES["en"].split()]
                   + [rf"{stem}\w*" for stem in _LANGUAGE_NAMES["ru"].split()])
_LANGUAGES_LISTED = re.compile(rf"\b({_LISTED})\s*(,|\band\b|\bor\b|\bи\b|\bили\b)\s*({_LISTED})")

# A figure counting people or applications (normalized): "57851 applications", "to 18 persons", "52 ходатайства",
# "6106 человек", "18 nəfər". A sentence naming documents or permits beside one reports how many were dealt with
# ("The list of documents required for … work permit was given to 18 persons"), it lists nothing to bring. The
# figure is read once, from its first digit, its groups joined by one space, point or comma ("57 851", "6,652"):
# read from every digit, with spaces both in the figure and after it, a line of figures took seconds.
_COUNTED = re.compile(r"(?<!\d\s)(?<!\d[.,]\s)(?<!\d[.,])\b\d(?>[\d.,]*(?:\s\d[\d.,]*)*)\s+(\w+\s+)?"
                      r"(persons?|people|foreigners|citizens|applications|appeals|requests|individuals|cases|"
                      r"nefer\w*|sexs\w*|muraciet\w*|ecnebi\w*|vetendas\w*|"
                      r"человек|лиц\w*|иностран\w*|граждан\w*|заявлен\w*|обращени\w*|ходатайств\w*|случа\w*)\b")
# Between the items of a list written in one sentence: "a passport, two photos and the form", "pasport və şəkil".
_SEPARATOR = re.compile(r"[,;]|\b(and|or|ve|veya|yaxud|и|или)\b")
# A line that is one item of a list written without bullets ends with ";" or ",".
_ITEM_END = re.compile(r"[;,]\s*$")

# A person named doing something said or met: a title (normalized), a name as written (two capitalized words in a
# row: "Elman Əliyev", "Antonio Vitorino") and a verb of speaking, meeting or signing. "Chief Vusal Huseynov spoke",
# "rəis müavini Elman Əliyev ... danışıb", "начальник Службы Вусал Гусейнов выступил".
_TITLE = re.compile(r"\b(chief|head|minister|director|ambassador|consul|chairman|president|deputy|counsel+or|"
                    r"representative|reis\w*|nazir\w*|sefir\w*|direktor\w*|konsul\w*|sedr\w*|prezident\w*|"
                    r"muavin\w*|musavir\w*|numayende\w*|начальник\w*|министр\w*|посол\w*|директор\w*|консул\w*|"
                    r"председател\w*|президент\w*|заместител\w*|советник\w*|представител\w*)\b")
_SPEAKING = re.compile(r"\b(sp[eo]ke\w*|speech|said|says|noted|stated|met|meeting|signed|addressed|congratulated|"
                       r"emphasi[sz]ed|stressed|informed|welcomed|told|"
                       r"danis\w*|bildir\w*|qeyd ed\w*|gorus\w*|imzala\w*|cixis ed\w*|tebrik ed\w*|vurgula\w*|"
                       r"diqqete catdir\w*|melumat ver\w*|"
                       r"сказал\w*|отметил\w*|заявил\w*|встретил\w*|встреч\w*|подписал\w*|выступил\w*|выступлени\w*|"
                       r"поздравил\w*|подчеркнул\w*|сообщил\w*|рассказал\w*|проинформировал\w*)\b")
# Capitalized words that name a body, not a person (normalized): "the State Harbour Service", "Xidmətin",
# "Северной Республики", "Ministry of Foreign Affairs". English heads end a body's name ("Northern Port Authority");
# Azerbaijani and Russian ones are inflected (a stem, then any ending).
_BODY = re.compile(r"(state|service|ministry|office|department|agency|committee|council|embassy|consulate|republic|"
                   r"government|administration|bureau|commission|parliament|organi[sz]ation|union|nations|affairs|"
                   r"kingdom|united|authority|authorities|centre|center|university|academy|institute|court|bank|fund|project|school)s?|"
                   r"(dovlet|xidmet|nazirl|idare|komite|suras|sefirl|konsull|respublik|hokumet|agentl|teskilat|"
                   r"merkez|universitet|akademiya|institut|mehkeme|layihe|mekteb|departament|aparat|"
                   r"государствен|служб|министерств|управлени|департамент|агентств|комитет|совет|посольств|"
                   r"консульств|республик|правительств|администраци|организаци|ведомств|союз|наци|центр|университет|"
                   r"академи|институт|суд(?!ь)|проект|школ)\w*")
# Who did something, said as its doer in the passive: "accepted by the State Migration Service", "Dövlət Miqrasiya
# Xidməti tərəfindən", "принимаются Государственной Миграционной Службой" (a body's word in the instrumental case,
# not after "с", "между", "перед", "под", "над", "за": "встреча с Службой" is with whom). A body or a person so named
# answers "who accepts", "kim verir", "кто принимает" (and "куда подавать": the body that receives it) as a title
# does "who spoke".
_BODY_WORD_EN = (r"(State|Service|Ministry|Office|Department|Agency|Committee|Council|Embassy|Consulate|Government|"
                 r"Administration|Bureau|Commission|Parliament|Organi[sz]ation|Union|Nations|Authority|Authorities|"
                 r"Assembly|Cent(er|re)|Court|Fund)")
_BODY_WORD_AZ = (r"(Xidm[əe]t|Nazirl|İdar[əe]|Komit[əe]|Şura|Səfirl|Konsull|Hökum[əe]t|Agentl|Təşkilat|M[əe]rk[əe]z|"
                 r"M[əe]hk[əe]m|Assambl|Fond)")
_AGENT = re.compile(rf"\bby (the )?({_NAME} ){{0,5}}{_BODY_WORD_EN}s?\b|"
                    rf"\b({_NAME} ){{0,5}}{_BODY_WORD_AZ}\w* t[əe]r[əe]find[əe]n\b")
_AGENT_RU = re.compile(r"(служб|министерств|управлени|департамент|агентств|комитет|совет|посольств|консульств|"
                       r"правительств|администраци|организаци|ведомств|орган|комисси|ассамбле)\w*?(ой|ей|ом|ем|ами|ями)")
# An adjective in the instrumental case, capitalized or not, one or many ("Государственной миграционной",
# "международными"): read back over before the preposition.
_ADJECTIVE_RU = re.compile(r"[а-яё]+(ой|ей|ым|им|ыми|ими)")
_WITH_RU = frozenset("с со между перед под над за".split())


def _names_people(names: str, lang: str) -> bool:
    """Whether names read as countries (`_COUNTRIES`) hold a title or a word of address ("Mr Vusal Huseynov, Chief of
    the State Migration Service, and Ms Marie McAuliffe"): people named in a row, not the countries asked for."""
    return any(_TITLE.fullmatch(word) or _HONORIFIC.fullmatch(word)
               for word in (normalize(w, lang) for w in _WORD_TOKEN.findall(names)))


def names_agent(sentence: str) -> bool:
    """Whether a sentence names who did something as its doer in the passive (`_AGENT`; in Russian a body's word in
    the instrumental case, after its adjectives, not after a preposition: `_AGENT_RU`)."""
    if _AGENT.search(sentence):
        return True
    words = _WORD_TOKEN.findall(sentence)
    for i, word in enumerate(words):
        if _AGENT_RU.fullmatch(word.lower()):
            before = i - 1
            while before >= 0 and _ADJECTIVE_RU.fullmatch(words[before].lower()):
                before -= 1
            if before < 0 or words[before].lower() not in _WITH_RU:
                return True
    return False


# A surname's ending ("Dövlətov", "Судаков"): such a word is a name, whatever body's word it begins with.
_SURNAME = re.compile(r"\w+(ov|ova|ev|eva|zade|ов|ова|ев|ева|ин|ина)")
# How far from the title its holder's name may be written, in words: after it ("Deputy chief of the Harbour Office,
# Tom Baker"), before it ("Tom Baker, the deputy chief,").
_NAME_AFTER, _NAME_BEFORE = 8, 4
_WORD_TOKEN = re.compile(r"[\w'’-]+")
# Words of address written before a name, no part of it ("Mr", "cənab", "господин").
_HONORIFIC = re.compile(r"(mr|mrs|ms|dr|sir|madam|cenab|xanim|господин|госпожа|г-н|г-жа)")


def _person_names(sentence: str, lang: str) -> list[int]:
    """Where a sentence writes a person's name: the index (in its words) of the first of two capitalized words in a
    row, neither a title, a stopword, a word of address or a body's word, nor followed by a body's word ("Northern
    Port Authority")."""
    words = list(_WORD_TOKEN.finditer(sentence))
    folded = [normalize(w.group(), lang) for w in words]
    capital = [bool(re.fullmatch(_NAME, w.group())) for w in words]
    body = [bool(_BODY.fullmatch(word)) and not _SURNAME.fullmatch(word) for word in folded]
    plain = [capital[i] and not _TITLE.fullmatch(folded[i]) and not body[i] and not _HONORIFIC.fullmatch(folded[i])
             and folded[i] not in STOPWORDS.get(lang, frozenset()) for i in range(len(words))]

    def adjacent(i: int) -> bool:  # word i and word i + 1 written with only a space between
        return i + 1 < len(words) and not sentence[words[i].end():words[i + 1].start()].strip()

    return [i for i in range(len(words) - 1) if plain[i] and plain[i + 1] and adjacent(i)
            and not (adjacent(i + 1) and capital[i + 2] and body[i + 2])]


def names_person(sentence: str, lang: str = "en") -> bool:
    """Whether a sentence names a person by title and name doing something said, met or signed: a title (`_TITLE`)
    with a personal name near it (two capitalized words in a row, neither a title nor a body's word, at most
    _NAME_AFTER words after it or _NAME_BEFORE before it) and a verb of speaking, meeting or signing (`_SPEAKING`):
    what answers "who spoke", "kim çıxış edib", "кто выступил" when the sentence before it names the event. "The
    Head of the State Harbour Service said …" names a body, no person."""
    if not _SPEAKING.search(normalize(sentence, lang)):
        return False
    titles = [i for i, w in enumerate(_WORD_TOKEN.finditer(sentence)) if _TITLE.fullmatch(normalize(w.group(), lang))]
    return any(0 < name - title <= _NAME_AFTER or 0 < title - (name + 1) <= _NAME_BEFORE
               for title in titles for name in _person_names(sentence, lang))


def enumerates(text: str, lang: str = "en") -> bool:
    """Whether a text lists documents or steps: a line with the lines it introduces (two or more, or one that
    is a list item), a list item or an unbulleted item (ending in ";" or ",") naming a document, or one sentence
    naming documents in a series ("the passport, two photos and the form"). A sentence that only mentions a
    document ("the list of documents was given to 18 persons") and a lead-in without its items are no list."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 2:
        return True
    if len(lines) == 2:
        return is_item(lines[1]) or is_lead_in(lines[0]) or enumerates(lines[1], lang)
    line = lines[0] if lines else ""
    if is_lead_in(line):
        return False
    named = _HOLDS[LIST].findall(_ENUMERATION.sub("", normalize(line, lang)))
    if not named:
        return False
    if is_item(line) or _ITEM_END.search(line):
        return True
    if _COUNTED.search(normalize(line, lang)):  # "… work permit was given to 18 persons": a statistic, no list
        return False
    separators = len(_SEPARATOR.findall(normalize(line, lang)))
    # Three items or more: "a copy of the passport and two photos"; "a passport, two photos and the form";
    # "documents: passport, photo, form". Two documents joined once are a mention ("permits were issued and the
    # list of documents was given").
    return (separators >= 1 and len(named) >= 3) or (separators >= 2 and (len(named) >= 2 or ":" in line))


def _asking(found: re.Match[str]) -> str:
    """The words of a match that ask for the kind: all of it but its gaps (groups named gap…, the topic between
    "when was" and "set up")."""
    text = found.group(0)
    gaps = sorted((found.start(g) - found.start(), found.end(g) - found.start())
                  for g, value in found.groupdict().items() if g.startswith("gap") and value)
    for start, end in reversed(gaps):
        text = f"{text[:start]} {text[end:]}"
    return " ".join(text.split())


@functools.lru_cache(maxsize=1024)  # decision.cue_terms asks it of one question several times (4.5 on average)
def asked(question: str, lang: str) -> tuple[str, str] | None:
    """The kind of answer the question asks for (one of KINDS) and the words that ask it ("fee", "harada"),
    else None."""
    # The question's own language first, then the others: short questions typed without a language's letters
    # ("konsulluq ucotu pulludu") can be taken for another language.
    for language in [lang, *(other for other in _ASKS if other != lang)]:
        text = normalize(question, language)
        for kind, pattern in _ASKS[language]:
            found = pattern.search(text)
            if found and not _conjunction(found, text):
                paying = kind == MONEY and _asks_how_to_pay(question, text, language)
                return (PAYMENT if paying else kind), _asking(found)
    return None


# "how do i pay the fee", "как оплатить пошлину", "rüsumu necə ödəmək olar": a question word asking the way, with
# the verb of paying, asks how one pays (PAYMENT: a portal, a terminal, a bank), not how much; the amount is asked
# with "how much", "сколько", "nə qədər" (which these leave out).
_PAYING_WAY = {
    # "how many foreigners paid", "how often do i pay", "как часто платить": how many or how often, not the way.
    "en": re.compile(r"\b(how|in what way|which way)\b(?! (much|many|often|long)\b)( \w+){0,4} (pay|paying|paid)\b"),
    "az": re.compile(r"\b(nece|ne cur|hansi yolla)\b( \w+){0,3} ode(y|mek|me|nil|yim|yek)\w*|"
                     r"\bode(y|mek|me|nil|yim|yek)\w*( \w+){0,2} (nece|ne cur|hansi yolla)\b"),
    "ru": re.compile(r"\b(как|каким образом|каким способом)\b(?! (часто|долго)\b)( \w+){0,4} "
                     r"(о|за)?плат(ить|ят|ит|им|ишь)\b"),
}
# Azerbaijani "neçə" (how many) and "necə" (how) are both "nece" once normalized: "neçə nəfər ödəyib" counts who
# paid. Written with "ç" the word asks how many; written without letters of its own ("nece") it asks the way only
# beside a verb asking a procedure ("ödəmək olar", "ödəyə bilərəm", "ödənilir"), not a past form ("ödəyib").
_HOW_MANY_AZ = re.compile(r"\bneç", re.IGNORECASE)
_HOW_UNDOTTED_AZ = re.compile(r"\bnece\b", re.IGNORECASE)
_PAYING_PROCEDURE_AZ = re.compile(r"\b(odemek (olar|olur|mumkun\w*|lazim\w*)|odeye biler\w*|odenil(ir|e biler)\w*|"
                                  r"odenir\w*)")


def _asks_how_to_pay(question: str, text: str, language: str) -> bool:
    """Whether a question (as typed, and normalized in a language) asks the way of paying (`_PAYING_WAY`)."""
    if not _PAYING_WAY[language].search(text):
        return False
    if language != "az":
        return True
    if _HOW_MANY_AZ.search(question):
        return False
    return not _HOW_UNDOTTED_AZ.search(question) or bool(_PAYING_PROCEDURE_AZ.search(text))


# An English yes/no question ("can i ask for asylum at the airport when i land", "do i register when i arrive")
# uses "when" as a conjunction: it asks yes or no, not for a date.
_AUXILIARY_FIRST = re.compile(r"^(is|are|was|were|can|could|do|does|did|should|must|will|would|may|need|has|have)\b")


def _conjunction(found: re.Match[str], text: str) -> bool:
    """Whether a match is only the word "when" inside a question that opens with an auxiliary (a yes/no one)."""
    return found.group(0).strip() == "when" and found.start() > 0 and bool(_AUXILIARY_FIRST.match(text.strip()))


# Yes/no questions: "is registration obligatory", "qeydiyyat məcburidir?", "можно ли продлить": no question word,
# and an auxiliary first (English), a question particle (Azerbaijani -mı/-mi/-mu/-mü, Russian "ли"), a modal
# word or a question mark at the end.
_WH = re.compile(r"\b(what|which|who|whom|whose|where|when|why|how|ne|neye|nece|niye|niye|nie|hara\w*|kim\w*|hansi|"
                 r"nevaxt|что|чего|как\w*|почему|зачем|где|куда|откуда|кто|кому|когда|скольк\w*|чей)\b")
_YES_NO = re.compile(r"^(is|are|was|were|can|could|do|does|did|should|must|will|would|may|need|has|have)\b|"
                     r"\b(mi|mu)\b|\b\w+(mi|mu)(dir|dur)?\s*\??$|\b(olar|mumkundur)\s*\??$|"
                     r"\bли\b|\b(можно|нужно|надо|обязательно|необходимо|разрешено)\b|\?\s*$")


def is_yes_no(question: str, lang: str) -> bool:
    """Whether a question asks yes or no (and no kind of answer): its answer is the sentence that names what it
    asks about (the predicate: "obligatory", "выезжать", "free"), not any sentence about its subject."""
    return asked(question, lang) is None and asks_whether(question, lang)


def asks_whether(question: str, lang: str) -> bool:
    """Whether a question asks whether something holds, whatever kind of answer it names ("is registration paid?",
    "konsulluq uçotu pulludur?", "учет платный?"): no question word, a yes/no form (`is_yes_no` without its kind)."""
    text = normalize(question, lang).strip()
    return not _WH.search(text) and bool(_YES_NO.search(text))


# Words saying that something may or must (not) be done, per language (normalized): "can", "need", "required";
# "olar", "lazımdır", "məcburi", "tələb olunur"; "можно", "нужна", "обязан", "не требуется"; and a rule's limit and
# the lifting of a rule ("abolished", "qadağan", "ləğv"). A question with one asks for a rule ("беженцу можно
# выезжать за границу?"), and a sentence stating a rule says one too. A restriction alone is no rule: "During the
# quarantine restrictions, 5,000 foreigners left the country" counts (see _LIMIT_SET).
_MODAL = {
    "en": r"\b(can|cannot|could|may|must|need\w*|allow\w*|permitted|requir\w*|obligat\w*|mandatory|entitl\w*|have to|"
          r"has to|should|prohibit\w*|forbid\w*|abolish\w*)\b",
    "az": r"\b(olar(mi)?|olmaz|lazim\w*|mumkun\w*|mecbur\w*|teleb olun\w*|huqu\w*|gerek\w*|qadagan\w*|"
          r"legv\w*)\b",
    "ru": r"\b(можно|нельзя|нужн\w*|надо|долж(ен|на|но|ны)|обязан\w*|обязательн\w*|необходим\w*|разреша\w*|"
          r"разрешен[оа]?|запрещ\w*|требует\w*|требуют\w*|вправе|прав[оа]|позволя\w*)\b",
}
_MODALS = {lang: re.compile(pattern) for lang, pattern in _MODAL.items()}
_ANY_MODAL = re.compile("|".join(_MODAL.values()))
_MONTH_MAY = re.compile(r"\b(in|of|since|until|till|by|during|from|last|next|early|late|mid|this) may\b")


def may_or_must(text: str, lang: str) -> bool:
    """Whether a text says that something may or must (not) be done ("can i work", "qeydiyyat məcburidir",
    "не требуется разрешение"): a question saying it asks for a rule, a sentence saying it states one."""
    text = _MONTH_MAY.sub(" ", _MAY.sub(" ", normalize(text, lang)))  # "in may", "may 2020": the month
    return bool(_MODALS.get(lang, _ANY_MODAL).search(text))


# A restriction with a verb imposing, extending or lifting it, within a few words either side (normalized): "the
# restrictions were lifted", "ограничение отменено", "введены ограничения", "məhdudiyyət ləğv edilib". Said in a
# sentence, it states a rule; a question naming a restriction asks for none by that alone.
_RESTRICTION = {"en": r"restrictions?|limitations?", "az": r"mehdudiyyet\w*", "ru": r"ограничени\w*"}
_IMPOSED_OR_LIFTED = {
    "en": r"abolish\w*|lift(s|ed|ing)?|impos\w*|introduc\w*|remov\w*|cancel\w*|eas(ed|ing)|extend\w*|"
          r"in (force|effect)|appl(y|ies|ied)",
    "az": r"legv\w*|tetbiq\w*|qoyul\w*|goturul\w*|aradan qaldiril\w*|uzadil\w*|yumsaldil\w*|quvve\w*",
    "ru": r"отмен\w*|снят\w*|снял\w*|сним\w*|введ\w*|ввел\w*|ввод\w*|продл\w*|смягч\w*|действ\w*|установл\w*",
}
_LIMIT_SET = {lang: re.compile(rf"\b({_RESTRICTION[lang]})\b.{{0,60}}?\b({verbs})\b|"
                               rf"\b({verbs})\b.{{0,60}}?\b({_RESTRICTION[lang]})\b")
              for lang, verbs in _IMPOSED_OR_LIFTED.items()}
_ANY_LIMIT_SET = re.compile("|".join(pattern.pattern for pattern in _LIMIT_SET.values()))


def states_rule(sentence: str, lang: str) -> bool:
    """Whether a sentence states what may or must (not) be done (`may_or_must`) or that a restriction was imposed,
    extended or lifted ("the restrictions on entry were lifted", "ограничение отменено")."""
    if may_or_must(sentence, lang):
        return True
    text = normalize(sentence, lang)
    return bool(_LIMIT_SET.get(lang, _ANY_LIMIT_SET).search(text))


def reports_count(sentence: str, lang: str = "en") -> bool:
    """Whether a sentence only counts (holds a number, but no age, duration or fee: "In total 6,652 applications
    were received", "Из них 899 – решения ..."): a figure of how many, which tells what happened, not what may
    or must be done."""
    return holds(NUMBER, sentence, lang) and not any(holds(kind, sentence, lang) for kind in (AGE, DURATION, MONEY))


# Words asking who spoke (normalized): "gave the speech", "who spoke", "kim çıxış edib", "кто выступал".
_SPOKE = re.compile(r"\b(sp[eo]k\w*|speech\w*|speaker\w*|address(ed)?|remarks|"
                    r"cixis\w*|nitq\w*|danis(ib|di|mis|ir|acaq)\w*|"
                    r"выступ\w*|реч[иьею]\w*|доклад\w*)\b")


def asks_speaker(question: str, lang: str) -> bool:
    """Whether a question asks who spoke ("who gave the speech", "kim çıxış edib", "кто выступал с речью"): its
    answer is a person named by title and name (names_person), not "the employees" or "the participants"."""
    found = asked(question, lang)
    return found is not None and found[0] == PERSON and bool(_SPOKE.search(normalize(question, lang)))


def given_figures(question: str, kind: str | None, lang: str) -> frozenset[str]:
    """The figures a question gives itself when it asks for a number ("of the 106 foreigners detained, how many
    were from Turkey"), and the words for numbers of its language it writes ("in the first half of 2018, how
    many…": "half"), normalized: never the number it asks for. Not the word for one, which is also an article or
    a pronoun ("how many times can one extend it": "one time" may be the answer). Empty for any other kind."""
    if kind != NUMBER:
        return frozenset()
    words = _NUMBER_WORDS_OF.get(lang, frozenset()) - _ONE
    said = (w for w in _WORD.findall(normalize(question, lang)) if w in words)
    return frozenset([*re.findall(r"\d+", question), *said])


def expected_kind(question: str, lang: str) -> str | None:
    """The kind of answer the question asks for (one of KINDS), else None."""
    found = asked(question, lang)
    return found[0] if found else None


# A short number beside a word for calling ("call centre 919", "108 Call Center"); a 4- or 5-digit figure there is a
# year or a count ("in 2019 the call centre received 10646 calls"), not a number to call. The word and the number
# are sought apart on a line ("word.*number" tried from every word read a line of 5,000 "call" in quadratic time).
_CALL_WORD = re.compile(r"\b(call|hotline|phone|tel|zeng|cagri|telefon|телефон|звон|колл|горяч\w* лини)\w*\b")
_CALL_WORD_AFTER = re.compile(r"\b(call|hotline|phone|zeng|cagri|telefon|телефон|звон|колл)")
_SHORT_NUMBER = re.compile(r"(?<![\d.,])\b\d{3}\b(?![.,]?\d)")


def _calling(line: str) -> bool:
    """Whether a line holds a short number after a word for calling, or before one."""
    word = _CALL_WORD.search(line)
    if word and _SHORT_NUMBER.search(line, word.end()):
        return True
    number = _SHORT_NUMBER.search(line)
    return bool(number and _CALL_WORD_AFTER.search(line, number.end()))


def holds(kind: str | None, sentence: str, lang: str = "en") -> bool:
    """Whether a sentence states something of the kind asked for."""
    if kind is None:
        return False
    text = _ENUMERATION.sub("", normalize(sentence, lang))
    words = set(_WORD.findall(text))
    if kind == FOUNDED:  # a date said of a setting up or a start: "established on June 8, 2015"
        return holds(DATE, sentence, lang) and bool(_FOUNDED.search(text))
    if kind == DATE:  # a date, or a time of day for "when does it leave"
        return (bool(_YEAR_OR_DATE.search(text)) or bool(words & _MONTHS - {"may"}) or bool(_MAY.search(text))
                or bool(_HOLDS[HOURS].search(text)) or bool(_CLOCK.search(text)))
    if kind == DURATION:  # "12.09.2012-ci il tarixli", "in 2019 year": a date, not how long
        counted = _CALENDAR.sub(" ", text)
        return bool(_QUANTITY.search(counted) or _PERIOD.search(counted))
    if kind == LIST:
        return enumerates(sentence, lang)
    if kind == LANGUAGE:
        return bool(_IN_LANGUAGES.search(text) or _LANGUAGES_LISTED.search(text))
    if kind == COUNTRY:
        return any(not _names_people(found.group(), lang) for found in _COUNTRIES.finditer(sentence))
    if kind == PLACE and _PLACE_NAME.search(sentence):
        return True
    if kind in (PERSON, PLACE) and names_agent(sentence):  # "accepted by the Service" says who, and where to apply
        return True
    if kind == PAYMENT:
        return any(_PAYING_RE.search(line) and _MEANS_RE.search(line) for line in text.split("\n"))
    if kind == CONTACT and any(_calling(line) for line in text.split("\n")):
        return True
    if kind in _HOLDS:
        return bool(_HOLDS[kind].search(text))
    counted = _CALENDAR.sub(" ", text)  # "On December 31, 2020" states a date, not how many
    counted = _SPAN.sub(" ", counted)  # "the six-month programme" says how long, not how many
    counted = _TIME.sub(" ", counted)  # "one minute's silence", "for 6 months": how long, not how many
    counted = _NAMING.sub(" ", counted)  # "the 22nd anniversary", "COVID-19", "108 Call Center" count nothing
    number_words = _NUMBER_WORDS_OF.get(lang, _NUMBER_WORDS)
    return bool(_DIGITS.search(counted)) or bool(set(_WORD.findall(counted)) & number_words)
