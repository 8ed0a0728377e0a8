import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "For local development: create an 'admin' superuser with a random password "
        "when there is no superuser yet, and print the password once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Admin account: already set up (sign in at /admin/).")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(
                "Created a local admin account. Sign in at "
                "http://127.0.0.1:8000/admin/ "
                f"with username 'admin' and password '{password}'. "
                "It is shown only this once."
            )
        )
