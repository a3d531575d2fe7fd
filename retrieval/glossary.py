"""The vocabulary: words that mean the same thing (acronyms and full names, the official terms of the agency's
topics and the words people use for them, in en / az / ru), expanded at query time: a question that says
"IOM" also finds the release that only says "International Organization for Migration", "ВНЖ" the one
saying "вид на жительство", and the passage counts as covering that part of the question. `translate`
turns a question into another language's names, to search releases in that language.

The glossary is a YAML list in the corpus directory (corpus/glossary.yaml, beside the press releases;
the corpus loader reads only *.md, so it is never taken for one)::

    - topic: the IOM            # optional: names the entry for people reading the file
      en: [IOM, International Organization for Migration]
      az: [BMqT, Beynəlxalq Miqrasiya Təşkilatı]
      ru: [МОМ, Международная организация по миграции]

An entry may be a place: `place: yes`, `place: home` (the agency's own country) or `in: Georgia` (a place inside
the place of that name); `places`, `places_named` and `placed_at` read them (places.py).

A question in language L that contains any name of an entry (in any language) is also searched with that
name replaced by each of the entry's names in L, and a passage scores as well as its best wording: a
release that says "International Organization for Migration" is found as if the question had said so,
while one that says "IOM" scores as before. Names are compared after analysis, so inflected forms match
("Xidmətinin").

Usage::

    glossary = Glossary.parse(text)
    query = glossary.expand(analyze("Who met IOM?", "en"), "en")
    query.variants()   # [('met', 'iom'), ('met', 'intern', 'organ', 'migrat')]
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from pressbot.retrieval.analyzer import LANGUAGES, analyze
from pressbot.retrieval.corpus import CorpusError, Problem, file_bytes, file_text
from pressbot.retrieval.places import HOME, Marked, Places, cycle, place_key
from pressbot.retrieval.spelling import Spelling

FILE_NAME = "glossary.yaml"
# libyaml's safe loader when PyYAML was built with it (parsing the bundled vocabulary: ~10x faster), else PyYAML's.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TOPIC_KEY = "topic"  # an entry's optional name, for people reading the file
PLACE_KEY = "place"  # `place: yes` (a place), `place: home` (the agency's own country): places.py
WITHIN_KEY = "in"  # `in: NAME`: a place inside the place of that name (places.py)
# A question naming several glossary entries is searched in at most this many wordings.
MAX_VARIANTS = 16
# A number below this, searched in English, is also read as an ordinal (the 25th anniversary); years are not.
ORDINAL_BELOW = 1000
_ORDINAL_FIGURE = re.compile(r"[0-9]{1,3}")  # ASCII figures below ORDINAL_BELOW: int() refuses a very long one

Terms = tuple[str, ...]
Senses = tuple[int, ...]  # the entries a name's form stands for (usually one)


@dataclass(frozen=True)
class Concept:
    """One part of a question for judging coverage: a term, or a glossary name with its alternatives.

    `alternatives[0]` is what the question said; a passage covers the concept when it holds every term of
    any one alternative.
    """

    alternatives: tuple[Terms, ...]

    @property
    def said(self) -> Terms:
        return self.alternatives[0]


@dataclass(frozen=True)
class Query:
    """A question ready to search: its concepts, in the question's order."""

    concepts: tuple[Concept, ...]

    @property
    def said(self) -> tuple[str, ...]:
        """The question's own terms."""
        return tuple(t for c in self.concepts for t in c.said)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every term of every alternative, the question's own first: what a sentence may be matched on."""
        return tuple(dict.fromkeys([*self.said, *(t for c in self.concepts for alt in c.alternatives for t in alt)]))

    def variants(self, limit: int = MAX_VARIANTS) -> list[tuple[str, ...]]:
        """The question as it would read with each combination of alternative names, as it was said first.

        Beyond `limit` combinations, one concept varies at a time while the others stay as said.
        """
        choices = [c.alternatives for c in self.concepts]
        if math.prod(len(c) for c in choices) <= limit:
            return [tuple(t for alt in combo for t in alt) for combo in itertools.product(*choices)]
        said = [c[0] for c in choices]
        out = [tuple(t for alt in said for t in alt)]
        for i, alternatives in enumerate(choices):
            for alt in alternatives[1:]:
                out.append(tuple(t for a in [*said[:i], alt, *said[i + 1 :]] for t in a))
        return out


