from decimal import Decimal

from django import template
from django.template.loader import render_to_string

register = template.Library()


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


@register.simple_tag(takes_context=True)
def source_note(context, source):
    """Where a figure, project or site was found. Rendered once per source in each
    template: a page of 25 projects from one source renders the note once."""
    notes = context.render_context.setdefault("funding:source-notes", {})
    key = getattr(source, "pk", None)
    if key not in notes:
        notes[key] = render_to_string(
            "funding/includes/source.html", {"source": source}
        )
    return notes[key]


@register.filter
def number(value):
    """A decimal without trailing zeros: 7.1, 120, 175.4."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}"
