"""Production start-up: collectstatic with the manifest storage, static files through WhiteNoise, gunicorn's config.

These run in subprocesses with DEBUG=false, as scripts/start-production does, because
the storage and the security settings are chosen when the settings are first read.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-real-production-secret-" + "x7Kp2vQ9mZ4rT8wY1nB6cF3hJ5sL0dG" * 2,
    "ALLOWED_HOSTS": "jumpscan.example.nl",
}

# Production compresses every text file; here only the stylesheets, to keep the test quick
# (brotli on plotly.min.js and the fonts takes most of a minute). Hashing covers every file.
FAST_SETTINGS = """
from jump_scan.settings import *  # noqa: F403
from whitenoise.compress import Compressor

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "js", "ttf", "map", "svg"]
"""

FETCH = textwrap.dedent(
    """
    import json, sys
    from io import BytesIO
    from django.core.wsgi import get_wsgi_application
    from django.templatetags.static import static

    application = get_wsgi_application()

    def get(path, **headers):
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "jumpscan.example.nl",
            "SERVER_PORT": "443", "HTTP_HOST": "jumpscan.example.nl", "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http", "wsgi.input": BytesIO(), "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
            # The TLS-terminating proxy says the request came in over HTTPS.
            "HTTP_X_FORWARDED_PROTO": "https",
            **headers,
        }
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = {name.lower(): value for name, value in response_headers}

        body = b"".join(application(environ, start_response))
        return answer["status"], answer["headers"], body

    url = static("css/jump.css")
    plain = get(url)
    gzipped = get(url, HTTP_ACCEPT_ENCODING="gzip")
    font = get(static("fonts/SourceSans3-Regular.ttf.woff2"))
    print(json.dumps({
        "url": url,
        "status": plain[0], "cache_control": plain[1].get("cache-control", ""), "body": plain[2].decode(),
        "gzip_status": gzipped[0], "gzip_encoding": gzipped[1].get("content-encoding", ""),
        "font_status": font[0], "font_length": len(font[2]),
        "unhashed_status": get("/static/css/does-not-exist.css")[0],
        "plain_page_status": get("/accounts/login/", HTTP_X_FORWARDED_PROTO="http")[0],
        "plain_health_status": get("/health/", HTTP_X_FORWARDED_PROTO="http")[0],
    }))
    """
)


def production_environment(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "fast_static_settings.py").write_text(FAST_SETTINGS)
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
        },
        **PRODUCTION,
        "DJANGO_SETTINGS_MODULE": "fast_static_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_collectstatic_hashes_every_file_and_whitenoise_serves_them_with_debug_off(tmp_path):
    env = production_environment(tmp_path)
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)

    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for name in ("css/jump.css", "js/fillin.js", "vendor/bootstrap/bootstrap.min.css", "vendor/plotly/plotly.min.js"):
        assert name in manifest and manifest[name] != name

    served = json.loads(run([sys.executable, "-c", FETCH], env).stdout.strip().splitlines()[-1])
    assert served["url"] == "/static/" + manifest["css/jump.css"]
    assert served["status"] == 200
    assert served["body"] == (tmp_path / "static" / manifest["css/jump.css"]).read_text()
    # The stylesheet's own references were rewritten to the hashed names too.
    assert manifest["fonts/SourceSans3-Regular.ttf.woff2"].rsplit("/", 1)[1] in served["body"]
    # A hashed name never changes content, so browsers may keep it for good.
    assert "immutable" in served["cache_control"]
    assert (served["gzip_status"], served["gzip_encoding"]) == (200, "gzip")
    assert served["font_status"] == 200
    assert served["font_length"] == (ROOT / "static" / "fonts" / "SourceSans3-Regular.ttf.woff2").stat().st_size
    assert served["unhashed_status"] == 404
    # Over plain HTTP pages redirect to HTTPS; the health check answers, for the load balancer's probe.
    assert served["plain_page_status"] == 301
    assert served["plain_health_status"] == 200


def test_gunicorn_reads_its_settings_from_the_environment(tmp_path):
    env = {
        **os.environ,
        "GUNICORN_BIND": "127.0.0.1:9123",
        "GUNICORN_WORKERS": "5",
        "GUNICORN_THREADS": "2",
        "GUNICORN_TIMEOUT": "45",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    printed = run([str(gunicorn), "--config", "gunicorn.conf.py", "--print-config"], env).stdout
    config = dict(line.split(" = ", 1) for line in printed.splitlines() if " = " in line)
    config = {key.strip(): value.strip() for key, value in config.items()}
    assert config["bind"] == "['127.0.0.1:9123']"
    assert (config["workers"], config["threads"], config["timeout"]) == ("5", "2", "45")
    assert config["worker_class"] == "gthread"
    assert config["control_socket_disable"] == "True"
    assert "%({x-request-id}o)s" in config["access_log_format"]


def test_gunicorn_refuses_a_worker_count_that_is_not_a_number():
    env = {**os.environ, "GUNICORN_WORKERS": "many"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [str(gunicorn), "--config", "gunicorn.conf.py", "--check-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "GUNICORN_WORKERS must be a whole number" in result.stdout + result.stderr


def script_commands(script: str, **env: str) -> subprocess.CompletedProcess:
    """Run a start script with `echo` as the interpreter: what it would run, one command per line."""
    return subprocess.run(
        [str(ROOT / "scripts" / script)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": "echo", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_worker_script_starts_db_worker_with_options_it_knows(settings):
    from django_tasks_db.management.commands.db_worker import Command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}  # as in production
    result = script_commands("start-worker", WORKER_MAX_TASKS="50")
    assert result.returncode == 0, result.stderr
    *resumes, worker = result.stdout.splitlines()
    assert resumes == ["manage.py resume_factsheet_batches", "manage.py resume_mail_batches"]
    program, command, *options = worker.split()
    assert (program, command) == ("manage.py", "db_worker")
    parsed = Command().create_parser("manage.py", "db_worker").parse_args(options)
    assert parsed.queue_name == "*" and parsed.max_tasks == 50 and parsed.reload is False


def test_the_production_script_checks_collects_migrates_and_hands_over_to_gunicorn():
    result = script_commands("start-production", DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "manage.py check --deploy",
        "manage.py collectstatic --noinput --verbosity 0",
        "manage.py migrate --noinput",
        "-m gunicorn --config gunicorn.conf.py",
    ]


def test_the_production_script_refuses_to_start_in_development_mode():
    result = script_commands("start-production", DEBUG="true")
    assert result.returncode == 1
    assert "set DEBUG=false" in result.stderr
