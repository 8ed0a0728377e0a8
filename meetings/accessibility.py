"""Accessibility checks on an uploaded paper, read from its bytes.

What a screen reader, a search engine and a reader zooming in need from a document:
for a PDF, tags (``/MarkInfo /Marked`` and a ``/StructTreeRoot``), a title shown in
the viewer's window, a language (``/Lang``), real text rather than pictures of pages,
and bookmarks when it is long; for Word, Excel, PowerPoint and OpenDocument files, the
title and language where the format holds them. Each :class:`Finding` says what is
wrong and what to do, in plain words. Nothing here touches the database.
"""

import io
import logging
import re
import zipfile
from dataclasses import asdict, dataclass, field

from pypdf import PdfReader

logger = logging.getLogger(__name__)

LONG_DOCUMENT_PAGES = 10
OOXML = ("docx", "xlsx", "pptx")
ODF = ("odt", "ods", "odp")
MAX_PART = 2 * 1024 * 1024


@dataclass(frozen=True)
class Finding:
    code: str
    problem: str
    action: str


@dataclass
class Report:
    """The findings on one file, and the pages that are pictures with no text."""

    findings: list = field(default_factory=list)
    scanned_pages: list = field(default_factory=list)
    checked: bool = True

    @property
    def passed(self):
        return not self.findings

    def as_values(self):
        return [asdict(finding) for finding in self.findings]


NOT_TAGGED = Finding(
    "not-tagged",
    "The PDF is not tagged, so a screen reader cannot tell headings, lists and "
    "tables from the rest of the text.",
    "Export it again from Word or your editor with “Document structure tags for "
    "accessibility” (or “Tagged PDF”) turned on.",
)
NO_TITLE = Finding(
    "no-title",
    "The document has no title in its properties, so readers hear the file name.",
    "Give it a title in File > Properties (or Info) before saving it as a PDF.",
)
TITLE_NOT_SHOWN = Finding(
    "title-not-shown",
    "The PDF viewer is not told to show the document's title instead of its file name.",
    "In Acrobat, tick File > Properties > Initial View > Show: Document Title; "
    "or export it again from a recent version of Word.",
)
NO_LANGUAGE = Finding(
    "no-language",
    "The document does not say which language it is in, so a screen reader may "
    "read it with the wrong voice.",
    "Set the language (English, United Kingdom) in Review > Language, or the "
    "document's properties, then save it again.",
)
SCANNED = Finding(
    "scanned",
    "Every page is a picture of text (a scan): a screen reader finds nothing to "
    "read. The site recognises the words for search, but that is not accessible.",
    "Upload the original document saved as a PDF, not a scan of a printout.",
)
NO_BOOKMARKS = Finding(
    "no-bookmarks",
    f"It is longer than {LONG_DOCUMENT_PAGES} pages and has no bookmarks, so "
    "readers cannot jump to a section.",
    "Use heading styles in the document and export it with “Create bookmarks using "
    "headings” turned on.",
)
UNREADABLE = Finding(
    "unreadable",
    "The file could not be checked: it is encrypted or damaged.",
    "Save an unprotected copy and upload it again.",
)


def scanned_pages_finding(pages, count):
    listed = ", ".join(str(page) for page in pages[:10])
    more = f" and {len(pages) - 10} more" if len(pages) > 10 else ""
    return Finding(
        "scanned-pages",
        f"{len(pages)} of its {count} pages (page {listed}{more}) are pictures of "
        "text: a screen reader finds nothing to read on them.",
        "Replace the scanned pages with text from the original document, or upload "
        "the original saved as a PDF.",
    )


def check(extension, data):
    """The :class:`Report` on a file of type ``extension`` already checked safe."""
    if extension == "pdf":
        return check_pdf(data)
    if extension in OOXML or extension in ODF:
        return check_package(extension, data)
    return Report(checked=False)


def check_pdf(data):
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Report(findings=[UNREADABLE])
        catalog = reader.trailer["/Root"].get_object()
        findings = []
        mark_info = _resolved(catalog.get("/MarkInfo")) or {}
        if not (mark_info.get("/Marked") and "/StructTreeRoot" in catalog):
            findings.append(NOT_TAGGED)
        if not _pdf_title(reader):
            findings.append(NO_TITLE)
        preferences = _resolved(catalog.get("/ViewerPreferences")) or {}
        if not preferences.get("/DisplayDocTitle"):
            findings.append(TITLE_NOT_SHOWN)
        if not str(_resolved(catalog.get("/Lang")) or "").strip():
            findings.append(NO_LANGUAGE)
        count = len(reader.pages)
        scanned = [
            number
            for number, page in enumerate(reader.pages, start=1)
            if _is_picture_of_text(page)
        ]
        if scanned and len(scanned) == count:
            findings.append(SCANNED)
        elif scanned:
            findings.append(scanned_pages_finding(scanned, count))
        if count > LONG_DOCUMENT_PAGES and not reader.outline:
            findings.append(NO_BOOKMARKS)
        return Report(findings=findings, scanned_pages=scanned)
    except Exception as error:  # pypdf raises many kinds of error on hostile files
        logger.info("Could not check a PDF's accessibility: %s", error)
        return Report(findings=[UNREADABLE])


def _resolved(value):
    return value.get_object() if value is not None else None


def _pdf_title(reader):
    title = reader.metadata.title if reader.metadata else None
    if not title and reader.xmp_metadata:
        titles = reader.xmp_metadata.dc_title or {}
        title = next(iter(titles.values()), "")
    return str(title or "").strip()


def _is_picture_of_text(page):
    """A page with no text to extract but an image on it: a scan. A blank page,
    with neither, is not reported."""
    if (page.extract_text() or "").strip():
        return False
    return len(page.images) > 0


PACKAGE_TITLE = re.compile(r"<dc:title>\s*([^<]*?)\s*</dc:title>")
PACKAGE_LANGUAGE = re.compile(r"<dc:language>\s*([^<]+?)\s*</dc:language>")
# Where each format keeps the language of its text, besides the properties.
LANGUAGE_PARTS = {
    "docx": ("word/styles.xml", re.compile(r'<w:lang\b[^>]*\bw:val="([^"]+)"')),
    "pptx": ("ppt/presentation.xml", re.compile(r'<a:defRPr\b[^>]*\blang="([^"]+)"')),
    "odt": ("styles.xml", re.compile(r'fo:language="([a-zA-Z]{2,3})"')),
    "ods": ("styles.xml", re.compile(r'fo:language="([a-zA-Z]{2,3})"')),
    "odp": ("styles.xml", re.compile(r'fo:language="([a-zA-Z]{2,3})"')),
}


def check_package(extension, data):
    """Title and language of an Office Open XML or OpenDocument file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        properties = _part(
            archive, "meta.xml" if extension in ODF else "docProps/core.xml"
        )
        findings = []
        if not PACKAGE_TITLE.search(properties):
            findings.append(NO_TITLE)
        language = PACKAGE_LANGUAGE.search(properties)
        if not language and extension in LANGUAGE_PARTS:
            name, pattern = LANGUAGE_PARTS[extension]
            language = pattern.search(_part(archive, name))
        # A spreadsheet (.xlsx) keeps its language only in its properties.
        if not language:
            findings.append(NO_LANGUAGE)
        return Report(findings=findings)
    except Exception as error:  # a damaged package that passed the safety checks
        logger.info("Could not check a package's accessibility: %s", error)
        return Report(findings=[UNREADABLE])


def _part(archive, name):
    try:
        info = archive.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > MAX_PART:
        return ""
    return archive.read(name).decode("utf-8", "replace")
