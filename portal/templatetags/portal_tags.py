import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import navigation
from portal.caching import changes
from portal.caching.release import release
from portal.security import rich_text

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def site_chrome(context):
    return navigation.site_chrome(context["request"])


@register.simple_tag
def content_version():
    """The content version, for the keys of fragment caches:
    ``{% content_version as version %}{% wagtailpagecache 86400 "name" version %}``.
    Reading it also applies the clock's changes (a meeting starting, a paper's time)."""
    version, _seconds = changes.version_and_seconds(limit=0)
    # With the release: a deploy never serves fragments its old templates wrote.
    return f"{release()}-{version}"


@register.simple_tag
def breadcrumbs(page):
    return navigation.breadcrumbs(page)


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block, safe against a ``</script>`` in the data."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )


@register.filter
def sanitised_rich_text(html):
    """Expanded rich text with only what an editor could have made (see rich_text)."""
    return rich_text.sanitise(html)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.filter
def contains_page(section, page):
    """Whether ``page`` is the menu item ``section`` or below it in the page tree."""
    return bool(page) and page.url_path.startswith(section["url_path"])


@register.simple_tag
def query_with(request, **changes):
    """The current query string with ``changes`` applied, e.g. for pagination links;
    a change to None removes that parameter."""
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def described_widget(field):
    """A form field's input, described by its help text and error when shown."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
