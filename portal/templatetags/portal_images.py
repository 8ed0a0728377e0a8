from django import template

from portal import images

register = template.Library()


@register.simple_tag
def picture_for(image, kind, **attrs):
    """``<picture>`` in AVIF and WebP at the size ``portal.images.PICTURES[kind]``."""
    if not image:
        return ""
    return images.picture(image, kind, attrs)
