"""search/corrections.py: which words a "Did you mean" corrects, from the vocabulary alone."""

import pytest

from search.corrections import MAX_CORRECTED_WORDS, correct
from search.models import Word
from search.query import parse

pytestmark = pytest.mark.django_db


def test_a_slip_is_corrected_to_the_most_frequent_word_one_slip_away():
    Word.add({"forecasting": (3, 0), "forecastings": (1, 0)})
    assert str(correct(parse("forcasting"))) == "forecasting"


def test_a_word_is_never_corrected_to_a_common_word_the_search_leaves_out():
    """ "into" is one slip from "inte", but a search leaves it out of the query: it would search
    "qubits" alone and call that a correction."""
    Word.add({"into": (50, 0), "qubits": (2, 0)})
    assert correct(parse("qubits inte")) is None


def test_in_a_long_query_the_unknown_word_is_corrected_whatever_its_length():
    known = ["observatory", "wroclaw", "tromso", "winter", "arctic"]
    Word.add({word: (1, 0) for word in [*known, "polar"]})
    assert len(known) >= MAX_CORRECTED_WORDS  # the slip is not among the longest words
    assert str(correct(parse(" ".join([*known, "polra"])))) == " ".join([*known, "polar"])


def test_a_slip_in_a_form_no_post_has_is_corrected_from_the_other_form():
    Word.add({"epidemiologists": (2, 0), "model": (3, 0)})
    assert str(correct(parse("epidemiologsit"))) == "epidemiologist"  # the singular, with a slip
    assert str(correct(parse("modles"))) == "models"  # the plural, with a slip


def test_a_word_one_slip_away_as_written_wins_over_another_form():
    Word.add({"model": (1, 0), "modes": (9, 0)})
    assert str(correct(parse("modl"))) == "model"  # "mode" + "s" is commoner, but not what was typed
