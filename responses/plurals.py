"""Numbers with their nouns in the form each language wants after a number: "1 press release", "5 press
releases"; "1 пресс-релиз", "2 пресс-релиза", "5 пресс-релизов", "21 пресс-релиз"; and in Azerbaijani, where a
noun after a number takes no plural, "1 press-reliz", "5 press-reliz".

A locale phrase writes `{documents:press_releases}`: the field's number, a space, and the form of the
`counted` entry `press_releases` of that locale that the number takes. An entry lists the language's forms in
the order of its CLDR plural categories (FORMS: English one, other; Russian one, few, many; Azerbaijani one
form), so that every locale has the same keys. A field without a noun (`{documents}`) is the bare number. The
rules of three languages are a few lines; a plural library (Babel) would bring every language's data for them.

Usage::

    nouns = {"press_releases": ["пресс-релиз", "пресс-релиза", "пресс-релизов"]}
    fill("Готово: {documents:press_releases}.", "ru", nouns, documents=21)   # "Готово: 21 пресс-релиз."
    format(Count(2, "en", {"topics": ["topic", "topics"]}), "topics")        # "2 topics"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Nouns = Mapping[str, Sequence[str]]  # noun key → its forms, in the order of FORMS[lang]
FORMS = {"en": ("one", "other"), "ru": ("one", "few", "many"), "az": ("other",)}  # CLDR categories, in order


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of a whole number in a language (English's rule for any other language)."""
    n = abs(n)
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if lang == "az":  # the noun after a number stays singular: one form for every number
        return "other"
    return "one" if n == 1 else "other"


@dataclass(frozen=True)
class Count:
    """A number that formats as itself, or with a format spec naming a noun, as the number and that noun."""

    n: int
    lang: str
    nouns: Nouns

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self.n)
        forms = self.nouns.get(spec)
        if forms is None:
            raise KeyError(f"counted.{spec}: no such noun in the {self.lang} locale")
        order = FORMS.get(self.lang, FORMS["en"])
        return f"{self.n} {forms[order.index(plural_category(self.n, self.lang))]}"

    def __str__(self) -> str:
        return str(self.n)


def fill(phrase: str, lang: str, nouns: Nouns, **values: object) -> str:
    """`phrase.format(**values)`, each whole number (not a bool) able to take its noun (`{n:press_releases}`)."""
    counted = {key: Count(value, lang, nouns) if isinstance(value, int) and not isinstance(value, bool) else value
               for key, value in values.items()}
    return phrase.format(**counted)
