"""Starting content for this app, added by `manage.py seed_portal`."""


def seed(log=print):
    return 0
