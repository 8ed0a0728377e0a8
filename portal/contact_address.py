"""Whether the public may be shown the site's contact address.

The seed starts the site with ``info@example.org``. Domains reserved for documentation
(RFC 2606 and RFC 6761) reach nobody, so they are never shown: the footer links to the
contact form instead, and ``manage.py check --deploy`` fails until an editor sets a real
address.
"""

from django.core import checks
from django.db import DatabaseError

RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")


def is_placeholder(address):
    """True when ``address`` is empty or on a domain reserved for examples."""
    domain = (address or "").rpartition("@")[2].strip().lower().rstrip(".")
    if not domain or domain == "localhost":
        return True
    return any(
        domain == reserved or domain.endswith("." + reserved)
        for reserved in RESERVED_DOMAINS
    ) or domain.endswith(RESERVED_SUFFIXES)


def public_address(address):
    """``address`` when it can reach someone, otherwise ``""``."""
    return "" if is_placeholder(address) else address


@checks.register("content", deploy=True)
def check_contact_address(app_configs, **kwargs):
    from portal.models import SiteSettings

    try:
        settings = list(SiteSettings.objects.select_related("site"))
    except DatabaseError:
        return []
    return [
        checks.Error(
            f"The contact address of {each.site} is {each.contact_email or 'empty'}, "
            "which reaches nobody: the public is shown the contact form instead, and "
            "contact messages are only stored.",
            hint="Set a real address in Settings › Site settings › Contact email.",
            obj=each,
            id="portal.E010",
        )
        for each in settings
        if is_placeholder(each.contact_email)
    ]
