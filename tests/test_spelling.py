"""Spelling: a question word no release uses is read as the corpus word it stands for (retrieval/spelling.py)."""

from __future__ import annotations

import itertools

from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import question_terms
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.spelling import Spelling, skeleton

# term -> passages it occurs in
KNOWN = {"zagatala": 4, "nakhchivan": 6, "servic": 90, "mingachevir": 3, "lankaran": 3, "yevlakh": 2,
         "meet": 40, "manag": 12, "perman": 20, "once": 1, "заявлен": 5}


def spelling(known: dict[str, int] = KNOWN) -> Spelling:
    offsets = list(itertools.accumulate(known.values(), initial=0))
    return Spelling({t: i for i, t in enumerate(known)}, offsets)


def test_azerbaijani_and_english_spellings_of_a_name_share_a_skeleton() -> None:
    assert skeleton("naxcivan") == skeleton("nakhchivan") == skeleton("нахчыван")


def test_an_azerbaijani_spelling_is_read_as_the_english_one() -> None:
    assert spelling().correct("naxcivan") == "nakhchivan"
    assert spelling().correct("lenkeran") == "lankaran"


def test_a_russian_name_is_read_as_the_latin_spelling_of_the_releases() -> None:
    assert spelling().correct("мингячевир") == "mingachevir"
    assert spelling().correct("евлах") == "yevlakh"  # an initial е is said "ye"


def test_a_russian_stem_one_letter_short_of_the_latin_name_is_that_name() -> None:
    assert spelling().correct("загатал") == "zagatala"


def test_a_typo_inside_a_long_word_is_corrected() -> None:
    assert spelling().correct("servis") == "servic"
    assert spelling().correct("заявлне") == "заявлен"


def test_a_known_term_stays_as_it_is() -> None:
    assert spelling().correct("servic") is None


def test_a_short_word_is_never_corrected_by_a_typo() -> None:
    assert spelling().correct("manat") is None  # not a mistyped "manag(e)"


def test_a_different_first_letter_is_a_different_word() -> None:
    assert spelling().correct("german") is None  # not "perman(ent)"


def test_a_term_seen_in_one_passage_is_no_correction() -> None:
    assert spelling().correct("oncee") is None


def test_a_very_long_word_is_never_corrected() -> None:
    assert spelling().correct("servis" + "a" * 20_000) is None


def test_a_number_is_never_corrected() -> None:
    assert spelling({"20200": 5}).correct("20201") is None


DOCS = [
    Document(id="zagatala", title="Mobile service", text="A mobile service was organized in Zagatala for 18 persons."),
    Document(id="astara", title="Mobile service", text="A mobile service was organized in Astara for 15 persons."),
    Document(id="zagatala-2", title="Awareness event", text="An awareness event was held in Zagatala."),
]


def test_a_question_naming_a_place_in_russian_finds_the_release_spelling_it_in_latin() -> None:
    found = [h.doc_id for h in Index.build(DOCS).search("мобильная служба в загатале", k=3, lang="ru")]
    assert found[0] == "zagatala"  # "мобильн" is read as "mobil" too: both words found, in one release


def test_a_mistyped_word_finds_the_release_with_the_right_spelling() -> None:
    found = [h.doc_id for h in Index.build(DOCS).search("awarness event", k=3, lang="en")]
    assert found[0] == "zagatala-2"


def test_the_corrected_word_counts_as_said_for_the_evidence() -> None:
    index = Index.build(DOCS)
    assert index.query("zagatala mobile servise", "en").said == tuple(question_terms("zagatala mobile service", "en"))


def test_a_vocabulary_name_is_not_corrected_into_a_corpus_word() -> None:
    glossary = Glossary.parse("- en: [SMS, State Migration Service]\n  ru: [ГМС, Государственная миграционная служба]")
    index = Index.build(DOCS, glossary=glossary)
    assert ("гмс",) in index.query("гмс", "ru").concepts[0].alternatives
