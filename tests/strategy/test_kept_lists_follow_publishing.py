"""The strategy's and home page's lists are kept until public content changes, and a
preview always shows the draft."""

import pytest
from django.contrib.auth.models import User

from strategy.models import Milestone, StrategyPage, ThemePage

pytestmark = pytest.mark.django_db


def test_a_new_theme_shows_on_the_next_view(client, strategy_site):
    strategy = StrategyPage.objects.live().first()
    assert "A brand new theme" not in client.get(strategy.url).content.decode()
    theme = ThemePage(
        title="A brand new theme", slug="brand-new", kind=ThemePage.Kind.FOUNDATION
    )
    strategy.add_child(instance=theme)
    theme.save_revision().publish()
    assert "A brand new theme" in client.get(strategy.url).content.decode()


def test_a_preview_shows_draft_milestones_and_the_public_does_not(
    client, strategy_site
):
    strategy = StrategyPage.objects.live().first()
    client.get(strategy.url)
    strategy.milestones.add(Milestone(title="A draft-only milestone"))
    strategy.save_revision()

    client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
    draft = client.get(f"/admin/pages/{strategy.pk}/view_draft/")
    assert "A draft-only milestone" in draft.content.decode()
    client.logout()
    assert "A draft-only milestone" not in client.get(strategy.url).content.decode()
