"""Files for upload tests: real minimal documents and hostile look-alikes."""

import io
import zipfile
import zlib

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


def odt_with_a_basic_macro_library():
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:'
        'full-path="Basic/" manifest:media-type="application/binary"/>'
        "</manifest:manifest>"
    )
    return zip_bytes(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<office/>"),
            ("META-INF/manifest.xml", manifest),
            ("Basic/Standard/Module1.xml", 'Sub Main\n Shell("calc")\nEnd Sub'),
        ]
    )


def odt_with_a_macro_bound_to_opening():
    content = (
        "<office:document-content><office:scripts><office:event-listeners>"
        '<script:event-listener script:event-name="dom:load" xlink:href='
        '"vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location='
        'document"/></office:event-listeners></office:scripts></office:document-content>'
    )
    return zip_bytes(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]
    )


XLSX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/{part}" ContentType="{vba_type}"/></Types>'
)


def xlsx_with_a_renamed_vba_part(declared=True):
    """A workbook whose VBA project hides under an innocent name."""
    vba_type = "application/vnd.ms-office.vbaProject" if declared else "application/x"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId9" Type="http://schemas.microsoft.com/'
        'office/2006/relationships/vbaProject" Target="printerSettings.bin"/>'
        "</Relationships>"
    )
    return zip_bytes(
        [
            (
                "[Content_Types].xml",
                XLSX_TYPES.format(part="data.bin", vba_type=vba_type),
            ),
            ("xl/workbook.xml", "<workbook/>"),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/data.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),
        ]
    )


def pdf_with(catalog_entries):
    """A one-page PDF whose catalogue carries ``catalog_entries`` (PDF syntax)."""
    data = good_pdf()
    at = data.find(b"/Type /Catalog")
    return data[:at] + catalog_entries + b" " + data[at:]


def pdf_with_javascript_in_an_object_stream():
    """JavaScript where a byte search of the file cannot see it: compressed."""
    objects = b"3 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
    body = zlib.compress(objects)
    return (
        b"%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode "
        b"/Length "
        + str(len(body)).encode()
        + b" >>\nstream\n"
        + body
        + b"\nendstream\nendobj\ntrailer << /Root 3 0 R >>\n%%EOF\n"
    )


PDF_OPEN_ACTION_JS = b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
PDF_LAUNCH = b"/OpenAction << /S /Launch /F (cmd.exe) >>"
PDF_ADDITIONAL_ACTIONS = b"/AA << /WC << /S /GoTo /D [0 /Fit] >> >>"
PDF_HEX_ESCAPED_JS = b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"

MACROS_AND_SCRIPTS = [
    ("minutes.odt", odt_with_a_basic_macro_library(), "macros"),
    ("agenda.odt", odt_with_a_macro_bound_to_opening(), "macros"),
    ("budget.xlsx", xlsx_with_a_renamed_vba_part(), "macros"),
    ("budget.xlsx", xlsx_with_a_renamed_vba_part(declared=False), "macros"),
    ("paper.pdf", pdf_with(PDF_OPEN_ACTION_JS), "JavaScript"),
    ("paper.pdf", pdf_with(PDF_HEX_ESCAPED_JS), "JavaScript"),
    ("paper.pdf", pdf_with_javascript_in_an_object_stream(), "JavaScript"),
    ("paper.pdf", pdf_with(PDF_LAUNCH), "launches a program"),
    ("paper.pdf", pdf_with(PDF_ADDITIONAL_ACTIONS), "run automatically"),
]
