"""Plain Django URLs of this app (included by portal/urls.py before Wagtail's pages).

The open data files sit under the funding page (``/funding/projects.csv``), but
Wagtail's page URLs cannot contain a dot, so they are routed here, to that page.
"""

from django.urls import re_path

from . import exports, views

FILE_NAMES = "|".join(name.replace(".", r"\.") for name in exports.OPEN_DATA_FILES)

urlpatterns = [
    re_path(
        rf"^(?P<page_path>(?:[\w\-]+/)+)(?P<name>{FILE_NAMES})$",
        views.open_data_file,
        name="funding_open_data",
    ),
]
