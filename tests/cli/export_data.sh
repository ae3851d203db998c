#!/usr/bin/env bash
# export-data writes events and mentions with their sources as GeoJSON, KML and GeoPackage that
# GDAL opens (as QGIS and Google Earth do), with the same counts and attributes as
# `geoparse --json` of the same article; the built-in briefing exports without arguments; bad
# output paths are refused with one line, exit 2 and nothing left behind.
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"

# Sentences of our own: a dated strike on a town, an area, a facility, a second date.
cat >"$TMP/article.txt" <<'EOF2'
Russian aircraft struck positions near Homs on 30 September 2015, officials in Damascus said.
Warships were seen off the coast of Latakia Governorate in October 2015.
New troops arrived at Hmeimim air base on 4 October 2015.
EOF2
cat >"$TMP/article.meta.json" <<'EOF2'
{"title": "A test report", "source": "Test Outlet", "published": "2015-10-05"}
EOF2
expect_exit 0 "geoparse --json" -- geoparse --json "$TMP/article.txt"
cp "$TMP/out" "$TMP/geoparse.json"
# The same article through a workspace that also holds annotations: a label, an arrow, a range ring.
cat >"$TMP/ws.json" <<EOF2
{"version": 1, "title": "test", "articles": [{"path": "article.txt"}],
 "annotations": [
  {"id": "a1", "kind": "text", "points": [[35.9, 35.4]], "text": "Build-up"},
  {"id": "a2", "kind": "arrow", "points": [[37.6, 55.7], [35.8, 35.5]], "text": "Supply route", "from": "2015-09", "to": "2015-10-15"},
  {"id": "a3", "kind": "range_ring", "points": [[35.95, 35.4]], "radius_km": 100, "text": "100 km"}]}
EOF2
for ext in geojson kml gpkg; do
    expect_exit 0 "export-data .$ext" -- export-data --out "$TMP/article.$ext" --workspace "$TMP/ws.json"
done
mkdir "$TMP/empty"
expect_exit 0 "export-data of the briefing" -- export-data --corpus "$TMP/empty" --out "$TMP/briefing.gpkg"
expect_exit 0 "export-data of the briefing without geodata" -- --geodata "$TMP/empty" export-data \
    --corpus "$TMP/empty" --out "$TMP/bare.geojson"

/usr/bin/python3 - "$TMP" <<'PY' || fail "exported files"
import json, sys
from osgeo import gdal, ogr
gdal.UseExceptions()
tmp = sys.argv[1]
doc = json.load(open(f"{tmp}/geoparse.json"))["articles"][0]
bad = []
if len(doc["mentions"]) < 3:
    bad.append(f"the test article has only {len(doc['mentions'])} mentions")

def features(path):
    """{layer name: [feature as dict with its geometry]} of every layer, GeoJSON split by `layer`."""
    # GeoJSON's reader would turn "2015-10-05" into a date of its own format: read the text.
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["DATE_AS_STRING=YES"] if path.endswith(".geojson") else [])
    if ds is None:
        raise SystemExit(f"GDAL cannot open {path}")
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        for f in layer:
            d = f.items()
            if "name" not in d and "Name" in d:  # LIBKML reads a placemark's <name> as Name
                d["name"] = d["Name"]
            g = f.GetGeometryRef()
            d["_geometry"] = g.ExportToWkt() if g else None
            d["_points"] = [g.GetGeometryRef(k).GetPoint_2D() for k in range(g.GetGeometryCount())] if g and g.GetGeometryCount() else ([g.GetPoint_2D()] if g else [])
            out.setdefault(d.get("layer") or layer.GetName(), []).append(d)
    return out

