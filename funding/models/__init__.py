from funding.models.funding import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundRound,
    LocalAuthority,
    Source,
)
from funding.models.imports import ImportRun
from funding.models.pages import FundingIndexPage

__all__ = [
    "EnterpriseZoneSite",
    "Figure",
    "Fund",
    "FundedProject",
    "FundRound",
    "FundingIndexPage",
    "ImportRun",
    "LocalAuthority",
    "Source",
]
