"""The analyzer: what counts as the same term in English, Azerbaijani and Russian."""

from __future__ import annotations

import pytest

from pressbot.retrieval.analyzer import (
    analyze,
    casefold,
    detect_language,
    latin_lookalikes,
    normalize,
    question_terms,
    stem_az,
)


def test_azerbaijani_dotted_capital_i_lowers_to_dotted_i() -> None:
    assert casefold("İş", "az") == "iş"


def test_azerbaijani_dotless_capital_i_lowers_to_dotless_i() -> None:
    assert casefold("ALINIR", "az") == "alınır"


def test_english_dotted_capital_i_lowers_without_a_combining_dot() -> None:
    assert normalize("İstanbul", "en") == "istanbul"


def test_azerbaijani_letters_fold_so_text_typed_without_them_matches() -> None:
    assert analyze("Dövlət Miqrasiya Xidmətinə", "az") == analyze("Dovlet Miqrasiya Xidmetine", "az")


def test_a_cyrillic_lookalike_inside_a_latin_word_matches_the_latin_letter() -> None:
    assert analyze("Hәmrәylik Günü", "az") == analyze("Həmrəylik Günü", "az") == analyze("hemreylik gunu", "az")


def test_a_latin_lookalike_inside_a_cyrillic_word_matches_the_cyrillic_letter() -> None:
    assert analyze("Сoвет", "ru") == analyze("Совет", "ru")


@pytest.mark.parametrize("text", ["Совет руководителей", "www.migration.gov.az", "COVID-19 и ДМС"])
def test_words_in_one_script_keep_their_letters(text: str) -> None:
    assert latin_lookalikes(text) == text


def test_azerbaijani_case_endings_reach_the_same_stem() -> None:
    assert stem_az("konsulluqda") == stem_az("konsulluq") == stem_az("konsulluqdan")


def test_azerbaijani_plural_and_possessive_are_stripped() -> None:
    assert analyze("vətəndaşlarının", "az") == analyze("vətəndaş", "az")


def test_azerbaijani_relative_suffix_is_stripped() -> None:
    assert analyze("Batumidəki", "az") == analyze("Batumi", "az")


def test_azerbaijani_glued_question_particle_is_stripped() -> None:
    assert analyze("ALINIRMI", "az") == analyze("alınır", "az")


def test_an_azerbaijani_case_ending_after_a_possessive_loses_its_n() -> None:
    assert analyze("müharibəsində", "az") == analyze("müharibə", "az")  # müharibə-si-n-də "in its war"


def test_an_azerbaijani_locative_after_a_consonant_keeps_the_stems_n() -> None:
    assert stem_az("zamanda") == stem_az("zaman")  # zaman-da, not zama-nda
    assert stem_az("qanunda") == stem_az("qanundan") == stem_az("qanun")  # qanun-da, not qanu-nda
    assert stem_az("binasinda") == stem_az("bina")  # bina-sı-n-da (stem_az takes folded words)


def test_chat_shorthand_for_function_words_is_no_question_term() -> None:
    assert question_terms("open at night n weekends u know", "en") == question_terms("open at night and weekends", "en")


def test_a_letter_of_a_hyphenated_name_stays_a_term() -> None:
    assert "n3" in question_terms("n-3 fatty acids", "en")


def test_the_azerbaijani_postposition_under_is_no_term() -> None:
    assert analyze("DMX yanında İctimai Şura", "az") == analyze("DMX İctimai Şura", "az")


@pytest.mark.parametrize("pronoun", ["mənə", "mene", "məni", "mənim", "sənə", "ona", "onu", "bizə", "bizim", "sizin",
                                     "onlara", "onları", "buna", "bunu"])
def test_an_azerbaijani_pronoun_in_any_case_is_no_term(pronoun: str) -> None:
    assert analyze(f"{pronoun} pasport verilir", "az") == analyze("pasport verilir", "az")


def test_the_k_of_azerbaijani_lik_that_turns_y_before_a_vowel_reaches_the_same_stem() -> None:
    assert analyze("səfirliyi", "az") == analyze("səfirliyə", "az") == analyze("səfirlik", "az")


