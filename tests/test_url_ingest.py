"""URL ingest and its guard, against a real HTTP server on 127.0.0.1.

No test here sends a packet anywhere but loopback: the ``no_network`` fixture patches the resolver (test
host names resolve to the addresses a test wants) and the socket layer, so that any attempt to connect
to a non-loopback address fails the test. A refusal must therefore happen before any connection is
opened, or the test fails on the connection attempt instead of seeing the refusal.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from stationwatch.errors import BadInput
from stationwatch.ingest.url import fetch, networks, read_url, refusal

ARTICLE = ("<html><head><title>Police station closed</title></head><body><article><h1>Police station closed"
           "</h1><p>The Dutch government ordered two Chinese overseas police stations in Rotterdam and "
           "Amsterdam to close on Tuesday, the foreign ministry said.</p><p>The ministry had investigated "
           "the offices after reports by a rights group, which counted 54 such stations in 30 countries."
           "</p></article></body></html>")
LOOPBACK = networks("127.0.0.0/8")
FAKE_DNS = {"intranet.example": "10.0.0.1", "metadata.example": "169.254.169.254",
            "local.example": "127.0.0.1", "mixed.example": ("93.184.216.34", "10.0.0.7")}


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict, bytes]] = {}
    seen: list[str] = []

    def do_GET(self):  # noqa: N802
        self.seen.append(self.path)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    _Handler.seen = []
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE.encode()),
        "/plain": (200, {"Content-Type": "text/plain"}, b"Chinese overseas police station closed in Rotterdam."),
        "/to-article": (302, {"Location": "/article"}, b""),
        "/to-private": (302, {"Location": "http://10.0.0.1/admin"}, b""),
        "/to-metadata": (301, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/to-name": (307, {"Location": "http://intranet.example/"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 50_000),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG...."),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fake DNS for the test names; any connection to a non-loopback address fails the test."""
    real_getaddrinfo = socket.getaddrinfo
    real_create = socket.create_connection
    real_connect = socket.socket.connect
    attempts: list[str] = []

    def fake_getaddrinfo(host, port, *args, **kwargs):
        if host in FAKE_DNS:
            addrs = FAKE_DNS[host] if isinstance(FAKE_DNS[host], tuple) else (FAKE_DNS[host],)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addrs]
        if host in ("127.0.0.1", "localhost", "::1"):
            return real_getaddrinfo(host, port, *args, **kwargs)
        pytest.fail(f"unexpected DNS lookup of {host}")

    def guard(address):
        host = address[0]
        attempts.append(host)
        if not ipaddress.ip_address(host).is_loopback:
            pytest.fail(f"a connection to {host} was attempted")

    def fake_create(address, *args, **kwargs):
        guard(address)
        return real_create(address, *args, **kwargs)

    def fake_connect(self, address):
        if isinstance(address, tuple):
            guard(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", fake_create)
    monkeypatch.setattr(socket.socket, "connect", fake_connect)
    return attempts


def test_a_page_on_an_allowed_network_is_ingested(server):
    doc = read_url(server + "/article", max_bytes=1_000_000, allow=LOOPBACK)
    assert "Rotterdam" in doc.text and doc.raw_format == "html"
    assert doc.url == server + "/article"


def test_a_redirect_inside_an_allowed_network_is_followed(server):
    doc = read_url(server + "/to-article", max_bytes=1_000_000, allow=LOOPBACK)
    assert doc.url == server + "/article" and "Amsterdam" in doc.text


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1:9/", "loopback"),
    ("http://[::1]:9/", "loopback"),
    ("http://10.0.0.1/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://intranet.example/", "private"),
    ("http://metadata.example/", "link-local"),
    ("http://local.example:9/", "loopback"),
    ("http://mixed.example/", "private"),  # one bad address among the answers is enough
    ("http://[::ffff:10.0.0.1]/", "private"),
])
def test_forbidden_addresses_are_refused_before_any_connection(url, why, no_network):
    with pytest.raises(BadInput, match=why) as info:
        fetch(url, max_bytes=1000)
    assert "\n" not in str(info.value)
    assert no_network == []  # refused before any connection was opened


