#!/usr/bin/env bash
# Set-up and run: installs everything, builds the embedding model, ingests corpus/, starts the chat app.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
printf '\033[1m==> %s\033[0m\n' "Ingesting corpus/ into vectorstore/ (unchanged documents are skipped)"
assistant ingest
printf '\033[1m==> %s\033[0m\n' "Starting the chat app"
exec python app.py "$@"
