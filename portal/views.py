from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal import search

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def page_number(request):
    """The ``page`` query parameter as a positive int; 1 when it is missing or bad."""
    raw = request.GET.get("page", "1")
    if raw.isdigit() and len(raw) < 7 and int(raw) > 0:
        return int(raw)
    return 1


@require_GET
def search_view(request):
    query = " ".join(request.GET.get("q", "").replace("\0", "").split())
    too_long = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    results = None
    if query:
        paginator = Paginator(search.search_everything(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(page_number(request))
        except (EmptyPage, PageNotAnInteger):
            results = paginator.page(paginator.num_pages)
        for hit in results:
            hit.describe(query)
    return render(
        request,
        "portal/search.html",
        {"query": query, "results": results, "query_was_shortened": too_long},
    )


@require_GET
def robots_txt(request):
    return render(request, "portal/robots.txt", content_type="text/plain")
