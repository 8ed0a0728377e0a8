from meetings.models.accessibility import PaperCheck
from meetings.models.attendance import Attendance, Declaration
from meetings.models.decisions import (
    Decision,
    DecisionProject,
    DecisionStatus,
    ForwardPlanEntry,
)
from meetings.models.documents import MeetingDocument, MeetingDocumentVersion
from meetings.models.format_requests import FormatRequest
from meetings.models.meetings import AgendaItem, Committee, Meeting
from meetings.models.minutes import MeetingMinutes, MinutesItem
from meetings.models.pages import BoardIndexPage, MeetingIndexPage
from meetings.models.people import (
    BoardSettings,
    InterestEntry,
    Membership,
    Person,
)

__all__ = [
    "AgendaItem",
    "Attendance",
    "BoardIndexPage",
    "BoardSettings",
    "Committee",
    "Declaration",
    "InterestEntry",
    "Decision",
    "DecisionProject",
    "DecisionStatus",
    "ForwardPlanEntry",
    "FormatRequest",
    "Meeting",
    "MeetingDocument",
    "MeetingDocumentVersion",
    "MeetingIndexPage",
    "MeetingMinutes",
    "Membership",
    "PaperCheck",
    "MinutesItem",
    "Person",
]
