#!/usr/bin/env bash
# Set-up and run the whole test suite (browser tests included), then the evaluation gate.
set -euo pipefail
cd "$(dirname "$0")"
APT_PACKAGES="chromium fonts-noto-cjk fonts-wqy-microhei libreoffice-writer-nogui" bash scripts/bootstrap.sh test
. .venv/bin/activate
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
printf '\033[1m==> %s\033[0m\n' "Running the tests"
python -m pytest tests "$@"
printf '\033[1m==> %s\033[0m\n' "Running the evaluation against its committed limits"
assistant eval --out "${EVAL_OUT:-test-artifacts/eval}" --check
