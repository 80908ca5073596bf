"""Background jobs of the factsheets app (django-tasks; in production the database backend).

Run workers with `python manage.py db_worker`; more workers render a batch faster,
because a batch is queued as several chunks (factsheets/factsheet/jobs.py).
"""

from django_tasks import task

from factsheets.factsheet import jobs


@task()
def render_factsheet_chunk(batch_id: int, institution_ids: list[int]) -> None:
    jobs.render_chunk(batch_id=batch_id, institution_ids=institution_ids)
