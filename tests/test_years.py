"""A question that names a year is answered only from a release of that year (composer.on_years: "how many … in 2018"
is not answered by 2022's figures), and a release is of that year when any of its passages writes it, not only the
passages found (answering.dated_passages): its lead says "the results of 2019", the question matched a later
paragraph. Each in English, Azerbaijani and Russian."""

from __future__ import annotations

import pytest

from pressbot.responses.answering import dated_passages
from pressbot.responses.composer import Answer, compose
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.analyzer import question_terms

# Per language: a release's lead naming the year, a filler paragraph, the paragraph the question matches, the question.
RELEASES = {
    "en": ("The service summed up the results of {y} at its annual meeting in Baku.",
           "Speakers talked about cooperation with partner number {i} and many other matters.",
           "Permanent residence permits are now issued in ten days.",
           "permanent residence permits issued in ten days in {y}"),
    "az": ("Xidmət {y}-ci ilin yekunlarını Bakıda illik toplantıda müzakirə edib.",
           "Natiqlər {i} nömrəli tərəfdaşla əməkdaşlıqdan və digər məsələlərdən danışıblar.",
           "Daimi yaşama icazəsi artıq on gün ərzində verilir.",
           "{y}-ci ildə daimi yaşama icazəsi on gün ərzində verilir"),
    "ru": ("Служба подвела итоги {y} года на ежегодном совещании в Баку.",
           "Выступающие говорили о сотрудничестве с партнёром номер {i} и о многом другом.",
           "Вид на жительство теперь выдается за десять дней.",
           "вид на жительство выдается за десять дней в {y} году"),
}
LANGS = sorted(RELEASES)


def release(lang: str, year: int | None) -> Index:
    """The release, its lead naming `year` (None: the lead left out, no year anywhere)."""
    lead, filler, body, _ = RELEASES[lang]
    parts = [lead.format(y=year)] if year is not None else []
    text = "\n\n".join([*parts, " ".join(filler.format(i=i) for i in range(12)), body])
    return Index.build([Document(id="meeting", title="Annual meeting", lang=lang, text=text)])


def found(index: Index, lang: str) -> list[Hit]:
    """The release's last passage as the only one found (the paragraph the question matched)."""
    last = index.passages_of("meeting")[-1]
    return [Hit(doc_id=last.doc_id, passage_id=last.passage_id, score=10.0, text=last.text, title=last.title,
                lang=lang, position=last.position, coverage=1.0)]


def answer(lang: str, year_written: int | None, year_asked: int, whole: bool) -> Answer:
    index = release(lang, year_written)
    question = RELEASES[lang][3].format(y=year_asked)
    hits = found(index, lang)
    weights = dict.fromkeys(question_terms(question, lang), 1.0)
    return compose(question, hits, weights, lang, dated=dated_passages(index, hits, question) if whole else ())


@pytest.mark.parametrize("lang", LANGS)
def test_a_release_is_of_the_year_its_passages_not_found_write(lang: str) -> None:
    assert answer(lang, 2019, 2019, whole=False).reason == "on_years"  # the passage found alone: dropped
    result = answer(lang, 2019, 2019, whole=True)
    assert result.answered and RELEASES[lang][2] in result.quotes[0].text


@pytest.mark.parametrize("lang", LANGS)
def test_a_release_of_another_year_is_still_not_quoted_for_the_year_asked(lang: str) -> None:
    result = answer(lang, 2022, 2018, whole=True)
    assert not result.answered and result.reason == "on_years"


@pytest.mark.parametrize("lang", LANGS)
def test_the_dated_passages_are_the_found_releases_others_writing_the_year(lang: str) -> None:
    index = release(lang, 2019)
    hits = found(index, lang)
    question = RELEASES[lang][3]
    lead = index.passages_of("meeting")[0]
    assert [p.passage_id for p in dated_passages(index, hits, question.format(y=2019))] == [lead.passage_id]
    assert dated_passages(index, hits, question.format(y=2018)) == []
    assert dated_passages(index, hits, RELEASES[lang][2]) == []  # a question naming no year: none


@pytest.mark.parametrize("lang", LANGS)
def test_an_undated_release_writing_no_year_is_not_quoted_for_a_year_asked(lang: str) -> None:
    # It is of some year, not of any: "victory day 2019" is not answered by an undated release of 2023's event.
    result = answer(lang, None, 2019, whole=True)
    assert not result.answered and result.reason == "on_years"
