"""Text analysis: the one place that decides what a "term" is, for documents and questions alike.

Usage::

    >>> analyze("The Chief met IOM's Director General", "en")
    ['chief', 'met', 'iom', 'director', 'general']
    >>> analyze("Dövlət Miqrasiya Xidmətinə", "az") == analyze("Dovlet Miqrasiya Xidmetine", "az")
    True
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

import Stemmer

from pressbot.retrieval.stopwords import STOPWORDS

# Bump when analysis changes: saved indexes built by another version are rebuilt.
ANALYZER_VERSION = "21"

LANGUAGES = ("en", "az", "ru")

# Letters that only Azerbaijani (among our languages) writes; folded so that people typing on a
# keyboard without them still match. Applied to every language: "Hıghlighting" typos occur in English
# press releases too.
_AZ_FOLD = str.maketrans({"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ё": "е"})

# Word characters, with apostrophes inside words ("IOM's") dropped later by the tokenizer.
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Invisible characters that would otherwise split or glue words: zero-width, bidi controls, soft hyphen.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Thousands written with spaces or commas ("795 761", "57,851") are one number.
_GROUPED_NUMBER = re.compile(r"(?<![\d])(\d{1,3})(?:[ \u00a0\u202f,](\d{3}))+(?![\d])")
_SEPARATORS = str.maketrans("", "", " \u00a0\u202f,")
# Hyphenated names and codes ("COVID-19", "e-visa", "ASAN-Visa") are also indexed as one joined term.
_HYPHENATED = re.compile(r"\b\w++(?:-\w++)+")  # possessive and anchored: linear on a 20,000-letter word

_STEMMER_NAMES = {"en": "english", "ru": "russian"}
_local = threading.local()  # PyStemmer objects are not thread-safe; reloads index on a worker thread.

# Azerbaijani inflection, written in the folded alphabet (vowel-harmony pairs collapse: lar/lər → lar,
# ler). Longest first; stripped repeatedly while the stem keeps at least _AZ_MIN_STEM letters.
_AZ_SUFFIXES = tuple(
    sorted(
        {
            # plural
            "lar", "ler",
            # case endings: locative, ablative, dative, genitive, accusative, instrumental. Azerbaijani writes
            # the locative and ablative with d after every consonant (müraciətdə, not Turkish -te): a final
            # "ta"/"tə" is a t-final stem's dative (müraciət-ə, qeydiyyat-a), left to the single vowel below.
            "da", "de", "dan", "den",
            # ... after a possessive, with its n (müharibə-si-n-də, xidməti-n-dən: "in its war", "from its service")
            "nda", "nde", "ndan", "nden",
            "ya", "ye", "na", "ne",
            "nin", "nun", "in", "un",
            "ni", "nu", "yi", "yu",
            "la", "le", "yla", "yle", "ile",
            # possessives
            "im", "um", "imiz", "umuz", "iniz", "unuz", "si", "su", "lari", "leri",
            # copula / predicative and common verb endings
            "dir", "dur", "dik", "duk", "mis", "mus", "ib", "ub", "maq", "mek",
            # the copula as people type it in a chat (lazımdı = lazımdır, "needed")
            "di", "du",
            "miz", "niz",
            # relative "-dakı/-dəki" (Batumidəki), privative "-sız/-siz" (ödənişsiz), glued question
            # particle "-mı/-mi" (alınırmı)
            "daki", "deki", "siz", "suz", "mi", "mu",
            # first person of the copula after a vowel (evliyəm "I am married", xəstəyəm)
            "yam", "yem",
            # ordinal/number endings after digits are separate tokens ("2019-cu"): handled as stopwords
        },
        key=len,
        reverse=True,
    )
)
_AZ_NUMBER_SUFFIX = re.compile(r"(\d+)(?:[a-z]{1,4})")
_AZ_SINGLE_VOWELS = ("i", "u", "a", "e")
_AZ_MIN_STEM = 4
# The plural is stripped from short roots too (gün-lər, dil-lər, iş-lər: "days", "languages"), down to this.
_AZ_PLURALS = ("lar", "ler")
# Case endings that take the possessive's n (xidməti-nə, müharibəsi-ndə): only after its vowel.
_AZ_N_DATIVES = ("na", "ne", "nda", "nde", "ndan", "nden")
_AZ_POSSESSIVE_VOWELS = ("i", "u")
_AZ_QUESTION_PARTICLES = ("mi", "mu")
_AZ_Y_ENDINGS = ("yi", "yu", "ya", "ye")
_AZ_LIK = ("li", "lu")
_AZ_VOWELS = "aeiou"
_AZ_MIN_PLURAL_STEM = 3
# A noun in -iya (Almaniya, Yaponiya, miqrasiya, konvensiya) takes its endings after the -iya (Almaniya-ya,
# Almaniya-da, Almaniya-nın): its -ya is no dative and its -ni- no accusative, or Almaniya would be "alma" (taking)
# and Yaponiya "yapo". A short word before it is rather an ı-final noun in the dative (Bakı-ya, qayğı-ya), stripped
# as before; Rusiya keeps the short stem it always had.
_AZ_IYA = "iya"
_AZ_MIN_IYA_ROOT = 5
# Short roots that take case endings like any noun (il-də "in the year", gün-ü "the day", iş-ə "to work"):
# below _AZ_MIN_STEM, so their inflected forms are reduced here, with noun endings only (plural, possessive,
# case, relative, copula: never a verb ending, so yaşamaq "to live" is not yaş "age").
_AZ_SHORT_ROOTS = ("il", "gun", "ay", "is", "ad", "yas", "ev", "dil", "pul", "yol")
_AZ_NOUN_ENDINGS = re.compile(r"(?:lar|ler)?(?:lari|leri|i|u|si|su)?"
                              r"(?:nda|nde|ndan|nden|na|ne|nin|nun|ni|nu|da|de|dan|den|a|e|ya|ye|in|un)?"
                              r"(?:daki|deki)?(?:dir|dur|di|du)?")
# Azerbaijani writes the endings of an abbreviation or a number after a hyphen (DMX-nin, BMT-yə, 2019-cu,
# COVID-19-a): the ending goes, the name stays (not "dmx" + "nin" + "dmxnin").
_AZ_HYPHENATED_ENDING = re.compile(r"(?<=\w)-(?:lar|ler|nin|nun|in|un|ni|nu|na|ne|ya|ye|da|de|dan|den|dir|dur|"
                                   r"daki|deki|si|su|ci|cu|i|u|a|e)+\b")
# Azerbaijani typed on an English keyboard spells one letter with two (şəxs as "shexs", çıxış as "chixish", ağ as
# "agh", Naxçıvan as "Nakhchivan", jurnal as "zhurnal"): read as the letter the folded alphabet writes. Azerbaijani
# words themselves hardly ever hold these pairs, so texts and questions are read alike.
_AZ_DIGRAPHS = {"sh": "s", "ch": "c", "gh": "g", "kh": "x", "zh": "j"}
_AZ_DIGRAPH = re.compile("|".join(_AZ_DIGRAPHS))
# ... and with the Turkish spelling of the infinitive: almak, kalmak for almaq, qalmaq (-mek is -mək folded already).
_AZ_TURKISH_INFINITIVE = re.compile(r"(?<=\w\w)mak\b")
# The chat copula glued to a question word (kimdi "who is", hansıdır "which is"): still a function word.
_AZ_COPULAS = ("dir", "dur", "di", "du")


def casefold(text: str, lang: str) -> str:
    """Lower-case with Turkic rules for Azerbaijani, where dotted İ and dotless I are distinct letters."""
    if lang == "az":
        text = text.replace("İ", "i").replace("I", "ı")
    else:
        # Python lowers "İ" to "i" + U+0307; an English or Russian text means plain "i".
        text = text.replace("İ", "i")
    return text.lower()


# Cyrillic letters drawn like Latin ones, typed inside a Latin word by a keyboard switched mid-word or copied from
# a page typed in both scripts ("Hәmrәylik" with the Cyrillic schwa U+04D9), and the other way round ("Сoвет"
# with a Latin o): a word whose letters of the other script all have a lookalike is read in its own script.
_TO_LATIN = str.maketrans("аеорсхуіјәөүһАЕОРСХУІЈӘӨҮҺ", "aeopcxyijəöühAEOPCXYIJƏÖÜH")
_TO_CYRILLIC = str.maketrans("aeopcxyAEOPCXYKMTHB", "аеорсхуАЕОРСХУКМТНВ")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04FF]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_SCRIPTS_MEET = re.compile(r"[A-Za-zÀ-ɏ][\u0400-\u04FF]|[\u0400-\u04FF][A-Za-zÀ-ɏ]")
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-zÀ-ɏ])(?=\w*[\u0400-\u04FF])\w+")


def _own_script(word: str) -> str:
    """A word mixing Latin and Cyrillic letters in the script of the letters that have no lookalike."""
    latin = word.translate(_TO_LATIN)
    if not _CYRILLIC_LETTER.search(latin):
        return latin
    cyrillic = word.translate(_TO_CYRILLIC)
    return cyrillic if not _LATIN_LETTER.search(cyrillic) else word


def latin_lookalikes(text: str) -> str:
    """A text whose words hold no lookalike of the other script: "Hәmrәylik" (Cyrillic ә) is "Həmrəylik",
    "Сoвет" (Latin o) is "Совет"; a word truly mixing both ("COVID-19-а" aside) is left as it is."""
    if text.isascii() or not _SCRIPTS_MEET.search(text):  # no word mixes them: most texts, checked fast
        return text
    return _MIXED_WORD.sub(lambda m: _own_script(m.group(0)), text)


def normalize(text: str, lang: str) -> str:
    """NFKC, case folding, diacritic folding: the form every term is made from."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = latin_lookalikes(text)
    text = casefold(text, lang)
    # Combining marks left after folding (e.g. a stray U+0307) carry no meaning for search.
    if not text.isascii():  # ASCII has no combining marks: skip the per-character pass (~50 µs a passage)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_AZ_FOLD)


