"""Benchmark: the round data export for 10,000 institutions, as CSV and as XLSX (target: under 5 s each).

Runs against its own PostgreSQL database (created when missing, filled once with
synthetic responses by bulk inserts and reused on later runs):

    .venv/bin/python bench/export.py [--database-url postgres://postgres@127.0.0.1:5432/jump_bench_export]
                                     [--institutions 10000] [--repeat 3] [--refill]

Prints the time of each format (best of --repeat) and exits 1 when one exceeds the target.
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

TARGET_SECONDS = 5.0


def fill(count: int) -> None:
    """Synthetic but plausible: every statement answered, a few open texts (some hostile to spreadsheets)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from surveys.models import (
        BlockAnswer,
        CollaborationAnswer,
        FocusAreaChoice,
        Institution,
        InstitutionType,
        PriorityRank,
        QuestionnaireVersion,
        Region,
        Response,
        Round,
        StatementAnswer,
    )

    call_command("load_questionnaire", verbosity=0, stdout=io.StringIO())
    questionnaire = QuestionnaireVersion.objects.get(code="2021")
    with transaction.atomic():
        Round.objects.filter(year=2021).exclude(questionnaire=questionnaire).delete()
        round, _ = Round.objects.get_or_create(
            year=2021,
            defaults={
                "title": "JuMP-scan 2021 (benchmark)",
                "questionnaire": questionnaire,
                "opens_on": datetime.date(2021, 3, 23),
                "closes_on": datetime.date(2021, 5, 22),
                "status": Round.Status.CLOSED,
            },
        )
        for model in (StatementAnswer, BlockAnswer, FocusAreaChoice, CollaborationAnswer, PriorityRank):
            model.objects.filter(response__round=round).delete()
        Response.objects.filter(round=round).delete()
        Institution.objects.filter(code__startswith="bench-").delete()
        types, regions = InstitutionType.values, Region.values
        institutions = Institution.objects.bulk_create(
            Institution(
                code=f"bench-{n:05d}",
                name=f"Ziekenhuis {n:05d} – Zorg dichtbij",
                type=types[n % len(types)],
                region=regions[n % len(regions)],
            )
            for n in range(count)
        )
        submitted_at = timezone.make_aware(datetime.datetime(2021, 4, 15, 10, 0))
        responses = Response.objects.bulk_create(
            (
                Response(
                    round=round,
                    institution=institution,
                    status=Response.Status.SUBMITTED,
                    submitted_at=submitted_at,
                    institution_type=institution.type,
                    region=institution.region,
                    pride_example=f"Ons voorbeeld nummer {n}: thuismonitoring met de huisartsen en de VVT.",
                    consent_to_quote=bool(n % 2),
                )
                for n, institution in enumerate(institutions)
            ),
            batch_size=2000,
        )
        statements = list(questionnaire.statements.all())
        blocks = list(questionnaire.blocks.order_by("position"))
        areas = list(questionnaire.focus_areas.all())
        stakeholders = list(questionnaire.stakeholders.all())

        def rows():
            for n, response in enumerate(responses):
                for i, statement in enumerate(statements):
                    yield StatementAnswer(response=response, statement=statement, level=(n + i) % 4 + 1)

        StatementAnswer.objects.bulk_create(rows(), batch_size=5000)
        BlockAnswer.objects.bulk_create(
            (
                BlockAnswer(response=response, block=blocks[n % 8], good_example="=Goed voorbeeld", remarks="Geen")
                for n, response in enumerate(responses)
            ),
            batch_size=5000,
        )
        FocusAreaChoice.objects.bulk_create(
            (
                FocusAreaChoice(response=response, focus_area=area)
                for n, response in enumerate(responses)
                for i, area in enumerate(areas)
                if (n + i) % 2
            ),
            batch_size=5000,
        )
        CollaborationAnswer.objects.bulk_create(
            (
                CollaborationAnswer(response=response, stakeholder=stakeholder, intensity=(n + i) % 4 + 1)
                for n, response in enumerate(responses)
                for i, stakeholder in enumerate(stakeholders)
            ),
            batch_size=5000,
        )
        PriorityRank.objects.bulk_create(
            (
                PriorityRank(response=response, block=block, rank=(n + i) % 8 + 1)
                for n, response in enumerate(responses)
                for i, block in enumerate(blocks)
            ),
            batch_size=5000,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jump_bench_export"),
    )
    parser.add_argument("--institutions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--refill", action="store_true", help="rebuild the synthetic data even if present")
    args = parser.parse_args()

    ensure_database(args.database_url)
    django_setup(
        args.database_url,
        DEBUG="false",
        SECRET_KEY="benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    )
    from django.core.management import call_command

    from analysts.exports import round_data
    from surveys.models import Response, Round

    call_command("migrate", verbosity=0)
    round = Round.objects.filter(year=2021).select_related("questionnaire").first()
    present = Response.objects.filter(round=round).count() if round else 0
    if args.refill or present != args.institutions:
        started = time.perf_counter()
        fill(args.institutions)
        print(f"filled {args.institutions:,} institutions in {time.perf_counter() - started:.1f} s")
        round = Round.objects.select_related("questionnaire").get(year=2021)

    failed = False
    for fmt in round_data.FORMATS:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            filename, _mimetype, content = round_data.render(round=round, fmt=fmt)
            times.append(time.perf_counter() - started)
        best = min(times)
        failed |= best > TARGET_SECONDS
        print(
            f"{fmt:>4}: {best:.2f} s best of {args.repeat} ({', '.join(f'{t:.2f}' for t in times)}); "
            f"{filename} {len(content) / 1e6:.1f} MB — {'OK' if best <= TARGET_SECONDS else 'TOO SLOW'} "
            f"(target {TARGET_SECONDS:.0f} s)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
