"""The output records: judgements rendered in one language, as `check --format json` writes them.

Fields are only ever added (the published schema only grows), always at the end of a record.
"""

from __future__ import annotations

from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticUndefined
from typing_extensions import Self

from checker.codes import Claim, GateReason, Status, UngradedCause
from checker.codes import Outcome as OutcomeName
from checker.frozen import REQUIRED, field_arguments

ProgressClass = Literal["achieved", "on_schedule", "lagging", "seriously_lagging", "moving_away"]
RuleType = Literal["indicator", "obligation"]
CagrClass = Literal["on_track", "needs_acceleration", "limited_progress", "moving_away"]
Severity = Literal["error", "warning", "info"]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @classmethod
    def built(cls, **values: Any) -> Self:
        """A record built by our own code from checked values (tens of thousands a batch), without
        validation: fields in declared order, defaults filled in. A field unknown or a required
        field left out is refused (TypeError), as a slip in our code. Each record class gets its
        own constructor, generated when the class is made (see _constructor)."""
        raise TypeError(f"{cls.__name__} has no constructor")  # pragma: no cover: replaced below

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.built = _constructor(cls)  # type: ignore[method-assign]


def _constructor(cls: type[BaseModel]) -> Callable[..., Any]:
    """A keyword-only function taking the record's fields and making the instance model_construct
    would (nothing validated), generated as dataclasses generate __init__: Python's own binding of
    named arguments fills the defaults and refuses an unknown or missing field, several times
    faster than merging dicts. Every field counts as set, in one set per class that all its records
    share: a frozen record is never changed in place (pydantic's model_copy copies the set first)."""
    fields = cls.model_fields
    scope: dict[str, Any] = {"_cls": cls, "_new": object.__new__, "_names": set(fields)}
    # The instance's slots are filled through their descriptors' own setters, as object.__setattr__
    # would, without its lookup of the name on each call (a third of a small record's cost).
    for slot in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
        scope[f"_set{slot.strip('_')}"] = next(c.__dict__[slot] for c in cls.__mro__ if slot in c.__dict__).__set__
    params, values = field_arguments(
        [(name, REQUIRED if f.default is PydanticUndefined else f.default, f.default_factory) for name, f in fields.items()],
        scope,
    )  # the records' factories take no arguments (list, dict, a default record)
    record = ", ".join(f"{name!r}: {value}" for name, value in zip(fields, values))
    source = (
        f"def built(*, {', '.join(params)}):\n"
        "    _record = _new(_cls)\n"
        f"    _setdict(_record, {{{record}}})\n"
        "    _setpydantic_fields_set(_record, _names)\n"
        "    _setpydantic_extra(_record, None)\n"
        "    _setpydantic_private(_record, None)\n"
        "    return _record\n"
    )
    exec(source, scope)  # noqa: S102  # our own field names (field_arguments checks them)
    built: Callable[..., Any] = scope["built"]
    built.__qualname__ = f"{cls.__name__}.built"  # errors name the record
    return built


class Progress(Frozen):
    ratio: float | None = Field(description="G = (actual - baseline) / (expected - baseline).")
    category: ProgressClass | None


class Citation(Frozen):
    document: str
    section: str
    quote: str


class Finding(Frozen):
    """A remark beside a status: missing evidence, a revised figure, a warning."""

    code: str
    severity: Severity
    message: str
    params: dict[str, str | int | float] = Field(default_factory=dict, description="The message's parameters.")


class SeriesPoint(Frozen):
    year: int
    value: float
    source: str = Field(description="'baseline', or the file that reported the value.")


class CagrRatio(Frozen):
    """Actual against required compound annual growth (Eurostat / Open SDG style)."""

    actual: float = Field(description="Actual CAGR in % from the first positive value.")
    required: float = Field(description="Required CAGR in % from the baseline to the target.")
    ratio: float | None
    category: CagrClass | None


class Projection(Frozen):
    """Where the observed trend leads by the target year."""

    year: int
    value: float
    method: Literal["linear", "geometric"]
    reaches: bool
    gap: float = Field(description="Projected value minus target (in the rule's unit).")


class EntryLocation(Frozen):
    """Where the entry answering a rule is in the report file."""

    file: str
    path: str = Field(description="JSON path of the entry, e.g. $.indicators[2].")
    line: int | None = None
    cell: str | None = Field(default=None, description="In a workbook: sheet!cell.")


class AdjustmentRecord(Frozen):
    """What a pass between judgement and scoring changed, and why."""

    step: str = Field(description="The pass: rollup, decisions, waivers…")
    before: Status
    after: Status
    reason: str
    ref: str | None = None