for ext in ("geojson", "kml", "gpkg"):
    layers = features(f"{tmp}/article.{ext}")
    if sorted(layers) != ["annotations", "events", "mentions"]:
        bad.append(f"{ext}: layers {sorted(layers)}")
        continue
    mentions, events = layers["mentions"], layers["events"]
    if len(mentions) != len(doc["mentions"]):
        bad.append(f"{ext}: {len(mentions)} mentions, geoparse has {len(doc['mentions'])}")
    if len(events) != len(doc["events"]):
        bad.append(f"{ext}: {len(events)} events, geoparse has {len(doc['events'])}")
    by_start = {int(m["text_start"]): m for m in mentions}
    for want in doc["mentions"]:
        got = by_start.get(want["start"])
        if got is None:
            bad.append(f"{ext}: no mention at byte {want['start']}")
            continue
        if int(got["text_end"]) != want["end"]:
            bad.append(f"{ext}: mention {want['text']}: ends at {got['text_end']}, geoparse {want['end']}")
        for key in ("text", "kind", "country", "date", "date_precision"):
            if str(got[key] or "") != str(want[key] or ""):
                bad.append(f"{ext}: mention {want['text']}: {key} {got[key]!r}, geoparse {want[key]!r}")
        if str(got["name"]) != want["name"]:
            bad.append(f"{ext}: mention {want['text']}: name {got['name']!r}, geoparse {want['name']!r}")
        if want["geonameid"] and int(got["geonameid"] or 0) != want["geonameid"]:
            bad.append(f"{ext}: mention {want['text']}: geonameid {got['geonameid']}, geoparse {want['geonameid']}")
        if [int(got["sentence_start"]), int(got["sentence_end"])] != want["sentence"]:
            bad.append(f"{ext}: mention {want['text']}: sentence span differs")
        if abs(float(got["confidence"]) - want["confidence"]) > 1e-6:
            bad.append(f"{ext}: mention {want['text']}: confidence {got['confidence']}, geoparse {want['confidence']}")
        (lon, lat), = got["_points"]
        if abs(lon - want["lon"]) > 1e-6 or abs(lat - want["lat"]) > 1e-6:
            bad.append(f"{ext}: mention {want['text']}: at {lon},{lat}, geoparse {want['lon']},{want['lat']}")
        for key, value in (("title", "A test report"), ("source", "Test Outlet"), ("published", "2015-10-05")):
            if got[key] != value:
                bad.append(f"{ext}: mention {want['text']}: {key} {got[key]!r}, expected {value!r}")
        if got["file"] != "article.txt":
            bad.append(f"{ext}: mention file {got['file']!r}")
    notes = {a["id"]: a for a in layers["annotations"]}
    if sorted(notes) != ["a1", "a2", "a3"]:
        bad.append(f"{ext}: annotations {sorted(notes)}")
    else:
        label, arrow, ring = notes["a1"], notes["a2"], notes["a3"]
        if label["name"] != "Build-up" or label["kind"] != "text" or not label["_geometry"].startswith("POINT"):
            bad.append(f"{ext}: label {label}")
        if arrow["_geometry"] is None or not arrow["_geometry"].startswith("LINESTRING") or arrow["kind"] != "arrow":
            bad.append(f"{ext}: arrow {arrow}")
        if str(arrow["begin"])[:10].replace("/", "-") != "2015-09-01" or str(arrow["end"])[:10].replace("/", "-") != "2015-10-15":
            bad.append(f"{ext}: arrow shown {arrow['begin']} to {arrow['end']}")
        g = ogr.CreateGeometryFromWkt(ring["_geometry"] or "POINT EMPTY")
        # 100 km around Latakia: about 1.8 degrees of latitude across.
        if g.GetGeometryName() != "POLYGON" or abs((g.GetEnvelope()[3] - g.GetEnvelope()[2]) - 1.80) > 0.05:
            bad.append(f"{ext}: ring {ring['_geometry'][:60] if ring['_geometry'] else None}")
        if abs(float(ring["radius_km"]) - 100) > 1e-9:
            bad.append(f"{ext}: ring radius {ring['radius_km']}")
    cats = sorted(str(e["category"]) for e in events)
    if cats != sorted(e["category"] for e in doc["events"]):
        bad.append(f"{ext}: event categories {cats}")
    for e in events:
        want = [d for d in doc["events"] if d["sentence"] == [int(e["sentence_start"]), int(e["sentence_end"])]]
        if len(want) != 1:
            bad.append(f"{ext}: event at sentence {e['sentence_start']} not in geoparse")
        elif len(e["_points"]) != len(want[0]["mentions"]) or str(e["date"] or "") != str(want[0]["date"] or ""):
            bad.append(f"{ext}: event {e['sentence_start']}: {len(e['_points'])} places, date {e['date']}")

# The briefing: its facts as events with their summaries, one mention each.
for name in ("briefing.gpkg", "bare.geojson"):
    layers = features(f"{tmp}/{name}")
    events, mentions = layers.get("events", []), layers.get("mentions", [])
    if len(events) < 10 or len(events) != len(mentions):
        bad.append(f"{name}: {len(events)} events and {len(mentions)} mentions")
    if not any("Tartus" in str(m["name"]) for m in mentions):
        bad.append(f"{name}: no mention of Tartus")
    if any(not e["description"] or not e["file"] or not e["date"] for e in events):
        bad.append(f"{name}: an event without summary, article or date")
    if not any(e["source"] and e["title"] for e in events):
        bad.append(f"{name}: no event names its outlet and title")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY

# KML: what Google Earth titles and shows: <name> is the place, <description> says whence.
grep -q "<name>Homs</name>" "$TMP/article.kml" || fail "KML placemark without the place as its name"
grep -q "Test Outlet" "$TMP/article.kml" || fail "KML without the outlet"

# Bad output: one line, exit 2, nothing written.
mkdir "$TMP/dir"
for bad in "$TMP/missing/x.gpkg" "$TMP/dir" "$TMP/x.shp"; do
    expect_exit 2 "output $bad" -- export-data --corpus "$TMP/empty" --out "$bad"
    expect_err_line "$(basename "$bad")" "output $bad"
done
[ ! -e "$TMP/x.shp" ] || fail "a .shp was written"
if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
    mkdir "$TMP/dir/ro" && chmod 555 "$TMP/dir/ro"
    expect_exit 2 "read-only folder" -- export-data --corpus "$TMP/empty" --out "$TMP/dir/ro/x.gpkg"
    expect_err_line "not writable" "read-only folder"
fi
expect_exit 2 "missing article" -- export-data --out "$TMP/none.kml" "$TMP/no-such.txt"
expect_err_line "no-such.txt" "missing article"
[ ! -e "$TMP/none.kml" ] || fail "a failed export left its KML"
[ -z "$(ls -A "$TMP" | grep partial)" ] || fail "temporary files left: $(ls -A "$TMP")"
finish