def tokenize(text: str) -> list[str]:
    """Split normalized text into word tokens; digit groups of one number stay together."""
    text = _GROUPED_NUMBER.sub(lambda m: m.group(0).translate(_SEPARATORS), text)
    return [t.replace("_", "") for t in _TOKEN.findall(text) if t.strip("_")]


def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    name = _STEMMER_NAMES.get(lang)
    if name is None:
        return None
    cache: dict[str, Stemmer.Stemmer] = getattr(_local, "stemmers", None) or {}
    _local.stemmers = cache
    if name not in cache:
        cache[name] = Stemmer.Stemmer(name)
    return cache[name]


def _strips(token: str, suffix: str) -> bool:
    """Whether a matching suffix is an ending here: the dative -na/-nə (and the locative -nda/-ndə, ablative
    -ndan/-ndən) follows only a possessive's vowel (xidməti-nə, miqrasiyası-na, müharibəsi-ndə), so vətənə is
    vətən-ə, not vətə-nə, and zamanda is zaman-da, and the word left without that vowel keeps a whole stem
    (qanun-da, not qanu-nda); the glued question particle -mı/-mu
    follows a consonant (alınır-mı, var-mı), so bayramı, proqramı, rüsumu are bayram-ı, proqram-ı, rüsum-u."""
    before = token[-len(suffix) - 1]
    if suffix in _AZ_N_DATIVES:
        return before in _AZ_POSSESSIVE_VOWELS and len(token) - len(suffix) - 1 >= _AZ_MIN_STEM
    return suffix not in _AZ_QUESTION_PARTICLES or before not in _AZ_VOWELS


