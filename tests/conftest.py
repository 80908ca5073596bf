import os
import shutil

import pytest
from django.db import connection

from tests.factories import AnalystFactory, InstitutionFactory, RoundFactory, UserFactory

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    skip_browser = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: `apt-get install chromium` to run the browser tests."
    )
    if shutil.which(CHROMIUM):
        return
    if os.environ.get("CI") == "true" and any("browser" in item.keywords for item in items):
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: the browser tests must run in CI.")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip_browser)


@pytest.fixture
def postgresql_only(db):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: run the suite with DATABASE_URL=postgres://postgres@127.0.0.1:5432/jump_scan "
            "(./scripts/test does so when the server is reachable)."
        )


@pytest.fixture
def aalst(db):
    return InstitutionFactory(code="ziekenhuis-aalst", name="Ziekenhuis Aalst")


@pytest.fixture
def zwolle(db):
    return InstitutionFactory(code="isala-zwolle", name="Isala Zwolle", region="overijssel")


@pytest.fixture
def alice(aalst):
    return UserFactory(username="alice", first_name="Alice", institution=aalst)


@pytest.fixture
def bob(aalst):
    return UserFactory(username="bob", first_name="Bob", institution=aalst)


@pytest.fixture
def charlie(zwolle):
    return UserFactory(username="charlie", first_name="Charlie", institution=zwolle)


@pytest.fixture
def ann(db):
    return AnalystFactory(username="ann", first_name="Ann")


@pytest.fixture
def round_2021(db):
    return RoundFactory(year=2021)
