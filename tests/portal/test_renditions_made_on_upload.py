"""Images are resized to every size the templates show on upload, not when viewed."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Collection

from portal import images
from strategy.models import StandardPage

pytestmark = pytest.mark.django_db


def png(width=400, height=300, colour="navy"):
    data = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(data, "PNG")
    return SimpleUploadedFile("harbour.png", data.getvalue(), "image/png")


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def root_collection():
    # With the Board members' photo collection there are two: the form asks which.
    return Collection.get_first_root_node().pk


def rendition_specs(image):
    return set(
        Rendition.objects.filter(image=image).values_list("filter_spec", flat=True)
    )


def test_uploading_in_the_admin_makes_every_rendition_before_any_page_view(
    editor_client, home_page
):
    response = editor_client.post(
        "/admin/images/add/",
        {"title": "Harbour", "file": png(1300, 800), "collection": root_collection()},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Harbour")

    assert rendition_specs(image) == set(images.every_filter_spec())
    formats = {r.file.name.rsplit(".", 1)[-1] for r in image.renditions.all()}
    assert formats == {"avif", "webp"}
    body_webp = image.renditions.get(filter_spec="format-webp|max-1200x800")
    assert (body_webp.width, body_webp.height) == (1200, 738)

    page = StandardPage(title="Harbour", slug="harbour", body=[("image", image)])
    home_page.add_child(instance=page)
    page.save_revision().publish()
    editor_client.logout()
    made_before = Rendition.objects.count()
    html = editor_client.get("/harbour/").content.decode()

    assert Rendition.objects.count() == made_before
    assert '<source srcset="' in html and 'type="image/avif"' in html
    assert ".webp" in html and "<picture>" in html


def test_replacing_the_file_makes_the_renditions_again(editor_client, home_page):
    image = get_image_model().objects.create(title="Quay", file=png())
    old = set(image.renditions.values_list("pk", flat=True))
    assert len(old) == len(images.every_filter_spec())

    response = editor_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Quay",
            "file": png(800, 600, "teal"),
            "collection": root_collection(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert rendition_specs(image) == set(images.every_filter_spec())
    assert not old & set(image.renditions.values_list("pk", flat=True))
    assert image.renditions.get(filter_spec="format-webp|width-960").width == 800
