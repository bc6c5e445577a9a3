"""Response headers that keep ingested content inert, and the API token check."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import Header, HTTPException, Request


def csp(tiles_url: str | None = None) -> str:
    """No inline script or style, nothing from elsewhere (but a configured tile server's images)."""
    img = "'self' data:"
    if tiles_url:
        parts = urlsplit(tiles_url.replace("{s}", "a"))
        img += f" {parts.scheme}://{parts.netloc.replace('a.', '*.', 1) if '{s}' in tiles_url else parts.netloc}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src " + img + "; connect-src 'self'; "
            "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware): the headers on every response."""

    def __init__(self, app, tiles_url: str | None = None):
        self.app = app
        self.headers = [(b"content-security-policy", csp(tiles_url).encode()), (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith("/api/docs"):
            # (the OpenAPI page runs Swagger UI's own inline start-up script; it shows no stored content)
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def check_token(request: Request, given: str | None) -> None:
    """403 unless ``given`` is the configured token; 403 also when no token is configured (writes off)."""
    expected = request.app.state.sw.settings.api_token
    if not expected:
        raise HTTPException(403, "writes are off: set STATIONWATCH_API_TOKEN to enable ingest and delete")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401 if not given else 403, "a valid API token is needed (header X-API-Token)")


def require_token(request: Request, x_api_token: str | None = Header(default=None)) -> None:
    check_token(request, x_api_token)
