"""Background jobs of the analysts' workspace (django-tasks; in production the database backend)."""

from django_tasks import task

from analysts.services import mail_batches


@task()
def send_mail_batch(batch_id: int) -> None:
    mail_batches.mail_batch_run(batch_id=batch_id)
