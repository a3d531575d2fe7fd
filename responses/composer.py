"""Composing an answer from hits: whole sentences quoted from the passages, each tied to a numbered source.

Nothing here writes a sentence of its own: an answer is a list of quotes cut from retrieved passages,
or an abstention when the evidence is too weak.

Usage::

    hits = index.search(question)
    answer = compose(question, hits, index.term_weights(index.query_terms(question, "en")), "en")
    answer.answered, [q.text for q in answer.quotes], [c.url for c in answer.citations]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pressbot.responses.answer_types import (
    ADDRESS,
    AGE,
    CONTACT,
    LIST,
    PERSON,
    PLACE,
    asked,
    asks_whether,
    given_figures,
    is_yes_no,
    names_person,
)
from pressbot.responses.answer_types import holds as _holds_uncached
from pressbot.responses.series import Numbered, carries, numbered_names, numbers_other
from pressbot.retrieval import Hit
from pressbot.retrieval.analyzer import analyze, normalize
from pressbot.retrieval.glossary import Concept, Query
from pressbot.retrieval.sentences import ends_with_abbreviation, split_paragraphs, split_sentences
from pressbot.retrieval.structure import ELLIPSIS, introduced, is_heading, is_item, is_lead_in

# A further sentence of a source is quoted only if it adds at least this share of what the first one added;
# question terms already quoted count at REPEATED of their weight (relevant, but not news).
MIN_GAIN = 0.25
REPEATED = 0.5


@dataclass(frozen=True)
class ComposerSettings:
    """How much to quote and when to abstain (see the `answer:` section of the configuration)."""

    max_sources: int = 3
    sentences_per_source: int = 3
    # Abstain unless the evidence (see `evidence`) reaches this share of the question's idf mass: chosen from
    # `pressbot eval --sweep` on qa-dev and citizen-dev (benchmarks/results/quality.md).
    min_coverage: float = 0.41
    # Cite a further source only if its best passage scores at least this fraction of the best hit ...
    relative_score: float = 0.5
    # ... and covers at least this share of the question.
    source_coverage: float = 0.4


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer."""

    n: int
    doc_id: str
    passage_id: str
    title: str
    url: str | None
    date: str | None
    source: str | None
    score: float
    passage: str  # the source's retrieved passages that its quotes were cut from, in document order


@dataclass(frozen=True)
class Quote:
    """A sentence taken verbatim from a cited passage."""

    text: str
    n: int


@dataclass(frozen=True)
class Answer:
    """What the responder says: quotes with their citations, or an abstention (answered=False)."""

    query: str
    lang: str
    answered: bool
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = field(default=())
    # How much of the question the best source covers (see `evidence`); compared with min_coverage.
    evidence: float = 0.0
    # When the question asks for a kind of answer (answer_types.KINDS) that no quotable sentence of the cited
    # sources holds: that kind, and the closest source as "related" (answered is then False).
    missing: str | None = None
    related: Citation | None = None
    # Why an answer was declined, the check that made it (REASONS); None when answered.
    reason: str | None = None


# The checks that decline an answer, as `Answer.reason` names them: no passage found ("no_hits"), none of the
# releases found speaks of the year the question names (on_years), the best source covers too little of the
# question (evidence < min_coverage), nothing quotable ("no_quote"), no quote holds the kind asked for
# ("not_stated"), none states it about the question's topic (decision.about_topic), a name of the question not
# quoted (decision.names_kept), the lines stating the kind do not name the question's year or names
# (decision.stated_of) or, for a place, contact or person, its topic (decision.entity_about_topic), a question
# asking for no kind names a thing no release names and no quote says (decision.unknown_topic), a question
# whether one may or must do something quoted only counts (decision.rule_stated), one asking who spoke quoted no
# one named speaking (decision.speaker_named), a question about the person's own application (own_case.py: no
# release can answer it).
REASONS = ("no_hits", "on_years", "evidence", "no_quote", "not_stated", "about_topic", "names_kept", "stated_of",
           "entity_about_topic", "unknown_topic", "rule_stated", "speaker_named", "own_case")


def _key(sentence: str) -> str:
    """Identity of a sentence for de-duplication across sources."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", sentence).casefold()))


def related(a: str, b: str) -> bool:
    """Two stems of one word family: equal, or sharing all but the last two letters of the shorter (at
    least four), so that inflections the stemmer keeps apart ("conclud"/"conclus", "ucot"/"ucotu") match."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 4:
        return False
    need = max(4, shortest - 2)
    return a[:need] == b[:need]


def _matched(weights: Mapping[str, float], terms: frozenset[str]) -> set[str]:
    """The question terms a sentence's terms match (related stems share their first four letters)."""
    by_prefix = _by_prefix(terms)
    return {q for q in weights if q in terms or any(related(q, t) for t in by_prefix.get(q[:4], ()))}


@functools.lru_cache(maxsize=1024)  # a question's sentences, their sources' unions (held), and recent ones
def _by_prefix(terms: frozenset[str]) -> Mapping[str, tuple[str, ...]]:
    """A sentence's terms by their first four letters; cached, since `_matched` reads the same sentences' terms
    (`_terms`) for every concept of a question and question after question (87 calls a question at 100k)."""
    by_prefix: dict[str, list[str]] = {}
    for t in terms:
        by_prefix.setdefault(t[:4], []).append(t)
    return {prefix: tuple(group) for prefix, group in by_prefix.items()}


@functools.lru_cache(maxsize=8192)
def _terms(text: str, lang: str) -> frozenset[str]:
    """A sentence's terms; cached, since the same corpus sentences come back question after question."""
    return frozenset(_sequence(text, lang))


@functools.lru_cache(maxsize=16384)
def holds(kind: str | None, text: str, lang: str = "en") -> bool:
    """answer_types.holds, cached: the same corpus sentences are checked for a kind question after question."""
    return _holds_uncached(kind, text, lang)


@functools.lru_cache(maxsize=8192)
def _sequence(text: str, lang: str) -> tuple[str, ...]:
    """A sentence's terms in the order written (a vocabulary name is a run of them)."""
    return tuple(analyze(text, lang))


# For each concept of the question (retrieval/glossary.py): the terms the question said for it, and the other
# names the vocabulary knows it by ("mobile application" for "app", "rus dilində" for "rusca").
Names = tuple[tuple[frozenset[str], tuple[tuple[str, ...], ...]], ...]


