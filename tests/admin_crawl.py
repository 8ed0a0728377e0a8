"""The admin crawl: every screen the admin offers one user, found from Wagtail's own
registries, so a model registered tomorrow is crawled without editing the tests.

A ``Screen`` is a URL to GET and whether the user's permissions reach it:
``True`` (it must open), ``False`` (it must refuse: 403, or a redirect to the
dashboard or the sign-in) or ``None`` (nothing to derive: it must only not fail).
What reaches is worked out from the model's permission policy, which reads the
permissions the user's groups hold, and the actions each kind of screen needs, as
Wagtail's generic views ask for them.
"""

import re
import time
import traceback
from dataclasses import dataclass
from urllib.parse import urlencode, urlparse

from django.db import transaction
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape
from wagtail.admin.menu import admin_menu
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.forms.utils import get_form_types, get_forms_for_user
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, RevisionMixin, Site, get_page_models
from wagtail.permissions import policy_registry

ANY = frozenset({"add", "change", "delete", "view"})
# The actions, any of which opens each kind of viewset screen (by URL name).
NEEDS = {
    "index": ANY,
    "list": ANY,
    "add": {"add"},
    "edit": {"change"},
    "delete": {"delete"},
    "history": {"add", "change", "delete"},
    "usage": {"change"},
    "inspect": ANY,
    "revisions_view": {"change"},
    "revisions_compare": {"change"},
    # A chooser lists a model's objects: it is for those whose work is that model.
    "choose": ANY | {"choose"},
    "choose_results": ANY | {"choose"},
    "chosen": ANY | {"choose"},
}
CHOOSER_SCREENS = {"choose", "choose_results", "chosen"}
# Viewset URL names that are not screens to GET, and why.
NOT_SCREENS = {
    "run": "a background import's page, only after an upload: its own tests cover it",
    "apply_run": "posted by a background import's preview",
    "index_results": "the list's own results, fetched by its search and filters",
    "list_results": "the list's own results, fetched by its search and filters",
    "history_results": "the history's own results",
    "preview_on_add": "posted by the form",
    "preview_on_edit": "posted by the form",
    "revisions_revert": "an edit form of an old revision: edit covers it",
    "revisions_unschedule": "only for a scheduled revision",
    "reorder": "posted by drag and drop",
    "copy": "the add form, filled in: add and edit cover it",
    "lock": "posted",
    "unlock": "posted",
    "unpublish": "a confirmation for a live object: needs publish",
    "workflow_action": "only during a workflow",
    "collect_workflow_action_data": "only during a workflow",
    "confirm_workflow_cancellation": "only during a workflow",
    "workflow_preview": "only during a workflow",
    "workflow_history": "covered by history",
    "workflow_history_detail": "only after a workflow",
    "chosen_multiple": "posted by a multiple chooser",
    "create": "posted by the chooser's upload form",
    "select_format": "the image chooser's step for rich text, after choosing",
    "template": "the import's template CSV, a download tested in tests/funding",
}
# Parameterless admin URLs that are not screens: signing out, deliberate errors,
# sign-in and password reset (for the signed-out), and assets.
NOT_SCREEN_URL_NAMES = {
    "wagtailadmin_logout",
    "wagtailadmin_error_test",
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_dismissibles",
    "wagtailadmin_block_preview",
}
WORD = re.compile(r"[A-Za-z]{4,}")


@dataclass(frozen=True)
class Screen:
    url: str
    what: str  # the model's label, then the kind of screen: "funding.fund list"
    reaches: bool | None = None
    # For a chooser: how its newest object reads. Wagtail's image and document
    # choosers open for anyone, listing only what the user may choose: beyond the
    # user's work, a chooser passes if it refuses or shows no object.
    newest_object: str = ""

    @property
    def model(self):
        return self.what.split(" ")[0]

    @property
    def kind(self):
        return self.what.split(" ")[1]


@dataclass
class Visit:
    screen: Screen
    status: int
    location: str = ""
    body: str = ""
    error: str = ""
    seconds: float = 0.0

    @property
    def shows_an_object(self):
        newest = self.screen.newest_object
        return not newest or newest in self.body or escape(newest) in self.body

    @property
    def refused(self):
        if self.status == 403:
            return True
        return self.status in (301, 302) and _is_refusal(self.location)


def admin_request(user):
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    return request


def _menu_urls(menu, request):
    for item in menu.menu_items_for_request(request):
        if hasattr(item, "menu"):
            yield from _menu_urls(item.menu, request)
        else:
            yield item.label, item.url


def menu_screens(user):
    """Every entry of the main menu, submenus and Settings included, shown to
    ``user``: each must open."""
    admin_prefix = reverse("wagtailadmin_home")
    return [
        Screen(url, f"menu {label}", True)
        for label, url in _menu_urls(admin_menu, admin_request(user))
        if url.startswith(admin_prefix)
    ]


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, pattern


