"""Names -> canonical places and entities."""

from .places import Gazetteer, Place, choose, enclosing_city, gazetteer

__all__ = ["Gazetteer", "Place", "choose", "enclosing_city", "gazetteer"]
