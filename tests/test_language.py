"""Language detection: an offline model (py3langid) on the start of the clean text."""

from __future__ import annotations

import pytest

from stationwatch.extract import run
from stationwatch.extract.language import language_of
from stationwatch.ingest import from_text

SAMPLES = {
    "nl": "De politie in Rotterdam onderzoekt een kantoor dat volgens een mensenrechtengroep door de Chinese "
          "politie werd gebruikt. Het ministerie heeft de ambassadeur op het matje geroepen.",
    "es": "La policía española investiga una oficina en Valencia que, según una organización de derechos "
          "humanos, servía a la policía china. El ministerio convocó al embajador.",
    "fr": "La police française enquête sur un bureau à Lyon qui, selon une organisation de défense des droits "
          "humains, servait à la police chinoise. Le ministère a convoqué l'ambassadeur.",
    "de": "Die Polizei in Köln prüft ein Büro, das nach Angaben einer Menschenrechtsgruppe von der chinesischen "
          "Polizei genutzt wurde. Das Ministerium bestellte den Botschafter ein.",
    "it": "La polizia di Bologna indaga su un ufficio che, secondo un'organizzazione per i diritti umani, "
          "serviva alla polizia cinese. Il ministero ha convocato l'ambasciatore.",
    "pt": "A polícia de Coimbra investiga um escritório que, segundo uma organização de direitos humanos, "
          "servia à polícia chinesa. O ministério convocou o embaixador.",
    "id": "Polisi di Surabaya menyelidiki sebuah kantor yang menurut sebuah kelompok hak asasi manusia "
          "digunakan oleh polisi Tiongkok. Kementerian memanggil duta besar.",
    "ja": "大阪府警は、人権団体が中国警察の拠点だと指摘した市内の事務所について調べている。外務省は大使を呼び出した。",
    "zh": "据报道，某县公安局在海外设立了多个服务站，当地警方正在调查此事，外交部已召见大使表达关切。",
    "en": "Police in Leeds are examining an office that a rights group says was used by Chinese police. The "
          "ministry summoned the ambassador, officials said on Tuesday.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_the_language(code):
    assert language_of(SAMPLES[code]) == code


def test_traditional_chinese_is_chinese():
    assert language_of("據報導，某縣公安局在海外設立了多個服務站，當地警方正在調查此事，外交部已召見大使表達關切。") == "zh"


def test_too_little_text_is_undetected():
    assert language_of("OK 12 34") is None


def test_a_record_s_own_language_wins():
    doc = from_text(SAMPLES["nl"], "t.txt")
    assert run(doc).language == "nl"
    assert run(from_text(SAMPLES["nl"], "t.txt", language="fr")).language == "fr"
