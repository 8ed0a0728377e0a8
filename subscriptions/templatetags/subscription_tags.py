from django import template

from subscriptions.signup import MAILING_LIST_CONSENT

register = template.Library()


@register.inclusion_tag("includes/mailing_list_signup.html")
def mailing_list_signup():
    """The footer's sign-up form, with the consent wording that is stored with it."""
    return {"consent": MAILING_LIST_CONSENT}
