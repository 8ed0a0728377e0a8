"""What the home page shows of the other apps' public content: the next Board
meeting, the latest papers and a headline funding figure, as plain values kept until
public content changes. Every query starts from the owning model's ``public()``."""

from funding.models import Figure
from meetings.models import Committee, Meeting, MeetingDocument

LATEST_PAPERS = 5


def next_board_meeting():
    """The Board's (the first-listed committee's) next public meeting, not
    cancelled."""
    board = Committee.objects.order_by("sort_order", "name").values("pk")[:1]
    meeting = (
        Meeting.objects.public()
        .upcoming()
        .filter(committee__in=board)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .first()
    )
    if meeting is None:
        return None
    return {
        "title": meeting.display_title,
        "start": meeting.start,
        "venue": meeting.venue,
        "url": meeting.url,
    }


def latest_papers(count=LATEST_PAPERS):
    """The newest public meeting documents other than minutes."""
    documents = (
        MeetingDocument.objects.public()
        .exclude(kind=MeetingDocument.Kind.MINUTES)
        .newest_public_first()
        .select_related("meeting__committee")[:count]
    )
    return [
        {
            "title": document.title,
            "label": document.label,
            "meeting": document.meeting.display_title,
            "published": document.public_since,
            "url": document.url,
        }
        for document in documents
    ]


def headline_figure(chosen_id=None):
    """The chosen figure if it is public, else the funding page's first headline."""
    figures = Figure.objects.public().select_related("fund", "source")
    figure = figures.filter(pk=chosen_id).first() if chosen_id else None
    if figure is None:
        figure = figures.filter(
            section=Figure.Section.FUNDING, is_headline=True
        ).first()
    if figure is None:
        return None
    return {
        "amount": figure.amount,
        "amount_is_minimum": figure.amount_is_minimum,
        "text": figure.text,
        "label": figure.label,
        "period": figure.period,
        "fund": figure.fund.name if figure.fund else "",
        "source": {
            "title": figure.source.title,
            "url": figure.source.url,
            "date_accessed": figure.source.date_accessed,
        },
    }


def whats_current(chosen_figure_id=None):
    return {
        "next_meeting": next_board_meeting(),
        "papers": latest_papers(),
        "figure": headline_figure(chosen_figure_id),
    }
