"""Settings from environment variables or `.env` (DESIGN.md's names), checked once at start-up."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import SettingsError
from knowledge.pack import shipped_pack

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
ASCII_ID = re.compile(r"-?[0-9]+")  # int() would also take other scripts' digits (١٢٣)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BOT_", env_file=".env", extra="ignore")

    token: SecretStr | None = None  # never printed in logs or reprs
    api_base_url: str = DEFAULT_API_BASE_URL
    api_base_file_url: str | None = None
    db_path: Path = Path("data/bot.db")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    staff_chat_id: int | None = None
    today: dt.date | None = None
    log_level: str = "INFO"
    # the notice pack: notice, FAQ, lexicon, flows, rules and the notice's own wording
    notice_dir: Path = Field(default_factory=shipped_pack)
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)
    # reverse proxies whose X-Forwarded-For names the client (comma-separated addresses)
    web_trusted_proxies: Annotated[frozenset[str], NoDecode] = Field(default_factory=frozenset)

    @field_validator("token", "staff_chat_id", "today", "api_base_file_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            bad = [p for p in parts if not ASCII_ID.fullmatch(p)]
            if bad:
                raise ValueError(f"expected comma-separated Telegram user ids, got {', '.join(bad)!s}")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("web_trusted_proxies", mode="before")
    @classmethod
    def _addresses(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(p.strip() for p in value.split(",") if p.strip())
        return value

    @field_validator("staff_chat_id", mode="before")
    @classmethod
    def _group_id(cls, value: object) -> object:
        if isinstance(value, str) and not ASCII_ID.fullmatch(value.strip()):
            raise ValueError(f"expected a Telegram group id such as -1001234567890, got {value}")
        if value is not None and int(str(value).strip()) >= 0:
            # users' ids are positive, groups' negative: a positive id would post cases to a person
            raise ValueError(f"expected a group id, which is negative (such as -1001234567890), got {value}")
        return value

    @field_validator("api_base_url", "api_base_file_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"expected an http(s) URL such as http://127.0.0.1:8081/bot, got {value}")
        # PTB appends the token to base_url: a trailing slash makes every call a 404.
        return value.strip().rstrip("/")

    @field_validator("db_path", mode="before")
    @classmethod
    def _home_expanded(cls, value: object) -> object:
        return Path(value).expanduser() if isinstance(value, str | Path) else value

    @field_validator("notice_dir", mode="before")
    @classmethod
    def _pack_path(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return shipped_pack()
        return Path(value).expanduser() if isinstance(value, str | Path) else value

    @field_validator("notice_dir")
    @classmethod
    def _a_pack(cls, value: Path) -> Path:
        if not (value / "notice.yaml").is_file():
            raise ValueError(f"expected a notice pack folder holding notice.yaml, got {value}")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    def current_date(self) -> dt.date:
        return self.today or dt.date.today()


def load_settings(**overrides: object) -> Settings:
    """Settings, or SettingsError with one line such as 'BOT_ADMIN_IDS: expected …'."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "BOT_" + str(err["loc"][0]).upper() if err["loc"] else "settings"
        message = str(err["msg"]).removeprefix("Value error, ")
        if "got" not in message:
            message += f" (got {err.get('input')!r})"
        raise SettingsError(f"{name}: {message}") from exc
