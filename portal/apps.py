from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from wagtail.models import Page

        from portal import navigation, search

        navigation.connect_signals()

        def public_pages():
            return Page.objects.live().public().specific()

        def describe_page(page):
            search_text = getattr(page, "search_text", None)
            text = search_text() if search_text else page.search_description
            return page.title, page.url, text

        search.register(search.SearchSource("Page", public_pages, describe_page))
