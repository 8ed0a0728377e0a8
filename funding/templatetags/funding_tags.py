from decimal import Decimal
from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# One line of a table of projects (funding.views.ProjectRow). Written here rather than
# in a template: a list page has 25, and the template engine's cost per row was most
# of the page's time, so the page slowed by a sixth from 4 projects to 25.
PROJECT_ROW = (
    '<tr><th scope="row"><a href="{url}">{title}</a></th><td>{fund}</td>'
    '<td>{local_authority}</td><td class="number">{amount}</td><td>{stage}</td>'
    "<td>{source}</td></tr>"
)


@register.filter
def pounds(amount):
    """£4,440,736, £41.15m or £1.2bn: short where the amount is large and round."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    for size, suffix in ((Decimal(10**9), "bn"), (Decimal(10**6), "m")):
        if amount >= size:
            scaled = amount / size
            if scaled == scaled.quantize(Decimal("0.01")):
                text = f"{scaled.normalize():f}"
                return f"£{text}{suffix}"
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


@register.simple_tag
def source_note(source):
    """Where a figure, project or site was found, with the day it was read. Written
    here rather than in a template: a funding page names a source for every figure."""
    title = escape(source.title)
    if source.url:
        title = f'<a href="{escape(source.url)}">{title}</a>'
    accessed = ""
    if day := source.date_accessed:
        accessed = (
            f', accessed <time datetime="{day.isoformat()}">'
            f"{day.day} {day:%B} {day.year}</time>"
        )
    return mark_safe(f'<span class="funding-source">Source: {title}{accessed}</span>')


@register.simple_tag
def project_rows(projects, index_url):
    """The rows of a table of ``projects``, every value escaped."""
    rows = []
    for project in projects:
        fund = project.fund_name
        if project.round_name:
            fund = f"{fund} ({project.round_name})"
        rows.append(
            PROJECT_ROW.format(
                url=escape(f"{index_url}projects/{project.identifier}/"),
                title=escape(project.title),
                fund=escape(fund),
                local_authority=escape(project.local_authority or "Not stated"),
                amount=escape(pounds(project.amount_awarded)),
                stage=escape(project.stage or "Not stated"),
                source=source_note(project.source),
            )
        )
    return mark_safe("\n".join(rows))


@register.filter
def number(value):
    """A decimal without trailing zeros: 7.1, 120, 175.4."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}"
