"""search/excerpts.py: the excerpt reads a post's text only as far as it needs, shows a quoted
phrase where it stands, marked as one run, and sets apart the pieces of text it joins."""

import pytest

from search.excerpts import EXCERPT_LENGTH, excerpt

from ..conftest import text_of
from ..factories import heading, paragraph, reference
from .test_search_results import make_post, results, search


def pieces_then_fail(*pieces):
    """The pieces, then an error if read any further."""
    yield from pieces
    raise AssertionError("read past what the excerpt needs")


def test_reading_stops_once_there_is_enough_text_after_the_first_term():
    long_paragraph = "Narwhals dive deep. " * 20
    result = excerpt(pieces_then_fail("A lead about narwhals.", long_paragraph), ["narwhals"])
    assert result.startswith("A lead about <mark>narwhals</mark>.")
    assert result.endswith("…")  # more text follows, as it does in the post


def test_reading_goes_on_until_a_term_turns_up():
    filler = "Nothing to see here. " * 30
    result = excerpt(iter(["Lead.", filler, filler, "At last a narwhal.", "More."]), ["narwhal"])
    assert "<mark>narwhal</mark>" in result
    assert result.startswith("…")  # cut near the match, far down the post


def test_pieces_give_the_excerpt_of_the_whole_text():
    pieces = ["  Short   lead. ", "", "Body with data\nand more data. " * 30, "End & <b>."]
    whole = " ".join(pieces)
    for terms in (["data"], ["end"], ["absent"], ["x"], []):
        assert excerpt(pieces, terms) == excerpt([whole], terms)
    assert len(excerpt(pieces, ["absent"])) <= EXCERPT_LENGTH + 1  # the start, with an ellipsis


def test_letters_without_a_separate_accent_are_marked_for_their_spelling_out():
    result = excerpt(["Winter in Tromsø, Łódź and the Karl-Marx-Straße."], ["tromso", "lodz", "strasse"])
    assert result == "Winter in <mark>Tromsø</mark>, <mark>Łódź</mark> and the Karl-Marx-<mark>Straße</mark>."


def test_common_words_of_a_phrase_are_not_marked_wherever_they_stand():
    text = ["The ferry crossed the Baltic; the crew slept."]
    assert excerpt(text, ["the", "baltic"]) == "The ferry crossed the <mark>Baltic</mark>; the crew slept."
    # A query of common words only ("the who") still marks them: they are all it has.
    assert excerpt(["The Who played."], ["the", "who"]) == "<mark>The</mark> <mark>Who</mark> played."


def test_a_word_with_a_soft_hyphen_inside_is_one_word_and_marked_whole():
    result = excerpt(["Reading gen\u00adomes, and a genome."], ["genomes"])
    assert result == "Reading <mark>gen\u00adomes</mark>, and a <mark>genome</mark>."


# Quoted phrases ---------------------------------------------------------------------------------


def test_a_quoted_phrase_is_marked_as_one_run_where_it_stands_and_its_words_nowhere_else():
    pieces = ["New ideas on trade.", "Ports grow.", "Frankopan, P.", "The New Silk Roads", "Bloomsbury"]
    result = excerpt(pieces, [("new", "silk", "road")])
    assert "<mark>New Silk Roads</mark>" in result  # any form of the words, as the search matched them
    assert result.count("<mark>") == 1  # not the "New" of the lead


def test_a_phrase_is_found_through_possessives_punctuation_and_invisible_characters():
    assert excerpt(["Europe’s first data-driven city."], [("europe", "first")]) == (
        "<mark>Europe’s first</mark> data-driven city."
    )
    assert excerpt(["A data-driven city."], [("data", "driven")]) == "A <mark>data-driven</mark> city."
    assert excerpt(["Sequencing gen\u00adomes at scale."], [("genomes", "at", "scale")]) == (
        "Sequencing <mark>gen\u00adomes at scale</mark>."
    )


def test_common_words_inside_a_phrase_stand_for_any_word_as_on_postgresql():
    """PostgreSQL's index holds no common words: "the Baltic" is "baltic" after any word."""
    text = ["The ferry crossed the Baltic; the crew slept."]
    assert excerpt(text, [("the", "baltic")]) == "The ferry crossed <mark>the Baltic</mark>; the crew slept."


def test_the_excerpt_is_cut_around_the_phrase_not_around_a_word_of_it_found_earlier():
    filler = "Nothing new to report today. " * 30
    result = excerpt([filler, "We travelled the new silk road by train.", filler], [("new", "silk", "road")])
    assert "We travelled the <mark>new silk road</mark> by train." in result
    assert result.count("<mark>") == 1
    assert result.startswith("…") and result.endswith("…")


