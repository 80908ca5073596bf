from django.urls import path

from factsheets import api

app_name = "factsheets"

urlpatterns = [
    path("api/rondes/<int:year>/landelijk.json", api.national_json, name="api_national"),
    path("api/rondes/<int:year>/instellingen/<slug:code>.json", api.institution_json, name="api_institution"),
    path("rondes/<int:year>/cijfers.xlsx", api.national_xlsx, name="national_xlsx"),
]
