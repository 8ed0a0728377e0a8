"""Enter a code, add an authenticator app, remove it, and (superusers) reset one."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from portal.security.login_protection import lockout_response
from portal.security.two_factor.devices import (
    check_code,
    confirmed_device,
    device_to_confirm,
    secret_for_typing,
)
from portal.security.two_factor.forms import CodeForm


def next_url(request, default=None):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default or reverse("wagtailadmin_home")


class CodeFormView(FormView):
    """A form asking for a code from ``self.device``, counted by the lockout."""

    form_class = CodeForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)

    def form_valid(self, form):
        result = check_code(self.request, self.device, form.cleaned_data["code"])
        if result.locked_out:
            logout(self.request)
            return lockout_response(self.request)
        if not result.ok:
            form.add_error("code", result.error)
            return self.form_invalid(form)
        return self.code_accepted()


class VerifyView(CodeFormView):
    template_name = "portal/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None:
            return redirect(f"{reverse('two_factor:setup')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def code_accepted(self):
        otp_login(self.request, self.device)
        return redirect(next_url(self.request))


class SetupView(CodeFormView):
    template_name = "portal/two_factor/setup.html"

    def dispatch(self, request, *args, **kwargs):
        if confirmed_device(request.user):
            messages.info(request, "You already have an authenticator app.")
            return redirect("two_factor:manage")
        self.device = device_to_confirm(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        qr_code = segno.make(self.device.config_url, error="m")
        return super().get_context_data(
            qr_code_svg=qr_code.svg_inline(
                scale=5,
                light="#fff",
                title="QR code to scan with your authenticator app",
            ),
            secret=secret_for_typing(self.device),
            issuer=settings.OTP_TOTP_ISSUER,
            **kwargs,
        )

    def code_accepted(self):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        otp_login(self.request, self.device)
        messages.success(
            self.request,
            "Two-factor authentication is on: you will be asked for a code from "
            "your app each time you sign in.",
        )
        return redirect(next_url(self.request))


class ManageView(WagtailAdminTemplateMixin, CodeFormView):
    """The account menu's page: whether an app is set up, and removing it."""

    template_name = "portal/two_factor/manage.html"
    page_title = "Two-factor authentication"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            device=self.device, required=settings.PORTAL_REQUIRE_2FA, **kwargs
        )

    def post(self, request, *args, **kwargs):
        if self.device is None:
            return redirect("two_factor:manage")
        return super().post(request, *args, **kwargs)

    def code_accepted(self):
        TOTPDevice.objects.filter(user=self.request.user).delete()
        messages.success(self.request, "Your authenticator app has been removed.")
        return redirect("two_factor:manage")


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes someone's lost app, so they can add a new one."""

    template_name = "portal/two_factor/reset.html"
    page_title = "Reset two-factor authentication"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.get_username()

    def get_context_data(self, **kwargs):
        has_device = TOTPDevice.objects.filter(user=self.account).exists()
        return super().get_context_data(
            account=self.account, has_device=has_device, **kwargs
        )

    def post(self, request, *args, **kwargs):
        deleted, _ = TOTPDevice.objects.filter(user=self.account).delete()
        if deleted:
            log(instance=self.account, action="portal.reset_two_factor")
        messages.success(
            request,
            f"{self.account.get_username()} will be asked to add an authenticator "
            "app the next time they sign in.",
        )
        return redirect("wagtailusers_users:index")
