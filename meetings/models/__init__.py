from meetings.models.decisions import (
    Decision,
    DecisionProject,
    DecisionStatus,
    ForwardPlanEntry,
)
from meetings.models.documents import MeetingDocument, MeetingDocumentVersion
from meetings.models.meetings import AgendaItem, Committee, Meeting
from meetings.models.pages import MeetingIndexPage

__all__ = [
    "AgendaItem",
    "Committee",
    "Decision",
    "DecisionProject",
    "DecisionStatus",
    "ForwardPlanEntry",
    "Meeting",
    "MeetingDocument",
    "MeetingDocumentVersion",
    "MeetingIndexPage",
]
