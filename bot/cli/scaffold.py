"""`pressbot init DIR`: a new agency's folder, so that deploying pressbot for another agency means writing
data, not editing the package: the agency's profile (every key commented), an empty glossary with its
documentation, a sample press release showing the corpus format, and a configuration file pointing at them.

Usage::

    created = create_agency(Path("registry"), name="Civil Registry Office", website="https://registry.example.org")
    print(next_commands(Path("registry")))     # import, check, chat
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from pressbot.retrieval.agency import FILE_NAME as AGENCY_FILE
from pressbot.retrieval.glossary import FILE_NAME as GLOSSARY_FILE

CONFIG_FILE = "pressbot.yaml"
SAMPLE_FILE = "sample-release.md"
CORPUS_DIR = "corpus"

_AGENCY = """\
# The agency this corpus speaks for. pressbot reads this file with the press releases: every text of the
# bot that names the agency comes from here, nothing about an agency is in pressbot's code.
# Each text is given per language: `en` is required, `az` and `ru` are optional and fall back to English.
# `pressbot check` validates this file (PATH:LINE: message per problem); /reload applies a change while
# the bot runs (the Telegram description follows on the next start). Texts are shown as written: plain
# text, no HTML.

# The agency's name as it stands alone (in /help, /sources, inline mode and the short description).
name:
  en: {name}
  # az: "..."
  # ru: "..."

# One sentence: what the bot answers about. It is the body of /start.
about:
  en: {about}

# What to do when the press releases do not answer: shown after every abstention, and in /help.
contact:
  en: {contact}

# The agency's website (http or https), shown with the name in /help and /sources.
website: {website}

# Two or three example questions per language, shown by /start: questions your press releases answer.
examples:
  en:
    - "What does the front matter of a press release hold?"

# Optional: the bot's Telegram description (at most 512 characters; default: `about`) and short
# description (at most 120; default: the name and a generic line), published at each start.
# description:
#   en: "..."
# short_description:
#   en: "..."

# Hosts the press releases come from: the short name used in the names of imported files (letters,
# digits, '-') and the publisher written into them when SOURCES.yaml gives none. Other hosts are named
# by their first label (news.example.org: news) and get no publisher.
sources:
  {host}: {{name: {short}, publisher: {name}}}

# The press office's time zone (an IANA name: Asia/Baku, Europe/Berlin …): the dates of its channel's
# posts and of forwarded posts are given in it, and /stats counts "today" in it. Optional: UTC without it.
# time_zone: UTC

# How people name their own application for one of the agency's services ("*": any ending). With a word
# asking how it stands ("is it ready"), the bot replies that it cannot see individual applications and
# gives the contact line, instead of quoting releases. Optional: "my application" and the like work anyway.
# own_case:
#   en: ["my certificate*"]
"""

_GLOSSARY = """\
# Glossary: names that mean the same thing, expanded at question time (pressbot's retrieval/glossary.py).
# Each entry lists, per language (en, az, ru), the acronyms and full names of one organisation, service
# or place. A question naming any of them in any language is also searched for the entry's names in the
# question's language, and a passage using any of them counts as covering that part of the question.
# Only well-established equivalents go here: no topic words, nothing specific to one question.
# A place is marked `place: yes`, the agency's own country `place: home`, a place inside another `in: NAME`: a
# question naming a place is then not answered from a release whose publisher is placed elsewhere.
# Edit it like a press release: /reload picks up a change. For example:
#
# - en: [CRO, Civil Registry Office]
#   az: [VVQ, Vətəndaşlıq Vəziyyəti Aktlarının Qeydiyyatı]
# - {en: [Hamburg], az: [Hamburq], ru: [Гамбург], in: Germany}
"""

_SAMPLE_PARAGRAPHS = (
    "This file shows how pressbot keeps a press release: one Markdown file per release, a front matter block "
    "between two lines of three dashes, then the text as published.",
    "The front matter holds the title (required), and optionally the url where it was published, the date "
    "(YYYY-MM-DD), the language (en, az or ru), the publisher (source), tags, and excerpt: true when the text "
    "is only the start of the page.",
    "Import your own pages with pressbot import: raw page text (first line the title) or files like this one. "
    "Delete this sample from the corpus once the agency's own releases are in.",
)
_SAMPLE = """\
---
title: "Sample press release: the corpus format"
date: {today}
lang: en
source: {name}
---
""" + "\n\n".join(_SAMPLE_PARAGRAPHS) + "\n"

_CONFIG = """\
# pressbot's configuration for this agency. Every key, its default and its meaning: bot/core/config.yaml
# in pressbot. Pass this file with --config; the environment overrides it (TELEGRAM_BOT_TOKEN,
# PRESSBOT_ADMINS, ...).

# The agency's folder of press releases, with its agency.yaml and glossary.yaml.
corpus: {corpus}
"""


def create_agency(directory: Path, name: str, website: str, today: str) -> list[Path]:
    """Write a new agency folder; refuses (FileExistsError) a directory that is not empty."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise FileExistsError(f"{directory} already exists and is not empty: choose a new directory")
    parts = urlsplit(website)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--website: expected an http(s) URL, got {website!r}")
    host = parts.netloc.lower().removeprefix("www.")
    short = "".join(c for c in host.split(".")[0] if c.isascii() and (c.isalnum() or c == "-")) or "site"
    q = _quoted
    corpus = directory / CORPUS_DIR
    files = {
        corpus / AGENCY_FILE: _AGENCY.format(
            name=q(name), website=website, host=host, short=short,
            about=q(f"I answer questions about the work of {name}, quoting its own press releases word for word "
                    "and showing the source of every quote."),
            contact=q(f"For an official answer, please contact {name}: {website}")),
        corpus / GLOSSARY_FILE: _GLOSSARY,
        directory / SAMPLE_FILE: _SAMPLE.format(name=q(name), today=today),
        directory / CONFIG_FILE: _CONFIG.format(corpus=q(str(corpus.resolve()))),
    }
    corpus.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)


def next_commands(directory: Path) -> list[str]:
    """The three commands that follow `init`: import the sample (or your pages), check, chat."""
    config = directory / CONFIG_FILE
    return [f"pressbot import --config {config} {directory / SAMPLE_FILE}",
            f"pressbot check --config {config}",
            f"pressbot chat --config {config}"]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
