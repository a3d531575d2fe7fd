"""Whether a composed answer states what the question asks about: the last decision before an answer is sent.

The composer quotes the sentences that match a question best and checks that one of them holds the kind of
answer asked for (a fee, a phone number, hours, a count: answer_types.py). That check is loose on purpose, to
pick sentences: a line counts when it names *anything* of the question. So "azerbaycana vize qiymeti ne
qederdi" (the visa's price) was answered with "consular registration is free of charge" (it names
Azərbaycan), and "dmx bakı regional idarəsinin telefon nömrəsi" with the call centre's "phone calls" line.

Here the kind must be stated *about the question's topic*: some quoted sentence that holds the kind, read with
what introduces it (the nearest lead-in above, else the quote's first line or its paragraph's first sentence),
the title of its release and that release's other quotes, names at least `TOPIC` of the question's weight
beyond the words that ask for the kind, and not only its light words (the generic verbs and words of modality it is
asked with: "kanadaya viza almaq ucun ne lazimdir" is not answered by a passport's documents list that shares only
"almaq" and "lazımdır" with it). The question's parts
are its concepts (a vocabulary name with its other names counts once, and only when all its words are there:
"icazə vəsiqəsi" is not "şəxsiyyət vəsiqəsi"). When no quoted sentence does, the answer becomes the "not stated"
reply, exactly as when no quote holds the kind at all.

And a question that names a place, a country, an organisation or a person is answered only by quotes that name it
too (`names_kept`): "do azerbaijanis need a visa for georgia" is not answered by a work-permit page that never says
Georgia, nor "foreigner staying in baku how many days" by Nakhchivan's rules. A term is a name when the releases
that use it write it capitalized inside sentences (the index's own passages tell), or when one of the vocabulary's
other names for it is all names ("Russia": "Russian Federation", `names_a_name`); only the names at least as
distinctive as the question's average term are required (the agency's own country, named everywhere, is not). A
release's publisher and site name its place (an embassy's page need not repeat its city), and a release placed at a
place the question names, at one inside it or at one containing it (its publisher's place: retrieval/places.py)
speaks for it in the checks that read the release (`placed_terms`: names_kept, about_topic, entity_about_topic; the
Yekaterinburg consulate's page speaks for Russia though its text never says Russia; the Batumi consulate's speaks
for neither); names_kept credits it only when every cited release is placed there. Not stated_of, which reads the
line stating the fact: a mission's page states many durations and fees, not each of them of its place ("how long
does the embassy in washington take to mail back the certificate" is not answered by the citizen's own duty "within
a month" on the Washington embassy's page). And a name in at least COMMON of the passages (the agency's capital) is
covered by quotes naming a wider one (its country): a rule for the country covers its capital. A name in fewer than
COMMON of the passages is required whatever the question's other words weigh (a month is no such name), and a word
the question's releases never use that the vocabulary translates into a rare name of the main language (Zaqatala:
Zagatala) is required too (`named_elsewhere`).

A question that asks for no kind of answer ("do foreigners get a pension", "какая погода в баку") is answered by
its topic itself: when one of its content words is a word no release uses, in any language or under any of the
vocabulary's names, and the quotes do not say it either, they are about something else, however much of the rest
they cover (`unknown_topic`). Words wrapped around a question (greetings, verb forms, "really", shorthand) are not
content words (content_words.py), and a kind's own checks judge a question that asks for one.

A question whether one may or must do something ("беженцу можно выезжать за границу?", "qeydiyyat məcburidir?") asks
for a rule: quotes that only count what happened ("899 decisions ...", "6,652 applications were received"), none
saying what may or must be done, do not answer it (`rule_stated`), however many of its words they name. And a
question asking who spoke ("who gave the speech") wants a person named by title and name speaking, not "the
employees" (`speaker_named`).

Usage::

    answer = compose(question, hits, weights, "az")
    answer = about_topic(answer, Asked(plan, weights, cue=frozenset({"qiymet"})), "az")
    answer = names_kept(index, answer, Asked(plan, weights), "az")
    answer = unknown_topic(index, answer, Asked(plan, weights), "az")
    answer = rule_stated(answer, "az")
    answer = checked(index, answer, Asked(plan, weights), "az")   # all of the above, in order
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from pressbot.responses.answer_types import (
    AGE,
    DATE,
    DURATION,
    FOUNDED,
    HOURS,
    MONEY,
    MONTHS,
    NUMBER,
    PERSON,
    asked,
    asks_speaker,
    given_figures,
    may_or_must,
    names_person,
    reports_count,
    states_rule,
)
from pressbot.responses.composer import (
    _YEAR,
    OWN_LINE,
    Answer,
    Citation,
    Quote,
    _matched,
    _terms,
    concept_weight,
    holds,
    introducer,
    positive,
    without_given,
    word_terms,
)
from pressbot.responses.content_words import is_content, is_light
from pressbot.retrieval import Index
from pressbot.retrieval.analyzer import analyze, normalize
from pressbot.retrieval.glossary import Concept, Query
from pressbot.retrieval.sentences import split_sentences

# A term is a name when at least this share of its uses inside sentences are capitalized, in the passages the
# index finds for it (up to NAME_PASSAGES), and it is used there at least NAME_USES times.
NAME_SHARE = 0.8
NAME_USES = 2
NAME_PASSAGES = 10
NAMES_REMEMBERED = 10_000  # terms remembered per index (is_name), then forgotten all at once
_NAMES: weakref.WeakKeyDictionary[Index, dict[tuple[str, str], bool]] = weakref.WeakKeyDictionary()
_WORD = re.compile(r"\w+")
_OPENERS = frozenset(".!?:;•·-–—*\n")  # before a sentence's or a list item's first word

# The share of the question's weight (beyond its kind's cue words) that a line stating the kind, with its
# lead-in and its release's title, must name. Chosen from both dev sets (benchmarks/results/quality.md,
# "2026-12-01 decision").
TOPIC = 0.33
# A name used in at least this share of the corpus's passages is the agency's own ground (its country, its
# capital: Baku in 6.6 % of the bundled corpus's, Azerbaijan 22 %; Nakhchivan 2.2 %, Turkey 2.9 %, Georgia
# 1.0 %, Washington 0.8 %): a rule the quotes state for a wider name covers it (`names_kept`).
COMMON = 0.05


@dataclass(frozen=True)
class Asked:
    """A question as its answer was searched: the concepts (in the language of the releases searched), the
    idf weight of their terms, the terms that only ask for the kind of answer ("fee", "telefon") and the terms of
    the light words it is asked with ("almaq", "получить", "нужны": light_terms), which name none of its topic."""

    plan: Query
    weights: Mapping[str, float]
    cue: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()


def light_terms(question: str, lang: str) -> frozenset[str]:
    """The terms of a question's light words (content_words.is_light: "get", "almaq", "нужны"), analyzed in its
    language: what only carries the asking, naming none of its topic."""
    return frozenset(t for word in light_words(question, lang) for t in analyze(word, lang))


def light_words(question: str, lang: str) -> list[str]:
    """A question's light words (content_words.is_light), in order."""
    return [word for word in _WORD.findall(question) if is_light(word, lang)]


