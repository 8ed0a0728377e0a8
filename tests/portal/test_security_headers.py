"""Every response says what the page may do; public pages run no inline code."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page

from portal.settings.base import origin_of

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = {
    "a page": "/",
    "a Django view": "/robots.txt",
    "a sitemap": "/sitemap.xml",
    "a missing page": "/no-such-page/",
}


@pytest.fixture
def secure_client(settings):
    """A client over HTTPS, with HSTS on as in production (it is off when debugging)."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    return Client(headers={"X-Forwarded-Proto": "https"})


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part)
    }


def assert_common_headers(response):
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize("path", PUBLIC_PATHS.values(), ids=PUBLIC_PATHS.keys())
def test_public_responses_carry_the_strict_policy_and_every_header(
    secure_client, home_page, path
):
    response = secure_client.get(path)
    assert response.status_code == (404 if "no-such" in path else 200)
    assert_common_headers(response)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "nonce" not in response["Content-Security-Policy"]


def test_the_admin_gets_the_looser_policy_its_editor_needs(
    secure_client, django_user_model
):
    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Communications"))
    secure_client.force_login(editor)
    response = secure_client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_the_page_editor_preview_may_be_framed_by_the_admin_only(
    secure_client, django_user_model, home_page
):
    administrator = django_user_model.objects.create_superuser("admin", "a@b.org")
    secure_client.force_login(administrator)
    page = Page.objects.get(pk=home_page.pk).specific
    url = f"/admin/pages/{page.pk}/edit/preview/"
    response = secure_client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize(
    ("template", "origin"),
    [
        ("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("/static/tiles/{z}/{x}/{y}.png", None),
        ("", None),
    ],
)
def test_the_map_tile_host_allowed_for_images_comes_from_the_tile_url(template, origin):
    assert origin_of(template) == origin


INLINE_CODE = {
    "inline script": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    ),
    "style element": re.compile(r"<style\b"),
    "style attribute": re.compile(r"<[^>]+\sstyle="),
    "event handler attribute": re.compile(r"<[^>]+\son[a-z]+="),
    "javascript: link": re.compile(r"javascript:", re.IGNORECASE),
}


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ADMIN_TEMPLATES = ("admin", "previews", "two_factor", "locked_out")


def public_templates():
    for template in sorted(TEMPLATES.rglob("*.html")):
        parts = template.relative_to(TEMPLATES).parts
        if not any(part.startswith(ADMIN_TEMPLATES) for part in parts):
            yield template


def test_no_public_template_has_inline_script_style_or_event_handlers():
    templates = list(public_templates())
    assert len(templates) > 30
    problems = {}
    for template in templates:
        html = template.read_text()
        found = [name for name, pattern in INLINE_CODE.items() if pattern.search(html)]
        if found:
            problems[str(template.relative_to(TEMPLATES))] = found
    assert problems == {}


def test_pdfs_go_without_a_policy_so_the_browser_viewer_can_show_them(rf):
    from django.http import HttpResponse

    from portal.security.headers import ContentSecurityPolicyMiddleware

    def respond_with(content_type):
        middleware = ContentSecurityPolicyMiddleware(
            lambda request: HttpResponse(b"%PDF-1.7", content_type=content_type)
        )
        return middleware(rf.get("/meetings/board/papers/minutes.pdf"))

    assert "Content-Security-Policy" not in respond_with("application/pdf")
    assert "Content-Security-Policy" in respond_with("text/html; charset=utf-8")
