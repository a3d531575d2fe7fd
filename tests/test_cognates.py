"""Cognates: on the cross-language path, an Azerbaijani or Russian word the vocabulary does not translate is read as
the English term it is the international loanword of."""

from __future__ import annotations

from pressbot.responses.answering import across_languages, answer_question
from pressbot.responses.composer import ComposerSettings
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.cognates import key, latin
from pressbot.retrieval.glossary import Glossary

ENGLISH = [
    Document(id="biometric", title="Biometric passports", lang="en",
             text="Biometric passports have been issued since September 1, 2013."),
    Document(id="certificate", title="Mail applications", lang="en",
             text="The applicant is provided with a certificate confirming that the Embassy has been notified."),
    Document(id="memorandum", title="Signing", lang="en", text="A memorandum was signed with the partners."),
    Document(id="family", title="Families", lang="en", text="Families of migrants were received."),
    Document(id="licence", title="Permits", lang="en", text="A licence and a license are spelled two ways."),
    Document(id="visa", title="Visas", lang="en", text="A visa is issued at the airport."),
    Document(id="mehriban", title="Visit", lang="en", text="Mehriban Aliyeva visited the centre."),
]
OTHERS = [
    Document(id="az-mehriban", title="Səfər", lang="az", text="Mehriban Əliyeva mərkəzi ziyarət etdi."),
    Document(id="az-ferry", title="Bərə", lang="az", text="Bərə saat doqquzda yola düşür."),
    Document(id="ru-ferry", title="Паром", lang="ru", text="Паром отходит в девять."),
]


def index(vocabulary: str = "") -> Index:
    return Index.build([*ENGLISH, *OTHERS], glossary=Glossary.parse(vocabulary))


def english(word: str, lang: str, vocabulary: str = "") -> list[tuple[str, ...]]:
    """The alternatives a question word is searched with in English, cognates on."""
    plan, _ = index(vocabulary).translate(word, lang, "en", cognates=True)
    return [alt for concept in plan.concepts for alt in concept.alternatives]


def test_a_key_spells_the_english_and_the_transliterated_word_alike() -> None:
    assert key("consul") == key("konsul") and key("certif") == key("sertif") and key("commiss") == key("komis")


def test_russian_is_transliterated_with_the_endings_of_international_words() -> None:
    assert latin("миграц", "ru") == "migrat" and latin("биометрическ", "ru") == "biometrik"


def test_a_russian_loanword_is_searched_as_the_english_term() -> None:
    assert english("биометрический", "ru") == [("biometr",)]


def test_an_azerbaijani_loanword_is_searched_as_the_english_term() -> None:
    assert english("biometrik", "az") == [("biometr",)]
    assert english("sertifikat", "az") == analyze_all("certificate")


def test_an_english_term_a_little_longer_than_the_word_is_matched() -> None:
    assert tuple(analyze("memorandum", "az")) != ("memorandum",)  # the Azerbaijani stem is shorter
    assert english("memorandum", "az") == [("memorandum",)]


def test_a_word_shorter_than_five_letters_is_left_as_said() -> None:
    assert english("виза", "ru") == [tuple(analyze("виза", "ru"))]


def test_a_false_friend_is_left_as_said() -> None:
    assert english("фамилия", "ru") == [tuple(analyze("фамилия", "ru"))]


def test_two_english_spellings_of_one_key_are_both_searched() -> None:
    two = Document(id="programme", title="Plans", lang="en", text="The programme and the program were adopted.")
    plan, _ = Index.build([two, *OTHERS]).translate("программа", "ru", "en", cognates=True)
    assert set(plan.concepts[0].alternatives) == {("program",), ("programm",)}


def test_two_different_english_words_are_no_guess() -> None:
    two = Document(id="memoranda", title="Papers", lang="en", text="Memoranda and memorandums were signed.")
    plan, _ = Index.build([two, *OTHERS]).translate("memorandum", "az", "en", cognates=True)
    assert plan.said == tuple(analyze("memorandum", "az"))


def test_the_word_spelled_as_english_and_stemmed_comes_first() -> None:
    two = Document(id="president", title="Visit", lang="en", text="The President met presidential advisers.")
    plan, _ = Index.build([two, *OTHERS]).translate("prezident", "az", "en", cognates=True)
    assert plan.concepts[0].alternatives == (tuple(analyze("President", "en")),)


def test_a_term_the_questions_language_also_uses_is_no_translation() -> None:
    assert english("mehribanlıq", "az") == [tuple(analyze("mehribanlıq", "az"))]


def test_a_native_word_is_left_as_said() -> None:
    assert english("женщина", "ru") == [tuple(analyze("женщина", "ru"))]


def test_the_vocabulary_s_names_come_before_a_cognate() -> None:
    vocabulary = "- {en: [e-passport], ru: [биометрический паспорт]}"
    assert english("биометрический паспорт", "ru", vocabulary) == [tuple(analyze("e-passport", "en"))]


def test_without_cognates_a_loanword_stays_as_said_and_is_not_counted() -> None:
    plan, translated = index().translate("биометрический", "ru", "en")
    assert plan.said == tuple(analyze("биометрический", "ru")) and translated == 0


def test_a_cognate_is_not_counted_as_translated() -> None:
    assert index().translate("биометрический", "ru", "en", cognates=True)[1] == 0


def test_a_question_of_loanwords_alone_is_not_searched_in_english() -> None:
    reply = answer_question(index(), "биометрический сертификат", Renderer())
    assert not reply.answer.answered and reply.found_in is None


def analyze_all(text: str) -> list[tuple[str, ...]]:
    return [tuple(analyze(text, "en"))]


VOCABULARY = "- {en: [applicant], ru: [заявитель]}\n- {en: [passport], ru: [паспорт]}"
CERTIFICATE = "какой сертификат получает заявитель"


def test_a_question_only_an_english_release_answers_is_answered_through_its_loanword() -> None:
    reply = answer_question(index(VOCABULARY), CERTIFICATE, Renderer())
    assert reply.answer.answered and reply.found_in == "en" and "certificate confirming" in reply.text


def test_the_cross_language_search_reads_loanwords_only_when_asked_to() -> None:
    assert across_languages(index(VOCABULARY), CERTIFICATE, "ru", ComposerSettings()) is None
    found = across_languages(index(VOCABULARY), CERTIFICATE, "ru", ComposerSettings(), cognates=True)
    assert found is not None and found.answered


def test_an_own_language_answer_is_kept_where_the_loanword_finds_an_english_one() -> None:
    question = "биометрический паспорт"
    assert answer_question(index(VOCABULARY), question, Renderer()).found_in == "en"
    own = Document(id="ru-biometric", title="Паспорта", lang="ru", text="Биометрический паспорт.")
    both = Index.build([*ENGLISH, *OTHERS, own], glossary=Glossary.parse(VOCABULARY))
    reply = answer_question(both, question, Renderer())
    assert reply.answer.answered and reply.found_in is None
