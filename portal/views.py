from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal import query as parse
from portal import search
from portal.search.forms import SearchFilterForm

RESULTS_PER_PAGE = 10


@require_GET
def search_view(request):
    query, too_long = parse.search_query(request.GET.get("q", ""))
    results = form = None
    did_you_mean = ""
    if query:
        hits = search.search_everything(query)
        form = SearchFilterForm(request.GET, hits)
        paginator = Paginator(form.filtered(), RESULTS_PER_PAGE)
        results = paginator.get_page(parse.page_number(request))
        for hit in results:
            hit.describe(query)
        if not hits:
            did_you_mean = search.suggestion(query)
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "results": results,
            "query_was_shortened": too_long,
            "did_you_mean": did_you_mean,
            "form": form,
        },
    )


@require_GET
def robots_txt(request):
    return render(request, "portal/robots.txt", content_type="text/plain")
