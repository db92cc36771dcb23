"""Cells for the subscriber and delivery exports that spreadsheet programs read as text."""

# A spreadsheet program reads a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    """A CSV value that no spreadsheet program will run as a formula (OWASP's advice: a quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
