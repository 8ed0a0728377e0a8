"""The site's starting pages, written from the North East LEP's Local Industrial Strategy page.

Every fact here comes from that page or from the UK Industrial Strategy it cites. Pages are
created only where no page with the same slug exists yet, so a second run changes nothing
and an editor's later changes are never overwritten.
"""

import datetime
import json

from wagtail.models import Page, Site

from portal.models import SiteSettings
from strategy.models import (
    ContactFormField,
    ContactPage,
    EventPage,
    FAQPage,
    HomePage,
    Milestone,
    RelatedTheme,
    StandardPage,
    StrategyPage,
    ThemePage,
)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def faq(question, answer_html, anchor=""):
    return {"question": question, "anchor": anchor, "answer": answer_html}


STRAPLINE = (
    "A confident, creative, collaborative and connected North East – "
    "making our mark on the world"
)

HOME = {
    "title": "Home",
    "slug": "home",
    "heading": STRAPLINE,
    "summary": (
        "The North East Local Industrial Strategy is an evidence-based delivery plan, "
        "extending to 2030, for how the region and government will work together to "
        "boost productivity."
    ),
    "seo_title": "North East Local Enterprise Partnership",
}

# The seed page describes the Engagement Summit of 16 July 2019 as past and the evidence
# base of early 2020 as future: what it says is shown as of that summer.
SOURCE_PAGE_AS_OF = datetime.date(2019, 7, 16)

STRATEGY = {
    "title": "The North East Local Industrial Strategy",
    "slug": "industrial-strategy",
    "show_in_menus": True,
    "status": StrategyPage.Status.IN_DEVELOPMENT,
    "status_as_of": SOURCE_PAGE_AS_OF,
    "horizon_year": 2030,
    "summary": (
        "An evidence-based delivery plan extending to 2030, aligned to the UK's Industrial "
        "Strategy, that works with the North East Strategic Economic Plan."
    ),
    "body": [
        heading("The UK Industrial Strategy"),
        paragraph(
            "<p>The aim of the UK’s Industrial Strategy is to boost productivity by backing "
            "businesses to create good jobs and increase the earning power of people "
            "throughout the UK with investment in skills, industries and infrastructure.</p>"
            "<p>It is built around four Grand Challenges and five Foundations of "
            "Productivity, listed below.</p>"
        ),
        heading("The North East Local Industrial Strategy"),
        paragraph(
            "<p>The North East Local Industrial Strategy is an evidence based delivery plan "
            "extending to 2030 that is aligned to the UK’s Industrial Strategy.</p>"
            "<p>It will set out how the region and government will work together to maximise "
            "our contribution to UK productivity, and it will pinpoint areas where we can "
            "contribute to the UK’s Grand Challenges and Sector Deals.</p>"
        ),
        heading("How it works with the Strategic Economic Plan"),
        paragraph(
            "<p>The North East Strategic Economic Plan (SEP) is the region’s overarching "
            "strategy for how we are going to grow and develop the North East economy and "
            "create 100,000 more and better jobs by 2024.</p>"
            "<p>The Local Industrial Strategy (LIS) is not a replacement for the SEP. It is a "
            "delivery plan that works with the SEP, that showcases the North East’s "
            "differentiating economic assets and industry strengths, which we can develop to "
            "boost productivity in the North East.</p>"
            "<p>Higher productivity will lead to better living standards and a better quality "
            "of life for our residents, and is one of the key targets within the SEP.</p>"
        ),
        heading("Evidence base"),
        paragraph(
            "<p>We are required by government to publish an evidence base that will inform "
            "our Local Industrial Strategy. In 2019, after the Engagement Summit of 16 "
            "July, we said we intended to publish it in early 2020.</p>"
        ),
        heading("How the strategy is being developed"),
        paragraph(
            "<p>A senior regional Steering Group oversees the development of the Local "
            "Industrial Strategy. A number of partners and consultants have been involved in "
            "the thinking and development to date.</p>"
            "<p>On 16 July 2019 we hosted an Engagement Summit where over 350 delegates met to "
            "hear more about the Local Industrial Strategy and took part in thematic "
            "discussions.</p>"
        ),
        heading("Find out more"),
        paragraph(
            "<p>To be kept up to date about the development of the North East LIS, "
            '<a href="/subscriptions/mailing-list/">join our mailing list</a>.</p>'
            "<p>If you have any questions or feedback please "
            '<a href="/contact/">get in touch</a>.</p>'
        ),
    ],
}

