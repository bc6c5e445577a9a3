"""stationwatch: an evidence-backed registry of China's overseas police "service stations"."""

from .document import FACT_TYPES, Document, Fact, Mention, Sentence

__version__ = "0.1.0"
__all__ = ["FACT_TYPES", "Document", "Fact", "Mention", "Sentence", "__version__"]
