"""Plain Django URLs of this app (included by portal/urls.py before Wagtail's pages)."""

urlpatterns = []
