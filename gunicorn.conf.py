"""Gunicorn settings for JuMP-scan in production (read by `gunicorn` from the working directory).

Every value can be set from the environment; the README's "Production" section lists them.
The defaults fit a 2-core machine behind a TLS-terminating proxy (nginx, a load balancer).
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    # Fails loudly at start-up, like jump_scan/env.py, instead of running with a guess.
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {raw!r}.") from None
    if value < 1:
        raise SystemExit(f"{name} must be at least 1, not {value}.")
    return value


wsgi_app = "jump_scan.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Requests are short and mostly wait on PostgreSQL: a few processes per core, each with a few
# threads, keeps both cores busy while a request waits. 2 cores: 3 workers × 4 threads (the load
# test in bench/load/ measured this against 2 × 4 and 5 × 2). Each thread holds one database
# connection, so workers × threads must stay well under PostgreSQL's max_connections.
workers = _int("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count() + 1))
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread"

# A PDF of one's own answers is the slowest request (a few seconds); a worker silent this long is stuck.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then: PDF rendering (WeasyPrint) holds on to memory.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10

# The proxy in front sets X-Forwarded-Proto; gunicorn trusts it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Both logs to standard output/error, for the service manager or container runtime to collect.
# The access log carries the request id that jump_scan.request_id sets on every response (and
# that Django's own JSON log lines carry), so one request can be followed through both.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    'request_id=%({x-request-id}o)s client="%({x-forwarded-for}i)s" peer=%(h)s "%(r)s" '
    'status=%(s)s bytes=%(b)s duration_ms=%(M)s user_agent="%(a)s"'
)

# Gunicorn's control socket (gunicornc) is off unless asked for: it defaults to a path in the
# home directory that a second instance, or a read-only container, would trip over.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

# Heartbeat files in memory, not on a possibly slow disk (Docker's overlay, a network volume).
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"


def post_worker_init(worker) -> None:
    """Import every view (and pandas, WeasyPrint behind them) before the worker takes its first request.

    Otherwise the first person served by each new worker, also after a max_requests restart in the
    middle of a deadline rush, waits seconds for the imports.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - importing is the point
