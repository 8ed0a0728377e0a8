"""The image sizes the templates show, made when an image is uploaded.

Templates show images through ``{% picture_for image "body" %}`` (see
``portal_tags``), which asks for exactly the renditions listed here: AVIF for the
browsers that read it, WebP for the rest. Making them on upload means no visitor waits
for an image to be resized, and a cached page never points at a missing file.
"""

from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

MODERN_FORMATS = "format-{avif,webp}"

# Where an image is shown, and the size it is shown at.
PICTURES = {
    "body": f"{MODERN_FORMATS}|max-1200x800",
    "enterprise_zone_site": f"{MODERN_FORMATS}|width-960",
}


def filter_specs(kind):
    return Filter.expand_spec(PICTURES[kind])


def every_filter_spec():
    return [spec for kind in PICTURES for spec in filter_specs(kind)]


def make_renditions(image):
    """Every rendition the templates use, made now if missing (one query if not)."""
    if image.file:
        image.get_renditions(*every_filter_spec())


def picture(image, kind, attrs):
    renditions = get_renditions_or_not_found(image, filter_specs(kind))
    return Picture(renditions, attrs)


def _made_on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        make_renditions(instance)


class ImageForm(BaseImageForm):
    """Wagtail's image form: replacing an image's file deletes its renditions after
    saving, so they are made again here."""

    def save(self, commit=True):
        image = super().save(commit=commit)
        if commit:
            make_renditions(image)
        return image


def connect_signals():
    post_save.connect(
        _made_on_save, sender=get_image_model(), dispatch_uid="portal-renditions"
    )
