"""Admin › Forms: the export of contact messages never hands a spreadsheet a formula."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import contact_page

pytestmark = pytest.mark.django_db

HOSTILE = {
    "name": '=HYPERLINK("https://evil.example","Click")',
    "email": "ada@example.org",
    "subject": "@SUM(1+1)*cmd|' /C calc'!A0",
    "message": "+cmd|' /C notepad'!A0",
}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("comms", password="x" * 16)
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    return user


def test_visitor_input_that_looks_like_a_formula_is_exported_as_text(
    client, editor, home_page
):
    page = contact_page(home_page)
    FormSubmission.objects.create(page=page, form_data=HOSTILE)
    FormSubmission.objects.create(
        page=page, form_data={**HOSTILE, "name": "-2+3", "message": "\tTabbed"}
    )
    response = client.get(
        reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 2
    cells = [value for row in rows for value in row.values()]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t"))]
    by_name = {row["Name"]: row for row in rows}
    hostile = by_name["'" + HOSTILE["name"]]
    assert hostile["Subject"] == "'" + HOSTILE["subject"]
    assert hostile["Message"] == "'" + HOSTILE["message"]
    assert "'-2+3" in by_name
