"""The page editor says when the latest draft is not what is live, and a draft never
keeps an image block with no image."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.blocks import StreamValue

from portal.blocks import BodyBlock
from strategy.models import ThemePage

pytestmark = pytest.mark.django_db

NOTICE = "This page has a draft that is not live"


@pytest.fixture
def editor(client, strategy_site):
    client.force_login(get_user_model().objects.create_superuser("a", "a@b.c", "x"))
    return client


def test_the_editor_says_a_saved_draft_differs_from_the_live_page(
    editor, strategy_site
):
    theme = ThemePage.objects.live().first()
    theme.summary = "Changed in a draft"
    revision = theme.save_revision()

    page = editor.get(f"/admin/pages/{theme.pk}/edit/").content.decode()

    assert NOTICE in page
    assert f"/admin/pages/{theme.pk}/revisions/compare/live...{revision.pk}/" in page


def test_the_editor_says_nothing_when_the_draft_is_what_is_live(editor, strategy_site):
    theme = ThemePage.objects.live().first()
    theme.save_revision().publish()

    assert NOTICE not in editor.get(f"/admin/pages/{theme.pk}/edit/").content.decode()


def test_saving_a_draft_drops_an_image_block_left_without_an_image():
    body = BodyBlock()
    body.defer_required_validation()  # as Save draft and autosave do
    value = StreamValue(body, [("image", None), ("paragraph", "<p>Kept</p>")])

    cleaned = body.clean(value)

    assert [child.block_type for child in cleaned] == ["paragraph"]
