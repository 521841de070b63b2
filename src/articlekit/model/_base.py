"""Shared pydantic configuration of the public model.

Input → output: none.
"""

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Base of every public model: immutable, strict about unknown keys, hashable."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True
    )
    """``defer_build``: each model's validator is built on its first use, not at import
    (building all of them is most of the import time of ``articlekit``)."""
