from django.urls import path

from surveys import views

urlpatterns = [
    path("", views.home, name="home"),
]
