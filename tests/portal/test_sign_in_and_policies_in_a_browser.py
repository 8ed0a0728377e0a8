import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from strategy.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a long and unguessable passphrase"
PUBLIC_PAGES = ["/", "/funding/enterprise-zones/"]

# Records every Content Security Policy violation the page reports, from its start.
WATCH_POLICY = """
window.policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.policyViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def portal_server(live_server, settings, seeded_site):
    settings.PORTAL_REQUIRE_2FA = True
    settings.FUNDING_MAP_TILE_URL = ""  # no tile server is reachable in tests
    return live_server.url


def watch(page, console):
    """Violations seen by the page itself, and the browser's console messages."""
    page.add_init_script(WATCH_POLICY)
    page.on(
        "console",
        lambda message: console.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )


def visit(page, url, violations):
    page.goto(url)
    if "enterprise-zones" in url:
        page.wait_for_selector(".funding-map__marker")
    page.wait_for_load_state("load")
    violations[url] = page.evaluate("window.policyViolations")


def test_an_administrator_signs_in_with_a_code_and_no_page_breaks_the_policy(
    browser, page, portal_server, django_user_model
):
    administrator = django_user_model.objects.create_superuser(
        "administrator", "admin@example.org", PASSWORD
    )
    app = TOTPDevice.objects.create(user=administrator, name="Phone", confirmed=True)
    console = []
    watch(page, console)

    page.goto(portal_server + "/admin/")
    page.fill("#id_username", "administrator")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("#id_code", f"{totp(app.bin_key, step=app.step, t0=app.t0):06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(portal_server + "/admin/")
    assert page.get_by_role("heading", name="North East LEP").is_visible()

    violations = {}
    home = HomePage.objects.get()
    visit(page, f"{portal_server}/admin/pages/{home.pk}/edit/", violations)
    for path in PUBLIC_PAGES:
        visit(page, portal_server + path, violations)
    page.goto(portal_server + "/")
    page.locator("#wagtail-userbar-trigger").click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()

    visitor = browser.new_context().new_page()
    watch(visitor, console)
    for path in PUBLIC_PAGES:
        visit(visitor, portal_server + path, violations)

    assert {url: found for url, found in violations.items() if found} == {}
    assert console == []

    # The watcher does see a violation when there is one.
    visitor.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
    )
    visitor.wait_for_function("window.policyViolations.length > 0")
    assert "style-src" in visitor.evaluate("window.policyViolations")[0]
