"""Schedule 12A to the Local Government Act 1972, Part 1 (England): the descriptions
of exempt information under which an item may be taken in private.

The descriptions are the statute's words, as substituted by the Local Government
(Access to Information) (Variation) Order 2006 (SI 2006/88).
"""

from django.db import models

DESCRIPTIONS = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any "
    "particular person (including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or "
    "contemplated consultations or negotiations, in connection with any labour "
    "relations matter arising between the authority or a Minister of the Crown "
    "and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege "
    "could be maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes— (a) to give under "
    "any enactment a notice under or by virtue of which requirements are imposed "
    "on a person; or (b) to make an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection "
    "with the prevention, investigation or prosecution of crime.",
}


CHOICES = [(number, f"{number}. {text}") for number, text in DESCRIPTIONS.items()]


def paragraph_field(**kwargs):
    """A choice of paragraph 1–7, blank when the item is not exempt."""
    return models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        choices=CHOICES,
        null=True,
        blank=True,
        **kwargs,
    )


def exemption(paragraph, text=""):
    """What the public is told: 'Exempt under paragraph N of Schedule 12A: …'."""
    text = text.strip()
    if text and not text.endswith("."):
        text += "."
    if not paragraph:
        return text
    wording = DESCRIPTIONS[paragraph]
    return (
        f"Exempt under paragraph {paragraph} of Schedule 12A: {wording} {text}".strip()
    )
