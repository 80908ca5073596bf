from django.contrib import admin
from django.urls import include, path

from jump_scan.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/tweestaps/", include("jump_scan.two_factor")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("analist/", include("analysts.urls")),
    path("factsheets/", include("factsheets.urls")),
    path("", include("surveys.urls")),
]
