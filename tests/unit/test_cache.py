"""The start-up cache: a validated plan and the compiled validator come back from the user's cache
folder only when made from the same bytes by the same checker; anything wrong is a plain miss."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from checker import cache
from checker.errors import RuleFileError
from checker.rulefile import load_rule_file
from tests.conftest import MINI_PLAN


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("PLAN_CHECKER_NO_CACHE", raising=False)
    return tmp_path / "xdg" / cache.FOLDER


def entries(folder: Path, kind: str = "plan") -> list[Path]:
    return sorted(folder.glob(f"{kind}-*"))


def test_a_validated_plan_is_kept_and_read_back(folder: Path, tmp_path: Path) -> None:
    first = load_rule_file(MINI_PLAN)
    assert len(entries(folder)) == 1
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(MINI_PLAN.read_bytes())
    second = load_rule_file(copy)
    assert second.rules_file == first.rules_file and second.entities == first.entities
    assert second.path == str(copy)  # the name is this file's, not the cached one's
    assert len(entries(folder)) == 1


def test_other_bytes_are_another_entry(folder: Path, tmp_path: Path) -> None:
    load_rule_file(MINI_PLAN)
    edited = tmp_path / "edited.yaml"
    edited.write_text(MINI_PLAN.read_text("utf-8").replace("mini-xianning", "mini-edited"), "utf-8")
    assert load_rule_file(edited).id == "mini-edited"
    assert len(entries(folder)) == 2


def test_a_broken_rule_file_is_never_cached(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI_PLAN.read_text("utf-8").replace("schema_version: 1", "schema_version: 99"), "utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError):
            load_rule_file(broken)
    assert entries(folder) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last: a pickled 1, not a Plan
def test_a_damaged_entry_is_a_miss(folder: Path, damage: bytes) -> None:
    expected = load_rule_file(MINI_PLAN)
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    assert load_rule_file(MINI_PLAN).rules_file == expected.rules_file


def test_a_damaged_validator_is_a_miss(folder: Path) -> None:
    from checker import loading

    loading._COMPILED.pop("submission", None)
    loading.compiled_schema("submission")
    (entry,) = entries(folder, "validator")
    entry.write_bytes(b"garbage")
    loading._COMPILED.pop("submission", None)
    validate = loading.compiled_schema("submission")
    assert validate({"schema_version": 1, "plan": "p", "reporter": "r", "year": 2023}) is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_no_error(folder: Path) -> None:
    folder.mkdir(parents=True)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert load_rule_file(MINI_PLAN).id == "mini-xianning"
        assert entries(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_folder_that_is_a_file_is_no_error(folder: Path) -> None:
    folder.parent.mkdir(parents=True)
    folder.write_text("in the way")
    assert load_rule_file(MINI_PLAN).id == "mini-xianning"


def test_the_cache_can_be_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_CHECKER_NO_CACHE", "1")
    load_rule_file(MINI_PLAN)
    assert not folder.exists()


def test_the_key_changes_with_the_checker(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_rule_file(MINI_PLAN)
    cache.fingerprint.cache_clear()
    monkeypatch.setattr("checker.__version__", "0.0.0-other")
    try:
        load_rule_file(MINI_PLAN)
        assert len(entries(folder)) == 2  # another release never reads this one's entries
    finally:
        cache.fingerprint.cache_clear()


READY = """
import sys
from checker import cache
from checker.models.submission import Submission
cache.ready(Submission)
report = Submission.model_validate({"plan": "p", "reporter": "r", "year": 2021, "indicators": [{"id": "A", "value": 1.5, "unit": "件"}]})
print(Submission.__pydantic_complete__, report.indicators[0].value)
"""


def test_the_report_models_validator_is_kept_and_read_back(folder: Path) -> None:
    import subprocess
    import sys

    def start() -> str:
        return subprocess.run([sys.executable, "-c", READY], capture_output=True, text=True, check=True, env=os.environ).stdout

    assert start() == "True 1.5\n"  # built, and kept
    assert len(entries(folder, "model")) == 1
    assert start() == "False 1.5\n"  # read back: the same answer without building the model
    entries(folder, "model")[0].write_bytes(b"damaged")
    assert start() == "True 1.5\n"  # a damaged entry is a miss


def test_a_validator_read_back_is_read_once_a_start(folder: Path) -> None:
    import subprocess
    import sys

    twice = READY + "import checker.cache as c\nc.fetch = None\ncache.ready(Submission)\nprint('once')\n"
    subprocess.run([sys.executable, "-c", READY], check=True, env=os.environ, capture_output=True)
    out = subprocess.run([sys.executable, "-c", twice], capture_output=True, text=True, check=True, env=os.environ).stdout
    assert out == "False 1.5\nonce\n"  # the second call did not fetch again (fetch is gone)
