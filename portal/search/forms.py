"""The filter bar of the search results: kind, committee and year, each offering
only what the search found, with how many results of each kind there are."""

from collections import Counter

from django import forms

from portal.filters import FilterForm


class SearchFilterForm(FilterForm):
    kind = forms.ChoiceField(
        required=False,
        label="Kind",
        error_messages={
            "invalid_choice": "No result is of that kind: showing every kind."
        },
    )
    committee = forms.ChoiceField(
        required=False,
        label="Committee",
        error_messages={
            "invalid_choice": "No result is from that committee: showing every "
            "committee."
        },
    )
    year = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label="Year",
        error_messages={
            "invalid_choice": "No result is from that year: showing every year."
        },
    )

    def __init__(self, query_string, hits):
        super().__init__(query_string, auto_id="search-filter-%s", label_suffix="")
        self.hits = hits
        committees = sorted({hit.committee for hit in hits if hit.committee})
        years = sorted({hit.year for hit in hits if hit.year}, reverse=True)
        self.fields["committee"].choices = [
            ("", "All committees"),
            *((name, name) for name in committees),
        ]
        self.fields["year"].choices = [
            ("", "All years"),
            *((str(year), str(year)) for year in years),
        ]
        self.fields["kind"].choices = [("", "All kinds")] + [
            (kind, kind) for kind in sorted({hit.kind for hit in hits})
        ]
        self.counts = Counter(hit.kind for hit in self._narrowed())
        self.fields["kind"].choices = [
            ("", f"All kinds ({sum(self.counts.values())})"),
            *(
                (kind, f"{kind} ({self.counts[kind]})")
                for kind, _ in self.fields["kind"].choices[1:]
            ),
        ]

    def _narrowed(self):
        """The hits of the chosen committee and year, of every kind."""
        committee, year = self.chosen("committee"), self.chosen("year")
        return [
            hit
            for hit in self.hits
            if (committee is None or hit.committee == committee)
            and (year is None or hit.year == year)
        ]

    @property
    def has_choices(self):
        """Whether there is anything to filter by: more than one kind, or any
        committee or year."""
        return len(self.fields["kind"].choices) > 2 or any(
            len(self.fields[name].choices) > 1 for name in ("committee", "year")
        )

    def filtered(self):
        kind = self.chosen("kind")
        return [hit for hit in self._narrowed() if kind is None or hit.kind == kind]

    def kind_counts(self):
        """(kind, how many) of the hits of the chosen committee and year."""
        return sorted(self.counts.items())
