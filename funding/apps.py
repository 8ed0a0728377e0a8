from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding"

    def ready(self):
        from portal import search, sitemaps
        from portal.ops import backup, bulk_data, seeding

        from . import bulk, cdn, seed
        from .models import EnterpriseZoneSite, Fund, FundedProject
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
                FundedProject.objects.searchable,
                describe_project,
            )
        )
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
