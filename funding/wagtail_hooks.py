"""The admin's "Funding" menu: a snippet view per model and the CSV import page."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_viewsets import PortalSnippetViewSet
from portal.security.spreadsheets import EscapedExportIndexView

from . import import_jobs
from .importing import IMPORTERS, import_csv
from .models import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundRound,
    ImportRun,
    Source,
)

# About 180,000 projects with every column: above 256 KB the job worker imports.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
SIGNING_SALT = "funding.import"
KINDS = {
    "projects": "Funded projects",
    "rounds": "Fund rounds",
    "sites": "Enterprise Zone sites",
}


class FundingViewSet(PortalSnippetViewSet):
    index_view_class = EscapedExportIndexView


class SourceViewSet(FundingViewSet):
    model = Source
    icon = "link"
    menu_label = "Sources"
    list_display = ["title", "url", "date_accessed"]
    search_fields = ["title", "url"]
    list_export = ["title", "url", "date_accessed"]


class FundViewSet(FundingViewSet):
    model = Fund
    icon = "folder-open-inverse"
    menu_label = "Funds"
    list_display = ["name", "slug", "funder", "sort_order"]
    search_fields = ["name", "funder"]
    list_export = ["name", "slug", "funder", "live"]


class FigureViewSet(FundingViewSet):
    model = Figure
    icon = "table"
    menu_label = "Figures"
    list_display = ["label", "fund", "amount", "period", "source", "is_headline"]
    list_filter = ["fund", "section", "is_headline", "live"]
    search_fields = ["label", "text", "period"]
    list_export = ["fund", "label", "amount", "text", "period", "source", "live"]


class FundRoundViewSet(FundingViewSet):
    model = FundRound
    icon = "date"
    menu_label = "Rounds"
    list_display = [
        "name",
        "fund",
        "period",
        "amount_secured",
        "status",
        LiveStatusTagColumn(label="Publication"),
    ]
    list_filter = ["fund", "status", "live"]
    search_fields = ["name", "identifier"]
    list_export = [
        "identifier",
        "fund",
        "name",
        "period",
        "amount_secured",
        "status",
        "date_announced",
        "source",
        "live",
    ]


class FundedProjectViewSet(FundingViewSet):
    model = FundedProject
    icon = "pick"
    menu_label = "Projects"
    list_display = [
        "title",
        "fund",
        "local_authority",
        "amount_awarded",
        "stage",
        LiveStatusTagColumn(label="Publication"),
    ]
    list_filter = ["fund", "round", "stage", "local_authority", "live"]
    search_fields = ["title", "recipient", "identifier"]
    list_per_page = 50
    list_export = [
        "identifier",
        "fund",
        "round",
        "title",
        "recipient",
        "local_authority",
        "amount_awarded",
        "total_cost",
        "stage",
        "award_date",
        "source",
        "live",
    ]

    def get_queryset(self, request):
        return FundedProject.objects.select_related("fund", "round")


class EnterpriseZoneSiteViewSet(FundingViewSet):
    model = EnterpriseZoneSite
    icon = "site"
    menu_label = "Enterprise Zone sites"
    list_display = [
        "name",
        "local_authority",
        "zone_round",
        "area_hectares",
        LiveStatusTagColumn(label="Publication"),
    ]
    list_filter = ["local_authority", "zone_round", "incentive", "live"]
    search_fields = ["name", "place", "sectors"]
    list_export = [
        "name",
        "slug",
        "local_authority",
        "place",
        "zone_round",
        "incentive",
        "area_hectares",
        "latitude",
        "longitude",
        "location_is_approximate",
        "source",
        "live",
    ]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="What the file holds", choices=KINDS.items())
    file = forms.FileField(
        label="CSV file",
        allow_empty_file=True,
        help_text="UTF-8 CSV with a first line of column names, as in the open data "
        "files (e.g. projects.csv). Nothing is changed until you confirm the preview.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 50 MB: split it.")
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose a .csv file.")
        return upload


class PublishForm(forms.Form):
    publish = forms.TypedChoiceField(
        label="Save the rows",
        choices=[
            ("", "As drafts, to check and publish one by one"),
            ("yes", "Published at once"),
        ],
        coerce=bool,
        empty_value=False,
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )


class ApplyForm(PublishForm):
    payload = forms.CharField(widget=forms.HiddenInput)


def _check_permission(user, kind):
    model = IMPORTERS[kind].model
    opts = model._meta
    codenames = [f"{opts.app_label}.add_{opts.model_name}"]
    codenames.append(f"{opts.app_label}.change_{opts.model_name}")
    if not user.has_perms(codenames):
        raise PermissionDenied


def can_import(user):
    return any(
        user.has_perm(f"funding.add_{importer.model._meta.model_name}")
        for importer in IMPORTERS.values()
    )


def import_view(request):
    """Upload, preview (a dry run), then apply the signed, unchanged file."""
    if not can_import(request.user):
        raise PermissionDenied
    context = {"form": ImportForm(), "kinds": column_lists()}
    if request.method == "POST" and "payload" in request.POST:
        apply_form = ApplyForm(request.POST)
        try:
            apply_form.is_valid()
            kind, data = signing.loads(
                apply_form.cleaned_data.get("payload", ""),
                salt=SIGNING_SALT,
                max_age=3600,
            )
        except (signing.BadSignature, ValueError):
            messages.error(request, "The preview has expired: upload the file again.")
            return redirect("funding_import:index")
        _check_permission(request.user, kind)
        if import_jobs.busy(kind):
            messages.error(request, str(import_jobs.ImportBusy(kind)))
            return redirect("funding_import:index")
        publish = apply_form.cleaned_data["publish"]
        report = import_csv(data, kind, user=request.user, publish=publish)
        if report.ok:
            messages.success(request, report.summary())
            return redirect("funding_import:index")
        context["report"] = report
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            _check_permission(request.user, kind)
            upload = form.cleaned_data["file"]
            if upload.size >= import_jobs.BACKGROUND_FROM_BYTES:
                return start_in_background(request, kind, upload)
            data = upload.read()
            report = import_csv(data, kind, dry_run=True)
            context["report"] = report
            if report.ok and (report.created or report.updated):
                text = data.decode("utf-8-sig")
                payload = signing.dumps((kind, text), salt=SIGNING_SALT, compress=True)
                context["apply_form"] = ApplyForm(initial={"payload": payload})
    return TemplateResponse(request, "funding/admin/import.html", context)


def start_in_background(request, kind, upload):
    """A large file: stored, checked by the job worker, its progress shown."""
    try:
        run = import_jobs.start(kind, upload.name, upload.read(), request.user)
    except import_jobs.ImportBusy as busy:
        messages.error(request, str(busy))
        return redirect("funding_import:index")
    return redirect("funding_import:run", run.pk)


def _run_for(request, pk):
    run = ImportRun.objects.filter(pk=pk).defer("data").first()
    if run is None or run.kind not in IMPORTERS:
        raise Http404
    _check_permission(request.user, run.kind)
    return run


def run_view(request, pk):
    """A background import: its progress while it runs, then its result."""
    run = _run_for(request, pk)
    import_jobs.end_if_stalled(run)
    context = {
        "run": run,
        "kind_label": KINDS[run.kind],
        "report": run.report,
        "progress": import_jobs.progress(run) if run.is_active else None,
    }
    if run.status == ImportRun.Status.PREVIEWED:
        context["apply_form"] = PublishForm()
    return TemplateResponse(request, "funding/admin/import_run.html", context)


def apply_run_view(request, pk):
    """Queue the writing of a file the job worker has checked."""
    run = _run_for(request, pk)
    if request.method != "POST":
        return redirect("funding_import:run", run.pk)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        queued = import_jobs.apply(
            run, request.user, form.cleaned_data.get("publish", False)
        )
    except import_jobs.ImportBusy as busy:
        messages.error(request, str(busy))
        return redirect("funding_import:run", run.pk)
    if not queued:
        messages.error(
            request, "This import has already been applied: upload the file again."
        )
    return redirect("funding_import:run", run.pk)


def column_lists():
    """For each kind of file: its columns, as the page lists them."""
    return [
        {"kind": kind, "label": label, "columns": IMPORTERS[kind].all_columns()}
        for kind, label in KINDS.items()
    ]


def template_view(request, kind):
    """The empty CSV file to fill in: the first line names every column."""
    if not can_import(request.user):
        raise PermissionDenied
    if kind not in IMPORTERS:
        raise Http404
    response = HttpResponse(
        IMPORTERS[kind].template_csv(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.csv"'
    return response


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class ImportViewSet(ViewSet):
    name = "funding_import"
    icon = "upload"
    menu_label = "Import CSV"
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", import_view, name="index"),
            path("template/<slug:kind>.csv", template_view, name="template"),
            path("runs/<int:pk>/", run_view, name="run"),
            path("runs/<int:pk>/apply/", apply_run_view, name="apply_run"),
        ]


class FundingGroup(SnippetViewSetGroup):
    menu_label = "Funding"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        FundViewSet,
        FigureViewSet,
        FundRoundViewSet,
        FundedProjectViewSet,
        EnterpriseZoneSiteViewSet,
        SourceViewSet,
        ImportViewSet,
    )


register_snippet(FundingGroup)
