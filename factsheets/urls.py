from django.urls import path

from factsheets import api, views

app_name = "factsheets"

urlpatterns = [
    path("api/rondes/<int:year>/landelijk.json", api.national_json, name="api_national"),
    path("api/rondes/<int:year>/instellingen/<slug:code>.json", api.institution_json, name="api_institution"),
    path("rondes/<int:year>/cijfers.xlsx", api.national_xlsx, name="national_xlsx"),
    # The factsheet per institution and the analysts' batch of them (factsheets/views.py)
    path("", views.factsheet_index, name="index"),
    path("rondes/<int:year>/factsheet/", views.factsheet_own, name="factsheet_own"),
    path("rondes/<int:year>/instellingen/<slug:code>/factsheet/", views.factsheet_page, name="factsheet"),
    path("rondes/<int:year>/instellingen/<slug:code>/factsheet.pdf", views.factsheet_pdf, name="factsheet_pdf"),
    path("rondes/<int:year>/factsheets/", views.batches, name="batches"),
    path("rondes/<int:year>/factsheets/<int:pk>/", views.batch_detail, name="batch"),
    path("rondes/<int:year>/factsheets/<int:pk>/factsheets.zip", views.batch_download, name="batch_zip"),
]
