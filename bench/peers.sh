#!/usr/bin/env bash
# Issue 6's benchmarks against peers, in one go. The same map scene (admin0 fill and outline, admin1
# outline, the GeoNames places as dots, 100,000 synthetic ACLED-style events as dots, extent
# 25..60E 25..50N, Web Mercator, 3840x2160 PNG) drawn by `conflictmap export`, MapServer
# (`map2img`), Mapnik (python3-mapnik) and QGIS (python3-qgis, offscreen), each a whole process;
# then start-up to the first frame of the viewer against QGIS, and the geoparse throughput bench.
# Runs alternate between the tools; the medians of RUNS (default 3) are printed side by side with
# ratios to conflictmap.
#   bench/peers.sh [BUILD_DIR]        RUNS=N  CMAP_BENCH_KEEP=DIR (keeps the PNGs drawn)
# Every tool widens the extent the same way to fit the 16:9 image (about 13..72E), centred.
# Styles differ: conflictmap keeps its own for added layers (places as 12-pixel outlined squares,
# events as 6-pixel outlined dots by category; the peers draw plain 3- and 5-pixel dots);
# --no-furniture leaves out its title, legend, scale bar and the like, which the peers lack.
# Needs an X server for conflictmap: runs itself under xvfb-run when DISPLAY is unset.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${DISPLAY:-}" ]]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
command -v map2img >/dev/null || { echo "map2img not found: apt-get install mapserver-bin" >&2; exit 1; }
PY=/usr/bin/python3  # Debian's, where python3-mapnik and python3-qgis live
bin=$(cd "$build" && pwd)/conflictmap
geodata=${CONFLICTMAP_GEODATA:-$here/geodata/out}
geodata=$(cd "$geodata" && pwd)
RUNS=${RUNS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
W=3840 H=2160

$PY "$here/bench/make_events.py" 100000 "$tmp/events.csv" 6
# The peers read the same CSV as points through OGR's CSV driver.
cat >"$tmp/events.vrt" <<EOF
<OGRVRTDataSource>
  <OGRVRTLayer name="events">
    <SrcDataSource>$tmp/events.csv</SrcDataSource>
    <SrcLayer>events</SrcLayer>
    <GeometryType>wkbPoint</GeometryType>
    <LayerSRS>EPSG:4326</LayerSRS>
    <GeometryField encoding="PointFromColumns" x="longitude" y="latitude"/>
  </OGRVRTLayer>
</OGRVRTDataSource>
EOF
# The extent in Web Mercator metres.
read -r X0 Y0 X1 Y1 < <($PY -c "
import math
R = 6378137.0
m = lambda lon, lat: (R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
print(*m(25, 25), *m(60, 50))")

cat >"$tmp/scene.map" <<EOF
MAP
  NAME "scene"
  SIZE $W $H
  EXTENT $X0 $Y0 $X1 $Y1
  UNITS METERS
  IMAGECOLOR 214 226 234
  PROJECTION "init=epsg:3857" END
  OUTPUTFORMAT
    NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png"
  END
  IMAGETYPE "png"
  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
  LAYER
    NAME "admin0" TYPE POLYGON STATUS ON DATA "$geodata/admin0.shp" PROJECTION "init=epsg:4326" END
    CLASS STYLE COLOR 242 239 233 END STYLE OUTLINECOLOR 110 110 110 WIDTH 1.2 END END
  END
  LAYER
    NAME "admin1" TYPE LINE STATUS ON DATA "$geodata/admin1.shp" PROJECTION "init=epsg:4326" END
    CLASS STYLE COLOR 170 170 170 WIDTH 0.6 END END
  END
  LAYER
    NAME "places" TYPE POINT STATUS ON DATA "$geodata/places.shp" PROJECTION "init=epsg:4326" END
    CLASS STYLE SYMBOL "circle" SIZE 3 COLOR 40 40 40 END END
  END
  LAYER
    NAME "events" TYPE POINT STATUS ON CONNECTIONTYPE OGR CONNECTION "$tmp/events.vrt" DATA "events"
    PROJECTION "init=epsg:4326" END
    CLASS STYLE SYMBOL "circle" SIZE 5 COLOR 230 110 20 END END
  END
END
EOF

cat >"$tmp/mapnik_scene.py" <<EOF
import mapnik
xml = '''<Map srs="epsg:3857" background-color="rgb(214,226,234)">
  <Style name="admin0"><Rule>
    <PolygonSymbolizer fill="rgb(242,239,233)"/>
    <LineSymbolizer stroke="rgb(110,110,110)" stroke-width="1.2"/>
  </Rule></Style>
  <Style name="admin1"><Rule><LineSymbolizer stroke="rgb(170,170,170)" stroke-width="0.6"/></Rule></Style>
  <Style name="places"><Rule>
    <MarkersSymbolizer fill="rgb(40,40,40)" stroke-width="0" width="3" height="3" allow-overlap="true" ignore-placement="true"/>
  </Rule></Style>
  <Style name="events"><Rule>
    <MarkersSymbolizer fill="rgb(230,110,20)" stroke-width="0" width="5" height="5" allow-overlap="true" ignore-placement="true"/>
  </Rule></Style>
  <Layer name="admin0" srs="epsg:4326"><StyleName>admin0</StyleName>
    <Datasource><Parameter name="type">shape</Parameter><Parameter name="file">$geodata/admin0.shp</Parameter></Datasource></Layer>
  <Layer name="admin1" srs="epsg:4326"><StyleName>admin1</StyleName>
    <Datasource><Parameter name="type">shape</Parameter><Parameter name="file">$geodata/admin1.shp</Parameter></Datasource></Layer>
  <Layer name="places" srs="epsg:4326"><StyleName>places</StyleName>
    <Datasource><Parameter name="type">shape</Parameter><Parameter name="file">$geodata/places.shp</Parameter></Datasource></Layer>
  <Layer name="events" srs="epsg:4326"><StyleName>events</StyleName>
    <Datasource><Parameter name="type">ogr</Parameter><Parameter name="file">$tmp/events.vrt</Parameter>
    <Parameter name="layer">events</Parameter></Datasource></Layer>
</Map>'''
m = mapnik.Map($W, $H)
mapnik.load_map_from_string(m, xml)
m.zoom_to_box(mapnik.Box2d($X0, $Y0, $X1, $Y1))
mapnik.render_to_file(m, "$tmp/mapnik.png", "png")
EOF

cat >"$tmp/qgis_scene.py" <<EOF
import os, sys
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsMarkerSymbol, QgsRectangle, QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
app = QgsApplication([], False)
app.initQgis()
def layer(path, name, symbol):
    l = QgsVectorLayer(path, name, "ogr")
    if not l.isValid():
        sys.exit(f"{path}: QGIS cannot open it")
    l.setRenderer(QgsSingleSymbolRenderer(symbol))
    return l
mm_per_px = 25.4 / 96  # QGIS sizes are millimetres at the map settings' 96 dpi
layers = [  # top first
    layer("$tmp/events.vrt|layername=events", "events", QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "230,110,20", "outline_style": "no", "size": str(5 * mm_per_px)})),
    layer("$geodata/places.shp", "places", QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "40,40,40", "outline_style": "no", "size": str(3 * mm_per_px)})),
    layer("$geodata/admin1.shp", "admin1", QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "170,170,170", "outline_width": str(0.6 * mm_per_px)})),
    layer("$geodata/admin0.shp", "admin0", QgsFillSymbol.createSimple(
        {"color": "242,239,233", "outline_color": "110,110,110", "outline_width": str(1.2 * mm_per_px)})),
]
s = QgsMapSettings()
s.setLayers(layers)
s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
s.setOutputSize(QSize($W, $H))
s.setExtent(QgsRectangle($X0, $Y0, $X1, $Y1))
s.setBackgroundColor(QColor(214, 226, 234))
job = QgsMapRendererParallelJob(s)
job.start()
job.waitForFinished()
if not job.renderedImage().save("$tmp/qgis.png", "PNG"):
    sys.exit("QGIS could not write the PNG")
