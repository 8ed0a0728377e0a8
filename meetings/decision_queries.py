"""What the public decisions register and forward plan read: every query starts from
``public()``, and each page runs the same few queries however many rows there are."""

from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, Value

from funding.models import Fund, FundedProject, FundRound
from meetings.models.decisions import Decision, DecisionProject, ForwardPlanEntry
from meetings.models.documents import MeetingDocument
from portal.caching import changes
from portal.caching.routing import route_url

BOARD_PAGE = "meetings.BoardIndexPage"
MEETINGS_PAGE = "meetings.MeetingIndexPage"


def board_url():
    """The public Board page's address, under which the register and plan live."""
    return route_url(BOARD_PAGE, "board")


def meetings_url():
    """The public meetings page's address, under which decisions' meetings live."""
    return route_url(MEETINGS_PAGE, "meetings")


def with_addresses(decisions):
    """``decisions`` (with their agenda items and meetings) as a list, each with the
    address of its page and of its meeting's page set."""
    board, meetings = board_url(), meetings_url()
    decisions = list(decisions)
    for decision in decisions:
        decision.page_url = decision.get_url(board)
        decision.meeting_url = decision.agenda_item.meeting.get_url(meetings)
    return decisions


def decisions():
    return Decision.objects.public().select_related("agenda_item__meeting__committee")


def on_agenda(meeting, agenda_items):
    """Set ``item.public_decisions`` on each of ``agenda_items`` (the meeting's): its
    public decisions in the order taken, each with its public funded projects and
    its page's address, read in two queries however many items and decisions."""
    by_pk = {item.pk: item for item in agenda_items}
    for item in agenda_items:
        item.public_decisions = []
    listed = Decision.objects.public().filter(agenda_item__meeting=meeting)
    listed = listed.prefetch_related(
        Prefetch(
            "project_links",
            queryset=DecisionProject.objects.filter(
                project__in=FundedProject.objects.public()
            )
            .select_related("project")
            .order_by("sort_order", "pk"),
        )
    ).order_by("decided_on", "pk")
    board = board_url()
    for decision in listed:
        item = by_pk.get(decision.agenda_item_id)
        if item is None:
            continue
        decision.agenda_item = item
        decision.page_url = decision.get_url(board)
        item.public_decisions.append(decision)


def export_links():
    """``(decision id, kind, identifier)`` for every public fund, round and project
    a public decision concerns, ordered by decision then kind then identifier: one
    query, for the open data files to read beside the decisions."""
    public = Decision.objects.public().values("pk")

    def rows(queryset, kind, identifier):
        return (
            queryset.filter(decision__in=public)
            .annotate(
                link_decision=F("decision_id"),
                link_kind=Value(kind, output_field=CharField()),
                link_value=F(identifier),
            )
            .values_list("link_decision", "link_kind", "link_value")
            .order_by()
        )

    funds = rows(
        Decision.funds.through.objects.filter(fund__in=Fund.objects.public()),
        "funds",
        "fund__slug",
    )
    rounds = rows(
        Decision.rounds.through.objects.filter(
            fundround__in=FundRound.objects.public()
        ),
        "rounds",
        "fundround__identifier",
    )
    projects = rows(
        DecisionProject.objects.filter(project__in=FundedProject.objects.public()),
        "projects",
        "project__identifier",
    )
    return funds.union(rounds, projects, all=True).order_by(
        "link_decision", "link_kind", "link_value"
    )


def public_funds():
    return changes.cached(
        "meetings:decision-funds",
        lambda: list(Fund.objects.public().only("name", "slug")),
    )


def years():
    return changes.cached(
        "meetings:decision-years",
        lambda: [
            day.year
            for day in Decision.objects.public().dates("decided_on", "year", "DESC")
        ],
    )


def concerning_fund(fund):
    """Decisions about ``fund``: itself, one of its rounds, or one of its projects."""
    return (
        Q(funds=fund)
        | Exists(
            Decision.rounds.through.objects.filter(
                decision=OuterRef("pk"), fundround__fund=fund
            )
        )
        | Exists(
            DecisionProject.objects.filter(decision=OuterRef("pk"), project__fund=fund)
        )
    )


def filtered(form, committees, funds):
    listed = decisions()
    committee = {c.slug: c for c in committees}.get(form.chosen("committee"))
    if committee:
        listed = listed.filter(agenda_item__meeting__committee=committee)
    if form.chosen("year"):
        listed = listed.filter(decided_on__year=form.chosen("year"))
    if form.chosen("status"):
        listed = listed.filter(status=form.chosen("status"))
    fund = {f.slug: f for f in funds}.get(form.chosen("fund"))
    if fund:
        # Exists, not joins: a decision about a fund and two of its projects is
        # listed once.
        listed = listed.filter(
            pk__in=Decision.objects.filter(concerning_fund(fund)).values("pk")
        )
    return listed.order_by("-decided_on", "-pk")


def with_links(decisions):
    """``decisions`` with their public funds, rounds, projects and papers, read in
    one query each."""
    return decisions.prefetch_related(
        Prefetch("funds", queryset=Fund.objects.public().only("name", "slug")),
        Prefetch("rounds", queryset=FundRound.objects.public().select_related("fund")),
        Prefetch(
            "project_links",
            queryset=DecisionProject.objects.filter(
                project__in=FundedProject.objects.public()
            ).select_related("project"),
        ),
        Prefetch(
            "agenda_item__documents",
            queryset=MeetingDocument.objects.public().order_by("kind", "title"),
            to_attr="public_papers",
        ),
    )


def for_project(project):
    """The public decisions that approved or changed ``project``, newest first."""
    return list(
        decisions()
        .filter(project_links__project=project)
        .prefetch_related(
            Prefetch(
                "agenda_item__documents",
                queryset=MeetingDocument.objects.public().order_by("kind", "title"),
                to_attr="public_papers",
            )
        )
        .order_by("-decided_on", "-pk")
    )


def forward_plan():
    return (
        ForwardPlanEntry.objects.public()
        .select_related("committee", "expected_meeting__committee")
        .order_by("expected_meeting__start", "committee__sort_order", "pk")
    )
