"""Structure reading: lead-ins with their lists, FAQ pairs, headings, dash lines, cut excerpt paragraphs."""

from __future__ import annotations

from pressbot.retrieval import Document, Index
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.structure import MAX_ITEMS, introduced, is_cut, is_heading, is_item, trim_cut

DOCS = ["Send the following documents:", "1. Passport copy;", "2. Two photos;", "3. Application form.",
        "The embassy answers within a week."]


def test_a_lead_in_introduces_its_whole_list_and_stops_after_it() -> None:
    assert introduced(DOCS, 0) == ["1. Passport copy;", "2. Two photos;", "3. Application form."]


def test_bullets_dashes_and_en_dashes_open_list_items() -> None:
    assert all(is_item(line) for line in ["• Copy of the passport", "- Photo", "– Form", "1.1. to create", "a) copy"])
    assert not is_item("Passports are issued in Baku.")


def test_a_faq_question_introduces_its_answer_not_the_next_question() -> None:
    lines = ["Is there a fee?", "Appointments are free of charge.", "Can I cancel?", "Use the link."]
    assert introduced(lines, 0) == ["Appointments are free of charge."]


def test_a_heading_over_a_lead_in_brings_the_lead_in_and_its_content() -> None:
    lines = ["Reception days", "Documents are received:", "all working days (10:00–13:00)", "Next heading"]
    assert introduced(lines, 0) == ["Documents are received:", "all working days (10:00–13:00)"]


def test_table_like_dash_lines_are_rows_not_headings() -> None:
    assert not is_heading("Work permits – 618 calls")
    assert is_heading("Reception days")


def test_what_a_line_introduces_is_bounded_and_marked_with_an_ellipsis() -> None:
    lines = ["Documents:", *[f"{i}. Item {i}" for i in range(1, 30)]]
    out = introduced(lines, 0)
    assert len(out) == MAX_ITEMS + 1 and out[-1] == "…"


def test_a_passage_never_splits_a_list_from_its_lead_in() -> None:
    long = " ".join(["Migration word"] * 40) + "."
    doc = Document(id="d", title="T", text="\n".join([long, *DOCS]))
    passages = [p.text for p in split_document(doc)]
    holder = [p for p in passages if "Send the following documents:" in p]
    assert holder and "3. Application form." in holder[0]


def test_an_excerpt_paragraph_cut_mid_word_ends_at_its_last_whole_word_with_an_ellipsis() -> None:
    cut = "If you did not receive any e-mail, please check the address. For more contact the mission that you ar"
    assert is_cut(cut, last=False)
    assert trim_cut(cut) == cut[: cut.rindex(" ")] + "…"
    doc = Document(id="d", title="T", text=f"{cut}\nThe end.", excerpt=True)
    assert split_document(doc)[0].text.split("\n")[0].endswith("the mission that you…")


def test_whole_lines_headings_and_non_excerpts_are_not_cut() -> None:
    assert not is_cut("Visas are issued within three days.", last=True)
    assert not is_cut("Reception days", last=False)
    doc = Document(id="d", title="T", text="A paragraph that stops without a full stop but is whole as written here")
    assert "…" not in split_document(doc)[0].text


def test_hard_wrapped_lines_of_one_paragraph_are_joined_and_not_taken_for_cut_ones() -> None:
    text = ("The course was held for the civil servants of migration\n"
            "agencies of the region and aimed to improve their skills in migration.")
    doc = Document(id="d", title="T", text=text, excerpt=True)
    assert split_document(doc)[0].text == text.replace("\n", " ")


def test_a_passage_under_a_heading_carries_it_after_the_title_for_scoring() -> None:
    filler = " ".join(["Migration word"] * 80) + "."
    doc = Document(id="d", title="Consular services", text=f"Reception days\n{filler}\n{filler}")
    passages = split_document(doc)
    assert len(passages) == 2
    assert passages[1].title == "Consular services\nReception days" and "Reception days" not in passages[1].text


def test_a_hit_still_shows_the_release_title_not_the_heading() -> None:
    filler = " ".join(["Migration word"] * 80) + "."
    doc = Document(id="d", title="Consular services", text=f"Reception days\n{filler}\n{filler} Passports.")
    other = Document(id="o", title="Other", text="Something else entirely.")
    hit = Index.build([doc, other]).search("reception days passports", k=1)[0]
    assert hit.title == "Consular services"


def test_a_bulleted_lead_in_heads_its_own_part_and_is_not_an_item_of_the_line_before() -> None:
    lines = ["all working days (17:00–18:00)", "• Diplomatic passports are received:", "10:00–12:30"]
    assert introduced(lines, 0) == []
    assert introduced(lines, 1) == ["10:00–12:30"]


def test_a_bullet_alone_on_its_line_opens_the_next_line_as_a_list_item() -> None:
    text = "Adults submit the following documents:\n-\nIdentity card and its copy;\n-\nTwo photos (3x4 cm)."
    passage = split_document(Document(id="d", title="T", text=text))[0].text
    assert passage == ("Adults submit the following documents:\n- Identity card and its copy;\n"
                       "- Two photos (3x4 cm).")
    assert introduced(passage.split("\n"), 0) == ["- Identity card and its copy;", "- Two photos (3x4 cm)."]


def test_a_last_list_item_ending_in_a_colon_brings_what_it_introduces() -> None:
    lines = ["How to apply", "• Only complete applications will be accepted.",
             "• Please send all the above-mentioned documents to:", "Embassy of Azerbaijan, Consular Section,",
             "2741 34th Street, Washington, DC 20008", "Contacts"]
    assert introduced(lines, 0) == lines[1:5]


def test_a_line_ending_in_a_comma_goes_on_in_the_next_line() -> None:
    lines = ["Send the documents to:", "Embassy of Azerbaijan, Consular Section,", "2741 34th Street", "Other news"]
    assert introduced(lines, 0) == lines[1:3]


def test_a_cut_paragraph_ending_after_a_comma_keeps_its_last_word() -> None:
    assert trim_cut("the administrator of hotels, sanatorium, resorts, guest house,") == \
        "the administrator of hotels, sanatorium, resorts, guest house…"


def test_a_figure_after_a_dash_without_a_space_ends_a_table_row_not_a_cut_line() -> None:
    assert not is_cut("- Applications on establishment of the citizenship of the Republic of Azerbaijan- 775", False)


def test_a_long_heading_in_capitals_is_not_cut_unless_it_ends_the_excerpt() -> None:
    heading = "XARİCİ ÖLKƏLƏRDƏKİ AZƏRBAYCAN RESPUBLİKASI VƏTƏNDAŞLARININ UÇOTU VƏ HAQQI ÖDƏNİLƏN ƏMƏK FƏALİYYƏTİ İLƏ"
    assert not is_cut(heading, False)
    assert is_cut(heading, True)
