#!/usr/bin/env bash
# Inputs that used to take time quadratic in their size now finish at once: each case is sized
# so that the old cost was tens of seconds to minutes and today's is under a second, and runs
# under a 15 s limit (a generous bound, not a timing: the growth is in bench/stress_linear.sh).
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
LIMIT=15

# within DESCRIPTION -- ARGS: the command finishes with exit 0 within the limit.
within() {
    local what=$1
    shift 2
    timeout "$LIMIT" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -ne 124 ] || fail "$what: still running after $LIMIT s"
    [ "$got" -eq 124 ] || [ "$got" -eq 0 ] || fail "$what: exit $got (stderr: $(head -c 300 "$TMP/err"))"
}

# One line of one place name, 4 MB (524,288 names in one sentence): 35-40 s before, 0.8 s now.
/usr/bin/python3 -c "import sys; sys.stdout.write('Latakia ' * 524288)" >"$TMP/one_line.txt"
within "a 4 MB line of one repeated place name" -- geoparse --json "$TMP/one_line.txt"
[ "$(grep -o '"text":"Latakia"' "$TMP/out" | wc -l)" -ge 100000 ] || fail "the repeated name is not found as places"

# 4,000 mentions to KML: 55 s before (GDAL's LIBKML), 0.1 s now.
/usr/bin/python3 -c "import sys; sys.stdout.write('Troops moved to Homs on 3 October 2015. ' * 4000)" >"$TMP/many.txt"
within "4,000 mentions to KML" -- export-data --out "$TMP/many.kml" "$TMP/many.txt"
[ "$(grep -c '<Placemark' "$TMP/many.kml")" -eq 8000 ] || fail "KML: $(grep -c '<Placemark' "$TMP/many.kml") placemarks, expected 8000"

# Memory in proportion to what is drawn: a workspace with an 8 MB title (2.3 GB peak before, its
# glyphs laid out to the end) draws the part an image can show.
/usr/bin/python3 -c "import json; json.dump({'version': 1, 'title': 'Briefing ' * 932067}, open('$TMP/title.json', 'w'))"
peak=$(/usr/bin/python3 -c "import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)" \
    "$BIN" export --no-basemap --size 640x480 --out "$TMP/title.png" --workspace "$TMP/title.json")
[ -s "$TMP/title.png" ] || fail "an 8 MB title: no image"
[ "${peak:-99999}" -lt 600 ] || fail "an 8 MB title: peak memory ${peak:-?} MB, expected under 600 MB"

finish
