"""Validation: loaded YAML nodes in, a typed Handbook model out, every problem collected.

handbook.py reads a manifest and its sections; edition.py lays a school profile over one.
"""
