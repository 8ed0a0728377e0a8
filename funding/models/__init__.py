from funding.models.funding import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundRound,
    LocalAuthority,
    Source,
)
from funding.models.pages import FundingIndexPage

__all__ = [
    "EnterpriseZoneSite",
    "Figure",
    "Fund",
    "FundedProject",
    "FundRound",
    "FundingIndexPage",
    "LocalAuthority",
    "Source",
]