def test_what_shall_i_do_is_no_question_term() -> None:
    assert question_terms("pasportumu itirdim neyləyim", "az") == question_terms("pasportumu itirdim", "az")
    assert question_terms("потерял паспорт что делать", "ru") == question_terms("потерял паспорт", "ru")


def test_azerbaijani_stems_keep_at_least_four_letters() -> None:
    assert stem_az("bina") == "bina"


def test_a_short_azerbaijani_root_loses_its_noun_endings() -> None:
    assert analyze("2020-ci ildə", "az") == analyze("2020 il", "az")
    assert analyze("günü", "az") == analyze("gün", "az") == analyze("gündü", "az")


def test_a_short_azerbaijani_root_keeps_a_verb_ending() -> None:
    assert analyze("yaşamaq", "az") != analyze("yaş", "az")  # "to live" is not "age"


def test_the_ending_of_an_azerbaijani_abbreviation_after_a_hyphen_is_dropped() -> None:
    assert analyze("DMX-nin", "az") == analyze("DMX-yə", "az") == ["dmx"]


def test_an_azerbaijani_question_word_with_the_copula_is_a_stopword() -> None:
    assert analyze("reisi kimdi", "az") == analyze("reisi kimdir", "az") == analyze("reisi", "az")


def test_russian_yo_and_ye_are_the_same_letter() -> None:
    assert analyze("ещё объём", "ru") == analyze("еще объем", "ru")


def test_russian_inflections_share_a_stem() -> None:
    assert analyze("иностранцев", "ru") == analyze("иностранцам", "ru")


def test_russian_question_words_are_not_terms() -> None:
    assert analyze("Какого числа? Сколько?", "ru") == analyze("числа", "ru")


def test_english_question_words_are_not_terms() -> None:
    assert analyze("How many visas", "en") == analyze("visas", "en")


def test_numbers_survive_analysis() -> None:
    assert "2019" in analyze("2019-cu ilin aprelində", "az")
    assert "919" in analyze("919 Çağrı Mərkəzi", "az")


def test_a_number_grouped_with_spaces_is_one_term() -> None:
    assert "795761" in analyze("795 761 иностранцев", "ru")


def test_a_number_grouped_with_commas_is_one_term() -> None:
    assert "57851" in analyze("57,851 applications", "en")


def test_a_hyphenated_name_is_also_one_joined_term() -> None:
    terms = analyze("COVID-19 rules", "en")
    assert "covid19" in terms and "covid" in terms and "19" in terms


def test_a_number_and_what_it_counts_are_not_joined() -> None:
    assert analyze("25-летие трагедии", "ru") == ["25", "лет", "трагед"]
    assert analyze("a 10-day stay", "en") == ["10", "day", "stay"]


def test_a_hyphen_before_a_stopword_suffix_adds_no_joined_term() -> None:
    assert analyze("2019-cu", "az") == ["2019"]


def test_plain_lowercase_words_are_only_stemmed() -> None:
    assert analyze("visa office", "en") == ["visa", "offic"]


def test_invisible_characters_do_not_split_words() -> None:
    assert analyze("mig\u200bration", "en") == analyze("migration", "en")


def test_language_is_detected_from_cyrillic_letters() -> None:
    assert detect_language("Сколько иностранцев въехало?") == "ru"


def test_language_is_detected_from_azerbaijani_letters() -> None:
    assert detect_language("Neçə zəng daxil olub?") == "az"


def test_azerbaijani_typed_without_its_letters_is_still_azerbaijani() -> None:
    assert detect_language("Miqrasiya xidmetinin cagri merkezine nece zeng gelib?") == "az"


def test_english_question_is_english() -> None:
    assert detect_language("Who met the IOM Director General in Geneva?") == "en"


def test_a_question_drops_the_phrasing_of_the_answers_kind() -> None:
    assert question_terms("How long does it take to get a visa?", "en") == analyze("get a visa", "en")


def test_a_question_drops_recency_words_that_only_ask_for_news() -> None:
    assert question_terms("What are the latest news on passports?", "en") == analyze("passports", "en")