def cue_terms(question: str, lang: str) -> tuple[str | None, str]:
    """The kind a question asks for and the words that ask it ("" when none)."""
    found = asked(question, lang)
    return (found[0], found[1]) if found else (None, "")


def weighed(asked_: Asked) -> list[tuple[Concept, float]]:
    """The question's concepts, each with its weight (its said terms' idf, none at zero)."""
    weights = positive(asked_.weights) if asked_.weights else {}
    return [(c, concept_weight(c, weights)) for c in asked_.plan.concepts]


def _topic(asked_: Asked) -> list[tuple[Concept, float]]:
    """The question's concepts beyond its cue words, each with its weight (its said terms' idf)."""
    parts = weighed(asked_)
    topic = [(c, w) for c, w in parts if not set(c.said) & asked_.cue]
    return topic or parts  # "qəbul günləri": the cue words are all the question says


def named(concept: Concept, terms: frozenset[str]) -> bool:
    """Whether a text's terms name a concept: every term of one of its alternatives, inflections matched."""
    return any(alt and all(_matched({t: 1.0}, terms) for t in alt) for alt in concept.alternatives)


def topic_share(asked_: Asked, text: str, lang: str, placed: frozenset[str] = frozenset()) -> float:
    """The share of the question's weight beyond its cue words that a text names. `placed`: the terms of the
    question's places its release speaks for (`placed_terms`): such a place the text does not write is left out of
    the topic (the release answers for it), so that the rest is what the text must name; the place alone never
    makes the share ("сколько стоит виза в мексику" is not answered by the Mexico embassy's free consular
    registration). Nor do the question's light words alone (`Asked.light`: its generic verbs and words of modality,
    content_words.is_light): a text naming nothing of the topic but "almaq" and "lazımdır" names none of it, however
    much they weigh (a word the releases never use in that form weighs the most)."""
    terms = _terms(text, lang)
    topic = [(c, w) for c, w in _topic(asked_) if named(c, terms) or not named(c, placed)]
    total = sum(w for _, w in topic)
    if not total:
        return 1.0
    said = [(c, w) for c, w in topic if named(c, terms)]
    if said and all(set(c.said) <= asked_.light for c, _ in said):
        return 0.0  # only the words the question is asked with: "almaq", "lazımdır" name no topic
    return sum(w for _, w in said) / total


