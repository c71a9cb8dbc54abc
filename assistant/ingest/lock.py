"""One writer per store: a second concurrent ingest is refused, never interleaved."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import StoreLockedError

LOCK_FILE = ".write.lock"


@contextmanager
def store_write_lock(store_dir: Path) -> Iterator[None]:
    """Hold the store's write lock, or raise StoreLockedError at once."""
    store_dir.mkdir(parents=True, exist_ok=True)
    path = store_dir / LOCK_FILE
    fh = open(path, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise StoreLockedError(
                f"another process (pid {holder}) is writing to the store {store_dir}; "
                "wait for it to finish and try again"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()
