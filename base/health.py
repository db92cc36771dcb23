"""/healthz: whether this app server can reach its database and its cache, for load balancers."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 when the database and the cache both answer, 503 naming the one that failed.

    Reads nothing from the request, so it never loads a session or sets a cookie.
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        checks["database"] = "failed"
    # A key of this check's own: several workers may check at the same moment.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answered = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:  # Each cache backend raises its own errors (redis, memcached, …).
        answered = False
    if not answered:
        # A Redis that is down but ignored (django-redis IGNORE_EXCEPTIONS) reads back nothing.
        checks["cache"] = "failed"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
