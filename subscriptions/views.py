"""The public side: sign up, confirm, unsubscribe, and ask for data to be erased.

The forms carry no CSRF token, because they also sit on cached pages (the footer)
where a token would be shared between visitors. Instead a post that a browser says
came from another site is refused (``subscriptions.origin``). A forged sign-up could at
most send one rate-limited email to an address, and nothing happens to it without its
owner's button press on our confirmation page (following the emailed link only shows
that page, so a mail scanner cannot confirm); a forged confirmation, unsubscribe or
erasure still needs a signed link only the owner has.
"""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from portal.security import ratelimit
from subscriptions import emails, erasure, links, signup
from subscriptions.forms import AlertSignupForm, EmailForm
from subscriptions.models import AlertSubscription, Erasure, MailingListSubscriber
from subscriptions.origin import refuse_cross_site_posts

REQUESTS_PER_IP = 10
WINDOW_SECONDS = 60 * 60
ERASURE_EMAILS_PER_ADDRESS = 3
ERASURE_WINDOW_SECONDS = 24 * 60 * 60


def _message(request, title, paragraphs, status=200, button=None):
    return render(
        request,
        "subscriptions/message.html",
        {"title": title, "paragraphs": paragraphs, "button": button},
        status=status,
    )


def _too_many(request):
    return _message(
        request,
        "Please try again later",
        [
            "We have had too many requests from your connection in the last hour. "
            "Please wait an hour and try again."
        ],
        status=429,
    )


def _from_another_site(request):
    return _message(
        request,
        "This form was sent from another website",
        [
            "For your safety we only accept this form from our own pages. Please "
            "fill it in again here."
        ],
        status=403,
    )


def _form_page(request, form, **context):
    return render(
        request,
        "subscriptions/form_page.html",
        {"form": form, **context},
        status=400 if form.is_bound else 200,
    )


def _handle_signup(request, form, subscribe):
    """The shared POST handling; a response, or None to show the form again."""
    if not ratelimit.allow_request(request, "signup", REQUESTS_PER_IP, WINDOW_SECONDS):
        return _too_many(request)
    if form.is_spam:
        return redirect("subscriptions:check_inbox")
    if form.is_valid():
        subscribe(form.cleaned_data)
        return redirect("subscriptions:check_inbox")
    return None


# No CSRF token on cached pages: a post from another site is refused by its origin.
@csrf_exempt
@refuse_cross_site_posts(_from_another_site)
@require_http_methods(["GET", "POST"])
def mailing_list(request):
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        response = _handle_signup(
            request,
            form,
            lambda data: signup.request_subscription(
                MailingListSubscriber, data["email"], signup.MAILING_LIST_CONSENT
            ),
        )
        if response:
            return response
    return _form_page(
        request,
        form,
        title="Join our mailing list",
        intro="Get the partnership's news by email. We will send you an email to "
        "confirm your address first.",
        consent=signup.MAILING_LIST_CONSENT,
        submit="Subscribe",
        action_name="subscriptions:mailing_list",
    )


@csrf_exempt
@refuse_cross_site_posts(_from_another_site)
@require_http_methods(["GET", "POST"])
def alerts(request):
    if request.method == "POST":
        form = AlertSignupForm(request.POST)
        response = _handle_signup(
            request,
            form,
            lambda data: signup.request_subscription(
                AlertSubscription,
                data["email"],
                signup.ALERTS_CONSENT,
                committee=data["committee"],
            ),
        )
        if response:
            return response
    else:
        form = AlertSignupForm(initial={"committee": request.GET.get("committee")})
    return _form_page(
        request,
        form,
        title="Email alerts for Board papers",
        intro="Get one email listing the new papers of a committee's meetings, or of "
        "every committee's, when they are published.",
        consent=signup.ALERTS_CONSENT,
        submit="Subscribe to alerts",
        action_name="subscriptions:alerts",
    )


