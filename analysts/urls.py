from django.urls import path

from analysts.views import home

app_name = "analysts"

urlpatterns = [
    path("", home.dashboard_home, name="home"),
]
