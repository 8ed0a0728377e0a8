from decimal import Decimal

from django import template

from funding import exports

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


@register.filter
def number(value):
    """A decimal without trailing zeros: 7.1, 120, 175.4."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}"


@register.simple_tag
def grants_published():
    """Whether the 360Giving package holds a grant, so it may be linked."""
    return exports.has_grants()
