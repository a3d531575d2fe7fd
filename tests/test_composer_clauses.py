"""A figure in a list of several topics is the figure of the topic written in its own clause (composer.stated_terms):
a release's total that lists the question's topic among others does not hide the sentence giving that topic's own
figure."""

from __future__ import annotations

from pressbot.responses.answer_types import NUMBER
from pressbot.responses.composer import compose, stated_terms
from pressbot.retrieval import Document, Index

FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]


def _terms(kind: str, text: str, lang: str, matched: set[str]) -> set[str]:
    return stated_terms(kind, text, lang, matched)


def test_a_total_listing_topics_states_its_figure_of_what_its_own_clause_names_en() -> None:
    text = "During the half year, 57851 applications on permits, acquisition of citizenship and visas were received."
    assert _terms(NUMBER, text, "en", {"applic", "citizenship"}) == {"applic"}


def test_a_figure_in_a_clause_naming_the_topic_is_that_topic_s_figure_en() -> None:
    text = "26119 applications were related to permits, 11964 were related to the establishment of citizenship."
    assert _terms(NUMBER, text, "en", {"applic", "citizenship"}) == {"applic", "citizenship"}


def test_a_total_listing_topics_states_its_figure_of_what_its_own_clause_names_az() -> None:
    text = "Yarım ildə 57851 müraciət daxil olub, o cümlədən vətəndaşlıq və icazə məsələləri üzrə."
    assert _terms(NUMBER, text, "az", {"muraci", "vetendasliq"}) == {"muraci"}


def test_a_figure_in_a_clause_naming_the_topic_is_that_topic_s_figure_az() -> None:
    text = "Müraciətlərdən 26119-u icazələrlə, 11964-ü vətəndaşlıq məsələləri ilə bağlıdır."
    assert "vetendasliq" in _terms(NUMBER, text, "az", {"muraci", "vetendasliq"})


def test_a_total_listing_topics_states_its_figure_of_what_its_own_clause_names_ru() -> None:
    text = "За полугодие поступило 57851 заявление, в том числе о гражданстве и о разрешениях."
    assert _terms(NUMBER, text, "ru", {"заявлен", "гражданств"}) == {"заявлен"}


def test_a_figure_in_a_clause_naming_the_topic_is_that_topic_s_figure_ru() -> None:
    text = "Из них 26119 касались разрешений, 11964 касались гражданства."
    assert "гражданств" in _terms(NUMBER, text, "ru", {"заявлен", "гражданств"})


def test_a_unit_whose_clauses_state_no_figure_alone_keeps_all_it_names() -> None:
    assert _terms(NUMBER, "Citizenship applications numbered 12 thousand", "en", {"applic", "citizenship"}) == {
        "applic", "citizenship"}


STATISTICS = Document(id="stats", title="Statistics for the first half of the year", url="https://example.org/s", text=(
    "During the first half of the year, 57851 applications on residence permits, acquisition of citizenship and "
    "work permits were received. 26119 applications were related to residence permits, 11964 were related to "
    "the establishment of citizenship. Moreover, 6090 decisions were made on violations of the law."))


def _answer(question: str) -> list[str]:
    index = Index.build([STATISTICS, *FILLER])
    hits = index.search(question, k=10, lang="en")
    result = compose(question, hits, index.term_weights(index.query_terms(question, "en")), "en")
    return [q.text for q in result.quotes]


def test_the_sentence_giving_the_asked_topic_s_own_figure_is_quoted_after_the_total() -> None:
    assert any("11964" in q for q in _answer("how many applications on citizenship in the first half of the year"))


def test_a_figure_of_another_topic_is_not_quoted_for_the_figure_asked() -> None:
    assert not any("6090" in q for q in _answer("how many applications on citizenship in the first half of the year"))


def test_a_figure_in_another_paragraph_does_not_count_as_the_listed_topic_s_figure() -> None:
    index = Index.build([Document(id="stats", title=STATISTICS.title, url=STATISTICS.url,
                                  text=STATISTICS.text.replace(" 26119", "\n26119").replace(" Moreover", "\nMoreover")),
                         *FILLER])
    question = "how many applications on citizenship in the first half of the year"
    result = compose(question, index.search(question, k=10, lang="en"),
                     index.term_weights(index.query_terms(question, "en")), "en")
    assert not any("11964" in q.text for q in result.quotes)
