"""What the benchmarks that drive a real server share: their own database, manage.py, gunicorn on loopback.

Used by bench/fillin.py and bench/load/rush.py. Everything listens on 127.0.0.1 only.
"""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


STATIC_ROOT = Path(tempfile.gettempdir()) / "jump-bench-static"


def server_environment(database_url: str, **overrides: str) -> dict[str, str]:
    """The production settings on the loopback interface, static files collected into STATIC_ROOT."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")},
        "DJANGO_SETTINGS_MODULE": "jump_scan.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(STATIC_ROOT),
        **overrides,
    }


def collect_static(env: dict[str, str]) -> None:
    """Once, and again only when a static file changed: brotli makes it take a minute."""
    manifest = STATIC_ROOT / "staticfiles.json"
    newest = max(path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file())
    if manifest.exists() and manifest.stat().st_mtime > newest:
        return
    print("Collecting static files (about a minute)…", flush=True)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, *, attempts: int = 150) -> None:
    """Until gunicorn answers /health/ with 200 (at most `attempts` × 0.2 s)."""
    for _attempt in range(attempts):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health/", headers={"Host": f"127.0.0.1:{port}"})
            answer = connection.getresponse()
            if answer.status == 200 and "gunicorn" in (answer.getheader("Server") or ""):
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /health/ in time")


def start_gunicorn(
    env: dict[str, str], *, port: int, workers: int, threads: int, access_log: str = "-", stderr=None
) -> subprocess.Popen:
    """gunicorn with the production config (gunicorn.conf.py), bound to 127.0.0.1:`port`."""
    server_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_THREADS": str(threads),
        "GUNICORN_ACCESS_LOG": access_log,
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server_env.pop("GUNICORN_CONTROL_SOCKET", None)
    command = [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")]
    return subprocess.Popen(command, env=server_env, cwd=ROOT, stderr=stderr)


def stop(server: subprocess.Popen) -> None:
    """SIGTERM and wait (gunicorn finishes the requests in hand); SIGKILL when it does not stop in 30 s."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)