def test_a_phrase_and_plain_words_are_marked_each_as_searched():
    result = excerpt(["China and the new silk road; new ports in China."], [("new", "silk", "road"), "china"])
    assert result == "<mark>China</mark> and the <mark>new silk road</mark>; new ports in <mark>China</mark>."


def test_a_phrase_the_text_does_not_hold_as_such_still_marks_its_words():
    """PostgreSQL may match a phrase running from the title into the text: the words are shown."""
    assert excerpt(["Road works ahead."], [("silk", "road")]) == "<mark>Road</mark> works ahead."


# Pieces of text (blocks, entries, fields) ---------------------------------------------------------


def test_pieces_without_closing_punctuation_are_set_apart():
    pieces = ["Docking points in Noord, 2023", "Gemeente Amsterdam", "Deelfietsen in Amsterdam 2023"]
    assert excerpt(pieces, ["docking"]) == (
        "<mark>Docking</mark> points in Noord, 2023 · Gemeente Amsterdam · Deelfietsen in Amsterdam 2023"
    )
    # A piece that ends a sentence needs nothing more.
    assert excerpt(["Smith, J.", "Why it matters", "It does."], ["smith"]) == (
        "<mark>Smith</mark>, J. Why it matters · It does."
    )


def test_an_excerpt_cut_near_a_separator_neither_starts_nor_ends_with_it():
    pieces = [f"Entry {n} on sea rise" for n in range(40)]
    pieces[20] = "Entry 20 on sea level rise"
    for length in range(40, 80):
        cut = excerpt(pieces, ["level"], length=length)
        assert "<mark>level</mark>" in cut
        assert cut.startswith("…") and cut.endswith("…")
        assert not cut.removesuffix("…").endswith((" ", "·")), cut
        assert not cut.removeprefix("…").startswith((" ", "·")), cut


# On the results page ------------------------------------------------------------------------------


def reading_list(*entries, kind="reading_list"):
    return {"type": kind, "value": {"heading": "Further reading", "entries": list(entries)}}


SILK_ROAD = reference(authors="Frankopan, P.", title="The New Silk Roads", venue="Bloomsbury")
PHRASE_PLACES = {
    "body": {"body": [paragraph("<p>Trains now run the new silk road to Duisburg.</p>")]},
    "references": {"body": [paragraph("<p>Trains run.</p>"), reading_list(SILK_ROAD, kind="references")]},
    "reading list": {"body": [paragraph("<p>Trains run.</p>"), reading_list(SILK_ROAD)]},
    "lead": {"lead": "Why the new silk road matters", "body": [paragraph("<p>Trains run.</p>")]},
}


def excerpt_of(response):
    [item] = results(response)
    return item.find(class_="search-result__excerpt")


@pytest.mark.parametrize("place", PHRASE_PLACES)
def test_the_excerpt_shows_and_marks_a_quoted_phrase_wherever_it_stands(blog_index, client, place):
    filler = " ".join(f"filler{n}" for n in range(60))
    fields = {"lead": f"New ideas on trade. {filler}", **PHRASE_PLACES[place]}
    if place != "body":
        fields["body"] = [paragraph(f"<p>A new chapter. {filler}</p>"), *fields["body"]]
    make_post(blog_index, title="Trade routes", **fields)
    excerpt = excerpt_of(search(client, query='"new silk road"'))
    phrase = "new silk road" if place in ("body", "lead") else "new silk roads"  # as the search matched it
    assert [text_of(mark).lower() for mark in excerpt.find_all("mark")] == [phrase]


def test_the_excerpt_sets_apart_headings_entries_and_their_fields(blog_index, client):
    make_post(
        blog_index,
        title="Shared bikes",
        lead="Counting bikes",
        body=[
            heading("Where the bikes stand"),
            paragraph("<p>Docks fill up by nine.</p><ul><li>Noord</li><li>Oost</li></ul>"),
            reading_list(
                reference(title="Docking points in Noord, 2023", venue="Gemeente Amsterdam"),
                reference(title="Deelfietsen in Amsterdam 2023", venue="Het Parool"),
                kind="references",
            ),
        ],
    )
    excerpt = excerpt_of(search(client, query="bikes"))
    assert text_of(excerpt) == (
        "Counting bikes · Where the bikes stand · Docks fill up by nine. Noord · Oost · "
        "Docking points in Noord, 2023 · Gemeente Amsterdam · Deelfietsen in Amsterdam 2023 · Het Parool"
    )
    # The words of list items are words of their own, for the search too.
    assert [text_of(item.find("h2")) for item in results(search(client, query="oost"))] == ["Shared bikes"]
