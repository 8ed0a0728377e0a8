"""axe-core checks for browser tests."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    """The WCAG 2.2 AA violations axe-core finds on the page, as readable lines."""
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_22_AA},
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{violation['id']}: {violation['help']} "
        f"({', '.join(str(node['target']) for node in violation['nodes'][:3])})"
        for violation in results.response["violations"]
    ]


PHONE_AND_DESKTOP = (320, 1280)


def axe_violations_at_widths(page, url, widths=PHONE_AND_DESKTOP):
    """axe violations, and any sideways scrolling of the whole page, at each width."""
    problems = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(url)
        found = axe_violations(page)
        wider = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if wider > 0:
            found.append(f"the page is {wider}px wider than the viewport")
        if found:
            problems[width] = found
    return problems
