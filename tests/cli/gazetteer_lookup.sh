#!/usr/bin/env bash
# The foundation issue's lookup checks on the real geodata, through the CLI contract.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
[ -f "$CONFLICTMAP_GEODATA/places.shp" ] || { echo "geodata not built in $CONFLICTMAP_GEODATA: run ./setup.sh" >&2; exit 1; }

# check NAME PYTHON-EXPRESSION: the expression sees `r` (the JSON array) and `km(lat, lon, lat2, lon2)`.
check() {
    expect_exit 0 "lookup $1" -- gazetteer lookup "$1" --json --limit 5
    /usr/bin/python3 - "$TMP/out" "$1" "$2" <<'PY' || fail "lookup $2: $3"
import json, math, sys
r = json.load(open(sys.argv[1]))
def km(a, b, c, d):
    h = math.sin(math.radians(c - a) / 2) ** 2 + math.cos(math.radians(a)) * math.cos(math.radians(c)) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
keys = {"name", "kind", "country", "lat", "lon", "population", "population_estimate", "geonameid", "source"}
assert r and all(set(x) == keys for x in r), "fields of the contract"
ok = eval(sys.argv[3])
if not ok:
    print(sys.argv[2], "->", json.dumps(r[:3]), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}
check "Latakia" 'km(r[0]["lat"], r[0]["lon"], 35.53, 35.79) < 40'
check "Tartus" 'r[0]["country"] == "SY"'
check "Homs" 'r[0]["country"] == "SY"'
check "Damascus" 'r[0]["country"] == "SY" and r[0]["kind"] == "city"'
check "Al Lādhiqīyah" 'km(r[0]["lat"], r[0]["lon"], 35.53, 35.79) < 40'
check "North Caucasus" 'r[0]["kind"] == "region"'
check "Syria" 'r[0]["kind"] == "country" and r[0]["country"] == "SY"'
check "Kremlin" 'r[0]["kind"] == "poi" and km(r[0]["lat"], r[0]["lon"], 55.752, 37.617) < 3'
check "Washington" 'r[0]["geonameid"] == 4140963'
# GeoNames gives Tall Afar (a district seat of about 200,000) no population: it is estimated as its
# country's district seats are, and told apart from a stated one.
check "Tall Afar" 'r[0]["country"] == "IQ" and r[0]["population"] is None and r[0]["population_estimate"] >= 10000'
check "Homs" 'r[0]["population"] > 0 and r[0]["population_estimate"] is None'

expect_exit 0 "unknown name" -- gazetteer lookup "Qwzxv Nowhere" --json
[ "$(tr -d ' \n' < "$TMP/out")" = "[]" ] || fail "unknown name should print []"
finish
