"""Tallies as a timeline, with conflicting figures for the same count flagged."""

from __future__ import annotations

DIMS = ("stations", "countries", "cities")


def _date_key(t: dict) -> str:
    if t.get("as_of"):
        return t["as_of"]
    if t.get("after"):
        return t["after"] + "~"  # after that month, before the next
    if t.get("first_reported"):
        return t["first_reported"][:7]
    return "9999"


def _consistent(a: int, qa: str, b: int, qb: str) -> bool:
    if a == b:
        return True
    if qa in ("at_least", "more_than") and b >= a:
        return True
    if qb in ("at_least", "more_than") and a >= b:
        return True
    if "about" in (qa, qb) and abs(a - b) <= 0.1 * max(a, b):
        return True
    return False


def conflicting(a: dict, b: dict) -> bool:
    """Do two tallies give different values for the same count?

    They describe the same count when they agree on at least one dimension (e.g. 54 stations);
    they conflict when another dimension is given by both and the values cannot both be true.
    """
    if a.get("additional") or b.get("additional"):
        return False
    same = any(a[d] is not None and a[d] == b[d] for d in DIMS)
    if not same:
        return False
    return any(a[d] is not None and b[d] is not None and
               not _consistent(a[d], a.get("qualifier", "exact"), b[d], b.get("qualifier", "exact"))
               for d in DIMS)


def order_tallies(rows: list[dict]) -> list[dict]:
    ordered = sorted(rows, key=lambda t: (_date_key(t), t["stations"] or 0, t["countries"] or 0,
                                          t["cities"] or 0, t["additional"]))
    out = [dict(t) for t in ordered]
    for i, t in enumerate(out):
        t["conflicts_with"] = [j for j, u in enumerate(out) if j != i and conflicting(t, u)]
    return out
