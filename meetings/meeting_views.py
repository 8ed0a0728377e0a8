"""The Meetings snippet's create and edit views.

Creating is idempotent: the form carries a key made when it is opened, stored as the
meeting's ``uid``. Wagtail's autosave posts the new form once, and a Save draft
clicked before that answer arrives posts it again: the second post edits the meeting
the first one made.

Saving a draft that marks an agenda item confidential withholds its papers at once,
rather than when the meeting is next published.
"""

from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from meetings import withdrawal
from meetings.models import Meeting


class MeetingCreateView(CreateView):
    edit_view = None

    def post(self, request, *args, **kwargs):
        key = request.POST.get("creation_key")
        made = Meeting.objects.filter(uid=key).first() if key else None
        if made is not None:
            return self.edit_view(request, pk=str(made.pk))
        return super().post(request, *args, **kwargs)


class MeetingEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        for form in self.form.formsets["agenda_items"].forms:
            data = getattr(form, "cleaned_data", {})
            if form.instance.pk and data.get("confidential") and not data.get("DELETE"):
                withdrawal.withhold_item(form.instance, self.request.user)
        return instance


class KeyedCreateView(CreateView):
    """MeetingCreateView's rule for any model with a ``uid`` and a KeyedForm."""

    edit_view = None

    def post(self, request, *args, **kwargs):
        key = request.POST.get("creation_key")
        made = self.model.objects.filter(uid=key).first() if key else None
        if made is not None:
            return self.edit_view(request, pk=str(made.pk))
        return super().post(request, *args, **kwargs)


class SelectionCountIndexView(IndexView):
    """A snippet list that counts selected rows as "1 meeting selected", not
    Wagtail's "1 snippet selected"."""

    noun, nouns = "item", "items"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["select_all_text"] = f"Select all {self.nouns} in listing"
        context["selected_strings"] = {
            "KEY": self.noun.upper(),
            "SINGULAR": f"1 {self.noun} selected",
            "PLURAL": f"%(objects)s {self.nouns} selected",
            "ALL": f"All %(objects)s {self.nouns} on this screen selected",
            "ALL_IN_LISTING": f"All {self.nouns} in listing selected",
        }
        return context


class CommitteeIndexView(SelectionCountIndexView):
    noun, nouns = "committee", "committees"


class MeetingIndexView(SelectionCountIndexView):
    noun, nouns = "meeting", "meetings"


class PaperIndexView(SelectionCountIndexView):
    noun, nouns = "paper", "papers"


class DecisionIndexView(SelectionCountIndexView):
    noun, nouns = "decision", "decisions"


class ForwardPlanIndexView(SelectionCountIndexView):
    noun, nouns = "plan entry", "plan entries"


class FormatRequestEditView(EditView):
    """Marking a request done records who did it (the history records each edit)."""

    def save_instance(self):
        instance = self.form.instance
        if instance.status == instance.Status.DONE and instance.done_by_id is None:
            instance.done_by = self.request.user
        return super().save_instance()
