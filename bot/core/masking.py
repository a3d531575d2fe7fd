"""Personal identifiers out of what the bot keeps: before a question is stored or logged, phone numbers,
e-mail addresses, FIN codes, passport and ID numbers, card numbers and any other long number are replaced
by a marker of their type. Answering still uses the text as typed, in memory.

Microsoft Presidio's pattern recognisers are the model (a regular expression per kind, a checksum where
one exists: Luhn for cards). Presidio itself is not used: presidio-analyzer depends on spaCy and loads a
language model at start, which this machine cannot download, and it has no recogniser for Azerbaijani FIN
codes or ID numbers. One combined expression costs a few microseconds per question (benchmarks/masking.py).

The kinds, tried in this order at each position:

- ``[e-mail]``: ``name@host.tld``
- ``[phone]``: ``+994 50 123 45 67``, ``994501234567``, ``(050) 123-45-67``, ``050 123 45 67``,
  ``50 123 45 67``, ``123-45-67``, and any international ``+`` or ``00`` number of 7-15 digits
- ``[card]``: 13-19 digits, in a row or in the groups printed on cards (4-4-4-4, 4-6-5), passing the Luhn
  check
- ``[passport]``: 1-3 letters (Latin or Cyrillic look-alikes) and 6-9 digits: ``AA1234567``,
  ``AZE12345678``, ``C01234567``, ``P1234567``
- ``[FIN]``: 7 Latin letters and digits with at least one of each (``5ZRT4KL``); an ordinary word has no
  digit, so it is never taken for one
- ``[number]``: any other run of 6 or more digits (and long digit groups that fail the Luhn check)

Usage::

    mask("my passport AA1234567 expired, call +994 50 123 45 67")
    # 'my passport [passport] expired, call [phone]'
"""

from __future__ import annotations

import re

PHONE, EMAIL, PASSPORT, FIN, CARD, NUMBER = "[phone]", "[e-mail]", "[passport]", "[FIN]", "[card]", "[number]"
MARKERS = (PHONE, EMAIL, PASSPORT, FIN, CARD, NUMBER)

_SEP = r"[\s\-.()]{0,4}"  # what people put between digit groups: spaces, dashes, dots, brackets ("+994 (50) - 1")
_PATTERNS = {
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    # +994 / 00994 / 994 with 9 digits; international + or 00 with 7-15 digits
    "phone_az": rf"(?:\+|\b00|\b)994{_SEP}\d(?:{_SEP}\d){{8}}(?!\d)",
    "phone_intl": rf"(?:\+|\b00)\d(?:{_SEP}\d){{6,14}}(?!\d)",
    # 0XX XXX XX XX (with brackets, dashes or spaces), XX XXX XX XX, XXX-XX-XX
    "phone_local": r"(?<![\w+])(?:\(?0\d{2}\)?[\s\-.]{0,3}\d{3}[\s\-.]{0,3}\d{2}[\s\-.]{0,3}\d{2}"
                   r"|\d{2}[\s\-]\d{3}[\s\-]\d{2}[\s\-]\d{2}|\d{3}-\d{2}-\d{2})(?![\w])",
    # card if Luhn-valid, else a number: 13-19 digits in a row, or in groups 4-4-4-4(-3) or 4-6-5 (Amex)
    "digits": r"(?<!\d)(?:\d{13,19}|\d{4}[ \-]?\d{6}[ \-]?\d{4,5}"
              r"|\d{4}(?P<sep>[ \-]?)\d{4}(?P=sep)\d{4}(?P=sep)\d{1,4}(?:(?P=sep)\d{1,3})?)(?!\d)",
    # upper-case letters may stand apart from the digits (AZE 12345678); lower-case ones only joined to them
    "passport": r"(?<![\w])(?:[A-ZА-ЯЁ]{1,3}[ \-]?|[a-zа-яё]{1,3})\d{6,9}(?![\w])",
    "fin": r"(?<![\w])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{7}(?![\w])",
    "number": r"\d{6,}",
}
_MASK = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS.items()))
_HINT = re.compile(r"[\d@]")  # every identifier holds a digit or an @: text without one is returned at once
MAX_GAP = 4  # characters between two digit groups of one identifier at most (_SEP)
_MARKER = {"email": EMAIL, "phone_az": PHONE, "phone_intl": PHONE, "phone_local": PHONE, "passport": PASSPORT,
           "fin": FIN, "number": NUMBER}


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of payment card numbers (ISO/IEC 7812)."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _marker(match: re.Match[str]) -> str:
    kind = match.lastgroup or "number"
    if kind == "digits":
        return CARD if luhn_valid(re.sub(r"\D", "", match.group())) else NUMBER
    return _MARKER[kind]


def _token_start(text: str, k: int) -> int:
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _token_end(text: str, k: int) -> int:
    while k < len(text) and not text[k].isspace():
        k += 1
    return k


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of text that can hold an identifier: each whitespace-separated token with a digit or an
    @, with the token before it (AZE 12345678, + 994 …), merged when they lie within
    MAX_GAP characters (the groups of one phone number). An identifier never reaches past them, and every
    pattern's boundary check sees the same neighbour (whitespace) as in the whole text, so masking the
    windows equals masking the text, at a fraction of the cost for long questions."""
    spans: list[tuple[int, int]] = []
    for hint in _HINT.finditer(text):
        k = hint.start()
        if spans and k < spans[-1][1]:
            continue
        start = _token_start(text, k)
        before = start
        while before > 0 and text[before - 1].isspace() and start - before < MAX_GAP:
            before -= 1
        previous = _token_start(text, before)
        if before < start:
            start = previous
        end = _token_end(text, k)
        if spans and start - spans[-1][1] <= MAX_GAP:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def mask(text: str) -> str:
    """The text with every personal identifier replaced by its type marker; idempotent."""
    if not _HINT.search(text):
        return text
    parts, last = [], 0
    for start, end in _windows(text):
        parts += [text[last:start], _MASK.sub(_marker, text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)
