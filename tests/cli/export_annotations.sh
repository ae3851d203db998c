#!/usr/bin/env bash
# export --workspace draws the workspace's annotations: in plain lon/lat (EPSG:4326) with a view
# that fills the image exactly, a place (lon, lat) lands on pixel ((lon - 34) / 0.015,
# (38 - lat) / 0.015). An arrow changes the pixels along it and nowhere far from it; outside its
# time span it is not drawn; a bad annotation is one line naming the file, exit 2.
. "$(dirname "$0")/lib.bash"
mkdir "$TMP/empty"
V=(--size 400x400 --projection EPSG:4326 --view 34,32,40,38 --corpus "$TMP/empty" --no-basemap)

printf '{"version": 1}' >"$TMP/plain.json"
cat >"$TMP/arrow.json" <<'EOF2'
{"version": 1, "annotations": [
 {"id": "route", "kind": "arrow", "points": [[35, 33], [39, 37]], "text": "",
  "style": {"rgba": 3422552319, "width": 4}, "from": "2015-09", "to": "2015-12"}]}
EOF2
expect_exit 0 "plain" -- export "${V[@]}" --workspace "$TMP/plain.json" --out "$TMP/plain.png"
expect_exit 0 "with an arrow" -- export "${V[@]}" --workspace "$TMP/arrow.json" --out "$TMP/arrow.png"
expect_exit 0 "arrow in its span" -- export "${V[@]}" --workspace "$TMP/arrow.json" --date 2015-10-01 --out "$TMP/in.png"
expect_exit 0 "arrow after its span" -- export "${V[@]}" --workspace "$TMP/arrow.json" --date 2016-01-01 --out "$TMP/after.png"

PYTHONPATH="$(dirname "$0")" /usr/bin/python3 - "$TMP" <<'PY' || fail "arrow pixel checks"
import sys
from png_pixels import load_png
def pixel(img, x, y):
    w, h, rows = img
    x, y = int(round(x)), int(round(y))
    return tuple(rows[y][4 * x:4 * x + 3])
tmp = sys.argv[1]
plain, arrow = load_png(f"{tmp}/plain.png"), load_png(f"{tmp}/arrow.png")
inside, after = load_png(f"{tmp}/in.png"), load_png(f"{tmp}/after.png")
def px(lon, lat): return (lon - 34) / 0.015, (38 - lat) / 0.015
def red(c): return c[0] > 180 and c[1] < 60 and c[2] < 60
bad = []
# Along the arrow (a geodesic, within a few pixels of the straight line here): the arrow's red,
# where the plain map has none; with a date, only within the arrow's time span.
for t in (0.25, 0.5, 0.75):
    x, y = px(35 + 4 * t, 33 + 4 * t)
    around = [(x + d, y + d) for d in range(-6, 7)]  # across the arrow
    for name, img, want in [("no date", arrow, True), ("in its span", inside, True), ("after its span", after, False), ("plain", plain, False)]:
        if any(red(pixel(img, *p)) for p in around) != want:
            bad.append(f"{name}: arrow red {'missing' if want else 'drawn'} at {t:.2f} of the way")
# The arrowhead covers the end; far from the arrow nothing changes.
x, y = px(39, 37)
if pixel(arrow, x - 3, y + 3) == pixel(plain, x - 3, y + 3): bad.append("no arrowhead at the end")
for lon, lat in [(34.5, 37.5), (39.5, 32.5), (38, 33.5)]:
    if pixel(arrow, *px(lon, lat)) != pixel(plain, *px(lon, lat)): bad.append(f"changed far from the arrow at {lon},{lat}")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY

printf '{"version": 1, "annotations": [{"id": "a", "kind": "arrow", "points": [[35, 33]]}]}' >"$TMP/bad.json"
expect_exit 2 "an arrow with one point" -- export "${V[@]}" --workspace "$TMP/bad.json" --out "$TMP/bad.png"
expect_err_line "$TMP/bad.json: annotations[0].points: arrow needs 2 points, not 1" "an arrow with one point"
[ ! -e "$TMP/bad.png" ] || fail "a bad workspace still wrote an image"
finish