@dataclass(frozen=True)
class Entry:
    """One glossary entry: its names as (language, text) pairs, and whether it is a place (places.py)."""

    names: tuple[tuple[str, str], ...]
    mark: Marked = Marked()


def _match_forms(entries: Sequence[Entry], lang: str) -> dict[str, list[tuple[Terms, Senses]]]:
    """Every name of every entry analyzed as a question in `lang` would be, by first term, longest first
    (so that finding the names in a question costs a look-up per term, however large the vocabulary), each
    with the entries it names: a form two entries share ("xarici": foreign, abroad) stands for both."""
    claims: dict[Terms, dict[int, tuple[bool, bool, bool]]] = {}
    for i, entry in enumerate(entries):
        for name_lang, text in entry.names:
            for spelled in _spellings(text):
                # Verb forms are generated for Azerbaijani questions only: no one conjugates them in another language.
                for said in (_inflections(spelled) if name_lang == lang == "az"
                             else _russian_forms(spelled) if name_lang == lang == "ru" else (spelled,)):
                    form = tuple(analyze(said, lang))
                    # How directly the form names the entry (less is more direct): a name of another language,
                    # a verb form generated from a name, a name whose other words are stopwords ("bu gün").
                    how = (name_lang != lang, said != spelled, len(form) < len(said.split()))
                    best = claims.setdefault(form, {}) if form else {}
                    if form and (i not in best or how < best[i]):
                        best[i] = how
    # A form stands for the entries that name it most directly: all of them when several do ("xarici":
    # foreign, abroad), so that a question is read in each sense.
    senses = {form: [i for i, how in by.items() if how == min(by.values())] for form, by in claims.items()}
    by_first: dict[str, list[tuple[Terms, Senses]]] = {}
    for form in sorted(senses, key=lambda f: (-len(f), senses[f][0], f)):
        by_first.setdefault(form[0], []).append((form, tuple(senses[form])))
    return by_first


# Azerbaijani verbs are named in the infinitive (qayıtmaq "to return", ödəmək "to pay"); people ask with their
# other forms: present (qayıdır), past (qayıtdı, qayıdıb), "I" forms (qayıdım, qayıtdım, itirmişəm), participles
# (qayıdan), verbal nouns (qayıtması), "must" (qayıtmalı), future (qayıdacaq) and the passive of each (verilir,
# verilib, ödənilir). Endings are written for a root whose last vowel is a or ı, in the folded alphabet (ı ə ö ü
# → i e o u); after a front vowel (e ə i ö ü) a becomes e, after a rounded one (o ö u ü) the high vowel i is u
# (götür-ür, götür-ül-ür; oxu-y-ur).
_AZ_INFINITIVE = ("maq", "mək")
_AZ_VERB_FORMS = ("ir", "ib", "di", "mis", "misam", "im", "dim", "diq", "ar", "an", "masi", "mali", "acaq",
                  "iram", "il", "ilir", "ilib", "ildi", "ilmis", "ilan", "ilmasi", "in", "inir", "inib",
                  "indi", "inan", "inmasi",
                  # ... and "can" (qayıda bilərəm), "if" (qalsam), the negatives (keçmədim, düşməsəm, almıram)
                  "a", "sa", "sam", "madi", "madim", "masa", "masam", "mir", "miram")
_AZ_FRONT, _AZ_ROUNDED, _AZ_ANY_VOWEL = "eəiöü", "oöuü", "aıoueəiöü"
_AZ_MIN_VERB_ROOT = 3  # al-maq "take", ol-maq "be": two-letter roots' forms are other words (alim, ali, olan)
_AZ_MIN_POSSESSED = 4  # a noun's "my" form is made from four letters up (viza-m, ailə-m; not ana-m, ay-ım)
# The cases after a noun's "its" (-ı/-sı): none, locative, ablative, dative, genitive, accusative (written after a).
_AZ_POSSESSED_CASES = ("", "nda", "ndan", "na", "nin", "ni")


