"""Publication dates as press releases print them, in English, Azerbaijani and Russian, read to ISO.

htmldate reads meta tags and JSON-LD well, but it returns YYYY-01-01 when it cannot read a month name
and refuses dates after today; the visible dates of these sites ("20 noyabr 2026", "20 ноября 2026 г.")
are read here, and the same reader serves raw text, where a date line near the top becomes `date:`.

Usage::

    parse_date("20 ноября 2026 г.")            # "2026-11-20"
    find_dates("Published: Nov 20, 2026 10:35")  # ["2026-11-20"]
    date_line_near_top("20.11.2026\\nThe Service ...")  # ("2026-11-20", "The Service ...")
    url_date("https://embassy.az/news/240-27-01-2023")   # "2023-01-27"
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        "january jan yanvar января январь янв",
        "february feb fevral февраля февраль фев",
        "march mar mart марта март",
        "april apr aprel апреля апрель апр",
        "may may мая май",
        "june jun iyun июня июнь",
        "july jul iyul июля июль",
        "august aug avqust августа август авг",
        "september sep sept sentyabr сентября сентябрь сен",
        "october oct oktyabr октября октябрь окт",
        "november nov noyabr ноября ноябрь ноя",
        "december dec dekabr декабря декабрь дек"), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[A-Za-zА-Яа-яЁё]{3,9})\.?"
_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[./](?P<mm>\d{1,2})[./](?P<year>\d{4})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)"),
    re.compile(rf"(?<![\w]){_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?!\d)"),
)
# A date in an address's path: "/2023/01/27/", "/2023-01-27-title", "/240-27-01-2023" (day, month, year).
_URL_PATTERNS = (
    re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)[/_-](?P<mm>\d{1,2})[/_-](?P<day>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d])(?P<day>\d{1,2})[._-](?P<mm>\d{1,2})[._-](?P<year>(?:19|20)\d\d)(?![\d])"),
)
# A line that is a date and little else: "20 November 2026", "Published: 20.11.2026, 10:35", "Bakı, 20 noyabr 2026".
_DATE_LINE_CHARS = 48
_TOP_LINES = 3


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("month") is not None:
        month = _MONTHS.get(groups["month"].casefold())
    else:
        month = int(groups["mm"])
    if month is None:
        return None
    try:
        date = dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    return date.isoformat() if 1990 <= date.year <= 2100 else None


def find_dates(text: str) -> list[str]:
    """Every date written in a text, as YYYY-MM-DD, in the order they appear."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            iso = _to_iso(match)
            if iso:
                found.append((match.start(), iso))
                taken.append(match.span())
    return [iso for _, iso in sorted(found)]


def parse_date(text: str) -> str | None:
    """The first date written in a text, as YYYY-MM-DD, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


# What a date line may hold besides its date: a time of day ("10:35"), words and punctuation; not another figure
# nor a number sign: "of June 1, 2016 No. 923" ends a decree's name, it is no publication date.
_TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}:\d{2}(:\d{2})?(?!\d)")
_NUMBER_SIGN = re.compile(r"\b(no|nr)\b\.?|№", re.IGNORECASE)


def _date_line(line: str) -> str | None:
    """The date of a line that is a date and little else (short, no other figure, no number sign), or None."""
    if len(line.strip()) > _DATE_LINE_CHARS:
        return None
    date = parse_date(line)
    if date is None:
        return None
    rest = line
    for pattern in _PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _TIME_OF_DAY.sub(" ", rest)
    return None if re.search(r"\d", rest) or _NUMBER_SIGN.search(rest) else date


def date_line_near_top(body: str) -> tuple[str | None, str]:
    """(date, body without that line) when one of the first lines is a date line, else (None, body)."""
    lines = body.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _TOP_LINES:
            break
        if date := _date_line(line):
            rest = lines[:i] + lines[i + 1:]
            return date, "\n".join(rest).strip("\n").lstrip()
    return None, body


def url_date(url: str | None) -> str | None:
    """The full date (year, month and day) an address's path writes, as YYYY-MM-DD, or None: a page's publication
    date when its text and front matter give none. The host and the query are not read (a port, an id)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.split("?")[0].split("#")[0], flags=re.IGNORECASE)
    for pattern in _URL_PATTERNS:
        for match in pattern.finditer(path):
            iso = _to_iso(match)
            if iso:
                return iso
    return None
