"""The portal's settings, read from the environment in this one place.

Every mode starts here: ``production.py`` (the default of ``manage.py`` and
``wsgi.py``), ``development.py`` (``make run``) and ``test.py`` (``make test``) change
only what differs. Values that the mode decides when the environment leaves them
unset (the secret key, allowed hosts, two-factor) are read here as unset, and each
mode fills them in. docs/configuration.md lists every variable.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parents[2]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = False
# Empty when unset: production refuses to start without them, development fills them.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "portal",
    "strategy",
    "meetings",
    "funding",
    "subscriptions",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "leaflet",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.headers.ContentSecurityPolicyMiddleware",
    "portal.security.headers.PermissionsPolicyMiddleware",
    "portal.security.unreadable_requests.RefuseUnreadableRequestsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and auth: it answers anonymous visitors before them.
    "portal.caching.page_cache.PageCacheMiddleware",
    "portal.caching.routing.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.security.two_factor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Says what an Approve from the dashboard's row menu did (Wagtail says nothing).
    "portal.workflow_messages.WorkflowActionMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.security.ratelimit.RefuseWhenUncountedMiddleware",
    # Axes turns a locked-out sign-in into its lockout page: it must come last.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Each process compiles a template once. Django 5.2 does this by default,
            # DEBUG on or off (runserver still reloads changed templates); stated here
            # so production never depends on a default.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the scheduler and the job worker share one file: readers never
    # wait for a writer (WAL), and a writer takes the lock when its transaction starts
    # and waits its turn, instead of failing with "database is locked" half-way. (With
    # WAL, EXCLUSIVE locks out other writers only, as IMMEDIATE does; it is the mode
    # the job worker's own locking expects.)
    SQLITE_OPTIONS = {"transaction_mode": "EXCLUSIVE", "timeout": 20}
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Work that takes longer than a request (large imports, reading scanned papers) is
# queued in the database and done by the job worker beside the web server
# (``manage.py run_jobs``, see portal/ops/jobs.py). Wagtail's own tasks (search index
# updates) stay immediate.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Fail open (portal/caching/backends.py): without Redis, pages are built afresh.
    # A refused or silent Redis costs a request at most half a second, never retries.
    CACHES = {
        "default": {
            "BACKEND": "portal.caching.backends.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
            },
        }
    }
else:
    # Shared by every process using the same database, as files: measured faster
    # than the database's own cache (docs/reliability.md). Kept objects are pickles,
    # so the folder must be the site's own (Django makes it readable by its owner).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(
                os.environ.get("DJANGO_CACHE_ROOT", BASE_DIR / "private" / "cache")
            )
            / hashlib.sha256(
                "|".join(
                    str(DATABASES["default"].get(part) or "")
                    for part in ("HOST", "PORT", "NAME")
                ).encode()
            ).hexdigest()[:12],
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Sessions live in the database alone: a cache that is down, flushed or restored from
# before a sign-out never signs anyone in or out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole public pages for anonymous visitors, forgotten whenever public content changes
# (portal/caching/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# A CDN or caching proxy in front of the portal is told which URLs to drop on each
# change: an HTTP PURGE to FRONTEND_CACHE_PURGE_URL (Varnish, nginx), and/or
# Cloudflare or CloudFront through their APIs.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "portal.security.uploads_storage.WholeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Board meeting papers: see MEETINGS_PRIVATE_ROOT and MEETINGS_PRIVATE_BUCKET.
    "meetings_private": {"BACKEND": "meetings.storage.PrivateMeetingStorage"},
}

# Object storage (S3 or any S3-compatible service) for uploads, so that app servers
# keep no files of their own. Images and documents go to AWS_STORAGE_BUCKET_NAME, read
# by the public through AWS_S3_CUSTOM_DOMAIN (a CDN) or the bucket's own URL; meeting
# papers go to MEETINGS_PRIVATE_BUCKET, which must not be readable by the public: the
# download view streams them after its publication check.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEETINGS_PRIVATE_BUCKET = os.environ.get("MEETINGS_PRIVATE_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    if (
        not MEETINGS_PRIVATE_BUCKET
        or MEETINGS_PRIVATE_BUCKET == AWS_STORAGE_BUCKET_NAME
    ):
        raise ImproperlyConfigured(
            "With AWS_STORAGE_BUCKET_NAME set, set MEETINGS_PRIVATE_BUCKET to a "
            "second, private bucket for Board meeting papers: they must never share "
            "the public bucket."
        )
    _S3_CONNECTION = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID", ""),
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3_CONNECTION,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public, unsigned URLs: signed ones would expire inside cached pages.
            "querystring_auth": False,
        },
    }
    STORAGES["meetings_private"] = {
        "BACKEND": "meetings.storage.PrivateMeetingS3Storage",
        "OPTIONS": {**_S3_CONNECTION, "bucket_name": MEETINGS_PRIVATE_BUCKET},
    }

# Email: the console in development; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Sessions end after DJANGO_SESSION_HOURS, and at browser close unless "Remember me".
SESSION_COOKIE_AGE = int(float(os.environ.get("DJANGO_SESSION_HOURS", "8")) * 3600)

# Login protection: after AXES_FAILURE_LIMIT wrong passwords (or wrong two-factor codes)
# for one username from one address, that pair is locked out for the cool-off time.
# Locking the pair, not the username, keeps an attacker from locking an editor out
# everywhere. Every failure is logged; Settings › Login lockouts lists and unlocks them.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "60"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "portal.security.login_protection.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.security.login_protection.client_ip_address"
AXES_VERBOSE = False
# How many proxies in front of the app append to X-Forwarded-For; 0 trusts none of it.
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication (TOTP) for every admin account. None when unset: on in
# production, off in development.
PORTAL_REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", default=None)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "North East LEP portal")
# Each wrong code doubles the wait before the next one is checked (1 s, 2 s, 4 s...).
OTP_TOTP_THROTTLE_FACTOR = 1


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    "loggers": {
        # Wagtail runs its search and reference index updates as immediate tasks.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "INFO"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "North East LEP"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# English stemming on PostgreSQL, whatever the server's default, as SQLite's full-text
# table stems with Porter (portal/migrations/0008): "zones" finds "zone" on both.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    }
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Dates and times are also read as people type them (portal/formats/en_GB/formats.py).
FORMAT_MODULE_PATH = ["portal.formats"]
# The admin shows every time as UK time (portal/uk_time.py): no other zone to pick.
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
# Its renditions are made on upload (portal/images.py), not on the first page view.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
# Documents always go through Wagtail's view, which checks collection privacy, rather
# than a redirect to the file's storage URL, which anyone could pass on.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "xlsx"]
# Every document's content is checked against its name (portal/security/documents.py),
# and only PDFs open in the browser: anything else is downloaded, never shown as a page.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.security.documents.CheckedDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
DOCUMENTS_MAX_UPLOAD_MB = int(os.environ.get("DOCUMENTS_MAX_UPLOAD_MB", "50"))
# No SVG: it can carry scripts. Wagtail opens each image and refuses a file whose
# content is not the format its name says, or one that would decompress too large.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = (
    int(os.environ.get("IMAGES_MAX_UPLOAD_MB", "10")) * 1024 * 1024
)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Editors' email addresses are not sent to a third party for avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org about releases: the admin policy forbids it.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Request limits, set on purpose. The meeting documents formset posts about ten
# fields per paper, so a meeting with a few hundred papers needs thousands of fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A Board secretary may upload every paper of a meeting at once.
DATA_UPLOAD_MAX_NUMBER_FILES = 100
# Form fields other than files (a page with a long body posts its StreamField as JSON).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploads larger than this are written to a temporary file instead of held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Funding: the Enterprise Zone map's tiles, and the 360Giving identifier prefix.
# Register a prefix with 360Giving before publishing; the default says it is not one.
FUNDING_MAP_TILE_URL = os.environ.get(
    "FUNDING_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
FUNDING_MAP_ATTRIBUTION = os.environ.get(
    "FUNDING_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    "contributors",
)
FUNDING_360GIVING_PREFIX = os.environ.get(
    "FUNDING_360GIVING_PREFIX", "360G-nelep-example"
)
# Imported places must fall in this box (decimal degrees): the North East LEP area
# (County Durham, Tyne and Wear, Northumberland) with about 10 km to spare.
FUNDING_REGION = {
    "name": "the North East LEP area",
    "south": 54.35,
    "north": 55.90,
    "west": -2.80,
    "east": -1.00,
}


def origin_of(url):
    """``https://tile.example.org`` from a URL template; ``{s}.`` becomes ``*.``."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    host = parts.netloc
    if "{" in host:
        host = "*." + host.split("}.", 1)[-1]
    return f"{parts.scheme}://{host}"


