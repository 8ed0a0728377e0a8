"""Asking for a meeting paper in another format: the public form, and what receiving
a request does (keep it, set its deadline, email the board secretaries).

The response deadline counts working days as the publication deadlines do
(``meetings.holidays``); the number of days and the address are Board settings.
"""

from django import forms
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from meetings import holidays
from meetings.models.format_requests import FormatRequest

HONEYPOT = "homepage"
REQUESTS_PER_IP = 5
WINDOW_SECONDS = 60 * 60
DETAILS_MAX_LENGTH = 2000


class FormatRequestForm(forms.Form):
    format = forms.ChoiceField(
        label="Which format do you need?",
        choices=[("", "Choose a format"), *FormatRequest.Format.choices],
        error_messages={"required": "Choose the format you need."},
    )
    details = forms.CharField(
        label="Anything else we should know (optional)",
        help_text="For example the print size, or the format if you chose "
        "“Something else”.",
        required=False,
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    name = forms.CharField(
        label="Your name",
        max_length=150,
        error_messages={"required": "Enter your name, so we know who to reply to."},
    )
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="We send the paper, or ask about it, here.",
        error_messages={
            "required": "Enter your email address, so we can send you the paper.",
            "invalid": "Enter an email address like name@example.com.",
        },
    )
    homepage = forms.CharField(
        required=False, max_length=200, label="Leave this field empty"
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("format") == FormatRequest.Format.OTHER
            and not (cleaned.get("details") or "").strip()
        ):
            self.add_error("details", "Tell us which format you need.")
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))


def due_on(received, working_days):
    """The last day to answer a request received at ``received``."""
    return holidays.add_working_days(timezone.localdate(received), working_days)


def receive(document, data, board_settings):
    """Keep a request for ``document`` made with the form's ``data``, and email it
    to the board secretaries when their address is set."""
    now = timezone.now()
    made = FormatRequest.objects.create(
        document=document,
        paper_title=document.title,
        format=data["format"],
        details=data["details"].strip(),
        name=data["name"].strip(),
        email=data["email"],
        received_at=now,
        due_on=due_on(now, board_settings.format_request_days),
    )
    log(made, "wagtail.create")
    address = board_settings.format_requests_email
    if address:
        EmailMessage(
            subject=f"Request for a paper in another format: {document.title}",
            body=render_to_string(
                "meetings/email/format_request.txt",
                {"request": made, "document": document},
            ),
            to=[address],
            reply_to=[made.email],
        ).send()
    return made
