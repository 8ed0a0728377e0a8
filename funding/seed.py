"""Starting content for this app, added by `manage.py seed_portal`.

Every figure, project and site here comes from ../shared/seed/facts.md, with the source it
gives. Where sources disagree, each figure is its own record with its own source. Nothing
marked "not found" there is given a value: unknown amounts, dates, stages, rounds and
incentives stay blank. Sites sit at their town's centre, flagged approximate.

Records are created only where missing (matched on a name, slug or identifier), so a second
run changes nothing and an editor's later edits are never overwritten.
"""

from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from funding.models import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundingIndexPage,
    FundRound,
    LocalAuthority,
    Source,
)
from strategy.models import HomePage

LA = LocalAuthority
Z = Decimal

SOURCES = {
    "seed": (
        "North East LEP: The North East Industrial Strategy page (FAQ: What funding has the LEP secured?)",
        "",
    ),
    "funding-news-14": (
        "northeastlep.co.uk/category/funding-news/page/14/",
        "https://northeastlep.co.uk/category/funding-news/page/14/",
    ),
    "building": ("building.co.uk", "https://building.co.uk"),
    "nelep-lgf": (
        "nelep.co.uk/funding/local-growth-funding",
        "https://nelep.co.uk/funding/local-growth-funding",
    ),
    "bdaily": ("bdaily.co.uk", "https://bdaily.co.uk"),
    "tag-funding-5": (
        "northeastlep.co.uk/tag/funding/page/5/",
        "https://northeastlep.co.uk/tag/funding/page/5/",
    ),
    "european": (
        "nelep.co.uk/funding/european-funding/",
        "https://nelep.co.uk/funding/european-funding/",
    ),
    "gbf": (
        "northeastlep.co.uk/tag/getting-building-fund/",
        "https://northeastlep.co.uk/tag/getting-building-fund/",
    ),
    "funding": ("northeastlep.co.uk/funding", "https://northeastlep.co.uk/funding"),
    "gatsby": (
        "northeastlep.co.uk/updates/ground-breaking-careers-pilot-hailed-a-success/",
        "https://northeastlep.co.uk/updates/ground-breaking-careers-pilot-hailed-a-success/",
    ),
    "neca-lgf": (
        "northeast-ca.gov.uk/projects/local-growth-fund",
        "https://northeast-ca.gov.uk/projects/local-growth-fund",
    ),
    "tag-lgf": (
        "nelep.co.uk/tag/local-growth-fund",
        "https://nelep.co.uk/tag/local-growth-fund",
    ),
    "ez": (
        "nelep.co.uk/funding/enterprise-zones",
        "https://nelep.co.uk/funding/enterprise-zones",
    ),
}

FUNDS = [
    {
        "slug": "local-growth-fund",
        "name": "Local Growth Fund",
        "funder": "",
        "sort_order": 10,
    },
    {
        "slug": "regional-growth-fund",
        "name": "Regional Growth Fund",
        "funder": "",
        "sort_order": 20,
    },
    {
        "slug": "growing-places-fund",
        "name": "Growing Places Fund",
        "funder": "",
        "sort_order": 30,
    },
    {
        "slug": "european-structural-and-investment-funds",
        "name": "European Structural and Investment Funds",
        "funder": "",
        "sort_order": 40,
    },
    {
        "slug": "getting-building-fund",
        "name": "Getting Building Fund",
        "funder": "",
        "sort_order": 50,
    },
    {
        "slug": "gatsby-careers-pilot",
        "name": "Gatsby Foundation careers pilot",
        "funder": "Gatsby Foundation",
        "sort_order": 60,
    },
    {
        "slug": "horizon-2020-engagement",
        "name": "Horizon 2020 engagement",
        "funder": "",
        "sort_order": 70,
    },
]

