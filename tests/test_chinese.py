"""Chinese reports: a police bureau's announcement becomes station facts run by that bureau, with ISO
codes and English city names; traditional script gives the same facts as simplified. The texts are
written for these tests (not taken from the development set)."""

from __future__ import annotations

import opencc
import pytest

from stationwatch.document import Document
from stationwatch.extract import run

WENZHOU = """温州市公安局：海外侨胞服务站再添新成员

2019年11月20日

记者从温州市公安局获悉，截至目前，该局已在二十一个国家二十五个城市设立侨胞服务站三十个，\
其中包括匈牙利布达佩斯、南非约翰内斯堡、巴西圣保罗和美国纽约。
服务站主要为当地温州籍侨胞办理驾驶证审验、身份认证等事项。
"""

NANTONG = """南通警方在海外建成“警侨联络站”

南通市公安局近日宣布，在法国巴黎、英国伦敦和西班牙马德里新建警侨联络站，为南通籍侨胞提供服务。
"""


def facts(text: str, language: str | None = None) -> list[tuple]:
    doc = run(Document(source="t", text=text, language=language))
    return sorted((f.type, tuple(sorted((k, str(v)) for k, v in f.data.items() if not k.startswith("_"))),
                   tuple(f.evidence)) for f in doc.facts)


def stations(text: str) -> dict[tuple, dict]:
    doc = run(Document(source="t", text=text))
    assert doc.language == "zh"
    return {(f.data["country"], f.data["city"]): f.data for f in doc.facts if f.type == "station"}


def test_an_announcement_names_the_bureau_as_operator_of_every_station():
    got = stations(WENZHOU)
    assert set(got) == {("HU", "Budapest"), ("ZA", "Johannesburg"), ("BR", "Sao Paulo"), ("US", "New York City")}
    assert {d["operator"] for d in got.values()} == {"Wenzhou"}
    doc = run(Document(source="t", text=WENZHOU))
    tallies = [(f.data["stations"], f.data["countries"], f.data["cities"]) for f in doc.facts if f.type == "tally"]
    assert tallies == [(30, 21, 25)]


def test_country_and_city_written_together():
    got = stations(NANTONG)
    assert set(got) == {("FR", "Paris"), ("GB", "London"), ("ES", "Madrid")}
    assert {d["operator"] for d in got.values()} == {"Nantong"}


@pytest.mark.parametrize("text", [WENZHOU, NANTONG])
@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2tw"])
def test_traditional_script_gives_the_same_facts(text, config):
    traditional = opencc.OpenCC(config).convert(text)
    assert traditional != text
    assert facts(traditional) == facts(text)


def test_the_text_comes_back_in_its_own_script():
    traditional = opencc.OpenCC("s2hk").convert(NANTONG)
    doc = run(Document(source="t", text=traditional))
    assert doc.text == traditional
    station = next(f for f in doc.facts if f.type == "station")
    start, end = station.evidence[0]
    assert "倫敦" in doc.text[start:end]
