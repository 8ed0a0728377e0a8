"""Checking an uploaded meeting file before anything is stored, and storing a batch.

The type must be allowed, the size within the limit, and the content must match the
extension (``portal.security.uploads.read_checked``). Every refusal is a
``ValidationError`` that says what was wrong and how to fix it. A batch is stored
whole or not at all (``store_all_or_none``).
"""

import errno
import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from meetings import accessibility, pdf
from portal.security.uploads import CONTENT_TYPES, decode_text, read_checked

logger = logging.getLogger(__name__)

NAME_LENGTH = 100
TITLE_LENGTH = 200


class NotStored(Exception):
    """The server could not keep a batch of files; none of it was kept."""


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
    accessibility: "accessibility.Report | None" = None


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
    checked.accessibility = accessibility.check(extension, data)
    return checked


def title_from_name(name):
    """A readable title from an uploaded file's name, at most ``TITLE_LENGTH`` long."""
    stem = " ".join(name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").split())
    if len(stem) > TITLE_LENGTH:
        stem = stem[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip() + "…"
    return (stem[:1].upper() + stem[1:]) or "Document"


def store_all_or_none(documents):
    """Save ``documents`` (unsaved, each with its file) together, or none of them.

    If the disk or the database fails partway, the files already written are removed
    and :class:`NotStored` says so in words an editor can act on.
    """
    written = []
    try:
        with transaction.atomic():
            for document in documents:
                document.save()
                written.append((document.file.storage, document.file.name))
    except Exception as error:
        logger.exception("A batch of %s upload(s) was not stored", len(documents))
        for storage, name in written:
            _delete_quietly(storage, name)
        for document in documents:
            document.pk = None
        raise NotStored(_why_not_stored(error)) from error
    return documents


def _why_not_stored(error):
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the server's disk is full"
    elif isinstance(error, OSError):
        reason = "the server could not write them to its disk"
    else:
        reason = "the server could not record them"
    return (
        f"The files could not be stored: {reason}. Nothing was saved. Try again "
        "later; if it happens again, tell the site's administrators."
    )


def _delete_quietly(storage, name):
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Could not remove %s after a failed upload", name)