def names_of(plan: Query | None) -> Names:
    """The question's concepts with their other names; () without a plan (each term is then only itself)."""
    if plan is None:
        return ()
    return tuple((frozenset(c.said), tuple(alt for alt in c.alternatives[1:] if alt))
                 for c in plan.concepts if len(c.alternatives) > 1)


def _runs(sequence: Sequence[str], name: Sequence[str]) -> bool:
    """Whether a name's terms stand in a sentence's terms one right after the other, as the name is written:
    "mobile application" names the app, "applicants … mobile service" does not."""
    n = len(name)
    if n == 1:
        return name[0] in sequence
    return any(sequence[i] == name[0] and tuple(sequence[i:i + n]) == tuple(name)
               for i in range(len(sequence) - n + 1))


def _matches(weights: Mapping[str, float], text: str, lang: str, names: Names = ()) -> set[str]:
    """The question terms a unit matches: by the terms themselves (inflections related), or, for a concept of
    the vocabulary, by one of its other names written out in the unit (then all the terms said for it)."""
    matched = _matched(weights, _terms(text, lang))
    if names:
        sequence = _sequence(text, lang)
        for said, others in names:
            if not said <= matched and any(alt[0] in sequence and _runs(sequence, alt) for alt in others):
                matched |= {t for t in said if t in weights}
    return matched


@dataclass(frozen=True)
class _Unit:
    """A quotable unit of a source: one sentence, or a line that introduces others (a lead-in, a heading, a
    FAQ question) together with what it introduces, up to structure.MAX_ITEMS lines or MAX_CHARS."""

    text: str
    line: int  # the paragraph (index into the source's lines) the sentence is from
    covers: tuple[int, ...] = ()  # the following paragraphs it quotes whole: what the sentence introduces


def without_given(text: str, given: frozenset[str], lang: str) -> str:
    """The text without the figures the question gives itself ("migration school 6") and its words for numbers
    ("the first half of 2018": "half"): they are not the number it asks for."""
    figures = sorted((g for g in given if g.isdigit()), key=len, reverse=True)
    words = given.difference(figures)
    if figures:
        text = re.sub(r"(?<!\d)(" + "|".join(figures) + r")(?!\d)", " ", text)
    if words:  # "half", "yarım", "половина" as the question writes it: compared normalized
        text = _WORD_RUN.sub(lambda m: " " if normalize(m.group(), lang) in words else m.group(), text)
    return text


# The kinds a sentence holds by its common nouns ("centre", "district" for a place): written by the question itself
# ("where are the detention centres"), such a word is what the question asks about, not the answer: the sentence is
# read without the question's words. Only the place: for a person ("who helps returned citizens") the same reading
# lost facts ("citizens" is both the topic and, in "citizens of Georgia", part of the answer).
ASKED_WORDS_HOLD_NOT = frozenset({PLACE})


def without_asked(text: str, lang: str, asked_terms: frozenset[str]) -> str:
    """The text with each word written in lower case whose term is one of the question's (`asked_terms`,
    inflections related) blanked: "… in detention centers for illegal migrants" says no place to "where are the
    detention centres". A name the question says stays ("… services in Zanzibar" is where, asked "where in
    Zanzibar"), as does a word opening a sentence."""
    if not asked_terms:
        return text
    return _WORD_RUN.sub(lambda m: " " if not m.group()[:1].isupper() and _asks_word(m.group(), lang, asked_terms)
                         else m.group(), text)


_WORD_RUN = re.compile(r"\w+")


def _asks_word(word: str, lang: str, asked_terms: frozenset[str]) -> bool:
    """Whether a word's term is one of the question's (inflections related)."""
    terms = word_terms(word, lang)
    return bool(terms) and all(any(related(t, q) for q in asked_terms if q[:4] == t[:4]) for t in terms)


@functools.lru_cache(maxsize=65536)
def word_terms(word: str, lang: str) -> tuple[str, ...]:
    """A word's terms (analysis of it alone); cached, the same words come back sentence after sentence."""
    return tuple(analyze(word, lang))


def introducer(lines: Sequence[str], at: int) -> int:
    """The line that introduces line `at`: the nearest lead-in above it ending in ":", else the first line."""
    return next((j for j in range(at - 1, -1, -1) if lines[j].rstrip().endswith(":")), 0)


def _answers(kind: str | None, text: str, lang: str, matched: set[str], cue: frozenset[str],
             given: frozenset[str] = frozenset()) -> bool:
    """Whether a unit answers the kind asked for: it holds one, and it matches the question by more than the
    words that ask for the kind ("Is there any fee for appointments?" does not answer "e-visa fee"); a figure
    the question gives itself ("migration school 6") is not the number it asks for."""
    text = without_given(text, given, lang)
    if kind in ASKED_WORDS_HOLD_NOT:
        text = without_asked(text, lang, frozenset(matched))
    if not (matched - cue and holds(kind, text, lang)):
        return False
    if kind == LIST or "\n" not in text:
        return True
    return any(_held_on_topic(kind, text.split("\n"), at, lang, matched - cue) for at in range(len(text.split("\n"))))


# Where a sentence's clauses part: a figure in a list of several topics is the figure of the topic in its own clause.
_CLAUSE = re.compile(r"[,;\n]")


def stated_terms(kind: str | None, text: str, lang: str, matched: set[str],
                 given: frozenset[str] = frozenset()) -> set[str]:
    """The question terms (of `matched`, those a unit names) that the unit's clauses stating the kind asked for
    name themselves: "During the first half of 2022, 57851 applications on extension of …, acquisition … of
    citizenship … were received" states its figure of applications, not of citizenship; "…, 11964 were related to
    the establishment of citizenship …" states that one. All of `matched` when no clause states the kind by itself
    (a figure and its topic written across a comma)."""
    own: set[str] = set()
    for clause in _CLAUSE.split(text):
        if holds(kind, without_given(clause, given, lang), lang):
            own |= _matched(dict.fromkeys(matched, 1.0), _terms(clause, lang))
    return own or set(matched)


