from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.ops import bulk_data


class Command(BaseCommand):
    help = (
        "Add made-up data in bulk for benchmarks, labelled as such: each app adds "
        "its own kinds (see the options). Run seed_portal first."
    )

    def add_arguments(self, parser):
        for generator in bulk_data.generators():
            for name, help_text in generator.counts.items():
                parser.add_argument(f"--{name}", type=int, default=0, help=help_text)

    def handle(self, *args, **options):
        for generator in bulk_data.generators():
            for name in generator.counts:
                if options[name] < 0:
                    raise CommandError(f"--{name} must be zero or more.")
        for generator in bulk_data.generators():
            counts = {name: options[name] for name in generator.counts}
            generator.generate(log=self.stdout.write, **counts)
        call_command("analyze_database", stdout=self.stdout)