@pytest.mark.parametrize("path", ["/to-private", "/to-metadata", "/to-name"])
def test_a_redirect_to_a_forbidden_address_is_refused(server, path, no_network):
    with pytest.raises(BadInput, match="refused to fetch"):
        fetch(server + path, max_bytes=1000, allow=LOOPBACK)
    assert all(ipaddress.ip_address(a).is_loopback for a in no_network)
    assert _Handler.seen == [path]  # the redirect was read; its target never was


def test_loopback_is_refused_by_default_even_when_a_server_listens(server, no_network):
    with pytest.raises(BadInput, match="loopback"):
        fetch(server + "/article", max_bytes=1000)
    assert no_network == [] and _Handler.seen == []


def test_other_failures_are_one_line_errors(server):
    for path, match in [("/missing", "404"), ("/loop", "redirects"), ("/big", "limit"), ("/image", "image/png")]:
        with pytest.raises(BadInput, match=match) as info:
            read_url(server + path, max_bytes=10_000, allow=LOOPBACK)
        assert "\n" not in str(info.value)
    with pytest.raises(BadInput, match="only http"):
        fetch("file:///etc/passwd", max_bytes=10)
    with pytest.raises(BadInput, match="user name"):
        fetch("http://user:pw@local.example/", max_bytes=10, allow=LOOPBACK)


def test_refusal_covers_the_special_ranges():
    for addr in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                 "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:192.168.0.1"):
        assert refusal(ipaddress.ip_address(addr)), addr
    for addr in ("93.184.216.34", "2606:4700::1111", "8.8.8.8"):
        assert refusal(ipaddress.ip_address(addr)) is None, addr


def test_networks_setting_names_a_bad_entry():
    assert networks(" 127.0.0.0/8 , ::1 ") == (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1"))
    with pytest.raises(ValueError, match="'nonsense'"):
        networks("10.0.0.0/8,nonsense")


def test_the_api_ingests_an_allowed_url_and_refuses_the_rest(server, tmp_path, no_network):
    from fastapi.testclient import TestClient

    from stationwatch.settings import Settings
    from stationwatch.web import create_app

    app = create_app(Settings(db=str(tmp_path / "u.db"), api_token="t", url_allow="127.0.0.0/8"))
    with TestClient(app) as client:
        ok = client.post("/api/v1/ingest", json={"url": server + "/to-article"}, headers={"X-API-Token": "t"}).json()
        assert ok["outcomes"][0]["status"] == "added"
        assert any(r.get("city") == "Rotterdam" for r in ok["changes"]["new"])
        bad = client.post("/api/v1/ingest", json={"url": server + "/to-metadata"}, headers={"X-API-Token": "t"}).json()
        assert bad["outcomes"][0]["status"] == "failed" and "link-local" in bad["outcomes"][0]["message"]
    assert all(ipaddress.ip_address(a).is_loopback for a in no_network)


def test_settings_from_the_environment_name_a_bad_value():
    from stationwatch.errors import ConfigError
    from stationwatch.settings import from_env

    s = from_env({"STATIONWATCH_API_TOKEN": "t", "STATIONWATCH_MAX_UPLOAD_BYTES": "1000", "STATIONWATCH_URL_ALLOW": "10.1.0.0/16"})
    assert (s.api_token, s.max_upload_bytes, s.url_allow) == ("t", 1000, "10.1.0.0/16")
    for key, value in [("STATIONWATCH_MAX_UPLOAD_BYTES", "5MB"), ("STATIONWATCH_URL_ALLOW", "intranet")]:
        with pytest.raises(ConfigError, match=key):
            from_env({key: value})
