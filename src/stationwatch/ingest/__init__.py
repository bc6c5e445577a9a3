"""Input readers: everything that turns files or records into Documents."""

from .readers import SUPPORTED, decode, expand, from_html, from_record, from_text, read, read_file

__all__ = ["SUPPORTED", "decode", "expand", "from_html", "from_record", "from_text", "read", "read_file"]
