import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from jump_scan.env import env_bool, env_database, env_int, env_list


def test_booleans_read_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("DEBUG", "False")
    assert env_bool("DEBUG", True) is False
    monkeypatch.setenv("DEBUG", "1")
    assert env_bool("DEBUG", False) is True


@pytest.mark.parametrize(
    "reader, name, raw",
    [
        (lambda: env_bool("DEBUG", True), "DEBUG", "maybe"),
        (lambda: env_int("EMAIL_PORT", 25, minimum=1), "EMAIL_PORT", "twenty-five"),
        (lambda: env_int("EMAIL_PORT", 25, minimum=1), "EMAIL_PORT", "0"),
        (lambda: env_database("DATABASE_URL", "sqlite:///x"), "DATABASE_URL", "mysql://root@localhost/x"),
        (lambda: env_database("DATABASE_URL", "sqlite:///x"), "DATABASE_URL", "not a url"),
    ],
)
def test_a_bad_value_names_the_variable(monkeypatch, reader, name, raw):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ImproperlyConfigured, match=name):
        reader()


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "scan.nvz.nl, www.scan.nvz.nl ,")
    assert env_list("ALLOWED_HOSTS", []) == ["scan.nvz.nl", "www.scan.nvz.nl"]


def test_postgresql_urls_choose_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jump_scan")
    config = env_database("DATABASE_URL", "sqlite:///x")
    assert (config["ENGINE"], config["NAME"], config["PORT"]) == ("django.db.backends.postgresql", "jump_scan", 5432)


def test_production_without_a_secret_key_refuses_to_start():
    env = {"DEBUG": "false", "PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "jump_scan.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
