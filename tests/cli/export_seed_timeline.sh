#!/usr/bin/env bash
# export with the seed articles (read from the shared folder, never copied here), checked by pixels:
# in plain lon/lat (EPSG:4326) with a --view that fills the image exactly, a place at (lon, lat)
# lands on pixel ((lon - lonmin) / step, (latmax - lat) / step), computed here independently of the
# tool. The wide view (0.05 degrees a pixel) holds Moscow and the Caucasus; the Levant view (0.005)
# keeps Latakia's marker clear of the airport's, 20 km away.
#  - 2005-02-15, 60-day window: Moscow (the January 2005 Kremlin meeting) is marked, Latakia is not.
#  - 2015-09-30, cumulative: markers at Latakia, Tartus, Homs and Damascus; the North Caucasus is
#    drawn as an area (its inside is tinted towards the article colour, compared with the same map
#    on 2015-08-01, before anything was reported there).
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"
C=$CMAP_SHARED_DIR/corpus
[ -d "$C" ] || { echo "seed corpus not found in $C" >&2; exit 1; }
VIEW=(--projection EPSG:4326 --view 20,30,60,60 --size 800x600)
LEVANT=(--projection EPSG:4326 --view 34.5,33,37.5,36 --size 600x600)

expect_exit 0 "export 2005-02-15 window 60" -- export "${VIEW[@]}" --date 2005-02-15 --mode window --window 60 \
    --out "$TMP/2005.png" --debug-json "$TMP/2005.json" "$C"/*.txt
expect_exit 0 "export 2015-09-30 cumulative" -- export "${VIEW[@]}" --date 2015-09-30 \
    --out "$TMP/2015.png" --debug-json "$TMP/2015.json" "$C"/*.txt
expect_exit 0 "export the Levant 2015-09-30 cumulative" -- export "${LEVANT[@]}" --date 2015-09-30 \
    --out "$TMP/levant.png" --debug-json "$TMP/levant.json" "$C"/*.txt
expect_exit 0 "export 2015-08-01 cumulative" -- export "${VIEW[@]}" --date 2015-08-01 \
    --out "$TMP/before.png" --debug-json "$TMP/before.json" "$C"/*.txt

PYTHONPATH="$(dirname "$0")" /usr/bin/python3 - "$TMP" <<'PY' || fail "seed timeline pixel checks"
import json, math, sys
from png_pixels import load_png


def pixel(img, x, y):
    w, h, rows = img
    x, y = int(round(x)), int(round(y))
    return tuple(rows[y][4 * x:4 * x + 3])

def at(lon, lat, lonmin=20, latmax=60, step=0.05):
    return (lon - lonmin) / step, (latmax - lat) / step

LAND = (243, 240, 232)

def faded(colour, opacity):
    return tuple(c * opacity + l * (1 - opacity) for c, l in zip(colour, LAND))

def saturated(c):
    return max(c) - min(c) > 60

def hexrgb(s):
    return tuple(int(s[i:i + 2], 16) for i in (1, 3, 5))

def near(c, d, tol=40):
    return max(abs(a - b) for a, b in zip(c, d)) <= tol

tmp = sys.argv[1]
bad = []
palette = {hexrgb(c) for c in ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"]}

# --- 2005-02-15, 60-day window ---
img = load_png(f"{tmp}/2005.png")
if img[:2] != (800, 600): bad.append(f"2005: image is {img[:2]}")
shown = json.load(open(f"{tmp}/2005.json"))["mentions"]
moscow = [m for m in shown if "Moscow" in m["place"] or "Kremlin" in m["place"]]
if not moscow: bad.append("2005: nothing in Moscow is shown")
for m in moscow:
    x, y = at(m["lon"], m["lat"])
    if abs(x - m["x"]) > 0.5 or abs(y - m["y"]) > 0.5: bad.append(f"2005: {m['place']} at {m['x']},{m['y']}, expected {x},{y}")
# The window fades what is older than the day: 2005-01-25 is 21 days before, not gone.
if not any(near(pixel(img, *at(m["lon"], m["lat"])), faded(hexrgb(m["color"]), m["opacity"])) for m in moscow):
    bad.append(f"2005: no marker colour in Moscow: {[pixel(img, *at(m['lon'], m['lat'])) for m in moscow]}")
if any("Latakia" in m["place"] or "Bassel" in m["place"] for m in shown): bad.append("2005: Latakia is shown")
lx, ly = at(35.7901, 35.5317)
around = [pixel(img, lx + dx, ly + dy) for dx in range(-4, 5) for dy in range(-4, 5)]
if any(saturated(c) for c in around): bad.append(f"2005: marker colours at Latakia {[c for c in around if saturated(c)][:3]}")

# --- 2015-09-30, cumulative ---
img = load_png(f"{tmp}/levant.png")
shown = json.load(open(f"{tmp}/levant.json"))["mentions"]
levant = dict(lonmin=34.5, latmax=36, step=0.005)
for name, lon, lat in [("Latakia", 35.7901, 35.5317), ("Tartus", 35.8866, 34.8890), ("Homs", 36.7234, 34.7268),
                       ("Damascus", 36.2913, 33.5102)]:
    marks = [m for m in shown if m["shape"] in ("marker", "facility") and
             math.hypot(m["lon"] - lon, m["lat"] - lat) < 0.2]
    if not marks:
        bad.append(f"2015: no marker at {name}")
        continue
    # Concentric markers: the first article's colour is in the middle, filled when one of its
    # reports of the place is dated to the day, else a ring round white (dated to the month).
    first = min(marks, key=lambda m: m["document"])
    x, y = at(first["lon"], first["lat"], **levant)
    if any(m["day_precise"] for m in marks if m["document"] == first["document"]):
        if not near(pixel(img, x, y), hexrgb(first["color"])):
            bad.append(f"2015: {name} pixel {pixel(img, x, y)} is not {first['color']}")
    else:
        if not near(pixel(img, x, y), (255, 255, 255), 20):
            bad.append(f"2015: {name}, dated to the month, is not hollow: {pixel(img, x, y)}")
        ring = [pixel(img, x + dx, y) for dx in range(2, 9)] + [pixel(img, x, y + dy) for dy in range(2, 9)]
        if not any(near(c, hexrgb(first["color"])) for c in ring):
            bad.append(f"2015: {name}, dated to the month, has no {first['color']} ring: {ring}")
img = load_png(f"{tmp}/2015.png")
shown = json.load(open(f"{tmp}/2015.json"))["mentions"]
areas = [m for m in shown if m["place"] == "North Caucasus"]
if not areas or any(m["shape"] != "area" for m in areas): bad.append(f"2015: North Caucasus is not an area: {areas}")
else:
    colour = hexrgb(min(areas, key=lambda m: m["document"])["color"])
    before = load_png(f"{tmp}/before.png")
    if any(m["place"] == "North Caucasus" for m in json.load(open(f"{tmp}/before.json"))["mentions"]):
        bad.append("2015-08-01: North Caucasus is already shown")
    # A 20 x 20 pixel patch inside the region (Stavropol steppe, lon 42.5..43.5, lat 45..45.5 is
    # in it), away from towns' labels: mean colour must move towards the article colour.
    def mean(img, cx, cy):
        px = [pixel(img, cx + dx, cy + dy) for dx in range(-10, 10) for dy in range(-10, 10)]
        return [sum(p[i] for p in px) / len(px) for i in range(3)]
    cx, cy = at(43.0, 45.3)
    dist = lambda c: math.dist(c, colour)
    a, b = mean(before, cx, cy), mean(img, cx, cy)
    if not dist(b) < dist(a) - 8: bad.append(f"2015: North Caucasus patch not tinted: {a} -> {b}, towards {colour}")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
finish
