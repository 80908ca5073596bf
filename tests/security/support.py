"""Helpers of the security tests: every named URL of the project, sample values for its parts, a fingerprint of
all stored data (to prove that a refused request changed nothing)."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Apps whose rows are the scan's data; sessions and sign-in logs change with every visit and are left out.
DATA_APPS = ("surveys", "analysts", "factsheets", "auth", "otp_totp", "django_tasks_database")


@dataclass(frozen=True)
class NamedUrl:
    name: str  # "analysts:monitor", "scan_block", "admin:index"
    route: str  # for messages
    kwargs: tuple[str, ...]  # the names of its variable parts


def named_urls() -> list[NamedUrl]:
    """Every named URL pattern of the project, found by walking the URL configuration."""
    return list(_walk(get_resolver().url_patterns, namespace=None, prefix=""))


def _walk(patterns, *, namespace: str | None, prefix: str) -> Iterator[NamedUrl]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
            yield from _walk(pattern.url_patterns, namespace=inner, prefix=prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            kwargs = tuple(pattern.pattern.regex.groupindex)
            yield NamedUrl(name, prefix + str(pattern.pattern), kwargs)


def build(url: NamedUrl, samples: dict[str, object], overrides: dict[str, dict[str, object]]) -> str:
    """The URL with sample values: `overrides[name][kwarg]` first, then `samples[kwarg]`."""
    missing = [kwarg for kwarg in url.kwargs if kwarg not in samples and kwarg not in overrides.get(url.name, {})]
    assert not missing, (
        f"URL {url.name!r} ({url.route}) has parts {missing} without a sample value: "
        "add them to the samples of the test (tests/security/test_access_matrix.py, test_admin_access.py)."
    )
    values = {kwarg: overrides.get(url.name, {}).get(kwarg, samples.get(kwarg)) for kwarg in url.kwargs}
    return reverse(url.name, kwargs=values)


def data_fingerprint() -> str:
    """A digest of every row of the scan's data: equal before and after means nothing was changed."""
    digest = hashlib.sha256()
    for app_label in DATA_APPS:
        for model in sorted(apps.get_app_config(app_label).get_models(), key=lambda m: m._meta.label):
            digest.update(model._meta.label.encode())
            for row in model._base_manager.order_by("pk").values_list():
                digest.update(repr(row).encode())
    return digest.hexdigest()
