"""Response headers that keep ingested content inert, and the API token check."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import Header, HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware


def csp(tiles_url: str | None = None) -> str:
    """No inline script or style, nothing from elsewhere (but a configured tile server's images)."""
    img = "'self' data:"
    if tiles_url:
        parts = urlsplit(tiles_url.replace("{s}", "a"))
        img += f" {parts.scheme}://{parts.netloc.replace('a.', '*.', 1) if '{s}' in tiles_url else parts.netloc}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src " + img + "; connect-src 'self'; "
            "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")


class SecurityHeaders(BaseHTTPMiddleware):
    def __init__(self, app, tiles_url: str | None = None):
        super().__init__(app)
        self.policy = csp(tiles_url)

    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        if request.url.path.startswith("/api/docs"):
            return response  # (the OpenAPI page loads its own script and style; it shows no stored content)
        response.headers["Content-Security-Policy"] = self.policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


def check_token(request: Request, given: str | None) -> None:
    """403 unless ``given`` is the configured token; 403 also when no token is configured (writes off)."""
    expected = request.app.state.sw.settings.api_token
    if not expected:
        raise HTTPException(403, "writes are off: set STATIONWATCH_API_TOKEN to enable ingest and delete")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401 if not given else 403, "a valid API token is needed (header X-API-Token)")


def require_token(request: Request, x_api_token: str | None = Header(default=None)) -> None:
    check_token(request, x_api_token)
