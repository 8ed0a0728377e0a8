"""The public form that asks for a paper in another format (see
``meetings.format_requests``).

Its answers carry the visitor's name and address, so none is kept by the page cache
or a CDN (``never_cache``). Posts need Django's CSRF token, which also checks the
``Origin`` header, as the contact form does.
"""

from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from meetings import board_queries, format_requests, queries
from portal.security import ratelimit

TEMPLATE = "meetings/format_request.html"


def _render(request, page, status=200, **context):
    response = page.render(request, template=TEMPLATE, context_overrides=context)
    response.status_code = status
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def other_format(request, page, pk):
    document = get_object_or_404(queries.requestable_documents(), pk=pk)
    if request.method == "GET":
        form = format_requests.FormatRequestForm()
        return _render(request, page, document=document, form=form)
    if not ratelimit.allow_request(
        request,
        "format-request",
        format_requests.REQUESTS_PER_IP,
        format_requests.WINDOW_SECONDS,
    ):
        form = format_requests.FormatRequestForm()
        return _render(request, page, 429, document=document, form=form, too_many=True)
    form = format_requests.FormatRequestForm(request.POST)
    if form.is_spam:
        return _render(request, page, document=document, sent=True)
    if not form.is_valid():
        return _render(request, page, 400, document=document, form=form)
    board_settings = board_queries.board_settings(request)
    made = format_requests.receive(document, form.cleaned_data, board_settings)
    return _render(request, page, document=document, sent=True, due_on=made.due_on)
