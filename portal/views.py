from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal import query as parse
from portal import search

RESULTS_PER_PAGE = 10


@require_GET
def search_view(request):
    query, too_long = parse.search_query(request.GET.get("q", ""))
    results = None
    did_you_mean = ""
    if query:
        paginator = Paginator(search.search_everything(query), RESULTS_PER_PAGE)
        results = paginator.get_page(parse.page_number(request))
        for hit in results:
            hit.describe(query)
        if not paginator.count:
            did_you_mean = search.suggestion(query)
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "results": results,
            "query_was_shortened": too_long,
            "did_you_mean": did_you_mean,
        },
    )


@require_GET
def robots_txt(request):
    return render(request, "portal/robots.txt", content_type="text/plain")
