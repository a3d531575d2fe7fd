"""The vocabulary (corpus/glossary.yaml): people's words and the releases' words as one concept, validated like
the corpus, reloaded by /reload, and used to answer from releases in another language when none in the
question's language does."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.bot.cli.main import main
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.responses.answering import answer_question
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze, question_terms
from pressbot.retrieval.corpus import CorpusError
from pressbot.retrieval.glossary import Glossary, load_glossary
from tests.conftest import write_doc

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = """
- topic: permanent residence permit
  en: [permanent residence permit]
  ru: [вид на жительство, ВНЖ]
  az: [daimi yaşama icazəsi]
- topic: fees
  en: [fee, state duty, price]
  ru: [пошлина, цена, стоит]
  az: [rüsum, qiymət]
- topic: getting a document
  en: [obtain, issue]
  ru: [получить, выдача]
  az: [almaq]
"""
ENGLISH = Document(id="en-prp", title="Permanent residence permit", lang="en",
                   text="A permanent residence permit is issued for five years. The state duty is 40 manats.")
RUSSIAN = Document(id="ru-prp", title="Вид на жительство", lang="ru",
                   text="Вид на жительство выдается на пять лет. Пошлина за вид на жительство составляет 40 манатов.")
OTHER = Document(id="en-ferry", title="Ferry timetable", lang="en", text="The ferry leaves the harbour at nine.")


def build(*docs: Document, vocabulary: str = VOCABULARY) -> Index:
    return Index.build(docs, glossary=Glossary.parse(vocabulary))


# --- validation ----------------------------------------------------------------------------------------

def test_a_bad_value_is_refused_with_the_line_of_its_key_and_the_value() -> None:
    with pytest.raises(CorpusError) as caught:
        Glossary.parse("- topic: fees\n  en: [fee, price]\n  ru: пошлина\n", "glossary.yaml")
    assert "glossary.yaml:3: ru: names must be a list of text, got 'пошлина'" in str(caught.value)


def test_an_unknown_key_is_refused_on_its_own_line() -> None:
    with pytest.raises(CorpusError, match=r"glossary.yaml:3: unknown language 'de'"):
        Glossary.parse("- en: [fee, price]\n  ru: [пошлина]\n  de: [Gebühr]\n", "glossary.yaml")


def test_a_topic_must_be_text() -> None:
    with pytest.raises(CorpusError, match=r"glossary.yaml:1: topic: must be a short text, got \[1\]"):
        Glossary.parse("- topic: [1]\n  en: [fee, price]\n", "glossary.yaml")


def test_a_name_made_only_of_stopwords_is_refused() -> None:
    with pytest.raises(CorpusError, match=r"glossary.yaml:2: en: 'how much' has no searchable word"):
        Glossary.parse("- en: [fee]\n  en: [how much]\n", "glossary.yaml")


def test_the_bundled_vocabulary_is_valid_and_generic() -> None:
    glossary = load_glossary(ROOT / "corpus")
    assert len(glossary.entries) >= 60
    assert all(len({lang for lang, _ in entry.names}) >= 2 for entry in glossary.entries)


def test_check_reports_a_broken_vocabulary_as_path_and_line(small_corpus: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (small_corpus / "glossary.yaml").write_text("- en: [fee, price]\n  ru: 5\n", encoding="utf-8")
    assert main(["check", "--corpus", str(small_corpus)]) == 1
    assert f"{small_corpus / 'glossary.yaml'}:2: ru: names must be a list of text, got 5" in capsys.readouterr().out


def test_reload_picks_up_a_vocabulary_change(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_doc(corpus, "prp.md", "Вид на жительство", "Вид на жительство выдается на пять лет.", lang="ru")
    service = Service.start(load_config(None, {}, corpus=corpus))
    assert len(service.index.query("сколько действует ВНЖ", "ru").concepts[-1].alternatives) == 1
    (corpus / "glossary.yaml").write_text(VOCABULARY, encoding="utf-8")
    assert service.reload().ok
    concept = service.index.query("сколько действует ВНЖ", "ru").concepts[-1]
    assert tuple(analyze("вид на жительство", "ru")) in concept.alternatives


def test_a_broken_vocabulary_on_reload_keeps_the_old_index_serving(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_doc(corpus, "prp.md", "Вид на жительство", "Вид на жительство выдается на пять лет.", lang="ru")
    (corpus / "glossary.yaml").write_text(VOCABULARY, encoding="utf-8")
    service = Service.start(load_config(None, {}, corpus=corpus))
    before = service.index
    (corpus / "glossary.yaml").write_text("- en: [fee]\n", encoding="utf-8")
    result = service.reload()
    assert not result.ok and any("glossary.yaml:1" in str(p) for p in result.problems)
    assert service.index is before


# --- one concept ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "lang", "written"), [
    ("ВНЖ", "ru", "вид на жительство"), ("price", "en", "state duty"),
    ("daimi yasama icazesi", "az", "daimi yaşama icazəsi"),
])
def test_peoples_words_and_the_releases_words_are_one_concept(said: str, lang: str, written: str) -> None:
    query = build(ENGLISH).query(said, lang)
    assert len(query.concepts) == 1 and tuple(analyze(written, lang)) in query.concepts[0].alternatives


def test_an_abbreviation_finds_the_release_that_spells_it_out() -> None:
    hits = build(RUSSIAN, OTHER, ENGLISH).search("сколько действует ВНЖ", lang="ru")
    assert hits[0].doc_id == "ru-prp" and hits[0].coverage == pytest.approx(0.5)  # ВНЖ covered, not "действует"


def test_a_translated_question_uses_the_target_languages_names() -> None:
    glossary = Glossary.parse(VOCABULARY)
    query, translated = glossary.translate(question_terms("как получить ВНЖ", "ru"), "ru", "en")
    assert translated == 2
    assert tuple(analyze("permanent residence permit", "en")) in query.concepts[-1].alternatives


# --- across languages ----------------------------------------------------------------------------------

def test_a_russian_question_answered_only_in_english_is_quoted_from_the_english_release() -> None:
    reply = answer_question(build(ENGLISH, OTHER, Document(id="ru-x", title="Паром", lang="ru",
                                                           text="Паром отходит в девять.")),
                            "какая пошлина за вид на жительство", Renderer())
    assert reply.answer.answered and reply.found_in == "en" and reply.answer.lang == "ru"
    assert reply.text.startswith("Найдено в пресс-релизе на английском:")
    assert "The state duty is 40 manats." in reply.text  # verbatim, in its language
    assert "Источники" in reply.text


def test_the_fallback_does_not_fire_when_a_release_in_the_questions_language_answers() -> None:
    reply = answer_question(build(ENGLISH, RUSSIAN, OTHER), "какая пошлина за вид на жительство", Renderer())
    assert reply.answer.answered and reply.found_in is None
    assert {c.doc_id for c in reply.answer.citations} == {"ru-prp"}
    assert "Найдено" not in reply.text


def test_a_question_in_the_corpus_main_language_never_falls_back() -> None:
    fee = Document(id="ru-2", title="Пошлина", lang="ru", text="Пошлина 40 манатов.")
    reply = answer_question(build(ENGLISH, OTHER, RUSSIAN, fee), "what is the fee for the ferry ticket to Mars",
                            Renderer())
    assert reply.found_in is None


def test_a_question_the_vocabulary_cannot_translate_is_not_searched_in_other_languages() -> None:
    reply = answer_question(build(ENGLISH, OTHER, Document(id="ru-x", title="Паром", lang="ru", text="Паром.")),
                            "где купить билет на паром", Renderer())
    assert not reply.answer.answered and reply.found_in is None


def test_a_weak_answer_in_the_questions_language_gives_way_to_a_clearly_better_one_in_another() -> None:
    weak = Document(id="ru-weak", title="Новости", lang="ru", text="В Баку вид на жительство выдается на пять лет.")
    english = Document(id="en-baku", title="Permanent residence permit in Baku", lang="en",
                       text="In Baku, the state duty for a permanent residence permit is 40 manats.")
    index = build(english, OTHER, weak, Document(id="ru-x", title="Погода", lang="ru", text="Погода хорошая."))
    question = "какая пошлина за вид на жительство в Баку"
    own = answer_question(build(OTHER, weak, Document(id="ru-x", title="Погода", lang="ru", text="Погода хорошая.")),
                          question, Renderer())
    # What the question's own language has is weak: it states no fee at all (the "not stated" reply).
    assert not own.answer.answered and own.answer.missing == "money"
    reply = answer_question(index, question, Renderer())
    assert reply.answer.answered and reply.found_in == "en"
    assert {c.doc_id for c in reply.answer.citations} == {"en-baku"}


# --- the releases' own vocabulary (the bundled glossary) ------------------------------------------------

@pytest.mark.parametrize(("said", "lang", "english"), [
    ("yeni binası", "az", "building"), ("ailələrə", "az", "families"), ("Xaçmazda", "az", "Khachmaz"),
    ("hansı tədris ili", "az", "academic year"), ("за последнюю неделю", "ru", "week"),
    ("малоимущим", "ru", "low-income"), ("в Мингячевире", "ru", "Mingachevir"), ("открыли", "ru", "opened"),
])
def test_the_bundled_vocabulary_translates_the_releases_everyday_words(said: str, lang: str, english: str) -> None:
    glossary = load_glossary(ROOT / "corpus")
    query, translated = glossary.translate(question_terms(said, lang), lang, "en")
    assert translated >= 1
    assert any(tuple(analyze(english, "en")) in c.alternatives for c in query.concepts)


def test_an_azerbaijani_question_about_an_english_only_release_is_answered_from_it() -> None:
    service = Service.start(load_config(None, {}, corpus=ROOT / "corpus"))
    reply = service.ask("xaçmazda regional miqrasiya idarəsinin binasının açılışı nə vaxt olub")
    assert reply.answer.answered and reply.found_in == "en"
    assert "June 11, 2010" in reply.text
