"""API latency under load: a database of N generated documents, served by uvicorn on 127.0.0.1, hit by
20 concurrent clients; p50/p95 latency and requests/s for the stations list, a station page, search
and the map data.

    python benchmarks/api.py [--docs 10000] [--clients 20] [--seconds 10] [--db PATH]

The documents are made from report templates written for this benchmark (below), with varied host
cities, bureaus, counts, actions and dates, and run through the real pipeline and store. The database is
kept (default benchmarks/.api-<N>.db) and reused when it already holds N documents. Targets: p95 under
50 ms for the registry endpoints, under 150 ms for search.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
CITIES = [("Toronto", "Canada"), ("Vancouver", "Canada"), ("Montreal", "Canada"), ("London", "the United Kingdom"),
          ("Glasgow", "the United Kingdom"), ("Manchester", "the United Kingdom"), ("Dublin", "Ireland"),
          ("Amsterdam", "the Netherlands"), ("Rotterdam", "the Netherlands"), ("Madrid", "Spain"),
          ("Barcelona", "Spain"), ("Valencia", "Spain"), ("Milan", "Italy"), ("Rome", "Italy"), ("Florence", "Italy"),
          ("Prato", "Italy"), ("Paris", "France"), ("Lyon", "France"), ("Frankfurt", "Germany"), ("Berlin", "Germany"),
          ("Hamburg", "Germany"), ("Vienna", "Austria"), ("Prague", "the Czech Republic"), ("Budapest", "Hungary"),
          ("Lisbon", "Portugal"), ("Porto", "Portugal"), ("Stockholm", "Sweden"), ("Oslo", "Norway"),
          ("Warsaw", "Poland"), ("Athens", "Greece"), ("Belgrade", "Serbia"), ("Bucharest", "Romania"),
          ("Sydney", "Australia"), ("Melbourne", "Australia"), ("Auckland", "New Zealand"), ("Tokyo", "Japan"),
          ("Seoul", "South Korea"), ("Jakarta", "Indonesia"), ("Lagos", "Nigeria"), ("Johannesburg", "South Africa"),
          ("Nairobi", "Kenya"), ("Sao Paulo", "Brazil"), ("Rio de Janeiro", "Brazil"), ("Buenos Aires", "Argentina"),
          ("Santiago", "Chile"), ("Lima", "Peru"), ("Quito", "Ecuador"), ("Mexico City", "Mexico"),
          ("Houston", "the United States"), ("Los Angeles", "the United States"), ("Chicago", "the United States")]
BUREAUS = ["Fuzhou", "Qingtian", "Wenzhou", "Nantong", "Lishui"]
WORDS = ["two", "three", "four"]
TEMPLATES = [
    "Police in {country} examine Chinese station\n\nA rights group says a Chinese overseas police station has "
    "operated in {city} since {year}, run by the {bureau} public security bureau. Police in {country} said on "
    "{weekday} that they were investigating the office. Reference {tag}.",
    "{country} orders Chinese police office closed\n\nThe government of {country} ordered a Chinese overseas police "
    "station in {city} to close, the foreign ministry said on {weekday}. The office was linked to {bureau}. "
    "Reference {tag}.",
    "New count of Chinese police stations\n\nSafeguard Defenders said it had identified {n} Chinese overseas police "
    "stations in {m} countries, including {word} in {city}. Reference {tag}.",
    "Arrests over secret police station in {city}\n\nAuthorities in {country} arrested two men accused of running a "
    "secret Chinese police station in {city} for the {bureau} police. Reference {tag}.",
    "Concern over Chinese police posts\n\nThe interior minister of {country} said the reports of a Chinese overseas "
    "police station in {city} were deeply concerning and unacceptable. Reference {tag}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 7):
    from stationwatch.ingest import from_text

    rnd = random.Random(seed)
    for i in range(n):
        city, country = rnd.choice(CITIES)
        year = rnd.choice([2019, 2020, 2021, 2022, 2023, 2024])
        date = f"{rnd.choice([2022, 2023, 2024])}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        text = rnd.choice(TEMPLATES).format(city=city, country=country, bureau=rnd.choice(BUREAUS), year=year,
                                            weekday=rnd.choice(WEEKDAYS), n=rnd.choice([54, 102, 100, 48, 30]),
                                            m=rnd.choice([30, 53, 21]), word=rnd.choice(WORDS), tag=f"{i:06d}-{rnd.random():.9f}")
        yield from_text(text, f"generated/{i:06d}.txt", published=date, language="en")


def build(db: Path, n: int) -> None:
    from stationwatch import intake
    from stationwatch.settings import Settings
    from stationwatch.store import open_store

    store = open_store(Settings(db=str(db)))
    have = store.count_documents()
    if have >= n:
        print(f"database {db} already holds {have} documents")
        return
    t0 = time.perf_counter()
    docs = list(generate(n))[have:]
    batch = 500
    for i in range(0, len(docs), batch):
        intake.add_items(store, docs[i:i + batch])
        print(f"  stored {have + i + len(docs[i:i + batch])}/{n} ({time.perf_counter() - t0:.0f} s)", flush=True)
    print(f"built {db}: {store.count_documents()} documents in {time.perf_counter() - t0:.0f} s")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        async def worker(k: int):
            nonlocal errors
            i = k
            while time.perf_counter() < stop:
                t = time.perf_counter()
                r = await client.get(paths[i % len(paths)])
                latencies.append((time.perf_counter() - t) * 1000)
                errors += r.status_code >= 400
                i += clients
        await asyncio.gather(*(worker(k) for k in range(clients)))
    return latencies, errors


_WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%.1f %%.2f %%.2f %%d\\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def _wrk(wrk: str, base: str, paths: list[str], clients: int, seconds: float) -> tuple[int, float, float, float, int]:
    import tempfile

    lua = _WRK_SCRIPT % ", ".join('"' + p.replace('"', "") + '"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua)
    out = subprocess.run([wrk, "-t1", f"-c{clients}", f"-d{max(1, int(seconds))}s", "--timeout", "10s", "-s", fh.name, base],
                         capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
    _, n, rate, p50, p95, errors = line.split()
    return int(n), float(rate), float(p50), float(p95), int(errors)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = ap.parse_args()
    db = args.db or ROOT / "benchmarks" / f".api-{args.docs}.db"
    build(db, args.docs)
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "stationwatch.web.serve:app_from_env",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                             "--workers", str(args.workers)],
                            env={**__import__("os").environ, "STATIONWATCH_DB": str(db)})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/v1/stations", timeout=60)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        stations = httpx.get(base + "/api/v1/stations", timeout=60).json()["stations"]
        ids = [s["id"] for s in stations]
        words = ["police", "Toronto", "station closed", "Fuzhou", "investigating office", "Madrid", "arrested men"]
        targets = {
            "stations list": ["/api/v1/stations"],
            "station page": [f"/api/v1/stations/{i}" for i in ids],
            "search": [f"/api/v1/search?q={quote(w)}" for w in words],
            "map data": ["/api/v1/map", "/api/v1/map?until=2023", "/api/v1/map?until=2022-06"],
        }
        wrk = shutil.which("wrk")
        tool = "wrk (C, one thread)" if wrk else "a Python asyncio client (install wrk for a lighter load)"
        print(f"{len(stations)} station rows; {args.clients} concurrent clients over {tool}, {args.seconds:.0f} s per endpoint, "
              f"{args.workers} server worker(s)")
        print(f"{'endpoint':<15} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} target")
        for name, paths in targets.items():
            if wrk:
                _wrk(wrk, base, paths, args.clients, 1.0)  # warm-up
                n, rate, p50, p95, errors = _wrk(wrk, base, paths, args.clients, args.seconds)
            else:
                asyncio.run(_load(base, paths, args.clients, 1.0))  # warm-up
                lat, errors = asyncio.run(_load(base, paths, args.clients, args.seconds))
                q = statistics.quantiles(lat, n=100)
                n, rate, p50, p95 = len(lat), len(lat) / args.seconds, q[49], q[94]
            target = 150 if name == "search" else 50
            print(f"{name:<15} {n:>8} {rate:>7.1f} {p50:>7.1f} {p95:>7.1f} {errors:>6} "
                  f"p95 < {target} ms: {'met' if p95 < target else 'MISSED'}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
