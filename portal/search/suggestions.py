"""“Did you mean”: a misspelt word corrected from the site's own words.

The vocabulary is the words of what every search source makes public (titles and
searched fields), kept until content changes. The nearest word is found in Python with
difflib, so SQLite and PostgreSQL suggest the same thing.
"""

import difflib
import re

from portal.caching import changes

OBJECTS_PER_SOURCE = 2000
MAX_WORDS = 20000
SHORTEST_WORD = 3
SIMILARITY = 0.75


def _words(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def vocabulary(sources):
    """The site's public words, most frequent first, at most MAX_WORDS of them."""

    def build():
        counts = {}
        for source in sources:
            for fields in source.all_fields(OBJECTS_PER_SOURCE):
                for _, text in fields:
                    for word in _words(text):
                        if len(word) >= SHORTEST_WORD:
                            counts[word] = counts.get(word, 0) + 1
        ranked = sorted(counts, key=lambda word: (-counts[word], word))
        return ranked[:MAX_WORDS]

    return changes.cached("search:vocabulary", build)


def did_you_mean(query, sources):
    """``query`` with each word the site never uses replaced by the nearest one it
    does, or ``""`` when there is nothing to correct."""
    words = _words(query)
    if not words:
        return ""
    known = vocabulary(sources)
    known_set = set(known)
    corrected = []
    for word in words:
        if word in known_set or len(word) < SHORTEST_WORD + 1:
            corrected.append(word)
            continue
        nearest = difflib.get_close_matches(word, known, n=1, cutoff=SIMILARITY)
        corrected.append(nearest[0] if nearest else word)
    return " ".join(corrected) if corrected != words else ""
