"""The factsheets of a round as background jobs: start a batch, render a share of it, finish it.

A batch is split into chunks, one job each (factsheets/tasks.py), so every extra
`db_worker` process takes a share of the work. Each rendered PDF goes to the default
storage under the batch's folder; each job reports every institution in one short
locked update, and the job that reports the last one packs the zip (and removes the
single PDFs, which the zip now holds).
"""

import logging
import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factsheets.aggregation import FiguresUnavailable, institution_picture
from factsheets.batch_models import FactsheetBatch
from factsheets.factsheet.batch import write_zip, zip_name
from factsheets.factsheet.stored import stored_factsheet_pdf
from surveys.models import Institution, Response, Round, User

logger = logging.getLogger(__name__)

CHUNK_SIZE = 8


def batch_folder(batch: FactsheetBatch) -> str:
    return f"factsheets/batches/{batch.pk}"


def batch_institutions(round: Round) -> list[int]:
    """The institutions with a submitted scan in the round, in name order."""
    return list(
        Response.objects.filter(round=round, status=Response.Status.SUBMITTED)
        .order_by("institution__name", "institution_id")
        .values_list("institution_id", flat=True)
    )


def batch_start(*, round: Round, user: User) -> FactsheetBatch:
    """Queue the factsheets of every submitted institution of a published round."""
    from factsheets.tasks import render_factsheet_chunk

    if not user.is_analyst:
        raise PermissionDenied
    if round.status != Round.Status.PUBLISHED:
        raise ValidationError(_("Publiceer de ronde voordat u de factsheets maakt."), code="round_not_published")
    institutions = batch_institutions(round)
    batch = FactsheetBatch(round=round, created_by=user, total=len(institutions), status=FactsheetBatch.Status.RUNNING)
    batch.full_clean()
    batch.save()
    if not institutions:
        batch_finish(batch_id=batch.pk)
        return batch
    # Enqueue after the commit, so a worker never looks for a batch it cannot see yet.
    for start in range(0, len(institutions), CHUNK_SIZE):
        chunk = institutions[start : start + CHUNK_SIZE]
        transaction.on_commit(lambda chunk=chunk: render_factsheet_chunk.enqueue(batch.pk, chunk))
    return batch


def render_chunk(*, batch_id: int, institution_ids: list[int]) -> None:
    """Render these institutions' factsheets into the batch folder, reporting each one."""
    batch = FactsheetBatch.objects.select_related("round").get(pk=batch_id)
    institutions = Institution.objects.in_bulk(institution_ids)
    for institution_id in institution_ids:
        institution = institutions.get(institution_id)
        try:
            if institution is None:
                raise FiguresUnavailable(str(institution_id))
            # Kept as well, so the web download of each of them is instant afterwards.
            filename, _mimetype, content = stored_factsheet_pdf(institution_picture(batch.round, institution))
            path = f"{batch_folder(batch)}/{filename}"
            if default_storage.exists(path):
                default_storage.delete(path)
            default_storage.save(path, ContentFile(content, name=filename))
            failure = None
        except Exception as error:  # one institution's failure must not stop the batch
            logger.exception("Factsheet of institution %s in batch %s failed", institution_id, batch_id)
            failure = {
                "code": institution.code if institution else str(institution_id),
                "name": institution.name if institution else "",
                "error": f"{type(error).__name__}: {error}",
            }
        if _report(batch_id, institution_id, failure):
            batch_finish(batch_id=batch_id)


@transaction.atomic
def _report(batch_id: int, institution_id: int, failure: dict | None) -> bool:
    """Count one factsheet once; True for the report that completes the batch (exactly one)."""
    batch = FactsheetBatch.objects.select_for_update().get(pk=batch_id)
    if institution_id in batch.reported:
        return False  # rendered again after a restart: the file was replaced, the count stays
    if failure is None:
        batch.done += 1
    else:
        batch.failures = [*batch.failures, failure]
    batch.reported = [*batch.reported, institution_id]
    batch.progressed_at = timezone.now()
    batch.save(update_fields=["done", "failures", "reported", "progressed_at"])
    return batch.processed == batch.total


def batch_resume(*, batch_id: int) -> int:
    """Queue again the institutions of an unfinished batch that no job reported (a worker died).

    Safe to call while other workers still run: an institution rendered twice replaces
    its own file and is counted once. Returns how many institutions were queued again.
    """
    from factsheets.tasks import render_factsheet_chunk

    batch = FactsheetBatch.objects.select_related("round").get(pk=batch_id)
    if batch.finished:
        return 0
    missing = [pk for pk in batch_institutions(batch.round) if pk not in set(batch.reported)]
    if not missing:
        batch_finish(batch_id=batch.pk)
        return 0
    for start in range(0, len(missing), CHUNK_SIZE):
        render_factsheet_chunk.enqueue(batch.pk, missing[start : start + CHUNK_SIZE])
    return len(missing)


def batches_resume() -> dict[int, int]:
    """Resume every unfinished batch; batch id -> institutions queued again."""
    unfinished = FactsheetBatch.objects.filter(status__in=FactsheetBatch.UNFINISHED)
    return {batch_id: batch_resume(batch_id=batch_id) for batch_id in unfinished.values_list("pk", flat=True)}


def batch_finish(*, batch_id: int) -> FactsheetBatch:
    """Pack the rendered factsheets into the batch's zip and mark it done (failed when none came out)."""
    # Claim the packing with a conditional update: a resumed batch can be completed by two
    # reports at once, and only one of them may pack.
    claimed = FactsheetBatch.objects.filter(pk=batch_id, finished_at__isnull=True).update(finished_at=timezone.now())
    batch = FactsheetBatch.objects.select_related("round").get(pk=batch_id)
    if not claimed:
        return batch
    folder = batch_folder(batch)
    names = sorted(name for name in _listdir(folder) if name.endswith(".pdf"))
    try:
        if names:
            with tempfile.TemporaryDirectory() as scratch:
                files = []
                for name in names:
                    local = Path(scratch) / name
                    with default_storage.open(f"{folder}/{name}", "rb") as stored:
                        local.write_bytes(stored.read())
                    files.append(local)
                archive = write_zip(Path(scratch) / zip_name(batch.round), files)
                with archive.open("rb") as handle:
                    batch.archive.save(f"{batch.pk}/{archive.name}", File(handle), save=False)
            for name in names:  # the zip holds them now
                default_storage.delete(f"{folder}/{name}")
        batch.status = FactsheetBatch.Status.DONE if names or not batch.total else FactsheetBatch.Status.FAILED
    except Exception as error:
        logger.exception("Packing batch %s failed", batch_id)
        batch.status = FactsheetBatch.Status.FAILED
        batch.error = f"{type(error).__name__}: {error}"
    batch.finished_at = timezone.now()
    batch.save(update_fields=["archive", "status", "error", "finished_at"])
    return batch


def _listdir(folder: str) -> list[str]:
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []
