#!/usr/bin/env bash
# The program never opens a network socket, whatever the input: files that point GDAL at a remote
# source (a GeoJSON crs link, an OGR VRT over /vsicurl/ or WFS, a KML NetworkLink, a URL given as
# the file) are refused with one line naming the file (exit 2), and no AF_INET/AF_INET6 connect
# is made on the way (strace), for --layer, --events and a workspace's overlays and events.
# The URLs name 127.0.0.1 port 9 (discard): a connect attempt fails at once instead of hanging,
# and shows in strace all the same.
. "$(dirname "$0")/lib.bash"
command -v strace >/dev/null || { echo "FAIL: strace not found (scripts/debian-packages-test.txt)" >&2; exit 1; }
D=$TMP/remote; mkdir -p "$D"
OUT=$TMP/map.png
URL=http://127.0.0.1:9

point='{"type":"Feature","properties":{"event_date":"2015-09-30","event_type":"Battles"},"geometry":{"type":"Point","coordinates":[35.79,35.52]}}'
printf '{"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"%s/crs.wkt","type":"ogcwkt"}},"features":[%s]}' \
    "$URL" "$point" >"$D/crslink.geojson"
printf '<OGRVRTDataSource><OGRVRTLayer name="a"><SrcDataSource>/vsicurl/%s/a.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>' \
    "$URL" >"$D/vsicurl.vrt"
printf '<OGRVRTDataSource><OGRVRTLayer name="a"><SrcDataSource>WFS:%s/wfs</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>' \
    "$URL" >"$D/wfs.vrt"
cat >"$D/networklink.kml" <<KML
<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>n</name>
<NetworkLink><name>remote</name><Link><href>$URL/remote.kml</href></Link></NetworkLink>
</Document></kml>
KML
# The UK's grid shift comes from PROJ's CDN when PROJ's network is on.
printf '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[530000,180000]}}]}' \
    >"$D/osgb.geojson"

# no_connect DESCRIPTION: the strace log of the last run shows no internet connect.
no_connect() {
    if grep -E 'connect\(.*(AF_INET|AF_INET6)' "$TMP/trace" >/dev/null; then
        fail "$1: connected out: $(grep -E 'connect\(.*AF_INET' "$TMP/trace" | head -2)"
    fi
}
# traced CODE DESCRIPTION -- ARGS: runs the program under strace, checks the exit code and the
# connects; stderr in $TMP/err.
traced() {
    local code=$1 what=$2
    shift 3
    # LeakSanitizer cannot run under ptrace; the same commands are leak-checked untraced by the
    # other CLI tests of the sanitized suite.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" PROJ_NETWORK=ON strace -f -qq -e trace=connect -o "$TMP/trace" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$code" ] || fail "$what: exit $got, expected $code (stderr: $(head -c 300 "$TMP/err"))"
    no_connect "$what"
}
E=(export --no-basemap --no-furniture --size 64x36 --view 34,34,37,37 --out "$OUT")

# refused_layer DESCRIPTION FILE [TEXT]: as --layer, as --events and as a workspace's overlay.
refused_everywhere() {
    local what=$1 file=$2 text=${3:-$2}
    rm -f "$OUT"
    traced 2 "$what as --layer" -- "${E[@]}" --layer "$file"
    expect_err_line "$text" "$what as --layer"
    traced 2 "$what as --events" -- "${E[@]}" --events "$file"
    expect_err_line "$text" "$what as --events"
    printf '{"version": 1, "overlays": ["%s"]}' "$file" >"$D/ws.json"
    traced 2 "$what as a workspace overlay" -- "${E[@]}" --workspace "$D/ws.json"
    expect_err_line "$text" "$what as a workspace overlay"
    printf '{"version": 1, "events": [{"path": "%s"}]}' "$file" >"$D/ws.json"
    traced 2 "$what as workspace events" -- "${E[@]}" --workspace "$D/ws.json"
    expect_err_line "$text" "$what as workspace events"
    [ ! -e "$OUT" ] || fail "$what: left $OUT behind"
}

refused_everywhere "GeoJSON with a crs link" "$D/crslink.geojson" "$D/crslink.geojson: refers to a remote source"
refused_everywhere "VRT over /vsicurl/" "$D/vsicurl.vrt"
refused_everywhere "VRT over WFS" "$D/wfs.vrt"
refused_everywhere "a /vsicurl/ name" "/vsicurl/$URL/a.geojson" "not a local file"
refused_everywhere "a URL" "$URL/a.geojson" "not a local file"
refused_everywhere "a WFS connection string" "WFS:$URL/wfs" "not a local file"

# A KML NetworkLink is not followed: the file holds no feature of its own (a warning, drawn empty).
traced 0 "KML with a NetworkLink" -- "${E[@]}" --layer "$D/networklink.kml"

# A coordinate system whose grid PROJ would download: reprojected without it, offline.
traced 0 "EPSG:27700 with PROJ_NETWORK=ON" -- "${E[@]}" --layer "$D/osgb.geojson"
[ -s "$OUT" ] || fail "EPSG:27700 layer: no image"

finish