def test_a_russian_question_drops_its_date_phrasing() -> None:
    assert question_terms("С какого числа выдают визы?", "ru") == analyze("выдают визы", "ru")


def test_question_phrasing_is_kept_in_ordinary_analysis() -> None:
    assert "long" in analyze("How long does it take", "en")


def test_azerbaijani_final_q_and_its_soft_form_before_a_vowel_reach_one_stem() -> None:
    assert analyze("vətəndaşlığı", "az") == analyze("vətəndaşlıq", "az")
    assert analyze("uşağa", "az") == analyze("usaq", "az")


def test_azerbaijani_plural_is_stripped_from_a_short_root() -> None:
    assert analyze("dillərdə", "az") == analyze("dil", "az")
    assert analyze("günlər", "az") == analyze("gün", "az")


def test_azerbaijani_first_person_copula_is_stripped() -> None:
    assert analyze("evliyəm", "az") == analyze("evli", "az")


def test_an_azerbaijani_case_ending_glued_to_a_number_leaves_the_number() -> None:
    assert analyze("919a zəng", "az") == analyze("919 zəng", "az")


def test_azerbaijani_dative_of_a_t_final_word_keeps_the_words_stem() -> None:
    # Azerbaijani has no Turkish -ta/-tan locative: qeydiyyata is qeydiyyat + a.
    assert analyze("qeydiyyata müraciətə dövlətə", "az") == analyze("qeydiyyat müraciət dövlət", "az")


def test_azerbaijani_n_dative_is_stripped_only_after_a_possessive() -> None:
    assert analyze("vətənə", "az") == analyze("vətən", "az")
    assert analyze("xidmətinə", "az") == analyze("xidmət", "az")


def test_azerbaijani_chat_copula_is_stripped() -> None:
    assert analyze("lazımdı", "az") == analyze("lazımdır", "az")


def test_an_azerbaijani_function_word_with_a_copula_is_still_a_function_word() -> None:
    assert analyze("nə qədərdi", "az") == []


def test_asking_for_a_name_does_not_search_for_the_word_name() -> None:
    assert question_terms("ambassador in usa name", "en") == question_terms("ambassador in usa", "en")
    assert question_terms("whats his name", "en") == []
    assert question_terms("как зовут посла", "ru") == question_terms("посла", "ru")


def test_a_question_about_my_name_keeps_the_word() -> None:
    assert "name" in question_terms("how to change my name", "en")


def test_a_possessive_after_m_is_not_the_question_particle() -> None:
    assert analyze("bayramı", "az") == analyze("bayram", "az")
    assert analyze("rüsumu", "az") == analyze("rüsum", "az")


def test_azerbaijani_past_copula_is_a_function_word() -> None:
    # "layihə neçə aylıq idi" ("how many months was the project"): "idi" is "was", not a word to find.
    assert "idi" not in analyze("layihe nece ayliq idi", "az")
    assert analyze("layihə idi", "az") == analyze("layihə", "az")


def test_russian_politeness_and_who_forms_are_function_words() -> None:
    polite = analyze("Здравствуйте, подскажите пожалуйста кем учрежден праздник", "ru")
    assert polite == analyze("учрежден праздник", "ru")


def test_azerbaijani_chat_forms_of_question_words_are_function_words() -> None:
    # harda/hara "where", neche (neçə typed with ch for ç), yoxsa "or": nothing a release must say.
    assert analyze("dmx harda yerlesir, neche filiali var yoxsa yox", "az") == analyze("dmx yerlesir filiali", "az")


def test_russian_colloquial_how_many_is_a_function_word() -> None:
    assert analyze("скока фоток надо", "ru") == analyze("фоток надо", "ru")


def test_how_fast_asks_for_a_duration_like_how_long() -> None:
    assert question_terms("how fast do they register u", "en") == question_terms("how long do they register u", "en")
    assert question_terms("как быстро выдают визу", "ru") == analyze("выдают визу", "ru")


