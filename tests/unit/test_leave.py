"""The console entry points leave with the command's status, after flushing what was written."""

from __future__ import annotations

import pytest

from checker import cli


class _Left(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


@pytest.mark.parametrize(("raised", "code", "err"), [
    (None, 0, ""),
    (SystemExit(1), 1, ""),
    (SystemExit(141), 141, ""),
    (SystemExit(None), 0, ""),
    (SystemExit("没有这个文件"), 1, "没有这个文件\n"),
])
def test_leave_exits_with_the_status_of_the_command(
    raised: SystemExit | None, code: int, err: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    def command() -> None:
        print("written")
        if raised is not None:
            raise raised

    def exit_now(status: int) -> None:
        raise _Left(status)

    monkeypatch.setattr("os._exit", exit_now)
    with pytest.raises(_Left) as left:
        cli._leave(command)
    assert left.value.code == code
    assert capsys.readouterr() == ("written\n", err)


def test_leave_falls_back_to_the_interpreter_exit_when_a_flush_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    class Full:
        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("sys.stdout", Full())
    with pytest.raises(SystemExit) as left:
        cli._leave(lambda: None)
    assert left.value.code == 0


def test_leave_lets_a_profiler_write_its_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    def exit_now(status: int) -> None:
        raise AssertionError("left without the interpreter's exit")

    monkeypatch.setattr("os._exit", exit_now)
    sys.setprofile(lambda *args: None)
    try:
        with pytest.raises(SystemExit) as left:
            cli._leave(lambda: None)
    finally:
        sys.setprofile(None)
    assert left.value.code == 0
