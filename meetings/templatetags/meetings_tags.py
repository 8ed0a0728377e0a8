from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

register = template.Library()

# One meeting in a list. Written here rather than in a template: a listing shows 25,
# and the template engine's cost per item was close to half of the page's time.
MEETING_ITEM = (
    '<li class="meeting-item"><h{level} class="meeting-item__title">'
    '<a href="{url}">{title}</a></h{level}><p class="meeting-item__meta">'
    '<time datetime="{iso}">{when}</time>{venue} · '
    '<span class="status-tag status-tag--{status}">{status_label}</span></p></li>'
)


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


@register.simple_tag
def meeting_items(meetings, index_url, level=3):
    """The list items of ``meetings``, their titles as headings of ``level``. Every
    value is escaped here."""
    items = []
    for meeting in meetings:
        venue = f" · {escape(meeting.venue)}" if meeting.venue else ""
        items.append(
            MEETING_ITEM.format(
                level=int(level),
                url=escape(meeting.get_url(index_url or "")),
                title=escape(meeting.display_title),
                iso=iso_time(meeting.start),
                when=escape(long_time(meeting.start)),
                venue=venue,
                status=escape(meeting.status),
                status_label=escape(meeting.status_label),
            )
        )
    return mark_safe("".join(items))
