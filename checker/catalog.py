"""Where rule files are found: the installed `checker.rules`, or a --rules file or directory."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from checker.errors import Problem, RuleFileError, UsageError
from checker.loading import folder_problem
from checker.rulefile import Plan, load_rule_file


def default_rules_dir() -> Path:
    return Path(str(resources.files("checker.rules")))


class Catalog:
    """Rule files by plan id, each loaded at most once per run."""

    def __init__(self, location: Path | None = None) -> None:
        self.location = location or default_rules_dir()
        if not self.location.exists():
            raise UsageError([Problem(str(self.location), "规则文件或目录不存在", "no such rule file or directory")])
        self._plans: dict[str, Plan] = {}
        self._by_path: dict[Path, Plan] = {}
        self._failed: dict[Path, RuleFileError] = {}

    def files(self) -> list[Path]:
        """The rule files: the location itself unless it is a directory (a FIFO or device given as
        --rules is then refused by the loader, with its message, instead of being listed)."""
        if not self.location.is_dir():
            return [self.location]
        try:
            return sorted(p for p in self.location.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))
        except OSError as exc:
            raise UsageError([folder_problem(str(self.location), exc)]) from exc

    def _load(self, path: Path) -> Plan:
        if path in self._failed:
            raise self._failed[path]
        if path not in self._by_path:
            try:
                plan = load_rule_file(path)
            except RuleFileError as exc:
                self._failed[path] = exc
                raise
            self._by_path[path] = plan
            self._plans.setdefault(plan.id, plan)
        return self._by_path[path]

    def get(self, plan_id: str) -> Plan | None:
        """The plan with this id: <id>.yaml is tried first.

        A broken rule file raises its RuleFileError when it may be the plan wanted: it is named
        <id>.yaml, or it is the one file given, or no other file has the plan. So the real errors of
        a broken file always appear, never just "no rule file for plan …".
        """
        if plan_id in self._plans:
            return self._plans[plan_id]
        files = self.files()
        broken: list[RuleFileError] = []
        for path in [p for p in files if p.stem == plan_id] + [p for p in files if p.stem != plan_id]:
            try:
                if self._load(path).id == plan_id:
                    return self._plans[plan_id]
            except RuleFileError as exc:
                if path.stem == plan_id:
                    raise
                broken.append(exc)
        if broken:
            raise RuleFileError([p for exc in broken for p in exc.problems])
        return None

    def all(self) -> list[Plan]:
        """Every plan in the location, in file order; a broken file raises its RuleFileError."""
        return [self._load(p) for p in self.files()]

    def known_ids(self) -> list[str]:
        return sorted(plan.id for plan in self._by_path.values())
