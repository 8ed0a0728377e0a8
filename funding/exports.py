"""The open data files: CSV, JSON, GeoJSON and a 360Giving data package.

Each reads its rows from one ``values_list`` query over the model's ``public()`` rows.
The project files stream, so a file of 100,000 projects never sits whole in memory as
text or objects, from one query run before the response starts, so a dropped database
connection gives a 500 rather than a truncated file; the rounds and Enterprise Zone
files hold a few dozen rows however much is funded, so they are sent whole, which lets
the page cache and the CDN keep them. The CSV columns are the import's columns, so a
downloaded file can be edited and imported back.
"""

import csv
import datetime
import itertools
import json
from decimal import Decimal

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.text import slugify

from funding.models.funding import (
    EnterpriseZoneSite,
    FundedProject,
    FundRound,
    LocalAuthority,
)
from portal.caching import changes
from portal.caching.routing import route_url
from portal.models import SiteSettings
from portal.security.spreadsheets import escape_cell

CHUNK_SIZE = 2000
PUBLISHER = "North East Local Enterprise Partnership"

PROJECT_COLUMNS = {
    "identifier": "identifier",
    "fund": "fund__slug",
    "round": "round__identifier",
    "title": "title",
    "recipient": "recipient",
    "recipient_identifier": "recipient_identifier",
    "local_authority": "local_authority",
    "also_in_local_authority": "also_in_local_authority",
    "amount_awarded": "amount_awarded",
    "total_cost": "total_cost",
    "stage": "stage",
    "award_date": "award_date",
    "start_date": "start_date",
    "end_date": "end_date",
    "latitude": "latitude",
    "longitude": "longitude",
    "description": "description",
    "source_title": "source__title",
    "source_url": "source__url",
    "source_accessed": "source__date_accessed",
}
ROUND_COLUMNS = {
    "identifier": "identifier",
    "fund": "fund__slug",
    "name": "name",
    "period": "period",
    "amount_secured": "amount_secured",
    "status": "status",
    "date_announced": "date_announced",
    "source_title": "source__title",
    "source_url": "source__url",
    "source_accessed": "source__date_accessed",
}
SITE_COLUMNS = {
    "slug": "slug",
    "name": "name",
    "local_authority": "local_authority",
    "also_in_local_authority": "also_in_local_authority",
    "place": "place",
    "zone_round": "zone_round",
    "incentive": "incentive",
    "area_hectares": "area_hectares",
    "sectors": "sectors",
    "latitude": "latitude",
    "longitude": "longitude",
    "location_is_approximate": "location_is_approximate",
    "availability": "availability",
    "description": "description",
    "contact": "contact",
    "source_title": "source__title",
    "source_url": "source__url",
    "source_accessed": "source__date_accessed",
}


class _Echo:
    def write(self, value):
        return value


def _rows(queryset, columns):
    return queryset.values_list(*columns.values())


def _read_before_sending(queryset):
    """The rows of ``queryset`` from one query run now, before the response starts.

    A cursor left open while the file is sent would end the body early, under a 200,
    if the database connection dropped meanwhile; this one holds every row in the
    database driver's memory (compact text, not model objects) once it has run, and
    any failure happens while a 500 can still be sent.
    """
    # Django's public ``iterator()`` uses a server-side cursor on PostgreSQL.
    rows = iter(
        queryset._iterable_class(queryset, chunked_fetch=False, chunk_size=CHUNK_SIZE)
    )
    first = next(rows, None)
    return iter(()) if first is None else itertools.chain([first], rows)


def _response(parts, content_type, stream):
    if stream:
        return StreamingHttpResponse(parts, content_type=content_type)
    return HttpResponse("".join(parts), content_type=content_type)