def _harmonized(ending: str, front: bool, rounded: bool) -> str:
    """An ending written after a or ı, as it follows a root whose last vowel is front and/or rounded: each vowel
    follows the one before it (götür-ül-məsi, qayıd-ıl-ması, oxu-y-ur-am)."""
    out = []
    for ch in ending:
        if ch == "a":
            ch, rounded = ("e" if front else "a"), False
        elif ch == "i":
            ch = "u" if rounded else "i"
        elif ch == "q" and front:
            ch = "k"  # -acaq / -əcək, -dıq / -dik
        out.append(ch)
    return "".join(out)


def _possessed(last: str) -> tuple[str, ...]:
    """A noun's "its" form and that form in the cases people ask in (konfrans-ı, konfrans-ı-n-da, görüş-ü-n-də,
    status-u-n-dan, sərgi-si-n-ə, orqan-ı-n-ın): the stemmer reads a consonant-final root's last letters as the
    possessive's s or n (konfransı -> konfran, görüşündə -> goru, statusu -> stat, imkanı -> imka), which a name
    is known not to end in."""
    vowels = [ch for ch in last if ch in _AZ_ANY_VOWEL]
    if not vowels:
        return ()
    vowel = vowels[-1]
    front, rounded = vowel in _AZ_FRONT, vowel in _AZ_ROUNDED
    its = last + ("s" if last[-1] in _AZ_ANY_VOWEL else "") + _harmonized("i", front, rounded)
    return tuple(its + _harmonized(case, front, rounded) for case in _AZ_POSSESSED_CASES)


def _inflections(name: str) -> tuple[str, ...]:
    """A name as written, and for an Azerbaijani verb in the infinitive (a last word ending in -maq/-mək) its
    usual conjugated forms too; for a noun, its "its" form in the usual cases (_possessed) and, ending in a
    vowel, its "my" form (icazə-m, vəsiqə-m-i): the stemmer cannot strip that -m, which also ends roots (bayram,
    proqram), but a name is known to be a noun."""
    words = name.split()
    last = words[-1].lower() if words else ""
    root = last[:-3]
    if not last.endswith(_AZ_INFINITIVE) or (len(root) < _AZ_MIN_VERB_ROOT and len(words) == 1):
        nouns = [name, *(" ".join([*words[:-1], word]) for word in _possessed(last))]
        if len(last) >= _AZ_MIN_POSSESSED and last[-1] in _AZ_ANY_VOWEL:
            nouns.append(" ".join([*words[:-1], last + "m"]))
        return tuple(dict.fromkeys(nouns))
    vowels = [ch for ch in root if ch in _AZ_ANY_VOWEL]
    last = vowels[-1] if vowels else "a"
    forms = [name]
    for ending in (_harmonized(e, last in _AZ_FRONT, last in _AZ_ROUNDED) for e in _AZ_VERB_FORMS):
        if root[-1] in _AZ_ANY_VOWEL and ending[:2] in ("il", "in"):
            said = [root + "n" + ending[2:], root + "n" + ending]  # the passive: işlə-n-ir, ödə-n-il-ir
        elif root[-1] in _AZ_ANY_VOWEL and ending[0] in "aeiou":
            said = [root + "y" + ending]  # işlə-y-ir, başla-y-ıb
        elif root[-1] == "t" and ending[0] in "aeiou":
            said = [root + ending, root[:-1] + "d" + ending]  # qayıt-maq, qayıd-ır
        else:
            said = [root + ending]
        forms.extend(" ".join([*words[:-1], word]) for word in said)
    return tuple(dict.fromkeys(forms))


# A Russian surname in -ов/-ев/-ин is declined (Алиев, Алиева, Алиеву, Алиевым, Алиеве) and the stemmer does not
# bring its cases to one stem ("алиев" -> "ал", "алиева" -> "алиев"): a name's capitalised surnames are also
# matched in the oblique cases people ask in ("день рождения Гейдара Алиева", "встреча с Набиевым").
_RU_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_RU_SURNAME_CASES = ("а", "у", "ым", "е")
_RU_MIN_SURNAME = 5


def _surname(word: str) -> bool:
    return (len(word) >= _RU_MIN_SURNAME and word[0].isupper() and not word.isupper()
            and word.lower().endswith(_RU_SURNAME_ENDINGS))


