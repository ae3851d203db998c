#!/usr/bin/env bash
# Bases, dams, crossings and prisons of the curated facilities table are found in running text at
# their own place, in the lower-case spellings news uses; the towns they are named after stay towns.
# A crossing or a terminal named after a place that is no town of the gazetteer is found by that
# name alone.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
[ -f "$CONFLICTMAP_GEODATA/facilities.shp" ] || { echo "geodata not built in $CONFLICTMAP_GEODATA: run ./setup.sh" >&2; exit 1; }

# Sentences of our own.
cat >"$TMP/a.txt" <<'EOF'
Drones hit the Morozovsk air base overnight, and the governor of Rostov said fuel tanks burned near Morozovsk.
Engineers said water was still pouring through the breached Kakhovka dam.
Aid convoys waited at the Bab al-Hawa crossing for a second day.
Relatives gathered outside Sednaya prison after the guards fled.
A patrol boat left the Ochakov naval base. Supplies came through the Semalka border crossing.
A drone struck the Chornobaivka airfield outside Kherson.
Trucks of flour crossed into Idlib at Bab al-Hawa, and the militia held the oil ports of Ras Lanuf and Es Sider.
Jets flew from Kweires to strike Deir ez-Zor, and a convoy reached al-Tanf.
EOF
expect_exit 0 "geoparse facilities" -- geoparse --json "$TMP/a.txt"
# text in the article|kind||lat|lon it must resolve to, within 10 km
/usr/bin/python3 "$(dirname "$0")/mentions_at.py" "$TMP/out" 10 <<'WANT' || fail "facilities in running text"
Morozovsk air base|poi||48.31|41.79
Morozovsk|city||48.35|41.83
Kakhovka dam|poi||46.78|33.37
Bab al-Hawa crossing|poi||36.23|36.67
Sednaya prison|poi||33.67|36.33
Ochakov naval base|poi||46.61|31.55
Semalka border crossing|poi||37.08|42.37
Chornobaivka airfield|poi||46.68|32.51
Kherson|city||46.64|32.61
Bab al-Hawa|poi||36.23|36.67
Ras Lanuf|poi||30.50|18.55
Es Sider|poi||30.63|18.35
Kweires|poi||36.19|37.58
al-Tanf|poi||33.50|38.66
WANT

# The lookup finds them under the outlets' other spellings.
for name in "Khmeimim airbase" "Abu al-Duhur air base" "Nova Kakhovka dam" "Jarabulus border crossing" \
            "Engels airbase" "al-Anad air base" "Kerem Abu Salem crossing"; do
    expect_exit 0 "lookup $name" -- gazetteer lookup "$name" --json --limit 1
    grep -q '"kind": *"poi"' "$TMP/out" || fail "lookup $name: no facility first: $(head -c 300 "$TMP/out")"
done
finish