@functools.lru_cache(maxsize=1 << 16)  # a word's stem is asked for again and again (a vocabulary, a corpus)
def stem_az(token: str) -> str:
    """Strip common Azerbaijani inflections from a folded token, never below a 4-letter stem (except the
    noun endings of a few short roots: ilde → il), and never into a noun's -iya (almaniyada → almaniya)."""
    if token.isdigit():
        return token
    for root in _AZ_SHORT_ROOTS:
        if token.startswith(root) and len(token) > len(root) and _AZ_NOUN_ENDINGS.fullmatch(token, len(root)):
            return root
    number = _AZ_NUMBER_SUFFIX.fullmatch(token)
    if number:  # a case ending glued to a number ("919a", "2019da"): the number
        return number.group(1)
    # A noun in -iya is the least that is left, whatever ending follows it (Almaniya-m, not Almani-yam).
    iya = token.rfind(_AZ_IYA)
    kept = iya + len(_AZ_IYA) if iya >= _AZ_MIN_IYA_ROOT else 0
    # Strip to a fixpoint, so that "miqrasiya" and "miqrasiyasına" reach the same stem.
    while True:
        if len(token) <= kept:
            return token
        for suffix in _AZ_SUFFIXES:
            least = max(kept, _AZ_MIN_PLURAL_STEM if suffix in _AZ_PLURALS else _AZ_MIN_STEM)
            if token.endswith(suffix) and len(token) - len(suffix) >= least and _strips(token, suffix):
                token = token[: -len(suffix)]
                if suffix in _AZ_Y_ENDINGS and token.endswith(_AZ_LIK):
                    return token + "k"  # -lik's k is y before a vowel: səfirliyi, səfirliyə = səfirlik
                break
        else:
            if token.endswith(_AZ_SINGLE_VOWELS) and len(token) - 1 >= max(kept, _AZ_MIN_STEM):
                token = token[:-1]
                continue
            # A final q or k turns into ğ (folded g) or y before a vowel: vətəndaşlıq / vətəndaşlığı, uşaq /
            # uşağa, illik / illiyi. One stem for both.
            if token.endswith("g") and len(token) > _AZ_MIN_PLURAL_STEM:
                return token[:-1] + "q"
            return token


