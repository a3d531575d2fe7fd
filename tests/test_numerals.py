"""A small number written in figures or in words is the same number, in every language searched."""

from __future__ import annotations

import pytest

from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.numerals import number, numerals


@pytest.mark.parametrize(("term", "lang", "value"), [("4", "en", 4), ("four", "en", 4), ("четыр", "ru", 4),
                                                      ("четырех", "ru", 4), ("трех", "ru", 3), ("dord", "az", 4)])
def test_a_figure_or_a_number_word_says_its_number(term: str, lang: str, value: int) -> None:
    assert number(term, lang) == value


@pytest.mark.parametrize(("term", "lang"), [("1", "en"), ("one", "en"), ("13", "en"), ("2020", "en"), ("04", "en"),
                                            ("bes", "az"), ("uc", "az"), ("on", "az")])
def test_one_large_numbers_and_ambiguous_words_say_no_number(term: str, lang: str) -> None:
    # "one of the", a year, "bəs edir" (is enough) typed without its letters: no count to spell otherwise.
    assert number(term, lang) is None


def test_a_figure_is_also_searched_as_the_number_words_of_the_language_searched() -> None:
    assert ("four",) in numerals("4", "ru", "en")
    assert ("четыр",) in numerals("4", "en", "ru")
    assert ("dord",) in numerals("4", "en", "az")


def test_a_number_word_is_also_searched_as_its_figure_and_as_the_words_of_another_language() -> None:
    assert numerals("четырех", "ru", "en") == (("4",), ("four",))


def test_a_term_that_says_no_number_has_no_other_wording() -> None:
    assert numerals("permit", "en", "en") == ()


def test_a_question_translated_by_the_vocabulary_searches_its_figure_as_a_word() -> None:
    glossary = Glossary.parse("- {en: [extend], ru: [продлевать]}")
    plan, _ = glossary.translate(analyze("можно продлевать больше 4 раз", "ru"), "ru", "en")
    assert ("four",) in next(c for c in plan.concepts if c.said == ("4",)).alternatives


def test_a_question_in_the_releases_language_finds_the_number_written_in_words() -> None:
    others = ["The ferry leaves at nine.", "A meeting was held in Baku.", "Visitors came to the exhibition."]
    docs = [Document(id="rule", title="Forum", text="Earlier permits could not be extended more than four times."),
            Document(id="count", title="Statistics", text="Permits were extended many times."),
            *(Document(id=f"other-{n}", title="Event", text=text) for n, text in enumerate(others))]
    index = Index.build(docs, glossary=Glossary.parse("- {en: [extend, extension], ru: [продлевать]}"))
    assert index.search("can permits be extended more than 4 times", k=1)[0].doc_id == "rule"


@pytest.mark.parametrize("term", ["9" * 5000, "²", "٤"])
def test_a_long_or_non_ascii_figure_says_no_number(term: str) -> None:
    assert number(term, "en") is None
