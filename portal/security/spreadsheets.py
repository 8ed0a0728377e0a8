"""Spreadsheet safety shared by every export: the public files and the admin's."""

from wagtail.snippets.views.snippets import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """A text cell a spreadsheet would run as a formula, made inert with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


class EscapedCsvExportMixin:
    """For Wagtail's spreadsheet exports: CSV cells a spreadsheet would run are made
    inert. Wagtail already stores XLSX cells that look like formulas as text.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return escape_cell(value) if export_format == self.FORMAT_CSV else value


class EscapedExportIndexView(EscapedCsvExportMixin, IndexView):
    """The snippets' admin listing and its export."""
