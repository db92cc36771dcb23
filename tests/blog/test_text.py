"""blog/text.py: the prose of a post body, as search and excerpts read it."""

from blog.text import body_texts


def test_a_blocks_prose_is_read_in_reading_order_however_its_keys_are_stored():
    """PostgreSQL's JSON stores a block's keys in an order of its own (short keys first); the
    text reads a reference as the page shows it: note, authors, title, venue."""
    stored_as_postgresql_does = {
        "url": "https://example.org/",
        "note": "See also",
        "year": "2021",
        "title": "Highly accurate protein structure prediction",
        "venue": "Nature",
        "authors": "Jumper, J.",
    }
    body = [
        {"type": "references", "value": {"entries": [stored_as_postgresql_does], "heading": "References"}}
    ]
    assert list(body_texts(body)) == [
        "See also",
        "Jumper, J.",
        "Highly accurate protein structure prediction",
        "Nature",
    ]
