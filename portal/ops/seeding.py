"""The starting content of a new site, added by each app's seed step.

Each app registers a step from its ``AppConfig.ready``; ``manage.py seed_portal`` runs
them in the order of ``INSTALLED_APPS`` (the strategy app's first: it makes the home
page the others hang their pages under). A step adds only what is missing, never
changes what an editor has edited, and returns how many items it created.
"""

_steps = []


def register(step):
    """``step(log=...)`` adds an app's missing seed content and returns a count."""
    _steps.append(step)


def seed_everything(log=print):
    """Run every registered step; return how many items they created in all."""
    return sum(step(log=log) for step in _steps)
