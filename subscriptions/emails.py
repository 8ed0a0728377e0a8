"""Every email the subscriptions send, each with a one-click unsubscribe (RFC 8058)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from subscriptions import links


def send_to_subscriber(subscription, subject, template, context=None):
    unsubscribe = links.unsubscribe_url(subscription)
    body = render_to_string(
        template,
        {
            **(context or {}),
            "subscription": subscription,
            "unsubscribe_url": unsubscribe,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    message = EmailMessage(
        subject=f"{subject} – {settings.WAGTAIL_SITE_NAME}",
        body=body,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return message.send()


def send_confirmation(subscription):
    send_to_subscriber(
        subscription,
        "Please confirm your subscription",
        "subscriptions/email/confirm.txt",
        {
            "confirm_url": links.confirm_url(subscription),
            "hours": int(links.CONFIRM_MAX_AGE.total_seconds() // 3600),
        },
    )


def send_already_subscribed(subscription):
    send_to_subscriber(
        subscription,
        "You are already subscribed",
        "subscriptions/email/already_subscribed.txt",
    )


def send_erasure_link(email):
    body = render_to_string(
        "subscriptions/email/erasure.txt",
        {
            "erasure_url": links.erasure_url(email),
            "hours": int(links.ERASURE_MAX_AGE.total_seconds() // 3600),
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    EmailMessage(
        subject=f"Erasing your data – {settings.WAGTAIL_SITE_NAME}",
        body=body,
        to=[email],
    ).send()