def csv_response(filename, columns, rows, stream=True):
    writer = csv.writer(_Echo())

    def lines():
        # The byte-order mark tells Excel and LibreOffice the file is UTF-8.
        yield "\ufeff" + writer.writerow(list(columns))
        for row in rows:
            yield writer.writerow([escape_cell(value) for value in row])

    response = _response(lines(), "text/csv; charset=utf-8", stream)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def json_response(head, key, items, stream=True, content_type="application/json"):
    """``head`` as a JSON object whose ``key`` holds the ``items``."""
    opening = json.dumps({**head, key: []})[:-2]  # up to and including the "["

    def chunks():
        yield opening
        for n, item in enumerate(items):
            yield ("," if n else "") + json.dumps(item, default=_json_value)
        yield "]}"

    return _response(chunks(), content_type, stream)


def projects_csv(request, page):
    rows = _rows(FundedProject.objects.public(), PROJECT_COLUMNS)
    rows = _read_before_sending(rows.order_by("identifier"))
    return csv_response("projects.csv", PROJECT_COLUMNS, rows)


def rounds_csv(request, page):
    rows = _rows(FundRound.objects.public(), ROUND_COLUMNS)
    rows = rows.order_by("identifier")
    return csv_response("rounds.csv", ROUND_COLUMNS, rows.iterator(), stream=False)


def sites_csv(request, page):
    rows = _rows(EnterpriseZoneSite.objects.public(), SITE_COLUMNS)
    rows = rows.order_by("slug")
    return csv_response(
        "enterprise-zones.csv", SITE_COLUMNS, rows.iterator(), stream=False
    )


def projects_json(request, page):
    rows = _read_before_sending(
        FundedProject.objects.public()
        .order_by("identifier")
        .values(*PROJECT_COLUMNS.values())
    )
    names = {field: column for column, field in PROJECT_COLUMNS.items()}

    def items():
        for row in rows:
            yield {names[field]: _json_value(value) for field, value in row.items()}

    head = {
        "title": "Projects funded through the North East LEP",
        "publisher": PUBLISHER,
        "url": request.build_absolute_uri(),
    }
    return json_response(head, "projects", items())


def site_features(sites, page, request, absolute=False):
    """The ``sites`` as RFC 7946 GeoJSON Features (longitude first), linking to their
    pages under ``page``: with the site's own host name when ``absolute``."""
    base = page.get_full_url(request) if absolute else page.get_url(request)
    return [
        _site_feature(site, route_url(type(page), "site", site.slug, base=base))
        for site in sites
    ]


def _site_feature(site, url):
    return {
        "type": "Feature",
        "id": site.slug,
        "geometry": {
            "type": "Point",
            "coordinates": [float(site.longitude), float(site.latitude)],
        },
        "properties": {
            "name": site.name,
            "url": url,
            "local_authority": site.local_authorities_display(),
            "place": site.place,
            "zone_round": site.zone_round,
            "incentive": site.get_incentive_display() or None,
            "area_hectares": _json_value(site.area_hectares),
            "location_is_approximate": site.location_is_approximate,
        },
    }


def sites_geojson(request, page):
    sites = EnterpriseZoneSite.objects.public().order_by("slug").defer("description")
    return json_response(
        {"type": "FeatureCollection"},
        "features",
        site_features(sites, page, request, absolute=True),
        stream=False,
        content_type="application/geo+json",
    )


# ONS codes of the seven local authorities, with their 360Giving geoCodeType:
# E06 are unitary authorities, E08 metropolitan districts.
ONS_CODES = {
    LocalAuthority.COUNTY_DURHAM: ("E06000047", "UA"),
    LocalAuthority.GATESHEAD: ("E08000037", "MD"),
    LocalAuthority.NEWCASTLE: ("E08000021", "MD"),
    LocalAuthority.NORTH_TYNESIDE: ("E08000022", "MD"),
    LocalAuthority.NORTHUMBERLAND: ("E06000057", "UA"),
    LocalAuthority.SOUTH_TYNESIDE: ("E08000023", "MD"),
    LocalAuthority.SUNDERLAND: ("E08000024", "MD"),
}


def funder(request):
    """The one funder of every grant: the organisation, with its identifier."""
    site_settings = SiteSettings.for_request(request)
    name = site_settings.organisation_name
    identifier = site_settings.grant_funder_identifier or (
        f"{settings.FUNDING_360GIVING_PREFIX}-{slugify(name)[:80]}"
    )
    return {"id": identifier, "name": name}


