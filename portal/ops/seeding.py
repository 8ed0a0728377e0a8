"""The starting content of a new site, added by each app's seed step.

Each app registers a step from its ``AppConfig.ready``; ``manage.py seed_portal`` runs
them in the order of ``INSTALLED_APPS`` (the strategy app's first: it makes the home
page the others hang their pages under). A step adds only what is missing, never
changes what an editor has edited, and returns how many items it created.
"""

_steps = {}


def register(name, step):
    """``step(log=...)`` adds an app's missing seed content and returns a count."""
    _steps[name] = step


def steps():
    """The registered steps by name, in the order they run."""
    return dict(_steps)


def seed_everything(log=print, only=None):
    """Run every registered step (or those named in ``only``); return how many
    items they created in all."""
    return sum(
        step(log=log) for name, step in _steps.items() if only is None or name in only
    )
