"""Retrieval: press releases in, ranked passages out (see INTERFACE.md's Python API)."""

from retrieval.document import Document, Passage
from retrieval.index import Hit, Index

__all__ = ["Document", "Hit", "Index", "Passage"]