def recipient(row, prefix):
    identifier = row["recipient_identifier"] or (
        f"{prefix}-org-{slugify(row['recipient'])[:80]}"
    )
    return {"id": identifier, "name": row["recipient"]}


def beneficiary_location(row, authority):
    code, code_type = ONS_CODES[authority]
    location = {
        "name": LocalAuthority(authority).label,
        "geoCode": code,
        "geoCodeType": code_type,
        "countryCode": "GB",
    }
    if row["latitude"] is not None:
        location["latitude"] = float(row["latitude"])
        location["longitude"] = float(row["longitude"])
    return location


def grant(row, prefix, funding_organization, page_url):
    """One funded project as a 360Giving grant (``row`` from ``values()``)."""
    data = {
        "id": f"{prefix}-{row['identifier']}",
        "title": row["title"][:140],
        "description": row["description"] or row["title"],
        "currency": "GBP",
        "amountAwarded": _json_value(row["amount_awarded"]),
        "awardDate": row["award_date"].isoformat(),
        "recipientOrganization": [recipient(row, prefix)],
        "fundingOrganization": [funding_organization],
        "grantProgramme": [{"code": row["fund__slug"], "title": row["fund__name"]}],
        "url": page_url + row["identifier"] + "/",
        "dataSource": row["source__url"] or page_url + row["identifier"] + "/",
    }
    if row["last_published_at"]:
        data["dateModified"] = row["last_published_at"].isoformat()
    authorities = [row["local_authority"], row["also_in_local_authority"]]
    if any(authorities):
        data["beneficiaryLocation"] = [
            beneficiary_location(row, authority)
            for authority in authorities
            if authority
        ]
    dates = {}
    if row["start_date"]:
        dates["startDate"] = row["start_date"].isoformat()
    if row["end_date"]:
        dates["endDate"] = row["end_date"].isoformat()
    if dates:
        data["plannedDates"] = [dates]
    return data


def grants_queryset():
    """The projects 360Giving can describe: it requires an award date and recipient."""
    return (
        FundedProject.objects.public()
        .filter(award_date__isnull=False)
        .exclude(recipient="")
    )


def has_grants():
    """Whether the 360Giving package holds any grant: if not, it is not offered."""
    return changes.cached("funding:has-grants", grants_queryset().exists)


def threesixtygiving_json(request, page):
    if not grants_queryset().exists():
        raise Http404("No project has an award date and a recipient yet.")
    prefix = settings.FUNDING_360GIVING_PREFIX
    funding_organization = funder(request)
    projects_url = route_url(type(page), "projects", base=page.get_full_url(request))
    rows = (
        grants_queryset()
        .order_by("identifier")
        .values(
            "identifier",
            "title",
            "description",
            "amount_awarded",
            "award_date",
            "recipient",
            "recipient_identifier",
            "local_authority",
            "also_in_local_authority",
            "latitude",
            "longitude",
            "start_date",
            "end_date",
            "last_published_at",
            "fund__slug",
            "fund__name",
            "source__url",
        )
    )
    head = {
        "version": "1.4",
        "title": "Projects funded through the North East LEP",
        "description": (
            "Funded projects with an award date and a recipient, in the 360Giving "
            "Data Standard."
        ),
        "identifier": f"{prefix}-projects",
        "issued": datetime.date.today().isoformat(),
        "publisher": {
            "name": funding_organization["name"],
            "identifier": funding_organization["id"],
        },
        "downloadURL": request.build_absolute_uri(),
    }
    grants = (
        grant(row, prefix, funding_organization, projects_url)
        for row in _read_before_sending(rows)
    )
    return json_response(head, "grants", grants)


OPEN_DATA_FILES = {
    "projects.csv": projects_csv,
    "projects.json": projects_json,
    "rounds.csv": rounds_csv,
    "enterprise-zones.csv": sites_csv,
    "enterprise-zones.geojson": sites_geojson,
    "360giving.json": threesixtygiving_json,
}
