#!/usr/bin/env bash
# Overlay layers (--layer) that are broken, odd or in another coordinate system: the broken ones
# are refused with one line naming the file and the problem (exit 2, no image left behind); odd
# but usable ones (another CRS, an empty layer, self-intersecting or unclosed polygons, Latin-1
# attributes) are drawn.
. "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
$PY -c 'import osgeo' 2>/dev/null || { echo "FAIL: $PY with osgeo not found (package python3-gdal)" >&2; exit 1; }
D=$TMP/layers; mkdir -p "$D"
OUT=$TMP/map.png

(cd "$D" && $PY - <<'PYEOF'
import struct
from osgeo import ogr, osr
ogr.UseExceptions()

def shp(name, gtype, rows, epsg=4326, encoding="UTF-8"):
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(name + ".shp")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(name, srs, gtype, options=["ENCODING=" + encoding] if encoding else [])
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for wkt, value in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField(0, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None

box = "POLYGON ((35.7 35.2, 36.3 35.2, 36.3 36.0, 35.7 36.0, 35.7 35.2))"
many = [(box, str(i)) for i in range(200)]
for name in ("nodbf", "noshx", "truncated"):
    shp(name, ogr.wkbPolygon, many)
shp("utm", ogr.wkbPoint, [("POINT (753000 3934000)", "Latakia in UTM 36N")], epsg=32636)
shp("empty", ogr.wkbPolygon, [])
shp("bowtie", ogr.wkbPolygon, [("POLYGON ((35 35, 36 36, 36 35, 35 36, 35 35))", "self-intersecting")])
shp("nan", ogr.wkbPolygon, [(box, "its second vertex's x becomes NaN")])
shp("meters", ogr.wkbPoint, [("POINT (3984189 4235830)", "Web Mercator metres")])
shp("latin1", ogr.wkbPoint, [("POINT (35.79 35.52)", "Cafe")], encoding="")

def patch(path, find, replace, at=None):
    b = bytearray(open(path, "rb").read())
    i = b.rfind(find) if at is None else at
    b[i:i + len(replace)] = replace
    open(path, "wb").write(b)

# The second vertex's x: after the file header (100), the record header (8), the shape type (4),
# the box (32), the part and point counts (8) and the one part offset (4), then one vertex (16).
patch("nan.shp", b"", struct.pack("<d", float("nan")), at=100 + 8 + 4 + 32 + 8 + 4 + 16)
patch("latin1.dbf", b"Cafe", b"Caf\xe9")
PYEOF
) || { echo "FAIL: cannot write the test layers" >&2; exit 1; }
rm -f "$D/nodbf.dbf" "$D/noshx.shx" "$D/latin1.cpg" "$D/meters.prj"
truncate -s 3000 "$D/truncated.shp"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"open"},"geometry":{"type":"Polygon","coordinates":[[[35,35],[36,35],[36,36]]]}}]}' > "$D/unclosed.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[35.79' > "$D/cut.geojson"

# refused TEXT DESCRIPTION LAYER: exit 2, one stderr line mentioning TEXT, no image.
refused() {
    rm -f "$OUT"
    expect_exit 2 "$2" -- export --no-basemap --out "$OUT" --layer "$3"
    expect_err_line "$1" "$2"
    [ ! -e "$OUT" ] || fail "$2: left $OUT behind"
}
# drawn DESCRIPTION LAYER: exit 0 and an image.
drawn() {
    rm -f "$OUT"
    expect_exit 0 "$1" -- export --no-basemap --out "$OUT" --view 34,34,37,37 --layer "$2"
    [ -s "$OUT" ] || fail "$1: no image written"
}

refused "$D/nodbf.dbf: missing" "shapefile without its .dbf" "$D/nodbf.shp"
refused "$D/noshx.shx: missing" "shapefile without its .shx" "$D/noshx.shp"
refused "$D/truncated.shp" "truncated .shp" "$D/truncated.shp"
refused "$D/nan.shp: feature 0 has a vertex at (nan, " "NaN coordinate" "$D/nan.shp"
refused "a .prj is missing" "metres without a .prj" "$D/meters.shp"
refused "$D/cut.geojson" "GeoJSON cut short" "$D/cut.geojson"

drawn "a .prj for UTM zone 36N (reprojected)" "$D/utm.shp"
drawn "an empty layer" "$D/empty.shp"
drawn "a self-intersecting polygon" "$D/bowtie.shp"
drawn "an unclosed ring" "$D/unclosed.geojson"
drawn "Latin-1 attributes without a .cpg" "$D/latin1.shp"
grep -q "not valid UTF-8; read as Windows-1252" "$TMP/err" || fail "Latin-1 attributes: no warning ($(cat "$TMP/err"))"
finish
