import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "For local development: create an 'admin' superuser with a random password "
        "when there is no superuser yet, and print the password once. The address "
        "printed is WAGTAILADMIN_BASE_URL, which `make run` sets from HOST and PORT."
    )

    def handle(self, *args, **options):
        sign_in_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"Admin account: already set up (sign in at {sign_in_url})."
            )
            return
        password = secrets.token_urlsafe(12)
        # Named, because the admin's user form asks for both names before it saves.
        User.objects.create_superuser(
            "admin",
            "admin@localhost",
            password,
            first_name="Local",
            last_name="Administrator",
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created a local admin account. Sign in at {sign_in_url} "
                f"with username 'admin' and password '{password}'. "
                "It is shown only this once."
            )
        )
