"""The filter bar of the decisions register: committee, year, status and fund."""

from django import forms
from django.core.exceptions import ValidationError

from meetings.models.decisions import DecisionStatus
from portal import query
from portal.filters import FilterForm


class DecisionFilterForm(FilterForm):
    committee = forms.ChoiceField(
        required=False,
        error_messages={
            "invalid_choice": "There is no committee with that name: showing every "
            "committee."
        },
    )
    year = forms.CharField(required=False, widget=forms.Select)
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), *DecisionStatus.choices],
        error_messages={
            "invalid_choice": "That is not a decision's status: showing every status."
        },
    )
    fund = forms.ChoiceField(
        required=False,
        error_messages={
            "invalid_choice": "There is no fund with that name: showing every fund."
        },
    )

    def __init__(self, query_string, committees, funds, years):
        super().__init__(query_string, auto_id="filter-%s", label_suffix="")
        self.fields["committee"].choices = [
            ("", "All committees"),
            *((committee.slug, committee.name) for committee in committees),
        ]
        self.fields["fund"].choices = [
            ("", "All funds"),
            *((fund.slug, fund.name) for fund in funds),
        ]
        self.fields["year"].widget.choices = [
            ("", "All years"),
            *((year, year) for year in years),
        ]

    def clean_year(self):
        year, error = query.year(self.cleaned_data["year"])
        if error:
            raise ValidationError(error)
        return year