def _lines_stating(kind: str, quote: str, lang: str, given: frozenset[str]) -> list[tuple[str, str]]:
    """The sentences of a quote that state the kind, each with what introduces it: the nearest lead-in above
    ending in ":", else the quote's first line; in that first line itself, its first sentence ("Вид на
    жительство выдается на пять лет. Пошлина составляет 40 манатов.")."""
    lines = quote.split("\n")
    out = []
    for at, line in enumerate(lines):
        sentences = split_sentences(line) or [line]
        for sentence in sentences:
            if holds(kind, without_given(sentence, given, lang), lang):
                intro = introducer(lines, at)
                out.append((sentence, lines[intro] if intro != at else sentences[0]))
    return out


def about_topic(answer: Answer, asked_: Asked, source_lang: str | None = None, share: float = TOPIC,
                index: Index | None = None) -> Answer:
    """The answer as composed when a quoted line states the kind asked for about the question's topic (or
    when no kind is asked); else the "not stated" reply with the first source as the closest release.
    `source_lang`: the language of the quoted releases (the question's when None). `index`: the served one, whose
    vocabulary places the releases (`placed_terms`: a place the question names counts as named by a release
    placed there); without it only what the releases write counts."""
    kind, _ = cue_terms(answer.query, answer.lang)
    if not answer.answered or kind is None:
        return answer
    lang = source_lang or answer.lang
    given = given_figures(answer.query, kind, answer.lang)
    placed = spoken_for(index, answer, asked_, lang)
    for quote in answer.quotes:
        for line, intro in _lines_stating(kind, quote.text, lang, given):
            text = "\n".join([line, intro, *_beside(answer, quote)])
            if topic_share(asked_, text, lang, placed.get(quote.n, frozenset())) >= share:
                return answer
    return replace(answer, answered=False, quotes=(), citations=(), missing=kind, related=answer.citations[0],
                   reason="about_topic")


def kind_share(answer: Answer, asked_: Asked, source_lang: str | None = None,
               index: Index | None = None) -> float | None:
    """The largest share of the question's topic that a quoted line stating the kind asked for names with its
    lead-in (not the release's title or other quotes: what the line itself says the figure is about); None when
    the question is not answered or asks for no kind, 0.0 when no quoted line states the kind. Comparable across
    languages: each side is read with its own question (as searched in its releases' language). `index`: as for
    about_topic, a place the question names counts as named by a release placed there."""
    kind, _ = cue_terms(answer.query, answer.lang)
    if not answer.answered or kind is None:
        return None
    lang = source_lang or answer.lang
    given = given_figures(answer.query, kind, answer.lang)
    placed = spoken_for(index, answer, asked_, lang)
    return max((topic_share(asked_, "\n".join([line, intro]), lang, placed.get(quote.n, frozenset()))
                for quote in answer.quotes for line, intro in _lines_stating(kind, quote.text, lang, given)),
               default=0.0)


def _beside(answer: Answer, quote: Quote) -> list[str]:
    """What a quote is read with: its release's title and the other quotes from that release."""
    title = next((c.title for c in answer.citations if c.n == quote.n), "")
    return [title, *(q.text for q in answer.quotes if q.n == quote.n and q is not quote)]


