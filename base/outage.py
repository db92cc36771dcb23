"""A friendly 503 page, not a 500, while the database cannot be reached.

psycopg's errors reach views as Django's OperationalError (the server is down, a connection
timed out or was cut) or InterfaceError (a connection already closed). Either means "try again
shortly", which is what a 503 with Retry-After says; the next request connects afresh, so the
site recovers by itself when the database is back. Cached pages (base/cache.py) keep being served
meanwhile, as they need no database.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable, answering 503: %s", exception)
        # No request context: its context processors would ask the database again.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