def test_azerbaijani_typed_with_english_digraphs_reads_as_its_letters() -> None:
    # şəxsiyyət as "shexsiyyet", çıxış as "chixish", Naxçıvan as "Nakhchivan": one letter typed as two.
    assert analyze("shexsiyyet vesiqesi", "az") == analyze("şəxsiyyət vəsiqəsi", "az")
    assert analyze("chixish", "az") == analyze("çıxış", "az")
    assert analyze("Nakhchivan", "az") == analyze("Naxçıvan", "az")


def test_english_and_russian_keep_their_digraphs() -> None:
    assert analyze("shipping", "en") == ["ship"]


def test_a_hyphenated_word_is_followed_by_its_joined_form_in_place() -> None:
    assert analyze("COVID-19 pandemic", "en") == ["covid", "19", "covid19", "pandem"]


def test_azerbaijani_passive_participle_of_olmaq_is_a_function_word() -> None:
    # "apostil olunmuş sənədlər" (apostilled documents): "olunmuş" is the passive's -ed, like "olunub".
    assert analyze("apostil olunmuş sənədlər", "az") == analyze("apostil sənədlər", "az")


def test_azerbaijani_typed_the_turkish_way_reads_as_azerbaijani() -> None:
    # için = üçün, nasıl = necə (function words); almak = almaq (the Turkish infinitive's k).
    assert analyze("ikamet izni almak için nasıl", "az") == analyze("ikamet izni almaq", "az")


@pytest.mark.parametrize("question", ["shexsiyyet vesiqesi itirmishem", "apostil harda qoyulur",
                                      "919 gece-gunduz isleyir?", "ofis bazar gunu gozleyir"])
def test_azerbaijani_typed_without_its_letters_is_told_by_its_endings(question: str) -> None:
    assert detect_language(question) == "az"


@pytest.mark.parametrize("question", ["quasi legal status of their children", "how are the galleries and libraries run",
                                      "temp residence permit docs"])
def test_english_words_do_not_end_like_azerbaijani_ones(question: str) -> None:
    assert detect_language(question) == "en"


def test_a_russian_ordinal_ending_after_a_hyphen_leaves_only_its_figure() -> None:
    assert analyze("на 109-й сессии, 8-ое заседание, 67-ой", "ru") == analyze("на 109 сессии, 8 заседание, 67", "ru")


def test_a_russian_word_after_a_figure_and_a_hyphen_is_kept() -> None:
    assert "год" in analyze("2010-года", "ru")


@pytest.mark.parametrize("country", ["Almaniya", "Yaponiya", "Estoniya", "miqrasiya"])
def test_an_azerbaijani_noun_in_iya_keeps_its_iya_under_every_ending(country: str) -> None:
    bare = analyze(country, "az")
    for ending in ("ya", "da", "nın", "sı", "dakı"):
        assert analyze(country + ending, "az") == bare


def test_germany_in_azerbaijani_is_not_the_stem_of_taking() -> None:
    # "Almaniya" cut to "alma" met "vətəndaşlığı alma" (taking citizenship).
    assert set(analyze("Almaniya", "az")).isdisjoint(analyze("vətəndaşlığı alma", "az"))


def test_a_short_i_final_noun_in_the_dative_is_still_the_noun() -> None:
    # Bakı-ya, qayğı-ya: the -ya of a short word is the dative, not a noun's -iya.
    assert analyze("Bakıya", "az") == analyze("Bakı", "az")
    assert analyze("qayğıya", "az") == analyze("qayğı", "az")


def test_won_is_the_verb_not_a_piece_of_wont() -> None:
    assert "won" in analyze("who won the formula 1 race in baku", "en")


def test_let_is_the_verb_not_a_piece_of_lets() -> None:
    assert "let" in analyze("the flat was let to a foreigner", "en")


def test_a_negated_contraction_is_still_a_function_word() -> None:
    assert analyze("they didn't and don’t and won't", "en") == []


def test_a_noun_in_iya_with_my_is_not_cut_into_its_iya() -> None:
    # The vocabulary's "my" form Almaniya-m read as Almani-yam ("I am") and then "alma".
    assert stem_az("almaniyam") != "alma"



def test_a_number_of_hyphenated_figures_is_also_one_joined_term() -> None:
    assert analyze("call 012-493-15-03", "en") == ["call", "012", "493", "15", "03", "0124931503"]
