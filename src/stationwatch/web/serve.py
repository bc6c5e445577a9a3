"""An app built from the environment (STATIONWATCH_DB, STATIONWATCH_API_TOKEN, …), for process managers
and for ``uvicorn --factory stationwatch.web.serve:app_from_env``."""

from __future__ import annotations

import os

from ..settings import from_env
from . import create_app


def app_from_env():
    return create_app(from_env(), tiles_url=os.environ.get("STATIONWATCH_TILES_URL") or None)
