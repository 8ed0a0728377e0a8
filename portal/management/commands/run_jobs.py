from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.ops.jobs import run_queued_jobs, worker_arguments


class Command(BaseCommand):
    help = (
        "Run queued background jobs (large imports, reading scanned papers) until "
        "stopped. Safe to run on several servers at once: each job runs once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the queued jobs, then stop."
        )

    def handle(self, *args, once=False, **options):
        if once:
            run_queued_jobs()
            return
        self.stdout.write("Job worker started.")
        call_command(
            "db_worker",
            *worker_arguments(),
            "--interval=1",
            verbosity=options["verbosity"],
        )