def _held_on_topic(kind: str | None, lines: Sequence[str], at: int, lang: str, content: set[str]) -> bool:
    """Whether line `at` of a quoted unit (an introducing line with what it introduces) states the kind asked for
    about what the question asks: the line itself, or the nearest line above it that introduces it (a lead-in
    ending in ":", else the unit's first line), names something of the question beyond its cue words. A fee in
    the list under "Documents for a return certificate:" does not answer "is the e-queue paid", even when a line
    further up names the e-queue."""
    if not holds(kind, lines[at], lang):
        return False
    intro = introducer(lines, at)
    if content & _matched(dict.fromkeys(content, 1.0), _terms(lines[intro], lang)):
        return True
    # Within the line, the sentence that states it: "… from Baku Regional Migration Department. Persons … can
    # contact “(012) 919” Call Center" does not give the Baku department's phone.
    stating = [s for s in split_sentences(lines[at]) if holds(kind, s, lang)] or [lines[at]]
    return any(content & _matched(dict.fromkeys(content, 1.0), _terms(s, lang)) for s in stating)


def _bare_heading(unit: _Unit, weights: Mapping[str, float], lang: str, names: Names) -> bool:
    """A heading quoted with the paragraph of prose under it, the heading naming nothing of the question."""
    lines = unit.text.split("\n")
    return (bool(unit.covers) and len(lines) > 1 and is_heading(lines[0]) and not is_item(lines[1])
            and not is_lead_in(lines[1]) and not _matches(weights, lines[0], lang, names))


def _pick(units: Sequence[_Unit], lang: str, weights: Mapping[str, float], limit: int,
          kind: str | None, cue: frozenset[str] = frozenset(), given: frozenset[str] = frozenset(),
          lines: Sequence[str] | None = None, names: Names = (), predicate: Needs = ()) -> list[_Unit]:
    """Up to `limit` units chosen greedily for the question terms they add (the answer's kind counting as
    one more term, as heavy as the question's heaviest; terms already quoted at half weight), in document
    order; none that adds too little, none inside a unit already chosen. `predicate`: for a yes/no question,
    what it asks about; a unit naming it with something more of the question counts as holding the kind."""
    if not units:
        return []
    weights = {t: w for t, w in weights.items() if w > 0}
    # A heading that names nothing of the question ("PrintE-mail", a section title) is no reason to quote the
    # paragraph of prose under it whole with it: the paragraph's own sentences are quoted instead (a list under
    # a heading stays whole).
    units = [u for u in units if not _bare_heading(u, weights, lang, names)] or units
    answer_weight = max(weights.values(), default=0.0)
    if kind is not None and kind not in OWN_LINE and not predicate and lines is not None:
        # A sentence stating the kind but naming nothing of the question ("93 of them are the citizens of Turkey")
        # competes together with the sentence before it that names what it is about (`_paired`).
        units = _with_pairs(units, lines, kind, lang, cue, weights, names)
    if kind == PERSON and not predicate and lines is not None:
        units = _with_speakers(units, lines, lang, cue, weights, names)
    matches = [_matches(weights, u.text, lang, names) for u in units]
    typed = [_answers(kind, u.text, lang, m, cue, given) for u, m in zip(units, matches, strict=True)]
    if predicate:
        itself = {t for _, alternatives in predicate for alt in alternatives for t in alt}
        typed = [_says(predicate, u.text, lang) > 0 and bool(m - itself) for u, m in zip(units, matches, strict=True)]
    if not any(matches):
        return list(units[:1])  # the passage matched through its title: its first sentence says what it is
    covered: set[str] = set()
    answer_covered = kind is None and not predicate
    # The question terms that quoted units holding the kind name: a further unit holding the kind about another
    # of them counts the kind again ("how many calls in Russian": the total, then the Russian share); so does one
    # whose clauses stating the kind (`stated_terms`) name a term that those units name only outside theirs, in a
    # list of topics beside another's figure ("57851 applications on …, citizenship …", then "11964 were related
    # to … citizenship").
    typed_terms: set[str] = set()
    typed_own: set[str] = set()
    typed_lines: set[int] = set()
    stating = [stated_terms(kind, u.text, lang, m, given) if t and not predicate else m
               for u, m, t in zip(units, matches, typed, strict=True)]
    chosen: list[int] = []
    quoted_lines: set[int] = set()
    first_gain = 0.0
    while len(chosen) < limit:
        gains = [(sum(weights[t] for t in m - covered) + REPEATED * sum(weights[t] for t in m & covered)
                  + (answer_weight if typed[i] and (not answer_covered or m - typed_terms
                                                 or (units[i].line in typed_lines
                                                     and stating[i] & (typed_terms - typed_own))) else 0.0), -i)
                 for i, m in enumerate(matches)
                 if i not in chosen and units[i].line not in quoted_lines
                 and not quoted_lines.intersection(units[i].covers)
                 and not any(units[j].line in units[i].covers for j in chosen)]  # nor one that holds a chosen one
        if not gains:
            break
        gain, neg_i = max(gains)
        if gain <= 0 or gain < MIN_GAIN * first_gain:
            break
        first_gain = first_gain or gain
        i = -neg_i
        chosen.append(i)
        covered |= matches[i]
        answer_covered = answer_covered or typed[i]
        if typed[i]:
            typed_terms |= matches[i]
            typed_own |= stating[i]
            typed_lines.add(units[i].line)
        quoted_lines.update(units[i].covers)
    if not answer_covered:  # the kind asked for may be in a unit that adds few question terms: quote the best one
        best = max((sum(weights[t] for t in matches[i]), -i) for i in range(len(units))
                   if typed[i] and i not in chosen) if any(typed) else None
        if best is None and lines is not None:  # or stated right after the sentence that names its topic
            paired = _paired(units, lines, matches, kind, lang, cue, weights)
            if paired is not None:  # in document order: in the place of its first sentence
                at, pair = paired
                units = [*units[:at], pair, *units[at:]]
                chosen = [i + 1 if i >= at else i for i in chosen]
                best = (0.0, -at)
        if best is not None:
            chosen = [*chosen[:limit - 1], -best[1]]  # within the limit: it takes the place of the last chosen
    # A unit that the structure of a later-chosen one already quotes is dropped, and so is a sentence that a
    # chosen pair of sentences holds.
    kept = [i for i in chosen if not any(units[i].line in units[j].covers for j in chosen)]
    kept = [i for i in kept if not any(j != i and units[i].text in units[j].text for j in kept)]
    return [units[i] for i in sorted(kept)]


