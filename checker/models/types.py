"""Field types shared by the models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, WithJsonSchema

# Exact decimal numbers: unit conversion (6.69 万件 = 66900 件) must not depend on binary floats.
# In the published schemas they are plain JSON numbers.
Number = Annotated[Decimal, Field(allow_inf_nan=False), WithJsonSchema({"type": "number"})]
