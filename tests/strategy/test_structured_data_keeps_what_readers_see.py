"""Search engines read the same content as visitors: FAQ answers keep their paragraphs
and every Enterprise Zone site has a description of its own."""

import json
import re

import pytest

from funding.models import EnterpriseZoneSite

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]


def test_faq_answers_keep_their_paragraph_breaks(client, strategy_site):
    (data,) = json_ld(client.get("/faqs/").content.decode())
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in data["mainEntity"]}

    answer = answers["What funding has the LEP secured for the North East?"]
    assert "for the North East.\n\nWith partners" in answer
    assert "<" not in answer


def test_each_enterprise_zone_site_describes_itself(seeded_site):
    descriptions = list(
        EnterpriseZoneSite.objects.values_list("description", flat=True)
    )

    assert len(set(descriptions)) == len(descriptions) == 18
    iamp = EnterpriseZoneSite.objects.get(name__contains="IAMP")
    assert "in South Tyneside and Sunderland" in iamp.description
