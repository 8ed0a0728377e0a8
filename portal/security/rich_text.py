"""Rich text as it is shown to the public: only the markup an editor could have made.

Wagtail's editor cleans what editors type, but rich text can reach the database
without it (an import, the shell, the API, an old revision). Every public rendering of
rich text goes through ``templates/wagtailcore/shared/richtext.html``, which both the
``|richtext`` filter and rich text blocks use, and that template passes the expanded
HTML through :func:`sanitise`: scripts, event handlers, ``javascript:`` links, styles
and frames are removed, while Wagtail's page and document links, images and video
embeds keep working.
"""

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.element import PreformattedString
from bs4.formatter import HTMLFormatter
from django.utils.safestring import mark_safe
from wagtail.whitelist import Whitelister, attribute_rule, check_url

# Removed with everything inside them, not just unwrapped: their text is code.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "head",
}
# Video embeds (Wagtail's oEmbed output) are kept only from these hosts, over HTTPS.
EMBED_HOSTS = {
    "www.youtube.com",
    "www.youtube-nocookie.com",
    "player.vimeo.com",
}
# HTML5 output escaping only what must be: &, < and > in text, quotes in attributes.
OUTPUT = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix="",
    empty_attributes_are_booleans=True,
)
RESPONSIVE_EMBED_STYLE = re.compile(r"padding-bottom:\s*[0-9.]+%;?")


def _embed_source(url):
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname in EMBED_HOSTS:
        return url
    return None


def _responsive_embed_style(style):
    return style if RESPONSIVE_EMBED_STYLE.fullmatch(style.strip()) else None


def _css_classes(value):
    # BeautifulSoup gives multi-valued attributes as lists.
    classes = value if isinstance(value, list) else str(value).split()
    kept = [name for name in classes if re.fullmatch(r"[-\w]+", name)]
    return kept or None


_plain = attribute_rule({})
ELEMENT_RULES = {
    "[document]": _plain,
    "a": attribute_rule({"href": check_url, "title": True}),
    "img": attribute_rule(
        {
            "src": check_url,
            "alt": True,
            "width": True,
            "height": True,
            "class": _css_classes,
        }
    ),
    "div": attribute_rule({"class": _css_classes, "style": _responsive_embed_style}),
    "iframe": attribute_rule(
        {
            "src": _embed_source,
            "width": True,
            "height": True,
            "title": True,
            "allow": True,
            "allowfullscreen": True,
            "frameborder": True,
        }
    ),
    **{
        name: _plain
        for name in (
            "p b strong i em u s sub sup code blockquote br hr h2 h3 h4 h5 h6 ol ul li"
        ).split()
    },
}


class PublicRichText(Whitelister):
    element_rules = ELEMENT_RULES

    def clean(self, html):
        document = BeautifulSoup(html, "html.parser")
        self.clean_node(document, document)
        return document.decode(formatter=OUTPUT)

    def clean_string_node(self, doc, node):
        # Comments, CDATA, declarations and processing instructions are written out
        # raw, so a "]]>" or "-->" inside one could open a real tag.
        if isinstance(node, PreformattedString):
            node.extract()

    def clean_tag_node(self, doc, tag):
        if tag.name == "iframe" and _embed_source(tag.get("src", "")):
            for child in list(tag.contents):
                child.extract()
            ELEMENT_RULES["iframe"](tag)
            return
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def sanitise(html):
    """``html`` with only the elements and attributes public rich text may have."""
    if not html:
        return ""
    return mark_safe(PublicRichText().clean(str(html)))  # noqa: S308 - cleaned above
