import pytest
from django.contrib.auth.models import Group

from meetings.models import Meeting
from tests.accessibility import axe_violations
from tests.meetings.upload_samples import good_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
PASSWORD = "a-long-test-password"


@pytest.fixture
def seeded_server(live_server, seeded_site, django_user_model):
    user = django_user_model.objects.create_user("secretary", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    return live_server.url


def test_a_board_secretary_publishes_two_of_three_papers_and_pages_pass_axe(
    page, seeded_server, tmp_path, browser
):
    files = []
    for name in ("agenda.pdf", "finance-paper.pdf", "draft-budget.pdf"):
        path = tmp_path / name
        path.write_bytes(good_pdf(name))
        files.append(str(path))

    page.goto(seeded_server + "/admin/login/")
    page.get_by_label("Username").fill("secretary")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(seeded_server + "/admin/snippets/meetings/meeting/add/")
    page.locator("#id_committee").select_option(label="Board")
    page.locator("#id_title").fill("Browser test meeting")
    page.locator("#id_start").fill("10/03/2027 10:00")
    page.locator("#id_end").fill("10/03/2027 12:00")
    page.locator("#id_venue").fill("Committee room")
    page.locator("#id_title").click()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/snippets/meetings/meeting/**")
    meeting = Meeting.objects.get(title="Browser test meeting")
    assert meeting.live

    page.goto(seeded_server + f"/admin/meetings/meeting/{meeting.pk}/documents/")
    page.locator("input[type=file]").set_input_files(files)
    page.get_by_role("button", name="Upload").click()
    page.get_by_text("Uploaded 3 file(s)").wait_for()
    for name in ("agenda.pdf", "finance-paper.pdf"):
        page.locator(
            f'fieldset[data-document="{name}"] select[name$="-publication"]'
        ).select_option("published")
    page.get_by_role("button", name="Save document settings").click()
    page.get_by_text("Document settings saved").wait_for()

    visitor = browser.new_context().new_page()
    visitor.goto(seeded_server + meeting.get_url("/meetings/"))
    documents = visitor.locator(".meeting-document > a").all_inner_texts()
    assert sorted(documents) == ["Agenda", "Finance paper"]
    assert visitor.get_by_text("Draft budget").count() == 0

    confidential = Meeting.objects.filter(agenda_items__confidential=True).first()
    paths = [
        "/meetings/",
        "/meetings/board/",
        meeting.get_url("/meetings/"),
        confidential.get_url("/meetings/"),
        "/meetings/?year=abc",
    ]
    problems = {}
    for path in paths:
        visitor.goto(seeded_server + path)
        violations = axe_violations(visitor)
        if violations:
            problems[path] = violations
    assert problems == {}
