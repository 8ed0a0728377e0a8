"""A settings module as a fresh server process would load it, with only the
environment a test gives it, evaluated in the test's own process."""

import importlib
import os
import sys
from unittest import mock

PACKAGE = "portal.settings"
REAL_KEY = "k" * 20 + "-a-long-random-production-secret-value-0123456789"
HOSTS = "portal.example.org"


def load(name=f"{PACKAGE}.production", **env):
    """The module ``name`` (production by default) loaded afresh with ``env`` as the
    whole environment. The test run's own settings are left as they were."""
    package = sys.modules[PACKAGE]
    attributes = dict(vars(package))
    try:
        with mock.patch.dict(os.environ, env, clear=True), mock.patch.dict(sys.modules):
            for loaded in [
                module for module in sys.modules if module.startswith(PACKAGE + ".")
            ]:
                del sys.modules[loaded]
            return importlib.import_module(name)
    finally:
        vars(package).clear()
        vars(package).update(attributes)


def production(**env):
    """Production settings with a real key and host names, and ``env``."""
    return load(DJANGO_SECRET_KEY=REAL_KEY, DJANGO_ALLOWED_HOSTS=HOSTS, **env)
