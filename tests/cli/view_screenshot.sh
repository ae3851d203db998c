#!/usr/bin/env bash
# The viewer: no display -> one line and exit 2; bad input -> one line naming it, exit 2; under
# an X server (ctest runs under xvfb-run -a) `view --screenshot` renders the built-in briefing,
# articles and a layer, and writes a full-window PNG that is not blank.
. "$(dirname "$0")/lib.bash"
export CMAP_RECOVERY_DIR="$TMP/recovery"

( unset DISPLAY WAYLAND_DISPLAY; "$BIN" view >"$TMP/out" 2>"$TMP/err" ); got=$?
[ "$got" -eq 2 ] || fail "view without a display: exit $got, expected 2"
expect_err_line "display" "view without a display"

expect_exit 2 "missing article" -- view "$TMP/nope.txt"
expect_err_line "$TMP/nope.txt" "missing article"
echo '{"version": 1, "articles": 3}' >"$TMP/bad.json"
expect_exit 2 "bad workspace" -- view --workspace "$TMP/bad.json"
expect_err_line "$TMP/bad.json" "bad workspace"
expect_exit 2 "bad size" -- view --size 10x10 --screenshot "$TMP/x.png"
expect_err_line "--size" "bad size"

[ -n "${DISPLAY:-}" ] || skip "screenshots need an X server (run ctest under xvfb-run -a)"

# PNG width and height from the IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }
# A window of panels and a map compresses to far more than a blank or single-colour one.
check_png() {
    local file=$1 size=$2 what=$3
    [ -s "$file" ] || { fail "$what: no PNG written"; return; }
    [ "$(png_size "$file")" = "$size" ] || fail "$what: PNG is $(png_size "$file"), expected $size"
    [ "$(stat -c %s "$file")" -gt 60000 ] || fail "$what: PNG of $(stat -c %s "$file") bytes looks blank"
}

expect_exit 0 "built-in briefing" -- view --screenshot "$TMP/briefing.png" --frames 3 --size 1280x800
check_png "$TMP/briefing.png" 1280x800 "built-in briefing"

CORPUS=${CMAP_SHARED_DIR:-}/corpus
cat >"$TMP/layer.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "patrol"}, "geometry": {"type": "LineString", "coordinates": [[35.5, 35.0], [36.5, 34.0]]}}]}
JSON
echo "not a vector file" >"$TMP/broken.geojson"
if [ -f "$CORPUS/001_a8c1fb0f76f8c4dd.txt" ]; then
    # A layer that fails to load is reported in the window; the viewer keeps running.
    expect_exit 0 "articles and layers" -- view "$CORPUS/001_a8c1fb0f76f8c4dd.txt" --layer "$TMP/layer.geojson" \
        --layer "$TMP/broken.geojson" --date 2015-09-20 --screenshot "$TMP/articles.png" --frames 3 --size 1024x700
    check_png "$TMP/articles.png" 1024x700 "articles and layers"
fi
printf 'event_date,event_type,latitude,longitude\n2016-03-15,Battles,35.1,36.7\n' >"$TMP/e.csv"
expect_exit 0 "viewer with events" -- view --events "$TMP/e.csv" --size 800x600 --frames 3 --no-recover --screenshot "$TMP/view.png"
check_png "$TMP/view.png" 800x600 "viewer with events"
expect_exit 2 "bad --date" -- view --date 2015-13-01 --screenshot "$TMP/d.png"
expect_err_line "--date" "bad --date"
finish
