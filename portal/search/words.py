"""The words of a search and of what it searches, read alike on every database.

The databases stem words themselves (SQLite's FTS5 with Porter, PostgreSQL's English
configuration) to find what matches; here, in Python, the same light rules rank what
they found and match the few lists that are not in their index. Amounts are read as
the site writes them: "£270 million", "£270m" and "270m" are all ``270m``.
"""

import re

_AMOUNT = re.compile(
    r"£?\s*(\d+(?:\.\d+)?)\s*(m|million|bn|billion)(?![\w²³])", re.IGNORECASE
)
_WORD = re.compile(r"\w+")
# A decimal stays whole for the backends: PostgreSQL reads "£12.5m" as "12.5" and
# "m", and matches "12.5m" only when asked for it whole. SQLite reads both as "12"
# and "5m".
_BACKEND_WORD = re.compile(r"\d+(?:\.\d+)+[^\W\d_]*|\w+")


def _short_amount(match):
    unit = match.group(2).lower()
    return match.group(1) + ("bn" if unit.startswith("b") else "m")


def normalise(text):
    """``text`` in lower case with each amount in millions or billions written
    short: "£270 million" is "270m"."""
    return _AMOUNT.sub(_short_amount, text.lower())


def stem(word):
    """``word`` without a plural ending: zones, zone; businesses, business;
    companies, company. Close enough to the databases' stemmers to rank by."""
    if len(word) > 4 and word.endswith("ies") and word[-4] not in "aeiou":
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text):
    return [stem(word) for word in _WORD.findall(normalise(text))]


def terms(query):
    """The words of ``query`` that count, stemmed, in order."""
    return [term for term in tokens(query) if len(term) > 1 or term.isdigit()]


def backend_words(query):
    """``query`` as plain words for the search backend: amounts written short,
    and no punctuation but a decimal point, which SQLite's full-text search would
    read as syntax (the backends quote each word)."""
    return " ".join(_BACKEND_WORD.findall(normalise(query)))


def has_phrase(field_tokens, query_terms):
    """Whether ``query_terms`` appear together, in order, in ``field_tokens``."""
    size = len(query_terms)
    if not size:
        return False
    return any(
        field_tokens[start : start + size] == query_terms
        for start in range(len(field_tokens) - size + 1)
    )


def contains_all(fields, query_terms):
    """Whether every one of ``query_terms`` is in some field of ``fields``."""
    found = set()
    for _, text in fields:
        found.update(tokens(text))
    return bool(query_terms) and set(query_terms) <= found