GRAND_CHALLENGE_SUMMARY = (
    "One of the four Grand Challenges of the UK’s Industrial Strategy, to which the "
    "North East Local Industrial Strategy shows how the region can contribute."
)
FOUNDATION_SUMMARY = (
    "One of the five Foundations of Productivity of the UK’s Industrial Strategy, to "
    "which the North East Local Industrial Strategy attaches its proposed delivery."
)

THEMES = [
    {
        "title": "Artificial intelligence and the data-driven economy",
        "slug": "artificial-intelligence-and-data",
        "kind": ThemePage.Kind.GRAND_CHALLENGE,
        "summary": GRAND_CHALLENGE_SUMMARY,
        "related": [],
    },
    {
        "title": "Clean growth",
        "slug": "clean-growth",
        "kind": ThemePage.Kind.GRAND_CHALLENGE,
        "summary": GRAND_CHALLENGE_SUMMARY,
        "related": [],
    },
    {
        "title": "The future of mobility",
        "slug": "future-of-mobility",
        "kind": ThemePage.Kind.GRAND_CHALLENGE,
        "summary": GRAND_CHALLENGE_SUMMARY,
        "related": [],
    },
    {
        "title": "The ageing society",
        "slug": "ageing-society",
        "kind": ThemePage.Kind.GRAND_CHALLENGE,
        "summary": GRAND_CHALLENGE_SUMMARY,
        "related": [],
    },
    {
        "title": "Ideas",
        "slug": "ideas",
        "kind": ThemePage.Kind.FOUNDATION,
        "summary": FOUNDATION_SUMMARY,
        "related": [],
    },
    {
        "title": "People",
        "slug": "people",
        "kind": ThemePage.Kind.FOUNDATION,
        "summary": FOUNDATION_SUMMARY,
        "related": [],
    },
    {
        "title": "Infrastructure",
        "slug": "infrastructure",
        "kind": ThemePage.Kind.FOUNDATION,
        "summary": FOUNDATION_SUMMARY,
        "related": [],
    },
    {
        "title": "Business environment",
        "slug": "business-environment",
        "kind": ThemePage.Kind.FOUNDATION,
        "summary": FOUNDATION_SUMMARY,
        "related": [],
    },
    {
        "title": "Places",
        "slug": "places",
        "kind": ThemePage.Kind.FOUNDATION,
        "summary": FOUNDATION_SUMMARY,
        "related": [],
    },
]

GRAND_CHALLENGE_BODY = [
    paragraph(
        "<p>This is one of the four Grand Challenges set out in the UK’s Industrial "
        "Strategy, which will put the UK at the forefront of tomorrow’s industries: "
        "artificial intelligence and a data-driven economy, clean growth, the future of "
        "mobility and the ageing society.</p>"
        "<p>The North East Local Industrial Strategy demonstrates the role that the North "
        "East can play by using our industrial and research strengths to contribute to the "
        "UK’s Grand Challenges.</p>"
    )
]

FOUNDATION_BODY = [
    paragraph(
        "<p>This is one of the five Foundations of Productivity set out in the UK’s "
        "Industrial Strategy: ideas, people, infrastructure, business environment and "
        "places.</p>"
        "<p>The North East Local Industrial Strategy sets out our proposed delivery attached "
        "to the five Foundations of Productivity.</p>"
    )
]

EVENT = {
    "title": "Local Industrial Strategy Engagement Summit",
    "slug": "engagement-summit",
    "date": datetime.date(2019, 7, 16),
    "attendance": "Over 350 delegates",
    "summary": (
        "Over 350 delegates met to hear more about the North East Local Industrial Strategy "
        "and took part in thematic discussions."
    ),
    "outcome": (
        "<p>Delegates heard more about the Local Industrial Strategy and took part in "
        "thematic discussions around the context, evidence base and emerging priorities for "
        "the specific themes.</p>"
    ),
}

MILESTONES = [
    {
        "title": "Engagement Summit",
        "date": datetime.date(2019, 7, 16),
        "description": "Over 350 delegates took part in thematic discussions.",
    },
    {
        "title": "Evidence base published",
        "date_label": "Early 2020",
        "planned_as_of": SOURCE_PAGE_AS_OF,
        "description": (
            "Government requires us to publish an evidence base to inform the strategy."
        ),
    },
    {
        "title": "End of the delivery plan",
        "date_label": "2030",
        "description": "The Local Industrial Strategy is a delivery plan extending to 2030.",
    },
]

