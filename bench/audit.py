"""Benchmark: the analysts' audit trail page over seven years of history (target: a page under 0.5 s).

Runs against its own PostgreSQL database (created when missing, filled once and reused):

    .venv/bin/python bench/audit.py [--database-url postgres://postgres@127.0.0.1:5432/jump_bench_audit]
                                    [--changes 500000] [--entries 50000] [--repeat 3] [--refill]

The history: seven yearly rounds of 100 institutions, `--changes` answer changes by their
300 contact persons (each round's in its own two-month window) and `--entries` audit log
entries (round status, questionnaire, user rights). Prints the time of each page (best of --repeat,
view called directly with a signed-in analyst, template rendered) and its query count.
"""

import argparse
import datetime
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._setup import django_setup, ensure_database  # noqa: E402

TARGET_SECONDS = 0.5
INSTITUTIONS = 100
YEARS = 7


def fill(changes: int, entries: int) -> None:
    """Seven yearly rounds (2020-2026); each round's answer changes fall in its own window, as in reality."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from analysts.models import AuditEntry
    from surveys.models import AnswerChange, Institution, QuestionnaireVersion, Response, Round, User

    call_command("load_questionnaire", verbosity=0, stdout=io.StringIO())
    questionnaire = QuestionnaireVersion.objects.get(code="2021")
    codes = list(questionnaire.statements.values_list("code", flat=True))
    years = list(range(2020, 2020 + YEARS))
    with transaction.atomic():
        AnswerChange.objects.all().delete()
        AuditEntry.objects.all().delete()
        Response.objects.filter(institution__code__startswith="bench-").delete()
        User.objects.filter(username__startswith="bench-").delete()
        Institution.objects.filter(code__startswith="bench-").delete()
        rounds = []
        for year in years:
            round, _ = Round.objects.get_or_create(
                year=year,
                defaults={
                    "title": f"JuMP-scan {year} (benchmark)",
                    "questionnaire": questionnaire,
                    "opens_on": datetime.date(year, 3, 23),
                    "closes_on": datetime.date(year, 5, 22),
                    "status": Round.Status.CLOSED,
                },
            )
            rounds.append(round)
        institutions = Institution.objects.bulk_create(
            Institution(code=f"bench-{n:03d}", name=f"Ziekenhuis {n:03d}") for n in range(INSTITUTIONS)
        )
        people = User.objects.bulk_create(
            User(username=f"bench-{n:04d}", first_name=f"Persoon {n}", institution=institutions[n % INSTITUTIONS])
            for n in range(INSTITUTIONS * 3)
        )
        responses = Response.objects.bulk_create(
            Response(round=round, institution=institution, institution_type=institution.type, region=institution.region)
            for round in rounds
            for institution in institutions
        )
        analyst, _ = User.objects.get_or_create(
            username="bench-analist", defaults={"role": User.Role.ANALYST, "first_name": "Analist"}
        )
        window = datetime.timedelta(days=60).total_seconds()
        per_round = changes // YEARS

        def moment(year: int, fraction: float) -> datetime.datetime:
            opens = timezone.make_aware(datetime.datetime(year, 3, 23, 8, 0))
            return opens + datetime.timedelta(seconds=window * fraction)

        created = AnswerChange.objects.bulk_create(
            (
                AnswerChange(
                    response=responses[(n // per_round) % YEARS * INSTITUTIONS + n % INSTITUTIONS],
                    changed_by=people[n % len(people)],
                    item=f"statement:{codes[n % len(codes)]}",
                    item_label=codes[n % len(codes)],
                    old_value=str(n % 4 + 1),
                    new_value=str((n + 1) % 4 + 1),
                )
                for n in range(per_round * YEARS)
            ),
            batch_size=5000,
        )
        # auto_now_add stamps every row now; they belong in their round's window.
        for start in range(0, len(created), 20000):
            batch = created[start : start + 20000]
            for n, change in enumerate(batch, start=start):
                change.changed_at = moment(years[(n // per_round) % YEARS], (n % per_round) / per_round)
            AnswerChange.objects.bulk_update(batch, ["changed_at"], batch_size=5000)
        actions = [("round.open", "surveys.round"), ("statement.update", "surveys.questionnaireversion")]
        actions.append(("user.rights", "surveys.user"))
        log = AuditEntry.objects.bulk_create(
            (
                AuditEntry(
                    actor=analyst,
                    action=actions[n % 3][0],
                    object_type=actions[n % 3][1],
                    object_id=str((rounds[n % YEARS].pk, questionnaire.pk, people[n % len(people)].pk)[n % 3]),
                    object_repr="benchmark",
                    old={"is_active": True},
                    new={"is_active": False},
                )
                for n in range(entries)
            ),
            batch_size=5000,
        )
        for n, entry in enumerate(log):
            entry.at = moment(years[n % YEARS], n / entries) - datetime.timedelta(days=30)
        AuditEntry.objects.bulk_update(log, ["at"], batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jump_bench_audit"),
    )
    parser.add_argument("--changes", type=int, default=500_000)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--refill", action="store_true", help="rebuild the synthetic history even if present")
    args = parser.parse_args()

    ensure_database(args.database_url)
    # Development settings: the page's static links need no collected manifest.
    django_setup(args.database_url, DEBUG="true")
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from analysts.models import AuditEntry
    from analysts.views.audit import audit_trail_view
    from surveys.models import AnswerChange, User

    call_command("migrate", verbosity=0)
    expected = (args.changes // YEARS * YEARS, args.entries)
    if args.refill or (AnswerChange.objects.count(), AuditEntry.objects.count()) != expected:
        started = time.perf_counter()
        fill(args.changes, args.entries)
        print(f"filled {args.changes:,} answer changes and {args.entries:,} audit entries in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    analyst = User.objects.get(username="bench-analist")
    pages = {
        "newest": {},
        "page 200": {"pagina": "200"},
        "one institution": {"instelling": "bench-042"},
        "one person": {"persoon": "bench-0042"},
        "user rights": {"soort": "rechten"},
        "round 2021": {"ronde": "2021"},
        "round 2021, one person": {"ronde": "2021", "persoon": "bench-0042"},
        "May 2021": {"van": "2021-05-01", "tot": "2021-05-31"},
    }
    failed = False
    for label, query in pages.items():
        times = []
        for _ in range(args.repeat):
            request = RequestFactory().get("/analist/audit/", query)
            request.user = analyst
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = audit_trail_view(request)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        best = min(times)
        failed |= best > TARGET_SECONDS
        print(
            f"{label:>22}: {best * 1000:.0f} ms best of {args.repeat}, {len(queries)} queries — "
            f"{'OK' if best <= TARGET_SECONDS else 'TOO SLOW'} (target {TARGET_SECONDS * 1000:.0f} ms)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
