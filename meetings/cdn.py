"""What the page cache and the CDN must forget when meetings change."""

import datetime
from functools import partial

from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone

from meetings import oparl, queries
from meetings.decision_exports import OPEN_DATA_FILES
from meetings.models import (
    AgendaItem,
    Attendance,
    BoardIndexPage,
    BoardSettings,
    Committee,
    Decision,
    DecisionProject,
    Declaration,
    ForwardPlanEntry,
    InterestEntry,
    Meeting,
    MeetingDocument,
    MeetingIndexPage,
    MeetingMinutes,
    Membership,
    MinutesItem,
    Person,
)
from portal.caching.routing import route_url


def _open_data_paths(names):
    """The Board's open data files ``names``, in JSON and CSV."""
    board = BoardIndexPage.public_url()
    if not board:
        return set()
    return {
        route_url(BoardIndexPage, "open_data", name, format, base=board)
        for name in names
        for format in ("json", "csv")
    }


def _listing_paths(index, committee):
    url = partial(route_url, MeetingIndexPage, base=index)
    paths = {index, url("feed"), url("calendar"), "/", reverse("sitemap")}
    paths |= _open_data_paths(oparl.FILES)
    if committee is not None:
        paths |= {
            url("committee", committee.slug),
            url("committee_feed", committee.slug),
            url("committee_calendar", committee.slug),
        }
    return paths


def meeting_paths(meeting):
    """Its page, calendar and pack, its committee's page and feeds, the index and
    home."""
    index = MeetingIndexPage.public_url()
    if not index:
        return set()
    committee = meeting.committee
    url = partial(route_url, MeetingIndexPage, base=index)
    return _listing_paths(index, committee) | {
        url(name, committee.slug, meeting.pk)
        for name in ("meeting", "meeting_calendar", "agenda_pack", "minutes_pdf")
    }


def document_paths(document):
    index = MeetingIndexPage.public_url()
    if not index:
        return set()
    return meeting_paths(document.meeting) | {document.get_url(index)}


def agenda_item_paths(item):
    return meeting_paths(item.meeting)


def committee_paths(committee):
    """A committee's name shows on each of its meetings' pages too."""
    index = MeetingIndexPage.public_url()
    if not index:
        return set()
    meetings = Meeting.objects.public().filter(committee=committee)
    return _listing_paths(index, committee) | {
        route_url(MeetingIndexPage, "meeting", committee.slug, pk, base=index)
        for pk in meetings.values_list("pk", flat=True)
    }


def board_paths(person=None):
    """The Board's lists and open data files, and ``person``'s page."""
    index = BoardIndexPage.public_url()
    if not index:
        return set()
    url = partial(route_url, BoardIndexPage, base=index)
    paths = {index, url("past_members"), reverse("sitemap")}
    paths |= _open_data_paths(oparl.ALL_FILES)
    if person is not None:
        paths.add(url("member", person.slug))
    return paths


def person_paths(person):
    return board_paths(person)


def attendance_paths(attendance):
    return (
        board_paths(attendance.person)
        | board_paths(attendance.substitute_for)
        | meeting_paths(attendance.meeting)
    )


def declaration_paths(declaration):
    return board_paths(declaration.person) | agenda_item_paths(declaration.agenda_item)


def _first_term_change(now):
    """When, after ``now``, a member next joins or leaves the current members."""
    today = timezone.localdate(now)
    days = Person.objects.public().aggregate(
        starts=Min("appointed_on", filter=Q(appointed_on__gt=today)),
        ends=Min("term_ends_on", filter=Q(term_ends_on__gte=today)),
    )
    moments = []
    if days["starts"]:
        moments.append(days["starts"])
    if days["ends"]:
        moments.append(days["ends"] + datetime.timedelta(days=1))
    return [
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in moments
    ]