FAQS = {
    "title": "Frequently asked questions",
    "slug": "faqs",
    "show_in_menus": True,
    "summary": "Answers to common questions about the strategy, our funding and the Board.",
    "faqs": [
        {
            "type": "group",
            "value": {
                "heading": "The Local Industrial Strategy",
                "questions": [
                    faq(
                        "How will the Local Industrial Strategy work with the Strategic "
                        "Economic Plan?",
                        "<p>The North East Strategic Economic Plan (SEP) is the region’s "
                        "overarching strategy for how we are going to grow and develop the "
                        "North East economy and create 100,000 more and better jobs by "
                        "2024.</p><p>The Local Industrial Strategy (LIS) is not a replacement "
                        "for the SEP. It is a delivery plan that works with the SEP, that "
                        "showcases the North East’s differentiating economic assets and "
                        "industry strengths, which we can develop to boost productivity in "
                        "the North East.</p>",
                        anchor="lis-and-sep",
                    ),
                    faq(
                        "How is the Local Industrial Strategy being developed?",
                        "<p>A senior regional Steering Group oversees the development of the "
                        "Local Industrial Strategy. A number of partners and consultants have "
                        "been involved in the thinking and development to date.</p><p>On 16 "
                        "July 2019 we hosted an Engagement Summit where over 350 delegates "
                        "met to hear more about the strategy and took part in thematic "
                        "discussions around the context, evidence base and emerging "
                        "priorities for the specific themes.</p>",
                        anchor="how-is-it-developed",
                    ),
                    faq(
                        "What is the evidence base?",
                        "<p>We are required by government to publish an evidence base that "
                        "will inform our Local Industrial Strategy. In 2019, after the "
                        "Engagement Summit of 16 July, we said we intended to publish it "
                        "in early 2020.</p>",
                        anchor="evidence-base",
                    ),
                ],
            },
        },
        {
            "type": "group",
            "value": {
                "heading": "Funding",
                "questions": [
                    faq(
                        "What funding has the LEP secured for the North East?",
                        "<p>We have secured resources for the North East in different ways. "
                        "We oversaw the development of successful regional programme "
                        "proposals to the UK Government to secure three rounds of Regional "
                        "Growth Fund and Local Growth Fund investment. We prepared the "
                        "strategy for European Structural and Investment Funds and have used "
                        "our resources to develop projects which lever significant "
                        "additional resources for the North East.</p><p>With partners, we "
                        "have prepared successful proposals for the 21 Enterprise Zone "
                        "sites "
                        "which have secured government tax benefits for investor businesses "
                        "and will deliver a rolling investment fund over time. We have also "
                        "secured resources from other sources for specific projects aiming to "
                        "take forward aspects of the SEP: for example, the Gatsby Foundation "
                        "has resourced the regional project to improve careers advice and "
                        "support, and Horizon 2020 funding was secured to develop our "
                        "engagement with European innovation platforms.</p>",
                        anchor="funding-secured",
                    ),
                ],
            },
        },
        {
            "type": "group",
            "value": {
                "heading": "The Board",
                "questions": [
                    faq(
                        "Where can I find agendas, minutes and papers from LEP Board "
                        "meetings?",
                        "<p>All agendas, minutes and public papers from Board meetings are "
                        "published on this site, in the Board meetings section.</p>",
                        anchor="board-papers",
                    ),
                ],
            },
        },
    ],
}

