"""One site search over everything public.

Each app registers what it offers with :func:`register` (pages are registered here; the
meetings and funding apps register their own models from their ``AppConfig.ready``).
A source only ever hands over its *public* objects, so search cannot leak drafts.
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.blocks import StreamValue
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from portal import changes

MAX_RESULTS_PER_SOURCE = 200
SUMMARY_LENGTH = 240
# Newest first, in a form no index can serve. Ordered by the primary key itself, with
# a LIMIT, PostgreSQL walked every row of a model checking each against the full-text
# index (100 ms over 50,000 papers for a word in none); sorted, it reads the matches
# from the full-text index first, so a search costs what it finds (a word in every
# paper: 49 ms). The database backends all accept the expression.
NEWEST_FIRST = F("pk").desc(nulls_last=True)


@dataclass
class SearchHit:
    """One public object found by a search; described only when it is shown."""

    source: "SearchSource"
    obj: object
    score: float
    title: str = ""
    url: str = ""
    summary: str = ""

    @property
    def kind(self):
        return self.source.kind

    def describe(self, query):
        self.title, self.url, text = self.source.describe(self.obj)
        self.summary = highlight(text, query)
        return self


@dataclass(frozen=True)
class SearchSource:
    """A kind of public thing the site search can find.

    ``queryset`` returns the public objects to search (a Wagtail-indexed queryset);
    ``describe`` turns one of them into (title, url, plain text for the summary).
    """

    kind: str
    queryset: Callable
    describe: Callable

    def search(self, query):
        # No backend relevance: SQLite's database backend works out each match's
        # score with a full-text query of its own, so a word in 12,500 funded
        # projects took minutes. The hits are scored here instead, alike on every
        # backend, from the fields the model says are searched.
        queryset = self.queryset()
        if _backend_orders_by_expressions():
            queryset = queryset.order_by(NEWEST_FIRST)
        results = queryset.search(query, order_by_relevance=False)
        terms = query_terms(query)
        return [
            SearchHit(self, obj, relevance(obj, terms))
            for obj in results[:MAX_RESULTS_PER_SOURCE]
        ]


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource):
    _sources[source.kind] = source


@functools.cache
def _backend_orders_by_expressions():
    compiler = getattr(get_search_backend(), "query_compiler_class", None)
    return getattr(compiler, "HANDLES_ORDER_BY_EXPRESSIONS", False)


def search_everything(query):
    """All public hits for ``query``, best first.

    Only its words reach the search backend: on SQLite, punctuation such as a lone
    double quote is full-text query syntax, and a syntax error there was a 500.
    """
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    hits = []
    for source in _sources.values():
        hits.extend(source.search(words))
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits


def query_terms(query):
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def relevance(obj, terms):
    """How well ``obj`` matches: each term found in a searched field of its own
    counts that field's boost (a title usually counts more than a body)."""
    score = 0.0
    for field in obj.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        value = getattr(obj, field.field_name, None)
        if value is None or callable(value):
            continue
        if isinstance(value, StreamValue):
            value = stream_text(obj, field.field_name)
        text = str(value).lower()
        score += sum(field.boost or 1.0 for term in terms if term in text)
    return score


def stream_text(obj, field_name):
    """The words of a StreamField, rendered once per content version: rendering every
    matching page's body was most of a search's time."""
    return changes.cached(
        f"search:text:{obj._meta.label}:{obj.pk}:{field_name}",
        lambda: strip_tags(str(getattr(obj, field_name))),
    )


def highlight(text, query, length=SUMMARY_LENGTH):
    """A passage of ``text`` around the first matching term, terms wrapped in <mark>."""
    text = " ".join(strip_tags(text or "").replace("\0", "").replace("\1", "").split())
    terms = query_terms(query)
    if not terms:
        return escape(Truncator(text).chars(length))
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE
    )
    match = pattern.search(text)
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    passage = text[start : start + length]
    if start + length < len(text):
        passage = passage.rsplit(" ", 1)[0] + "…"
    if start > 0:
        passage = "…" + passage
    marked = pattern.sub(lambda m: "\0" + m.group(0) + "\1", passage)
    return mark_safe(escape(marked).replace("\0", "<mark>").replace("\1", "</mark>"))