@require_GET
def check_inbox(request):
    return _message(
        request,
        "Check your inbox",
        [
            "We have sent an email to the address you gave. Follow the link in it "
            f"within {links.CONFIRM_MAX_AGE.days * 24} hours to confirm your "
            "subscription.",
            "If it has not arrived in a few minutes, check your spam or junk folder.",
        ],
    )


def _link_problem(request, error):
    if isinstance(error, links.LinkExpired):
        return _message(
            request,
            "This link has expired",
            [
                "Links in our emails work for 48 hours. Please sign up or ask again, "
                "and we will send you a new link."
            ],
            status=410,
        )
    return _message(
        request,
        "This link does not work",
        [
            "It may have been copied incompletely, or it is no longer in use. Please "
            "sign up or ask again, and we will send you a new link."
        ],
        status=400,
    )


# Following the link only shows a button: mail scanners follow links, and consent
# must be the owner's press. The signed link authenticates the post.
@csrf_exempt
@refuse_cross_site_posts(_from_another_site)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription = links.subscription_to_confirm(token)
    except (links.LinkExpired, links.LinkInvalid) as error:
        return _link_problem(request, error)
    if subscription is None:
        return _link_problem(request, links.LinkInvalid())
    if request.method != "POST":
        return _message(
            request,
            "Confirm your subscription",
            [
                f"Subscribe {subscription.email} to {subscription.description}? "
                "Nothing changes until you press the button."
            ],
            button="Confirm my subscription",
        )
    subscription.confirm()
    return _message(
        request,
        "You are subscribed",
        [
            f"Thank you: your subscription to {subscription.description} is confirmed.",
            "Every email we send has a link to unsubscribe.",
        ],
    )


# The signed link is the authentication; mail clients' one-click POST has no token.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = links.subscription_to_end(token)
    except links.LinkInvalid as error:
        return _link_problem(request, error)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return _message(
            request,
            "You have unsubscribed",
            ["We will not email you again about this, and have deleted your address."],
        )
    if subscription is None:
        return _message(
            request, "You are not subscribed", ["There is nothing to unsubscribe."]
        )
    return _message(
        request,
        "Unsubscribe",
        [f"Stop emails to {subscription.email} about {subscription.description}."],
        button="Unsubscribe",
    )


@csrf_exempt
@refuse_cross_site_posts(_from_another_site)
@require_http_methods(["GET", "POST"])
def erasure_request(request):
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not ratelimit.allow_request(
            request, "erasure", REQUESTS_PER_IP, WINDOW_SECONDS
        ):
            return _too_many(request)
        if form.is_spam:
            return redirect("subscriptions:erasure_requested")
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            if ratelimit.allow(
                "erasure-email",
                email,
                ERASURE_EMAILS_PER_ADDRESS,
                ERASURE_WINDOW_SECONDS,
            ):
                emails.send_erasure_link(email)
            return redirect("subscriptions:erasure_requested")
    return _form_page(
        request,
        form,
        title="Ask us to erase your data",
        intro="We will email you a link. Following it erases your mailing list "
        "subscription, your alerts and the messages you sent through our contact "
        "form.",
        submit="Email me the link",
        action_name="subscriptions:erasure_request",
    )


@require_GET
def erasure_requested(request):
    return _message(
        request,
        "Check your inbox",
        [
            "We have sent an email to the address you gave, with a link to erase "
            "everything we hold about it. The link works for 48 hours.",
        ],
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def erase_confirm(request, token):
    try:
        email = links.address_to_erase(token)
    except (links.LinkExpired, links.LinkInvalid) as error:
        return _link_problem(request, error)
    if request.method == "POST":
        erasure.erase_address(email, Erasure.Source.VISITOR)
        return _message(
            request,
            "Your data has been erased",
            [
                f"We have erased everything this website held about {email}: "
                "subscriptions, alerts and contact messages.",
            ],
        )
    return _message(
        request,
        "Erase your data",
        [f"Erase everything this website holds about {email}. This cannot be undone."],
        button="Erase my data",
    )
