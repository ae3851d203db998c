#!/usr/bin/env bash
# Inputs that once grew superlinearly, at doubling sizes, whole process: each row should take
# about twice the row before (linear), not four times. Not a test (timings); the CLI test
# tests/cli/linear_inputs.sh keeps the worst cases bounded.
#   one-line articles of one repeated place name, 1, 2, 4 and 8 MB (geoparse --json)
#   1k to 8k mentions to KML (export-data)
#   a polygon layer of one polygon with 1k to 8k holes (export --layer, 640x480, no basemap)
# Usage: bench/stress_linear.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-build}")/conflictmap
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$BIN" gazetteer lookup Homs >/dev/null  # the gazetteer cache warm, as in a user's second run

row() {  # row WHAT SIZE -- COMMAND...: one line "WHAT SIZE: S s elapsed, U s CPU"
    local what=$1 size=$2
    shift 3
    /usr/bin/time -f "%e %U %S" "$@" >/dev/null 2>"$T/time" || { echo "$what $size: failed: $(tail -1 "$T/time")"; return; }
    read -r e u s < <(tail -1 "$T/time")
    printf '%-28s %6s: %6.2f s elapsed, %6.2f s CPU\n' "$what" "$size" "$e" "$(echo "$u + $s" | bc)"
}

for mb in 1 2 4 8; do
    /usr/bin/python3 -c "import sys; sys.stdout.write('Latakia ' * ($mb << 17))" >"$T/line.txt"
    row "one-line article" "${mb} MB" -- "$BIN" geoparse --json "$T/line.txt"
done
for n in 1000 2000 4000 8000; do
    /usr/bin/python3 -c "import sys; sys.stdout.write('Troops moved to Homs on 3 October 2015. ' * $n)" >"$T/m.txt"
    row "KML, mentions + events" "$((2 * n))" -- "$BIN" export-data --out "$T/m.kml" "$T/m.txt"
done
for n in 1000 2000 4000 8000; do
    /usr/bin/python3 - "$n" "$T/holes.geojson" <<'PY'
import json, math, sys
n = int(sys.argv[1])
side = math.ceil(math.sqrt(n))
cell = 10.0 / side
holes = []
for k in range(n):  # small squares on a grid, each wound like the exterior (the loader orients them)
    x0, y0, d = 30 + (k % side + 0.25) * cell, 30 + (k // side + 0.25) * cell, cell / 2
    holes.append([[x0, y0], [x0, y0 + d], [x0 + d, y0 + d], [x0 + d, y0], [x0, y0]])
outer = [[30, 30], [40, 30], [40, 40], [30, 40], [30, 30]]
json.dump({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
           "geometry": {"type": "Polygon", "coordinates": [outer] + holes}}]}, open(sys.argv[2], "w"))
PY
    row "polygon holes" "$n" -- "$BIN" export --no-basemap --no-furniture --size 640x480 --out "$T/h.png" --layer "$T/holes.geojson"
done
