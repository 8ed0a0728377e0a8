from django.core.management import call_command
from django.core.management.base import BaseCommand

from funding import bulk as funding_bulk
from meetings import bulk as meetings_bulk


class Command(BaseCommand):
    help = (
        "Create realistic bulk data for benchmarks: meetings with documents, and "
        "funded projects. Run seed_portal first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=0)
        parser.add_argument("--documents", type=int, default=0)
        parser.add_argument("--projects", type=int, default=0)

    def handle(self, *args, **options):
        for name in ("meetings", "documents", "projects"):
            if options[name] < 0:
                self.stderr.write(f"--{name} must be zero or more.")
                raise SystemExit(2)
        # Each app adds its part here: meetings.bulk and funding.bulk.
        meetings_bulk.generate(
            meetings=options["meetings"],
            documents=options["documents"],
            log=self.stdout.write,
        )
        funding_bulk.generate(projects=options["projects"], log=self.stdout.write)
        call_command("analyze_database", stdout=self.stdout)
