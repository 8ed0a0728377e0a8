"""The public pages the benchmark and the load test measure, in the order they print.

A meeting's address depends on the data, so ``bench.probe`` finds it: every other path
is fixed by the seed content. ``rows`` is what the page repeats once per listed item:
the probe counts it, and a page is compared between the small and the bulk data only
when it shows the same number of rows on both.
"""

from dataclasses import dataclass

MEETING = "A meeting"
STATIC = "Static file (CSS)"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    rows: str = ""


FIXED_PAGES = [
    Page("Home", "/"),
    Page("Strategy", "/industrial-strategy/", rows='class="card"'),
    Page("Theme", "/industrial-strategy/clean-growth/"),
    Page("FAQs", "/faqs/", rows="<details"),
    Page("Meetings index", "/meetings/", rows='class="meeting-item"'),
    Page(MEETING, "", rows='class="meeting-document"'),
    Page("Funding overview", "/funding/", rows='<th scope="row">'),
    Page("Projects list", "/funding/projects/", rows='<th scope="row">'),
    Page("Enterprise zones", "/funding/enterprise-zones/", rows='<th scope="row">'),
    Page("Search", "/search/?q=growth", rows='class="search-result"'),
    Page("iCalendar feed", "/meetings/calendar.ics", rows="BEGIN:VEVENT"),
    Page("GeoJSON export", "/funding/enterprise-zones.geojson", rows='"Point"'),
]
