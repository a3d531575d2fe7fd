"""Responses: hits in, cited answers out (composed from quotes, rendered from Jinja2 templates)."""

from pressbot.responses.composer import Answer, Citation, ComposerSettings, Quote, compose
from pressbot.responses.render import Renderer

__all__ = ["Answer", "Citation", "ComposerSettings", "Quote", "Renderer", "compose"]
