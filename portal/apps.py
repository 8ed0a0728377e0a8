from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page

        # page_cache registers its deployment check when imported.
        from portal import (  # noqa: F401
            admin_users,
            contact_address,
            images,
            search,
            uk_time,
        )
        from portal.caching import (  # noqa: F401
            cdn,
            changes,
            page_cache,
            routing,
        )
        from portal.models import SiteSettings

        uk_time.register_admin_date_fields()
        admin_users.use_for_settings_users()
        changes.connect_signals()
        cdn.connect_signals()
        images.connect_signals()
        cdn.register(Page, cdn.page_paths)
        cdn.register(SiteSettings, cdn.site_settings_paths)
        cdn.register(get_image_model(), cdn.referencing_paths)
        cdn.register(get_document_model(), cdn.referencing_paths)

        def specific_pages(pages):
            found = Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
            by_pk = {page.pk: page for page in found}
            return [by_pk.get(page.pk, page) for page in pages]

        def describe_page(page):
            search_text = getattr(page, "search_text", None)
            text = search_text() if search_text else page.search_description
            return page.title, page.url, text

        search.register(
            search.SearchSource(
                "Page", Page, routing.public_pages, describe_page, specific_pages
            )
        )
