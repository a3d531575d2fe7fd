"""False declines: an in-scope question whose release is found is answered, and the near misses stay declined.

One mechanism per group, each in English, Azerbaijani and Russian: chat shorthand in the evidence (composer.evidence),
a release's publisher naming its place and the agency's own ground covered by a rule for the wider name
(decision.names_kept)."""

from __future__ import annotations

import pytest

from pressbot.responses.answering import unknown
from pressbot.responses.composer import ComposerSettings, _abbreviates, evidence
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.analyzer import question_terms

THRESHOLD = ComposerSettings().min_coverage


def hit(text: str, lang: str, title: str = "Press release") -> Hit:
    return Hit(doc_id="d", passage_id="d#0", score=10.0, text=text, title=title, lang=lang, position=0)


def weighed(question: str, lang: str, idf: dict[str, float]) -> tuple[dict[str, float], frozenset[str]]:
    """The question's terms with their idf (1.0 unless given), and those given as unknown to the corpus (7.0)."""
    terms = question_terms(question, lang)
    weights = {t: idf.get(t, 1.0) for t in terms}
    return weights, frozenset(t for t, w in weights.items() if w == 7.0)


# (question, language, release sentence, idf of the question's terms: 7.0 = a word the corpus never uses)
SHORTHAND = [
    ("how many ppl got citizenship", "en", "In 2018, 58 people were admitted to citizenship.",
     {"ppl": 7.0, "citizenship": 3.0}),
    ("nece nfr vetendasliga qebul olunub", "az", "2018-ci ildə 58 nəfər vətəndaşlığa qəbul olunub.",
     {"nfr": 7.0, "vetendasliq": 1.5, "qebul": 1.0}),
    ("сколько чел получили гражданство", "ru", "В 2018 году гражданство получили 58 человек.",
     {"чел": 7.0, "получ": 1.0, "гражданств": 2.0}),
]


@pytest.mark.parametrize(("question", "lang", "sentence", "idf"), SHORTHAND)
def test_chat_shorthand_is_covered_by_the_word_it_shortens(question: str, lang: str, sentence: str,
                                                            idf: dict[str, float]) -> None:
    weights, unknown_terms = weighed(question, lang, idf)
    assert evidence([hit(sentence, lang)], weights) < THRESHOLD  # read as a word of its own: declined
    assert evidence([hit(sentence, lang)], weights, unknown_terms) == 1.0


# An unknown word that no word of the release shortens stays uncovered: not an inflection, not a longer word
# holding its letters somewhere.
NEAR_MISSES = [
    ("best plov recipe population", "en", "The population census counted 58 people.", {"plov": 7.0, "recip": 7.0}),
    ("bu olur qeydiyyat", "az", "Qeydiyyat onlayn olunur.", {"olur": 7.0, "qeydiyyat": 1.0}),
    ("перв пребывание", "ru", "Срок пребывания продлевается.", {"перв": 7.0, "пребыван": 1.0}),
]


@pytest.mark.parametrize(("question", "lang", "sentence", "idf"), NEAR_MISSES)
def test_an_unknown_word_no_release_word_shortens_stays_uncovered(question: str, lang: str, sentence: str,
                                                                  idf: dict[str, float]) -> None:
    weights, unknown_terms = weighed(question, lang, idf)
    assert evidence([hit(sentence, lang)], weights, unknown_terms) < THRESHOLD


def test_shorthand_is_consonants_or_first_letters_and_last_consonant() -> None:
    assert all(_abbreviates(s, w) for s, w in [("ppl", "people"), ("msg", "message"), ("intl", "international"),
                                                ("govt", "government"), ("nfr", "nəfər"), ("чел", "человек")])
    assert not any(_abbreviates(s, w) for s, w in [("olur", "olunur"), ("abs", "assambleyası"),
                                                    ("перв", "пребывать"), ("ppl", "population"), ("ppl", "ppls")])


def test_a_one_letter_word_the_corpus_does_not_know_is_left_out_of_the_evidence() -> None:
    weights, unknown_terms = weighed("is the hotline open n weekends", "en", {"n": 7.0, "hotlin": 2.0})
    sentence = "The hotline is open on weekends."
    assert evidence([hit(sentence, "en")], weights) < THRESHOLD
    assert evidence([hit(sentence, "en")], weights, unknown_terms) == 1.0


def test_a_word_the_corpus_knows_is_not_read_as_shorthand() -> None:
    index = Index.build([Document(id="d", title="People", lang="en", text="People were admitted.")])
    assert unknown(index, ["peopl", "ppl"]) == frozenset({"ppl"})
