"""30 seconds of mixed reader load on `make serve` and `make serve-cached`, against nginx.

On a throwaway PostgreSQL database with the demo content and a Redis key prefix of its own, wrk
(2 threads, 16 connections) requests, in turn, the demo's posts, the home page and blog index,
two searches and the feed ("mix"), or the seed post alone ("post"), for LOAD_SECONDS (default
30) each, against:

- nginx serving the seed post's saved HTML as a static file: the limit of this machine;
- gunicorn (`make serve`, 2 workers) with the page cache off (PAGE_CACHE_SECONDS=0): every
  request rendered;
- the same with the page cache on and warm (Redis);
- Varnish in front of it (`make serve-cached`), warm.

Prints requests/s, p50 and p99 latency and errors (connection errors, timeouts and answers other
than 2xx/3xx) per run, then the two targets: through Varnish a post at least half nginx's
throughput; from gunicorn with the cache warm at least 20 times the uncached throughput.
Exits 1 if a run had errors or a target is missed. Needs PostgreSQL and Redis on 127.0.0.1, and
Debian's wrk, nginx and varnish (`make load` installs them). About 5 minutes.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from load_services import (
    REDIS_DB,
    SEED_POST,
    answers,
    app_env,
    demo_database,
    free_port,
    redis_prefix,
    require,
    serving,
    wait_until_up,
)

SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
THREADS, CONNECTIONS = 2, 16

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"seconds\\": %%.3f, \\"p50_ms\\": %%.2f, \\"p99_ms\\": %%.2f, \\"errors\\": %%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""

NGINX_CONF = """
daemon off;
worker_processes 2;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    types { text/html html; }
    server {
        listen 127.0.0.1:%(port)d;
        root %(dir)s;
        location / { try_files /post.html =404; }
    }
}
"""


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own local server
        return response.read()


def post_paths(base_url: str) -> list[str]:
    """The demo's posts, from the sitemap."""
    sitemap = fetch(base_url + "/sitemap.xml").decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [path for path in paths if path.startswith("/blog/") and path != "/blog/"]


def mix(posts: list[str]) -> list[str]:
    return [*posts, "/", "/blog/", "/search/?query=china", "/search/?query=data", "/blog/feed/"]


def wrk(base_url: str, paths: list[str], folder: Path, connections: int = CONNECTIONS) -> dict:
    script = folder / "mix.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(path) for path in paths)})
    output = subprocess.run(  # noqa: S603 (our own commands)
        [
            "/usr/bin/wrk",
            f"-t{THREADS}",
            f"-c{connections}",
            f"-d{SECONDS}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base_url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(output.split("RESULT ", 1)[1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def warm(base_url: str, paths: list[str]) -> None:
    for path in paths:
        fetch(base_url + path)
        fetch(base_url + path)


def report(name: str, result: dict) -> None:
    print(
        f"{name:<34} {result['rps']:>9.0f} req/s   p50 {result['p50_ms']:>7.1f} ms   "
        f"p99 {result['p99_ms']:>7.1f} ms   errors {result['errors']}",
        flush=True,
    )


def main() -> int:
    require(answers("127.0.0.1", 5432), "PostgreSQL does not answer on 127.0.0.1:5432.")
    require(answers("127.0.0.1", 6379), "Redis does not answer on 127.0.0.1:6379.")
    results = {}
    with (
        tempfile.TemporaryDirectory() as folder_name,
        demo_database() as database_url,
        redis_prefix() as prefix,
    ):
        folder = Path(folder_name)
        os.chmod(folder, 0o755)  # noqa: S103 - nginx's workers read the page as another user
        env = app_env(
            database_url,
            f"redis://127.0.0.1:6379/{REDIS_DB}",
            prefix,
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            LOG_LEVEL="WARNING",
        )
        print(f"wrk: {THREADS} threads, {CONNECTIONS} connections, {SECONDS} s per run", flush=True)

        with serving("serve", {**env, "PAGE_CACHE_SECONDS": "0"}, free_port()) as url:
            posts = post_paths(url)
            paths = mix(posts)
            warm(url, paths)  # image renditions are made on the first request
            (folder / "post.html").write_bytes(fetch(url + SEED_POST))
            print(f"mix: {len(posts)} posts, /, /blog/, 2 searches, /blog/feed/", flush=True)
            results["uncached mix"] = wrk(url, paths, folder)
            report("gunicorn, page cache off: mix", results["uncached mix"])
            results["uncached post"] = wrk(url, [SEED_POST], folder)
            report("gunicorn, page cache off: post", results["uncached post"])

        with serving("serve", {**env, "PAGE_CACHE_SECONDS": "600"}, free_port()) as url:
            warm(url, paths)
            results["cached mix"] = wrk(url, paths, folder)
            report("gunicorn, page cache warm: mix", results["cached mix"])
            results["cached post"] = wrk(url, [SEED_POST], folder)
            report("gunicorn, page cache warm: post", results["cached post"])

        with serving("serve-cached", {**env, "PAGE_CACHE_SECONDS": "600"}, free_port(), free_port()) as url:
            warm(url, paths)
            results["varnish mix"] = wrk(url, paths, folder)
            report("Varnish + gunicorn: mix", results["varnish mix"])
            results["varnish post"] = wrk(url, [SEED_POST], folder)
            report("Varnish + gunicorn: post", results["varnish post"])

        port = free_port()
        (folder / "nginx.conf").write_text(NGINX_CONF % {"dir": folder, "port": port})
        nginx = subprocess.Popen(["/usr/sbin/nginx", "-c", str(folder / "nginx.conf")])  # noqa: S603 (our own commands)
        try:
            static = f"http://127.0.0.1:{port}"
            wait_until_up(static + SEED_POST)
            results["nginx post"] = wrk(static, [SEED_POST], folder)
            report("nginx, the post's saved HTML", results["nginx post"])
        finally:
            nginx.terminate()
            nginx.wait(timeout=20)

    varnish_share = results["varnish post"]["rps"] / results["nginx post"]["rps"]
    cache_gain = results["cached post"]["rps"] / results["uncached post"]["rps"]
    mix_gain = results["cached mix"]["rps"] / results["uncached mix"]["rps"]
    print(f"Varnish post / nginx static post: {varnish_share:.2f} (target at least 0.5)")
    print(f"gunicorn cached / uncached, post: {cache_gain:.1f}x (target at least 20x); mix: {mix_gain:.1f}x")
    errors = {name: result["errors"] for name, result in results.items() if result["errors"]}
    if errors:
        print(f"Errors: {errors}")
    return 0 if not errors and varnish_share >= 0.5 and cache_gain >= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
