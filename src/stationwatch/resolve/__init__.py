"""Names -> canonical places and entities."""

from .places import Gazetteer, Place, choose, gazetteer

__all__ = ["Gazetteer", "Place", "choose", "gazetteer"]