app.exitQgis()
os._exit(0)  # Python's own teardown after exitQgis() crashes (QGIS 3.22 bindings); the image is written
EOF

names=(conflictmap MapServer Mapnik QGIS)
cmds=(
    "$bin export --no-basemap --no-furniture --layer $geodata/admin0.shp --layer $geodata/admin1.shp --layer $geodata/places.shp --events $tmp/events.csv --projection EPSG:3857 --view 25,25,60,50 --size ${W}x${H} --out $tmp/conflictmap.png"
    "map2img -m $tmp/scene.map -o $tmp/mapserver.png"
    "$PY $tmp/mapnik_scene.py"
    "env QT_QPA_PLATFORM=offscreen $PY $tmp/qgis_scene.py"
)
timed() {  # NAME COMMAND...: one whole-process run, its "wall user sys maxrss_kB" appended to NAME.times
    local name=$1; shift
    if ! /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" "$@" >"$tmp/$name.log" 2>&1; then
        echo "$name failed:" >&2; tail -5 "$tmp/$name.log" >&2; exit 1
    fi
    tail -1 "$tmp/time" >>"$tmp/$name.times"
}
# measure NAMES CMDS (array names): each command once untimed, which warms the file cache and
# conflictmap's gazetteer cache, then RUNS rounds timing each in turn, so load drifts hit all alike.
measure() {
    local -n mnames=$1 mcmds=$2
    local i
    for i in "${!mnames[@]}"; do
        ${mcmds[$i]} >/dev/null 2>&1 || { echo "${mnames[$i]} failed: ${mcmds[$i]}" >&2; exit 1; }
    done
    for _ in $(seq "$RUNS"); do
        for i in "${!mnames[@]}"; do
            # shellcheck disable=SC2086  # the commands are word lists without spaces inside a word
            timed "${mnames[$i]}" ${mcmds[$i]}
        done
    done
}
measure names cmds

