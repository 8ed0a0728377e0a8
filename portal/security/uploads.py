"""Does an uploaded file's content match its name? Checked on the server, whatever
the browser said the file was.

PDFs must start with the PDF signature and carry no JavaScript or launch actions; Office
Open XML and OpenDocument files must be packages with the right manifest and no macros
(however a macro part is named); CSV must be plain text, with no NUL bytes or markup.
Every refusal is a ``ValidationError`` that says what the file really is and how to
fix it. Used by the meetings uploads and by Wagtail's document form.
"""

import io
import re
import zipfile
import zlib

from django.core.exceptions import ValidationError

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
}
OOXML_MAIN_PART = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}
OOXML_MACRO_WORDS = ("vbaproject", "macroenabled", "vnd.ms-office.vba")
ODF_MACRO_FOLDERS = ("basic/", "scripts/")
ODF_XML_PARTS = ("META-INF/manifest.xml", "content.xml", "styles.xml", "settings.xml")
ODF_MACRO_MARKS = re.compile(
    r'full-path="(Basic|Scripts)/|vnd\.sun\.star\.script:|macro:///|<script:event-listener',
    re.IGNORECASE,
)
PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n(.*?)endstream", re.DOTALL)
PDF_INFLATE_BUDGET = 64 * 1024 * 1024
PDF_ACTIONS = {
    b"JavaScript": "JavaScript",
    b"JS": "JavaScript",
    b"Launch": "an action that launches a program",
    b"AA": "actions that run automatically (/AA)",
}
MARKUP = re.compile(rb"<\s*(!doctype|html|script|svg|\?xml|body|iframe)", re.IGNORECASE)


def read_checked(uploaded, original, extension, limit_mb):
    """The bytes of an upload that is not empty, within ``limit_mb`` and really of its
    type; otherwise a ValidationError that says what to do."""
    if uploaded.size == 0:
        raise ValidationError(f"“{original}” is empty. Choose the file again.")
    if uploaded.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            f"“{original}” is {uploaded.size / 1024 / 1024:.1f} MB: the limit is "
            f"{limit_mb} MB. Compress it or split it into parts."
        )
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    check_content(original, extension, data)
    return data


def check_content(original, extension, data):
    """Refuse ``data`` unless it is really a file of type ``extension``.

    ``original`` is the name the file was uploaded with, for the message.
    """
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            f"“{original}” is a .{extension} file, which the site cannot check and "
            f"does not publish. Upload one of: "
            f"{', '.join(ext.upper() for ext in CONTENT_TYPES)}."
        )
    if extension == "pdf":
        if not data.startswith(b"%PDF-"):
            _refuse(original, extension, describe(data))
        _check_pdf_actions(original, data)
    elif extension in OOXML_MAIN_PART:
        _check_ooxml(original, extension, data)
    elif extension in ("odt", "ods", "odp"):
        _check_opendocument(original, extension, data)
    elif extension == "csv":
        if b"\0" in data or MARKUP.search(data[:4096]) or data[:2] == b"MZ":
            _refuse(original, extension, describe(data))
        try:
            decode_text(data)
        except UnicodeDecodeError:
            _refuse(original, extension, "not readable text (save it as UTF-8)")


def _refuse(original, extension, found):
    raise ValidationError(
        f"“{original}” is named .{extension} but its content is {found}. "
        f"Save it as a real {extension.upper()} file and upload it again."
    )


def decode_text(data):
    """Text of a CSV file: UTF-8 (with or without a BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _open_zip(original, extension, data):
    if not data.startswith(b"PK\x03\x04"):
        _refuse(original, extension, describe(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.namelist()
        return archive
    except (zipfile.BadZipFile, ValueError, OSError):
        _refuse(original, extension, "a damaged or unreadable package")


def _read_member(archive, name, original, extension):
    """A small text file inside an uploaded package; if it is damaged, refuse."""
    try:
        return archive.read(name).decode("utf-8", "replace")
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, zlib.error):
        _refuse(original, extension, "a damaged or unreadable package")


def _check_ooxml(original, extension, data):
    archive = _open_zip(original, extension, data)
    names = set(archive.namelist())
    main_part, main_type = OOXML_MAIN_PART[extension]
    if "[Content_Types].xml" not in names:
        _refuse(original, extension, "an archive, not an Office document")
    manifest = _read_member(archive, "[Content_Types].xml", original, extension)
    if main_part not in names or main_type not in manifest:
        _refuse(original, extension, "a different kind of Office document")
    if any("vbaproject" in name.lower() for name in names):
        _refuse_macros(original, "a VBA project")
    if any(word in manifest.lower() for word in OOXML_MACRO_WORDS):
        _refuse_macros(original, "a part declared as macros")
    for name in names:
        if name.lower().endswith(".rels"):
            relations = _read_member(archive, name, original, extension).lower()
            if any(word in relations for word in OOXML_MACRO_WORDS):
                _refuse_macros(original, "a link to a VBA project")


def _refuse_macros(original, found):
    raise ValidationError(
        f"“{original}” contains macros ({found}), which the site does not publish. "
        "Save it without macros (as a plain document, not macro-enabled) and upload "
        "it again."
    )


def _check_opendocument(original, extension, data):
    archive = _open_zip(original, extension, data)
    expected = CONTENT_TYPES[extension]
    if "mimetype" in archive.namelist():
        mimetype = _read_member(archive, "mimetype", original, extension).strip()
    else:
        mimetype = ""
    if mimetype != expected:
        _refuse(original, extension, "an archive, not an OpenDocument file")
    names = archive.namelist()
    if any(name.lower().startswith(ODF_MACRO_FOLDERS) for name in names):
        _refuse_macros(original, "a Basic or script library")
    for name in ODF_XML_PARTS:
        if name in names:
            part = _read_member(archive, name, original, extension)
            if ODF_MACRO_MARKS.search(part):
                _refuse_macros(
                    original, "a script library or a macro bound to an event"
                )


def _check_pdf_actions(original, data):
    """Refuse a PDF that runs JavaScript, launches programs or acts on its own."""
    names = set()
    for chunk in _pdf_chunks(data):
        names.update(_unescape_pdf_name(name) for name in PDF_NAME.findall(chunk))
    for name, found in PDF_ACTIONS.items():
        if name in names:
            raise ValidationError(
                f"“{original}” contains {found}, which the site does not publish "
                "because a reader's PDF viewer would run it. Print it to a plain PDF "
                "(or export it without scripts and actions) and upload it again."
            )


def _pdf_chunks(data):
    """The file's objects outside streams (stream bodies are binary and could spell
    anything), then each object stream inflated, since those hold dictionaries too;
    within a total budget so a compression bomb costs nothing."""
    yield PDF_STREAM.sub(b"stream endstream", data)
    budget = PDF_INFLATE_BUDGET
    for match in PDF_STREAM.finditer(data):
        if budget <= 0:
            return
        if b"/ObjStm" not in data[max(0, match.start() - 300) : match.start()]:
            continue
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        yield inflated


def _unescape_pdf_name(name):
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)


def describe(data):
    """What a file looks like, for refusal messages."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "a PDF"
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive"
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF"):
        return "a program"
    if head.startswith(b"#!"):
        return "a script"
    if re.match(rb"<\?xml[^>]*>\s*<svg|<svg", head, re.IGNORECASE):
        return "an SVG image"
    if MARKUP.search(head):
        return "a web page or script"
    if head[:4] in (b"\x1f\x8b\x08\x00", b"Rar!") or head[:3] == b"\x1f\x8b\x08":
        return "a compressed archive"
    if b"\0" in head:
        return "binary data"
    return "plain text"
