"""Response headers that tell browsers what a page may do.

HSTS, ``nosniff``, ``Referrer-Policy`` and ``X-Frame-Options`` come from Django's own
middleware (see the security settings); these two add the rest.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

from portal import internals


def is_admin_path(path):
    return path.startswith("/admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict public policy everywhere except the admin, which gets its own.

    PDFs go without one: Chrome shows a PDF inside a plugin frame that a policy with
    ``object-src 'none'`` would block, and a PDF runs no page scripts to restrict.
    """

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith("application/pdf"):
            internals.exempt_from_csp(response)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and is_admin_path(request.path_info)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def permissions_policy_header(features):
    """``camera=(), usb=(self)`` from ``{"camera": [], "usb": ["self"]}``."""
    return ", ".join(
        f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items()
    )


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