# report NAME...: the medians of each NAME.times and their ratios to the first NAME's; with
# CMAP_REPORT_IMAGES set, also the size of the PNG each wrote (NAME lower-cased .png).
report() {
    $PY - "$tmp" "$@" <<'PY'
import os, statistics, struct, sys
tmp, names = sys.argv[1], sys.argv[2:]
images = bool(os.environ.get("CMAP_REPORT_IMAGES"))
med = {}
for n in names:
    rows = [list(map(float, l.split())) for l in open(f"{tmp}/{n}.times")]
    med[n] = (statistics.median(r[0] for r in rows), statistics.median(r[1] + r[2] for r in rows),
              statistics.median(r[3] for r in rows) / 1024)
print(f"{'tool':12s} {'wall s':>8s} {'CPU s':>8s} {'peak MB':>8s}   {'wall/cm':>8s} {'CPU/cm':>8s} {'mem/cm':>8s}" +
      ("  image" if images else ""))
c = med[names[0]]
for n in names:
    w, u, m = med[n]
    line = f"{n:12s} {w:8.2f} {u:8.2f} {m:8.0f}   {w / c[0]:8.2f} {u / c[1]:8.2f} {m / c[2]:8.2f}"
    if images:
        size = struct.unpack(">II", open(f"{tmp}/{n.lower()}.png", "rb").read(24)[16:24])
        line += f"  {size[0]}x{size[1]}"
    print(line)
print("(a ratio above 1: the peer takes more than " + names[0] + ")")
PY
}

echo "Map scene, ${W}x${H} PNG, whole process, medians of $RUNS runs (load average $(cut -d' ' -f1 /proc/loadavg)):"
CMAP_REPORT_IMAGES=1 report "${names[@]}"
if [[ -n "${CMAP_BENCH_KEEP:-}" ]]; then
    cp "$tmp"/{conflictmap,mapserver,mapnik,qgis}.png "$CMAP_BENCH_KEEP"/
fi

# Start-up to the first frame with the full base map (admin0, admin1, places; conflictmap's viewer
# also loads the gazetteer cache and the built-in briefing, and draws its panels) at 1920x1080,
# against QGIS's library (not QGIS Desktop, whose start-up loads plugins and a project) loading the
# same three shapefiles and rendering them, in EPSG:4326 at their full extent, into a QImage.
cat >"$tmp/qgis_start.py" <<EOF
import os, sys
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
app = QgsApplication([], False)
app.initQgis()
layers = [QgsVectorLayer(f"$geodata/{n}.shp", n, "ogr") for n in ("places", "admin1", "admin0")]
if not all(l.isValid() for l in layers):
    sys.exit("QGIS cannot open the base map")
s = QgsMapSettings()
s.setLayers(layers)
s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
s.setOutputSize(QSize(1920, 1080))
extent = QgsRectangle(layers[2].extent())
for l in layers[:2]:
    extent.combineExtentWith(l.extent())
s.setExtent(extent)
job = QgsMapRendererParallelJob(s)
job.start()
job.waitForFinished()
job.renderedImage().save("$tmp/qgis_start.png", "PNG")
os._exit(0)  # as above: Python's teardown crashes after QGIS
EOF
snames=(viewer QGIS-start)
scmds=(
    "$bin view --size 1920x1080 --frames 1 --screenshot $tmp/viewer.png"
    "env QT_QPA_PLATFORM=offscreen $PY $tmp/qgis_start.py"
)
measure snames scmds
echo
echo "Start-up to the first frame with the full base map, 1920x1080, whole process, medians of $RUNS runs:"
report "${snames[@]}"
if [[ -n "${CMAP_BENCH_KEEP:-}" ]]; then cp "$tmp"/{viewer,qgis_start}.png "$CMAP_BENCH_KEEP"/; fi

echo
echo "Geoparsing throughput (bench/geoparse_throughput.sh):"
RUNS=$RUNS "$here/bench/geoparse_throughput.sh" "$build"
