"""The user's cache folder: what a start would otherwise work out again from the same bytes.

Three things are kept (see docs/development.md, "Start-up cache"): each validated rule file, as a
pickle of its Plan (rulefile.py); the compiled submission validator, as the marshalled code
fastjsonschema generates (loading.py); and the pydantic validator of a model built on first use,
pickled (`ready`). A start that finds them skips the YAML parse, the rule-file schema and model
validation, compiling the schema validator and building the report model's validator.

An entry is found only by a key hashing what it was made from (the rule file's text, the schema's
bytes) with the checker's fingerprint: its version, Python's version and the size and mtime of
every file of the package (an edited source file, a new release or another Python gives other
keys), so a stale entry is never read. The folder is `$XDG_CACHE_HOME/plan-compliance-checker`,
else `~/.cache/plan-compliance-checker`; `PLAN_CHECKER_NO_CACHE=1` turns the cache off. Anything
wrong with it (unwritable, full, an entry damaged or not what it should be) is silently treated as
a miss: the start then loads as it would without a cache.

Pickle and marshal run code on load: the folder is the user's own (created 0700), as trusted as
their shell configuration; a shared or untrusted cache folder must not be configured here.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

FOLDER = "plan-compliance-checker"
T = TypeVar("T")


def folder() -> Path | None:
    if os.environ.get("PLAN_CHECKER_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / FOLDER if os.path.isabs(base) else None


@lru_cache(maxsize=1)
def fingerprint() -> bytes:
    """What any cached entry depends on besides its own source: this checker, exactly, and Python."""
    from checker import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{sys.implementation.cache_tag}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".yaml") and "__pycache__" not in path.parts:
            st = path.stat()
            digest.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.digest()


def _entry(kind: str, source: bytes) -> Path | None:
    root = folder()
    if root is None:
        return None
    key = hashlib.sha256(fingerprint() + kind.encode() + b"\0" + source).hexdigest()
    return root / f"{kind}-{key}"


def fetch(kind: str, source: bytes) -> bytes | None:
    """The entry made from `source`, or None."""
    try:
        path = _entry(kind, source)
        return path.read_bytes() if path is not None else None
    except (OSError, ValueError):
        return None


def keep(kind: str, source: bytes, data: bytes) -> None:
    """Store an entry, atomically (a reader sees the whole entry or none); errors are ignored."""
    try:
        path = _entry(kind, source)
        if path is None:
            return
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except (OSError, ValueError):
        pass


def fetch_pickled(kind: str, source: bytes, cls: type[T]) -> T | None:
    """The pickled entry made from `source`, if it loads as a `cls` (a damaged entry is a miss)."""
    import pickle

    data = fetch(kind, source)
    if data is None:
        return None
    try:
        value = pickle.loads(data)
    except Exception:
        return None
    return value if isinstance(value, cls) else None


def keep_pickled(kind: str, source: bytes, value: object) -> None:
    """Store `value` pickled; one holding something pickle cannot name is not kept."""
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    keep(kind, source, data)


def ready(model: type[BaseModel]) -> None:
    """Give a model built on first use (defer_build) the validator an earlier start built for it.

    Building one means generating pydantic's core schema in Python, and, the first time in a
    process, discovering pydantic plugins by scanning every installed distribution: ~25 ms of a
    cold `check report.json`. The pickled pydantic-core SchemaValidator loads in a fraction of a
    millisecond. Keyed by the model's name and pydantic's versions besides the fingerprint, which
    covers the model's own code; anything that cannot be pickled or read back is simply built.
    """
    import pydantic_core
    from pydantic.version import VERSION

    if model.__pydantic_complete__ or isinstance(model.__dict__.get("__pydantic_validator__"), pydantic_core.SchemaValidator):
        return  # built, or given its validator already in this process
    source = f"{model.__module__}.{model.__qualname__}\0{VERSION}\0{pydantic_core.__version__}".encode()
    validator = fetch_pickled("model", source, pydantic_core.SchemaValidator)
    if validator is not None:
        model.__pydantic_validator__ = validator
        return
    model.model_rebuild()
    keep_pickled("model", source, model.__pydantic_validator__)
