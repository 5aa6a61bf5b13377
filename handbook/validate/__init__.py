"""Validation: loaded YAML nodes in, a typed Handbook model out, every problem collected."""

from handbook.validate.edition import read_edition
from handbook.validate.handbook import read_handbook

__all__ = ["read_edition", "read_handbook"]
