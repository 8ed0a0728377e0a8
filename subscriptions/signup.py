"""Signing up, the same way for the mailing list and for alerts.

Whatever state an address is in, the visitor sees the same "check your inbox" page:
only the address's owner learns, by email, whether it was already subscribed.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.security import ratelimit
from subscriptions import emails
from subscriptions.models import normalise_email

MAILING_LIST_CONSENT = (
    "Email me the North East LEP's news. I can unsubscribe at any time with the link "
    "in every email."
)
ALERTS_CONSENT = (
    "Email me a digest of new Board meeting papers for the committee I chose, when "
    "they are published. I can unsubscribe at any time with the link in every email."
)

# Emails to one address, whatever its state: enough to retry, too few to spam anyone.
EMAILS_PER_ADDRESS = 3
EMAIL_WINDOW_SECONDS = 24 * 60 * 60


def request_subscription(model, email, consent_text, **choice):
    """Create or find the subscription and email its owner what happens next."""
    email = normalise_email(email)
    identity = f"{model._meta.label_lower}:{email}"
    if not ratelimit.allow(
        "subscription-email", identity, EMAILS_PER_ADDRESS, EMAIL_WINDOW_SECONDS
    ):
        return
    subscription = model.objects.filter(email=email, **choice).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = model.objects.create(
                    email=email, consent_text=consent_text, **choice
                )
        except IntegrityError:
            subscription = model.objects.get(email=email, **choice)
    if subscription.is_confirmed:
        emails.send_already_subscribed(subscription)
        return
    subscription.consent_text = consent_text
    subscription.consented_at = timezone.now()
    subscription.save(update_fields=["consent_text", "consented_at"])
    emails.send_confirmation(subscription)
