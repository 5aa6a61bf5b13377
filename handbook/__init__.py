"""handbook: career-guide YAML sections in, print-ready PDF handbooks out."""

__version__ = "0.1.0"
