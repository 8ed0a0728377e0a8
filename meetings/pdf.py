"""PDF work with pypdf: reading uploads, building agenda packs, example papers."""

import io
import logging
import textwrap
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


def readable(parts):
    """Which ``parts`` ((bookmark title, file object), ...) a pack can include.

    Returns ([(title, reader)], [titles of parts that are damaged or encrypted]).
    """
    readers, left_out = [], []
    for title, file in parts:
        try:
            reader = PdfReader(file)
            if reader.is_encrypted:
                left_out.append(title)
                continue
            len(reader.pages)
            readers.append((title, reader))
        except Exception:  # pypdf raises many kinds of error on hostile files
            left_out.append(title)
    return readers, left_out


def build_pack(opening_title, opening, readers, title=""):
    """One PDF called ``title``: ``opening`` (PDF bytes) then each of ``readers``,
    a bookmark each."""
    writer = PdfWriter()
    if title:
        writer.add_metadata({"/Title": title})
        # Viewers show the title, not the file name, in their window and tab.
        writer.create_viewer_preferences().display_doctitle = True
    for title, reader in [(opening_title, PdfReader(io.BytesIO(opening))), *readers]:
        start = len(writer.pages)
        try:
            for page in reader.pages:
                writer.add_page(page)
        except Exception:  # a file that read well enough may still fail to copy
            logger.info("Agenda pack: could not copy all of %s", title)
        if len(writer.pages) > start:
            writer.add_outline_item(title=title, page_number=start)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _escape(text):
    # Helvetica's WinAnsiEncoding is Windows-1252: it has £, – and ’, not every letter.
    text = text.encode("cp1252", "replace").decode("cp1252")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def example_pdf(title, lines=()):
    """A small one-page A4 PDF with ``title`` and ``lines`` as real, searchable text."""
    return text_pdf([(title, *lines)])


LINES_PER_PAGE = 36
LINE_WIDTH = 88


def wrapped(lines):
    """``lines`` wrapped to fit an A4 page at 11 point, indents kept."""
    out = []
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip()))
        out += textwrap.wrap(
            line, LINE_WIDTH, initial_indent="", subsequent_indent=indent + "  "
        ) or [""]
    return out


def text_pdf(pages):
    """An A4 PDF of real, searchable text: ``pages`` is a list of line lists, the
    first line of each in large type; long pages run on to more pages."""
    streams = []
    for title, *lines in pages:
        lines = wrapped(lines)
        for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
            commands = ["BT", "/F1 18 Tf", "56 780 Td", f"({_escape(title)}) Tj"]
            commands.append("/F1 11 Tf")
            for line in lines[start : start + LINES_PER_PAGE]:
                commands += ["0 -20 Td", f"({_escape(line)}) Tj"]
            commands.append("ET")
            streams.append("\n".join(commands).encode("cp1252"))
    count = len(streams)
    font = 3 + 2 * count
    kids = " ".join(f"{3 + 2 * n} 0 R" for n in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    for n, stream in enumerate(streams):
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (font, 4 + 2 * n),
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ]
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>"
    )
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