class FigureRecord(Frozen):
    """How the report states the figure judged, shown beside it."""

    estimate: bool = Field(default=False, description="The value is an estimate (预计).")
    bound: Literal["at_least", "at_most"] | None = Field(
        default=None, description="The value is a lower (下限) or upper (上限) bound."
    )
    period_end: str | None = Field(default=None, description="The value covers the year to this date only.")
    year_share: float | None = Field(default=None, description="Share of the year the value covers, when part of it.")
    note: str | None = None
    source: str | None = None


class BaselineRecord(Frozen):
    """The baseline (or multiple's base) the judgement used, and where it came from."""

    year: int
    value: float
    origin: Literal["plan", "reports"] = Field(description="Stated in the rule file, or taken from the reports.")
    source: str | None = Field(default=None, description="Where a baseline from the reports was stated.")


class RuleResult(Frozen):
    rule_id: str
    rule_type: RuleType
    kind: str = Field(description="Indicator kind (level, flow, …) or 'obligation'.")
    subject: str = Field(description="Display name of the entity the rule applies to.")
    name: str
    category: str
    attribute: Literal["expected", "binding"] | None
    weight: float
    status: Status
    expected: float | None = Field(description="Where the value should be in the reporting year.")
    target: float | None
    actual: float | None
    unit: str | None
    gap: float | None = Field(description="actual - expected, in the rule's unit.")
    progress: Progress | None
    score: float | None = Field(description="Points 0-100; null when not scored.")
    role: Literal["subject", "lead", "support", "joint"] | None = Field(
        description="Why the reporter owes this rule."
    )
    message: str
    fix: str | None = Field(description="What to do about it, when anything.")
    findings: list[Finding]
    series: list[SeriesPoint] = Field(default_factory=list, description="Known values up to the year.")
    cagr: CagrRatio | None = None
    projection: Projection | None = None
    source: Citation
    message_key: str = Field(default="", description="Catalogue key of the message (language-independent).")
    message_params: dict[str, str | int | float] = Field(default_factory=dict)
    fix_key: str | None = None
    location: EntryLocation | None = Field(default=None, description="The entry; null when not reported.")
    adjustments: list[AdjustmentRecord] = Field(default_factory=list)
    claim: Claim | None = Field(
        default=None, description="The reporter's claim (自评) awaiting an assessor's decision, when the status is unverified.",
    )
    figure: FigureRecord | None = Field(default=None, description="How the entry states its figure; null when not reported.")
    baseline: BaselineRecord | None = Field(default=None, description="The baseline the path starts from, when there is one.")
    provisional: bool = Field(
        default=False, description="The status rests on an estimate, a bound or part of the year.",
    )


class CategoryScore(Frozen):
    id: str
    name: str
    name_en: str | None = None
    weight: float
    score: float | None


class RiskAccepted(Frozen):
    """The score with the waivers (豁免) applied: waived rules count as not applicable."""

    score: float | None
    grade: str | None
    outcome: OutcomeName
    passed: bool


class GateFailureRecord(Frozen):
    reason: GateReason
    detail: str


class GateResult(Frozen):
    passed: bool
    failures: list[GateFailureRecord]


class Assessment(Frozen):
    submission: str
    plan: str
    plan_title: str
    reporter: str
    reporter_id: str
    year: int
    illustrative: bool
    score: float | None
    grade: str | None
    passed: bool
    veto: list[str] = Field(description="Binding indicators missed (一票否决).")
    unassessable_share: float
    categories: list[CategoryScore]
    counts: dict[str, int]
    findings: list[Finding] = Field(
        default_factory=list, description="Findings about the report as a whole (roll-up, missing reports)."
    )
    results: list[RuleResult]
    gate: GateResult = Field(
        default_factory=lambda: GateResult(passed=True, failures=[]),
        description="This run's gate: the plan's verdict (`passed`) with --fail-under and --fail-on.",
    )
    outcome: OutcomeName = Field(default="pass", description="pass, fail, incomplete (不完整) or ungraded (无等级).")
    ungraded_cause: UngradedCause | None = Field(
        default=None, description="plan_data: the plan lacks what is needed (passes); claims: unconfirmed claims (fails).",
    )
    completeness: float = Field(default=1.0, description="Share of the owed weight the report answers.")
    risk_accepted: RiskAccepted | None = Field(default=None, description="The score with waivers applied.")


class InputError(Frozen):
    file: str
    line: int | None
    place: str
    message: str
    cell: str | None = None


class AssessmentDocument(Frozen):
    """The whole `check --format json` output."""

    version: Literal[1] = 1
    assessments: list[Assessment]
    errors: list[InputError]
