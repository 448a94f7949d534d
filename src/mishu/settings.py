"""Mishu settings: sane defaults, read from the environment; SQLite when nothing is set.

MISHU_ENV=production switches on the deployment hardening that `mishu check --deploy` asks for.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("MISHU_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no setting from the environment."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("MISHU_ENV", "development") == "production"
DEBUG = env_bool("MISHU_DEBUG", default=not PRODUCTION)
SECRET_KEY = os.environ.get(
    "MISHU_SECRET_KEY", "" if PRODUCTION else "dev-only-insecure-key-change-me-for-production-use"
)
if PRODUCTION and len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("MISHU_SECRET_KEY must be set (50+ characters) in production.")
ALLOWED_HOSTS = env_list(
    "MISHU_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
)
CSRF_TRUSTED_ORIGINS = env_list("MISHU_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "mishu.core",
    "mishu.chronicle",
    "mishu.indicators",
    "mishu.kpis",
    "mishu.reports",
    "mishu.documents",
    "mishu.edocs",
    "mishu.petitions",
    "mishu.consultations",
    "mishu.facilities",  # legacy: migrations only
    "mishu.venues",
    "mishu.building",
    "mishu.properties",
    "mishu.procurement",
    "mishu.archives",
    "mishu.international",
    "mishu.research",
    "mishu.media",
    "mishu.gazette",
    "mishu.council",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mishu.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mishu.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mishu.core.middleware.AuditMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:  # in development, runserver and the test live server serve static files
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "mishu.urls"
WSGI_APPLICATION = "mishu.wsgi.application"
# Django's widget templates, with selects and plain inputs written in Python (core/renderers.py)
FORM_RENDERER = "mishu.core.renderers.FastRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mishu.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'mishu.sqlite3'}",
        conn_max_age=int(os.environ.get("MISHU_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers queue for the lock (IMMEDIATE: a transaction takes it at BEGIN, so two writers
    # never deadlock into "database is locked"); WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Covering indexes (INCLUDE) serve PostgreSQL; SQLite ignores the extra column, harmlessly.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Imports (every import page states them): upload size, rows under the header, columns, cells of
# the sheet's extent, and a spreadsheet's decompressed size and compression ratio (zip bombs).
MISHU_IMPORT_MAX_BYTES = int(os.environ.get("MISHU_IMPORT_MAX_MB", "50")) * 1024 * 1024
MISHU_IMPORT_MAX_ROWS = int(os.environ.get("MISHU_IMPORT_MAX_ROWS", "100000"))
MISHU_IMPORT_MAX_COLUMNS = int(os.environ.get("MISHU_IMPORT_MAX_COLUMNS", "100"))
MISHU_IMPORT_MAX_CELLS = int(os.environ.get("MISHU_IMPORT_MAX_CELLS", "2000000"))
MISHU_IMPORT_JOB_STALE_MINUTES = int(os.environ.get("MISHU_IMPORT_JOB_STALE_MINUTES", "10"))
# A list export of more rows than this runs as a job (progress page, download when done).
MISHU_EXPORT_JOB_ROWS = int(os.environ.get("MISHU_EXPORT_JOB_ROWS", "20000"))
# A list counts its rows up to this many; past it, it says "more than" (core.paginator).
MISHU_LIST_COUNT_LIMIT = int(os.environ.get("MISHU_LIST_COUNT_LIMIT", "10000"))
# On PostgreSQL a list's CSV is written by the server (COPY, core.copyexport); off: by Python.
MISHU_EXPORT_COPY = env_bool("MISHU_EXPORT_COPY", True)
# A job's file is deleted this many days after it was written (the job's record stays).
MISHU_EXPORT_KEEP_DAYS = int(os.environ.get("MISHU_EXPORT_KEEP_DAYS", "7"))
MISHU_IMPORT_MAX_UNCOMPRESSED = 200 * 1024 * 1024
MISHU_IMPORT_MAX_RATIO = 200

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mishu.core.backends.AddressThrottleBackend",
    "mishu.core.backends.HeldUserBackend",  # Django's ModelBackend, the user held per version
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five failures from one user name and address lock it for 15 minutes;
# too many failures from one address, whatever the names, refuse it too (core/backends.py).
AXES_FAILURE_LIMIT = int(os.environ.get("MISHU_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "mishu.core.ratelimit.client_ip"
# The addresses (or networks, e.g. 10.0.0.0/8) of the reverse proxies in front of Mishu. Only
# when a request comes from one of them is X-Forwarded-For read for the client's address (the
# rate limits and the log-in lockout key on it); empty: REMOTE_ADDR is the client.
MISHU_TRUSTED_PROXIES = env_list("MISHU_TRUSTED_PROXIES")
# Content-Security-Policy (core/middleware.py): report violations instead of blocking them.
MISHU_CSP_REPORT_ONLY = env_bool("MISHU_CSP_REPORT_ONLY")

LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "繁體中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security: secure by default, strict in production.
SESSION_ENGINE = "mishu.core.sessions"  # Django's database sessions, read by a plain statement
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("MISHU_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "mishu.core.api.authentication.AuditedSessionAuthentication",
        "mishu.core.api.authentication.AuditedTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["mishu.core.api.permissions.RestrictedObjectPermission"],
    "DEFAULT_PARSER_CLASSES": [
        "mishu.core.api.parsers.JSONParser",
        "mishu.core.api.parsers.FormParser",
        "mishu.core.api.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["mishu.core.api.filters.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "mishu.core.api.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "mishu.core.api.exceptions.exception_handler",
}
MISHU_API_MAX_PAGE_SIZE = int(os.environ.get("MISHU_API_MAX_PAGE_SIZE", "500"))
SPECTACULAR_SETTINGS = {
    "TITLE": "Mishu API",
    "DESCRIPTION": "秘書處業務平臺 API — the records, indicators and reports of the secretariat.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "mishu.core.api.schema.document_errors",
    ],
}

# Background jobs: without a broker they run in-process (embedded default).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TIMEZONE = TIME_ZONE
# Run by `celery -A mishu beat` in production; `mishu document_reminders`,
# `mishu petition_reminders` and `mishu facility_reminders` do the same from cron.
CELERY_BEAT_SCHEDULE = {
    "document-reminders": {
        "task": "mishu.documents.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "petition-reminders": {
        "task": "mishu.petitions.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=40),
    },
    "import-jobs-stale": {
        "task": "mishu.documents.tasks.fail_stale_imports",
        "schedule": crontab(minute="*/5"),
    },
    "export-jobs-stale": {
        "task": "mishu.core.tasks.fail_stale_exports",
        "schedule": crontab(minute="*/5"),
    },
    "export-files-purge": {
        "task": "mishu.core.tasks.purge_export_files",
        "schedule": crontab(hour=3, minute=10),
    },
    "facility-reminders": {
        "task": "mishu.building.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=50),
    },
    "trip-report-reminders": {
        "task": "mishu.international.tasks.daily_reminders",
        "schedule": crontab(hour=7, minute=55),
    },
}

CACHES = {
    "default": (
        {
            "BACKEND": "mishu.core.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

EMAIL_BACKEND = os.environ.get(
    "MISHU_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("MISHU_FROM_EMAIL", "mishu@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MISHU_LOG_LEVEL", "WARNING")},
}

MISHU = {
    # The office's document-number prefix, e.g. 府秘 in 府秘文字第1080000001號.
    "ORGANISATION_NAME": _("Taipei City Government Secretariat"),
    # The units whose outgoing documents the supervisor signs off (決行) before dispatch: a list
    # of division codes, or "*" for every unit (分層負責); [] lets units dispatch from sign-off.
    "DISPATCH_APPROVAL_DIVISIONS": "*",
}
