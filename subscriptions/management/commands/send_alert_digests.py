from django.core.management.base import BaseCommand

from subscriptions.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each confirmed alert subscription the Board papers that became public "
        "since it was confirmed and were not sent before. Run it hourly."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        if sent is None:
            self.stdout.write("Another run is still sending digests; nothing done.")
        else:
            self.stdout.write(f"Sent {sent} digest email(s).")
