from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=40, help_text="e.g. LinkedIn")
    url = blocks.URLBlock()


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        max_length=120, default="North East Local Enterprise Partnership"
    )
    short_name = models.CharField(
        max_length=40, default="North East LEP", help_text="Shown in the header."
    )
    contact_email = models.EmailField(
        default="info@example.org",
        help_text="Where the public can get in touch, and where contact form messages "
        "go. An example address (such as info@example.org) is never shown: the "
        "contact form is linked instead.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The contact form, linked from every footer.",
    )
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    footer_links = StreamField(
        [("page", blocks.PageChooserBlock())],
        blank=True,
        help_text="Pages linked from every footer, e.g. accessibility and privacy.",
    )
    footer_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown in every footer.",
    )
    grant_funder_identifier = models.CharField(
        "funder's organisation identifier",
        max_length=100,
        blank=True,
        help_text="The organisation's org-id.guide identifier (e.g. GB-GOV-…, "
        "GB-LAE-…), named as the funder of every grant in the 360Giving data. If "
        "blank, an identifier under the site's 360Giving prefix is used.",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared on social media or in a chat. "
        "At least 1200 × 630 pixels; it is cropped to that shape.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("short_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_page"),
        FieldPanel("social_links"),
        FieldPanel("footer_links"),
        FieldPanel("footer_text"),
        FieldPanel("share_image"),
        FieldPanel("grant_funder_identifier"),
    ]

    class Meta:
        verbose_name = "site settings"
