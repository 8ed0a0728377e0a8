import datetime

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingDocument
from tests.meetings.factories import (
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.meetings.upload_samples import encrypted_pdf, good_pdf


def test_board_secretaries_may_manage_meetings_and_nothing_else(secretary):
    permissions = Group.objects.get(name="Board secretaries").permissions
    apps = set(permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"meetings", "wagtailadmin", "funding"}
    # Funding only to see and choose what a decision concerns.
    assert set(
        permissions.filter(content_type__app_label="funding").values_list(
            "codename", flat=True
        )
    ) == {"view_fund", "view_fundround", "view_fundedproject"}
    assert secretary.has_perm("meetings.publish_meeting")
    assert secretary.has_perm("meetings.add_meetingdocument")
    assert not secretary.has_perm("wagtailcore.add_page")
    assert not secretary.has_perm("wagtaildocs.add_document")


def test_the_meetings_menu_lists_meetings_documents_and_committees(client, secretary):
    meeting = MeetingFactory(title="Spring Board")
    assert (
        "Spring Board"
        in client.get(reverse("wagtailsnippets_meetings_meeting:list")).content.decode()
    )
    edit = client.get(
        reverse("wagtailsnippets_meetings_meeting:edit", args=[meeting.pk])
    )
    assert edit.status_code == 200
    assert "Upload and publish documents" in edit.content.decode()
    assert (
        client.get(reverse("wagtailsnippets_meetings_meetingdocument:list")).status_code
        == 200
    )
    assert (
        client.get(reverse("wagtailsnippets_meetings_committee:list")).status_code
        == 200
    )


def test_upload_several_files_then_publish_some(client, secretary, meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    url = reverse("meetings_admin_documents", args=[meeting.pk])
    response = client.post(
        url,
        {
            "upload": "1",
            "files": [
                SimpleUploadedFile("Agenda.pdf", good_pdf("Agenda")),
                SimpleUploadedFile("skills-paper.pdf", good_pdf("Skills")),
                SimpleUploadedFile("locked.pdf", encrypted_pdf()),
            ],
        },
        follow=True,
    )
    text = response.content.decode()
    assert "Uploaded 3 file(s)" in text
    assert "encrypted" in text and "cannot be searched" in text
    documents = list(MeetingDocument.objects.order_by("pk"))
    assert [d.file_name for d in documents] == [
        "agenda.pdf",
        "skills-paper.pdf",
        "locked.pdf",
    ]
    assert documents[0].kind == "agenda" and documents[1].kind == "paper"
    assert documents[0].uploaded_by == secretary
    assert all(d.publication == "unpublished" for d in documents)
    assert "Skills" not in client.get(meeting.url).content.decode()

    data = {
        "save": "1",
        "documents-TOTAL_FORMS": "3",
        "documents-INITIAL_FORMS": "3",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    for i, document in enumerate(MeetingDocument.objects.order_by("kind", "pk")):
        data.update(
            {
                f"documents-{i}-id": document.pk,
                f"documents-{i}-title": document.title,
                f"documents-{i}-kind": document.kind,
                f"documents-{i}-publication": (
                    "unpublished" if document.file_name == "locked.pdf" else "published"
                ),
            }
        )
    response = client.post(url, data, follow=True)
    assert "Document settings saved" in response.content.decode()

    client.logout()
    public = client.get(meeting.url).content.decode()
    assert "Agenda" in public and "Skills paper" in public
    assert "Locked" not in public


def test_scheduling_needs_a_time(client, secretary):
    meeting = MeetingFactory()
    document = MeetingDocumentFactory(meeting=meeting, publication="unpublished")
    url = reverse("meetings_admin_documents", args=[meeting.pk])
    response = client.post(
        url,
        {
            "save": "1",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "1",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "documents-0-id": document.pk,
            "documents-0-title": "Paper",
            "documents-0-kind": "paper",
            "documents-0-publication": "scheduled",
        },
    )
    assert "Give the date and time to publish it." in response.content.decode()
    document.refresh_from_db()
    assert document.publication == "unpublished"


def test_dashboard_flags_overdue_agendas_and_minutes(client, secretary):
    MeetingFactory(
        title="Overdue meeting",
        start=timezone.now() - datetime.timedelta(days=40),
    )
    on_time = MeetingFactory(
        title="Tidy meeting", start=timezone.now() - datetime.timedelta(days=40)
    )
    MeetingDocumentFactory(meeting=on_time, kind="agenda")
    MeetingDocumentFactory(
        meeting=on_time, kind="minutes", minutes_status="draft", title="Minutes"
    )

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Overdue meeting documents" in html
    assert "Overdue meeting" in html
    assert "No agenda is public" in html and "Draft minutes" in html
    assert "Tidy meeting" not in html


def test_people_outside_the_group_cannot_upload(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    meeting = MeetingFactory()
    response = client.get(reverse("meetings_admin_documents", args=[meeting.pk]))
    assert response.status_code in (302, 403)


def test_adding_one_document_in_the_snippet_form_checks_the_file(client, secretary):
    meeting = MeetingFactory()
    url = reverse("wagtailsnippets_meetings_meetingdocument:add")
    fields = {
        "meeting": meeting.pk,
        "kind": "paper",
        "title": "Budget",
        "publication": "unpublished",
    }

    refused = client.post(
        url, {**fields, "file": SimpleUploadedFile("budget.pdf", b"<svg></svg>")}
    )
    assert "SVG image" in refused.content.decode()
    assert not MeetingDocument.objects.exists()

    client.post(
        url, {**fields, "file": SimpleUploadedFile("Budget 2026.pdf", good_pdf())}
    )
    document = MeetingDocument.objects.get()
    assert document.file_name == "budget-2026.pdf"
    assert document.page_count == 1 and len(document.sha256) == 64
    assert document.uploaded_by == secretary


def test_a_forged_form_count_cannot_create_a_document(client, secretary):
    meeting = MeetingFactory()
    url = reverse("meetings_admin_documents", args=[meeting.pk])
    response = client.post(
        url,
        {
            "save": "1",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "documents-0-title": "Forged",
            "documents-0-kind": "paper",
            "documents-0-publication": "published",
        },
    )
    assert response.status_code in (200, 302)
    assert not meeting.documents.exists()


def test_board_secretaries_upload_and_choose_images_in_board_members_only(secretary):
    from wagtail.models import Collection, GroupCollectionPermission

    granted = GroupCollectionPermission.objects.filter(group__name="Board secretaries")
    assert {(row.collection.name, row.permission.codename) for row in granted} == {
        ("Board members", "add_image"),
        ("Board members", "change_image"),
        ("Board members", "choose_image"),
    }
    assert Collection.objects.get(name="Board members").get_parent().is_root()
    assert not secretary.has_perm("wagtailimages.delete_image")


def test_a_secretary_uploads_a_member_photo_and_chooses_it_for_them(
    client, secretary, board_index
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from meetings.models import Person
    from tests.meetings.factories import PersonFactory
    from tests.portal.test_renditions_made_on_upload import png

    Image = get_image_model()
    root = Collection.get_first_root_node()
    board_members = Collection.objects.get(name="Board members")
    other = Image.objects.create(
        title="Example harbour picture", file=get_test_image_file(), collection=root
    )
    person = PersonFactory(name="Example member", slug="example-member")

    # The library is in the secretary's menu, and offers the one collection.
    assert "/admin/images/" in client.get(reverse("wagtailadmin_home")).content.decode()
    # Asking for another collection stores it in the one they may use.
    response = client.post(
        "/admin/images/add/",
        {"title": "Example member portrait", "file": png(), "collection": root.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = Image.objects.get(title="Example member portrait")
    assert photo.collection == board_members
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Example member portrait" in chooser
    assert "Example harbour picture" not in chooser
    assert client.get(f"/admin/images/{other.pk}/").status_code != 200

    edit = reverse("wagtailsnippets_meetings_person:edit", args=[person.pk])
    response = client.post(
        edit,
        nested_form_data(
            {
                "name": person.name,
                "slug": person.slug,
                "photo": photo.pk,
                "photo_alt": "Example member, smiling, in front of a window",
                "role": person.role,
                "sector": person.sector,
                "organisation": person.organisation,
                "appointed_on": person.appointed_on.isoformat(),
                "term_ends_on": "",
                "biography": person.biography,
                "memberships": inline_formset([]),
                "interests": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = Person.objects.get(pk=person.pk)
    assert person.photo == photo

    client.logout()
    page = client.get(person.url).content.decode()
    assert 'alt="Example member, smiling, in front of a window"' in page
