"""The environment turns on the shared services that let several app servers run."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests import settings_modules

S3 = {
    "AWS_STORAGE_BUCKET_NAME": "nelep-media",
    "MEETINGS_PRIVATE_BUCKET": "nelep-papers",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "eu-west-2",
    "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    "AWS_ACCESS_KEY_ID": "key-id",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def settings_with(**env):
    production = settings_modules.production(**env)
    return {
        "default": production.STORAGES["default"],
        "papers": production.STORAGES["meetings_private"],
        "sessions": production.SESSION_ENGINE,
        "cache": production.CACHES["default"]["BACKEND"],
        "page_cache": production.PAGE_CACHE_SECONDS,
        "cdn": production.WAGTAILFRONTENDCACHE,
    }


def test_shared_services_come_from_the_environment():
    shown = settings_with(
        **S3,
        REDIS_URL="redis://redis.internal:6379/0",
        PAGE_CACHE_SECONDS="600",
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
    )
    assert shown["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = shown["default"]["OPTIONS"]
    assert options["bucket_name"] == "nelep-media"
    assert options["custom_domain"] == "media.example.org"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["querystring_auth"] is False
    assert shown["papers"]["BACKEND"] == "meetings.storage.PrivateMeetingS3Storage"
    assert shown["papers"]["OPTIONS"]["bucket_name"] == "nelep-papers"
    assert "custom_domain" not in shown["papers"]["OPTIONS"]
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["cache"] == "portal.caching.backends.FailOpenRedisCache"
    assert shown["page_cache"] == 600
    assert shown["cdn"]["http"]["LOCATION"] == "http://varnish.internal:6081"


@pytest.mark.parametrize("papers", ["", "nelep-media"])
def test_a_public_bucket_without_a_private_one_for_papers_is_refused(papers):
    with pytest.raises(
        ImproperlyConfigured,
        match="set MEETINGS_PRIVATE_BUCKET to a second, private bucket",
    ):
        settings_modules.production(**{**S3, "MEETINGS_PRIVATE_BUCKET": papers})
