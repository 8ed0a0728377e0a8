"""Refusing requests no view can read, with a page that says what was wrong."""

from urllib.parse import unquote_to_bytes

from django.shortcuts import render

NUL_PROBLEM = (
    "The web address contains a NUL character (%00), which no page of this site "
    "uses. Remove it from the address and try again."
)
ENCODING_PROBLEM = (
    "The web address contains characters that are not valid UTF-8 text. Type the "
    "address again, or follow the link from the page you came from."
)


def problem_with(request):
    """Why the request's path or query string cannot be read, or ``None``.

    A NUL must stop here: PostgreSQL refuses it in any query, so a lookup of the path
    (Wagtail's page routing, the redirects table) or of a parameter would be a 500.
    """
    raw_query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    if "\0" in request.path_info or b"\0" in raw_query:
        return NUL_PROBLEM
    try:
        raw_query.decode("utf-8")
    except UnicodeDecodeError:
        return ENCODING_PROBLEM
    return None


class RefuseUnreadableRequestsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = problem_with(request)
        if problem:
            return render(request, "400.html", {"problem": problem}, status=400)
        return self.get_response(request)
