# Varnish in front of the app (gunicorn on 127.0.0.1:8000), as `make serve-cached` runs it.
#
# Caches what the app marks public (anonymous readers' pages: Cache-Control public, s-maxage) and
# static files; passes the admin and its previews, the newsletter, every request other than GET
# and HEAD, and every request of someone with a login, CSRF or messages cookie. Other cookies
# (analytics and the like) are dropped, so they do not split the cache.
#
# Purging: wagtail.contrib.frontend_cache (settings: FRONTEND_CACHE_URL) sends PURGE for a page's
# URL when it is published or unpublished, and PURGE "/*" when anything readers see changes
# (base/cache.py): that bans every object. Only this machine may purge.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/*") {
            ban("obj.status != 0");
            return (synth(200, "Banned"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|newsletter)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Cache only what the app says may be shared; a response without Cache-Control (an error
    # page, a page with caching off) is fetched again each time.
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # When the app cannot answer (a restart, the database down), readers get the last good copy
    # for up to a day rather than an error; a purge still removes it at once.
    set beresp.grace = 24h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