def _surname_cases(name: str) -> tuple[str, ...]:
    """A Russian name as written, and, when it holds a capitalised surname in -ов/-ев/-ин, that name with its
    surnames in the oblique cases (Гейдар Алиев: Гейдар Алиева, Гейдар Алиеву ...; the given name's own case
    ending the stemmer strips)."""
    words = name.split()
    if not any(_surname(w) for w in words):
        return (name,)
    return (name, *(" ".join(w + case if _surname(w) else w for w in words) for case in _RU_SURNAME_CASES))


# A Russian noun is asked in its cases (исполком, исполкома; Беларусь, Беларуси), and the stemmer does not always bring
# them to one stem ("исполком" -> "исполк", "исполкома" -> "исполком"): a one-word name that reads as a noun or an
# adjective is also matched in its other cases, by its ending. Verbs, participles and acronyms are left as written.
_RU_CASES = {
    "": ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"),  # after a consonant: исполком-а, -у, -ом ...
    "а": ("ы", "е", "у", "ой", "и"), "я": ("и", "е", "ю", "ей"), "ь": ("и", "ю", "ем", "я", "ью"),
    "о": ("а", "у", "ом", "е"), "е": ("я", "ю", "ем", "и"),
}
_RU_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "ое", "ые")
_RU_ADJECTIVE_CASES = ("ого", "ому", "ым", "ом", "ые", "ых", "ая", "ую", "ой", "ое")
_RU_NOT_NOUN = ("ть", "ться", "ся", "л", "ла", "ли", "ло", "ен", "ена", "ено", "ены", "ан", "ана", "ано", "аны",
                "ют", "ут", "ет", "ит", "ат", "ят")
_RU_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def _noun_cases(name: str) -> tuple[str, ...]:
    """A one-word Russian name as written, and, when it reads as a noun or an adjective (not a verb, a participle
    or an acronym), its other case forms (исполком: исполкома, исполкому ...; Беларусь: Беларуси ...)."""
    word = name.lower()
    if " " in name or "-" in name or name.isupper() or len(word) < _RU_MIN_SURNAME or word.endswith(_RU_NOT_NOUN):
        return (name,)
    if word.endswith(_RU_ADJECTIVE_ENDINGS):
        return (name, *(name[:-2] + case for case in _RU_ADJECTIVE_CASES))
    if word[-1] in _RU_CONSONANTS:
        return (name, *(name + case for case in _RU_CASES[""]))
    if word[-1] in _RU_CASES:
        return (name, *(name[:-1] + case for case in _RU_CASES[word[-1]]))
    return (name,)


def _russian_forms(name: str) -> tuple[str, ...]:
    """A Russian name's forms people ask in: its surnames' cases, or a one-word noun's cases."""
    return tuple(dict.fromkeys([*_surname_cases(name), *_noun_cases(name)]))


def _spellings(name: str) -> tuple[str, ...]:
    """A name as written, and a hyphenated one also as people type it run together ("e-viza" as "evize",
    "колл-центр" as "коллцентр")."""
    return (name, name.replace("-", "")) if "-" in name else (name,)


def _find(forms: dict[str, list[tuple[Terms, Senses]]], terms: Sequence[str], i: int) -> tuple[Terms, Senses] | None:
    """The longest name starting at terms[i], with the entries it names, or None."""
    return next(((form, senses) for form, senses in forms.get(terms[i], ())
                 if tuple(terms[i : i + len(form)]) == form), None)


def _names_of(names: Sequence[tuple[Terms, ...]], senses: Senses) -> tuple[Terms, ...]:
    """The names of one or more entries, distinct, in the entries' order."""
    return tuple(dict.fromkeys(alt for entry in senses for alt in names[entry]))


def _expansion_forms(entries: Sequence[Entry], lang: str) -> list[tuple[Terms, ...]]:
    """Each entry's names in `lang`, analyzed in `lang`, distinct, in the file's order."""
    return [tuple(dict.fromkeys(t for t in (tuple(analyze(text, lang)) for name_lang, text in entry.names
                                            if name_lang == lang) if t))
            for entry in entries]


