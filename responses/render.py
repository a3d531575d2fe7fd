"""Rendering replies from Jinja2 template files, as Telegram HTML (autoescaped) or as plain text.

User text and corpus text only ever enter templates as values: they are escaped in HTML, and never
compiled as templates themselves. So do the agency's texts (its profile, beside the corpus): they replace
locale phrases as values (`t.contact`, `t.start_examples`, ...), never as template or format source.

Usage::

    renderer = Renderer()
    html = renderer.render("answer", "html", "en", quotes=answer.quotes, citations=answer.citations)
    agency = renderer.with_texts(lambda lang: {"contact": "Call 123."})   # the agency's phrases over the locale
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import markupsafe
import yaml

from pressbot.responses.plurals import Count, Nouns, fill
from pressbot.retrieval.analyzer import LANGUAGES

Format = Literal["html", "text"]
TEMPLATES = Path(__file__).parent / "templates"
LOCALES = Path(__file__).parent / "locales"
_SUFFIX: dict[str, str] = {"html": "html", "text": "txt"}
# C0/C1 controls (tab and newlines excepted) and bidi overrides: echoed user text must not drive a terminal
# (ANSI escapes in `pressbot ask`) nor reorder the bot's own words (U+202E).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@cache
def locale(lang: str) -> dict[str, Any]:
    """The phrases of one language (en, az, ru), read once from pressbot.responses/locales/<lang>.yaml."""
    if lang not in LANGUAGES:
        lang = "en"
    data = yaml.safe_load((LOCALES / f"{lang}.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{LOCALES / lang}.yaml: expected a mapping of phrase keys")
    return data


def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_printable,
    )
    env.filters["fill"] = _fill
    return env


def _printable(value: Any) -> Any:
    """Every printed value without control characters (see _UNPRINTABLE); Markup stays Markup."""
    if not isinstance(value, str) or not _UNPRINTABLE.search(value):
        return value
    cleaned = _UNPRINTABLE.sub("", value)
    return markupsafe.Markup(cleaned) if isinstance(value, markupsafe.Markup) else cleaned


Texts = Callable[[str], Mapping[str, Any]]


class Renderer:
    """Two Jinja2 environments over the same template folder: HTML autoescaped, text not; optionally the
    agency's texts (language → phrases) laid over the locale's."""

    def __init__(self) -> None:
        self._env = {"html": _environment(True), "text": _environment(False)}
        self._texts: Texts | None = None

    def with_texts(self, texts: Texts | None) -> Renderer:
        """The same renderer (sharing its compiled templates) with `texts(lang)` laid over the locale."""
        other = Renderer.__new__(Renderer)
        other._env, other._texts = self._env, texts
        return other

    def texts(self, lang: str) -> Mapping[str, Any]:
        """The phrases of a language: the locale's, with the agency's texts in place of the same keys."""
        phrases = locale(lang)
        return phrases if self._texts is None else {**phrases, **self._texts(lang)}

    def render(self, template: str, fmt: Format, lang: str, **context: Any) -> str:
        """Render `template` (e.g. "answer") in a format and language; surplus blank lines removed."""
        compiled = self._env[fmt].get_template(f"{template}.{_SUFFIX[fmt]}.j2")
        text = compiled.render(t=self.texts(lang), lang=lang, **context)
        return _tidy(text)

    def phrase(self, fmt: Format, lang: str, key: str, **values: Any) -> str:
        """One line from the locale, with values filled in and escaped for HTML when fmt is html. An agency
        text is taken as it stands: never a format string, so its braces are only braces."""
        agency = self._texts(lang) if self._texts is not None else {}
        text = str(agency[key]) if key in agency else fill(str(locale(lang)[key]), lang, nouns(lang), **values)
        return str(markupsafe.escape(text)) if fmt == "html" else text


def nouns(lang: str) -> Nouns:
    """The locale's counted nouns (`counted`: noun → its plural forms; responses/plurals.py)."""
    counted: Nouns = locale(lang).get("counted", {})
    return counted


def counted(n: int, noun: str, lang: str = "en") -> str:
    """A number with its noun from the locale in the right plural form: counted(21, "press_releases", "ru")."""
    return format(Count(n, lang, nouns(lang)), noun)


@jinja2.pass_context
def _fill(context: jinja2.runtime.Context, phrase: str, **values: Any) -> str:
    """Templates' `{{ t.key | fill(n=…) }}`: the phrase filled as Renderer.phrase fills it, in the template's
    language, so that `{n:noun}` fields get their plural forms."""
    return fill(phrase, str(context["lang"]), nouns(str(context["lang"])), **values)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out)
