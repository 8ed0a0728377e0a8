from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.search import index

        from portal import search, sitemaps
        from portal.ops import backup, bulk_data, seeding

        from . import bulk, cdn, seed
        from . import search as funding_search
        from .models import (
            EnterpriseZoneSite,
            Figure,
            Fund,
            FundedProject,
            FundingIndexPage,
        )
        from .sitemaps import (
            FundingListSitemap,
            FundSitemap,
            ProjectSitemap,
            SiteSitemap,
        )

        def describe(obj):
            return str(obj), obj.get_absolute_url(), getattr(obj, "description", "")

        def describe_project(project):
            text = f"{project.recipient}. {project.description}".strip(". ")
            return project.title, project.get_absolute_url(), text

        search.register(
            search.SearchSource("Fund", Fund, Fund.objects.public, describe)
        )
        search.register(
            search.SearchSource(
                "Funded project",
                FundedProject,
                lambda: FundedProject.objects.searchable().select_related("fund"),
                describe_project,
            )
        )
        search.register(search.ListingSource("funding", funding_search.listings))

        def reindex_funding_page(**kwargs):
            # The funding page's search entry holds its figures' words.
            for page in FundingIndexPage.objects.live():
                index.insert_or_update_object(page)

        post_save.connect(reindex_funding_page, sender=Figure, weak=False)
        post_delete.connect(reindex_funding_page, sender=Figure, weak=False)
        search.register(
            search.SearchSource(
                "Enterprise Zone site",
                EnterpriseZoneSite,
                EnterpriseZoneSite.objects.public,
                describe,
            )
        )
        sitemaps.register("funding", FundingListSitemap)
        sitemaps.register("funds", FundSitemap)
        sitemaps.register("projects", ProjectSitemap)
        sitemaps.register("sites", SiteSitemap)
        cdn.register()
        backup.register_content(Fund, FundedProject)
        seeding.register("funding", seed.seed)
        bulk_data.register(bulk.generate, projects="Example funded projects to add.")
