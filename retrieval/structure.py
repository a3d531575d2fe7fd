"""Reading a press release's structure from its lines: headings, lead-ins, list items, FAQ questions, cut lines.

Press-release pages carry their structure only in their text: a short line without a full stop heads what
follows; a line ending in ":" introduces a list or a paragraph; bullets, numbers and dashes open list items;
a line ending in "?" followed by a line of prose is a FAQ question and its answer. Passage splitting keeps an
introducing line with what it introduces, and the composer quotes them together (up to MAX_ITEMS lines or
about MAX_CHARS characters, then "…"). Excerpt files stop paragraphs mid-word: `trim_cut` ends such a
paragraph at its last whole word followed by "…", so that nothing is ever quoted as if it were whole.

Usage::

    is_item("2.4. issue of the electronic visa within three working days;")   # True
    introduces("Please send the following documents:", "1. Passport")        # True
    trim_cut("For additional information contact the mission that you ar")    # "… the mission that you…"
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The bound on what a lead-in, heading or FAQ question brings with it: at most this many following lines,
# and no more lines once this many characters are reached; what is left out is marked with "…".
MAX_ITEMS = 12
MAX_CHARS = 1000
ELLIPSIS = "…"

# Bullets (•, ·, -, –, —, *, ▪), numbers ("1.", "2)", "1.1."), letters ("a)").
_ITEM = re.compile(r"^\s*([•·▪◦●*\-–—]|\d+(\.\d+)*[.)]|[a-zа-я]\))\s*\S", re.IGNORECASE)
_BARE_BULLET = re.compile(r"^\s*[•·▪◦●*\-–—]\s*$")
# A line ends whole when it ends with sentence or clause punctuation, a closing quote or bracket.
_WHOLE_END = re.compile(r"""[.!?…:;»"”’')\]}]\s*$""")
# Table-like lines end with a figure after a dash: "Work permits – 618 calls", "… of Azerbaijan- 775".
_TABLE_ROW = re.compile(r"\s[–—-]\s*\d|\w[–—-]\s+\d[\d.,]*\s*$")
# A line ending in a comma goes on in the next one ("Embassy of Azerbaijan, Consular Section," over the street).
_CONTINUED = re.compile(r",\s*$")
HEADING_WORDS = 10
CUT_WORDS = 12


def is_item(line: str) -> bool:
    """A list item: a line opened by a bullet, a dash or a number."""
    return bool(_ITEM.match(line))


def is_question(line: str) -> bool:
    """A line that asks (a FAQ question)."""
    return line.rstrip().endswith("?")


def is_lead_in(line: str) -> bool:
    """A line that announces what follows: it ends in ":"."""
    return line.rstrip().endswith(":")


def is_heading(line: str) -> bool:
    """A short line that does not end a sentence and is not a list item: it names what follows."""
    return (not _WHOLE_END.search(line) and not is_item(line) and not _TABLE_ROW.search(line)
            and 0 < len(line.split()) <= HEADING_WORDS)


def introduces(line: str, following: str) -> bool:
    """Whether `line` introduces `following`: a lead-in, a heading, a question answered by prose, or a line
    followed by a list item."""
    if is_lead_in(line):
        return True
    if is_heading(line):
        return not is_heading(following)
    if is_question(line):
        return not is_question(following)
    return is_item(following) and not is_item(line) and not is_lead_in(following)  # "• X:" heads its own part


def introduced(lines: Sequence[str], at: int) -> list[str]:
    """The lines that lines[at] introduces, within the bound; "…" as a last line when more were left out.

    A list after its lead-in runs over its items; a lead-in ending in ":", a heading or a question runs to the
    next line that introduces something of its own; a heading over prose brings one paragraph, and right over a
    lead-in or a question, that line and what it introduces."""
    if at + 1 >= len(lines) or not introduces(lines[at], lines[at + 1]):
        return []
    if is_heading(lines[at]) and (is_lead_in(lines[at + 1]) or is_question(lines[at + 1])):
        return [lines[at + 1], *introduced(lines, at + 1)]  # a heading over a lead-in brings the lead-in's list
    items_only = is_item(lines[at + 1])
    head = lines[at]  # what introduces the lines being collected
    out: list[str] = []
    size = 0
    for line in lines[at + 1:]:
        if items_only and not is_item(line):
            if not (out and is_lead_in(out[-1])):
                break
            items_only, head = False, out[-1]  # a last item ending in ":" brings what it introduces
        elif not items_only and out and not _CONTINUED.search(out[-1]) and (
                is_lead_in(line) or is_question(line) or is_heading(line)
                or (is_heading(head) and not is_lead_in(head))):
            break  # a heading over prose brings its first paragraph; a line ending in "," goes on
        if len(out) == MAX_ITEMS or (out and size + len(line) > MAX_CHARS):
            out.append(ELLIPSIS)
            break
        out.append(line)
        size += len(line)
    return out


def join_wrapped(lines: Sequence[str]) -> list[str]:
    """Lines hard-wrapped inside a paragraph joined again (with a space): a line that does not end whole,
    followed by one that starts in lower case, continues on it; a bullet alone on its line opens the next. A line
    in capitals is a heading, not the first half of a wrapped line ("PRESIDENTIAL DECREE OF THE AZERBAIJAN REPUBLIC"
    over "of June 1, 2016 No. 923": joined, they read as one long paragraph that the excerpt cut, and "923" was
    dropped as a word the cut may have broken)."""
    out: list[str] = []
    for line in lines:
        if out and (_BARE_BULLET.match(out[-1]) or (line[:1].islower() and not _WHOLE_END.search(out[-1])
                                                    and not out[-1].isupper() and not is_item(line))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def is_cut(line: str, last: bool) -> bool:
    """In an excerpt, whether a paragraph stops where the excerpt cut it: it does not end whole, and it is the
    excerpt's last paragraph or too long to be a heading or a table row."""
    if _WHOLE_END.search(line) or _TABLE_ROW.search(line):
        return False
    return last or (len(line.split()) >= CUT_WORDS and not line.isupper())  # in capitals only: a heading


def trim_cut(line: str) -> str:
    """A cut paragraph up to its last whole word, then "…" (its last word may be cut mid-word; one followed by
    a comma or a dash is whole)."""
    if not line.rstrip()[-1:].isalnum():
        return line.rstrip().rstrip(" ,;–—-") + ELLIPSIS
    words = line.rstrip().rsplit(None, 1)
    if len(words) < 2:
        return line.rstrip() + ELLIPSIS
    return words[0].rstrip(" ,;–—-") + ELLIPSIS
