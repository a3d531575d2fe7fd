"""Recency: questions asking for the latest news prefer newer press releases among comparable matches."""

from __future__ import annotations

from pressbot.retrieval import Document, Index
from pressbot.retrieval.recency import freshness, prefer_recent, wants_recent

OLD = Document(id="old", title="Mobile consular service in Texas", date="2019-03-01",
               text="The consulate provided mobile consular services to compatriots in Texas.")
NEW = Document(id="new", title="Mobile consular service in Oregon", date="2024-05-10",
               text="The consulate provided mobile consular services to compatriots in Oregon.")
UNDATED = Document(id="undated", title="Mobile consular service in Utah",
                   text="The consulate provided mobile consular services to compatriots in Utah.")
# Unrelated releases, so that idf tells rare words from common ones as in a real corpus.
FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]
CORPUS = [OLD, NEW, UNDATED, *FILLER]


def test_latest_recent_and_new_ask_for_news_in_english() -> None:
    assert wants_recent("What are the latest news on passports?", "en")
    assert wants_recent("Any recent changes to visas?", "en")
    assert wants_recent("new rules for residence permits", "en")


def test_son_and_poslednie_ask_for_news_in_azerbaijani_and_russian() -> None:
    assert wants_recent("Mobil konsulluq haqqında son xəbərlər", "az")
    assert wants_recent("Последние новости о визах", "ru")


def test_an_ordinary_question_does_not_ask_for_news() -> None:
    assert not wants_recent("Who met the IOM Director General in Geneva?", "en")


def test_freshness_runs_from_the_oldest_to_the_newest_date() -> None:
    fresh = freshness({"a": "2020-01-01", "b": "2022-01-01", "c": "2021-01-01", "d": None})
    assert fresh == {"a": 0.0, "b": 1.0, "c": fresh["c"], "d": 0.0}
    assert 0.49 < fresh["c"] < 0.51


def test_a_fresher_passage_overtakes_an_equal_older_one() -> None:
    assert [i for i, _ in prefer_recent([(0, 10.0), (1, 10.0)], [0.0, 1.0])] == [1, 0]


def test_a_much_better_old_match_still_comes_first() -> None:
    assert [i for i, _ in prefer_recent([(0, 20.0), (1, 10.0)], [0.0, 1.0])] == [0, 1]


def test_a_latest_news_question_ranks_the_newest_comparable_release_first() -> None:
    index = Index.build(CORPUS)
    assert index.search("latest mobile consular services", k=3)[0].doc_id == "new"


def test_without_a_recency_word_the_ranking_is_bm25s() -> None:
    index = Index.build(CORPUS)
    assert index.search("mobile consular services", k=3)[0].doc_id == "old"


def test_recency_words_are_not_required_of_the_passage() -> None:
    index = Index.build(CORPUS)
    assert index.search("latest news: mobile consular services", k=1)[0].coverage == 1.0
