"""Text for scanned papers: the pages with no text layer, read by OCR in the background.

Debian's ``tesseract-ocr`` (English) reads each scanned page, drawn as an image by
``pdftoppm`` (``poppler-utils``): ``apt-get install -y tesseract-ocr poppler-utils``.
The job runs in ``manage.py run_jobs``, never in the request. The text it reads is
kept on the paper's ``PaperCheck`` (marked as recognised) and added to the paper's
text, so site search finds a scanned paper's words. Without the programs the job
records that they are missing, and the paper stays unsearchable until someone installs
them and runs ``manage.py check_papers``.
"""

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from meetings.models import MeetingDocument, PaperCheck
from portal.ops.jobs import background_job

logger = logging.getLogger(__name__)

PROGRAMS = ("tesseract", "pdftoppm")
INSTALL = "apt-get install -y tesseract-ocr poppler-utils"
RESOLUTION_DPI = 300
SECONDS_PER_PAGE = 120
MAX_PAGES = 200


def missing_programs():
    return [program for program in PROGRAMS if not shutil.which(program)]


def recognise_pages(data, pages):
    """The English text on each of ``pages`` (numbered from 1) of the PDF ``data``."""
    texts = []
    with tempfile.TemporaryDirectory(prefix="paper-ocr-") as folder:
        source = Path(folder) / "paper.pdf"
        source.write_bytes(data)
        for number in pages[:MAX_PAGES]:
            image = Path(folder) / f"page-{number}"
            subprocess.run(
                ["pdftoppm", "-r", str(RESOLUTION_DPI), "-f", str(number)]
                + ["-l", str(number), "-gray", "-png", "-singlefile"]
                + [str(source), str(image)],
                check=True,
                capture_output=True,
                timeout=SECONDS_PER_PAGE,
            )
            result = subprocess.run(
                ["tesseract", f"{image}.png", "stdout", "-l", "eng"],
                check=True,
                capture_output=True,
                timeout=SECONDS_PER_PAGE,
                # One core: the web server shares the machine.
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
            texts.append(result.stdout.decode("utf-8", "replace").strip())
    return "\n\n".join(text for text in texts if text)


@background_job
def recognise_scanned_pages(document_id):
    """Read the scanned pages of a paper, if its file is still the one checked."""
    check = (
        PaperCheck.objects.select_related("document")
        .filter(document_id=document_id, recognition=PaperCheck.Recognition.QUEUED)
        .first()
    )
    if check is None or check.sha256 != check.document.sha256:
        return "nothing to do"
    missing = missing_programs()
    if missing:
        return _finish(
            check,
            PaperCheck.Recognition.UNAVAILABLE,
            note=f"{' and '.join(missing)} not installed on the server: ask its "
            f"administrators to run “{INSTALL}”.",
        )
    document = check.document
    try:
        with document.file.open("rb") as file:
            data = file.read()
        text = recognise_pages(data, check.scanned_pages)
    except (OSError, subprocess.SubprocessError) as error:
        logger.warning("OCR of paper %s failed: %s", document_id, error)
        return _finish(
            check,
            PaperCheck.Recognition.FAILED,
            note="The scanned pages could not be read; upload the original document.",
        )
    return _finish(check, PaperCheck.Recognition.DONE, text=text)


def _finish(check, recognition, text="", note=""):
    with transaction.atomic():
        check.recognition = recognition
        check.recognised_text = text
        check.recognition_note = note
        check.recognised_at = timezone.now()
        check.save()
        if text:
            document = MeetingDocument.objects.get(pk=check.document_id)
            document.text = f"{document.text}\n\n{text}".strip()
            # Saving reindexes it for site search and refreshes the public caches.
            document.save()
    return recognition


def queue_recognition(sender, instance, **kwargs):
    """After a check that found scanned pages is stored, queue reading them."""
    if instance.recognition == PaperCheck.Recognition.QUEUED:
        transaction.on_commit(
            lambda: recognise_scanned_pages.enqueue(instance.document_id)
        )
