"""/latest: the newest press releases by date; undated ones after them, never as "newest": first the undated news
of sites that number their news in the url (in that numbering), then other pages in corpus order; optionally on
a topic."""

from __future__ import annotations

import re
from pathlib import Path

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.core.texts import Texts
from pressbot.retrieval import Document, Index
from pressbot.retrieval.latest import latest, latest_entries, newest_first, numbering_sites, ordered, sequence_number
from tests.conftest import write_doc


def doc(doc_id: str, date: str | None, title: str = "", text: str = "A press release.",
        url: str | None = None) -> Document:
    return Document(id=doc_id, title=title or doc_id, text=text, date=date, url=url)


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


# --- undated news in a site's own numbering -----------------------------------------------------------------
NEWS = "https://agency.example.org/en/news_detail/"
NUMBERED = [
    doc("faq", None, "Frequently asked", url="https://consulate.example.org/en/faq"),
    doc("n120", None, "Workshop", url=NEWS + "120"),
    doc("dated", "2020-04-27", "Announcement", url=NEWS + "140"),
    doc("n95", None, "Visit", url="https://www.agency.example.org/az/news_detail/95/"),
    doc("n133", None, "Forum", url=NEWS + "133"),
    doc("guide", None, "How to apply", url="https://help.example.net/guide"),
]


def parts(documents: list[Document]) -> list[tuple[str, str]]:
    return [(e.document.id, e.part) for e in ordered(documents)]


def test_a_trailing_number_in_the_url_path_is_the_sequence_number() -> None:
    assert sequence_number(NEWS + "13016") == 13016
    assert sequence_number("https://x.org/news/77/") == 77
    assert sequence_number("https://x.org/content/39/consulate-general") is None
    assert sequence_number("https://x.org/blog/index.php?entryid=15") is None
    assert sequence_number(None) is None


def test_undated_news_of_a_numbering_site_follow_the_dated_highest_number_first_then_other_pages() -> None:
    assert parts(NUMBERED) == [("dated", "dated"), ("n133", "numbered"), ("n120", "numbered"), ("n95", "numbered"),
                               ("faq", "undated"), ("guide", "undated")]


def test_a_site_with_www_and_without_is_one_site() -> None:
    assert numbering_sites(NUMBERED) == {"agency.example.org": 4}


def test_one_numbered_page_does_not_make_a_numbering_site() -> None:
    lone = [doc("a", None, url="https://one.example.org/node/7756"), doc("b", None, url="https://two.example.org/p")]
    assert parts(lone) == [("a", "undated"), ("b", "undated")]


def test_numbers_are_compared_within_a_site_and_the_site_with_more_pages_comes_first() -> None:
    small = "https://small.example.org/news/"
    documents = [doc("s900", None, url=small + "900"), doc("s901", None, url=small + "901"), *NUMBERED]
    assert [d for d, part in parts(documents) if part == "numbered"] == ["n133", "n120", "n95", "s901", "s900"]


def test_a_topic_keeps_its_sites_numbering_found_in_the_whole_corpus() -> None:
    corpus = [doc("forum", None, "Migration forum", "The migration forum met.", url=NEWS + "7"),
              *(doc(f"o{n}", None, f"Other {n}", "Snow fell on the hills.", url=NEWS + str(n)) for n in range(3))]
    assert [(e.document.id, e.part) for e in latest_entries(Index.build(corpus), "forum")] == [("forum", "numbered")]


def listing(service: Service, offset: int = 0) -> list[str]:
    """The plain-text /latest page as its lines that are not urls."""
    text = Texts(service).latest_text("", "en", offset=offset).text
    return [line for line in text.splitlines() if line.strip() and not line.startswith("   http")]


def numbered_corpus(directory: Path) -> Service:
    for n, date in ((1, "2019-01-02"), (2, "2021-03-04"), (3, "2020-05-06")):
        write_doc(directory, f"d{n}.md", f"Dated {n}", "A meeting was held.", date=date, url=f"{NEWS}{n}")
    for n in (10, 12):
        write_doc(directory, f"n{n}.md", f"Numbered {n}", "A visit took place.", url=f"{NEWS}{n}")
    write_doc(directory, "faq.md", "Frequently asked", "Answers to questions.", url="https://c.example.org/faq")
    write_doc(directory, "hours.md", "Office hours", "The office opens at nine.")
    return Service.start(load_config(None, {}, corpus=directory))


def test_the_latest_page_names_each_part_and_calls_no_undated_item_newest(tmp_path: Path) -> None:
    assert listing(numbered_corpus(tmp_path)) == [
        "Newest press releases",
        "1. Dated 2 — 2021-03-04", "2. Dated 3 — 2020-05-06", "3. Dated 1 — 2019-01-02",
        "News without a date, in the site's own numbering (highest first)",
        "4. Numbered 12 — date not given", "5. Numbered 10 — date not given",
    ]


def test_a_page_without_dated_releases_is_not_headed_newest(tmp_path: Path) -> None:
    assert listing(numbered_corpus(tmp_path), offset=5) == [
        "Press releases", "Other pages, undated", "6. Frequently asked — undated", "7. Office hours — undated"]


def test_the_html_page_names_the_parts_in_the_persons_language(tmp_path: Path) -> None:
    html = Texts(numbered_corpus(tmp_path)).latest_text("", "az").html
    assert re.findall(r"<i>(.+?)</i>", html) == ["Tarixsiz xəbərlər, saytın öz nömrələnməsi ilə (ən böyük nömrə əvvəl)"]
    assert html.count("— tarix göstərilməyib") == 2


def test_on_the_bundled_corpus_every_item_listed_as_newest_is_dated() -> None:
    service = Service.start(load_config(None, {}, corpus=None))
    newest_items = undated_items = 0
    for topic in ("", "consular", "visa"):
        offset = 0
        while latest(service.index, topic, limit=1, offset=offset):
            lines = Texts(service).latest_text(topic, "en", offset=offset).text.splitlines()
            part = lines[0]
            for line in lines[1:]:
                if line and not line[0].isdigit() and not line.startswith(" "):
                    part = line
                elif line[:1].isdigit():
                    is_newest = part.startswith("Newest press releases")
                    newest_items += is_newest
                    undated_items += not is_newest
                    assert not is_newest or re.search(r" — \d{4}-\d{2}-\d{2}$", line), (topic, line)
            offset += 5
    assert newest_items >= 20 and undated_items >= 100  # 22 of 173 bundled releases carry a date
