import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.ops.scheduler import jobs, run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the site's scheduled jobs (publishing at go-live times, alert digests, "
        "purges) every minute until stopped. Safe to run on several servers at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the due jobs once, then stop."
        )

    def handle(self, *args, once=False, **options):
        if once:
            self.report(run_due_jobs())
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *args: stop.set())
        listed = ", ".join(f"{job.command} every {job.every}" for job in jobs())
        self.stdout.write(f"Scheduler started: {listed}.")
        while not stop.is_set():
            # A long-running process: drop database connections that went stale
            # between ticks, as a web request does when it starts.
            close_old_connections()
            run_due_jobs()
            # Wake at the start of the next minute, or at once when told to stop.
            stop.wait(60 - time.time() % 60)
        self.stdout.write("Scheduler stopped.")

    def report(self, outcomes):
        for command, outcome in outcomes.items():
            self.stdout.write(f"{command}: {outcome}")
