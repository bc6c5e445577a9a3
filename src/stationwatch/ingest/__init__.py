"""Input readers: everything that turns files or records into Documents."""

from .readers import SUPPORTED, decode, expand, from_html, from_record, from_text, read, read_file
from .url import fetch, read_url

__all__ = ["SUPPORTED", "decode", "expand", "fetch", "from_html", "from_record", "from_text", "read", "read_file", "read_url"]
