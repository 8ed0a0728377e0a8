from django import template

register = template.Library()


@register.filter
def meeting_url(meeting, index_url):
    """A meeting's public URL under the meetings index at ``index_url``."""
    return meeting.get_url(index_url or "")


@register.filter
def document_url(document, index_url):
    return document.get_url(index_url or "")
