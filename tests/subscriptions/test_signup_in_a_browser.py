import pytest
from django.core import mail

from subscriptions.models import MailingListSubscriber
from tests.accessibility import axe_violations
from tests.factories import contact_page
from tests.subscriptions.conftest import link_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_visitor_signs_up_in_the_footer_and_confirms_from_the_email(
    page, live_server, home_page
):
    contact = contact_page(home_page)
    mail.outbox.clear()

    page.goto(live_server.url + home_page.url)
    footer = page.locator("footer")
    footer.get_by_label("Email address").fill("visitor@example.org")
    footer.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()

    assert len(mail.outbox) == 1
    confirm = link_to(mail.outbox[0], "/confirm/")
    # The email's links use the default site's address; the test server has its own.
    page.goto(live_server.url + "/" + confirm.split("/", 3)[3])
    page.get_by_role("button", name="Confirm my subscription").click()
    page.get_by_role("heading", name="You are subscribed").wait_for()
    assert MailingListSubscriber.objects.get().confirmed_at is not None
    assert axe_violations(page) == []

    page.goto(live_server.url + "/subscriptions/mailing-list/")
    page.locator("main").get_by_label("Email address").fill("not an address")
    page.locator("main").get_by_role("button", name="Subscribe").click()
    page.get_by_text("There is a problem").wait_for()
    assert axe_violations(page) == []

    page.goto(live_server.url + contact.url)
    assert axe_violations(page) == []
