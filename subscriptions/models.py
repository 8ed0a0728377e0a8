"""What the portal keeps about people who asked for email: address and consent.

Every subscription starts unconfirmed; it is only used (mailed, exported) once the
person has followed the link in the confirmation email. Unconfirmed ones are deleted
after ``UNCONFIRMED_DAYS``.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

UNCONFIRMED_DAYS = 7


def normalise_email(address):
    return address.strip().lower()


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def stale_unconfirmed(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
        return self.unconfirmed().filter(created_at__lt=cutoff)


class Subscription(models.Model):
    email = models.EmailField(max_length=254)
    consent_text = models.TextField(
        editable=False, help_text="The exact wording the person agreed to."
    )
    consented_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text="When they signed up."
    )
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When they followed the confirmation link; empty until then.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])


class MailingListSubscriber(Subscription):
    class Meta:
        ordering = ["-consented_at"]
        verbose_name = "mailing list subscriber"
        constraints = [
            models.UniqueConstraint(fields=["email"], name="one_subscriber_per_email")
        ]

    def __str__(self):
        # Wagtail's action log keeps this label after the row is deleted.
        return f"Mailing list subscriber {self.pk}"

    @property
    def description(self):
        return "the mailing list"


class AlertSubscription(Subscription):
    """New public Board papers by email, for one committee or (empty) all of them."""

    committee = models.ForeignKey(
        "meetings.Committee",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_subscriptions",
        help_text="Empty for every committee.",
    )

    class Meta:
        ordering = ["-consented_at"]
        verbose_name = "meeting paper alert"
        constraints = [
            models.UniqueConstraint(
                fields=["email", "committee"],
                condition=Q(committee__isnull=False),
                name="one_alert_per_email_and_committee",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(committee__isnull=True),
                name="one_all_committees_alert_per_email",
            ),
        ]

    def __str__(self):
        # Wagtail's action log keeps this label after the row is deleted.
        return f"Alert {self.pk} ({self.committee_name})"

    @property
    def committee_name(self):
        return self.committee.name if self.committee_id else "all committees"

    @property
    def description(self):
        return f"alerts of new papers for {self.committee_name}"


class AlertDelivery(models.Model):
    """One paper sent in one subscription's digest, so it is never sent again."""

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    document = models.ForeignKey(
        "meetings.MeetingDocument", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "document"], name="deliver_a_paper_once"
            )
        ]

    def __str__(self):
        return f"{self.document} to {self.subscription}"


class Erasure(models.Model):
    """That an address's data was erased, and by whom; the address is not kept."""

    class Source(models.TextChoices):
        STAFF = "staff", "Staff, from the admin"
        VISITOR = "visitor", "The person, through the privacy notice"

    erased_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, choices=Source.choices)
    erased_by = models.CharField(
        max_length=150, blank=True, help_text="The staff member's username."
    )
    subscriptions = models.PositiveIntegerField(default=0)
    alerts = models.PositiveIntegerField(default=0)
    contact_messages = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        when = timezone.localtime(self.erased_at).strftime("%d/%m/%Y %H:%M")
        return f"Erasure on {when} ({self.get_source_display()})"