def uploaded_file_origins():
    """Where uploaded images are shown from when they live in object storage."""
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        return []
    if domain := os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := os.environ.get("AWS_S3_ENDPOINT_URL"):
        return [origin_of(endpoint)]
    return ["https://*.amazonaws.com"]


# Content Security Policy. Public pages run no inline script or style, so they get a
# strict policy without nonces (pages are cached whole). The admin's page editor needs
# inline script and style, so /admin/ gets ADMIN_CONTENT_SECURITY_POLICY instead
# (portal/security/headers.py chooses by path).
IMAGE_ORIGINS = [
    origin
    for origin in [origin_of(FUNDING_MAP_TILE_URL), *uploaded_file_origins()]
    if origin
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *IMAGE_ORIGINS],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *IMAGE_ORIGINS],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF],
        # The page editor shows its preview of the page in a frame.
        "frame-ancestors": [SELF],
    }
}
# Browser features the portal never uses, switched off for every response.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Board meeting papers live outside MEDIA_ROOT so that no static or media URL can serve
# them: only the meetings download view does, after its publication check.
MEETINGS_PRIVATE_ROOT = Path(
    os.environ.get("MEETINGS_PRIVATE_ROOT", BASE_DIR / "private" / "meetings")
)
MEETINGS_UPLOAD_EXTENSIONS = env_list(
    "MEETINGS_UPLOAD_EXTENSIONS", "pdf,docx,xlsx,pptx,odt,ods,odp,csv"
)
MEETINGS_MAX_UPLOAD_MB = int(os.environ.get("MEETINGS_MAX_UPLOAD_MB", "50"))
# Whether a paper that fails the accessibility checks (untagged, no title or language,
# scanned) may still be published; when it is, the warning is kept in its history.
MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS = env_bool(
    "MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS", True
)
# Papers of meetings more than this many months ago leave the meeting's public list,
# with a way to ask for them in their place; 0 lists every paper however old.
MEETINGS_PAPERS_LISTED_MONTHS = int(
    os.environ.get("MEETINGS_PAPERS_LISTED_MONTHS", "0")
)
