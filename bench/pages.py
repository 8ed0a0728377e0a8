"""The public pages the benchmark and the load test measure, in the order they print.

A meeting's address depends on the data, so ``bench.probe`` finds it: every other path
is fixed by the seed content.
"""

from dataclasses import dataclass

MEETING = "A meeting"
STATIC = "Static file (CSS)"


@dataclass(frozen=True)
class Page:
    name: str
    path: str


FIXED_PAGES = [
    Page("Home", "/"),
    Page("Strategy", "/industrial-strategy/"),
    Page("Theme", "/industrial-strategy/clean-growth/"),
    Page("FAQs", "/faqs/"),
    Page("Meetings index", "/meetings/"),
    Page(MEETING, ""),
    Page("Funding overview", "/funding/"),
    Page("Projects list", "/funding/projects/"),
    Page("Enterprise zones", "/funding/enterprise-zones/"),
    Page("Search", "/search/?q=growth"),
    Page("iCalendar feed", "/meetings/calendar.ics"),
    Page("GeoJSON export", "/funding/enterprise-zones.geojson"),
]
