from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app, for when no superuser can sign in to do "
        "it from Settings › Users: they add a new one at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user called '{username}'.") from None
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        if not removed:
            self.stdout.write(f"{username} has no authenticator app: nothing to do.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {username}'s authenticator app: they will add a new one "
                "the next time they sign in."
            )
        )
