"""Example decisions and forward plan entries, added by `manage.py seed_portal`.

The seed sources name no decisions, so each one here is an example and says so, on the
example meetings; none links to a funded project (the seeded projects are real) and
none gives a figure. Nothing is added once any decision or plan entry exists.
"""

from django.utils import timezone

from meetings.models import AgendaItem, Decision, ForwardPlanEntry, Meeting

DECISIONS = {
    "Example paper: programme update": (
        "Example decision: programme update noted",
        Decision.Status.NOTED,
        "Example resolution: the Board noted the programme update. (An example, "
        "not a real decision of the Board.)",
    ),
    "Example paper: performance report": (
        "Example decision: performance report approved",
        Decision.Status.APPROVED,
        "Example resolution: the Board approved the performance report for "
        "publication. (An example, not a real decision of the Board.)",
    ),
}
CONFIDENTIAL = (
    "Example decision: project appraisal",
    Decision.Status.APPROVED_WITH_CONDITIONS,
    "Example outcome: the Board approved the appraised project with conditions; "
    "details follow when the contract is signed. (An example, not a real decision.)",
)
PLAN = [
    (
        "Example plan entry: annual delivery plan",
        "Example: the Board will be asked to approve next year's delivery plan.",
        False,
        None,
    ),
    (
        "Example plan entry: land acquisition",
        "Example: the Board will be asked to approve buying a site.",
        True,
        3,
    ),
]


def seed(log=print):
    if Decision.objects.exists() or ForwardPlanEntry.objects.exists():
        return 0
    now = timezone.now()
    board = Meeting.objects.filter(committee__slug="board", live=True)
    latest = board.filter(end__lt=now).order_by("-start").first()
    created = 0
    if latest is not None:
        for item in AgendaItem.objects.filter(meeting=latest, title__in=DECISIONS):
            title, status, text = DECISIONS[item.title]
            _publish(
                Decision(agenda_item=item, title=title, status=status, resolution=text)
            )
            created += 1
    secret = (
        AgendaItem.objects.filter(meeting__in=board, confidential=True)
        .order_by("-meeting__start")
        .first()
    )
    if secret is not None:
        title, status, outcome = CONFIDENTIAL
        _publish(
            Decision(
                agenda_item=secret,
                title=title,
                status=status,
                resolution="Example resolution, kept private.",
                public_outcome=outcome,
            )
        )
        created += 1
    upcoming = board.filter(start__gt=now).order_by("start").first()
    if upcoming is not None:
        for title, summary, private, paragraph in PLAN:
            _publish(
                ForwardPlanEntry(
                    title=title,
                    summary=summary,
                    committee=upcoming.committee,
                    expected_meeting=upcoming,
                    lead_officer_name="Example Officer",
                    lead_officer_title="Example job title",
                    private=private,
                    private_paragraph=paragraph,
                )
            )
            created += 1
    log(f"Created {created} example decisions and forward plan entries")
    return created


def _publish(record):
    record.save()
    record.save_revision().publish()
