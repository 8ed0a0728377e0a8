from django.core.management.base import BaseCommand, CommandError

from portal.ops.backup import BackupError, export_site


class Command(BaseCommand):
    help = (
        "Write the whole site (database content, uploaded images and documents, and "
        "Board meeting papers) to a new folder, with a manifest of checksums. "
        "Restore it with import_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new or empty folder to write to.")

    def handle(self, *args, folder, **options):
        try:
            manifest = export_site(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported the database and {len(manifest['files'])} file(s) to "
                f"{folder}."
            )
        )
