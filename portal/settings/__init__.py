"""The portal's settings, one module per mode; all of them start from ``base``.

- ``production``: the default of ``manage.py`` and ``wsgi.py`` (``make serve``).
- ``development``: ``make run``.
- ``test``: ``make test`` (pytest's ``DJANGO_SETTINGS_MODULE``).
"""
