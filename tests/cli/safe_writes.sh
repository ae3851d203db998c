#!/usr/bin/env bash
# Writes that cannot be tricked and lose no data: a link planted at a name the writer might use
# is never written through (temporary files are new, exclusive and unguessable); an output that
# is one of the inputs is refused (exit 2) and the input kept; export-data writes only the
# extensions it documents; a write that fails (a full disk, here a file size limit) is exit 2
# with the previous file unchanged, for every writer.
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"
mkdir "$TMP/empty"
B=(--corpus "$TMP/empty")  # the built-in briefing without its articles: quick
E=(export --no-basemap --no-furniture --size 64x36)

# A link at every name the writers used to take beside their target: nothing is written through.
echo precious >"$TMP/victim"
for name in map.png.partial .map.partial-$$.png .map.partial.png; do ln -s "$TMP/victim" "$TMP/$name"; done
for name in .data.partial.geojson data.geojson.partial; do ln -s "$TMP/victim" "$TMP/$name"; done
expect_exit 0 "export beside planted links" -- "${E[@]}" --out "$TMP/map.png"
expect_exit 0 "export-data beside planted links" -- export-data "${B[@]}" --out "$TMP/data.geojson"
[ "$(cat "$TMP/victim")" = precious ] || fail "a planted link was written through: $(head -c 80 "$TMP/victim")"
[ -s "$TMP/map.png" ] && [ ! -L "$TMP/map.png" ] || fail "export did not write its own file"

# An output that is an input: refused, the input unchanged.
printf '{"version": 1, "title": "keep me"}' >"$TMP/ws.geojson"
cp "$TMP/ws.geojson" "$TMP/ws.json"
ln -s "$TMP/ws.geojson" "$TMP/link.geojson"
expect_exit 2 "export-data over its workspace" -- export-data --out "$TMP/ws.geojson" --workspace "$TMP/ws.geojson"
expect_err_line "is one of the inputs" "export-data over its workspace"
expect_exit 2 "export-data over its workspace through a link" -- export-data --out "$TMP/link.geojson" --workspace "$TMP/ws.geojson"
expect_err_line "is one of the inputs" "export-data over its workspace through a link"
cmp -s "$TMP/ws.geojson" "$TMP/ws.json" || fail "the workspace was replaced"
printf 'Russian aircraft struck Homs.\n' >"$TMP/a.txt"
printf '{"title": "sidecar"}' >"$TMP/a.meta.json"
cp "$TMP/a.meta.json" "$TMP/sidecar.copy"
expect_exit 2 "export-data over a sidecar" -- export-data --out "$TMP/a.meta.json" "$TMP/a.txt"
expect_err_line "a.meta.json" "export-data over a sidecar"
cmp -s "$TMP/a.meta.json" "$TMP/sidecar.copy" || fail "the sidecar was replaced"
expect_exit 2 "export-data over the workspace, .json" -- export-data --out "$TMP/ws.json" --workspace "$TMP/ws.json"
expect_err_line "must end in .geojson, .kml or .gpkg" "export-data over the workspace, .json"
cmp -s "$TMP/ws.geojson" "$TMP/ws.json" || fail "the .json workspace was replaced"
printf 'lon,lat,name\n35.79,35.52,x\n' >"$TMP/layer.csv"
cp "$TMP/layer.csv" "$TMP/layer.copy"
expect_exit 2 "export over its debug JSON's layer" -- "${E[@]}" --out "$TMP/m.png" --debug-json "$TMP/layer.csv" --layer "$TMP/layer.csv"
expect_err_line "is one of the inputs" "export over its layer"
cmp -s "$TMP/layer.csv" "$TMP/layer.copy" || fail "the layer was replaced"

# A write that fails half way: exit 2, one line, the previous file unchanged, nothing left.
# (SIGXFSZ ignored: the write fails with EFBIG instead of killing the process.)
limited() {
    local what=$1 out=$2
    shift 2
    echo old >"$out"
    (trap '' XFSZ; ulimit -f 4; exec "$BIN" "$@") >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq 2 ] || fail "$what over a size limit: exit $got, expected 2 (stderr: $(head -c 300 "$TMP/err"))"
    expect_err_line "cannot write" "$what over a size limit"
    [ "$(cat "$out")" = old ] || fail "$what over a size limit: the previous file was replaced"
    [ -z "$(ls -A "$(dirname "$out")" | grep partial)" ] || fail "$what: temporary files left: $(ls -A "$(dirname "$out")")"
}
mkdir "$TMP/lim"
for ext in geojson kml gpkg; do
    limited "export-data .$ext" "$TMP/lim/d.$ext" export-data "${B[@]}" --out "$TMP/lim/d.$ext"
done
limited "export PNG" "$TMP/lim/m.png" export --size 800x600 --no-basemap --out "$TMP/lim/m.png"
limited "animate GIF" "$TMP/lim/a.gif" animate --size 320x200 --no-basemap --from 2015-09-01 --to 2015-10-01 \
    --fps 4 --duration 2 --out "$TMP/lim/a.gif"
if "$BIN" animate --help >/dev/null 2>&1 && command -v ffprobe >/dev/null; then
    limited "animate MP4" "$TMP/lim/a.mp4" animate --size 320x200 --no-basemap --from 2015-09-01 --to 2015-10-01 \
        --fps 4 --duration 2 --out "$TMP/lim/a.mp4"
fi
limited "export --debug-json" "$TMP/lim/dbg.json" "${E[@]}" --out "$TMP/lim/x.png" --debug-json "$TMP/lim/dbg.json"

finish