def _copula_of(token: str, stop: frozenset[str]) -> bool:
    """Whether an Azerbaijani token is a function word with the copula glued on (kimdi, hansıdır)."""
    return any(token.endswith(c) and token[: -len(c)] in stop for c in _AZ_COPULAS)


def stem(tokens: list[str], lang: str) -> list[str]:
    """Reduce tokens to stems in the given language; numbers and unknown languages pass through."""
    if lang == "az":
        # A function word with a chat copula glued on ("qədərdi", "nədi", "kimdi") is still a function word.
        stop = STOPWORDS["az"]
        return [s for t in tokens if not _copula_of(t, stop) and (s := stem_az(t)) not in stop]
    stemmer = _stemmer(lang)
    if stemmer is None:
        return tokens
    stems: list[str] = stemmer.stemWords(tokens)
    return stems


def _tokens(text: str, stop: frozenset[str]) -> list[str]:
    """The words of a text that are no stopwords, each hyphenated word followed by its parts joined into one token
    (without parts that are stopwords: "2019-cu" adds nothing), so that a name written either way is found in
    order: "gecə-gündüz" reads "gece gunduz gecegunduz", as the vocabulary's name "gecə-gündüz" does. A word that
    starts with a figure and goes on in letters is a number and what it counts ("25-летие", "10-day", "5-illik"), no
    name: its parts only, for no one types "25летие", and a joined term no release uses would count against the
    evidence for answering as the rarest word. Names and codes ("COVID-19", "G-20") and numbers of figures only (a
    phone "012-493-15-03", a document's "No. 1-23", often typed without hyphens) still join."""
    text = _GROUPED_NUMBER.sub(lambda m: m.group(0).translate(_SEPARATORS), text)
    out: list[str] = []
    at = 0
    for match in _HYPHENATED.finditer(text):
        out += [t for t in tokenize(text[at : match.start()]) if t not in stop]
        parts = [p for p in tokenize(match.group(0)) if p not in stop]
        counted = len(parts) > 1 and parts[0].isdigit() and not all(p.isdigit() for p in parts)  # "10-day"
        out += parts if len(parts) < 2 or counted else [*parts, "".join(parts)]
        at = match.end()
    return out + [t for t in tokenize(text[at:]) if t not in stop]


# Russian writes an ordinal's ending after a hyphen ("109-й", "8-ое", "17-е", "67-ой", "2-го"): the ending goes,
# the figure stays (not "109" + "й" + "109й": a letter no release writes alone weighs as much as the rarest word).
# "2010-года" keeps its word.
_RU_ORDINAL_ENDING = re.compile(r"(?<=\d)-(?:й|я|е|ю|го|му|м|х|ом|ой|ый|ий|ая|ое|ые|ых|ым|ыми|ого|ому|ую|ей)\b")


# An English negated auxiliary ("won't", "didn't", "can't") is a function word as a whole: its pieces are not read,
# so "won't" does not leave "won" (the verb of "who won the race", which stays a term).
_EN_NEGATED = re.compile(r"\b\w+n['\u2019]t\b")


def analyze(text: str, lang: str = "en") -> list[str]:
    """Terms of a text in a language: normalized, tokenized, stopwords dropped, stemmed."""
    lang = lang if lang in LANGUAGES else "en"
    stop = STOPWORDS[lang]
    normalized = normalize(text, lang)
    if lang == "az":
        normalized = _AZ_DIGRAPH.sub(lambda m: _AZ_DIGRAPHS[m.group(0)], normalized)
        normalized = _AZ_HYPHENATED_ENDING.sub("", _AZ_TURKISH_INFINITIVE.sub("maq", normalized))
    elif lang == "ru":
        normalized = _RU_ORDINAL_ENDING.sub("", normalized)
    else:
        normalized = _EN_NEGATED.sub(" ", normalized)
    return stem(_tokens(normalized, stop), lang)


