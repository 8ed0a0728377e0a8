from django import template

from meetings import queries

register = template.Library()


@register.inclusion_tag("meetings/includes/papers_failing_checks.html")
def papers_failing_checks():
    """The public meeting papers that fail the accessibility checks, and why: for the
    accessibility statement."""
    return queries.papers_failing_checks()
