"""What editors publish: one base model with drafts, and one ``public()`` rule.

Every public listing, feed, sitemap, search result and download of a domain app goes
through its model's ``objects.public()``. A model whose visibility depends on more than
its own ``live`` flag (a round of an unpublished fund, a paper of a confidential item)
says so once, in its queryset's ``public_rule()``.
"""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.caching import routing


class PublicQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """What the public may see: the rows that meet ``public_rule()``."""
        return self.filter(self.public_rule())

    def public_rule(self):
        """Published. Override to add the conditions a model's visibility depends on."""
        return models.Q(live=True)


class PublishableModel(
    DraftStateMixin, RevisionMixin, LockableMixin, PreviewableMixin, models.Model
):
    """Drafts, revisions, locking and preview, as Wagtail pages have them.

    ``index_page`` names the routable page ("app_label.ModelName") whose routes show
    these records: previews render under it, as the public pages do.
    """

    revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="base_content_type"
    )
    index_page = ""
    preview_template = ""

    objects = PublicQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_preview_template(self, request, mode_name):
        if routing.preview_page(self.index_page) is None:
            return "portal/preview_needs_its_page.html"
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        page = routing.preview_page(self.index_page)
        context["page"] = page
        if page is None:
            page_model = apps.get_model(self.index_page)
            context["page_name"] = page_model._meta.verbose_name
        return context
