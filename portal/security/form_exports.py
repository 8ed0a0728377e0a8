"""Admin › Forms: a form page's submissions and their export, where every cell was
typed by a visitor, so each one a spreadsheet would run is made inert."""

from wagtail.contrib.forms.views import SubmissionsListView

from portal.security.spreadsheets import EscapedCsvExportMixin


class EscapedSubmissionsListView(EscapedCsvExportMixin, SubmissionsListView):
    """A form page's ``get_submissions_list_view_class``."""
