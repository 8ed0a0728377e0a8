from django.core.management.base import BaseCommand, CommandError

from portal.ops.backup import BackupError, import_site


class Command(BaseCommand):
    help = (
        "Restore a folder written by export_site into an empty, migrated database: "
        "every file is checked against the manifest first, and the database is "
        "restored in one transaction. Refuses a database that already has content."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The folder export_site wrote.")

    def handle(self, *args, folder, **options):
        try:
            summary = import_site(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary.objects} database object(s) and "
                f"{summary.files} file(s) from {folder}."
            )
        )
