"""The Content-Security-Policy: strict on the public site, looser in the Wagtail admin."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with settings.CONTENT_SECURITY_POLICY_ADMIN under /admin/.

    The admin's editors need inline scripts and styles; readers' pages need neither, so the public
    policy (settings.CONTENT_SECURITY_POLICY) can forbid them.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
