"""A byte buffer that moves to a temporary file past a few megabytes: for renderers that must write
a header (totals, an overview) before parts they receive one at a time."""

from __future__ import annotations

import shutil
import tempfile
from typing import BinaryIO

LIMIT = 4 * 1024 * 1024


class Spool:
    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(max_size=LIMIT)

    def write(self, data: bytes) -> None:
        self.file.write(data)

    def copy_to(self, stream: BinaryIO) -> None:
        """Everything written, onto stream; the spool is closed after."""
        self.file.seek(0)
        shutil.copyfileobj(self.file, stream)
        self.file.close()

    def close(self) -> None:
        self.file.close()
