#!/usr/bin/env bash
# Issue 6 "Scale": a 10,000-article folder geoparsed on one thread and on every core, and the same
# articles through `geoparse --jsonl`, whole process (gazetteer start-up included), wall time and
# peak memory, and whether the parallel output equals the sequential one byte for byte. The
# articles are the GeoWebNews texts of the shared folder, cycled into 10,000 files in a temporary
# folder (nothing of them enters the repository). Usage: bench/geoparse_folder.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/conflictmap
N=${2:-10000}
EVAL=${CMAP_SHARED_DIR:-../shared}/eval/geowebnews.all.jsonl
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
/usr/bin/python3 - "$EVAL" "$OUT" "$N" <<'PY'
import json, os, sys
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
out, n = sys.argv[2], int(sys.argv[3])
os.makedirs(f"{out}/articles")
with open(f"{out}/in.jsonl", "w", encoding="utf-8") as jl:
    for i in range(n):
        t = texts[i % len(texts)]
        with open(f"{out}/articles/{i:05d}.txt", "w", encoding="utf-8") as f:
            f.write(t)
        jl.write(json.dumps({"id": i, "text": t, "published": "2016-05-01"}) + "\n")
PY
MB=$(du -sb "$OUT/articles" | awk '{print $1 / 1e6}')
CORES=$(nproc)
"$BIN" gazetteer lookup Homs >/dev/null  # warm the gazetteer cache, as a user's second run would
# run OUTFILE INFILE COMMAND...: "wall-s peak-KB user-s sys-s" of the command, its stdout into OUTFILE
run() {
    local out=$1 in=$2; shift 2
    /usr/bin/time -f "%e %M %U %S" "$@" <"$in" >"$out" 2>"$OUT/time" || true
    tail -1 "$OUT/time"
}
read -r s1 m1 u1 y1 <<<"$(run "$OUT/seq.json" /dev/null "$BIN" geoparse --json --jobs 1 "$OUT/articles")"
read -r sn mn un yn <<<"$(run "$OUT/par.json" /dev/null "$BIN" geoparse --json --jobs "$CORES" "$OUT/articles")"
read -r sl ml ul yl <<<"$(run "$OUT/out.jsonl" "$OUT/in.jsonl" "$BIN" geoparse --jsonl --jobs "$CORES")"
same=$(cmp -s "$OUT/seq.json" "$OUT/par.json" && echo yes || echo NO)
/usr/bin/python3 - <<PY
n, mb, cores = $N, $MB, $CORES
rows = [("--json, 1 thread", $s1, $m1, $u1 + $y1), (f"--json, {cores} threads", $sn, $mn, $un + $yn),
        (f"--jsonl, {cores} threads", $sl, $ml, $ul + $yl)]
print(f"{n} articles, {mb:.1f} MB, {cores} cores")
# On a shared machine wall time includes waiting for a core: CPU time says what the work costs.
for name, s, m, cpu in rows:
    print(f"  geoparse {name:22s} {s:6.2f} s wall ({cpu:5.2f} s CPU)  {n/s:6.0f} articles/s  {mb/s:5.1f} MB/s  peak RSS {m/1024:.0f} MB")
print(f"  speed-up on {cores} threads: {$s1/$sn:.2f}x; parallel output identical to sequential: $same")
PY