def _parameters(pattern):
    return set(pattern.pattern.regex.groupindex) | set(
        getattr(pattern.pattern, "converters", {})
    )


def parameterless_screens():
    """Every named admin URL that takes no parameter (lists, add forms, reports,
    account pages): each must not fail."""
    admin_prefix = reverse("wagtailadmin_home")
    screens = {}
    for name, pattern in _url_names(get_resolver().url_patterns):
        if name in NOT_SCREEN_URL_NAMES or pattern.pattern.regex.groups:
            continue
        url = reverse(name)
        if url.startswith(admin_prefix) and name.split(":")[-1] not in NOT_SCREENS:
            screens[url] = Screen(url, f"admin-url {name}")
    return list(screens.values())


def sample(model):
    """The object whose screens are crawled: the newest, so the crawl sees the
    objects a test has just made."""
    return model._default_manager.order_by("-pk").first()


def search_word(obj):
    words = WORD.findall(str(obj))
    return max(words, key=len) if words else "example"


def _reaches(policy, user, actions):
    return policy.user_has_any_permission(user, sorted(actions))


def _object_kwargs(params, obj):
    kwargs = {"pk": obj.pk}
    if {"revision_id", "revision_id_a"} & params:
        revision = obj.latest_revision if isinstance(obj, RevisionMixin) else None
        if revision is None:
            return None
        kwargs |= {
            "revision_id": revision.pk,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
        }
    return {key: value for key, value in kwargs.items() if key in params}


def filter_queries(viewset, user):
    """One query string for each choice of each filter of the viewset's list."""
    index_view = viewset.index_view.view_class(**viewset.index_view.view_initkwargs)
    index_view.setup(admin_request(user))
    filters = index_view.filters
    if not filters:
        return []
    queries = []
    for name, field in filters.form.fields.items():
        for value, _label in getattr(field, "choices", []):
            value = getattr(value, "value", value)
            if value not in ("", None, "unknown"):
                queries.append({name: value})
    return queries


def viewset_screens(user):
    """Each model viewset's screens (snippets, users, groups, sites and any other
    registered through the hooks), and each chooser's, for its newest object."""
    screens = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet | ChooserViewSet) or model is None:
            continue
        model = resolve_model_string(model)
        policy = policy_registry.get_by_type(model)
        obj = sample(model)
        label = model._meta.label_lower
        for pattern in viewset.get_urlpatterns():
            name, params = pattern.name, _parameters(pattern)
            if name not in NEEDS:
                continue
            reaches = _reaches(policy, user, NEEDS[name])
            url_name = f"{viewset.url_namespace}:{name}"
            if params:
                kwargs = _object_kwargs(params, obj) if obj is not None else None
                if kwargs is None:
                    continue
                url = reverse(url_name, kwargs=kwargs)
                # A role may hold a permission in some collections only (Board
                # secretaries' images): a screen of one object asks about that one.
                reaches = policy.user_has_any_permission_for_instance(
                    user, sorted(NEEDS[name]), obj
                )
            else:
                url = reverse(url_name)
            newest = str(obj) if obj is not None and name in CHOOSER_SCREENS else ""
            screens.append(Screen(url, f"{label} {name}", reaches, newest))
            if name in ("index", "list") and not reaches:
                continue  # the same view refuses, whatever the query
            if name in ("index", "list", "choose_results"):
                query = {"q": search_word(obj)} if obj is not None else {"q": "example"}
                screens.append(
                    Screen(
                        f"{url}?{urlencode(query)}",
                        f"{label} {name} search",
                        reaches,
                        newest,
                    )
                )
            if name in ("index", "list"):
                for query in filter_queries(viewset, user):
                    screens.append(
                        Screen(
                            f"{url}?{urlencode(query)}",
                            f"{label} {name} filtered",
                            reaches,
                        )
                    )
    return screens


