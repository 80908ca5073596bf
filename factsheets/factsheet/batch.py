"""Every factsheet of a round at once: PDFs in a folder and one zip, for the command and the background job.

The pictures are computed (or read from the published snapshot) once, in this
process; rendering, the slow part, runs in `workers` processes that are handed
only the institution's own figures. One institution failing never stops the rest:
it is reported in `BatchResult.failures`.

Running a batch again gives the same files: a PDF depends only on the figures, and
a file whose bytes did not change is left alone (counted as `unchanged`). The zip
holds the PDFs sorted by name with a fixed timestamp, so it is byte-identical too.
"""

import logging
import multiprocessing
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connections

from factsheets.aggregation import institution_picture, institution_pictures
from factsheets.aggregation.pictures import InstitutionFigures, InstitutionPicture, NationalPicture
from factsheets.collector import long_lived_frozen
from factsheets.factsheet.render import render_factsheet_pdf, warm_up
from surveys.models import Institution, Round

logger = logging.getLogger(__name__)

ZIP_TIMESTAMP = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Failure:
    code: str
    name: str
    error: str


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    archive: Path | None = None

    @property
    def files(self) -> list[Path]:
        return sorted(self.written + self.unchanged)


Progress = Callable[[int, int, Failure | None], None]


def zip_name(round: Round) -> str:
    return f"factsheets-jumpscan-{round.year}.zip"


def round_pictures(round: Round, *, institution: Institution | None = None) -> list[InstitutionPicture]:
    """The pictures to render: every submitted institution's, or the one asked for (FiguresUnavailable if none)."""
    if institution is not None:
        return [institution_picture(round, institution)]
    return list(institution_pictures(round))


def generate_factsheets(
    round: Round,
    *,
    out_dir: Path,
    institution: Institution | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    make_zip: bool = True,
) -> BatchResult:
    """Write the factsheets of `round` into `out_dir` (and a zip of them); see the module docstring."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pictures = round_pictures(round, institution=institution)
    result = BatchResult()
    total = len(pictures)
    for number, outcome in enumerate(_render_all(pictures, out_dir, workers), start=1):
        if isinstance(outcome, Failure):
            logger.error("Factsheet of %s failed: %s", outcome.code, outcome.error)
            result.failures.append(outcome)
        else:
            path, changed = outcome
            (result.written if changed else result.unchanged).append(path)
        if progress is not None:
            progress(number, total, outcome if isinstance(outcome, Failure) else None)
    result.failures.sort(key=lambda f: (f.name, f.code))
    if make_zip and result.files:
        result.archive = write_zip(out_dir / zip_name(round), result.files)
    return result


def write_zip(path: Path, files: list[Path]) -> Path:
    partial = path.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(files, key=lambda f: f.name):
            info = zipfile.ZipInfo(file.name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())
    _replace_if_changed(partial, path)
    return path


def _replace_if_changed(partial: Path, path: Path) -> bool:
    if path.exists() and path.read_bytes() == partial.read_bytes():
        partial.unlink()
        return False
    partial.replace(path)
    return True


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write `content` to `path` unless it already holds exactly that; True when written."""
    if path.exists() and path.read_bytes() == content:
        return False
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(content)
    partial.replace(path)
    return True


def _render_all(pictures: list[InstitutionPicture], out_dir: Path, workers: int) -> Iterator:
    if workers <= 1 or len(pictures) <= 1:
        for picture in pictures:
            yield _render_one(picture, out_dir)
        return
    national = pictures[0].national
    # Forked workers inherit the national picture; each task carries only its own figures.
    # They never touch the database. Its connections are closed first all the same, so no
    # child holds a live one; inside a transaction (a test) closing would end it, so not then.
    if not any(connection.in_atomic_block for connection in connections.all()):
        connections.close_all()
    # Parse the stylesheets and load the fonts once here, so no worker pays for it again.
    warm_up()
    context = multiprocessing.get_context("fork")
    with (
        long_lived_frozen(),
        ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(national,)
        ) as pool,
    ):
        futures = {pool.submit(_render_in_worker, p.own, str(out_dir)): p for p in pictures}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a worker that died: report it, keep going
                own = futures[future].own.institution
                yield Failure(own.code, own.name, f"{type(error).__name__}: {error}")


def _render_one(picture: InstitutionPicture, out_dir: Path) -> tuple[Path, bool] | Failure:
    institution = picture.own.institution
    try:
        filename, _mimetype, content = render_factsheet_pdf(picture)
        path = out_dir / filename
        return path, write_if_changed(path, content)
    except Exception as error:  # one institution's failure must not stop the batch
        logger.exception("Rendering the factsheet of %s failed", institution.code)
        return Failure(institution.code, institution.name, f"{type(error).__name__}: {error}")


_worker_national: NationalPicture | None = None


def _init_worker(national: NationalPicture) -> None:
    global _worker_national
    _worker_national = national


def _render_in_worker(own: InstitutionFigures, out_dir: str) -> tuple[Path, bool] | Failure:
    picture = InstitutionPicture(national=_worker_national, own=own)
    return _render_one(picture, Path(out_dir))
