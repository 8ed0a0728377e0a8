from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from funding.importing import IMPORTERS, import_csv


class Command(BaseCommand):
    help = (
        "Import fund rounds, funded projects or Enterprise Zone sites from a CSV file. "
        "All or nothing: any bad row is reported and nothing is written. Rows are "
        "matched on their identifier (slug for sites), so re-importing changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", required=True, choices=sorted(IMPORTERS))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing.",
        )
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="Save the rows as drafts, for an editor to publish: by default the "
            "rows are published.",
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        report = import_csv(
            data,
            options["kind"],
            dry_run=options["dry_run"],
            publish=not options["drafts"],
        )
        for error in report.errors:
            self.stderr.write(str(error))
        for warning in report.warnings:
            self.stderr.write(f"Warning: {warning}")
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
