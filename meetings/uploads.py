"""Checking an uploaded meeting file before anything is stored.

The content must match the extension: magic bytes for PDF, the package manifest for
Office Open XML and OpenDocument files, and plain text (no NUL bytes, no markup) for
CSV. Every refusal is a ``ValidationError`` that says what was wrong and how to fix it.
"""

import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from meetings import pdf

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
MARKUP = re.compile(rb"<\s*(!doctype|html|script|svg|\?xml|body|iframe)", re.IGNORECASE)
NAME_LENGTH = 100


@dataclass
class CheckedUpload:
    name: str
    extension: str
    content_type: str
    size: int
    sha256: str
    page_count: int | None = None
    text: str = ""
    warning: str = ""


def allowed_extensions():
    return [ext.lower().lstrip(".") for ext in settings.MEETINGS_UPLOAD_EXTENSIONS]


def max_size():
    return settings.MEETINGS_MAX_UPLOAD_MB * 1024 * 1024


def clean_name(name):
    """A safe file name: no folders, letters, digits, hyphens, lower-case type."""
    path = PurePath(str(name).replace("\\", "/").split("/")[-1])
    extension = path.suffix.lower().lstrip(".")
    stem = unicodedata.normalize("NFKD", path.stem)
    stem = slugify(stem.encode("ascii", "ignore").decode())[:NAME_LENGTH] or "document"
    return f"{stem}.{extension}" if extension else stem


def check_upload(uploaded):
    """Check an UploadedFile: a :class:`CheckedUpload`, or a ValidationError."""
    original = uploaded.name or ""
    name = clean_name(original)
    extension = PurePath(name).suffix.lstrip(".")
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            f"“{original}” is not an allowed type of file. Upload one of: "
            f"{', '.join(ext.upper() for ext in allowed)}."
        )
    if uploaded.size == 0:
        raise ValidationError(f"“{original}” is empty. Choose the file again.")
    if uploaded.size > max_size():
        raise ValidationError(
            f"“{original}” is {uploaded.size / 1024 / 1024:.1f} MB: the limit is "
            f"{settings.MEETINGS_MAX_UPLOAD_MB} MB. Compress it or split it into parts."
        )
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    _check_content(original, extension, data)
    checked = CheckedUpload(
        name=name,
        extension=extension,
        content_type=CONTENT_TYPES[extension],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    if extension == "pdf":
        info = pdf.inspect(data)
        checked.page_count = info.page_count
        checked.text = info.text
        if info.problem:
            checked.warning = (
                f"“{original}” was accepted, but {info.problem}: its text cannot be "
                "searched. Upload an unprotected copy if you can."
            )
    elif extension == "csv":
        checked.text = _decode_text(data)
    return checked


def _refuse(original, extension, found):
    raise ValidationError(
        f"“{original}” is named .{extension} but its content is {found}. "
        f"Save it as a real {extension.upper()} file and upload it again."
    )


def _check_content(original, extension, data):
    if extension == "pdf":
        if not data.startswith(b"%PDF-"):
            _refuse(original, extension, _describe(data))
    elif extension in OOXML_MAIN_PART:
        _check_ooxml(original, extension, data)
    elif extension in ("odt", "ods", "odp"):
        _check_opendocument(original, extension, data)
    elif extension == "csv":
        if b"\0" in data or MARKUP.search(data[:4096]) or data[:2] == b"MZ":
            _refuse(original, extension, _describe(data))
        try:
            _decode_text(data)
        except UnicodeDecodeError:
            _refuse(original, extension, "not readable text (save it as UTF-8)")


def _decode_text(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _open_zip(original, extension, data):
    if not data.startswith(b"PK\x03\x04"):
        _refuse(original, extension, _describe(data))
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
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ValidationError(
            f"“{original}” contains macros, which the site does not publish. "
            "Save it without macros and upload it again."
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


def _describe(data):
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
