"""Papers for the accessibility checks, made here rather than committed: PDFs with and
without tags, a title, a language, a text layer and bookmarks; a scan made by drawing a
page of text with Pillow; and Office and OpenDocument files with and without a title
and language."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from meetings import pdf
from tests.meetings.upload_samples import DOCX_TYPES, zip_bytes

EVERYTHING = ("tags", "title", "shown", "language", "bookmarks")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def text_pdf(lines=("Skills and apprenticeships across the region.",), pages=1):
    """A PDF with real text and nothing else: untagged, no title, no language."""
    return pdf.text_pdf([("Board paper", *lines) for _ in range(pages)])


def paper_pdf(has=EVERYTHING, pages=1, source=None):
    """A PDF with text (or ``source``'s pages) and the properties named in ``has``:
    tags (/MarkInfo and /StructTreeRoot), title, shown (/DisplayDocTitle), language
    (/Lang) and bookmarks."""
    writer = PdfWriter(
        clone_from=PdfReader(io.BytesIO(source or text_pdf(pages=pages)))
    )
    root = writer._root_object
    if "tags" in has:
        root[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
        tree = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructTreeRoot"),
                NameObject("/K"): ArrayObject(),
            }
        )
        root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    if "title" in has:
        writer.add_metadata({"/Title": "Skills paper"})
    if "shown" in has:
        writer.create_viewer_preferences().display_doctitle = True
    if "language" in has:
        root[NameObject("/Lang")] = TextStringObject("en-GB")
    if "bookmarks" in has:
        writer.add_outline_item(title="Summary", page_number=0)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def without(*missing):
    return tuple(name for name in EVERYTHING if name not in missing)


def page_image(lines):
    """A white A4 page at 150 dpi with ``lines`` of black text, as a scanner sees it."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    if FONT.exists():
        font = ImageFont.truetype(str(FONT), 40)
    else:
        font = ImageFont.load_default(size=40)
    for number, line in enumerate(lines):
        draw.text((120, 160 + number * 70), line, fill=0, font=font)
    return image


def scanned_pdf(lines=("Minutes of the Board", "Offshore wind turbines")):
    """A PDF whose only page is a picture of text: no text layer at all."""
    buffer = io.BytesIO()
    page_image(lines).save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def partly_scanned_pdf():
    """Two pages of text, then a scanned page."""
    writer = PdfWriter()
    for data in (text_pdf(pages=2), scanned_pdf()):
        writer.append(PdfReader(io.BytesIO(data)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


CORE = (
    '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats'
    '.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
    'elements/1.1/">{}</cp:coreProperties>'
)


def docx(title="", language="", styles_language=""):
    properties = ""
    if title:
        properties += f"<dc:title>{title}</dc:title>"
    if language:
        properties += f"<dc:language>{language}</dc:language>"
    styles = (
        f'<w:styles><w:rPrDefault><w:lang w:val="{styles_language}"/></w:rPrDefault>'
        "</w:styles>"
        if styles_language
        else "<w:styles/>"
    )
    return zip_bytes(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", "<w:document/>"),
            ("word/styles.xml", styles),
            ("docProps/core.xml", CORE.format(properties)),
        ]
    )


def odt(title="", language=""):
    meta = ""
    if title:
        meta += f"<dc:title>{title}</dc:title>"
    if language:
        meta += f"<dc:language>{language}</dc:language>"
    return zip_bytes(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<office:document-content/>"),
            (
                "meta.xml",
                f"<office:document-meta><office:meta>{meta}</office:meta>"
                "</office:document-meta>",
            ),
        ]
    )
