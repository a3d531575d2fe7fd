"""Stopwords per language, in normalized (case- and diacritic-folded) form, so they match analyzer output."""

from __future__ import annotations

_EN = """
a about above after again against all am an and any are aren't as at be because been before being below
between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few
for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
i if in into is isn't it its itself let's me more most mustn't my myself no nor not of off on once only
or other ought our ours ourselves out over own same shan't she should shouldn't so some such than that
the their theirs them themselves then there these they this those through to too under until up very
was wasn't we were weren't what when where which while who whom why will with won't would wouldn't you
your yours yourself yourselves s t d ll m o re ve y also get got just might must shall
do does did done tell please know want need
many much still soon ever yet already kind
"""

_RU = """
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было
вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем
ним здесь этом один почти мой тем чтобы нее неё сейчас были куда зачем всех никогда можно при наконец
два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя
впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между
это также которые который которая которых которого которой котором которую которым
какое какие каких каким какими какого какому каком какую сколько скольким скольких сколькими
чей чья чьё чье чьи каков какова каковы
кем кому кого ком
скока скоко скольки
здравствуйте пожалуйста подскажите скажите
"""

# Azerbaijani function words, written as the analyzer folds them (ə→e, ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u), and as people
# type them in a chat (hara, harda: "where"; neche: neçə with ch for ç; yoxsa: "or"; idi: "was";
# olunmuş: the passive's "-ed", apostil olunmuş = apostilled; the pronouns in their cases, mənə "to me", ona "to
# him", bizim "our", onlara "to them"; and Turkish için, nasıl, kaç, nerede, hangi).
_AZ = """
ve ile ucun uzre ki bu o bir da de hem amma ancaq lakin ya yaxud ve ya eyni zamanda ise isə kimi qeder
gore sonra evvel olan olaraq olub olunub olunur oldu olmus olmusdur edib edilib edilir etdi etmis
mi mu ne nece niye neden hansi harada haradan kim kime nedir hardan hansı var yox yoxdur
hara harda haraya neche nechə yoxsa
ci cu cı cü inci uncu nci ncu
bele hemin butun her hec cox az daha en artiq
men sen biz siz onlar onun onlarin bunun bunlar
mene meni menim sene seni senin ona onu bize bizi bizim size sizi sizin onlara onlari buna bunu
yaninda yanindaki
idi imis idim idik deyil
olunmus olunan
icin nasil kac nerede nereye hangi
"""


def _pieces(word: str, words: frozenset[str]) -> list[str]:
    """The tokens the tokenizer makes of a listed word: "don't" is "don", "t". A contraction's first piece is kept
    only when it is no word of its own: the negated "n" of a listed word (didn = did + n, don = do + n); "won"
    (won't) is the past of "win" and "let" (let's) a verb, so "who won the race" keeps its verb."""
    head, apostrophe, tail = word.partition("'")
    if not apostrophe:
        return [word]
    negated = tail == "t" and head.endswith("n") and head[:-1] in words
    return [head, tail] if negated else [tail]


def _words(block: str) -> frozenset[str]:
    folded = block.translate(str.maketrans("ıüöçşəğё", "iuocsegе"))
    words = frozenset(folded.split())
    return frozenset(piece for word in words for piece in _pieces(word, words))


STOPWORDS: dict[str, frozenset[str]] = {"en": _words(_EN), "ru": _words(_RU), "az": _words(_AZ)}
