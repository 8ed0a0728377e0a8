"""What the site search reads of the funding section beyond its records' own fields:
the figures its pages show, and the two lists that are routes of the funding page."""

from django.apps import apps

from funding.models.funding import INDEX_PAGE, Figure, Fund
from funding.templatetags.funding_tags import pounds
from portal.caching.routing import route_url


def figures_text(section):
    """Each public figure of ``section`` as a visitor reads it: "Local Growth Fund
    £270m", "Round 1 Launched April 2012: … (Nissan/A19, …)"."""
    figures = Figure.objects.public().filter(section=section)
    return "\n".join(
        " ".join(
            part
            for part in (
                figure.label,
                pounds(figure.amount),
                figure.text,
                figure.period,
            )
            if part
        )
        for figure in figures
    )


def listings():
    """(title, address, text) of the funded projects and the Enterprise Zone sites
    lists, as their pages head them; none while the funding page is not public."""
    page = apps.get_model(INDEX_PAGE).objects.live().public().first()
    if page is None or not route_url(INDEX_PAGE, "projects"):
        return []
    fund_names = ", ".join(Fund.objects.public().values_list("name", flat=True))
    return [
        (
            "Funded projects",
            route_url(INDEX_PAGE, "projects"),
            f"Projects funded by {fund_names}." if fund_names else "",
        ),
        (
            "Enterprise Zone sites",
            route_url(INDEX_PAGE, "sites"),
            "\n".join(
                (
                    str(page.enterprise_zones_intro or ""),
                    figures_text(Figure.Section.ENTERPRISE_ZONES),
                )
            ),
        ),
    ]
