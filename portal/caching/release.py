"""The release a process runs: a digest of its code, its migrations and its pinned
packages, worked out once at start-up.

Kept pages and objects are stored under it (``portal.caching.changes``,
``portal.caching.page_cache``), so after a deploy no process reads what older code
rendered or pickled: a model that gained a field never meets an old pickle of itself.
"""

import functools
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
NOT_SHIPPED = {"tests", "bench"}


def _files():
    """The pinned packages, each app's Python files and the templates."""
    folders = [
        folder
        for folder in ROOT.iterdir()
        if (folder / "__init__.py").is_file() and folder.name not in NOT_SHIPPED
    ]
    found = [ROOT / "requirements.txt"]
    for folder in folders:
        found.extend(folder.rglob("*.py"))
        found.extend(folder.rglob("*.html"))
    found.extend(path for path in (ROOT / "templates").rglob("*") if path.is_file())
    return sorted(path.relative_to(ROOT) for path in found)


@functools.cache
def release():
    """A short digest that changes with any change to the code or its migrations."""
    digest = hashlib.sha256()
    for relative in _files():
        digest.update(str(relative).encode() + b"\0")
        digest.update((ROOT / relative).read_bytes())
    return digest.hexdigest()[:12]
