"""Spreadsheet safety shared by every export: the public files and the admin's."""

from wagtail.snippets.views.snippets import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """A text cell a spreadsheet would run as a formula, made inert with a quote.

    A text that already starts with quotes before such a character gets one more, so
    that ``unescape_cell`` gives back exactly what was escaped.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def unescape_cell(value):
    """The text ``escape_cell`` was given, from a cell read back from its file."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
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
