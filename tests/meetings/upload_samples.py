"""Files for upload tests: real minimal documents and hostile look-alikes."""

import io
import zipfile

from pypdf import PdfReader, PdfWriter

from meetings import pdf

DOCX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
    "/></Types>"
)


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(extra=()):
    return zip_bytes(
        [
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", "<w:document/>"),
            *extra,
        ]
    )


def docx_with_a_damaged_part():
    """A package whose central directory is intact but one part fails its checksum."""
    data = bytearray(docx())
    at = data.find(b"<?xml")
    data[at] ^= 0xFF
    return bytes(data)


def odt(mimetype="application/vnd.oasis.opendocument.text"):
    return zip_bytes([("mimetype", mimetype), ("content.xml", "<office/>")])


def good_pdf(text="Annual report on skills"):
    return pdf.example_pdf(text, ["Apprenticeships and careers."])


def encrypted_pdf():
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(good_pdf())))
    writer.encrypt("secret-password")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def damaged_pdf():
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage with no xref"


HOSTILE = [
    (
        "report.pdf",
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "web page",
    ),
    (
        "chart.pdf",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "SVG",
    ),
    ("paper.pdf", b"#!/bin/sh\nrm -rf /\n", "script"),
    ("minutes.docx", b"MZ\x90\x00" + b"\x00" * 200, "program"),
    ("papers.docx", zip_bytes([("a.txt", "hello"), ("b.txt", "x")]), "archive"),
    ("budget.xlsx", docx(), "different kind of Office document"),
    ("macro.docx", docx([("word/vbaProject.bin", b"\x00\x01")]), "macros"),
    ("damaged.docx", docx_with_a_damaged_part(), "damaged"),
    ("notes.odt", odt("application/zip"), "OpenDocument"),
    ("data.csv", b"name,value\x00\x00\x01", "binary"),
    ("data.csv", b"<script>alert(1)</script>,1\n", "web page"),
    ("tool.exe", b"MZ\x90\x00", "not an allowed type"),
    ("page.html", b"<html></html>", "not an allowed type"),
    ("archive.zip", zip_bytes([("a.txt", "x")]), "not an allowed type"),
    ("empty.pdf", b"", "empty"),
    ("bomb.pdf.gz", b"\x1f\x8b\x08\x00", "not an allowed type"),
]
