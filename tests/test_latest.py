"""/latest: the newest press releases by date, undated ones after them in corpus order, optionally on a topic."""

from __future__ import annotations

from pressbot.retrieval import Document, Index
from pressbot.retrieval.latest import latest, newest_first


def doc(doc_id: str, date: str | None, title: str = "", text: str = "A press release.") -> Document:
    return Document(id=doc_id, title=title or doc_id, text=text, date=date)


CORPUS = [
    doc("a", "2019-03-01", "Visa rules explained", "Electronic visas are issued online through the ASAN system."),
    doc("b", None, "Passport office hours", "The passport office opens at nine."),
    doc("c", "2023-05-02", "Mobile consular service in Boston", "The embassy visited compatriots in Boston."),
    doc("d", "2021-07-15", "Visa centre opened in Baku", "A new visa centre opened in Baku."),
    doc("e", None, "Meeting with the IOM", "The chief met the IOM mission."),
    doc("f", "2021-07-15", "Registration of foreigners", "Foreigners register their place of stay online."),
    doc("g", "2010-01-20", "Quota for labour migration", "The quota for labour migration was set."),
    doc("h", "2015-06-30", "Readmission agreement", "A readmission agreement was signed."),
]


def ids(documents: list[Document]) -> list[str]:
    return [d.id for d in documents]


def test_dated_releases_come_newest_first_then_undated_ones_in_corpus_order() -> None:
    assert ids(newest_first(CORPUS)) == ["c", "d", "f", "a", "h", "g", "b", "e"]


def test_releases_of_the_same_date_keep_their_corpus_order() -> None:
    same_day = [doc("z", "2020-01-01"), doc("y", "2020-01-01"), doc("x", "2020-01-01")]
    assert ids(newest_first(same_day)) == ["z", "y", "x"]


def test_latest_gives_a_page_of_the_newest() -> None:
    index = Index.build(CORPUS)
    assert ids(latest(index, limit=3)) == ["c", "d", "f"]
    assert ids(latest(index, limit=3, offset=3)) == ["a", "h", "g"]
    assert ids(latest(index, limit=3, offset=6)) == ["b", "e"]


def test_a_topic_keeps_only_the_releases_about_it_newest_first() -> None:
    assert ids(latest(Index.build(CORPUS), "visa")) == ["d", "a"]


def test_a_topic_is_matched_through_the_analyzer() -> None:
    assert ids(latest(Index.build(CORPUS), "Visas")) == ["d", "a"]


def test_a_topic_of_several_words_needs_most_of_them() -> None:
    assert ids(latest(Index.build(CORPUS), "labour migration quota")) == ["g"]


def test_a_topic_no_release_is_about_gives_nothing() -> None:
    assert latest(Index.build(CORPUS), "zanzibar") == []


def test_a_blank_topic_is_no_topic() -> None:
    index = Index.build(CORPUS)
    assert latest(index, "   ") == latest(index)


def test_a_topic_in_half_of_a_small_corpus_still_finds_its_releases() -> None:
    # In 4 releases, a word in 2 has rank-bm25 idf log(2.5 / 2.5) = 0: no idf mass to cover.
    small = [CORPUS[0], CORPUS[1], CORPUS[2], CORPUS[3]]
    assert ids(latest(Index.build(small), "visa")) == ["d", "a"]