# The kinds that belong to one named thing (an office's phone or address, the person who did something, the age from
# which a document is issued): stated in the sentence after the one naming the question's topic, they are another
# thing's (decision.entity_about_topic).
OWN_LINE = frozenset({PLACE, ADDRESS, CONTACT, PERSON, AGE})


def _with_pairs(units: Sequence[_Unit], lines: Sequence[str], kind: str, lang: str, cue: frozenset[str],
                weights: Mapping[str, float], names: Names) -> list[_Unit]:
    """The units, each sentence that states the kind asked for but names less of the question than the sentence
    before it preceded by the two quoted together (`_paired`), when that one states no such kind: the figure or
    the names continue what the sentence before says ("93 of them are the citizens of Turkey")."""
    units = list(units)
    matches = [_matches(weights, u.text, lang, names) for u in units]

    def pair(i: int) -> _Unit | None:
        if i == 0:
            return None
        found = _paired(units[i - 1:i + 1], lines, matches[i - 1:i + 1], kind, lang, cue, weights, lighter=True)
        return found[1] if found is not None else None

    return _inserted(units, pair)


def _inserted(units: Sequence[_Unit], joined: Callable[[int], _Unit | None]) -> list[_Unit]:
    """The units, each preceded by the unit `joined` makes of it and a neighbour, when it makes one: two sentences
    quoted together compete beside the sentences alone (`_with_pairs`, `_with_speakers`)."""
    out: list[_Unit] = []
    for i, unit in enumerate(units):
        extra = joined(i)
        if extra is not None:
            out.append(extra)
        out.append(unit)
    return out


# A sentence naming less than this share of the question's weight that the sentence before it names continues that
# one (`_paired`): "93 of them are the citizens of Turkey" after "106 foreigners were detained …"; one naming more
# ("The call centre works in three languages") stands by itself.
CONTINUES = 0.5


def _paired(units: Sequence[_Unit], lines: Sequence[str], matches: Sequence[set[str]], kind: str | None, lang: str,
            cue: frozenset[str], weights: Mapping[str, float], lighter: bool = False) -> tuple[int, _Unit] | None:
    """A sentence stating the kind asked for but naming nothing of the question ("Пошлина составляет 40
    манатов."), quoted together with the sentence right before it in its paragraph when that one names what
    the question asks about and states no such kind itself ("Вид на жительство выдается на пять лет."): the
    two as written, one quote. The best such pair by the question terms the first sentence matches (with the
    index of its first sentence), or None. `lighter`: the second sentence may name some of the question, less
    than CONTINUES of the weight the first names ("93 of them are the citizens of Turkey" after "106 foreigners
    were detained" answers "106 detained foreigners, citizens of which countries")."""
    best: tuple[float, int, _Unit] | None = None
    for i in range(1, len(units)):
        first, second = units[i - 1], units[i]
        if first.line != second.line or first.covers or second.covers:
            continue
        if matches[i] - cue and not (lighter and sum(weights[t] for t in matches[i] - cue)
                                     < CONTINUES * sum(weights[t] for t in matches[i - 1] - cue)):
            continue
        if not matches[i - 1] - cue or holds(kind, first.text, lang) or not holds(kind, second.text, lang):
            continue
        line = lines[first.line]
        start = line.find(first.text)
        end = line.find(second.text, start + len(first.text))
        if start < 0 or end < 0:
            continue
        gain = sum(weights[t] for t in matches[i - 1] | matches[i])
        if best is None or gain > best[0]:
            best = (gain, i - 1, _Unit(text=line[start:end + len(second.text)], line=first.line))
    return (best[1], best[2]) if best else None


def _with_speakers(units: Sequence[_Unit], lines: Sequence[str], lang: str, cue: frozenset[str],
                   weights: Mapping[str, float], names: Names) -> list[_Unit]:
    """The units, each sentence naming the question's topic followed, right after it, by a sentence naming a person
    by title and name who spoke, met or signed (answer_types.names_person) preceded by the two quoted together:
    "… a New Year's party was held at the centre." then "Deputy chief Elman Aliyev … spoke of …" answers "who spoke
    at the centre's New Year's party". The person's sentence names less than CONTINUES of the weight the first names
    of the question (it is about the event only through it); the two may end and begin two paragraphs (one quote,
    one paragraph a line)."""
    units = list(units)
    matches = [_matches(weights, u.text, lang, names) for u in units]

    def pair(i: int) -> _Unit | None:
        if i + 1 >= len(units):
            return None
        found = _speaker_pair(units[i], units[i + 1], lines, lang)
        first, second = (sum(weights[t] for t in m - cue) for m in matches[i:i + 2])
        return found if found is not None and first > 0 and second < CONTINUES * first else None

    return _inserted(units, pair)


def _speaker_pair(first: _Unit, second: _Unit, lines: Sequence[str], lang: str) -> _Unit | None:
    """The two sentences as one unit when the second, written right after the first (in its paragraph, or first in
    the next one after the first ends its own), names a person who spoke, met or signed and the first does not."""
    if first.covers or second.covers or not names_person(second.text, lang) or names_person(first.text, lang):
        return None
    if first.line == second.line:
        line = lines[first.line]
        start = line.find(first.text)
        end = line.find(second.text, start + len(first.text))
        if start < 0 or end < 0 or line[start + len(first.text):end].strip():
            return None
        return _Unit(text=line[start:end + len(second.text)], line=first.line)
    if (second.line == first.line + 1 and lines[first.line].rstrip().endswith(first.text)
            and lines[second.line].lstrip().startswith(second.text)):
        return _Unit(text=f"{first.text}\n{second.text}", line=first.line)
    return None


def positive(weights: Mapping[str, float]) -> dict[str, float]:
    """The question's term weights with none at zero or below: in a corpus of a few releases, BM25's idf of a
    term in half the passages is 0 (and the epsilon floor, a share of the average idf, can be 0 too), which
    would leave a question about what the corpus does say with no weight at all. Such a term weighs as much as
    the lightest positive one, or 1 when none is positive. In a corpus of hundreds of passages every idf is
    already positive, so nothing changes there."""
    floor = min((w for w in weights.values() if w > 0), default=1.0)
    return {t: w if w > 0 else floor for t, w in weights.items()}


