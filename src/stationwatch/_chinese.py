"""Traditional -> simplified Chinese, character for character (OpenCC's dictionaries ship in its wheel)."""

from __future__ import annotations

from functools import cache


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified script, of the same length (OpenCC converts some phrases to words of
    another length: those are converted character by character instead)."""
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in text)
