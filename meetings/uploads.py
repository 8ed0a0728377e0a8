"""Checking an uploaded meeting file before anything is stored.

The type must be allowed, the size within the limit, and the content must match the
extension (``portal.security.uploads.read_checked``). Every refusal is a
``ValidationError`` that says what was wrong and how to fix it.
"""

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from meetings import pdf
from portal.security.uploads import CONTENT_TYPES, decode_text, read_checked

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
    data = read_checked(uploaded, original, extension, settings.MEETINGS_MAX_UPLOAD_MB)
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
        checked.text = decode_text(data)
    return checked