# (fund slug or None, label, amount, "over", text, period, headline, source key)
FIGURES = [
    (
        None,
        "All investment programmes",
        Z("760000000"),
        True,
        "",
        "2015–21",
        True,
        "funding",
    ),
    (
        "european-structural-and-investment-funds",
        "European Structural and Investment Funds",
        Z("437000000"),
        True,
        "",
        "2014–20",
        True,
        "european",
    ),
    (
        "local-growth-fund",
        "Local Growth Fund",
        Z("270000000"),
        False,
        "",
        "",
        False,
        "nelep-lgf",
    ),
    (
        "local-growth-fund",
        "First Growth Deal",
        Z("289300000"),
        False,
        "",
        "2014",
        False,
        "bdaily",
    ),
    (
        "local-growth-fund",
        "Local Growth Fund after a further £49.7m",
        Z("379600000"),
        False,
        "",
        "2015–21",
        False,
        "tag-funding-5",
    ),
    (
        "growing-places-fund",
        "Growing Places Fund",
        Z("25253169"),
        False,
        "",
        "",
        False,
        "building",
    ),
    (
        "regional-growth-fund",
        "Regional Growth Fund in the North East Investment Fund",
        Z("30000000"),
        False,
        "",
        "",
        False,
        "funding-news-14",
    ),
    (
        "growing-places-fund",
        "Growing Places Fund in the North East Investment Fund",
        Z("25000000"),
        False,
        "",
        "",
        False,
        "funding-news-14",
    ),
    (
        None,
        "North East Investment Fund (Regional Growth Fund and Growing Places Fund together)",
        Z("55000000"),
        False,
        "",
        "",
        False,
        "funding-news-14",
    ),
    (
        "getting-building-fund",
        "Getting Building Fund",
        Z("47000000"),
        False,
        "",
        "",
        False,
        "gbf",
    ),
    (
        "regional-growth-fund",
        "Rounds secured",
        None,
        False,
        "Three rounds of Regional Growth Fund and Local Growth Fund bids; round-by-round amounts not published in our sources",
        "",
        False,
        "seed",
    ),
    (
        "gatsby-careers-pilot",
        "Careers pilot",
        None,
        False,
        "From September 2015: 12 schools, 3 colleges and 1 pupil referral unit",
        "",
        False,
        "gatsby",
    ),
    (
        "horizon-2020-engagement",
        "Horizon 2020 funding",
        None,
        False,
        "Secured to develop engagement with European innovation platforms; amount not published in our sources",
        "",
        False,
        "seed",
    ),
]

ZONE_FIGURES = [
    ("Sites", "21 sites, of which 18 are named publicly", "", "ez"),
    (
        "Round 1",
        "Launched April 2012: 10 sites in three clusters (Nissan/A19, River Tyne, Port of Blyth), about 120 ha",
        "",
        "ez",
    ),
    (
        "Round 2",
        "Live April 2016 (an older page says April 2017): 10 sites, 175.4 ha, 589,000 m² of business space over 25 years",
        "",
        "ez",
    ),
    (
        "Round 2 sectors",
        "Vehicle manufacture, subsea and offshore, life sciences and health, creative and digital",
        "",
        "ez",
    ),
    ("Total area", "Over 300 ha", "", "ez"),
    ("LEP investment planned by 2025", "£166m", "", "ez"),
    ("Jobs", "1,600 since 2013", "", "ez"),
    ("Invested through the programme", "£69m", "", "ez"),
    (
        "Incentives",
        "Either a business rates discount (up to 100%, at most £275,000 over five years) or 100% enhanced capital allowances (assisted areas only)",
        "",
        "ez",
    ),
]

# (identifier, fund slug, name, period, amount, source key)
ROUNDS = [
    (
        "lgf-growth-deal-2014",
        "local-growth-fund",
        "First Growth Deal",
        "2014",
        Z("289300000"),
        "bdaily",
    ),
    (
        "gpf-allocation",
        "growing-places-fund",
        "Growing Places Fund allocation",
        "",
        Z("25253169"),
        "building",
    ),
    (
        "gbf-allocation",
        "getting-building-fund",
        "Getting Building Fund allocation",
        "",
        Z("47000000"),
        "gbf",
    ),
]

