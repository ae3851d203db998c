#!/usr/bin/env bash
# Geoparsing throughput, whole process (gazetteer start-up included), on a ~37 MB input made by
# repeating the GeoWebNews texts from the shared folder, beside `wc -w` on the same file as a
# same-run reference for this machine's speed. Usage: bench/geoparse_throughput.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/conflictmap
EVAL=${CMAP_SHARED_DIR:-../shared}/eval/geowebnews.all.jsonl
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
/usr/bin/python3 - "$EVAL" "$OUT/big.txt" <<'PY'
import json, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
blob = "\n\n".join(texts)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    n = 0
    while n < 37_000_000:
        f.write(blob + "\n\n")
        n += len(blob.encode()) + 2
PY
MB=$(/usr/bin/python3 -c "import os; print(os.path.getsize('$OUT/big.txt') / 1e6)")
"$BIN" gazetteer lookup Homs >/dev/null  # warm the gazetteer cache, as a user's second run would
run() { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$OUT/time" || true; tail -1 "$OUT/time"; }
read -r cs cm <<<"$(run "$BIN" geoparse --json "$OUT/big.txt")"
read -r ws wm <<<"$(run wc -w "$OUT/big.txt")"
/usr/bin/python3 - <<PY
mb, cs, cm, ws = $MB, $cs, $cm, $ws
print(f"input {mb:.1f} MB")
print(f"conflictmap geoparse --json: {cs:.2f} s = {mb/cs:.1f} MB/s, peak RSS {cm/1024:.0f} MB")
print(f"wc -w (reference):          {ws:.2f} s = {mb/max(ws,1e-3):.1f} MB/s")
print(f"ratio geoparse / wc time: {cs/max(ws,1e-3):.1f}x")
PY
