"""Withdrawing papers from the public at once, recorded in Wagtail's history.

A paper's publication is its own field, read by the one public rule
(``MeetingDocument.objects.public()``): saving it unpublished takes it off the
download, the meeting page, the pack, the feeds and search together.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.search import index

from meetings.models import AgendaItem, MeetingDocument

WITHDRAW_ACTION = "meetings.withdraw_document"
WITHHOLD_ITEM_ACTION = "meetings.withhold_item"


def withdraw(document, user):
    """Unpublish ``document`` now; False when it was not published or scheduled."""
    if document.publication == MeetingDocument.Publication.UNPUBLISHED:
        return False
    document.publication = MeetingDocument.Publication.UNPUBLISHED
    document.save(update_fields=["publication", "updated_at"])
    log(document, WITHDRAW_ACTION, user=user)
    return True


def withhold_item(item, user):
    """Make the stored agenda item confidential now, as a draft already says."""
    stored = AgendaItem.objects.get(pk=item.pk)
    if stored.confidential:
        return False
    stored.confidential = True
    stored.confidential_reason = item.confidential_reason
    stored.save(update_fields=["confidential", "confidential_reason"])
    index.insert_or_update_object(stored.meeting)
    log(
        stored.meeting,
        WITHHOLD_ITEM_ACTION,
        user=user,
        data={"item": str(stored)},
    )
    return True


def _back(request, meeting_pk):
    target = request.POST.get("next") or request.headers.get("referer") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("meetings_admin_documents", meeting_pk)


def _check(request):
    if not request.user.has_perm("meetings.change_meetingdocument"):
        raise PermissionDenied


@require_POST
def withdraw_document(request, pk):
    _check(request)
    document = get_object_or_404(MeetingDocument, pk=pk)
    if withdraw(document, request.user):
        messages.success(
            request, f"“{document.title}” was withdrawn: it is no longer public."
        )
    else:
        messages.info(request, f"“{document.title}” was not public.")
    return _back(request, document.meeting_id)


@require_POST
def withdraw_item_papers(request, pk):
    _check(request)
    item = get_object_or_404(AgendaItem, pk=pk)
    with transaction.atomic():
        count = sum(withdraw(paper, request.user) for paper in item.documents.all())
    messages.success(
        request,
        f"Withdrew {count} paper{'s' if count != 1 else ''} of item {item}: "
        "none of them is public now.",
    )
    return _back(request, item.meeting_id)