def _ordinal(number: int) -> str:
    """An English ordinal as the releases write it: 1st, 2nd, 3rd, 11th, 21st, 108th."""
    teen = number % 100 in (11, 12, 13)
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def _whole_first(targets: tuple[Terms, ...], width: int) -> tuple[Terms, ...]:
    """A translated name's names in the target language with, first, the one that says the question's name whole:
    when the vocabulary's first name there is shorter than the name the question used ("qaçqın statusu", two words,
    first named "refugee") and exactly one other name extends it up to the question's length ("refugee status"),
    that one; else the names as they are (none or several such names: which one the question meant is unknown).
    The first name is the concept's `said`, whose idf mass weighs the concept in the ranking (Index._scales): a
    question saying "refugee status" is ranked as asking for both words, not for the more common "refugee" alone."""
    first = targets[0]
    longer = [alt for alt in targets if len(first) < len(alt) <= width and set(first) <= set(alt)]
    if len(longer) != 1:
        return targets
    return (longer[0], *(alt for alt in targets if alt != longer[0]))


def _as_said(term: str, target: str) -> Concept:
    """A term the vocabulary does not translate, searched as said; a number below ORDINAL_BELOW searched in English
    is also its ordinal (25 -> 25th): the English releases number anniversaries and sessions so ("the 25th
    anniversary", "the 108th session"), where Azerbaijani and Russian write the number with a case ending that the
    analyzer leaves apart (25 illiyi, 25-летие, 21-й)."""
    if target == "en" and _ORDINAL_FIGURE.fullmatch(term) and 0 < int(term) < ORDINAL_BELOW:
        return Concept(((term,), tuple(analyze(_ordinal(int(term)), "en"))))
    return Concept(((term,),))