def page_screens(user):
    """For each page type: the explorer listing it, its add form under a parent it
    may have, and the edit, history, revisions and delete screens of its newest
    page."""
    screens = []
    for model in get_page_models():
        if model is Page:
            continue
        label = model._meta.label_lower
        page = sample(model)
        parents = [
            parent
            for parent_model in model.allowed_parent_page_models()
            for parent in parent_model.objects.all()[:1]
        ]
        for parent in parents:
            perms = parent.permissions_for_user(user)
            screens.append(
                Screen(
                    reverse(
                        "wagtailadmin_pages:add",
                        args=[model._meta.app_label, model._meta.model_name, parent.pk],
                    ),
                    f"{label} add under {parent.specific_class.__name__}",
                    perms.can_add_subpage() and model.can_create_at(parent),
                )
            )
        if page is None:
            continue
        perms = page.permissions_for_user(user)
        can_edit = perms.can_edit()
        explorable = policy_registry.get_by_type(Page).user_has_any_permission(
            user, ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
        )
        screens += [
            Screen(
                reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
                f"{label} explorer listing",
                explorable,
            ),
            Screen(
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                f"{label} edit",
                can_edit,
            ),
            Screen(
                reverse("wagtailadmin_pages:history", args=[page.pk]),
                f"{label} history",
                can_edit,
            ),
            Screen(
                reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
                f"{label} revisions",
                can_edit,
            ),
            Screen(
                reverse("wagtailadmin_pages:delete", args=[page.pk]),
                f"{label} delete",
                perms.can_delete(),
            ),
        ]
        if revision := page.latest_revision:
            screens.append(
                Screen(
                    reverse(
                        "wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]
                    ),
                    f"{label} revision",
                    can_edit or perms.can_publish(),
                )
            )
    return screens


def settings_screens(user):
    screens = []
    site = Site.objects.get(is_default_site=True)
    for model in settings_registry:
        app, name = model._meta.app_label, model._meta.model_name
        reaches = _reaches(policy_registry.get_by_type(model), user, {"change"})
        screens.append(
            Screen(
                reverse("wagtailsettings:edit", args=[app, name, site.pk]),
                f"{model._meta.label_lower} setting",
                reaches,
            )
        )
    return screens


def form_screens(user):
    """The submissions of every form page."""
    readable = set(get_forms_for_user(user).values_list("pk", flat=True))
    return [
        Screen(
            reverse("wagtailforms:list_submissions", args=[page.pk]),
            f"{page.specific_class._meta.label_lower} submissions",
            page.pk in readable,
        )
        for page in Page.objects.filter(content_type__in=get_form_types())
    ]


def library_screens(user):
    """The edit, delete and usage screens of the newest image, document and
    redirect: Wagtail's own areas that are not viewsets."""
    library = [
        (get_image_model(), "wagtailimages", "image_id", "image_usage"),
        (get_document_model(), "wagtaildocs", "document_id", "document_usage"),
        (Redirect, "wagtailredirects", "redirect_id", None),
    ]
    screens = []
    for model, namespace, parameter, usage in library:
        obj = sample(model)
        if obj is None:
            continue
        policy = policy_registry.get_by_type(model)
        label = model._meta.label_lower
        for name, action in (("edit", "change"), ("delete", "delete"), (usage, None)):
            if name is None:
                continue
            reaches = (
                policy.user_has_permission_for_instance(user, action, obj)
                if action
                else None
            )
            url = reverse(f"{namespace}:{name}", kwargs={parameter: obj.pk})
            screens.append(Screen(url, f"{label} {name}", reaches))
    return screens


def every_screen(user):
    """Everything the crawl visits for ``user``, each URL once."""
    screens = {}
    # Menu entries come last: where one leads to a model's screen (the Strategy menu's
    # theme pages), the screen keeps its model and kind.
    for screen in (
        viewset_screens(user)
        + page_screens(user)
        + settings_screens(user)
        + form_screens(user)
        + library_screens(user)
        + parameterless_screens()
        + menu_screens(user)
    ):
        known = screens.get(screen.url)
        if known is None or (known.reaches is None and screen.reaches is not None):
            screens[screen.url] = screen
    return list(screens.values())


def _summary(error):
    frames = traceback.extract_tb(error.__traceback__)
    project = [
        frame
        for frame in frames
        if "site-packages" not in frame.filename and "/tests/" not in frame.filename
    ]
    where = (project or frames)[-1]
    return f"{type(error).__name__}: {error} (at {where.filename}:{where.lineno})"


def _get(client, url):
    """The response, after the redirects that stay inside the admin's screens."""
    for _hop in range(3):
        response = client.get(url)
        location = response.get("Location", "")
        if response.status_code not in (301, 302) or _is_refusal(location):
            break
        url = location
    return response


def _is_refusal(location):
    path = urlparse(location).path
    return path in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"))


def visit(client, screen):
    """GET the screen; an exception in the view is kept, and the test's
    transaction rolled back to before it, so the crawl goes on."""
    started = time.perf_counter()
    try:
        with transaction.atomic():
            response = _get(client, screen.url)
    except Exception as error:  # noqa: BLE001 - every failure is reported together
        return Visit(screen, 500, error=_summary(error))
    body = b"".join(response) if response.streaming else response.content
    return Visit(
        screen,
        response.status_code,
        location=response.get("Location", ""),
        body=body.decode("utf-8", "replace"),
        seconds=time.perf_counter() - started,
    )
