from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def meeting_url(meeting, index_url):
    """A meeting's public URL under the meetings index at ``index_url``."""
    return meeting.get_url(index_url or "")


@register.filter
def document_url(document, index_url):
    return document.get_url(index_url or "")


@register.filter
def iso_time(value):
    """A date-time in UK time, ISO 8601: the date filter's "c"."""
    return timezone.localtime(value).isoformat()


@register.filter
def long_time(value):
    """ "Thursday 5 March 2026, 10:00 a.m." in UK time: the date filter's
    "l j F Y, g:i a", which spent more than half of each listed meeting's render
    parsing its format."""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    noon = "a.m." if local.hour < 12 else "p.m."
    return f"{local:%A} {local.day} {local:%B} {local.year}, {hour}:{local:%M} {noon}"
