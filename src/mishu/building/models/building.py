"""What 公管中心's clerks record about the building that the report counts: the temporary stall
calls of 市府生活廣場 and their applications, equipment replacements, e-signage requests, the
progress reports of a building project, EMS installations in agency buildings, the staff
satisfaction survey and the repair and upkeep budget.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mishu.core.formats import format_date
from mishu.core.models import DivisionScopedModel, UrlMixin

from .upkeep import BuildingProject


def _dates_in_order(obj, first: str, last: str, message) -> None:
    start, end = getattr(obj, first), getattr(obj, last)
    if start and end and end < start:
        raise ValidationError({last: message})


def _same_division(obj, parent_field: str, message) -> None:
    """A part (an application, a response, a report) belongs to its parent's division."""
    parent = getattr(obj, parent_field, None) if getattr(obj, f"{parent_field}_id") else None
    if parent is None:
        return
    if obj.division_id is None:
        obj.division_id = parent.division_id
    elif obj.division_id != parent.division_id:
        raise ValidationError({parent_field: message})


class StallCall(UrlMixin, DivisionScopedModel):
    """A call for temporary stall vendors (臨時攤位招商) with the exhibition period it lets."""

    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=100, default="市府生活廣場")
    opens_on = models.DateField(_("exhibition from"))
    closes_on = models.DateField(
        _("exhibition until"),
        help_text=_("A call counts in the period in which its exhibition ends."),
    )
    stalls = models.PositiveIntegerField(_("stalls offered"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["-closes_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "title"],
                name="facilities_stallcall_title",
                violation_error_message=_("A stall call with this title already exists."),
            )
        ]
        verbose_name = _("stall call")
        verbose_name_plural = _("stall calls")

    def __str__(self):
        return self.title

    def clean(self):
        _dates_in_order(
            self, "opens_on", "closes_on", _("The exhibition cannot end before it starts.")
        )


class StallApplication(UrlMixin, DivisionScopedModel):
    """A vendor's application to a stall call, qualified (合格) or not after review."""

    call = models.ForeignKey(
        StallCall,
        verbose_name=_("stall call"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    vendor = models.CharField(_("vendor"), max_length=200)
    applied_on = models.DateField(_("applied on"))
    qualified = models.BooleanField(_("qualified"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["call", "applied_on", "vendor"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "vendor"],
                name="facilities_stall_vendor",
                violation_error_message=_("This vendor has already applied to this call."),
            )
        ]
        verbose_name = _("stall application")
        verbose_name_plural = _("stall applications")

    def __str__(self):
        return f"{self.call} – {self.vendor}"

    def clean(self):
        _same_division(self, "call", _("The call belongs to another division."))
        if self.call_id and self.applied_on and self.applied_on > self.call.closes_on:
            raise ValidationError(
                {"applied_on": _("An application cannot be received after the exhibition ends.")}
            )


class Equipment(models.TextChoices):
    AIR_BREAKER = "air_breaker", _("Air circuit breaker")
    UPS = "ups", _("Uninterruptible power supply")
    FIRE = "fire", _("Fire safety equipment")
    LIGHTING = "lighting", _("Lighting")
    AIR_CONDITIONING = "air_conditioning", _("Air-conditioning")
    OTHER = "other", _("Other")


class EquipmentReplacement(UrlMixin, DivisionScopedModel):
    """Equipment replaced in the building (what, where, how many, when it was finished)."""

    equipment = models.CharField(_("equipment"), max_length=20, choices=Equipment.choices)
    description = models.CharField(_("description"), max_length=200)
    location = models.CharField(_("location"), max_length=100)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    completed_on = models.DateField(_("completed on"))
    project = models.ForeignKey(
        BuildingProject,
        verbose_name=_("building project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replacements",
    )

    class Meta:
        ordering = ["-completed_on", "description"]
        verbose_name = _("equipment replacement")
        verbose_name_plural = _("equipment replacements")

    def __str__(self):
        return f"{self.completed_on} {self.description}"


class SignageRequest(UrlMixin, DivisionScopedModel):
    """An agency's request to post on the e-signage of the 4 gates and central lifts."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    received_on = models.DateField(_("received on"))
    shows_from = models.DateField(_("display from"))
    shows_until = models.DateField(_("display until"))

    class Meta:
        ordering = ["-received_on", "subject"]
        verbose_name = _("e-signage request")
        verbose_name_plural = _("e-signage requests")

    def __str__(self):
        return f"{self.agency}：{self.subject}"

    def clean(self):
        _dates_in_order(
            self, "shows_from", "shows_until", _("The display cannot end before it starts.")
        )
        _dates_in_order(
            self,
            "received_on",
            "shows_from",
            _("The display cannot start before the request is received."),
        )


class ProjectProgress(UrlMixin, DivisionScopedModel):
    """A dated progress report of a building project: the work done so far (%) and the
    electricity saved (kWh) since the previous report."""

    project = models.ForeignKey(
        BuildingProject,
        verbose_name=_("building project"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    reported_on = models.DateField(_("as of"))
    percent = models.DecimalField(
        _("progress (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    saving_kwh = models.DecimalField(
        _("electricity saved since the last report (kWh)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "-reported_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "reported_on"],
                name="facilities_progress_date",
                violation_error_message=_(
                    "This project already has a progress report of this date."
                ),
            )
        ]
        verbose_name = _("project progress report")
        verbose_name_plural = _("project progress reports")

    def __str__(self):
        return f"{self.project} {self.reported_on}：{self.percent}%"

    def clean(self):
        _same_division(self, "project", _("The project belongs to another division."))
        if not (self.project_id and self.reported_on and self.percent is not None):
            return
        others = ProjectProgress.objects.filter(project_id=self.project_id).exclude(pk=self.pk)
        earlier = others.filter(reported_on__lt=self.reported_on).order_by("-reported_on").first()
        later = others.filter(reported_on__gt=self.reported_on).order_by("reported_on").first()
        if earlier and self.percent < earlier.percent:
            message = _("The progress cannot go back: %(old)s%% was reported on %(day)s.")
            other = earlier
        elif later and self.percent > later.percent:
            message = _("The progress cannot exceed the later report's %(old)s%% of %(day)s.")
            other = later
        else:
            return
        raise ValidationError(
            {"percent": message % {"old": other.percent, "day": format_date(other.reported_on)}}
        )


class EmsInstallation(UrlMixin, DivisionScopedModel):
    """An energy management system (EMS) and cloud platform installed in an agency's building
    under the public-sector smart grid plan (公部門智慧電網計畫)."""

    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    building = models.CharField(_("building"), max_length=200)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["completed_on", "building"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "building"],
                name="facilities_ems_building",
                violation_error_message=_("This building is already recorded."),
            )
        ]
        verbose_name = _("EMS installation")
        verbose_name_plural = _("EMS installations")

    def __str__(self):
        return self.building

    def clean(self):
        _dates_in_order(
            self, "started_on", "completed_on", _("The completion cannot be before the start.")
        )


class SatisfactionSurvey(UrlMixin, DivisionScopedModel):
    """A staff survey of satisfaction with the building's facilities; a response is satisfied
    when its score reaches `satisfied_from` (4 = 滿意 on the 1–5 scale)."""

    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("survey from"))
    closes_on = models.DateField(
        _("survey until"), help_text=_("A survey counts in the period in which it closes.")
    )
    satisfied_from = models.PositiveSmallIntegerField(
        _("satisfied from score"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Scores from this one up (1–5) count as satisfied."),
    )

    class Meta:
        ordering = ["-closes_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "title"],
                name="facilities_survey_title",
                violation_error_message=_("A survey with this title already exists."),
            )
        ]
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")

    def __str__(self):
        return self.title

    def clean(self):
        _dates_in_order(
            self, "opens_on", "closes_on", _("The survey cannot close before it opens.")
        )


class Score(models.IntegerChoices):
    VERY_DISSATISFIED = 1, _("1 Very dissatisfied")
    DISSATISFIED = 2, _("2 Dissatisfied")
    NEUTRAL = 3, _("3 Neutral")
    SATISFIED = 4, _("4 Satisfied")
    VERY_SATISFIED = 5, _("5 Very satisfied")


class SurveyResponse(UrlMixin, DivisionScopedModel):
    """One returned questionnaire; without a score it is not a valid response."""

    survey = models.ForeignKey(
        SatisfactionSurvey,
        verbose_name=_("satisfaction survey"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    number = models.PositiveIntegerField(
        _("questionnaire number"), validators=[MinValueValidator(1)]
    )
    score = models.PositiveSmallIntegerField(
        _("overall score"), choices=Score.choices, null=True, blank=True
    )

    class Meta:
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "number"],
                name="facilities_response_number",
                violation_error_message=_(
                    "This questionnaire number of the survey is already recorded."
                ),
            )
        ]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return f"{self.survey} #{self.number}"

    def clean(self):
        _same_division(self, "survey", _("The survey belongs to another division."))


class UpkeepBudget(UrlMixin, DivisionScopedModel):
    """A line of the building's repair and upkeep budget (修繕養護預算) and what it executed."""

    year = models.PositiveSmallIntegerField(
        _("year (AD)"), validators=[MinValueValidator(1912), MaxValueValidator(2200)]
    )
    title = models.CharField(_("title"), max_length=200)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )
    executed = models.DecimalField(
        _("executed"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "year", "title"],
                name="facilities_upkeep_budget_line",
                violation_error_message=_("This budget line of the year is already recorded."),
            )
        ]
        verbose_name = _("upkeep budget line")
        verbose_name_plural = _("upkeep budget lines")

    def __str__(self):
        return f"{self.year} {self.title}"

    def clean(self):
        if self.budget is not None and self.executed is not None and self.executed > self.budget:
            raise ValidationError({"executed": _("The amount executed cannot exceed the budget.")})