def evidence(hits: Sequence[Hit], weights: Mapping[str, float], unknown: frozenset[str] = frozenset()) -> float:
    """How much of the question the best source covers, 0..1: the larger of the best passage's coverage
    (exact terms, glossary names included) and the idf share of the question's terms that the best
    document's retrieved passages and title hold (`held`)."""
    if not hits:
        return 0.0
    top = hits[0]
    if not sum(positive(weights).values()):
        return top.coverage
    return max(top.coverage, held(hits, top.doc_id, weights, unknown))


def held(hits: Sequence[Hit], doc_id: str, weights: Mapping[str, float],
         unknown: frozenset[str] = frozenset()) -> float:
    """The idf share of the question's terms that a document's retrieved passages and title hold, inflections
    matched as in sentence selection.

    Of the terms the corpus never uses (`unknown`), chat shorthand is read as people mean it: one or two letters
    ("n", "u", "LA") say nothing a release could hold and are left out; a longer one counts as held when a word
    of the document is its shorthand's longer form (`_abbreviates`: "ppl" people, "intl" international)."""
    weights = {t: w for t, w in positive(weights).items() if t not in unknown or len(t) > 2 or t.isdigit()}
    total = sum(weights.values())
    ours = [h for h in hits if h.doc_id == doc_id]
    if not total or not ours:
        return 0.0
    texts = [ours[0].title, *(h.text for h in ours)]
    terms = frozenset().union(*(_terms(text, ours[0].lang) for text in texts))
    matched = _matched(weights, terms)
    words = {w.casefold() for text in texts for w in re.findall(r"\w+", text)}
    matched.update(t for t in unknown & set(weights) - matched if any(_abbreviates(t, w) for w in words))
    return sum(weights[t] for t in matched) / total


_VOWELS = frozenset("aeiouyəıöüаеёиоуыэюя")


def _abbreviates(short: str, word: str) -> bool:
    """Whether `short` is `word` written as shorthand, at most one vowel kept and at least two letters fewer:
    its consonants ("ppl" for "people", "msg" for "message"), or its first letters and its last consonant
    ("intl" for "international", "govt" for "government"); not "olur" for "olunur" (an inflection), "abs" for
    "assambleyası" or "перв" for "пребывать"."""
    if len(word) < len(short) + 2 or len(short) < 3 or sum(c in _VOWELS for c in short) > 1:
        return False
    if word.startswith(short[:-1]) and short[-1] not in _VOWELS and short[-1] in word[len(short) - 1:]:
        return True
    return _skeleton(short) == _skeleton(word)


def _skeleton(word: str) -> str:
    """A word's consonants, a letter repeated in a row written once ("people" -> "pl")."""
    consonants = [c for c in word if c not in _VOWELS]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or consonants[i - 1] != c)


# A year: 1800-2099 standing alone, not an amount ("2000 manat", "1900 долларов").
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)"
                   r"(?![\s.,]*(manat|azn|usd|eur|euro|dollar|\$|€|₼|манат|доллар|евро|руб))", re.IGNORECASE)


def on_years(hits: Sequence[Hit], question: str, dated: Sequence[Hit] = ()) -> tuple[Hit, ...]:
    """The hits whose release speaks of a year the question names (in its retrieved passages, its title, its date
    or a passage of it in `dated`: those of the releases found that write the year, answering.dated_passages), all
    of them when the question names none: "how many … in 2018" is not answered by 2022's figures."""
    years = set(_YEAR.findall(question))
    if not years:
        return tuple(hits)
    spoken: dict[str, bool] = {}
    for hit in hits:
        if hit.doc_id not in spoken:
            text = " ".join([hit.title, hit.date or "",
                             *(h.text for h in [*hits, *dated] if h.doc_id == hit.doc_id)])
            spoken[hit.doc_id] = bool(years.intersection(_YEAR.findall(text)))
    return tuple(h for h in hits if spoken[h.doc_id])


def _quotable(hits: Sequence[Hit], settings: ComposerSettings) -> list[Hit]:
    """The best hit of each of the first FOCUS_POOL documents that may be quoted: the first, and those scoring
    near it that cover enough of the question (ComposerSettings.relative_score, source_coverage)."""
    best: dict[str, Hit] = {}
    for hit in hits:
        if hit.doc_id not in best and (not best or (hit.score >= settings.relative_score * hits[0].score
                                                    and hit.coverage >= settings.source_coverage)):
            best[hit.doc_id] = hit
    return list(best.values())[:FOCUS_POOL]


def _passages(hit: Hit, hits: Sequence[Hit]) -> list[str]:
    """The retrieved passages of a hit's document, in document order."""
    return [text for _, text in sorted({h.position: h.text for h in hits if h.doc_id == hit.doc_id}.items())]


def _lines(passages: Sequence[str]) -> list[str]:
    """A source's retrieved paragraphs, in document order."""
    return [line for text in passages for line in split_paragraphs(text)]


def _units(lines: Sequence[str]) -> list[_Unit]:
    """What a source may be quoted from, in document order, each text once (its first occurrence): the
    sentences of its lines, the last sentence of an introducing line together with what it introduces."""
    units: dict[str, _Unit] = {}
    for at, line in enumerate(lines):
        sentences = split_sentences(line)
        following = introduced(lines, at)
        for j, sentence in enumerate(sentences):
            if j == len(sentences) - 1 and following:
                covers = tuple(range(at + 1, at + 1 + sum(1 for x in following if x != ELLIPSIS)))
                unit = _Unit(text="\n".join([sentence, *following]), line=at, covers=covers)
            else:
                unit = _Unit(text=sentence, line=at)
            units.setdefault(_key(unit.text), unit)
    return list(units.values())


# Of the sources eligible for an answer (ComposerSettings.relative_score, source_coverage), the first FOCUS_POOL
# in retrieval order compete for its max_sources places by `focus` times score / best score: citizen-dev fact
# 0.787 -> 0.824 with 5 or 10; with 10, one more cross-language answer on xling-dev quotes a release without the
# fact. Focus alone gives the same figures on the dev sets, but on a corpus without the vocabulary it put a
# release naming "IOM" above the one naming the International Organization for Migration's Director General in
# Geneva (retrieval score 0.82 of it) for "Who met the IOM Director General in Geneva?".
FOCUS_POOL = 5


# What the question asks, concept by concept: the weight of the terms said for it and the names that say it (the
# terms as said first, then the vocabulary's other names).
Needs = tuple[tuple[float, tuple[tuple[str, ...], ...]], ...]


