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
# text in the article|kind|name|lat|lon it must resolve to, within 300 km (the provinces of Libya
# are large; a wrong namesake is a continent away)
/usr/bin/python3 "$(dirname "$0")/mentions_at.py" "$TMP/out" 300 <<'WANT' || fail "regions in running text"
East Ghouta|region|Eastern Ghouta|33.55|36.44
Qalamoun|region|Qalamoun|33.95|36.65
Hauran|region|Hauran|32.75|36.35
Jabal al-Zawiya|region|Jabal al-Zawiya|35.67|36.54
Cyrenaica|region|Cyrenaica|28.0|22.0
Tripolitania|region|Tripolitania|31.0|13.5
Nagorno-Karabakh|region|Nagorno-Karabakh|39.85|46.7
South Ossetia|region|South Ossetia|42.3|44.1
WANT
finish
