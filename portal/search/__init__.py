"""One site search over everything public.

Each app registers what it offers with :func:`register` (pages are registered here; the
meetings and funding apps register their own models from their ``AppConfig.ready``).
A source only ever hands over its *public* objects, so search cannot leak drafts.
"""

import functools
import hashlib
import math
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
from portal.search import prefilter, words

MAX_RESULTS_PER_SOURCE = 200
LISTING_DEPTH = 99
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
    """One public object found by a search; described only when it is shown.
    Kept in the cache with the search's other hits, so it names its source by key."""

    source_key: str
    obj: object
    score: float
    document: SearchDocument | None = None
    title: str = ""
    url: str = ""
    summary: str = ""
    committee: str = ""
    year: int | None = None

    @property
    def source(self):
        return _sources[self.source_key]

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
    facets: Callable | None = None

    @property
    def key(self):
        return f"{self.kind}:{self.model._meta.label}"

    @property
    def is_page(self):
        return self.specific is not None

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
        terms = words.terms(query)
        if self.specific is None:
            hits = [
                SearchHit(self.key, obj, relevance(field_texts(obj), terms))
                for obj in objects
            ]
        else:
            hits = [
                SearchHit(self.key, obj, relevance(document.fields, terms), document)
                for obj, document in zip(objects, self.documents(objects), strict=True)
            ]
        if self.facets:
            for hit in hits:
                hit.committee, hit.year = self.facets(hit.obj)
        return hits

    def all_fields(self, limit):
        """The searched fields of up to ``limit`` public objects, for the words of
        "Did you mean"."""
        objects = list(self.queryset()[:limit])
        if self.specific is None:
            return [field_texts(obj) for obj in objects]
        return [document.fields for document in self.documents(objects)]

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


@dataclass(frozen=True)
class ListingSource:
    """Lists a visitor reads that are routes of an index page, not pages of their
    own (the funded projects, the Enterprise Zone sites). ``listings`` returns
    (title, url, text) of each, kept until content changes; they are few, so their
    words are matched here, alike on every database, with the same stems.
    """

    name: str
    listings: Callable
    kind: str = "Page"
    content_types = None
    is_page = True

    @property
    def key(self):
        return f"listing:{self.name}"

    def documents(self):
        return [
            SearchDocument(
                title, url, text, ((3.0, title.lower()), (1.0, text.lower()))
            )
            for title, url, text in self.listings()
        ]

    def kept_documents(self):
        return changes.cached(f"search:listing:{self.name}", self.documents)

    def all_fields(self, limit):
        return [document.fields for document in self.kept_documents()[:limit]]

    def search(self, query):
        terms = words.terms(query)
        kept = self.kept_documents()
        return [
            SearchHit(self.key, None, relevance(document.fields, terms), document)
            for document in kept
            if words.contains_all(document.fields, terms)
        ]


_sources: dict[str, SearchSource | ListingSource] = {}


def register(source: SearchSource | ListingSource):
    _sources[source.key] = source


@functools.cache
def _backend_orders_by_expressions():
    return internals.orders_by_expressions(get_search_backend())


def search_everything(query):
    """All public hits for ``query``, best first, kept until content changes: a
    word common in 100,000 records costs a tenth of a second to find and score.

    Only its words reach the search backend: on SQLite, punctuation such as a lone
    double quote is full-text query syntax, and a syntax error there was a 500.
    """
    query_words = words.backend_words(query)
    if not query_words:
        return []
    digest = hashlib.sha256(query_words.encode()).hexdigest()
    return changes.cached(f"search:hits:{digest}", lambda: _ranked(query_words))


def _ranked(query_words):
    matching = prefilter.matching_content_types(query_words)
    hits = []
    for source in _sources.values():
        if (
            matching is None
            or source.content_types is None
            or source.content_types & matching
        ):
            hits.extend(source.search(query_words))
    hits.sort(key=rank, reverse=True)
    return hits


def rank(hit):
    """Best first: an exact title, then the query as a phrase in a title; then
    pages before the records listed beneath them, and a page before the pages
    beneath it (a list that is a route of a page counts as beneath every page);
    then by score."""
    exact, in_title, score = hit.score
    depth = getattr(hit.obj, "depth", None) or LISTING_DEPTH
    return (exact, in_title, hit.source.is_page, -depth, score)


def suggestion(query):
    """A corrected spelling of ``query`` from the site's own words, or ``""``."""
    from portal.search.suggestions import did_you_mean

    return did_you_mean(query, list(_sources.values()))


def query_terms(query):
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def field_texts(obj):
    """Each searched field of ``obj`` as (its boost, its text in lower case): its
    own fields, methods, and fields of a related object it has loaded already."""
    texts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.RelatedFields):
            related = _loaded_relation(obj, field.field_name)
            if related is not None:
                texts.extend(
                    (1.0, text)
                    for sub in field.fields
                    if isinstance(sub, index.SearchField)
                    and (text := _text(related, sub.field_name))
                )
            continue
        if not isinstance(field, index.SearchField):
            continue
        text = _text(obj, field.field_name)
        if text:
            texts.append((field.boost or 1.0, text))
    return tuple(texts)


def _loaded_relation(obj, name):
    """The object of a foreign key already loaded with ``obj`` (select_related),
    never fetched: a search must not ask one query per result."""
    try:
        field = obj._meta.get_field(name)
    except Exception:
        return None
    if not (field.many_to_one or field.one_to_one) or not field.is_cached(obj):
        return None
    return field.get_cached_value(obj)


def _text(obj, name):
    value = getattr(obj, name, None)
    if callable(value):
        value = value()
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        value = strip_tags(str(value))
    return strip_tags(str(value)).lower()


def relevance(fields, terms):
    """How well an object matches ``terms`` (from ``words.terms``), as a tuple
    compared in order: the title is exactly the query; the title holds the query
    as a phrase; then a score where each term counts its field's boost, more
    often a little more, and the whole query as a phrase counts again. The title
    is the field with the highest boost."""
    if not terms or not fields:
        return (False, False, 0.0)
    title_boost = max(boost for boost, _ in fields)
    exact = in_title = False
    score = 0.0
    for boost, text in fields:
        tokens = words.tokens(text)
        is_title = boost == title_boost
        found = {term: tokens.count(term) for term in terms}
        score += sum(boost * (1 + math.log(n)) for n in found.values() if n)
        phrase = words.has_phrase(tokens, terms)
        if phrase and len(terms) > 1:
            score += boost * len(terms)
        if is_title and phrase:
            in_title = True
            exact = exact or tokens == terms
    return (exact, in_title, round(score, 3))


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