# (identifier, title, amount, local authorities, source key): round and stage not
# given. The project listing names no council: IAMP's are its Enterprise Zone site's
# (facts.md), Northumberland Energy Park is in Blyth, Northumberland.
PROJECTS = [
    (
        "lgf-iamp",
        "International Advanced Manufacturing Park (IAMP)",
        Z("41150000"),
        (LA.SOUTH_TYNESIDE, LA.SUNDERLAND),
        "neca-lgf",
    ),
    (
        "lgf-northumberland-energy-park",
        "Northumberland Energy Park",
        Z("4440736"),
        (LA.NORTHUMBERLAND,),
        "neca-lgf",
    ),
    ("lgf-east-pilgrim-street", "East Pilgrim Street", Z("4350000"), (), "neca-lgf"),
    ("lgf-netpark", "NETPark", Z("25200000"), (), "tag-lgf"),
]

# Well-known town-centre coordinates: each site is shown as approximate.
TOWNS = {
    "Sunderland": (Z("54.90650"), Z("-1.38380")),
    "Newcastle upon Tyne": (Z("54.97330"), Z("-1.61400")),
    "North Shields": (Z("55.00800"), Z("-1.44900")),
    "Blyth": (Z("55.12700"), Z("-1.50800")),
    "Berwick-upon-Tweed": (Z("55.77100"), Z("-2.00700")),
    "Morpeth": (Z("55.16800"), Z("-1.68800")),
    "Ashington": (Z("55.18100"), Z("-1.56800")),
    "Gateshead": (Z("54.95200"), Z("-1.60300")),
    "South Shields": (Z("54.99900"), Z("-1.43200")),
    "Seaham": (Z("54.83900"), Z("-1.34200")),
}

# (name, local authority, also in, place named in facts.md, town for the point, hectares)
SITES = [
    ("A19 Corridor", LA.SUNDERLAND, "", "", "Sunderland", None),
    ("Neptune Yard", LA.NEWCASTLE, "", "", "Newcastle upon Tyne", None),
    ("Swans Energy Park", LA.NORTH_TYNESIDE, "", "", "North Shields", None),
    ("Royal Quays Enterprise Park", LA.NORTH_TYNESIDE, "", "", "North Shields", None),
    ("Northumberland Energy Park", LA.NORTHUMBERLAND, "", "Blyth", "Blyth", None),
    ("Bates and Wimbourne Quays", LA.NORTHUMBERLAND, "", "Blyth", "Blyth", None),
    ("Commissioners Quay", LA.NORTHUMBERLAND, "", "Blyth", "Blyth", None),
    ("Dun Cow Quay", LA.NORTHUMBERLAND, "", "Blyth", "Blyth", None),
    (
        "Ramparts Business Park",
        LA.NORTHUMBERLAND,
        "",
        "Berwick-upon-Tweed",
        "Berwick-upon-Tweed",
        None,
    ),
    ("Fairmoor", LA.NORTHUMBERLAND, "", "Morpeth", "Morpeth", None),
    ("Ashwood Business Park", LA.NORTHUMBERLAND, "", "Ashington", "Ashington", None),
    ("Follingsby Max", LA.GATESHEAD, "", "", "Gateshead", None),
    ("Holborn Riverside", LA.SOUTH_TYNESIDE, "", "", "South Shields", None),
    (
        "Newcastle International Airport Business Park",
        LA.NEWCASTLE,
        "",
        "",
        "Newcastle upon Tyne",
        None,
    ),
    ("Port of Sunderland", LA.SUNDERLAND, "", "", "Sunderland", None),
    (
        "International Advanced Manufacturing Park (IAMP)",
        LA.SOUTH_TYNESIDE,
        LA.SUNDERLAND,
        "",
        "Sunderland",
        None,
    ),
    ("Jade Business Park", LA.COUNTY_DURHAM, "", "Seaham", "Seaham", None),
    ("Tyne Dock Enterprise Park", LA.SOUTH_TYNESIDE, "", "", "South Shields", Z("7.1")),
]