def concept_weight(concept: Concept, weights: Mapping[str, float]) -> float:
    """A concept's weight in a question: the weights (idf) of the terms the question said for it."""
    return sum(weights.get(t, 0.0) for t in concept.said)


def needs_of(weights: Mapping[str, float], plan: Query | None) -> Needs:
    """The question's concepts (a term of its own when there is no plan) with their weights and names."""
    out: list[tuple[float, tuple[tuple[str, ...], ...]]] = []
    named: set[str] = set()
    for concept in plan.concepts if plan is not None else ():
        weight = concept_weight(concept, weights)
        if weight > 0:
            out.append((weight, tuple(alt for alt in concept.alternatives if alt)))
            named.update(t for alt in concept.alternatives for t in alt)
    out.extend((w, ((t,),)) for t, w in weights.items() if t not in named and w > 0)
    return tuple(out)


def predicate_of(needs: Needs) -> Needs:
    """What a yes/no question asks about: its heaviest concept, the later one among equals ("is registration
    obligatory", "беженцу можно выезжать за границу": the subject comes first); () for a one-concept question."""
    if len(needs) < 2:
        return ()
    at = max(range(len(needs)), key=lambda i: (needs[i][0], i))
    return (needs[at],)


def _says(needs: Needs, text: str, lang: str) -> float:
    """The weight of the question's concepts a unit names: by the terms said (inflections related) or by one of
    the vocabulary's other names written out in a row."""
    terms, sequence = _terms(text, lang), _sequence(text, lang)
    said = 0.0
    for weight, (first, *others) in needs:
        if (all(t in terms for t in first) or _matched(dict.fromkeys(first, 1.0), terms) == set(first)
                or any(alt[0] in terms and _runs(sequence, alt) for alt in others)):
            said += weight
    return said


def focus(units: Sequence[_Unit], lang: str, needs: Needs, kind: str | None, cue: frozenset[str],
          given: frozenset[str], weights: Mapping[str, float], names: Names = ()) -> float:
    """How much of the question one quotable unit of a source says at once, 0..1: the weight share of the
    question's concepts it names, the asked kind counting as one more concept as heavy as the heaviest."""
    extra = max((w for w, _ in needs), default=0.0) if kind is not None else 0.0
    total = sum(w for w, _ in needs) + extra
    if not units or total <= 0:
        return 0.0
    best = 0.0
    for unit in units:
        said = _says(needs, unit.text, lang)
        if extra and said + extra > best and _answers(kind, unit.text, lang, _matches(weights, unit.text, lang, names),
                                                      cue, given):
            said += extra
        best = max(best, said)
    return best / total


@dataclass(frozen=True)
class _Source:
    """A source's retrieved passages in document order, their paragraphs, and what may be quoted from them."""

    hit: Hit
    passages: list[str]
    lines: list[str]
    units: list[_Unit]


# How a sentence ends: a title written as one ("… принимаются Государственной Миграционной Службой.").
_SENTENCE_END = re.compile(r"[.!?][»\"')]*$")


def _source(hit: Hit, hits: Sequence[Hit]) -> _Source:
    """A hit's source. A title written as a sentence is what its release says first (passages.py leaves it out of
    the body it opens): it may be quoted, as the first line of the release's first passage. A title stopping at an
    abbreviation ("… General-Major, Mr.", "… Decision No.") was cut there: it is no sentence."""
    passages = _passages(hit, hits)
    title = hit.title.strip()
    if (passages and _SENTENCE_END.search(title) and not ends_with_abbreviation(title) and "\n" not in title
            and min(h.position for h in hits if h.doc_id == hit.doc_id) == 1 and title not in passages[0]):
        passages = [f"{title}\n{passages[0]}", *passages[1:]]
    lines = _lines(passages)
    return _Source(hit, passages, lines, _units(lines))


def _stating(sources: Sequence[_Source], kind: str, cue: frozenset[str], given: frozenset[str],
             weights: Mapping[str, float], names: Names) -> bool:
    """Whether some unit of the sources answers the kind asked for (`_answers`)."""
    return any(_answers(kind, u.text, s.hit.lang, _matches(weights, u.text, s.hit.lang, names), cue, given)
               for s in sources for u in s.units)


def _focused(sources: Sequence[_Source], needs: Needs, kind: str | None, cue: frozenset[str],
             given: frozenset[str], weights: Mapping[str, float], names: Names, limit: int,
             yes_no: bool = False) -> list[_Source]:
    """The sources to quote, at most `limit`: of the pool (the first FOCUS_POOL eligible ones, and the others too
    when none of those states the kind asked for), those whose one unit (or title) says the
    most of the question (`focus`) first, focus weighed by the source's retrieval score against the best one's
    (so that a release far below in the ranking needs a much clearer sentence to come first), in retrieval order
    among equals; when none of those states the kind asked for, the best-focused one that does first. `yes_no`: the
    question asks whether something holds (`_first_states_as_fully`)."""
    top = max((s.hit.score for s in sources), default=0.0) or 1.0
    scored = [(focus([_Unit(s.hit.title, -1), *s.units], s.hit.lang, needs, kind, cue, given, weights, names)
               * max(s.hit.score, 0.0) / top, i, s)
              for i, s in enumerate(sources)]
    ranked = [s for _, _, s in sorted(scored, key=lambda x: (-x[0], x[1]))]
    if kind is not None and sources and ranked[0] is not sources[0] and _first_states_as_fully(
            sources[0], ranked[0], needs, kind, cue, given, weights, names, yes_no):
        # The release found first states the kind asked for about the question's topic: a release further down
        # that names more of the question's words at once does not come before it.
        ranked = [sources[0], *(s for s in ranked if s is not sources[0])]
    if kind is not None and not _stating(ranked[:limit], kind, cue, given, weights, names):
        # None of the best-focused sources states the kind asked for: the best one that does comes first.
        stating = next((s for s in ranked[limit:] if _stating([s], kind, cue, given, weights, names)), None)
        if stating is not None:
            return [stating, *ranked[:limit - 1]]
    return ranked[:limit]


