"""Integration: reports in several languages make one registry (a place reported in Chinese, Spanish and
English is one station; the bureau's own announcement is its first source; stories in different
languages are not near-duplicates of each other). The reports are written for this test."""

from __future__ import annotations

import json

from stationwatch.settings import Settings
from stationwatch.store import open_store

from .conftest import cli

ANNOUNCEMENT = """丽水市公安局关于设立海外警侨服务站的通报

发布时间：2018年6月3日

近日，丽水市公安局依托当地侨团，在荷兰阿姆斯特丹、意大利罗马等地设立海外警侨服务站，共计八个，分布在六个国家。
服务站将协助侨胞办理驾驶证换证等业务，并收集涉侨警情信息。
"""

SPANISH = """Países Bajos investiga una comisaría china clandestina en Ámsterdam

Publicado: 2022-10-26

El Ministerio de Asuntos Exteriores de Países Bajos anunció el miércoles que investiga una supuesta comisaría \
china en Ámsterdam, vinculada a la policía de Lishui, según la ONG Safeguard Defenders. La oficina ayudaba \
supuestamente a renovar permisos de conducir, pero también presionaba a disidentes para que volvieran a China.
"""

ENGLISH = """Dutch order Chinese 'police stations' to close

Published: 2022-11-01

The Netherlands has ordered the closure of two Chinese overseas police stations, one in Amsterdam and one in \
Rotterdam, the Dutch foreign minister told parliament on Tuesday. The Amsterdam station was linked to the \
police of Lishui, a city in Zhejiang province.
"""


def test_one_place_reported_in_three_languages(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a_zh.txt", ANNOUNCEMENT), ("b_es.txt", SPANISH), ("c_en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "l.db")
    res = cli(runner, "ingest", str(folder), "--db", db)
    assert res.exit_code == 0, res.output
    reg = json.loads(cli(runner, "export", "--format", "json", "--db", db).stdout)
    store = open_store(Settings(db=db))
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in store.documents()}
    assert {d["language"] for d in docs.values()} == {"zh", "es", "en"}
    rows = [s for s in reg["stations"] if s["country"] == "NL" and s["city"] == "Amsterdam"]
    assert len(rows) == 1, reg["stations"]
    amsterdam = rows[0]
    assert len(amsterdam["sources"]) == 3
    assert amsterdam["independent_sources"] == 3  # three stories, not copies of one
    assert amsterdam["sources"][0] == docs["a_zh.txt"]["id"]  # the bureau's own announcement comes first
    assert amsterdam["first_reported"] == "2018-06-03"
    assert amsterdam["operator"] == "Lishui"
    assert len({d["cluster"] for d in docs.values()}) == 3
