from django.core.management.base import BaseCommand
from wagtail.models import Site

# Addresses a development server had: moved when `make run` is given another port.
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


class Command(BaseCommand):
    help = (
        "For local development: point the default site at the development server, so "
        "links in emails and feeds open there. A site whose address was set to a "
        "real host name is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.hostname not in LOCAL_HOSTS:
            return
        if (site.hostname, site.port) == (host, port):
            return
        site.hostname, site.port = host, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Site address: {site.root_url}")
