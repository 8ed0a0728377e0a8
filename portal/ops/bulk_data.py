"""Made-up data in bulk, for benchmarks: ``manage.py generate_bulk_data``.

Each app registers a generator with the counts it takes, and each count becomes an
option of the command (``--meetings``, ``--projects``...). A generator adds that many
records, labelled as made up, after ``seed_portal`` has run.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Generator:
    generate: object
    counts: dict


_generators = []


def register(generate, **counts):
    """``generate(log=..., **counts)`` adds records; ``counts`` maps each count's
    name to its help text, e.g. ``projects="Funded projects to add"``."""
    _generators.append(Generator(generate, counts))


def generators():
    return list(_generators)
