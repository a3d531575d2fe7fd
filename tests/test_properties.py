"""Properties over any input (hypothesis): the analyzer, the composer, the renderer and the splitter never
raise, always produce valid Telegram HTML, and never exceed their limits."""

from __future__ import annotations

import re
from functools import cache

import markupsafe
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressbot.responses.answering import answer_question
from pressbot.responses.composer import ComposerSettings
from pressbot.responses.render import Renderer, locale
from pressbot.responses.splitting import TELEGRAM_LIMIT, split_message
from pressbot.retrieval import Index
from pressbot.retrieval.analyzer import LANGUAGES, analyze, detect_language, normalize
from pressbot.retrieval.corpus import parse_document
from pressbot.retrieval.document import Document
from pressbot.retrieval.latest import ordered
from tests.conftest import BUNDLED_CORPUS, SMALL_CORPUS_FILES
from tests.hostile_inputs import CATALOGUE
from tests.html_checker import problems, visible_text

RENDERER = Renderer()
NO_DEADLINE = settings(deadline=None)  # no timing thresholds in unit tests: the machine is shared
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@cache
def documents() -> tuple[Document, ...]:
    found = []
    for name in SMALL_CORPUS_FILES:
        path = BUNDLED_CORPUS / name
        doc, _ = parse_document(path, path.read_bytes())
        assert doc is not None
        found.append(doc)
    return tuple(found)


@cache
def index() -> Index:
    return Index.build(documents())


@cache
def corpus_words() -> tuple[str, ...]:
    """Words of the small corpus, so that generated questions reach the answering path too."""
    return tuple(sorted({w for d in documents() for w in re.findall(r"\w+", d.title + " " + d.text[:2000])}))


any_text = st.text(max_size=400)
hostile_text = st.sampled_from([h.text for h in CATALOGUE])
corpus_question = st.lists(st.sampled_from(corpus_words()) | st.sampled_from(["?", "<b>", "&", "{{", "\u200b"]),
                           min_size=1, max_size=12).map(" ".join)
questions = any_text | hostile_text | corpus_question
composer_settings = st.builds(ComposerSettings, max_sources=st.integers(1, 5),
                              sentences_per_source=st.integers(1, 4),
                              min_coverage=st.floats(0, 1), relative_score=st.floats(0, 1),
                              source_coverage=st.floats(0, 1))


def squash(text: str) -> str:
    return " ".join(text.split())


# --- analyzer -----------------------------------------------------------------------------------------
@NO_DEADLINE
@given(any_text | hostile_text, st.sampled_from((*LANGUAGES, "xx")))
def test_analyze_turns_any_text_into_words_without_spaces(text: str, lang: str) -> None:
    assert all(term and not any(c.isspace() for c in term) for term in analyze(text, lang))


@NO_DEADLINE
@given(any_text | hostile_text)
def test_detect_language_always_names_a_supported_language(text: str) -> None:
    assert detect_language(text) in LANGUAGES


@NO_DEADLINE
@given(any_text | hostile_text, st.sampled_from(LANGUAGES))
def test_normalize_leaves_no_zero_width_or_bidi_characters(text: str, lang: str) -> None:
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", normalize(text, lang))


# --- composer and the whole answering path --------------------------------------------------------------
@NO_DEADLINE
@given(questions, composer_settings)
def test_any_question_gets_quotes_within_the_limits_or_an_abstention(question: str,
                                                                     limits: ComposerSettings) -> None:
    answer = answer_question(index(), question, RENDERER, limits).answer
    assert len(answer.citations) <= limits.max_sources
    for citation in answer.citations:
        assert 1 <= sum(q.n == citation.n for q in answer.quotes) <= limits.sentences_per_source
    assert answer.answered == bool(answer.quotes)


@NO_DEADLINE
@given(questions)
def test_every_quote_is_verbatim_from_the_cited_press_release(question: str) -> None:
    answer = answer_question(index(), question, RENDERER).answer
    for quote in answer.quotes:  # character for character: no whitespace folded on either side
        doc = index().documents[answer.citations[quote.n - 1].doc_id]
        # A quote may span the lines of a list and end a cut paragraph with "…": each piece is verbatim,
        # character for character, except that a paragraph hard-wrapped over lines is quoted as one line.
        source = (doc.title + "\n" + doc.text).replace("\n", " ")
        for piece in re.split(r"\n|…", quote.text):
            assert piece.strip() in source


