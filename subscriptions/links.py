"""Signed links in the emails, and the absolute addresses they are sent as.

Each purpose has its own salt, so a link made for one can never be used for another.
Confirmation and erasure links expire; unsubscribe links work for as long as the
subscription exists.
"""

import datetime
import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from wagtail.models import Site

from subscriptions.models import AlertSubscription, MailingListSubscriber

CONFIRM_MAX_AGE = datetime.timedelta(hours=48)
ERASURE_MAX_AGE = datetime.timedelta(hours=48)

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
ERASURE_SALT = "subscriptions.erase"

KINDS = {"list": MailingListSubscriber, "alert": AlertSubscription}
KIND_OF = {model: kind for kind, model in KINDS.items()}


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def site_root():
    """The default site's address, for links in emails sent outside a request."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path, root=None):
    return (root or site_root()) + path


def _fingerprint(email):
    # Links end up in server logs: they name the subscription without showing the
    # address, yet stop working if the row is replaced by another address's.
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def _subscription_token(subscription, salt):
    payload = {
        "kind": KIND_OF[type(subscription)],
        "id": subscription.pk,
        "of": _fingerprint(subscription.email),
    }
    return signing.dumps(payload, salt=salt, compress=True)


def _load(token, salt, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error


def _subscription(token, salt, max_age=None):
    payload = _load(token, salt, max_age)
    try:
        model = KINDS[payload["kind"]]
        subscription = model.objects.filter(pk=int(payload["id"])).first()
        fingerprint = payload["of"]
    except (KeyError, TypeError, ValueError) as error:
        raise LinkInvalid from error
    if subscription is None or _fingerprint(subscription.email) != fingerprint:
        return None
    return subscription


def confirm_url(subscription):
    token = _subscription_token(subscription, CONFIRM_SALT)
    return absolute_url(reverse("subscriptions:confirm", args=[token]))


def unsubscribe_url(subscription):
    token = _subscription_token(subscription, UNSUBSCRIBE_SALT)
    return absolute_url(reverse("subscriptions:unsubscribe", args=[token]))


def subscription_to_confirm(token):
    """The subscription a confirmation link is for; None when it no longer exists."""
    return _subscription(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def subscription_to_end(token):
    return _subscription(token, UNSUBSCRIBE_SALT)


def erasure_url(email):
    token = signing.dumps({"email": email}, salt=ERASURE_SALT, compress=True)
    return absolute_url(reverse("subscriptions:erase_confirm", args=[token]))


def address_to_erase(token):
    payload = _load(token, ERASURE_SALT, ERASURE_MAX_AGE)
    if not isinstance(payload, dict) or not isinstance(payload.get("email"), str):
        raise LinkInvalid
    return payload["email"]
