"""The public decisions register and forward plan: plain views, each given the
Board page whose route it serves (see ``BoardIndexPage``), and the redirects from
their first addresses under the meetings page."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from funding.models import FundedProject
from meetings import decision_exports, decision_queries, feeds, queries
from meetings.decision_filters import DecisionFilterForm
from meetings.models.documents import MeetingDocument
from meetings.models.meetings import INDEX_PAGE
from portal import query
from portal.caching.routing import route_url

PER_PAGE = 25


def decision_list(request, page):
    committees = queries.committees()
    funds = decision_queries.public_funds()
    form = DecisionFilterForm(request.GET, committees, funds, decision_queries.years())
    listed = decision_queries.filtered(form, committees, funds)
    page_obj = query.paginate(
        request, listed, PER_PAGE, f"meetings:decision-count:{form.key}"
    )
    page_obj.object_list = decision_queries.with_addresses(
        decision_queries.with_links(page_obj.object_list)
    )
    return page.render(
        request,
        template="meetings/decisions/decision_list.html",
        context_overrides={"form": form, "page_obj": page_obj},
    )


def decision_detail(request, page, pk):
    decision = get_object_or_404(decision_queries.decisions(), pk=pk)
    item = decision.agenda_item
    meetings_url = decision_queries.meetings_url()
    decision.meeting_url = item.meeting.get_url(meetings_url)
    papers = list(
        MeetingDocument.objects.public()
        .filter(agenda_item=item)
        .order_by("kind", "title")
    )
    for document in papers:
        document.page_url = document.get_url(meetings_url)
        document.other_format_url = route_url(
            INDEX_PAGE, "other_format", document.pk, base=meetings_url
        )
    return page.render(
        request,
        template="meetings/decisions/decision_detail.html",
        context_overrides={
            "decision": decision,
            "projects": list(
                FundedProject.objects.public()
                .filter(board_decision_links__decision=decision)
                .select_related("fund")
                .order_by("title")
            ),
            "funds": list(decision.funds.public()),
            "rounds": list(decision.rounds.public().select_related("fund")),
            "papers": papers,
        },
    )


def forward_plan(request, page):
    page_obj = query.paginate(
        request,
        decision_queries.forward_plan(),
        PER_PAGE,
        "meetings:forward-plan-count",
    )
    meetings_url = decision_queries.meetings_url()
    for entry in page_obj:
        meeting = entry.expected_meeting
        entry.meeting_url = (
            meeting.get_url(meetings_url) if meeting and meeting.live else ""
        )
    return page.render(
        request,
        template="meetings/decisions/forward_plan.html",
        context_overrides={"page_obj": page_obj, "entries": page_obj},
    )


def decisions_feed(request, page):
    return feeds.DecisionsFeed()(request, page=page)


def forward_plan_feed(request, page):
    return feeds.ForwardPlanFeed()(request, page=page)


@require_GET
def open_data(request, page, name):
    return decision_exports.OPEN_DATA_FILES[name](request, page)


def moved(request, page, rest):
    """The register's and the plan's first addresses, under the meetings page, now
    under the Board page: a permanent redirect there, keeping the query string."""
    board_url = decision_queries.board_url()
    if not board_url:
        raise Http404("The decisions register is not published.")
    query_string = request.META.get("QUERY_STRING", "")
    target = board_url + rest + (f"?{query_string}" if query_string else "")
    return HttpResponsePermanentRedirect(target)