INDEX = {
    "title": "Funding and Enterprise Zones",
    "slug": "funding",
    "show_in_menus": True,
    "search_description": "The money the North East LEP has secured, the projects it funds and the Enterprise Zone sites, each figure with its source.",
    "intro": "<p>We have secured funding for the North East through regional programme proposals to the UK Government, the strategy for European Structural and Investment Funds, and proposals with partners for the Enterprise Zone sites.</p><p>Public sources do not always agree on the amounts: each figure below is shown with the source that reports it.</p>",
    "enterprise_zones_intro": "<p>The North East Enterprise Zone offers investor businesses government tax benefits on its sites. The map and list show the 18 sites named publicly. Where a site's exact location is not published, it is shown at its town's centre and marked approximate.</p>",
}


def site_description(name, where, town):
    return (
        f"{name}, in {where}, is one of the 21 sites of the North East Enterprise Zone. "
        "Its exact boundaries, area, incentive and Enterprise Zone round are not given "
        f"in our sources; the point on the map is the centre of {town}, for an editor "
        "to correct."
    )


class FundingSeeder:
    def __init__(self, log):
        self.log = log
        self.created = 0
        self.now = timezone.now()

    def published(self):
        return {
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": self.now,
            "last_published_at": self.now,
        }

    def get_or_create(self, model, lookup, defaults):
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        if created:
            self.created += 1
            self.log(f"Created {model._meta.verbose_name} “{obj}”")
        return obj

    def run(self):
        self.index_page()
        sources = {
            key: self.get_or_create(Source, {"title": title, "url": url}, {})
            for key, (title, url) in SOURCES.items()
        }
        funds = {
            fields["slug"]: self.get_or_create(
                Fund,
                {"slug": fields["slug"]},
                {**fields, **self.published()},
            )
            for fields in FUNDS
        }
        for n, (fund, label, amount, over, text, period, headline, source) in enumerate(
            FIGURES
        ):
            self.get_or_create(
                Figure,
                {"fund": funds.get(fund), "label": label, "source": sources[source]},
                {
                    "amount": amount,
                    "amount_is_minimum": over,
                    "text": text,
                    "period": period,
                    "is_headline": headline,
                    "sort_order": n,
                    **self.published(),
                },
            )
        for n, (label, text, period, source) in enumerate(ZONE_FIGURES):
            self.get_or_create(
                Figure,
                {
                    "section": Figure.Section.ENTERPRISE_ZONES,
                    "label": label,
                    "source": sources[source],
                },
                {"text": text, "period": period, "sort_order": n, **self.published()},
            )
        for identifier, fund, name, period, amount, source in ROUNDS:
            self.get_or_create(
                FundRound,
                {"identifier": identifier},
                {
                    "fund": funds[fund],
                    "name": name,
                    "period": period,
                    "amount_secured": amount,
                    "source": sources[source],
                    **self.published(),
                },
            )
        for identifier, title, amount, authorities, source in PROJECTS:
            authority, also_in = (*authorities, "", "")[:2]
            self.get_or_create(
                FundedProject,
                {"identifier": identifier},
                {
                    "fund": funds["local-growth-fund"],
                    "title": title,
                    "amount_awarded": amount,
                    "local_authority": authority,
                    "also_in_local_authority": also_in,
                    "source": sources[source],
                    **self.published(),
                },
            )
        for name, authority, also_in, place, town, hectares in SITES:
            latitude, longitude = TOWNS[town]
            self.get_or_create(
                EnterpriseZoneSite,
                {"name": name},
                {
                    "local_authority": authority,
                    "also_in_local_authority": also_in,
                    "place": place,
                    "area_hectares": hectares,
                    "latitude": latitude,
                    "longitude": longitude,
                    "location_is_approximate": True,
                    "description": site_description(
                        name,
                        place
                        or " and ".join(
                            LA(each).label for each in (authority, also_in) if each
                        ),
                        town,
                    ),
                    "source": sources["ez"],
                    **self.published(),
                },
            )
        return self.created

    def index_page(self):
        if FundingIndexPage.objects.exists():
            return
        site = Site.objects.filter(is_default_site=True).first()
        home = site.root_page.specific if site else HomePage.objects.first()
        if not isinstance(home, HomePage):
            return
        if home.get_children().filter(slug=INDEX["slug"]).exists():
            return
        page = FundingIndexPage(**INDEX)
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"Created funding index page “{page.title}”")


def seed(log=print):
    return FundingSeeder(log).run()
