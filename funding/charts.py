"""The funding page's bar chart, drawn as inline SVG from the figures' amounts."""

from dataclasses import dataclass

BAR_HEIGHT = 28
GAP = 14
CHART_WIDTH = 640
VALUE_ROOM = 120


@dataclass
class Bar:
    figure: object
    y: int
    label_y: int
    width: float
    value_x: float


@dataclass
class Chart:
    bars: list
    width: int
    height: int
    room: int = CHART_WIDTH - VALUE_ROOM


def bar_chart(figures):
    """One bar per figure that is an amount, scaled to the largest amount."""
    amounts = [f for f in figures if f.amount is not None]
    if not amounts:
        return None
    largest = max(f.amount for f in amounts) or 1
    room = CHART_WIDTH - VALUE_ROOM
    bars = []
    y = 0
    for figure in amounts:
        label_y = y + 16
        bar_y = y + 22
        width = max(float(figure.amount / largest) * room, 2.0)
        bars.append(Bar(figure, bar_y, label_y, round(width, 1), round(width + 8, 1)))
        y = bar_y + BAR_HEIGHT + GAP
    return Chart(bars, CHART_WIDTH, y)
