"""The organisation: the secretariat's divisions, the city's agencies, users and their roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..choices import RoleCode
from ..querysets import RestrictedQuerySet


class BilingualNameMixin(models.Model):
    """A record with a Traditional Chinese name and an English one, shown by the active language."""

    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        lang = get_language() or ""
        return self.name_en if lang.startswith("en") and self.name_en else self.name


class Division(BilingualNameMixin):
    """A division (組、室、中心) of the secretariat: the unit that owns records and sees them."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    short_name = models.CharField(_("short name"), max_length=30)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RestrictedQuerySet.as_manager()
    division_path = "pk"
    is_reference_data = True

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")

    def __str__(self):
        return self.display_name


class Agency(BilingualNameMixin):
    """An agency (機關) of the city government: petitions, documents and visits are routed to them."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    short_name = models.CharField(_("short name"), max_length=30, unique=True)
    short_name_en = models.CharField(_("English short name"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        lang = get_language() or ""
        return (
            self.short_name_en if lang.startswith("en") and self.short_name_en else self.short_name
        )


class Role(models.Model):
    """A role a user holds; what each role may do is decided in `mishu.core.permissions`."""

    code = models.CharField(_("code"), max_length=20, choices=RoleCode.choices, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return str(RoleCode(self.code).label)


class User(AbstractUser):
    """A member of staff: belongs to one division and holds roles."""

    division = models.ForeignKey(
        Division,
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    roles = models.ManyToManyField(Role, verbose_name=_("roles"), blank=True, related_name="users")
    title = models.CharField(_("job title"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def role_codes(self) -> set[str]:
        """The codes of the roles this user holds (cached on the instance)."""
        if not hasattr(self, "_role_codes"):
            self._role_codes = set(self.roles.values_list("code", flat=True)) if self.pk else set()
        return self._role_codes

    def has_role(self, *codes: str) -> bool:
        """Whether the user holds any of the given roles; a superuser holds them all."""
        return self.is_superuser or bool(self.role_codes() & set(codes))

    def __str__(self):
        full = self.get_full_name().strip()
        return full or self.username