def _first_states_as_fully(first: _Source, best: _Source, needs: Needs, kind: str, cue: frozenset[str],
                           given: frozenset[str], weights: Mapping[str, float], names: Names,
                           yes_no: bool = False) -> bool:
    """Whether the release found first states the kind asked for about the question's topic (`_on_topic`, read with
    its title) at least ON_TOPIC and as fully as the best-focused release. A yes/no question ("is it paid?") asks
    whether something holds of its topic: the sentence saying so of the topic itself answers it, a title only frames
    its release; so when the two state it equally fully, the one whose sentence names more of the topic by itself
    leads: "Azərbaycan vətəndaşlarının konsulluq uçotuna alınması ödənişsiz yerinə yetirilir" before "Uçotu …
    ödənişsiz aparılır" under the title "Konsulluq uçotu". (A figure asked for, "how long is the course", is the
    answer under a title naming its topic: "The course lasts four months".)"""
    ours = _on_topic(first, needs, kind, cue, given, weights, names)
    theirs = _on_topic(best, needs, kind, cue, given, weights, names)
    if ours < max(ON_TOPIC, theirs):
        return False
    return ours > theirs or not yes_no or (_on_topic(first, needs, kind, cue, given, weights, names, titled=False)
                             >= _on_topic(best, needs, kind, cue, given, weights, names, titled=False))


def topic_of(needs: Needs, cue: frozenset[str]) -> Needs:
    """The question's concepts beyond the words that ask for the kind (all of them when those are all it says)."""
    return tuple((w, alts) for w, alts in needs if not (alts and set(alts[0]) & cue)) or needs


# A unit states the kind asked for about the question's topic when it, read with its release's title, names at
# least ON_TOPIC of the weight of the question's concepts beyond the words asking for the kind.
ON_TOPIC = 0.4


def _on_topic(source: _Source, needs: Needs, kind: str, cue: frozenset[str], given: frozenset[str],
              weights: Mapping[str, float], names: Names, titled: bool = True) -> float:
    """How much of the question's topic the source's units that state the kind asked for (`_answers`) name, the
    most of them, each read with its release's title, 0..1 ("the 25 successful participants" under the title naming
    the project asked about); 0 when none states it. Not `titled`: the sentences by themselves (a list is read only
    with its lead-in and title)."""
    topic = topic_of(needs, cue)
    total = sum(w for w, _ in topic)
    lang = source.hit.lang
    if total <= 0:
        return 0.0
    title = f"{source.hit.title}\n" if titled else ""
    return max((_says(topic, f"{title}{u.text}", lang) / total for u in source.units
                if (titled or "\n" not in u.text)
                and _answers(kind, u.text, lang, _matches(weights, u.text, lang, names), cue, given)), default=0.0)


def _states(units: Sequence[_Unit], lang: str, kind: str, cue: frozenset[str], given: frozenset[str],
            weights: Mapping[str, float], names: Names) -> bool:
    """Whether one of the units answers the kind asked for (`_answers`)."""
    return any(_answers(kind, u.text, lang, _matches(weights, u.text, lang, names), cue, given) for u in units)


# A source whose retrieved passages do not state the kind asked for is read on into at most this many passages
# after each retrieved one (answering.FOLLOWING passes them in), and a unit found there is quoted only when it
# states the kind and names at least FOLLOWING_TOPIC of the question's weight beyond the words asking for the
# kind by itself: a paragraph further on holding *a* duration or a place about something else is not the answer.
FOLLOWING_TOPIC = 0.5


def _read_on(source: _Source, hits: Sequence[Hit], following: Sequence[Hit], kind: str, cue: frozenset[str],
             given: frozenset[str], weights: Mapping[str, float], names: Names, seen: set[str],
             needs: Needs, named: bool = False) -> _Source | None:
    """The source with the passages that follow its retrieved ones, quotable there only the units stating the kind
    asked for about the question (`_answers`, and FOLLOWING_TOPIC of its weight beyond the cue named by the unit
    itself, unless the question names the release, `named`: series.py); None when no such unit follows."""
    hit = source.hit
    further = [h for h in following if h.doc_id == hit.doc_id]
    if not further:
        return None
    read = _passages(hit, [*hits, *further])
    lines = _lines(read)
    known = {_key(u.text) for u in source.units}
    topic = topic_of(needs, cue)
    total = sum(w for w, _ in topic)

    def stating(unit: _Unit) -> bool:
        text = unit.text
        return (_key(text) not in seen and total > 0
                and (named or _says(topic, text, hit.lang) >= FOLLOWING_TOPIC * total)
                and _answers(kind, text, hit.lang, _matches(weights, text, hit.lang, names), cue, given))

    units = _units(lines)
    if not any(_key(u.text) not in known and stating(u) for u in units):
        return None
    return _Source(hit, read, lines, [u for u in units if _key(u.text) in known or stating(u)])


def _named_first(question: str, lang: str, pool: Sequence[_Source], sources: Sequence[_Source], hits: Sequence[Hit],
                 following: Sequence[Hit], kind: str | None, cue: frozenset[str], given: frozenset[str],
                 weights: Mapping[str, float], names: Names, needs: Needs, limit: int,
                 series: tuple[Numbered, ...] | None = None) -> list[_Source]:
    """The sources to quote, the release whose title carries a numbered name the question says first ("Migration
    School 6": series.py), read on into its other passages (answering passes them in) when the ones found do not
    state the kind asked for (a unit there stating it is quoted whatever else it names: the name says which release
    it is about), and no release titled with another number of the series; the sources as focused when no release is
    so named. `series`: the numbered names as the releases write them (in another language than the question's:
    answering.series_in), by default as the question says them."""
    series = numbered_names(question, lang) if series is None else series
    named = next((s for s in pool if carries(series, s.hit.title, s.hit.lang)), None) if series else None
    if named is None and series:
        # No release is titled with the name: one whose passages found write it ("participating in the 109th
        # session") is the one the question is about, unless its title numbers another of the series.
        named = next((s for s in pool if any(carries(series, u.text, s.hit.lang) for u in s.units)
                      and not numbers_other(series, s.hit.title, s.hit.lang)), None)
    if named is None:
        # None found is titled with the name asked: one titled with another of the series is still not it.
        return [s for s in sources if not numbers_other(series, s.hit.title, s.hit.lang)]
    if kind is not None and not _states(named.units, named.hit.lang, kind, cue, given, weights, names):
        named = _read_on(named, hits, following, kind, cue, given, weights, names, set(), needs, named=True) or named
    # Another release of the series ("Migration School-4") is not the one asked about.
    return [named, *(s for s in sources if s.hit.doc_id != named.hit.doc_id
                     and not numbers_other(series, s.hit.title, s.hit.lang))][:limit]


