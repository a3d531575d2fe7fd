"""Retrieval: press releases in, ranked passages out (see INTERFACE.md's Python API)."""

from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.index import Hit, Index

__all__ = ["Document", "Hit", "Index", "Passage"]