def own_cue(question: str, lang: str) -> frozenset[str]:
    """The terms of the words that ask for the kind, analyzed in the question's language."""
    return frozenset(analyze(cue_terms(question, lang)[1], lang))


def is_name(index: Index, term: str, lang: str) -> bool:
    """Whether the releases in `lang` write a term as a name: capitalized inside their sentences. Remembered
    per served index (a term's use does not change until the corpus is reloaded)."""
    known = _NAMES.setdefault(index, {})
    if (term, lang) not in known:
        if len(known) >= NAMES_REMEMBERED:
            known.clear()
        known[term, lang] = _written_as_name(index, term, lang)
    return known[term, lang]


def _written_as_name(index: Index, term: str, lang: str) -> bool:
    hits = index.search_in(Query((Concept(((term,),)),)), lang, k=NAME_PASSAGES)
    uses = capitalized = 0
    for hit in hits:
        for found in _WORD.finditer(hit.text):
            word = found.group(0)
            if _first(word[:1], lang) != term[:1]:
                continue  # cheap: a word whose first letter differs cannot have the term as its stem
            if term not in word_terms(word, lang) or _opens(hit.text, found.start()):
                continue  # a sentence's or a list item's first word is capitalized whatever it is
            uses += 1
            capitalized += word[0].isupper()
    return uses >= NAME_USES and capitalized >= NAME_SHARE * uses