@dataclass(frozen=True)
class Glossary:
    """Entries plus their analyzed forms per question language (computed once, at load)."""

    entries: tuple[Entry, ...] = ()
    _match: dict[str, dict[str, list[tuple[Terms, Senses]]]] = field(default_factory=dict, repr=False, compare=False)
    _expand: dict[str, list[tuple[Terms, ...]]] = field(default_factory=dict, repr=False, compare=False)
    # The index's terms, to read a question's unknown word as the corpus word it stands for (spelling.py).
    spelling: Spelling | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> Glossary:
        entries = tuple(entries)
        return cls(entries, {lang: _match_forms(entries, lang) for lang in LANGUAGES},
                   {lang: _expansion_forms(entries, lang) for lang in LANGUAGES})

    @classmethod
    def parse(cls, text: str, source: str = FILE_NAME) -> Glossary:
        """A glossary from YAML text; CorpusError lists every malformed entry as PATH:LINE."""
        entries, problems = parse_entries(text, source)
        if problems:
            raise CorpusError(problems)
        return cls.of(entries)

    def with_spelling(self, spelling: Spelling) -> Glossary:
        """This glossary, correcting the question words an index does not know (`Index` binds its own)."""
        return replace(self, spelling=spelling)

    def corrected(self, terms: Sequence[str], lang: str) -> list[str]:
        """A question's terms with each one the index does not know, and that is no vocabulary name, read as the
        corpus term it most likely stands for (a typo, another alphabet's spelling: spelling.py)."""
        if self.spelling is None:
            return list(terms)
        names = self._name_terms.get(lang, frozenset())
        return [t if t in names else self.spelling.correct(t) or t for t in terms]

    @functools.cached_property
    def _name_terms(self) -> dict[str, frozenset[str]]:
        """Every term of every name, per question language: a name is never corrected into something else."""
        return {lang: frozenset(t for forms in by_first.values() for form, _ in forms for t in form)
                for lang, by_first in self._match.items()}

    def translate(self, terms: Sequence[str], lang: str, target: str,
                  loanword: Callable[[str], Terms] | None = None, whole: bool = False) -> tuple[Query, int]:
        """A question's terms as they would be searched in `target`, and how many of its concepts were
        translated: each vocabulary name becomes a concept whose alternatives are its entry's names in
        `target`; any other term (a number, a name, a word the vocabulary lacks) stays as said, so that a
        release in `target` covers it only if it uses the same term, unless `loanword` gives the term in
        `target` it is the loanword of (cognates.py): then that term (or its spellings), not counted as
        translated (a guess from spelling enriches a question the vocabulary translates, and never alone sends
        one to `target`). `whole`: each name's first name in `target` is the one saying the question's name whole
        (_whole_first), for ranking."""
        lang = lang if lang in LANGUAGES else "en"
        terms = self.corrected(terms, lang)
        forms = self._match.get(lang, {})
        names = self._expand.get(target, [])
        concepts: list[Concept] = []
        translated = 0
        i = 0
        while i < len(terms):
            found = _find(forms, terms, i)
            targets = _names_of(names, found[1]) if found else ()
            cognates = loanword(terms[i]) if found is None and loanword is not None else ()
            if cognates:
                concepts.append(Concept(tuple((t,) for t in cognates)))
                i += 1
                continue
            if found is None or not targets:
                width = len(found[0]) if found else 1
                concepts.extend(_as_said(t, target) for t in terms[i : i + width])
                i += width
                continue
            form = found[0]
            concepts.append(Concept(_whole_first(targets, len(form)) if whole else targets))
            translated += 1
            i += len(form)
        return Query(tuple(concepts)), translated

    @functools.cached_property
    def places(self) -> Places:
        """The entries that are places, each with the places containing it (places.py)."""
        return Places.of([e.mark for e in self.entries], _entry_of(self.entries))

    def places_named(self, terms: Sequence[str], lang: str) -> frozenset[int]:
        """The places (entry numbers, the home left out) that analyzed terms in `lang` name, longest name first. A
        form that also names something else than a place ("gənc": young, and a city's name) names no place: a
        question about young people does not ask about the city."""
        places = self.places
        if not places:
            return frozenset()
        forms = self._match.get(lang if lang in LANGUAGES else "en", {})
        named: set[int] = set()
        i = 0
        while i < len(terms):
            found = _find(forms, terms, i)
            if found is not None and all(sense in places.containing for sense in found[1]):
                named.update(found[1])
            i += len(found[0]) if found else 1
        return places.among(named)

    def placed_at(self, publisher: str) -> frozenset[int]:
        """The places a release's publisher names ("Consulate General of Azerbaijan in Batumi": Batumi), read in
        each language (a publisher is written in any of them), the home left out; none: no particular place."""
        if not publisher or not self.places:
            return frozenset()
        known = self._publishers.get(publisher)
        if known is None:
            known = frozenset().union(*(self.places_named(analyze(publisher, lang), lang) for lang in LANGUAGES))
            self._publishers[publisher] = known
        return known

    @functools.cached_property
    def _publishers(self) -> dict[str, frozenset[int]]:
        """`placed_at`'s answers so far: a corpus has few publishers, each read once."""
        return {}

    def expand(self, terms: Sequence[str], lang: str) -> Query:
        """Find glossary names in a question's terms (longest first); each becomes a concept whose
        alternatives are that entry's names in `lang`."""
        lang = lang if lang in LANGUAGES else "en"
        terms = self.corrected(terms, lang)
        forms = self._match.get(lang, {})
        expansions = self._expand.get(lang, [])
        concepts: list[Concept] = []
        i = 0
        while i < len(terms):
            found = _find(forms, terms, i)
            if found is None:
                concepts.append(Concept(((terms[i],),)))
                i += 1
                continue
            form, senses = found
            concepts.append(Concept((form, *(alt for alt in _names_of(expansions, senses) if alt != form))))
            i += len(form)
        return Query(tuple(concepts))


