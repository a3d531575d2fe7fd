"""Which language to reply in: the question's when its words show it, else the person's Telegram
language, else English."""

from __future__ import annotations

from telegram import User

from pressbot.retrieval.analyzer import LANGUAGES, detect_language, normalize, tokenize
from pressbot.retrieval.stopwords import STOPWORDS

DEFAULT = "en"


def user_language(user: User | None) -> str:
    """The person's Telegram language (language_code, e.g. "ru" or "az-AZ") if we speak it, else English."""
    code = (user.language_code or "").split("-")[0].lower() if user else ""
    return code if code in LANGUAGES else DEFAULT


def text_language(text: str) -> str | None:
    """The language a text is written in, or None when nothing in it tells (a name, a number, one word)."""
    lang = detect_language(text)
    if lang != "en":
        return lang  # Cyrillic letters, Azerbaijani letters or Azerbaijani words decided it
    words = tokenize(normalize(text, "en"))
    return "en" if any(w in STOPWORDS["en"] for w in words) else None


def reply_language(text: str, user: User | None) -> str:
    """The language of a reply to `text` from `user`."""
    return text_language(text) or user_language(user)
