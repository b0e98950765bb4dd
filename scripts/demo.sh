#!/usr/bin/env bash
# The whole job on the embedded defaults (SQLite, in-process workers, folder connectors):
# synthetic mail into the hot folder; ingest (split, clean, OCR, classify); dispatch of
# the automated items into the demo office folders; the review app for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
export MAILROOM_HOME=${MAILROOM_HOME:-var}
mailroom=.venv/bin/mailroom
port=${PORT:-8000}

$mailroom doctor
$mailroom data synth --out "$MAILROOM_HOME/demo-mail" --n 40 --seed 1 --batches 2 --force
mkdir -p "$MAILROOM_HOME/inbox"
cp "$MAILROOM_HOME"/demo-mail/items/* "$MAILROOM_HOME"/demo-mail/batches/batch_* "$MAILROOM_HOME/inbox/"
$mailroom ingest --once
$mailroom dispatch --once
$mailroom items
echo "delivered to the offices: $(find "$MAILROOM_HOME/offices" -name '*.pdf' | wc -l) PDFs under $MAILROOM_HOME/offices/"
$mailroom users add demo --role admin --password demo-mailroom >/dev/null 2>&1 ||
  $mailroom users passwd demo --password demo-mailroom >/dev/null
echo
echo "review app: http://127.0.0.1:$port/   login: demo / demo-mailroom   (Ctrl-C stops it)"
exec $mailroom serve --port "$port"
