from django.http import Http404
from wagtail.models import Page


class DirectRouteMixin:
    """Routes a URL to its page with one lookup instead of one per level of the tree.

    Wagtail walks down the tree a level at a time, two queries a level. This finds the
    deepest page whose URL path starts the request's path in one query, then lets that
    page route whatever is left (a routable page's sub-pages, or a 404).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.descendant_of(self)
            .filter(url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            raise Http404
        remaining = path_components[
            deepest.url_path.count("/") - self.url_path.count("/") :
        ]
        return deepest.specific.route(request, remaining)
