"""The one body StreamBlock every page reuses: a new kind of block is added here."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")],
        default="h2",
        help_text="Keep headings in order: a level 3 heading follows a level 2.",
    )

    class Meta:
        icon = "title"
        template = "includes/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "includes/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text="Say where the link goes.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "includes/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                {"page": blocks.BlockValidationError("Choose a page or enter a URL.")}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, help_text="Defaults to the document's title."
    )

    class Meta:
        icon = "doc-full"
        template = "includes/blocks/document_link.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        help_text="Says what the table shows, for screen readers."
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("number", blocks.DecimalBlock()),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ]
    )

    class Meta:
        icon = "table"
        template = "includes/blocks/table.html"


RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock()

    def clean(self, value):
        """Drop image blocks left without an image: a draft saved (or autosaved) while
        one was being added would otherwise keep an empty picture in the page."""
        kept = [
            (child.block_type, child.value, child.id)
            for child in value
            if not (child.block_type == "image" and child.value is None)
        ]
        return super().clean(blocks.StreamValue(self, kept))
