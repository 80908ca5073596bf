from django.urls import path

from analysts.views import audit, dashboard, data, home, invitations, monitor, report, rounds

app_name = "analysts"

urlpatterns = [
    path("", home.dashboard_home, name="home"),
    # Rounds and their questionnaire (analysts/views/rounds.py)
    path("rondes/nieuw/", rounds.round_create, name="round_create"),
    path("rondes/<int:year>/", rounds.round_detail, name="round_detail"),
    path("rondes/<int:year>/venster/", rounds.round_window, name="round_window"),
    path("rondes/<int:year>/openen/", rounds.round_open, name="round_open"),
    path("rondes/<int:year>/sluiten/", rounds.round_close, name="round_close"),
    path("rondes/<int:year>/publiceren/", rounds.round_publish, name="round_publish"),
    path("rondes/<int:year>/responsen/<int:pk>/heropenen/", rounds.response_reopen, name="response_reopen"),
    path("rondes/<int:year>/vragenlijst/", rounds.questionnaire_edit, name="questionnaire_edit"),
    path("rondes/<int:year>/vragenlijst/voorbeeld/", rounds.round_preview, name="round_preview"),
    path("rondes/<int:year>/vragenlijst/bouwsteen/<int:block_pk>/nieuw/", rounds.statement_add, name="statement_add"),
    path("rondes/<int:year>/vragenlijst/stelling/<int:pk>/", rounds.statement_edit, name="statement_edit"),
    path(
        "rondes/<int:year>/vragenlijst/stelling/<int:pk>/vervallen/", rounds.statement_retire, name="statement_retire"
    ),
    path("rondes/<int:year>/vragenlijst/stelling/<int:pk>/verplaatsen/", rounds.statement_move, name="statement_move"),
    path(
        "rondes/<int:year>/vragenlijst/vervallen/<int:pk>/terugzetten/",
        rounds.statement_restore,
        name="statement_restore",
    ),
    # Invitations and reminders (analysts/views/invitations.py)
    path("rondes/<int:year>/uitnodigingen/", invitations.invitations_index, name="invitations"),
    path("rondes/<int:year>/uitnodigingen/voorbeeld/", invitations.invitation_preview, name="invitation_preview"),
    path("rondes/<int:year>/uitnodigingen/versturen/", invitations.invitations_send, name="invitations_send"),
    path("rondes/<int:year>/uitnodigingen/herinneren/", invitations.reminders_send, name="reminders_send"),
    path(
        "rondes/<int:year>/uitnodigingen/<int:user_pk>/opnieuw/",
        invitations.invitation_resend,
        name="invitation_resend",
    ),
    path("rondes/<int:year>/uitnodigingen/verstuurd/", invitations.mail_log, name="mail_log"),
    path("rondes/<int:year>/uitnodigingen/verzending/<int:pk>/", invitations.mail_batch, name="mail_batch"),
    path("rondes/<int:year>/monitor/", monitor.monitor, name="monitor"),
    path(
        "rondes/<int:year>/monitor/niet-ingediend.<str:fmt>",
        monitor.non_responders_download,
        name="monitor_non_responders",
    ),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("rondes/<int:year>/rapport.<str:fmt>", report.national_report, name="national_report"),
    path("data/", data.data_home, name="data"),
    path("data/export/", data.data_export, name="data_export"),
    path("data/instellingen/", data.institutions_download, name="data_institutions"),
    path("data/import/", data.data_import, name="data_import"),
    path("audit/", audit.audit_trail_view, name="audit"),
]
