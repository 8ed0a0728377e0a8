"""Every admin date and time field reads what people type, or says what it expects."""

import datetime
import re

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from meetings.models import Meeting, MeetingDocument
from tests.factories import StandardPageFactory
from tests.meetings.factories import CommitteeFactory

pytestmark = pytest.mark.django_db

TEN_GMT = datetime.datetime(2027, 1, 14, 10, 0, tzinfo=datetime.UTC)
EXPECTED_FORMAT = "e.g. 14/01/2027 10:00 (UK time)"


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        "dates", "dates@example.org", "a-long-pass-phrase-for-tests"
    )
    client.force_login(admin)
    return client


def add_meeting(admin_client, start, end="14/01/2027 12:00"):
    form = nested_form_data(
        {
            "committee": CommitteeFactory().pk,
            "title": "Typed board",
            "start": start,
            "end": end,
            "venue": "",
            "status": Meeting.Status.SCHEDULED,
            "summary": "",
            "agenda_items": inline_formset([]),
        }
    )
    return admin_client.post("/admin/snippets/meetings/meeting/add/", form)


@pytest.mark.parametrize(
    "typed",
    [
        "14/01/2027 10:00",
        "14/01/2027 10.00",
        "2027-01-14 10:00",
        "14 Jan 2027 10am",
        "14 January 2027 10:00",
        "14/01/2027 10:00am",
    ],
)
def test_a_meeting_time_is_read_as_typed(admin_client, typed):
    response = add_meeting(admin_client, typed)
    assert response.status_code == 302
    assert Meeting.objects.get(title="Typed board").start == TEN_GMT


@pytest.mark.parametrize("typed", ["next Thursday", "14/13/2027 10:00", "10:00"])
def test_an_unreadable_time_is_refused_naming_the_format(admin_client, typed):
    response = add_meeting(admin_client, typed)
    assert response.status_code == 200
    assert EXPECTED_FORMAT in response.content.decode()
    assert not Meeting.objects.filter(title="Typed board").exists()


def test_a_page_schedule_is_read_as_typed_or_refused(admin_client, home_page):
    page = StandardPageFactory(parent=home_page)
    editor = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "e.g. 14/01/2027 10:00, UK time" in editor

    go_live_at = page.get_edit_handler().get_form_class().base_fields["go_live_at"]
    assert go_live_at.clean("14 Jan 2027 10am") == TEN_GMT
    with pytest.raises(ValidationError, match=re.escape(EXPECTED_FORMAT)):
        go_live_at.clean("soon")


def test_every_admin_date_time_picker_keeps_typed_text_and_shows_a_hint():
    html = AdminDateTimeInput().render("publish_at", None, {"id": "id_publish_at"})
    assert "validateOnBlur: false" in html
    assert "e.g. 14/01/2027 10:00, UK time" in html
    assert 'aria-describedby="id_publish_at-zone"' in html


def test_a_papers_form_built_the_admin_way_reads_and_refuses_the_same():
    """The papers page's "Publish at": a plain ModelForm given Wagtail's
    ``formfield_for_dbfield`` gets the same picker, formats and message."""

    class PublishAtForm(forms.ModelForm):
        class Meta:
            model = MeetingDocument
            fields = ["publish_at"]
            formfield_callback = formfield_for_dbfield

    field = PublishAtForm().fields["publish_at"]
    assert isinstance(field.widget, AdminDateTimeInput)
    assert field.clean("14/01/2027 10.00") == TEN_GMT
    with pytest.raises(ValidationError, match=re.escape(EXPECTED_FORMAT)):
        field.clean("14/01/27 25:00")


def test_any_date_time_field_reads_the_ways_people_type():
    field = forms.DateTimeField(widget=AdminDateTimeInput())
    for typed in ("14/01/2027 10.00", "14 Jan 2027 10am", "14/01/2027 at 10:00"):
        assert field.clean(typed) == TEN_GMT, typed
