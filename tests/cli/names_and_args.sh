#!/usr/bin/env bash
# Arguments and names: --layer and --events take one file each, so the README's own order
# (`export --out o.png --layer zones.geojson a.txt`) keeps the article an article; file names that
# are not UTF-8 still give valid JSON; unknown projections, a bad projection in a workspace, a
# loop of symbolic links, a name too long and a GeoPackage that claims absurd counts each get one
# line naming the input and the problem (exit 2), never "internal error" or "missing".
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
PY=/usr/bin/python3
E=(export --no-basemap --no-furniture --size 64x36)
printf 'Ships left Tartus on 3 October 2015.' >"$TMP/a.txt"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[35.8,35.5]}}]}' >"$TMP/zones.geojson"
printf 'event_date,event_type,latitude,longitude\n2015-10-03,Battles,35.5,35.8\n' >"$TMP/events.csv"

# mentions_in FILE: the names in a --debug-json file.
mentions_in() { $PY -c "import json,sys; print(' '.join(m['place'] for m in json.load(open(sys.argv[1]))['mentions']))" "$1"; }

expect_exit 0 "--layer before the article" -- "${E[@]}" --out "$TMP/o.png" --debug-json "$TMP/d.json" --layer "$TMP/zones.geojson" "$TMP/a.txt"
mentions_in "$TMP/d.json" | grep -q Tartus || fail "--layer before the article: the article was not drawn"
expect_exit 0 "--events before the article" -- "${E[@]}" --out "$TMP/o.png" --debug-json "$TMP/d.json" --events "$TMP/events.csv" "$TMP/a.txt"
mentions_in "$TMP/d.json" | grep -q Tartus || fail "--events before the article: the article was not drawn"
expect_exit 0 "--layer twice" -- "${E[@]}" --out "$TMP/o.png" --layer "$TMP/zones.geojson" --layer "$TMP/zones.geojson"

# A file name in Latin-1: the JSON outputs stay JSON (the name read as Windows-1252).
latin=$TMP/$(printf 'caf\xe9.txt')
cp "$TMP/a.txt" "$latin"
valid_json() { $PY -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$1" 2>/dev/null || fail "$2: not valid UTF-8 JSON"; }
expect_exit 0 "geoparse --json of a Latin-1 name" -- geoparse --json "$latin"
valid_json "$TMP/out" "geoparse --json of a Latin-1 name"
expect_exit 0 "geoparse --geojson of a Latin-1 name" -- geoparse --geojson "$latin"
valid_json "$TMP/out" "geoparse --geojson of a Latin-1 name"
expect_exit 0 "export-data of a Latin-1 name" -- export-data --out "$TMP/n.geojson" "$latin"
valid_json "$TMP/n.geojson" "export-data of a Latin-1 name"
expect_exit 0 "export --debug-json of a Latin-1 name" -- "${E[@]}" --out "$TMP/n.png" --debug-json "$TMP/n.json" "$latin"
valid_json "$TMP/n.json" "export --debug-json of a Latin-1 name"

# Projections PROJ does not know, on the command line and in a workspace (the field named).
expect_exit 2 "an unknown EPSG code" -- "${E[@]}" --out "$TMP/p.png" --projection EPSG:999999
expect_err_line "EPSG code 999999 is not in PROJ's database" "an unknown EPSG code"
expect_exit 2 "an EPSG code that is not a number" -- "${E[@]}" --out "$TMP/p.png" --projection EPSG:43x
expect_err_line "'43x' is not an EPSG code" "an EPSG code that is not a number"
printf '{"version": 1, "view": {"projection": "EPSG:999999"}}' >"$TMP/proj.json"
expect_exit 2 "a workspace with an unknown projection" -- "${E[@]}" --out "$TMP/p.png" --workspace "$TMP/proj.json"
expect_err_line "$TMP/proj.json: view.projection: 'EPSG:999999': EPSG code 999999 is not in PROJ's database" \
    "a workspace with an unknown projection"
printf '{"version": 1, "slides": [{"title": "s", "view": {"projection": "+proj=nonsense"}}]}' >"$TMP/slide.json"
expect_exit 2 "a slide with a bad projection" -- "${E[@]}" --out "$TMP/p.png" --workspace "$TMP/slide.json"
expect_err_line "$TMP/slide.json: slides[0].view.projection: '+proj=nonsense'" "a slide with a bad projection"
[ ! -e "$TMP/p.png" ] || fail "a bad projection left an image"

# Names that cannot be looked at: said as they are, for each kind of input.
ln -s "$TMP/loop_b" "$TMP/loop_a"; ln -s "$TMP/loop_a" "$TMP/loop_b"
long=$TMP/$(printf 'x%.0s' $(seq 300))
for opt in --layer --events --workspace; do
    expect_exit 2 "$opt a loop of links" -- "${E[@]}" --out "$TMP/p.png" $opt "$TMP/loop_a"
    expect_err_line "$TMP/loop_a: cannot open: a loop of symbolic links" "$opt a loop of links"
    expect_exit 2 "$opt a name too long" -- "${E[@]}" --out "$TMP/p.png" $opt "$long"
    expect_err_line "cannot open: the name is too long" "$opt a name too long"
done

# A GeoPackage whose contents table claims a billion features: one line, not an internal error.
if $PY -c 'import osgeo, sqlite3' 2>/dev/null; then
    $PY - "$TMP/inflated.gpkg" <<'PY'
import sqlite3, sys
from osgeo import ogr, osr
ogr.UseExceptions()
ds = ogr.GetDriverByName("GPKG").CreateDataSource(sys.argv[1])
srs = osr.SpatialReference(); srs.ImportFromEPSG(4326)
lyr = ds.CreateLayer("p", srs, ogr.wkbPoint)
f = ogr.Feature(lyr.GetLayerDefn()); f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (35.8 35.5)")); lyr.CreateFeature(f)
ds = None
db = sqlite3.connect(sys.argv[1]); db.execute("UPDATE gpkg_ogr_contents SET feature_count = 4000000000000000"); db.commit()
PY
    expect_exit 2 "a GeoPackage claiming 4e15 features" -- "${E[@]}" --out "$TMP/p.png" --layer "$TMP/inflated.gpkg"
    expect_err_line "$TMP/inflated.gpkg: truncated" "a GeoPackage claiming 4e15 features"
fi
finish