def parse_entries(text: str, source: str) -> tuple[list[Entry], list[Problem]]:
    """Entries of a glossary file, and a PATH:LINE problem for each malformed one."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data: Any = yaml.load(text, Loader=_LOADER)  # a safe loader (libyaml's when installed)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(source, mark.line + 1 if mark else 1, f"bad YAML: {getattr(exc, 'problem', exc)}")]
    if data is None:
        return [], []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return [], [Problem(source, 1, "the glossary must be a list of entries like {en: [...], az: [...]}")]
    entries: list[Entry] = []
    problems: list[Problem] = []
    within_lines: dict[int, int] = {}  # entry number -> the line of its `in:` key
    homes: list[int] = []  # the lines of `place: home`: one home only
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not item or not isinstance(item_node, yaml.MappingNode):
            problems.append(Problem(source, line, f"an entry maps languages to lists of names, got {item!r}"))
            continue
        # Each key's own line, so that a problem points at the key, not at the entry's first line.
        lines = {getattr(k, "value", None): k.start_mark.line + 1 for k, _ in item_node.value}
        names: list[tuple[str, str]] = []
        mark, within_at = Marked(), 0
        for lang, values in item.items():
            at = lines.get(lang, line)
            if lang == PLACE_KEY:
                if values is True or values in ("yes", HOME):
                    mark = Marked(True, values == HOME, mark.within)
                    if values == HOME:
                        homes.append(at)
                else:
                    problems.append(Problem(source, at, f"{PLACE_KEY}: must be yes or {HOME}, got {values!r}"))
            elif lang == WITHIN_KEY:
                if isinstance(values, str) and values.strip():
                    mark = Marked(True, mark.home, values.strip())
                    within_at = at
                else:
                    problems.append(Problem(source, at, f"{WITHIN_KEY}: must name the place this one is in, "
                                                        f"got {values!r}"))
            elif lang == TOPIC_KEY:
                if not isinstance(values, str) or not values.strip():
                    problems.append(Problem(source, at, f"{TOPIC_KEY}: must be a short text, got {values!r}"))
            elif lang not in LANGUAGES:
                problems.append(Problem(source, at, f"unknown language {lang!r} (use a language: "
                                                    f"{', '.join(LANGUAGES)}, {TOPIC_KEY}, {PLACE_KEY} or "
                                                    f"{WITHIN_KEY})"))
            elif not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                problems.append(Problem(source, at, f"{lang}: names must be a list of text, got {values!r}"))
            else:
                names.extend((lang, v.strip()) for v in values)
                empty = [v for v in values if not analyze(v, lang)]
                if empty:
                    problems.append(Problem(source, at, f"{lang}: {empty[0]!r} has no searchable word "
                                                        "(only stopwords or symbols)"))
        if len(names) < 2:
            problems.append(Problem(source, line, "an entry needs at least two names that mean the same thing"))
            continue
        if mark.home and mark.within:
            problems.append(Problem(source, line, f"{PLACE_KEY}: {HOME} is in no other place ({WITHIN_KEY}: "
                                                  f"{mark.within!r})"))
        if within_at:
            within_lines[len(entries)] = within_at
        entries.append(Entry(tuple(names), mark))
    problems.extend(Problem(source, at, f"{PLACE_KEY}: {HOME} is given twice (first at line {homes[0]}): the agency "
                                        f"has one home") for at in homes[1:])
    return entries, [*problems, *_place_problems(entries, within_lines, source)]


def _entry_of(entries: Sequence[Entry]) -> dict[str, int]:
    """Each entry's names, normalized (places.place_key), to the first entry naming it so: what an `in:` refers
    to."""
    out: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for _, text in entry.names:
            out.setdefault(place_key(text), i)
    return out


def _place_problems(entries: Sequence[Entry], lines: dict[int, int], source: str) -> list[Problem]:
    """PATH:LINE problems of the `in:` keys: a name no place entry has, or places containing each other."""
    entry_of = _entry_of(entries)
    marks = [e.mark for e in entries]
    problems: list[Problem] = []
    for i, at in sorted(lines.items()):
        target = entry_of.get(place_key(marks[i].within))
        if target is None or not marks[target].place:
            problems.append(Problem(source, at, f"{WITHIN_KEY}: {marks[i].within!r} is no place of the vocabulary "
                                                f"(name an entry marked {PLACE_KEY}: yes, {PLACE_KEY}: {HOME} or "
                                                f"{WITHIN_KEY}: ...)"))
        elif cycle(marks, entry_of, i):
            problems.append(Problem(source, at, f"{WITHIN_KEY}: {marks[i].within!r} is itself in this place"))
    return problems


def load_glossary(directory: Path) -> Glossary:
    """The corpus directory's glossary, or an empty one when it has none; CorpusError when malformed."""
    path = directory / FILE_NAME
    if not path.is_file():
        return Glossary()
    return glossary_from_bytes(file_bytes(path, "glossary"), str(path))


def glossary_from_bytes(data: bytes, source: str = FILE_NAME) -> Glossary:
    """A glossary from its file's bytes (read once by the caller); CorpusError names PATH:LINE."""
    return Glossary.parse(file_text(data, source, "glossary"), source)


def vocabulary_problems(directory: Path) -> list[Problem]:
    """The PATH:LINE problems of a corpus directory's glossary (none when it has no glossary file)."""
    try:
        load_glossary(directory)
    except CorpusError as exc:
        return list(exc.problems)
    return []
