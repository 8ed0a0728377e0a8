import functools

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal import query as parse
from portal import search
from portal.search.forms import SearchFilterForm

RESULTS_PER_PAGE = 10


@require_GET
def search_view(request):
    """The search page; its results are kept whole under the content version, keyed
    by the whole query string, which their links repeat (``portal/search.html``), so
    ``found`` runs only when they are written afresh."""
    query, too_long = parse.search_query(request.GET.get("q", ""))
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "query_was_shortened": too_long,
            "found": functools.partial(found, request, query),
        },
    )


def found(request, query):
    """The hits for ``query`` as the results show them: the filter bar, the page of
    results asked for, and a spelling to suggest when nothing is found."""
    hits = search.search_everything(query)
    form = SearchFilterForm(request.GET, hits)
    results = Paginator(form.filtered(), RESULTS_PER_PAGE).get_page(
        parse.page_number(request)
    )
    for hit in results:
        hit.describe(query)
    return {
        "form": form,
        "results": results,
        "did_you_mean": "" if hits else search.suggestion(query),
    }


@require_GET
def robots_txt(request):
    return render(request, "portal/robots.txt", content_type="text/plain")
