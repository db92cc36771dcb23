"""What bench/load.py, bench/faults.py and bench/varnish_purge_check.py start, and always stop.

A throwaway database with the demo content (PostgreSQL on 127.0.0.1:5432 as user postgres, like
.ci/run; or an SQLite file), `make serve` or `make serve-cached` in their own process group, a
Redis key prefix of their own on database BENCH_REDIS_DB (default 3; CI's tests use 15), and a
small TCP proxy that can be stopped to take a service away.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "3"))
SEED_POST = "/blog/ai-research-with-china/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2).close()
        return True
    except OSError:
        return False


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own commands)


def shell(env: dict, script: str) -> list[str]:
    """Run ``script`` with `manage.py shell` (development settings); the lines it printed."""
    return subprocess.run(  # noqa: S603 (our own commands)
        [PYTHON, "manage.py", "shell", "--verbosity", "0", "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "mysite.settings.dev"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()


@contextlib.contextmanager
def git_worktree(commit: str | None):
    """``commit``'s code checked out in a temporary git worktree, removed afterwards; None
    without a commit."""
    if not commit:
        yield None
        return
    git = ["/usr/bin/git", "-C", str(ROOT), "worktree"]
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as folder:
        path = Path(folder) / "baseline"
        subprocess.run([*git, "add", "--detach", "--quiet", str(path), commit], check=True)  # noqa: S603
        try:
            yield path
        finally:
            subprocess.run([*git, "remove", "--force", str(path)], check=False)  # noqa: S603


def _postgres(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(sql)


@contextlib.contextmanager
def demo_database(engine: str = "postgresql"):
    """A database URL with the demo content, dropped (or deleted) afterwards."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mysite.settings.dev"}
    if engine == "postgresql":
        name = f"bench_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
        _postgres(f"CREATE DATABASE {name}")
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
        try:
            env["DATABASE_URL"] = url
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo")
            yield url
        finally:
            _postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    else:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.sqlite3"
            env["DATABASE_URL"] = url
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo")
            yield url


@contextlib.contextmanager
def redis_prefix():
    """A cache key prefix of our own on REDIS_DB; its keys are deleted afterwards."""
    import redis

    prefix = f"bench-{os.getpid()}-{int(time.time())}"
    try:
        yield prefix
    finally:
        client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
        for key in client.scan_iter(f"{prefix}:*", count=1000):
            client.delete(key)


def app_env(database_url: str, redis_url: str, prefix: str, **extra: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "WEB_CONCURRENCY": "2",
        # Mail goes nowhere, at once (a closed port), rather than to a local SMTP server.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),
        **extra,
    }


def wait_until_up(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own local server
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


@contextlib.contextmanager
def serving(
    target: str,
    env: dict,
    port: int,
    varnish_port: int | None = None,
    log: Path | None = None,
    project: Path = ROOT,
):
    """`make serve` or `make serve-cached` (of ``project``, by default this checkout) until the
    block ends; yields the URL readers use."""
    args = ["make", "--no-print-directory", target, f"PORT={port}"]
    if varnish_port:
        args.append(f"VARNISH_PORT={varnish_port}")
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603 (our own commands)
        args, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{varnish_port or port}"
    try:
        wait_until_up(f"http://127.0.0.1:{port}/")
        if varnish_port:
            wait_until_up(url + "/")
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if log:
            out.close()


class TcpProxy:
    """Forwards 127.0.0.1:port to a service; stop() refuses new connections and cuts open ones."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port = free_port()
        self._server = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(128)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server:
            # shutdown() first: on Linux, close() alone leaves a socket that another thread is
            # blocked accept()ing on still accepting connections.
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self._connections.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._server is not server:  # stop() came in between: drop this one too
                    client.close()
                    upstream.close()
                    return
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass  # the other side, or stop(), closed the connection
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)


class Browser:
    """urllib with a cookie jar that also sends Secure cookies over the local plain http, and
    redirects returned rather than followed. With gunicorn's access log written as
    ``--access-logformat '%(p)s %(U)s'``, it tells which worker answered."""

    def __init__(self, url: str, access_log: Path | None = None):
        self.url = url
        self.access_log = access_log
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: dict | None = None, headers: dict | None = None) -> tuple[str, str]:
        """The answer's body and the process id of the worker that answered (or "")."""
        request = urllib.request.Request(  # noqa: S310 - our own local server
            self.url + path,
            data=urllib.parse.urlencode(data).encode() if data is not None else None,
            headers={**(headers or {}), **self._cookie_header()},
        )
        logged = len(self.access_log.read_text().splitlines()) if self.access_log else 0
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            self.status = response.status
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            html = response.read().decode()
        return html, self._worker(path, after=logged) if self.access_log else ""

    def _cookie_header(self) -> dict:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def _worker(self, path: str, after: int) -> str:
        for _ in range(50):
            for line in self.access_log.read_text().splitlines()[after:]:
                pid, logged_path = line.split(" ", 1)
                if logged_path == path.split("?")[0]:
                    return pid
            time.sleep(0.05)
        raise RuntimeError(f"{path} is not in gunicorn's access log")

    def csrf_token(self, path: str) -> str:
        html, _ = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is returned as it is (its cookies kept), not followed

    def http_error_302(self, request, response, code, message, headers):
        return response


def sign_in(browser: Browser, username: str, password: str) -> None:
    """Through the admin's login form, as an editor does."""
    token = browser.csrf_token("/admin/login/")
    browser.request(
        "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
    )
    if browser.status != 302:
        raise RuntimeError(f"Signing in as {username} failed ({browser.status}).")


def publish(browser: Browser, page_id) -> str:
    """Publish a page's latest revision through the admin (the bulk "Publish" action), signed in;
    the worker that answered."""
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    _, worker = browser.request(url, {"csrfmiddlewaretoken": browser.csrf_token(url)})
    if browser.status != 302:
        raise RuntimeError(f"Publishing page {page_id} answered {browser.status}.")
    return worker


def verdict(failures: list[str], started: float) -> int:
    """Print the failures and the outcome; the exit status."""
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    print(f"{'FAILED' if failures else 'OK'} in {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


def require(condition: bool, message: str) -> None:
    if not condition:
        print(message, file=sys.stderr)
        sys.exit(2)
