"""Reading the public query string: page numbers, years and searches are parsed here.

Each reader takes whatever text a visitor sent and returns a usable value, or says it
was not usable, and never raises: ``?page=abc`` shows the first page, ``?year=<script>``
is ignored with a message. Only ASCII digits count as digits, because ``"²".isdigit()``
is true and ``int("²")`` raises. (Filter bars are Django forms: ``portal.filters``.)
"""

import re

from django.core.paginator import Paginator

from portal.caching import changes

MAX_PAGE = 99_999
MIN_YEAR = 1900
MAX_YEAR = 2199
MAX_SEARCH_LENGTH = 200

_PAGE = re.compile(r"[0-9]{1,5}")
_YEAR = re.compile(r"[0-9]{4}")
YEAR_ERROR = (
    f"The year must be four digits between {MIN_YEAR} and {MAX_YEAR}, like 2025: "
    "showing every year."
)


def page_number(request, name="page"):
    """The page number in ``?page=`` as an int from 1; 1 when missing or not a number.

    A number past the last page is the paginator's to handle (it shows the last one).
    """
    raw = request.GET.get(name, "").strip()
    if _PAGE.fullmatch(raw) and 0 < int(raw) <= MAX_PAGE:
        return int(raw)
    return 1


def paginate(request, queryset, per_page, count_key):
    """The page of ``queryset`` that ``?page=`` asks for (the last, past the end), its
    rows not yet read. The total is kept under ``count_key`` until content changes:
    counting 100,000 rows on every view would make a list slower as it grows."""
    paginator = Paginator(queryset, per_page)
    paginator.count = changes.cached(count_key, queryset.count)
    return paginator.get_page(page_number(request))


def year(raw):
    """``(year, error)``: the year as an int, or ``None`` and a message if it is bad.

    Blank is ``(None, None)``: no filter was asked for.
    """
    raw = (raw or "").strip()
    if not raw:
        return None, None
    if _YEAR.fullmatch(raw) and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw), None
    return None, YEAR_ERROR


def search_query(raw):
    """``(query, was_shortened)``: the words of a search, spaced once, at most 200
    characters, with control characters (NUL among them) removed."""
    printable = "".join(c if c.isprintable() else " " for c in raw or "")
    query = " ".join(printable.split())
    if len(query) > MAX_SEARCH_LENGTH:
        return query[:MAX_SEARCH_LENGTH].rstrip(), True
    return query, False