STANDARD_PAGES = [
    {
        "title": "About the partnership",
        "slug": "about",
        "show_in_menus": True,
        "summary": (
            "The North East Local Industrial Strategy is our delivery plan to 2030, "
            "working with the North East Strategic Economic Plan."
        ),
        "body": [
            paragraph(
                "<p>The North East Strategic Economic Plan is the region’s overarching "
                "strategy for how we are going to grow and develop the North East economy "
                "and create 100,000 more and better jobs by 2024. The North East Local "
                "Industrial Strategy is the delivery plan that works with it.</p>"
                "<p>We have secured resources for the North East in different ways: "
                "regional programme proposals to the UK Government for the Regional Growth "
                "Fund and Local Growth Fund, the strategy for European Structural and "
                "Investment Funds, and proposals with partners for the Enterprise Zone "
                "sites.</p>"
            ),
        ],
    },
    {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "summary": "How accessible this website is, and how to report a problem.",
        "body": [
            paragraph(
                "<p>This website is run by the North East Local Enterprise Partnership. We "
                "want as many people as possible to be able to use it. You should be able "
                "to zoom in up to 400% without the text spilling off the screen, navigate "
                "the whole site using just a keyboard or speech recognition software, and "
                "listen to it using a screen reader.</p>"
            ),
            heading("Compliance status"),
            paragraph(
                "<p>This website aims to meet the Web Content Accessibility Guidelines "
                "(WCAG) version 2.2 at level AA. The website's automated tests check each "
                "type of public page with the axe-core accessibility engine.</p>"
                "<p>Some documents published on the site, such as older PDF papers, may not "
                "be fully accessible. If you need a document in a different format, contact "
                "us and we will consider your request.</p>"
            ),
            heading("Known issues"),
            paragraph(
                "<p>We know of these problems, and are fixing them:</p><ul>"
                "<li>The map’s markers open by mouse or touch only; the list below the "
                "map links every site for keyboard users.</li>"
                "<li>The example PDF papers have no tagged structure.</li></ul>"
            ),
            heading("Preparation of this statement"),
            paragraph("<p>This statement was prepared on 1 December 2026.</p>"),
            heading("Reporting accessibility problems"),
            paragraph(
                "<p>If you find a problem that is not listed on this page, or you think we "
                "are not meeting accessibility requirements, please email us at the address "
                "shown at the foot of every page.</p>"
            ),
            heading("Enforcement procedure"),
            paragraph(
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. "
                "2) Accessibility Regulations 2018. If you are not happy with how we respond "
                "to your complaint, contact the Equality Advisory and Support Service "
                "(EASS).</p>"
            ),
        ],
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "summary": "What personal information this website keeps, why, and for how long.",
        "body": [
            paragraph(
                "<p>This notice explains what personal information this website keeps, "
                "why, for how long, and how to have it removed.</p>"
            ),
            heading("Who is responsible"),
            paragraph(
                "<p>The North East Local Enterprise Partnership is the controller of the "
                "personal information this website keeps. You can reach us through the "
                "contact form or the address at the foot of every page.</p>"
            ),
            heading("Server logs"),
            paragraph(
                "<p>If you browse the site, the web server records the standard "
                "information your browser sends (such as your IP address and the pages you "
                "asked for), to keep the service secure and working: that is our lawful "
                "basis (legitimate interests).</p>"
                "<p><strong>Example, for the editors to replace:</strong> our hosting "
                "keeps these logs for 30 days, then deletes them.</p>"
            ),
            heading("The Enterprise Zone map"),
            paragraph(
                "<p>The Enterprise Zone map draws the coastline and the sites from this "
                "website alone. Only if you press “Show the street map” does it load map "
                "tiles from a tile server (OpenStreetMap’s, unless we say otherwise "
                "here): to fetch them, your browser sends that server your IP address and "
                "the part of the map shown.</p>"
            ),
            heading("Mailing list and Board paper alerts"),
            paragraph(
                "<p>If you sign up for our mailing list or for email alerts of new Board "
                "meeting papers, we keep your email address, the committee you chose, the "
                "exact wording you agreed to and the time you agreed to it. We then email "
                "you a link to confirm the address. Until you follow it we send you "
                "nothing else, and if you do not follow it within 7 days we delete your "
                "address.</p>"
                "<p>Our lawful basis is your consent, which you withdraw by "
                "unsubscribing.</p>"
                "<p>Once you have confirmed, we keep your address until you unsubscribe. "
                "Every email has a link to unsubscribe, which deletes your address at "
                "once. For alerts we also record which papers we have sent you, so that "
                "you never receive the same paper twice; that record is deleted with your "
                "subscription.</p>"
            ),
            heading("Contact form"),
            paragraph(
                "<p>If you send us a message through the contact form, we keep your name, "
                "email address, subject and message, and email them to our staff so they "
                "can answer you: our lawful basis is our legitimate interest in answering "
                "you. We keep them until you ask us to erase them (see below). "
                "If you email us directly, we keep your message to answer it.</p>"
            ),
            heading("Having your information removed"),
            paragraph(
                '<p>You can <a href="/subscriptions/your-data/erase/">ask us to erase '
                "your information</a>: we email you a link, and following it deletes your "
                "mailing list subscription, your alerts and your contact form messages. We "
                "keep a record that an erasure happened, without your address.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>You can also ask to see the information we hold about you, or to "
                "correct it, by emailing us at the address shown at the foot of every "
                "page. You can complain to the Information Commissioner’s Office.</p>"
            ),
        ],
    },
    {
        "title": "Cookies",
        "slug": "cookies",
        "summary": "The cookies this website uses.",
        "body": [
            paragraph(
                "<p>This website does not use cookies to track visitors, and sets no "
                "advertising or analytics cookies.</p>"
                "<p>Opening the contact form sets one strictly necessary cookie, "
                "<code>csrftoken</code>, which protects the form against forgery. It "
                "holds a random value, nothing about you, and lasts a year.</p>"
                "<p>Staff who sign in to edit the site are also given "
                "<code>sessionid</code>, which keeps them signed in.</p>"
                "<p>The Enterprise Zone map asks a tile server for a street map only if "
                "you ask for one (see the privacy notice); this website sets no cookie "
                "for it.</p>"
            ),
        ],
    },
]

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "intro": "<p>Send us a message and we will reply by email.</p>",
    "thank_you_text": (
        "<p>Thank you: we have received your message and will reply by email.</p>"
    ),
    "subject": "Message from the website's contact form",
    "form_fields": [
        {"label": "Name", "field_type": "singleline", "required": True},
        {"label": "Email", "field_type": "email", "required": True},
        {"label": "Subject", "field_type": "singleline", "required": True},
        {"label": "Message", "field_type": "multiline", "required": True},
    ],
}

