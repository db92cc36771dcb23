"""search/excerpts.py: the excerpt reads a post's text only as far as it needs."""

from search.excerpts import EXCERPT_LENGTH, excerpt


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
