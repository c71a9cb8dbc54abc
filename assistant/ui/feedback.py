"""👍/👎 on answers, appended to a local JSONL file for staff review.

One JSON object per line, written with a single ``write`` under a lock so
concurrent sessions never interleave half lines.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .conversation import Exchange


class FeedbackLog:
    """Appends feedback records to ``path`` (created with its folder on first use)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, exchange: Exchange, rating: str, message_index: int) -> dict[str, Any]:
        """Append one rating ("up", "down" or another option's name) of ``exchange``; returns the record."""
        answer = exchange.answer
        entry: dict[str, Any] = {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "rating": rating,
            "persona": exchange.persona,
            "message_index": message_index,
            "question": exchange.question,
        }
        if answer is not None:
            entry.update(answer.to_json())
            entry["question"] = exchange.question
        else:
            entry["error"] = exchange.error
        self.append(entry)
        return entry

    def append(self, entry: dict[str, Any]) -> None:
        """Append one record as a single JSON line."""
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line)


def rating_of(liked: Any) -> str:
    """Gradio's ``LikeData.liked`` as a rating name."""
    if liked is True:
        return "up"
    if liked is False:
        return "down"
    return str(liked) if liked else "cleared"