STREAM_FIELDS = {"body", "faqs"}


class Seeder:
    """Creates what is missing, reports what it did, and never changes an existing page."""

    def __init__(self, log=print):
        self.log = log
        self.created = []

    def child(self, parent, model, fields):
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing:
            return existing.specific
        page = model(
            **{k: json.dumps(v) if k in STREAM_FIELDS else v for k, v in fields.items()}
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        self.log(f"Created {model._meta.verbose_name} “{page.title}”")
        return page

    def is_new(self, page):
        return page in self.created

    def republish(self, page):
        page.save_revision().publish()

    def home(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            for old in root.get_children().filter(slug=HOME["slug"]):
                old.slug = f"{old.slug}-replaced-{old.pk}"
                old.save(update_fields=["slug"])
            home = self.child(root, HomePage, HOME)
        if site:
            replaced = site.root_page
            site.root_page = home
            site.save()
            if replaced.specific_class is Page and replaced.pk != home.pk:
                replaced.delete()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True
            )
        return home

    def run(self):
        home = self.home()
        strategy = self.child(home, StrategyPage, STRATEGY)
        themes = {theme["slug"]: self.theme(strategy, theme) for theme in THEMES}
        for seed in THEMES:
            page = themes[seed["slug"]]
            if self.is_new(page):
                page.related_themes = [
                    RelatedTheme(theme=themes[slug]) for slug in seed["related"]
                ]
                self.republish(page)
        event = self.child(strategy, EventPage, EVENT)
        if self.is_new(strategy):
            milestones = [Milestone(**milestone) for milestone in MILESTONES]
            milestones[0].link = event
            strategy.milestones = milestones
            self.republish(strategy)
        self.child(home, FAQPage, FAQS)
        footer_pages = [
            self.child(home, StandardPage, fields) for fields in STANDARD_PAGES
        ]
        contact = self.contact(home)
        footer_pages.append(contact)
        if self.is_new(home):
            home.featured_page = strategy
            self.republish(home)
        self.site_settings(home, footer_pages, contact)
        return len(self.created)

    def theme(self, strategy, seed):
        body = (
            GRAND_CHALLENGE_BODY
            if seed["kind"] == ThemePage.Kind.GRAND_CHALLENGE
            else FOUNDATION_BODY
        )
        fields = {k: v for k, v in seed.items() if k != "related"}
        return self.child(strategy, ThemePage, {**fields, "body": body})

    def contact(self, home):
        fields = {
            **CONTACT,
            "form_fields": [
                ContactFormField(sort_order=number, **field)
                for number, field in enumerate(CONTACT["form_fields"])
            ],
        }
        return self.child(home, ContactPage, fields)

    def site_settings(self, home, footer_pages, contact):
        settings, created = SiteSettings.objects.get_or_create(site=home.get_site())
        if created:
            settings.footer_links = [("page", page) for page in footer_pages]
            settings.contact_page = contact
            settings.save()
            self.log("Created the site settings")


def seed(log=print):
    return Seeder(log).run()
