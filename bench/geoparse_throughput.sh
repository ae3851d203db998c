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
# Each command RUNS times (default 3), alternating; the medians are reported. CPU time (user + sys)
# is given beside the elapsed time: on a shared machine it is the steadier of the two.
RUNS=${RUNS:-3}
run() { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null 2>"$OUT/time" || true; tail -1 "$OUT/time"; }
for _ in $(seq "$RUNS"); do
    run "$BIN" geoparse --json "$OUT/big.txt" >>"$OUT/geoparse.times"
    run wc -w "$OUT/big.txt" >>"$OUT/wc.times"
done
/usr/bin/python3 - "$MB" "$OUT/geoparse.times" "$OUT/wc.times" <<'PY'
import statistics, sys
mb = float(sys.argv[1])
def load(path):
    rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
    med = lambda k: statistics.median(r[k] for r in rows)
    return med(0), med(1) + med(2), max(r[3] for r in rows)
cs, cc, cm = load(sys.argv[2])
ws, wc, _ = load(sys.argv[3])
print(f"input {mb:.1f} MB, medians of {len(open(sys.argv[2]).readlines())} runs")
print(f"conflictmap geoparse --json: {cs:.2f} s = {mb/cs:.1f} MB/s elapsed, {cc:.2f} s = {mb/cc:.1f} MB/s CPU, peak RSS {cm/1024:.0f} MB")
print(f"wc -w (reference):          {ws:.2f} s = {mb/max(ws,1e-3):.1f} MB/s elapsed, {wc:.2f} s CPU")
print(f"ratio geoparse / wc time: {cs/max(ws,1e-3):.1f}x elapsed, {cc/max(wc,1e-3):.1f}x CPU")
PY
