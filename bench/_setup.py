"""What the benchmark scripts share to get going: a PostgreSQL database of their own, Django, the demo round.

from bench._setup import demo_database, django_setup, ensure_database, publish_once
"""

import io
import os
from urllib.parse import urlsplit


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` when it does not exist yet."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(url.replace(parts.path, "/postgres", 1))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def django_setup(database_url: str, **defaults: str) -> None:
    """Django on `database_url`; `defaults` are environment variables set unless the caller's shell set them."""
    os.environ["DATABASE_URL"] = database_url
    for name, value in {"DJANGO_SETTINGS_MODULE": "jump_scan.settings", "LOG_LEVEL": "WARNING", **defaults}.items():
        os.environ.setdefault(name, value)
    import django

    django.setup()


def demo_database(path: str) -> None:
    """Django on an SQLite file of its own, migrated and filled with the demo data set once (reused after)."""
    django_setup(f"sqlite:///{path}")
    from django.core.management import call_command

    from surveys.models import Round

    call_command("migrate", verbosity=0, stdout=io.StringIO())
    if not Round.objects.filter(year=2021).exists():
        print(f"Filling {path} with the demo data set (once)…", flush=True)
        call_command("seed_demo", stdout=io.StringIO())


def publish_once(scan_round) -> None:
    """Publish a published round's snapshot if it has none yet, so outputs read figures as in production."""
    from factsheets.services import latest_snapshot, round_publish
    from surveys.models import Round, User

    if scan_round.status == Round.Status.PUBLISHED and latest_snapshot(scan_round) is None:
        analyst = User.objects.filter(role=User.Role.ANALYST).first()
        round_publish(round=scan_round, user=analyst)
