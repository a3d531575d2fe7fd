"""A question naming a place whose own releases are in another language searches that language too when its own
gives no answer, however small that collection (answering.across_languages, `places`): only the releases placed at
the place or inside it, and only when they cover the question clearly (answering.beyond_places). Never when the
question's own language answers."""

from __future__ import annotations

from pressbot.responses.answering import answer_question
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.glossary import Glossary
from tests.test_places import PLACES

VOCABULARY = PLACES + """
- {en: [permanent residence permit], ru: [вид на жительство], az: [daimi yaşama icazəsi]}
- {en: [fee, state duty], ru: [пошлина], az: [rüsum]}
- {en: [visa], ru: [виза], az: [viza]}
"""
BERLIN = "Embassy of Azerbaijan in Germany"
NATIONAL = "State Migration Service"
ENGLISH = [Document(id=f"en-{i}", title=f"Ferry {i}", lang="en", text=f"Ferry {i} leaves the harbour at nine.",
                    source=NATIONAL) for i in range(6)]
RUSSIAN = Document(id="ru-x", title="Паром", lang="ru", text="Паром отходит в девять.", source=NATIONAL)
PERMIT = "Daimi yaşama icazəsi beş il müddətinə verilir. Rüsum 40 manatdır."
QUESTION = "какая пошлина за вид на жительство в германии"


def _embassy(source: str = BERLIN, text: str = PERMIT) -> Document:
    return Document(id="az-berlin", title="Daimi yaşama icazəsi", lang="az", text=text, source=source)


def _index(*docs: Document) -> Index:
    return Index.build([*ENGLISH, RUSSIAN, *docs], glossary=Glossary.parse(VOCABULARY))


def test_the_language_of_the_asked_place_s_releases_is_searched_whatever_its_size() -> None:
    reply = answer_question(_index(_embassy()), QUESTION, Renderer())
    assert reply.answer.answered and reply.found_in == "az"
    assert "Rüsum 40 manatdır." in reply.text


def test_a_release_of_that_language_placed_nowhere_in_particular_is_not_searched_for_the_place() -> None:
    reply = answer_question(_index(_embassy(source=NATIONAL)), QUESTION, Renderer())
    assert not reply.answer.answered


def test_a_question_naming_another_place_does_not_search_that_language() -> None:
    reply = answer_question(_index(_embassy()), "какая пошлина за вид на жительство в болгарии", Renderer())
    assert not reply.answer.answered


def test_the_question_s_own_language_answering_keeps_its_answer() -> None:
    own = Document(id="ru-prp", title="Вид на жительство", lang="ru", source=NATIONAL,
                   text="Вид на жительство в Германии выдается на пять лет. Пошлина составляет 40 манатов.")
    reply = answer_question(_index(_embassy(), own), QUESTION, Renderer())
    assert reply.answer.answered and reply.found_in is None
    assert "Пошлина составляет 40 манатов." in reply.text


def test_a_placed_release_that_says_little_of_the_rest_of_a_yes_no_question_does_not_answer() -> None:
    visa = "нужна ли виза в германии для вида на жительство"  # the page says nothing of visas
    page = "Almaniyada daimi yaşama icazəsi verilir. Rüsum 40 manatdır."
    reply = answer_question(_index(_embassy(text=page)), visa, Renderer())
    assert not reply.answer.answered


def test_a_placed_release_stating_the_kind_asked_about_the_rest_answers() -> None:
    reply = answer_question(_index(_embassy()), "сколько пошлина за вид на жительство в германии", Renderer())
    assert reply.answer.answered and reply.found_in == "az"


def test_the_languages_at_a_place_are_those_of_releases_placed_at_it_or_inside_it() -> None:
    glossary = Glossary.parse(VOCABULARY)
    docs = [Document(id="y", title="Учёт", lang="ru", text="Учёт граждан.",
                     source="Consulate General of Azerbaijan in Yekaterinburg"),
            Document(id="b", title="Qeydiyyat", lang="az", text="Vətəndaşların qeydiyyatı.", source=BERLIN),
            *ENGLISH]
    index = Index.build(docs, glossary=glossary)
    russia, yekaterinburg, germany, bulgaria = (glossary.places_named(analyze(name, "en"), "en")
                                                for name in ("russia", "yekaterinburg", "germany", "bulgaria"))
    assert index.languages_at(russia) == ("ru",)  # the consulate inside it
    assert index.languages_at(yekaterinburg) == ("ru",)
    assert set(index.languages_at(germany | russia)) == {"az", "ru"}
    assert index.languages_at(bulgaria) == ()


def test_a_release_placed_at_a_country_is_not_of_the_language_at_a_city_inside_it() -> None:
    glossary = Glossary.parse(VOCABULARY)
    docs = [Document(id="r", title="Учёт", lang="ru", text="Учёт граждан.", source="Embassy of Azerbaijan in Russia"),
            *ENGLISH]
    index = Index.build(docs, glossary=glossary)
    assert index.languages_at(glossary.places_named(analyze("Yekaterinburg", "en"), "en")) == ()
