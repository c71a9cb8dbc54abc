"""One error hierarchy for the whole package.

Library code raises these with the offending value in the message; the CLI and
the UI turn them into readable messages in one place each.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""

    code = "error"


class ConfigError(AssistantError):
    """A setting has a value we cannot use."""

    code = "config"


class DocumentError(AssistantError):
    """A source document cannot be read or parsed (names the file and the reason)."""

    code = "document"

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmbeddingModelError(AssistantError):
    """The embedding model cannot be built, found or loaded."""

    code = "embedding_model"


class StoreError(AssistantError):
    """The vector store is missing, incompatible or unreachable."""

    code = "store"


class StoreLockedError(StoreError):
    """Another process is writing to the same store."""

    code = "store_locked"


class EmptyStoreError(StoreError):
    """Nothing has been ingested yet."""

    code = "empty_store"


class QuestionError(AssistantError):
    """The question itself cannot be answered as given (empty, too long…)."""

    code = "bad_question"