@NO_DEADLINE
@given(questions)
def test_every_reply_message_is_valid_telegram_html_within_the_limit(question: str) -> None:
    reply = answer_question(index(), question, RENDERER)
    chunks = split_message(reply.html)
    assert chunks
    for chunk in chunks:
        assert len(chunk) <= TELEGRAM_LIMIT
        assert problems(chunk) == []


@NO_DEADLINE
@given(questions)
@example("CONTIN:WHEN")  # a "not stated" reply: its closest release's title is shown besides the question
def test_an_abstention_echoes_at_most_two_hundred_characters_of_the_question(question: str) -> None:
    reply = answer_question(index(), question, RENDERER)
    answer = reply.answer
    if not answer.answered:
        t = locale(answer.lang)
        said = len(t["not_stated"][answer.missing]) if answer.missing else len(t["no_answer"])
        related = answer.related
        if related is not None:
            said += len(t["not_stated_related"]) + len(related.title) + len(related.date or "") + 10
        assert len(visible_text(reply.html)) <= said + len(t["contact"]) + 210


@NO_DEADLINE
@given(questions)
def test_the_plain_text_reply_holds_no_control_characters(question: str) -> None:
    assert not CONTROL.search(answer_question(index(), question, RENDERER).text)


# --- renderer ----------------------------------------------------------------------------------------------
@NO_DEADLINE
@given(any_text | hostile_text, st.sampled_from(LANGUAGES))
def test_user_text_in_any_template_renders_as_valid_html(text: str, lang: str) -> None:
    rendered = [
        RENDERER.render("no_answer", "html", lang, query=text),
        RENDERER.render("start", "html", lang, name=text),
        RENDERER.render("latest", "html", lang, entries=ordered(list(documents())), topic=text, offset=0),
    ]
    for html in rendered:
        for chunk in split_message(html):  # a 20,000-character topic is sent in several messages
            assert problems(chunk) == []


@NO_DEADLINE
@given(any_text | hostile_text, st.sampled_from(LANGUAGES))
def test_user_text_renders_as_itself_never_as_a_template(text: str, lang: str) -> None:
    html = RENDERER.render("start", "html", lang, name=text)
    printable = CONTROL.sub("", re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)).strip()
    assert squash(printable) in squash(visible_text(html))


# --- splitter ---------------------------------------------------------------------------------------------
plain = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from(" \n\n<>&\"'"),
                max_size=300).map(lambda s: str(markupsafe.escape(s)))
INLINE = ("b", "strong", "i", "em", "u", "s", "del", "tg-spoiler")


@st.composite
def telegram_html(draw: st.DrawFn, depth: int = 0) -> str:
    """A well-formed Telegram HTML message: text, nested inline tags, links, code, pre and blockquotes."""
    parts = []
    for _ in range(draw(st.integers(0 if depth else 1, 6))):
        kind = draw(st.sampled_from(["text", "inline", "a", "code", "pre", "quote"] if depth < 3 else ["text"]))
        text = draw(plain)
        if kind == "inline":
            tag = draw(st.sampled_from(INLINE))
            parts.append(f"<{tag}>{draw(telegram_html(depth + 1))}</{tag}>")
        elif kind == "a":
            parts.append(f'<a href="https://migration.gov.az/en/news_detail/{draw(st.integers(0, 99999))}">{text}</a>')
        elif kind in ("code", "pre"):
            parts.append(f"<{kind}>{text}</{kind}>")
        elif kind == "quote" and depth == 0:
            parts.append(f"<blockquote>{draw(telegram_html(depth + 1))}</blockquote>")
        else:
            parts.append(text)
    return "".join(parts)


messages = telegram_html().filter(lambda html: visible_text(html).strip() != "")  # Telegram sends no empty ones


@NO_DEADLINE
@given(messages, st.integers(120, 600))
def test_split_messages_fit_the_limit_and_stay_valid_html(html: str, limit: int) -> None:
    for chunk in split_message(html, limit):
        assert len(chunk) <= limit
        assert problems(chunk, limit) == []


@NO_DEADLINE
@given(messages, st.integers(120, 600))
def test_splitting_keeps_every_visible_character(html: str, limit: int) -> None:
    def letters(text: str) -> str:
        return re.sub(r"\s", "", visible_text(text))

    assert "".join(letters(chunk) for chunk in split_message(html, limit)) == letters(html)
