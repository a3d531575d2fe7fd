"""Sentence and paragraph boundaries: what the passage splitter and the responder's quotes are cut along."""

from __future__ import annotations

from pressbot.retrieval.sentences import split_paragraphs, split_sentences


def test_a_paragraph_splits_at_full_stops_followed_by_a_capital() -> None:
    assert split_sentences("The chief met the ambassador. They discussed migration.") == [
        "The chief met the ambassador.", "They discussed migration."]


def test_question_and_exclamation_marks_and_ellipses_end_sentences() -> None:
    assert split_sentences("It ended… Then it began? Yes! Done.") == ["It ended…", "Then it began?", "Yes!", "Done."]


def test_initials_do_not_end_a_sentence() -> None:
    assert split_sentences("Chief V. Huseynov met A. Vitorino. They talked.") == [
        "Chief V. Huseynov met A. Vitorino.", "They talked."]


def test_known_abbreviations_do_not_end_a_sentence() -> None:
    assert split_sentences("Mr. Nabiyev met Ms. Szabados on July 30. Talks followed.") == [
        "Mr. Nabiyev met Ms. Szabados on July 30.", "Talks followed."]


def test_russian_abbreviations_and_cyrillic_capitals_are_handled() -> None:
    assert split_sentences("Встреча прошла в г. Баку. Стороны обсудили миграцию.") == [
        "Встреча прошла в г. Баку.", "Стороны обсудили миграцию."]


def test_azerbaijani_capital_letters_start_a_sentence() -> None:
    assert split_sentences("Görüş Bakıda keçirilib. İclasda miqrasiya müzakirə olunub.") == [
        "Görüş Bakıda keçirilib.", "İclasda miqrasiya müzakirə olunub."]


def test_a_decimal_point_is_not_a_boundary() -> None:
    assert split_sentences("The number rose by 2.5 percent. In 2019 it fell.") == [
        "The number rose by 2.5 percent.", "In 2019 it fell."]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert split_sentences('He said: "We will expand." The ambassador agreed.') == [
        'He said: "We will expand."', "The ambassador agreed."]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence() -> None:
    assert split_sentences("The list includes passports etc. and visas.") == [
        "The list includes passports etc. and visas."]


def test_sentences_are_the_paragraph_text_exactly() -> None:
    paragraph = "First  sentence,  with   spaces.  Second one (in brackets.) Third: «quoted»."
    sentences = split_sentences(paragraph)
    assert len(sentences) == 3
    position = 0
    for sentence in sentences:  # each sentence occurs verbatim, in order, in the paragraph
        assert sentence in paragraph[position:]
        position = paragraph.index(sentence, position) + len(sentence)


def test_text_without_a_boundary_is_one_sentence_and_blank_text_none() -> None:
    assert split_sentences("  No boundary here  ") == ["No boundary here"]
    assert split_sentences(" \n ") == []


def test_paragraphs_are_non_blank_lines_stripped() -> None:
    assert split_paragraphs("First line.\n\n  Second line.  \r\n\n\nThird.") == ["First line.", "Second line.",
                                                                               "Third."]
