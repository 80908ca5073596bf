import json
import logging
import os
import subprocess
import sys

import pytest
from django.db.utils import OperationalError

from jump_scan.request_id import JsonFormatter, RequestIdFilter


@pytest.mark.django_db
def test_health_reports_a_reachable_database(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_reports_an_unreachable_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("jump_scan.health.connection.cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    first, second = client.get("/health/"), client.get("/health/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
def test_a_well_formed_incoming_request_id_is_kept_and_a_forged_one_is_not(client):
    assert client.get("/health/", HTTP_X_REQUEST_ID="lb-1234abcd")["X-Request-ID"] == "lb-1234abcd"
    forged = client.get("/health/", HTTP_X_REQUEST_ID="x\nlevel=CRITICAL")["X-Request-ID"]
    assert "\n" not in forged and forged != "x\nlevel=CRITICAL"


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("surveys", logging.WARNING, __file__, 1, "opslaan mislukt: %s", ("blok ict",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "opslaan mislukt: blok ict"
    assert line["level"] == "WARNING" and "request_id" in line


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_script(client):
    policy = client.get("/health/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_an_unknown_page_is_shown_in_the_apps_own_style(client, settings):
    settings.DEBUG = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_the_deployment_check_passes_with_production_settings():
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
        },
        "DJANGO_SETTINGS_MODULE": "jump_scan.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-real-production-secret-" + "x7Kp2vQ9mZ4rT8wY1nB6cF3hJ5sL0dG" * 2,
        "ALLOWED_HOSTS": "jumpscan.example.nl",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_favicon_is_the_apps_icon_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
    assert client.get(response["Location"]).status_code in (200, 404)  # static files: served by WhiteNoise or runserver
    page = client.get("/accounts/login/").content.decode()
    assert 'rel="icon"' in page and "img/favicon.svg" in page
