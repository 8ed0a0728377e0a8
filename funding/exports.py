"""The open data files: CSV, JSON, GeoJSON and a 360Giving data package.

Each reads its rows from one ``values_list`` query over the model's ``public()`` rows.
The project files stream, so a file of 100,000 projects starts at once and never sits
whole in memory; the rounds and Enterprise Zone files hold a few dozen rows however
much is funded, so they are sent whole, which lets the page cache and the CDN keep
them. The CSV columns are the import's columns, so a downloaded file can be edited and
imported back.
"""

import csv
import datetime
import json
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.text import slugify

from funding.models.funding import (
    EnterpriseZoneSite,
    FundedProject,
    FundRound,
    LocalAuthority,
)
from portal.caching.routing import route_url
from portal.security.spreadsheets import escape_cell

CHUNK_SIZE = 2000
PUBLISHER = "North East Local Enterprise Partnership"

PROJECT_COLUMNS = {
    "identifier": "identifier",
    "fund": "fund__slug",
    "round": "round__identifier",
    "title": "title",
    "recipient": "recipient",
    "local_authority": "local_authority",
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


def _response(parts, content_type, stream):
    if stream:
        return StreamingHttpResponse(parts, content_type=content_type)
    return HttpResponse("".join(parts), content_type=content_type)


def csv_response(filename, columns, rows, stream=True):
    writer = csv.writer(_Echo())

    def lines():
        # The byte-order mark tells Excel and LibreOffice the file is UTF-8.
        yield "\ufeff" + writer.writerow(list(columns))
        for row in rows.iterator(chunk_size=CHUNK_SIZE):
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
    return csv_response("projects.csv", PROJECT_COLUMNS, rows.order_by("identifier"))


def rounds_csv(request, page):
    rows = _rows(FundRound.objects.public(), ROUND_COLUMNS)
    rows = rows.order_by("identifier")
    return csv_response("rounds.csv", ROUND_COLUMNS, rows, stream=False)


def sites_csv(request, page):
    rows = _rows(EnterpriseZoneSite.objects.public(), SITE_COLUMNS)
    rows = rows.order_by("slug")
    return csv_response("enterprise-zones.csv", SITE_COLUMNS, rows, stream=False)


def projects_json(request, page):
    rows = (
        FundedProject.objects.public()
        .order_by("identifier")
        .values(*PROJECT_COLUMNS.values())
    )
    names = {field: column for column, field in PROJECT_COLUMNS.items()}

    def items():
        for row in rows.iterator(chunk_size=CHUNK_SIZE):
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


def _org(name):
    prefix = settings.FUNDING_360GIVING_PREFIX
    return {"id": f"{prefix}-org-{slugify(name)[:80]}", "name": name}


def grant(row, prefix):
    """One funded project as a 360Giving grant (``row`` from ``values()``)."""
    data = {
        "id": f"{prefix}-{row['identifier']}",
        "title": row["title"][:140],
        "description": row["description"] or row["title"],
        "currency": "GBP",
        "amountAwarded": _json_value(row["amount_awarded"]),
        "awardDate": row["award_date"].isoformat(),
        "recipientOrganization": [_org(row["recipient"])],
        "fundingOrganization": [_org(row["fund__funder"] or PUBLISHER)],
        "grantProgramme": [{"code": row["fund__slug"], "title": row["fund__name"]}],
    }
    if row["local_authority"]:
        location = {
            "name": LocalAuthority(row["local_authority"]).label,
            "countryCode": "GB",
        }
        if row["latitude"] is not None:
            location["latitude"] = float(row["latitude"])
            location["longitude"] = float(row["longitude"])
        data["beneficiaryLocation"] = [location]
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


def threesixtygiving_json(request, page):
    prefix = settings.FUNDING_360GIVING_PREFIX
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
            "local_authority",
            "latitude",
            "longitude",
            "start_date",
            "end_date",
            "fund__slug",
            "fund__name",
            "fund__funder",
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
        "publisher": {"name": PUBLISHER},
        "downloadURL": request.build_absolute_uri(),
    }
    grants = (grant(row, prefix) for row in rows.iterator(chunk_size=CHUNK_SIZE))
    return json_response(head, "grants", grants)


OPEN_DATA_FILES = {
    "projects.csv": projects_csv,
    "projects.json": projects_json,
    "rounds.csv": rounds_csv,
    "enterprise-zones.csv": sites_csv,
    "enterprise-zones.geojson": sites_geojson,
    "360giving.json": threesixtygiving_json,
}
