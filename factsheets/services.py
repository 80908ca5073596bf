"""Workflows of the factsheets app: publishing a round freezes its figures."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from factsheets.aggregation import METHOD_VERSION, compute_figures
from factsheets.factsheet.stored import stored_factsheets_clear
from factsheets.models import Snapshot
from surveys.models import Round, User

PUBLISHABLE = (Round.Status.CLOSED, Round.Status.PUBLISHED)


@transaction.atomic
def round_publish(*, round: Round, user: User) -> Snapshot:
    """Publish a closed round: store a snapshot of its figures and mark the round published.

    Publishing an already published round stores a new snapshot (the figures as they
    are now) and keeps the earlier ones; outputs show the latest.
    """
    if not user.is_analyst:
        raise PermissionDenied
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if locked.status not in PUBLISHABLE:
        raise ValidationError(_("Sluit de ronde voordat u die publiceert."), code="round_not_closed")
    # Published first (in this transaction), so the stored picture says so too.
    locked.status = Round.Status.PUBLISHED
    locked.save(update_fields=["status"])
    snapshot = Snapshot(
        round=locked,
        created_by=user,
        method_version=METHOD_VERSION,
        questionnaire_id=locked.questionnaire_id,
        figures=compute_figures(locked),
    )
    snapshot.full_clean()
    snapshot.save()
    # The factsheets kept for the earlier figures can never be asked for again.
    transaction.on_commit(lambda: stored_factsheets_clear(locked.year))
    round.status = locked.status
    return snapshot


def latest_snapshot(round: Round) -> Snapshot | None:
    """The snapshot outputs of `round` show, or None when it was never published."""
    return Snapshot.objects.filter(round=round).order_by("-created_at", "-id").first()
