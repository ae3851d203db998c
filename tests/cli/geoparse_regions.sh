#!/usr/bin/env bash
# The areas conflict reporting names that are no unit of any administration (geodata/regions.csv:
# the Ghoutas, Qalamoun, the Hauran, Cyrenaica, Nagorno-Karabakh, ...) are found in running text
# as regions, under the spellings outlets use, where they are.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
[ -f "$CONFLICTMAP_GEODATA/regions.shp" ] || { echo "geodata not built in $CONFLICTMAP_GEODATA: run ./setup.sh" >&2; exit 1; }

# Sentences of our own.
cat >"$TMP/a.txt" <<'TXT'
Aid trucks waited for days outside East Ghouta while jets circled over the Qalamoun mountains.
Farmers in the Hauran said the harvest was lost, and shelling resumed in Jabal al-Zawiya.
Militias in Cyrenaica rejected the deal signed in Tripolitania.
Monitors reported shooting along the line in Nagorno-Karabakh and near South Ossetia.
TXT
expect_exit 0 "geoparse regions" -- geoparse --json "$TMP/a.txt"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "regions in running text"
import json, math, sys
mentions = json.load(open(sys.argv[1]))["articles"][0]["mentions"]
def km(a, b, c, d):
    h = math.sin(math.radians(c - a) / 2) ** 2 + math.cos(math.radians(a)) * math.cos(math.radians(c)) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
# text in the article -> (name, lat, lon) it must resolve to as a region, within 300 km (the
# provinces of Libya are large; a wrong namesake is a continent away)
want = {
    "East Ghouta": ("Eastern Ghouta", 33.55, 36.44),
    "Qalamoun": ("Qalamoun", 33.95, 36.65),
    "Hauran": ("Hauran", 32.75, 36.35),
    "Jabal al-Zawiya": ("Jabal al-Zawiya", 35.67, 36.54),
    "Cyrenaica": ("Cyrenaica", 28.0, 22.0),
    "Tripolitania": ("Tripolitania", 31.0, 13.5),
    "Nagorno-Karabakh": ("Nagorno-Karabakh", 39.85, 46.7),
    "South Ossetia": ("South Ossetia", 42.3, 44.1),
}
bad = []
for text, (name, lat, lon) in want.items():
    got = [m for m in mentions if m["text"] == text]
    if not got:
        bad.append(f"{text!r} not found")
    elif got[0]["kind"] != "region" or got[0]["name"] != name or km(got[0]["lat"], got[0]["lon"], lat, lon) > 300:
        bad.append(f"{text!r} -> {got[0]['name']} ({got[0]['kind']}) at {got[0]['lat']:.3f},{got[0]['lon']:.3f}")
for b in bad:
    print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
finish
