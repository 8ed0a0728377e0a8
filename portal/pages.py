"""The page each section lists its records on (meetings, the Board, funding)."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.caching.routing import IndexPageMixin


class SectionIndexPage(IndexPageMixin, Page):
    """One per site: an introduction above the lists its routes serve. Subclasses
    name the page type it sits under (``parent_page_types``) and their routes."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True

    def meta_description(self):
        return self.search_description
