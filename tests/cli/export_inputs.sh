#!/usr/bin/env bash
# export refuses bad input with one line naming it, exit 2, and no output file left behind.
. "$(dirname "$0")/lib.bash"

OUT=$TMP/map.png
# expect_refused TEXT DESCRIPTION -- ARGS...: exit 2, one stderr line mentioning TEXT, no $OUT.
expect_refused() {
    local text=$1 what=$2
    shift 3
    rm -f "$OUT"
    expect_exit 2 "$what" -- export --out "$OUT" "$@"
    expect_err_line "$text" "$what"
    [ ! -e "$OUT" ] || fail "$what: left $OUT behind"
    [ -z "$(ls "$TMP" | grep -v -e '^out$' -e '^err$' -e '^bad' -e '^dir$')" ] || fail "$what: left $(ls "$TMP")"
}

printf 'not a shapefile' > "$TMP/bad.shp"
printf '{"version": 1, "articles": 7}' > "$TMP/bad.json"
mkdir "$TMP/dir"

expect_refused "--size" "size 0x0" -- --size 0x0
expect_refused "8192 pixels a side" "size beyond the limit" -- --size 20000x20000
expect_refused "--size" "size not WxH" -- --size big
expect_refused "--date" "date not a date" -- --date 2015-13-01
expect_refused "--date" "date of month precision" -- --date 2015-09
expect_refused "--mode" "unknown mode" -- --date 2015-09-30 --mode sideways
expect_refused "--window" "window of zero days" -- --date 2015-09-30 --mode window --window 0
expect_refused "--date" "mode without a date" -- --mode window
expect_refused "--view" "view with three numbers" -- --view 30,30,40
expect_refused "--view" "view upside down" -- --view 40,30,30,35
expect_refused "--view" "view outside the world" -- --view 30,30,200,35
expect_refused "--projection" "projection PROJ rejects" -- --projection EPSG:999999
expect_refused "no-such-article.txt" "missing article" -- "$TMP/no-such-article.txt"
expect_refused "dir" "article that is a folder" -- "$TMP/dir"
expect_refused "bad.shp" "unreadable layer" -- --layer "$TMP/bad.shp"
expect_refused "no-such-layer.gpkg" "missing layer" -- --layer "$TMP/no-such-layer.gpkg"
expect_refused "bad.json" "malformed workspace" -- --workspace "$TMP/bad.json"
expect_refused "no-such-workspace.json" "missing workspace" -- --workspace "$TMP/no-such-workspace.json"

# Unwritable or impossible output: nothing is written anywhere.
expect_exit 2 "output in a missing folder" -- export --out "$TMP/missing/map.png"
expect_err_line "missing" "output in a missing folder"
expect_exit 2 "output that is a folder" -- export --out "$TMP/dir"
expect_err_line "dir" "output that is a folder"
expect_exit 2 "output that is not a PNG" -- export --out "$TMP/map.jpg"
expect_err_line ".png" "output that is not a PNG"
[ ! -e "$TMP/map.jpg" ] || fail "a .jpg was written"
if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
    mkdir "$TMP/dir/ro" && chmod 555 "$TMP/dir/ro"
    expect_exit 2 "output in a read-only folder" -- export --out "$TMP/dir/ro/map.png"
    expect_err_line "not writable" "output in a read-only folder"
fi

# No display needed: export draws through EGL's surfaceless platform.
( unset DISPLAY WAYLAND_DISPLAY; "$BIN" export --no-basemap --size 320x200 --out "$OUT" >"$TMP/out" 2>"$TMP/err" )
code=$?
[ "$code" -eq 0 ] || fail "no display: exit $code, expected 0 ($(head -c 300 "$TMP/err"))"
[ -s "$OUT" ] || fail "no display: no PNG written"
rm -f "$OUT"

# EGL without Mesa's driver (libglvnd finds no vendor): one line saying what is missing, no file.
__EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent.json "$BIN" export --no-basemap --size 320x200 --out "$OUT" >"$TMP/out" 2>"$TMP/err"
code=$?
[ "$code" -eq 2 ] || fail "no EGL driver: exit $code, expected 2"
expect_err_line "cannot draw" "no EGL driver"
[ ! -e "$OUT" ] || fail "no EGL driver: left $OUT behind"
finish
