"""A moderator who approves or rejects from the dashboard's "Awaiting your review"
row menu is told what happened, as the editor's own Approve button tells them.

Wagtail's workflow action view (``workflow_action`` URLs, for pages and every
snippet) acts and goes back to the dashboard without a message; this middleware
adds one when that request moved the task on.
"""

from django.utils.text import capfirst
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState, WorkflowState

WORKFLOW_ACTION_URL = "workflow_action"


class WorkflowActionMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        before = getattr(request, "_task_state_before_action", None)
        if before is not None and response.status_code < 400:
            task_state = TaskState.objects.get(pk=before.pk).specific
            if task_state.status != before.status:
                confirm(request, task_state)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match.url_name != WORKFLOW_ACTION_URL:
            return None
        request._task_state_before_action = TaskState.objects.filter(
            pk=view_kwargs.get("task_state_id"), status=TaskState.STATUS_IN_PROGRESS
        ).first()
        return None


def confirm(request, task_state):
    workflow_state = task_state.workflow_state
    obj = workflow_state.content_object
    if hasattr(obj, "specific"):
        obj = obj.specific
    name = f"{capfirst(obj._meta.verbose_name)} '{get_latest_str(obj)}'"
    edit_url = AdminURLFinder(request.user).get_edit_url(obj)
    buttons = [messages.button(edit_url, "Edit")] if edit_url else None
    if task_state.status == TaskState.STATUS_REJECTED:
        messages.success(
            request,
            f"{name}: changes requested. It goes back to its author; "
            "the live version is unchanged.",
            buttons=buttons,
        )
        return
    if task_state.status != TaskState.STATUS_APPROVED:
        return
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        live = getattr(obj, "live", True)
        state = "It is now live." if live else "It is approved, not yet live."
        messages.success(request, f"{name} approved. {state}", buttons=buttons)
        return
    following = workflow_state.current_task_state
    waiting = f" It now awaits {following.task.name}." if following else ""
    messages.success(request, f"{name} approved.{waiting}", buttons=buttons)
