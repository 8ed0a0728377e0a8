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

from portal import internals
from portal.caching import changes
from portal.search import prefilter

MAX_RESULTS_PER_SOURCE = 200
SUMMARY_LENGTH = 240
# Newest first, in a form no index can serve. Ordered by the primary key itself, with
# a LIMIT, PostgreSQL walked every row of a model checking each against the full-text
# index, even for a word found nowhere; sorted, it reads the matches from the
# full-text index first, so a search costs what it finds. The database backends all
# accept the expression.
NEWEST_FIRST = F("pk").desc(nulls_last=True)


@dataclass(frozen=True)
class SearchDocument:
    """What search needs of a page, kept until content changes: its title, address,
    words for the passage shown and the text of each searched field."""

    title: str
    url: str
    text: str
    fields: tuple[tuple[float, str], ...]


@dataclass
class SearchHit:
    """One public object found by a search; described only when it is shown."""

    source: "SearchSource"
    obj: object
    score: float
    document: SearchDocument | None = None
    title: str = ""
    url: str = ""
    summary: str = ""

    @property
    def kind(self):
        return self.source.kind

    def describe(self, query):
        if self.document:
            document = self.document
            self.title, self.url, text = document.title, document.url, document.text
        else:
            self.title, self.url, text = self.source.describe(self.obj)
        self.summary = highlight(text, query)
        return self


@dataclass(frozen=True)
class SearchSource:
    """A kind of public thing the site search can find.

    ``model`` is the indexed model (with its subclasses); ``queryset`` returns its
    public objects to search; ``describe`` turns one of them into (title, url, plain
    text for the summary).

    Pages come from ``queryset`` as base pages: ``specific`` turns a list of them into
    their specific pages, and what search needs of each is kept as a SearchDocument.
    Loading their specific fields and rendering their StreamFields on every search
    were most of its time.
    """

    kind: str
    model: type
    queryset: Callable
    describe: Callable
    specific: Callable | None = None

    @functools.cached_property
    def content_types(self):
        return set(internals.indexed_content_types(self.model))

    def search(self, query):
        # No backend relevance: SQLite's database backend works out each match's
        # score with a full-text query of its own, so a word in 12,500 funded
        # projects took minutes. The hits are scored here instead, alike on every
        # backend, from the fields the model says are searched.
        queryset = self.queryset()
        if _backend_orders_by_expressions():
            queryset = queryset.order_by(NEWEST_FIRST)
        results = queryset.search(query, order_by_relevance=False)
        objects = list(results[:MAX_RESULTS_PER_SOURCE])
        terms = query_terms(query)
        if self.specific is None:
            return [
                SearchHit(self, obj, relevance(field_texts(obj), terms))
                for obj in objects
            ]
        return [
            SearchHit(self, obj, relevance(document.fields, terms), document)
            for obj, document in zip(objects, self.documents(objects), strict=True)
        ]

    def documents(self, objects):
        """The SearchDocument of each of ``objects``, which are live: the public
        queryset found them, so a draft's words are never kept."""
        label = self.model._meta.label
        by_name = {f"search:{label}:{obj.pk}": obj for obj in objects}

        def compute(names):
            specific = self.specific([by_name[name] for name in names])
            return {
                name: SearchDocument(*self.describe(obj), field_texts(obj))
                for name, obj in zip(names, specific, strict=True)
            }

        kept = changes.cached_many(list(by_name), compute)
        return [kept[name] for name in by_name]


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource):
    _sources[source.kind] = source


@functools.cache
def _backend_orders_by_expressions():
    return internals.orders_by_expressions(get_search_backend())


def search_everything(query):
    """All public hits for ``query``, best first.

    Only its words reach the search backend: on SQLite, punctuation such as a lone
    double quote is full-text query syntax, and a syntax error there was a 500.
    """
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    matching = prefilter.matching_content_types(words)
    hits = []
    for source in _sources.values():
        if matching is None or source.content_types & matching:
            hits.extend(source.search(words))
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits


def suggestion(query):
    """A corrected spelling of ``query`` from the site's own words, or ``""``."""
    from portal.search.suggestions import did_you_mean

    return did_you_mean(query, list(_sources.values()))


def query_terms(query):
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def field_texts(obj):
    """Each searched field of ``obj`` as (its boost, its text in lower case)."""
    texts = []
    for field in obj.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        value = getattr(obj, field.field_name, None)
        if value is None or callable(value):
            continue
        if isinstance(value, StreamValue):
            value = strip_tags(str(value))
        texts.append((field.boost or 1.0, str(value).lower()))
    return tuple(texts)


def relevance(fields, terms):
    """How well an object matches: each term found in one of its searched fields
    counts that field's boost (a title usually counts more than a body)."""
    return sum(boost for boost, text in fields for term in terms if term in text)


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
