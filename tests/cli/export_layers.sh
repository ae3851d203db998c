#!/usr/bin/env bash
# Layers a user brings (--layer), drawn as they should be: alone (no built-in briefing under them),
# each in its own colour; CSV layers from their lon/lat, latitude/longitude or X/Y columns; a layer
# that draws nothing says why on stderr; `export` of layers alone loads no gazetteer.
. "$(dirname "$0")/lib.bash"
export XDG_CACHE_HOME="$TMP/cache"  # a gazetteer cache appears only if the gazetteer was loaded
point() { printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"%s"},"geometry":{"type":"Point","coordinates":[%s,%s]}}]}' "$1" "$2" "$3"; }
point north 36 36 >"$TMP/north.geojson"
point south 36 34 >"$TMP/south.geojson"
printf 'name,lat,lon\nwest,35,35\n' >"$TMP/latlon.csv"
printf 'name,Latitude,Longitude\neast,35,37\n' >"$TMP/latitude.csv"
printf 'name,X,Y\nmiddle,36,35\n' >"$TMP/xy.csv"
printf 'name,notes\nnowhere,no coordinates here\n' >"$TMP/nowhere.csv"
printf '{"type":"FeatureCollection","features":[]}' >"$TMP/empty.geojson"
# Plate carree over 34..38E, 33..37N at 200x200: 50 pixels a degree, (36E, 35N) at (100, 100).
MAP=(export --no-basemap --no-furniture --projection EPSG:4326 --view 34,33,38,37 --size 200x200)

expect_exit 0 "layers alone" -- "${MAP[@]}" --layer "$TMP/north.geojson" --layer "$TMP/south.geojson" \
    --layer "$TMP/latlon.csv" --layer "$TMP/latitude.csv" --layer "$TMP/xy.csv" --out "$TMP/layers.png" \
    --debug-json "$TMP/layers.json"
[ -s "$TMP/err" ] && fail "layers that draw say nothing: $(head -c 300 "$TMP/err")"
grep -q '"mentions": \[\]' "$TMP/layers.json" || fail "the built-in briefing was drawn under the layers"
PYTHONPATH="$(dirname "$0")" /usr/bin/python3 - "$TMP" <<'PY' || fail "layer colours and CSV points"
import sys
from png_pixels import load_png
img = load_png(f"{sys.argv[1]}/layers.png")
def px(x, y):
    return tuple(img[2][y][4 * x:4 * x + 3])
def near(c, want, tol=30):
    return all(abs(a - b) <= tol for a, b in zip(c, want))
palette = [(0x00, 0x69, 0x5c), (0xd9, 0x5f, 0x02), (0x75, 0x70, 0xb3), (0xe7, 0x29, 0x8a), (0x66, 0xa6, 0x1e)]
# north (36E 36N), south (36E 34N), the lat/lon CSV (35E), the Latitude/Longitude CSV (37E), X/Y (36E 35N)
for i, (x, y) in enumerate([(100, 50), (100, 150), (50, 100), (150, 100), (100, 100)]):
    assert near(px(x, y), palette[i]), (f"layer {i + 1} at {x},{y}", px(x, y), palette[i])
PY

# Over the basemap: the prepared basemap is loaded (and cached), the gazetteer is not.
expect_exit 0 "a layer over the basemap" -- export --size 320x200 --layer "$TMP/north.geojson" --out "$TMP/basemap.png"
ls "$TMP/cache/conflictmap" | grep -q '^basemap-' || fail "no basemap cache was written"
ls "$TMP/cache/conflictmap" | grep -q '^gazetteer-' && fail "export of a layer alone loaded the gazetteer"

# A layer that draws nothing is still loaded, and says why.
expect_exit 0 "CSV without coordinates" -- "${MAP[@]}" --layer "$TMP/nowhere.csv" --out "$TMP/nowhere.png"
expect_err_line "$TMP/nowhere.csv: has no coordinates: a CSV layer needs lon/lat, longitude/latitude or X/Y columns" \
    "CSV without coordinates"
expect_exit 0 "empty layer" -- "${MAP[@]}" --layer "$TMP/empty.geojson" --out "$TMP/empty.png"
expect_err_line "$TMP/empty.geojson: has no features; the layer draws nothing" "empty layer"
finish