def _opens(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence, a line or a list item (what precedes it, spaces skipped, is
    nothing, an end of sentence, a line break or a bullet)."""
    i = at - 1
    while i >= 0 and text[i] in " \t\"'“«(":
        i -= 1
    return i < 0 or text[i] in _OPENERS


@functools.lru_cache(maxsize=1024)
def _first(letter: str, lang: str) -> str:
    """A word's first letter as analysis writes it (case and Azerbaijani letters folded: "Ş" -> "s")."""
    return normalize(letter, lang)[:1]


def names_kept(index: Index, answer: Answer, asked_: Asked, source_lang: str | None = None) -> Answer:
    """The answer as composed when its quotes, cited titles and publishers name every distinctive name the question
    says, a place counting as named when every cited release is placed there (`placed_terms`); else an abstention
    (answered=False, no "not stated" kind: nothing quoted is about what was asked)."""
    if not answer.answered:
        return answer
    lang = source_lang or answer.lang
    parts = weighed(asked_)
    if not parts:
        return answer
    mean = sum(w for _, w in parts) / len(parts)
    # A place is named by the answer's releases all placed there: one placed there beside others that neither
    # write it nor speak for it is the home's mission quoted beside unrelated pages (the Batumi consulate's rules
    # for visas to Azerbaijan are no answer to "do I need a visa for Georgia").
    placed = list(spoken_for(index, answer, asked_, lang).values())
    quoted = _quoted_terms(answer, lang) | (frozenset.intersection(*placed) if placed else frozenset())
    for concept, weight in parts:
        if (weight < mean and not rare(weight)) or len(concept.said) != 1 or named(concept, quoted):
            continue
        if _month(concept.said[0], lang):
            continue  # "in March": a date, which the kinds and the year check read
        if names_a_name(index, concept, lang) and not _ground(index, concept.said[0], weight, quoted, lang):
            return replace(answer, answered=False, quotes=(), citations=(), reason="names_kept")
        elsewhere = named_elsewhere(index, concept.said[0], lang)
        if elsewhere and not elsewhere & quoted:
            return replace(answer, answered=False, quotes=(), citations=(), reason="names_kept")
    return answer


def names_a_name(index: Index, concept: Concept, lang: str) -> bool:
    """Whether a one-word concept is a name (is_name): as the question says it, else under one of the vocabulary's
    other names for it, every word of which is a name. A name is often written in a form the releases seldom use
    ("Russia": the English releases say "Russian Federation"), too seldom for its capitals to tell; its other names
    tell."""
    return any(alt and all(is_name(index, t, lang) for t in alt) for alt in (concept.said, *concept.alternatives))


def named_elsewhere(index: Index, term: str, lang: str) -> frozenset[str]:
    """A question's word that no release uses but that the vocabulary translates into a rare name of the corpus's
    main language (az "Zaqatala" -> Zagatala, "Gəncə" -> Ganja, ru "Москва" -> Moscow): those names, which the quotes
    must say; empty for any other word. The releases in the question's language never name the place, so an
    answer from them is about another one (the Astara mobile service for Zaqatala's, the Yekaterinburg consulate
    for Moscow's); the cross-language path, searching with the name, may still find it."""
    main = index.languages[0] if index.languages else lang
    if lang == main or term in index.postings.vocabulary or len(term) <= 2:
        return frozenset()  # two letters ("аз", "ар") are shorthand, as the evidence reads them (composer.evidence)
    translated = [t for t in index.glossary.translate([term], lang, main)[0].terms if t != term]
    weights = index.term_weights(translated) if translated else {}
    return frozenset(t for t in translated if rare(weights[t]) and is_name(index, t, main))


@functools.lru_cache(maxsize=8)
def _month_terms(lang: str) -> frozenset[str]:
    return frozenset(t for word in MONTHS for t in analyze(word, lang))


def _month(term: str, lang: str) -> bool:
    """Whether a term is a month's name as analysis writes it ("march", "март", "mart")."""
    return term in _month_terms(lang)


def rare(idf: float) -> bool:
    """Whether a term of this idf is used in fewer than COMMON of the corpus's passages: a name that rare (a
    country, a district, an organisation) is what the question is about, whatever else it says, so the quotes
    must name it. The question's mean weight alone let it go: a word no release uses weighs the most (7.03), and
    "какие документы нужны для визы в турцию" required no Turkey because the unknown "нужны" raised the mean."""
    return 1 / (math.exp(idf) + 1) < COMMON  # BM25's idf ln((N - n + 0.5) / (n + 0.5)): n / N about 1 / (e^idf + 1)


def _where_stated(answer: Answer, quote: Quote, line: str, intro: str) -> str:
    """What a line stating the kind is read with for the year and the names: its lead-in, its release's title
    and date (not the release's other quotes: a year said in another sentence is not the year of this figure)."""
    citation = next((c for c in answer.citations if c.n == quote.n), None)
    return "\n".join([line, intro, citation.title if citation else "", (citation.date or "") if citation else ""])


def _preceding(answer: Answer, quote: Quote) -> str:
    """The quote of the same release quoted right before this one when both are one paragraph of the cited passage
    (no line break between them; unquoted sentences may stand between), or ""."""
    citation = next((c for c in answer.citations if c.n == quote.n), None)
    ours = [q for q in answer.quotes if q.n == quote.n]
    at = ours.index(quote)
    if citation is None or at == 0:
        return ""
    before = ours[at - 1].text
    start = citation.passage.find(before)
    if start < 0:
        return ""
    rest = citation.passage[start + len(before):]
    between = rest.find(quote.text.split("\n")[0])
    return before if between >= 0 and "\n" not in rest[:between] else ""


def _years(text: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in _YEAR.finditer(text))


def distinctive_names(index: Index, asked_: Asked, lang: str) -> list[Concept]:
    """The question's names (is_name) at least as distinctive as its average concept (names_kept also requires
    rarer ones of the quotes; these are the ones stated_of wants where the kind is stated). A month is no name,
    though English capitalizes it ("June"): it is part of a date, which a release's date gives as figures
    ("2010-06-16") and the year check reads, as names_kept leaves months out."""
    parts = weighed(asked_)
    mean = sum(w for _, w in parts) / len(parts) if parts else 0.0
    return [c for c, w in parts if w >= mean and len(c.said) == 1 and not _month(c.said[0], lang)
            and is_name(index, c.said[0], lang)]


def stated_of(index: Index, answer: Answer, asked_: Asked, source_lang: str | None = None) -> Answer:
    """The answer as composed when the quoted lines that state the kind asked for name, with their lead-ins, their
    releases' titles and dates, every year the question names and one of the distinctive names it says (a list
    may give one district per line; the other names must be in the quotes: names_kept), the agency's own ground
    (Baku) named by a wider name there, as names_kept reads it (`_ground`: "foreigners staying in the Republic of
    Azerbaijan for more than 10 days" is stated of Baku); else the "not stated"
    reply with the first source as the closest release. A line naming no year of its own is read with the quoted
    sentence written right before it in its paragraph (`_preceding`). "how many work permits in 2015" is not
    answered by 2016's figure quoted beside a sentence that mentions 2015, nor "телефон регионального управления гмс
    в гяндже" by a line that states a phone without naming Ganja."""
    kind, _ = cue_terms(answer.query, answer.lang)
    if not answer.answered or kind is None:
        return answer
    lang = source_lang or answer.lang
    years = _years(answer.query)
    names = distinctive_names(index, asked_, lang)
    if not years and not names:
        return answer
    given = given_figures(answer.query, kind, answer.lang)
    stating = [(quote, line, intro) for quote in answer.quotes
               for line, intro in _lines_stating(kind, quote.text, lang, given)]
    stated = "\n".join(_where_stated(answer, quote, line, intro) for quote, line, intro in stating)
    # A line naming no year of its own continues the time of the quoted sentence written right before it in its
    # paragraph ("… committed in January 1990 …" then "… 147 persons were killed …"); one naming a year is read by
    # itself ("In 2016, 500 permits were issued" is not 2015's figure whatever the sentence before it says).
    dated = "\n".join(_preceding(answer, quote) for quote, line, _ in stating if not _years(line))
    terms = _terms(stated, lang)
    # Of several names, one is enough ("the mobile service in Zagatala for residents of Zagatala, Balakan and
    # Gakh": the figure's line names the district it was held in); names_kept already wants each in the quotes.
    weights = dict(weighed(asked_))
    if years <= _years(stated) | _years(dated) and (not names or any(
            named(c, terms) or _ground(index, c.said[0], weights[c], terms, lang) for c in names)):
        return answer
    return replace(answer, answered=False, quotes=(), citations=(), missing=kind, related=answer.citations[0],
                   reason="stated_of")


def entity_about_topic(answer: Answer, asked_: Asked, source_lang: str | None = None, share: float = TOPIC,
                       index: Index | None = None) -> Answer:
    """The answer as composed unless it asks for a kind that belongs to one named thing (composer.OWN_LINE: a place,
    a street address, a contact, a person, an age) and no quoted line stating it names `share` of the question's
    topic with its own lead-in, title and date (not the release's other quotes); then the "not stated" reply with
    the first source as the closest release. A phone number of the call centre quoted beside a sentence about the
    Baku office is not the Baku office's, nor "18 yaşı tamam olmuş şəxslər" in a passport's rules the age from
    which an identity card is issued; a figure is different: it often continues the sentence before it ("This
    campaign covered about 100 families"), so about_topic's reading (with the release's other quotes) stays the
    rule for numbers, dates, durations, fees, hours and lists. `index`: as for about_topic, a release placed at a
    place the question names names it."""
    kind, _ = cue_terms(answer.query, answer.lang)
    if not answer.answered or kind not in OWN_LINE:
        return answer
    lang = source_lang or answer.lang
    placed = spoken_for(index, answer, asked_, lang)
    for quote in answer.quotes:
        for line, intro in _lines_stating(kind, quote.text, lang, frozenset()):
            text = _where_stated(answer, quote, line, intro)
            if topic_share(asked_, text, lang, placed.get(quote.n, frozenset())) >= share:
                return answer
    return replace(answer, answered=False, quotes=(), citations=(), missing=kind, related=answer.citations[0],
                   reason="entity_about_topic")


def _publisher(citation: Citation) -> str:
    """Who published a cited release, as its source and its site's host name it ("Embassy of Azerbaijan in the
    USA", washington.mfa.gov.az): an embassy's page need not repeat the city it is written in."""
    host = urlsplit(citation.url or "").hostname or ""
    return " ".join([citation.source or "", host.replace(".", " ")])


def placed_terms(index: Index, asked_: Asked, citation: Citation, lang: str) -> frozenset[str]:
    """The terms of the question's places (its concepts naming a place of the vocabulary, read in `lang`) that a
    cited release speaks for: it is placed at that place, at one inside it or at one containing it (places.py; its
    publisher names the place). The Washington embassy's page ("Embassy of Azerbaijan in the USA") speaks for the
    USA and for Washington though its text never writes them; the Yekaterinburg consulate's for Russia. A release
    placed elsewhere, or nowhere in particular, speaks for none: the places it does not write stay unnamed."""
    glossary = index.glossary
    if not glossary.places:
        return frozenset()
    release = glossary.placed_at(citation.source or "")
    if not release:
        return frozenset()
    related = glossary.places.related
    return frozenset(t for concept in asked_.plan.concepts
                     if any(related(r, a) for r in release for a in glossary.places_named(concept.said, lang))
                     for t in concept.said)


def spoken_for(index: Index | None, answer: Answer, asked_: Asked, lang: str) -> dict[int, frozenset[str]]:
    """`placed_terms` of each cited release, by its number (none without an index)."""
    if index is None:
        return {}
    return {c.n: placed_terms(index, asked_, c, lang) for c in answer.citations}


def _ground(index: Index, term: str, idf: float, quoted: frozenset[str], lang: str) -> bool:
    """Whether a name is the agency's own ground, covered by a rule the quotes state for a wider one: a name
    in at least COMMON of the corpus's passages (Baku for the State Migration Service), when the quotes name a
    name used more widely still (Azerbaijan): a rule for the country covers its capital."""
    if 1 / (math.exp(idf) + 1) < COMMON:  # BM25's idf ln((N - n + 0.5) / (n + 0.5)): n / N about 1 / (e^idf + 1)
        return False
    return any(index.term_weights([t])[t] < idf and is_name(index, t, lang) for t in quoted)


def _quoted_terms(answer: Answer, lang: str) -> frozenset[str]:
    """The terms of an answer's quotes, its cited titles and their publishers."""
    return frozenset().union(*(_terms(q.text, lang) for q in answer.quotes),
                             *(_terms(c.title, lang) for c in answer.citations),
                             *(_terms(_publisher(c), lang) for c in answer.citations))


def content_words_of(question: str, lang: str) -> list[str]:
    """The question's words that have terms and are content words (content_words.is_content), in order."""
    return [word for word in _WORD.findall(question) if analyze(word, lang) and is_content(word, lang)]


def unknown_words(index: Index, words: list[str], asked_: Asked, lang: str) -> list[str]:
    """Of a question's content words (`content_words_of`), those whose terms no release uses, in any language and
    under none of the vocabulary's other names (in the question's language or another): what the question asks
    about that the releases never name ("pension", "погода", "maaşı", "Canada"). `lang`: the question's language,
    in which its words are read."""
    vocabulary = index.postings.vocabulary
    unknown = {t for c in asked_.plan.concepts if not any(u in vocabulary for alt in c.alternatives for u in alt)
               for t in c.said}
    return [word for word in words if (terms := set(analyze(word, lang)) & unknown)
            and not any(_swapped(t, vocabulary) or _translated(index, t, lang) for t in terms)]


def _translated(index: Index, term: str, lang: str) -> bool:
    """Whether the vocabulary names a term in another language with a word the releases use ("граница": border):
    the releases in that language may speak of it."""
    return any(t != term and t in index.postings.vocabulary
               for target in index.languages if target != lang
               for t in index.glossary.translate([term], lang, target)[0].terms)


def _swapped(term: str, vocabulary: Collection[str]) -> bool:
    """Whether a term is a known one typed with two neighbouring letters swapped ("yeras" for "years"): the most
    common typo, which spelling.py leaves alone in words under its MIN_TYPO_LENGTH."""
    return any(term[:i] + term[i + 1] + term[i] + term[i + 2:] in vocabulary for i in range(len(term) - 1))


# How much of a question its unsaid unknown words must be (of its content words) for unknown_topic to decline: a
# question about the weather is half weather, while a long message naming the city the person writes from, or a
# word for their hurry, is mostly about what the releases do say. 0.25: the largest share that keeps every
# in-scope answer of the tuning sets; declines of out-of-scope questions are the same from 0 up to it.
UNSAID_SHARE = 0.25


def unknown_topic(index: Index, answer: Answer, asked_: Asked, source_lang: str | None = None) -> Answer:
    """The answer as composed unless the question asks for no kind of answer (a yes/no or "what about X"
    question, whose answer is the topic itself) and one of its content words that no release uses is not in
    the quotes (inflections matched: "vizam" is "viza"), and such words are at least UNSAID_SHARE of its content
    words; then an abstention. "do foreigners get a pension" is not answered by a residence permit's rules,
    "какая погода в баку" by a meeting held in Baku. A question asking for a kind is left to the kind's checks:
    "passport for my baby how long is it valid" is answered by the duration stated for the passport."""
    if not answer.answered or cue_terms(answer.query, answer.lang)[0] is not None:
        return answer
    lang = source_lang or answer.lang
    quoted = _quoted_terms(answer, lang)
    content = content_words_of(answer.query, answer.lang)
    unsaid = [word for word in unknown_words(index, content, asked_, answer.lang)
              if not _matched({t: 1.0 for t in analyze(word, answer.lang)}, quoted)]
    if unsaid and len(unsaid) >= UNSAID_SHARE * len(content):
        return replace(answer, answered=False, quotes=(), citations=(), reason="unknown_topic")
    return answer


# The kinds that are figures: a question asking for one ("how many times can it be extended") is judged by its kind.
FIGURES = frozenset({NUMBER, DURATION, MONEY, AGE, DATE, HOURS, FOUNDED})


def _quoted_sentences(answer: Answer) -> list[str]:
    """The sentences of an answer's quotes, line by line (a line no sentence boundary splits is one)."""
    return [s for q in answer.quotes for line in q.text.split("\n") for s in split_sentences(line) or [line]]


def rule_stated(answer: Answer, source_lang: str | None = None) -> Answer:
    """The answer as composed unless the question asks whether something may or must be done (may_or_must, and no
    figure: FIGURES) and every quoted sentence only reports a count (reports_count) with none saying what may or
    must be done; then an abstention. "беженцу можно выезжать за границу?" is not answered by how many decisions
    to leave the country were taken in May, nor "can a temporary residence permit be extended more than 4 times"
    by how many applications for one were received in a month: a count tells what happened, not the rule."""
    if not answer.answered or cue_terms(answer.query, answer.lang)[0] in FIGURES:
        return answer
    if not may_or_must(answer.query, answer.lang):
        return answer
    lang = source_lang or answer.lang
    sentences = [s for s in _quoted_sentences(answer) if s.strip()]
    if not sentences or not all(reports_count(s, lang) for s in sentences):
        return answer
    if any(states_rule(s, lang) for s in sentences):
        return answer
    return replace(answer, answered=False, quotes=(), citations=(), reason="rule_stated")


def speaker_named(answer: Answer, source_lang: str | None = None) -> Answer:
    """The answer as composed unless the question asks who spoke (answer_types.asks_speaker) and no quoted sentence
    names a person by title and name speaking (names_person); then the "not stated" reply with the first source as
    the closest release. "who gave the speech at the sms in jan 2012" is not answered by "At first Service employees
    got acquainted with the exhibition": employees are people (the PERSON kind holds), not the one who spoke."""
    if not answer.answered or not asks_speaker(answer.query, answer.lang):
        return answer
    lang = source_lang or answer.lang
    if any(names_person(s, lang) for s in _quoted_sentences(answer)):
        return answer
    return replace(answer, answered=False, quotes=(), citations=(), missing=PERSON, related=answer.citations[0],
                   reason="speaker_named")


def checked(index: Index, answer: Answer, asked_: Asked, source_lang: str | None = None) -> Answer:
    """A composed answer through every check above, in order, as the question's own language and the
    cross-language fallback both read it (`source_lang`: the quoted releases' language, the question's when None):
    the kind stated about the topic, the names kept, the name or year stated where the kind is, the entity's own
    line, a speaker named, the unknown topic, a rule stated."""
    answer = about_topic(answer, asked_, source_lang=source_lang, index=index)
    answer = names_kept(index, answer, asked_, source_lang=source_lang)
    answer = stated_of(index, answer, asked_, source_lang=source_lang)
    answer = entity_about_topic(answer, asked_, source_lang=source_lang, index=index)
    answer = speaker_named(answer, source_lang=source_lang)
    return rule_stated(unknown_topic(index, answer, asked_, source_lang=source_lang), source_lang=source_lang)