def compose(question: str, hits: Sequence[Hit], weights: Mapping[str, float], lang: str,
            settings: ComposerSettings = ComposerSettings(), plan: Query | None = None,
            unknown: frozenset[str] = frozenset(), following: Sequence[Hit] = (),
            series: tuple[Numbered, ...] | None = None, dated: Sequence[Hit] = ()) -> Answer:
    """Quote the best sentences of the best hits, one numbered citation per source document; when the question
    asks for a kind of answer that some source's quotes state, only those sources. `plan`: the question's search
    plan, so that a sentence naming a concept by another of its names counts as naming it; `unknown`: the
    question's terms the corpus never uses (see `evidence`). `following`: the passages that follow the hits' in
    their releases (Index.following), read only for a source whose retrieved passages do not state the kind
    asked for (`_read_on`); never sources of their own, never evidence. `series`: the numbered names the question
    says as the releases write them, when they are in another language than the question (series.carried).
    `dated`: the passages of the releases found that write a year the question names, wherever in the release
    (on_years); never quoted, never evidence."""
    all_hits = hits = tuple(hits)
    weights = positive(weights)
    hits = on_years(hits, question, dated)
    strength = evidence(hits, weights, unknown)
    # The release quoted first is chosen by focus among the first FOCUS_POOL that may be quoted: any may hold enough.
    if not hits or (strength < settings.min_coverage and all(
            held(hits, h.doc_id, weights, unknown) < settings.min_coverage for h in _quotable(hits, settings))):
        reason = "evidence" if hits else "on_years" if all_hits else "no_hits"
        return Answer(query=question, lang=lang, answered=False, hits=all_hits, evidence=strength, reason=reason)
    top = hits[0]
    kind, cue_words = asked(question, lang) or (None, "")
    cue = frozenset(analyze(cue_words, lang))
    if not set(weights) - cue:  # "qəbul günləri": the words asking for the kind are all the question says
        cue = frozenset()
    given = given_figures(question, kind, lang)
    names = names_of(plan)
    needs = needs_of(weights, plan)
    predicate = predicate_of(needs) if kind is None and is_yes_no(question, lang) else ()
    chosen: list[Hit] = []
    for hit in hits:
        if any(c.doc_id == hit.doc_id for c in chosen):
            continue
        if hit is not top and (hit.score < settings.relative_score * top.score
                               or hit.coverage < settings.source_coverage):
            continue
        chosen.append(hit)
    pool = [_source(h, hits) for h in chosen[:FOCUS_POOL]]
    if kind is not None and not _stating(pool, kind, cue, given, weights, names):
        pool += [_source(h, hits) for h in chosen[FOCUS_POOL:]]  # the kind asked for, stated further down only
    if kind is not None and pool and _on_topic(pool[0], needs, kind, cue, given, weights, names) < ON_TOPIC:
        # The release found first may state the kind about the question's topic in the passages after the ones
        # found: read on, so that it competes with what it says there (`_read_on`).
        read = _read_on(pool[0], hits, following, kind, cue, given, weights, names, set(), needs)
        if read is not None:
            pool[0] = read
    sources = _focused(pool, needs, kind, cue, given, weights, names, settings.max_sources,
                       asks_whether(question, lang))
    sources = _named_first(question, lang, pool, sources, hits, following, kind, cue, given, weights, names,
                           needs, settings.max_sources, series)

    def picking(read_on: bool) -> list[tuple[_Source, list[_Unit], bool]]:
        """Each source's units, and whether they state the kind; `read_on`: a source whose retrieved passages do
        not state it is read on into the passages that follow them (`_read_on`)."""
        picks: list[tuple[_Source, list[_Unit], bool]] = []
        seen: set[str] = set()
        for source in sources:
            hit = source.hit
            candidates = [u for u in source.units if _key(u.text) not in seen]
            picked = _pick(candidates, hit.lang, weights, settings.sentences_per_source, kind, cue, given,
                           source.lines, names, predicate)
            states = kind is None or _states(picked, hit.lang, kind, cue, given, weights, names)
            further = None if states or not read_on or kind is None else _read_on(
                source, hits, following, kind, cue, given, weights, names, seen, needs)
            if further is not None and kind is not None:
                source = further
                candidates = [u for u in source.units if _key(u.text) not in seen]
                picked = _pick(candidates, hit.lang, weights, settings.sentences_per_source, kind, cue, given,
                               source.lines, names, predicate)
                states = _states(picked, hit.lang, kind, cue, given, weights, names)
            if picked:
                seen.update(_key(u.text) for u in picked)
                picks.append((source, picked, states))
        return picks

    picks = picking(read_on=False)
    if kind is not None and following and not any(states for _, _, states in picks):
        picks = picking(read_on=True)  # no retrieved passage states the kind: read the sources on
    stated = any(states for _, _, states in picks)
    if kind is not None and stated:  # the kind is stated: sources that do not state it are loosely related only
        picks = [pick for pick in picks if pick[2]]
    quotes: list[Quote] = []
    citations: list[Citation] = []
    for n, (source, picked, _) in enumerate(picks, start=1):
        hit = source.hit
        # The cited text: the passages the quotes come from, so that every quote is found in it.
        parts = [part for u in picked for part in u.text.split("\n") if part != ELLIPSIS]
        quoted = "\n".join(p for p in source.passages if any(part in p for part in parts))
        citations.append(Citation(n=n, doc_id=hit.doc_id, passage_id=hit.passage_id, title=hit.title,
                                  url=hit.url, date=hit.date, source=hit.source, score=hit.score,
                                  passage=quoted))
        quotes.extend(Quote(text=unit.text, n=n) for unit in picked)
    if not quotes:
        return Answer(query=question, lang=lang, answered=False, hits=all_hits, evidence=strength, reason="no_quote")
    if not stated:  # loosely related quotes are not an answer: say the releases do not state it
        return Answer(query=question, lang=lang, answered=False, hits=all_hits, evidence=strength, missing=kind,
                      related=citations[0], reason="not_stated")
    return Answer(query=question, lang=lang, answered=True, quotes=tuple(quotes), citations=tuple(citations),
                  hits=all_hits, evidence=strength)
