"""The filter bars of the projects list and the Enterprise Zone sites."""

from django import forms

from funding.models.funding import (
    EnterpriseZoneSite,
    Fund,
    FundedProject,
    LocalAuthority,
)
from portal.filters import FilterForm


def _choices(choices, anything="Any"):
    return [("", anything), *choices]


def _funds():
    """Read when the select is written or a fund is chosen, not otherwise."""
    return _choices(Fund.objects.public().values_list("slug", "name"))


class ProjectFilterForm(FilterForm):
    fund = forms.ChoiceField(required=False, choices=_funds)
    local_authority = forms.ChoiceField(
        required=False,
        label="Local authority",
        choices=_choices(LocalAuthority.choices),
    )
    stage = forms.ChoiceField(
        required=False, choices=_choices(FundedProject.Stage.choices)
    )

    def filter(self, projects):
        """``projects`` narrowed by the valid choices."""
        if fund := self.chosen("fund"):
            projects = projects.filter(fund__slug=fund)
        if local_authority := self.chosen("local_authority"):
            projects = projects.in_local_authority(local_authority)
        if stage := self.chosen("stage"):
            projects = projects.filter(stage=stage)
        return projects


class SiteFilterForm(FilterForm):
    local_authority = forms.ChoiceField(
        required=False,
        label="Local authority",
        choices=_choices(LocalAuthority.choices),
    )
    zone_round = forms.TypedChoiceField(
        required=False,
        label="Enterprise Zone round",
        coerce=int,
        empty_value=None,
        choices=_choices(EnterpriseZoneSite.ZoneRound.choices),
    )

    def filter(self, sites):
        if local_authority := self.chosen("local_authority"):
            sites = sites.in_local_authority(local_authority)
        if zone_round := self.chosen("zone_round"):
            sites = sites.filter(zone_round=zone_round)
        return sites
