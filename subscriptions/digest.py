"""The alert digest: one email per subscription, listing the papers that became public
since it was confirmed and that it has not been sent before.

"Public" is always the meetings app's rule, ``MeetingDocument.objects.public()``. When a
paper became public is the later of its own publication (or scheduled) time and its
meeting's first publication.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, F, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from meetings.models import MeetingDocument, MeetingIndexPage
from subscriptions import emails, links
from subscriptions.models import AlertDelivery, AlertSubscription

LOCK_KEY = "subscriptions:digest-running"
LOCK_SECONDS = 30 * 60


def became_public_at():
    own = Case(
        When(
            publication=MeetingDocument.Publication.SCHEDULED,
            then=F("publish_at"),
        ),
        default=Coalesce("published_at", "uploaded_at"),
    )
    return Greatest(own, Coalesce("meeting__first_published_at", own))


def new_papers_for(subscription, now=None):
    already_sent = AlertDelivery.objects.filter(
        subscription__email=subscription.email
    ).values("document_id")
    papers = (
        MeetingDocument.objects.public(now)
        .annotate(became_public_at=became_public_at())
        .filter(became_public_at__gte=subscription.confirmed_at)
        .exclude(pk__in=already_sent)
        .select_related("meeting__committee", "approved_at")
        .order_by("meeting__start", "meeting_id", "kind", "pk")
    )
    if subscription.committee_id:
        papers = papers.filter(meeting__committee_id=subscription.committee_id)
    return list(papers)


def _described(papers, index_url):
    root = links.site_root()
    meetings = {}
    for paper in papers:
        meeting = paper.meeting
        entry = meetings.setdefault(
            meeting.pk,
            {
                "title": meeting.display_title,
                "url": links.absolute_url(meeting.get_url(index_url), root)
                if index_url
                else "",
                "papers": [],
            },
        )
        entry["papers"].append(
            {
                "title": paper.title,
                "label": paper.label,
                "url": links.absolute_url(paper.get_url(index_url), root)
                if index_url
                else "",
            }
        )
    return list(meetings.values())


def send_digest(subscription, now=None, index_url=None):
    """Email ``subscription`` its new papers; False when there were none."""
    papers = new_papers_for(subscription, now)
    if not papers:
        return False
    index_url = MeetingIndexPage.public_url() if index_url is None else index_url
    with transaction.atomic():
        AlertDelivery.objects.bulk_create(
            [AlertDelivery(subscription=subscription, document=p) for p in papers],
            ignore_conflicts=True,
        )
        emails.send_to_subscriber(
            subscription,
            f"New Board papers: {subscription.committee_name}",
            "subscriptions/email/digest.txt",
            {"meetings": _described(papers, index_url), "count": len(papers)},
        )
    return True


def send_digests(now=None):
    """Send every confirmed subscription its digest; the number of emails sent.

    None when another run still holds the lock, so two runs never send twice.
    """
    if not cache.add(LOCK_KEY, True, LOCK_SECONDS):
        return None
    try:
        now = now or timezone.now()
        index_url = MeetingIndexPage.public_url()
        subscriptions = AlertSubscription.objects.confirmed().select_related(
            "committee"
        )
        return sum(
            send_digest(subscription, now, index_url)
            for subscription in subscriptions.order_by("pk").iterator()
        )
    finally:
        cache.delete(LOCK_KEY)
