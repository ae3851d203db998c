#!/usr/bin/env bash
# export without articles draws the built-in briefing (facts, no article text); it links to the
# seed articles when they are present and still draws without them, even without geodata.
# A workspace brings its articles, styles and time; overlays draw. Checked through --debug-json.
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"
C=$CMAP_SHARED_DIR/corpus
[ -d "$C" ] || { echo "seed corpus not found in $C" >&2; exit 1; }

expect_exit 0 "briefing, everything" -- export --size 640x400 --corpus "$C" --out "$TMP/all.png" --debug-json "$TMP/all.json"
expect_exit 0 "briefing, 2005 window" -- export --size 640x400 --corpus "$C" --date 2005-02-15 --mode window \
    --window 60 --out "$TMP/2005.png" --debug-json "$TMP/2005.json"
mkdir "$TMP/empty"
expect_exit 0 "briefing without its articles" -- export --size 640x400 --corpus "$TMP/empty" --out "$TMP/alone.png" \
    --debug-json "$TMP/alone.json"
expect_exit 0 "briefing without geodata or basemap" -- --geodata "$TMP/empty" export --size 640x400 --no-basemap \
    --corpus "$TMP/empty" --out "$TMP/bare.png" --debug-json "$TMP/bare.json"
expect_exit 2 "briefing without geodata but with a basemap" -- --geodata "$TMP/empty" export --out "$TMP/no.png"
[ ! -e "$TMP/no.png" ] || fail "a failed export left its PNG"

# A workspace with two seed articles, the first hidden by its layer style, on 2015-09-30.
cat >"$TMP/ws.json" <<EOF
{"version": 1, "title": "test",
 "articles": [{"path": "$C/001_a8c1fb0f76f8c4dd.txt"}, {"path": "$C/002_e38f60cd9cc7d4be.txt"}],
 "layers": {"article:$C/001_a8c1fb0f76f8c4dd.txt": {"visible": false, "rgba": 255, "size": 1, "opacity": 1, "labels": true}},
 "timeline": {"mode": "cumulative", "date": "2015-09-30", "window_days": 30}}
EOF
expect_exit 0 "workspace" -- export --size 640x400 --workspace "$TMP/ws.json" --out "$TMP/ws.png" --debug-json "$TMP/ws.json.out"

# Overlays (a GeoJSON polygon, a GeoJSON point) change the picture.
cat >"$TMP/zone.geojson" <<'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "zone"}, "geometry": {"type": "Polygon", "coordinates": [[[36, 34], [38, 34], [38, 36], [36, 36], [36, 34]]]}}]}
EOF
cat >"$TMP/site.geojson" <<'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "site"}, "geometry": {"type": "Point", "coordinates": [37, 35]}}]}
EOF
V=(--size 400x400 --projection EPSG:4326 --view 34,32,40,38 --corpus "$TMP/empty")
expect_exit 0 "without overlay" -- export "${V[@]}" --out "$TMP/plain.png"
expect_exit 0 "with overlay" -- export "${V[@]}" --layer "$TMP/zone.geojson" --layer "$TMP/site.geojson" --out "$TMP/overlay.png"
cmp -s "$TMP/plain.png" "$TMP/overlay.png" && fail "the overlay changed nothing"
# A workspace keeps its overlays, by paths relative to the workspace file: the same picture.
printf '{"version": 1}' >"$TMP/no-overlays.json"
printf '{"version": 1, "overlays": ["zone.geojson", "site.geojson"]}' >"$TMP/overlays.json"
expect_exit 0 "bare workspace with --layer" -- export "${V[@]}" --workspace "$TMP/no-overlays.json" \
    --layer "$TMP/zone.geojson" --layer "$TMP/site.geojson" --out "$TMP/bare-layer.png"
expect_exit 0 "workspace overlays" -- export "${V[@]}" --workspace "$TMP/overlays.json" --out "$TMP/ws-overlay.png"
cmp -s "$TMP/bare-layer.png" "$TMP/ws-overlay.png" || fail "the workspace's overlays differ from --layer"

/usr/bin/python3 - "$TMP" "$C" <<'PY' || fail "briefing checks"
import json, os, struct, sys
tmp, corpus = sys.argv[1], sys.argv[2]
bad = []
def size(png):
    head = open(png, "rb").read(24)
    return struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else None
for name in ["all", "2005", "alone", "bare", "ws"]:
    if size(f"{tmp}/{name}.png") != (640, 400): bad.append(f"{name}.png: size {size(f'{tmp}/{name}.png')}")

def shown(name):
    path = f"{tmp}/{name}.json.out" if name == "ws" else f"{tmp}/{name}.json"
    return json.load(open(path))["mentions"]
def shapes(ms):
    return {(m["place"], m["shape"]) for m in ms}

everything = shapes(shown("all"))
for want in [("Latakia", "marker"), ("Bassel al-Assad International Airport", "facility"),
             ("Tartus naval facility", "facility"), ("Homs", "marker"), ("Damascus", "marker"),
             ("Moscow Kremlin", "facility"), ("Moscow", "marker"), ("North Caucasus", "area"),
             ("Central Asia", "area"), ("Chechnya", "area"), ("New York City", "marker"),
             ("Greece", "outline"), ("Bulgaria", "outline"), ("Tajikistan", "outline")]:
    if want not in everything: bad.append(f"briefing lacks {want}")
files = {m["file"] for m in shown("all")}
if not all(os.path.isfile(f) and os.path.dirname(os.path.abspath(f)) == os.path.abspath(corpus) for f in files):
    bad.append(f"briefing with the corpus does not link its articles: {files}")
files = {m["file"] for m in shown("alone")}
if files != {"000_c1c5c1e535a5ac15.txt", "001_a8c1fb0f76f8c4dd.txt", "002_e38f60cd9cc7d4be.txt"}:
    bad.append(f"briefing without the corpus names: {files}")
if shapes(shown("alone")) != everything: bad.append("briefing without its articles draws other places")

in2005 = {m["place"] for m in shown("2005")}
if in2005 != {"Moscow Kremlin"}: bad.append(f"2005 window shows {in2005}")

bare = shapes(shown("bare"))
for want in [("Latakia", "marker"), ("North Caucasus", "ring"), ("Greece", "ring")]:
    if want not in bare: bad.append(f"briefing without geodata lacks {want}: {sorted(bare)}")

ws = shown("ws")
if any("001_" in m["file"] for m in ws): bad.append("workspace: the hidden article is drawn")
if not any("002_" in m["file"] for m in ws): bad.append("workspace: the visible article is missing")
if any(m["date"] and m["date"] > "2015-09-30" for m in ws): bad.append("workspace: its date is ignored")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
finish
