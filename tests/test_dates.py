"""retrieval/dates.py: the dates press releases print, in English, Azerbaijani and Russian."""

from __future__ import annotations

import pytest

from pressbot.retrieval.dates import date_line_near_top, find_dates, parse_date, url_date


@pytest.mark.parametrize("text", [
    "20 November 2026", "20.11.2026", "20/11/2026", "20 noyabr 2026", "20 Noyabr 2026-cı il", "20 ноября 2026",
    "20 ноября 2026 г.", "20 Ноября 2026", "Nov 20, 2026", "November 20, 2026", "2026-11-20",
    "2026-11-20T10:35:00+04:00", "Published: 20 Nov. 2026, 10:35", "Bakı, 20 noyabr 2026",
])
def test_each_format_the_sites_use_reads_as_the_same_day(text: str) -> None:
    assert parse_date(text) == "2026-11-20"


@pytest.mark.parametrize("text", ["31.02.2026", "20 Brumaire 2026", "12:30", "919-00-00", "2026", "1 234 567"])
def test_what_is_not_a_date_reads_as_none(text: str) -> None:
    assert parse_date(text) is None


def test_all_dates_of_a_text_come_in_order() -> None:
    assert find_dates("From 1 March 2026 to 2026-04-30 and 05.05.2026.") == ["2026-03-01", "2026-04-30", "2026-05-05"]


def test_a_date_line_near_the_top_is_taken_out_of_the_text() -> None:
    assert date_line_near_top("28 November 2026\nThe Service met.\nMore.") == ("2026-11-28", "The Service met.\nMore.")


def test_a_date_inside_a_sentence_stays_in_the_text() -> None:
    body = "On 28 November 2026 the Service met the delegation of the European Union in Baku.\nMore."
    assert date_line_near_top(body) == (None, body)


def test_a_date_line_further_down_is_left_alone() -> None:
    body = "One.\nTwo.\nThree.\n28.11.2026"
    assert date_line_near_top(body) == (None, body)


@pytest.mark.parametrize("url", ["https://embassy.az/news/240-27-01-2023", "https://x.az/2023/01/27/meeting",
                                 "https://x.az/news/2023-01-27-meeting", "https://x.az/27.01.2023.html"])
def test_a_full_date_in_an_address_path_reads_as_the_day(url: str) -> None:
    assert url_date(url) == "2023-01-27"


@pytest.mark.parametrize("url", [None, "https://migration.gov.az/en/news_detail/16124",
                                 "https://x.az/news/presented-data-january-2018", "https://x.az/a-2019-13-40",
                                 "https://x.az/news?date=2023-01-27", "https://10.20.2023.x.az/news/1"])
def test_an_address_without_a_full_date_in_its_path_reads_as_none(url: str | None) -> None:
    assert url_date(url) is None


@pytest.mark.parametrize("line", ["of June 1, 2016 No. 923", "Order № 12 of 20.11.2026", "20.11.2026 - 45 applicants"])
def test_a_short_line_holding_a_date_and_another_number_is_no_date_line(line: str) -> None:
    # The end of a decree's name ("… of June 1, 2016 No. 923") dated a release by the decree's day.
    body = f"{line}\nThe Service received applications."
    assert date_line_near_top(body) == (None, body)


@pytest.mark.parametrize("line", ["Published: 20.11.2026, 10:35", "Bakı, 20 noyabr 2026", "20 ноября 2026 г."])
def test_a_date_line_with_a_time_or_a_place_is_still_a_date_line(line: str) -> None:
    assert date_line_near_top(f"{line}\nThe Service received applications.")[0] == "2026-11-20"
