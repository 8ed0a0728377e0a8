"""Erasing everything the portal holds about one email address.

The record of the erasure keeps counts and who asked, never the address.
"""

import logging

from django.db import transaction
from django.db.models import Q
from wagtail.contrib.forms.models import FormSubmission

from strategy.models import ContactPage
from subscriptions.models import (
    AlertSubscription,
    Erasure,
    MailingListSubscriber,
    normalise_email,
)

logger = logging.getLogger(__name__)


def contact_messages_from(email):
    """Contact form submissions whose email field holds ``email``, on any page."""
    matches = Q(pk__in=[])
    pages = ContactPage.objects.prefetch_related("form_fields")
    for page in pages:
        for field in page.form_fields.all():
            if field.field_type == "email":
                lookup = {f"form_data__{field.clean_name}__iexact": email}
                matches |= Q(page_id=page.pk, **lookup)
    return FormSubmission.objects.filter(matches)


@transaction.atomic
def erase_address(email, source, erased_by=""):
    email = normalise_email(email)
    subscriptions, _ = MailingListSubscriber.objects.filter(email=email).delete()
    alerts = AlertSubscription.objects.filter(email=email).count()
    AlertSubscription.objects.filter(email=email).delete()
    contact_messages, _ = contact_messages_from(email).delete()
    erasure = Erasure.objects.create(
        source=source,
        erased_by=erased_by,
        subscriptions=subscriptions,
        alerts=alerts,
        contact_messages=contact_messages,
    )
    logger.info(
        "Erased an address's data (%s): %d subscription(s), %d alert(s), "
        "%d contact message(s)",
        source,
        subscriptions,
        alerts,
        contact_messages,
    )
    return erasure
