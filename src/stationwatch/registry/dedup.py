"""Near-duplicate documents (syndicated, re-posted or lightly edited copies of one story).

MinHash signatures over word 3-shingles (datasketch); an LSH index finds candidates and the
estimated Jaccard similarity decides. A group's id is its smallest member id, so grouping does
not depend on the order documents arrive in.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # datasketch >= 2.0; stored signatures name it
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = 3) -> set[bytes]:
    words = _WORD.findall(text.lower())
    sample = text[:2000]
    if sum(1 for ch in sample if "\u3040" <= ch <= "\u9fff") > len(sample) * 0.3:
        chars = [c for c in text if not c.isspace()]
        return {"".join(chars[i:i + 4]).encode() for i in range(max(len(chars) - 3, 1))}
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()  # widened: fits every scheme


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64).astype(np.uint32 if SCHEME == "affine32" else np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class NearDuplicates:
    """An LSH index of stored documents."""

    def __init__(self, threshold: float = 0.5):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}

    def add(self, doc_id: str, sig: MinHash) -> None:
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, sig)
            self.sigs[doc_id] = sig

    def similar(self, sig: MinHash) -> list[str]:
        return sorted(d for d in self.lsh.query(sig) if self.sigs[d].jaccard(sig) >= self.threshold)
