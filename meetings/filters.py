"""The filter bar of the meetings lists: committee, year, and upcoming or past."""

from django import forms
from django.core.exceptions import ValidationError

from portal import query
from portal.filters import FilterForm

UPCOMING = "upcoming"


class MeetingFilterForm(FilterForm):
    committee = forms.ChoiceField(
        required=False,
        error_messages={
            "invalid_choice": "There is no committee with that name: showing every "
            "committee."
        },
    )
    year = forms.CharField(required=False, widget=forms.Select)
    # Not a select: the lists link to each other (see listing.html).
    when = forms.ChoiceField(
        required=False,
        choices=[("", "Past"), (UPCOMING, "Upcoming")],
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": "That is not a list of meetings: showing every meeting."
        },
    )

    def __init__(self, query_string, committees):
        """``committees`` to choose from, or None on a committee's own page."""
        super().__init__(query_string, auto_id="filter-%s", label_suffix="")
        if committees is None:
            del self.fields["committee"]
        else:
            self.fields["committee"].choices = [
                ("", "All committees"),
                *((committee.slug, committee.name) for committee in committees),
            ]

    def offer_years(self, years):
        """The years the year select lists (any year from 1900 to 2199 filters)."""
        self.fields["year"].widget.choices = [
            ("", "All years"),
            *((year, year) for year in years),
        ]

    def clean_year(self):
        year, error = query.year(self.cleaned_data["year"])
        if error:
            raise ValidationError(error)
        return year