# Phrases that say what kind of answer a question wants ("how long", "what kind of", "the latest news"),
# not what it is about: dropped from questions (documents rarely use them, and need not). Matched on
# normalized text. Recency words still steer the ranking (recency.py) before they are dropped here.
_QUESTION_PHRASES = {
    "en": re.compile(r"\b(how (long|soon|often|fast|quickly)|what (kinds?|sorts?|types?) of|"
                     r"(does|did|will|would) it take|"
                     r"(the )?(latest|most recent|newest|recent) (news|press releases?|updates?)|latest|newest|"
                     r"recently|news)\b|"
                     # "what's his name", "ambassador in usa name": the name is the answer asked for (a person),
                     # not a word to find ("renamed" would match it); "my name" is what the question is about.
                     r"\b(what('?s| is) (his|her|their|the) name|(his|her|their) name|the name of)\b|"
                     r"(?<!my )\bname$|"
                     # chat shorthand for function words ("night n weekends", "can u", "pls"); only in questions
                     # and only standing alone: documents write "n-3", "R-loops", "U-937" (SciFact).
                     r"(?<![\w-])(u|ur|n|pls|plz)(?![\w-])"),
    "az": re.compile(r"\b(adi (ne|nedir|nedi)|ne vaxt(dan)?|ne qeder (vaxt|muddet)(e)?|(en )?son (xeber\w*|yenilik\w*)|"
                     r"xeber\w*|yenilik\w*|sonuncu|"
                     # "what shall I do" as people type it: asks for the steps, names nothing to find
                     r"neyleyim|neyleyek|neynim|neyneyim|neylemeliyem|ne edim|ne etmeliyem|ne etmek lazimdir)\b"),
    "ru": re.compile(r"\b(что (мне |нам )?(делать|предпринять)|как быстро|"
                     r"как (его |ее )?зовут|как долго|с какого (числа|времени)|с каких пор|в каком году|"
                     r"какого числа|последн\w*|новост\w*|новейш\w*|недавн\w*)\b"),
}


def question_terms(question: str, lang: str) -> list[str]:
    """Terms of a question: its phrasing of the answer's kind removed, then analyzed like any text."""
    lang = lang if lang in LANGUAGES else "en"
    return analyze(_QUESTION_PHRASES[lang].sub(" ", normalize(question, lang)), lang)


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_AZ_LETTERS = re.compile("[əğışçöüƏĞİŞÇÖÜ]")  # no IGNORECASE: it would let "I" match "ı"
# Frequent Azerbaijani words as people type them without Azerbaijani letters.
_AZ_CUES = frozenset(
    "ve ile ucun uzre nece necə hansi hansı harada kim ne niye nədir nedir olub olunub edib var yoxdur "
    "ilin ili ayi ayinda il bu bir mi mu mı mü ki da de hem amma ancaq ya yaxud azerbaycan azərbaycan "
    "vetendasi vətəndaşı xidmet xidmət miqrasiya nefer nəfər zeng zəng "
    # ... and in the agency's field, as typed without Azerbaijani letters
    "lazimdi lazimdir lazimdir olar olur edir etmek almaq nedi neçe hara haqqinda yoxsa mecburi mecburidi "
    "icaze icazesi icazəsi sened senedler senedleri qeydiyyat qeydiyyata konsulluq ucotu ucotuna sefirlik "
    "sefirliyi vetendasliq vetendasligi vetendasligim qacqin yasamaq yasayiram yasayir muraciet ucun "
    # ... and everyday chat words (harda "where", uchun for "üçün", ...)
    "harda hardadi hardadir uchun neche".split()
)
# Azerbaijani endings no English word of five letters or more has: the present and passive of verbs (işləyir,
# verilir, qoyulur, alınır), "I have -ed" (itirmişəm, typed itirmisem or itirmishem), the possessive (vəsiqəsi),
# the plural possessive (sənədləri).
_AZ_CUE_ENDINGS = ("yir", "ilir", "ulur", "inir", "unur", "misem", "mishem", "misam", "esi", "asi", "leri", "lari")


def detect_language(text: str) -> str:
    """Guess en/az/ru from the letters a text uses, then from frequent Azerbaijani words."""
    cyrillic = len(_CYRILLIC.findall(text))
    az_letters = len(_AZ_LETTERS.findall(text))
    latin = len(re.findall(r"[a-z]", text, re.IGNORECASE))
    if cyrillic and cyrillic >= latin:
        return "ru"
    if az_letters:
        return "az"
    words = tokenize(normalize(text, "az"))
    if not words:
        return "en"
    cues = sum(1 for w in words if w in _AZ_CUES or (len(w) >= 5 and w.endswith(_AZ_CUE_ENDINGS)))
    english = sum(1 for w in words if w in STOPWORDS["en"])
    return "az" if cues > english else "en"
