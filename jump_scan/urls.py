from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from jump_scan.health import health


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers (and the admin's pages, which link no icon) ask for /favicon.ico: the app's icon, not a 404."""
    return redirect(static("img/favicon.svg"), permanent=True)


urlpatterns = [
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/tweestaps/", include("jump_scan.two_factor")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("analist/", include("analysts.urls")),
    path("factsheets/", include("factsheets.urls")),
    path("", include("surveys.urls")),
]
