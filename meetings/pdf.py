"""PDF work with pypdf: reading uploads, building agenda packs, example papers."""

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_TEXT = 200_000


@dataclass
class PdfInfo:
    page_count: int | None = None
    text: str = ""
    problem: str = ""


def inspect(data):
    """Page count and text of a PDF; ``problem`` says why the text is unreadable."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
                count = len(reader.pages)
            except (PyPdfError, NotImplementedError, ValueError, KeyError):
                count = None
            return PdfInfo(page_count=count, problem="it is encrypted")
        count = len(reader.pages)
        parts = []
        for page in reader.pages:
            parts.append(page.extract_text() or "")
            if sum(len(part) for part in parts) > MAX_TEXT:
                break
        return PdfInfo(page_count=count, text="\n".join(parts)[:MAX_TEXT].strip())
    except Exception as error:  # pypdf raises many kinds of error on hostile files
        logger.info("Unreadable PDF upload: %s", error)
        return PdfInfo(problem="it is damaged")


def build_pack(parts):
    """One PDF of ``parts`` ((bookmark title, file object), ...) with a bookmark each.

    Parts that cannot be read (damaged or encrypted) are left out; the titles of those
    left out are returned with the bytes.
    """
    writer = PdfWriter()
    skipped = []
    for title, file in parts:
        try:
            reader = PdfReader(file)
            if reader.is_encrypted:
                skipped.append(title)
                continue
            start = len(writer.pages)
            for page in reader.pages:
                writer.add_page(page)
            writer.add_outline_item(title=title, page_number=start)
        except Exception:  # pypdf raises many kinds of error on hostile files
            skipped.append(title)
    if not writer.pages:
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), skipped


def _escape(text):
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def example_pdf(title, lines=()):
    """A small one-page A4 PDF with ``title`` and ``lines`` as real, searchable text."""
    commands = ["BT", "/F1 18 Tf", "56 780 Td", f"({_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        commands += ["0 -20 Td", f"({_escape(line)}) Tj"]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
