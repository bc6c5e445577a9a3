"""Reading a page from a URL, without letting a URL reach inside the network it is fetched from.

A URL given to the server ("ingest this page") could name the machine itself, the private network
behind it, or a cloud's metadata service (169.254.169.254). :func:`fetch` refuses such addresses
*before any connection is opened*: it resolves the host name itself, checks every address the
resolver returns, and then connects to the address it checked (so a second, different DNS answer
cannot slip in between the check and the connection). Every redirect is a new URL and goes through
the same check. ``allow`` (the setting ``STATIONWATCH_URL_ALLOW``, networks such as ``127.0.0.0/8`` or
``10.1.2.0/24``) lets addresses in those networks through, for a newsroom's own intranet or for tests
against a local server; everything else stays refused.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import BadInput

Resolver = Callable[..., list]
MAX_REDIRECTS = 5
USER_AGENT = "stationwatch (+https://github.com/stationwatch/stationwatch)"
# networks no public web page lives in, beyond what ipaddress already calls private or reserved
_EXTRA_BLOCKED = [ipaddress.ip_network(n) for n in (
    "100.64.0.0/10",   # carrier-grade NAT
    "192.0.0.0/24",    # IETF protocol assignments
    "198.18.0.0/15",   # benchmarking
    "64:ff9b::/96",    # NAT64: may embed a private IPv4 address
)]


@dataclass(frozen=True)
class Page:
    url: str            # the final URL, after redirects
    content_type: str
    body: bytes


def refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # "::ffff:127.0.0.1" is 127.0.0.1
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata services live there)"
    if ip.is_private:
        return "a private network address"
    if ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return "a reserved address"
    if any(ip in net for net in _EXTRA_BLOCKED):
        return "a special-purpose address"
    return None


def _addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        return [ipaddress.ip_address(host).compressed]  # a literal address needs no lookup
    except ValueError:
        pass
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ValueError(f"cannot resolve host '{host}'") from exc
    out = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = sockaddr[0].split("%", 1)[0]  # (an IPv6 zone index)
        if addr not in out:
            out.append(addr)
    if not out:
        raise ValueError(f"cannot resolve host '{host}'")
    return out


Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def networks(value: str | None) -> Networks:
    """``"127.0.0.0/8, ::1"`` -> networks (a ValueError names a bad entry)."""
    out = []
    for item in (value or "").split(","):
        if item.strip():
            try:
                out.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(f"'{item.strip()}' is not an address or network") from exc
    return tuple(out)


def _checked(url: str, allow: Networks, resolver: Resolver) -> tuple[str, str, int, str]:
    """(scheme, host, port, the address to connect to) for a URL that may be fetched."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"only http and https URLs can be ingested, not '{parts.scheme or '(none)'}'")
    if parts.username or parts.password:
        raise ValueError("URLs with a user name or password are not fetched")
    host = parts.hostname
    if not host:
        raise ValueError("the URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise ValueError("the URL's port is not a number") from exc
    addresses = _addresses(host, port, resolver)
    for addr in addresses:
        ip = ipaddress.ip_address(addr)
        why = refusal(ip)
        if why and not any(ip.version == net.version and ip in net for net in allow):
            shown = host if host == addr else f"{host} ({addr})"
            raise ValueError(f"refused to fetch {shown}: {why} (STATIONWATCH_URL_ALLOW lists networks to allow)")
    return parts.scheme, host, port, addresses[0]


def fetch(url: str, *, max_bytes: int, allow: Networks = (), timeout: float = 15.0,
          resolver: Resolver | None = None, transport: httpx.BaseTransport | None = None) -> Page:
    """GET a page, following up to five redirects, each one checked before it is followed.

    Raises :class:`BadInput` (one line) for a refused, unreachable, failing or oversized page."""
    current = url
    resolver = resolver or socket.getaddrinfo  # (looked up at call time: tests patch the module)
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                          headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                scheme, host, port, addr = _checked(current, allow, resolver)
                # connect to the checked address; the Host header and TLS name stay the URL's
                ip_host = f"[{addr}]" if ":" in addr else addr
                parts = urlsplit(current)
                target = parts._replace(netloc=f"{ip_host}:{port}").geturl()
                host_header = host if parts.port is None else f"{host}:{port}"
                request = client.build_request("GET", target, headers={"Host": host_header},
                                               extensions={"sni_hostname": host} if scheme == "https" else {})
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise ValueError(f"redirect without a Location from {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise ValueError(f"the server answered {response.status_code} for {current}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise ValueError(f"the page is over the {max_bytes / 1e6:.1f} MB limit")
                    return Page(current, response.headers.get("content-type", ""), bytes(body))
                finally:
                    response.close()
            raise ValueError(f"more than {MAX_REDIRECTS} redirects")
    except ValueError as exc:
        raise BadInput(url, str(exc)) from None
    except httpx.HTTPError as exc:
        raise BadInput(url, f"cannot fetch the page ({exc.__class__.__name__}: {exc})") from None


def read_url(url: str, *, max_bytes: int, allow: Networks = (), **fetch_args):
    """A URL -> a Document (HTML through trafilatura, anything textual as text)."""
    from .readers import decode, from_html, from_text

    page = fetch(url, max_bytes=max_bytes, allow=allow, **fetch_args)
    kind = page.content_type.split(";", 1)[0].strip().lower()
    text = decode(page.body, url)
    if kind in ("text/html", "application/xhtml+xml") or (not kind and text.lstrip()[:1] == "<"):
        return from_html(text, url, url=page.url)
    if kind.startswith("text/") or not kind:
        return from_text(text, url, url=page.url)
    raise BadInput(url, f"cannot read a page of type '{kind}' (HTML or text only)")