def register_leaves(now):
    """When a former member's register next leaves the site: the start of the day
    after its public period (``BoardSettings.register_kept_days``), on any site."""
    today = timezone.localdate(now)
    days = [
        Person.objects.public().first_register_leaving(today, kept_days)
        for kept_days in BoardSettings.kept_days_in_use()
    ]
    days = [day for day in days if day is not None]
    if not days:
        return None
    return timezone.make_aware(datetime.datetime.combine(min(days), datetime.time()))


def _register_paths(index):
    """The register, the plan, their feeds and open data files, under the Board
    page."""
    url = partial(route_url, BoardIndexPage, base=index)
    return {
        url("decisions"),
        url("decisions_feed"),
        url("forward_plan"),
        url("forward_plan_feed"),
        reverse("sitemap"),
        *(url("decisions_open_data", name) for name in OPEN_DATA_FILES),
    }


def decision_paths(decision):
    """Its page and the register under the Board page, its meeting's page and its
    projects' pages."""
    index = BoardIndexPage.public_url()
    if not index:
        return set()
    projects = {
        link.project.get_absolute_url()
        for link in decision.project_links.select_related("project")
    }
    meeting = decision.agenda_item.meeting.get_url()
    return (
        _register_paths(index)
        | {decision.get_url(index)}
        | ({meeting} - {""})
        | (projects - {""})
    )


def forward_plan_paths(entry):
    index = BoardIndexPage.public_url()
    return _register_paths(index) if index else set()


def next_change(now):
    """When a meeting starts or ends, a scheduled paper becomes public, or a
    meeting's papers become old enough to leave its list."""
    times = Meeting.objects.public().aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        end=Min("end", filter=Q(end__gt=now)),
    )
    times["paper"] = (
        MeetingDocument.objects.filter(
            publication=MeetingDocument.Publication.SCHEDULED,
            publish_at__gt=now,
            meeting__live=True,
        )
        .aggregate(first=Min("publish_at"))
        .get("first")
    )
    moments = [moment for moment in times.values() if moment is not None]
    moments += _first_term_change(now)
    archived = queries.next_papers_archived(now)
    if archived is not None:
        moments.append(archived)
    return min(moments) if moments else None


def _purge_old_committee_addresses(sender, instance, raw=False, **kwargs):
    """A meeting moved to another committee leaves its old address and listing."""
    from portal.caching import cdn

    if raw or not instance.pk or not cdn.enabled():
        return
    before = Meeting.objects.filter(pk=instance.pk).select_related("committee").first()
    if before is not None and before.committee_id != instance.committee_id:
        cdn.purge_after_commit(cdn.absolute_urls(meeting_paths(before)))


def register():
    from django.db.models.signals import pre_save

    from portal.caching import cdn, changes

    pre_save.connect(
        _purge_old_committee_addresses,
        sender=Meeting,
        dispatch_uid="meetings-cdn-old-committee",
    )

    changes.watch(
        Committee,
        Meeting,
        AgendaItem,
        MeetingDocument,
        Decision,
        DecisionProject,
        ForwardPlanEntry,
    )
    changes.register_next_change(next_change)
    changes.register_next_change(register_leaves)

    changes.watch(MeetingMinutes, MinutesItem)
    cdn.register(MeetingMinutes, lambda minutes: meeting_paths(minutes.meeting))
    cdn.register(Meeting, meeting_paths)
    cdn.register(MeetingDocument, document_paths)
    cdn.register(AgendaItem, agenda_item_paths)
    cdn.register(Committee, committee_paths)

    changes.watch(
        Person, Membership, InterestEntry, Attendance, Declaration, BoardSettings
    )
    cdn.register(Person, person_paths)
    cdn.register(Attendance, attendance_paths)
    cdn.register(Declaration, declaration_paths)
    cdn.register(Membership, lambda membership: board_paths(membership.person))
    cdn.register(InterestEntry, lambda entry: board_paths(entry.person))
    cdn.register(Decision, decision_paths)
    cdn.register(ForwardPlanEntry, forward_plan_paths)
